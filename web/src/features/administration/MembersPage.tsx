import { Button, Fieldset, Paragraph, Radio, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AppLink } from '../../core/ui/AppLink';
import { useFormErrors } from '../../core/ui/forms';
import { useSettled } from '../../core/ui/settled';
import { membersQuery, studentSearchQuery, useAddMember, useEndMember, type Member, type Members } from './api';
import { AdminFormSection, AdminPageTop, AdminTable, ConfirmWithReason, ReasonField, missingFields, sendChange } from './parts';
import { DateField } from '../../core/ui/DateField';

/** A group's memberships, past and present: add a student from a date, end a membership on a date. */
export function MembersPage({ schoolId, groupId }: { schoolId: string; groupId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(membersQuery(schoolId, groupId));
  const [note, setNote] = useState('');
  const [ending, setEnding] = useState<Member | null>(null);
  const status = (m: Member) => (m.current ? 'now' : m.endsOn !== null && m.endsOn <= data.today ? 'ended' : 'later');
  return (
    <div className="stack">
      <AdminPageTop schoolId={schoolId} title={t('administration.members.title', { group: data.group.name })} access={data.access}
        intro={t('administration.members.intro')}
        back={<AppLink to="/admin/schools/$schoolId/groups" params={{ schoolId }}>{t('administration.members.back')}</AppLink>} />
      <Paragraph role="status" data-size="sm">{note}</Paragraph>
      {data.members.length === 0 ? <Paragraph>{t('administration.members.none')}</Paragraph> : (
        <AdminTable label={t('administration.members.title', { group: data.group.name })}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('administration.members.student')}</Table.HeaderCell>
              <Table.HeaderCell>{t('administration.members.from')}</Table.HeaderCell>
              <Table.HeaderCell>{t('administration.members.until')}</Table.HeaderCell>
              <Table.HeaderCell>{t('administration.members.status')}</Table.HeaderCell>
              <Table.HeaderCell><span className="ds-sr-only">{t('administration.members.end')}</span></Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.members.map((m) => (
              <Table.Row key={m.enrolmentId}>
                <Table.Cell data-label={t('administration.members.student')}>{m.name}</Table.Cell>
                <Table.Cell data-label={t('administration.members.from')}>{format.date(m.startsOn)}</Table.Cell>
                <Table.Cell data-label={t('administration.members.until')}>{m.endsOn ? format.date(m.endsOn) : t('administration.members.open')}</Table.Cell>
                <Table.Cell data-label={t('administration.members.status')}>
                  <Tag data-size="sm" data-color={status(m) === 'now' ? 'success' : 'neutral'}>{t(`administration.members.${status(m)}`)}</Tag>
                </Table.Cell>
                <Table.Cell data-label={t('administration.members.end')}>
                  {m.endsOn === null && (
                    <Button variant="secondary" data-size="sm" aria-label={t('administration.members.endFor', { name: m.name })} onClick={() => { setNote(''); setEnding(m); }}>
                      {t('administration.members.end')}
                    </Button>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </AdminTable>
      )}
      {ending && <EndDialog schoolId={schoolId} data={data} member={ending} onClose={() => setEnding(null)} onDone={(m) => { setEnding(null); setNote(m); }} />}
      <AddMemberForm schoolId={schoolId} data={data} onDone={setNote} />
    </div>
  );
}

// unsaved-guard: its date is a field of ConfirmWithReason's form, guarded there
function EndDialog({ schoolId, data, member, onClose, onDone }: { schoolId: string; data: Members; member: Member; onClose: () => void; onDone: (note: string) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const end = useEndMember(schoolId);
  const [endsOn, setEndsOn] = useState(data.today > member.startsOn ? data.today : '');
  const [error, setError] = useState<string | undefined>();
  return (
    <ConfirmWithReason
      title={t('administration.members.endTitle', { name: member.name, group: data.group.name })}
      text={t('administration.members.endText')}
      confirmLabel={t('administration.members.endYes')}
      onClose={onClose}
      extraValid={() => {
        setError(endsOn ? undefined : t('administration.required'));
        return !!endsOn;
      }}
      onConfirm={async (reason) => {
        await end.mutateAsync({ enrolmentId: member.enrolmentId, endsOn, reason });
        onDone(t('administration.members.endedDone', { name: member.name }));
      }}
    >
      <DateField id={`${uid}-endsOn`} type="date" label={t('administration.members.endsOn')} value={endsOn} onChange={(e) => setEndsOn(e.target.value)} error={error} />
    </ConfirmWithReason>
  );
}

type AddField = 'studentId' | 'startsOn' | 'reason';
const ADD_FIELDS: AddField[] = ['studentId', 'startsOn', 'reason'];

function AddMemberForm({ schoolId, data, onDone }: { schoolId: string; data: Members; onDone: (note: string) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const add = useAddMember(schoolId, data.group.id);
  const [q, setQ] = useState('');
  const [studentId, setStudentId] = useState('');
  const [startsOn, setStartsOn] = useState(data.today);
  const [reason, setReason] = useState('');
  const form = useFormErrors<AddField>(ADD_FIELDS);
  const search = useSettled(q.trim());
  const hits = useQuery(studentSearchQuery(schoolId, search));
  const students = search.length >= 2 ? hits.data?.students ?? [] : [];
  const dirty = q !== '' || studentId !== '' || reason !== '';
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.check(missingFields(t, { studentId, startsOn }, reason))) return;
    if (!(await sendChange(form, () => add.mutateAsync({ studentId, startsOn, reason: reason.trim() })))) return;
    const name = students.find((s) => s.studentId === studentId)?.name ?? '';
    onDone(t('administration.members.added', { name, group: data.group.name }));
    setQ('');
    setStudentId('');
    setReason('');
    form.clear();
  }
  return (
    <AdminFormSection uid={uid} heading={t('administration.members.addHeading')} form={form} order={ADD_FIELDS} dirty={dirty}
      idFor={(f) => (f === 'studentId' ? `${uid}-search` : `${uid}-${f}`)}
      pending={add.isPending} submitLabel={t('administration.members.add')} onSubmit={(e) => void submit(e)}>
        <Textfield id={`${uid}-search`} type="search" label={t('administration.members.search')} value={q} maxLength={100}
          onChange={(e) => { setQ(e.target.value); setStudentId(''); }} error={form.errors.studentId} />
        <div aria-live="polite">
          {search.length >= 2 && hits.isSuccess && students.length === 0 && <Paragraph data-size="sm">{t('administration.members.noHits')}</Paragraph>}
          {students.length > 0 && (
            <Fieldset>
              <Fieldset.Legend>{t('administration.members.pick')}</Fieldset.Legend>
              {students.map((s) => (
                <Radio key={s.studentId} name={`${uid}-student`} value={s.studentId} checked={studentId === s.studentId} onChange={() => setStudentId(s.studentId)}
                  label={s.basisGroups.length ? t('administration.members.inGroups', { name: s.name, groups: s.basisGroups.join(', ') }) : s.name} />
              ))}
            </Fieldset>
          )}
        </div>
        <DateField id={`${uid}-startsOn`} type="date" label={t('administration.members.startsOn')} value={startsOn} onChange={(e) => setStartsOn(e.target.value)} error={form.errors.startsOn} />
        <ReasonField id={`${uid}-reason`} value={reason} onChange={setReason} error={form.errors.reason} />
    </AdminFormSection>
  );
}
