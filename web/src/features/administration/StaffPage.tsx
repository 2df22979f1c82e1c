import { Button, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../core/ui/forms';
import { roles, staffQuery, useAddRole, useRemoveRole, type Role, type StaffEntry, type StaffList } from './api';
import { AdminFormSection, AdminPageTop, AdminTable, ChoiceField, ConfirmWithReason, ReasonField, missingFields, sendChange } from './parts';

type StaffRole = StaffEntry['roles'][number];

// unsaved-guard: its one field filters the list; the form to add a role is AddRoleForm, guarded there
/** The school's staff with their roles (added and removed here) and what they teach this year. */
export function StaffPage({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(staffQuery(schoolId));
  const [filter, setFilter] = useState('');
  const [note, setNote] = useState('');
  const [removing, setRemoving] = useState<{ staff: StaffEntry; role: StaffRole } | null>(null);
  const remove = useRemoveRole(schoolId);
  const needle = filter.trim().toLocaleLowerCase();
  const shown = needle ? data.staff.filter((s) => s.name.toLocaleLowerCase().includes(needle)) : data.staff;
  const roleName = (r: StaffRole) => (r.departmentName
    ? t('administration.staff.department', { role: t(`administration.role.${r.role}`), department: r.departmentName })
    : t(`administration.role.${r.role}`));
  return (
    <div className="stack">
      <AdminPageTop schoolId={schoolId} title={`${t('administration.staff.title')} – ${data.school.name}`} access={data.access}
        intro={t('administration.staff.intro')} />
      <AddRoleForm schoolId={schoolId} data={data} onDone={setNote} />
      <Paragraph role="status" data-size="sm">{note}</Paragraph>
      <Textfield label={t('administration.staff.filter')} type="search" value={filter} maxLength={100} onChange={(e) => setFilter(e.target.value)} />
      <Paragraph data-size="sm">{t('administration.staff.shown', { shown: shown.length, total: data.staff.length })}</Paragraph>
      <AdminTable label={t('administration.staff.title')}>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('administration.staff.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('administration.staff.roles')}</Table.HeaderCell>
            <Table.HeaderCell>{t('administration.staff.teaches')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {shown.map((s) => (
            <Table.Row key={s.staffMemberId}>
              <Table.Cell data-label={t('administration.staff.name')}>
                <span><strong>{s.name}</strong> {s.isMe && t('administration.staff.you')}</span>
              </Table.Cell>
              <Table.Cell data-label={t('administration.staff.roles')}>
                {s.roles.length === 0 ? t('administration.staff.noRoles') : (
                  <ul className="admin-roles">
                    {s.roles.map((r) => (
                      <li key={r.id}>
                        <Tag data-size="sm" data-color="neutral">{roleName(r)}</Tag>
                        <Button variant="tertiary" data-size="sm" aria-label={t('administration.staff.removeFor', { role: roleName(r), name: s.name })}
                          onClick={() => { setNote(''); setRemoving({ staff: s, role: r }); }}>
                          {t('administration.staff.remove')}
                        </Button>
                      </li>
                    ))}
                  </ul>
                )}
              </Table.Cell>
              <Table.Cell data-label={t('administration.staff.teaches')}>
                {/* one child: on a phone the cell is a grid of its label and its content */}
                <div>
                  {s.contactTeacherOf.length > 0 && <p>{t('administration.staff.contactTeacherOf', { groups: s.contactTeacherOf.join(', ') })}</p>}
                  {s.subjectTeacherOf.length > 0 && <p>{t('administration.staff.subjectTeacherOf', { groups: s.subjectTeacherOf.join(', ') })}</p>}
                </div>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </AdminTable>
      {removing && (
        <ConfirmWithReason
          title={t('administration.staff.removeTitle', { role: roleName(removing.role), name: removing.staff.name })}
          text={t('administration.staff.removeText')}
          confirmLabel={t('administration.staff.removeYes')}
          onClose={() => setRemoving(null)}
          onConfirm={async (reason) => {
            await remove.mutateAsync({ staffMemberId: removing.staff.staffMemberId, roleId: removing.role.id, reason });
            setRemoving(null);
            setNote(t('administration.staff.removed', { role: roleName(removing.role), name: removing.staff.name }));
          }}
        />
      )}
    </div>
  );
}

type AddField = 'staffMemberId' | 'role' | 'departmentId' | 'reason';
const ADD_FIELDS: AddField[] = ['staffMemberId', 'role', 'departmentId', 'reason'];

function AddRoleForm({ schoolId, data, onDone }: { schoolId: string; data: StaffList; onDone: (note: string) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const add = useAddRole(schoolId);
  const [staffMemberId, setStaffMemberId] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [departmentId, setDepartmentId] = useState('');
  const [reason, setReason] = useState('');
  const form = useFormErrors<AddField>(ADD_FIELDS);
  const dirty = staffMemberId !== '' || role !== '' || reason !== '';
  async function submit(e: FormEvent) {
    e.preventDefault();
    const head = role === 'departmentHead';
    if (!form.check(missingFields(t, { staffMemberId, role, ...(head ? { departmentId } : {}) }, reason)) || !role) return;
    if (!(await sendChange(form, () => add.mutateAsync({ staffMemberId, role, departmentId: head ? departmentId : null, reason: reason.trim() })))) return;
    const name = data.staff.find((s) => s.staffMemberId === staffMemberId)?.name ?? '';
    onDone(t('administration.staff.added', { name, role: t(`administration.role.${role}`) }));
    setStaffMemberId('');
    setRole('');
    setDepartmentId('');
    setReason('');
    form.clear();
  }
  return (
    <AdminFormSection uid={uid} heading={t('administration.staff.addHeading')} form={form} order={ADD_FIELDS} dirty={dirty}
      pending={add.isPending} submitLabel={t('administration.staff.add')} onSubmit={(e) => void submit(e)}>
      <ChoiceField id={`${uid}-staffMemberId`} label={t('administration.staff.person')} value={staffMemberId} onChange={setStaffMemberId}
        error={form.errors.staffMemberId} options={data.staff.map((s) => ({ value: s.staffMemberId, label: s.name }))} />
      <ChoiceField id={`${uid}-role`} label={t('administration.staff.role')} value={role} onChange={(v) => setRole(v as Role | '')} error={form.errors.role}
        options={roles.map((r) => ({ value: r, label: t(`administration.role.${r}`) }))} />
      {role === 'departmentHead' && (
        <ChoiceField id={`${uid}-departmentId`} label={t('administration.staff.departmentLabel')} value={departmentId} onChange={setDepartmentId}
          error={form.errors.departmentId} options={data.departments.map((d) => ({ value: d.id, label: d.name }))} />
      )}
      <ReasonField id={`${uid}-reason`} value={reason} onChange={setReason} error={form.errors.reason} />
    </AdminFormSection>
  );
}
