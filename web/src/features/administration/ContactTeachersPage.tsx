import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../core/ui/forms';
import { groupsQuery, useAssignContactTeacher, useUnassignContactTeacher, type Group, type Groups } from './api';
import { AdminFormSection, AdminPageTop, AdminTable, ChoiceField, ConfirmWithReason, ReasonField, missingFields, sendChange } from './parts';

type Teacher = Group['contactTeachers'][number];

/** The basis groups' contact teachers: assign one, end one; the policy follows at once. */
export function ContactTeachersPage({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(groupsQuery(schoolId));
  const [note, setNote] = useState('');
  const [removing, setRemoving] = useState<{ group: Group; teacher: Teacher } | null>(null);
  const unassign = useUnassignContactTeacher(schoolId);
  const basis = data.groups.filter((g) => g.kind === 'basis');
  return (
    <div className="stack">
      <AdminPageTop schoolId={schoolId} title={`${t('administration.contactTeachers.title')} – ${data.school.name}`} access={data.access}
        intro={t('administration.contactTeachers.intro')} />
      <AssignForm schoolId={schoolId} data={data} onDone={setNote} />
      <Paragraph role="status" data-size="sm">{note}</Paragraph>
      <AdminTable label={t('administration.contactTeachers.title')}>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('administration.contactTeachers.group')}</Table.HeaderCell>
            <Table.HeaderCell>{t('administration.contactTeachers.teachers')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {basis.map((g) => (
            <Table.Row key={g.id}>
              <Table.Cell data-label={t('administration.contactTeachers.group')}><strong>{g.name}</strong></Table.Cell>
              <Table.Cell data-label={t('administration.contactTeachers.teachers')}>
                {g.contactTeachers.length === 0 ? t('administration.contactTeachers.none') : (
                  <ul className="admin-roles">
                    {g.contactTeachers.map((c) => (
                      <li key={c.staffMemberId}>
                        <span>{c.name}</span>
                        <Button variant="tertiary" data-size="sm" aria-label={t('administration.contactTeachers.removeFor', { name: c.name, group: g.name })}
                          onClick={() => { setNote(''); setRemoving({ group: g, teacher: c }); }}>
                          {t('administration.contactTeachers.remove')}
                        </Button>
                      </li>
                    ))}
                  </ul>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </AdminTable>
      {removing && (
        <ConfirmWithReason
          title={t('administration.contactTeachers.removeTitle', { name: removing.teacher.name, group: removing.group.name })}
          text={t('administration.contactTeachers.removeText')}
          confirmLabel={t('administration.contactTeachers.removeYes')}
          onClose={() => setRemoving(null)}
          onConfirm={async (reason) => {
            await unassign.mutateAsync({ groupId: removing.group.id, staffMemberId: removing.teacher.staffMemberId, reason });
            setRemoving(null);
            setNote(t('administration.contactTeachers.removed', { name: removing.teacher.name, group: removing.group.name }));
          }}
        />
      )}
    </div>
  );
}

type AssignField = 'groupId' | 'staffMemberId' | 'reason';
const FIELDS: AssignField[] = ['groupId', 'staffMemberId', 'reason'];

function AssignForm({ schoolId, data, onDone }: { schoolId: string; data: Groups; onDone: (note: string) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const assign = useAssignContactTeacher(schoolId);
  const [groupId, setGroupId] = useState('');
  const [staffMemberId, setStaffMemberId] = useState('');
  const [reason, setReason] = useState('');
  const form = useFormErrors<AssignField>(FIELDS);
  const dirty = groupId !== '' || staffMemberId !== '' || reason !== '';
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.check(missingFields(t, { groupId, staffMemberId }, reason))) return;
    if (!(await sendChange(form, () => assign.mutateAsync({ groupId, staffMemberId, reason: reason.trim() })))) return;
    const name = data.staff.find((s) => s.staffMemberId === staffMemberId)?.name ?? '';
    const group = data.groups.find((g) => g.id === groupId)?.name ?? '';
    onDone(t('administration.contactTeachers.assigned', { name, group }));
    setGroupId('');
    setStaffMemberId('');
    setReason('');
    form.clear();
  }
  return (
    <AdminFormSection uid={uid} heading={t('administration.contactTeachers.assignHeading')} form={form} order={FIELDS} dirty={dirty}
      pending={assign.isPending} submitLabel={t('administration.contactTeachers.assign')} onSubmit={(e) => void submit(e)}>
      <ChoiceField id={`${uid}-groupId`} label={t('administration.contactTeachers.group')} value={groupId} onChange={setGroupId} error={form.errors.groupId}
        options={data.groups.filter((g) => g.kind === 'basis').map((g) => ({ value: g.id, label: g.name }))} />
      <ChoiceField id={`${uid}-staffMemberId`} label={t('administration.contactTeachers.person')} value={staffMemberId} onChange={setStaffMemberId}
        error={form.errors.staffMemberId} options={data.staff.map((s) => ({ value: s.staffMemberId, label: s.name }))} />
      <ReasonField id={`${uid}-reason`} value={reason} onChange={setReason} error={form.errors.reason} />
    </AdminFormSection>
  );
}
