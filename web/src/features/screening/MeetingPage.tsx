import { Button, Checkbox, Details, Fieldset, Heading, Paragraph, Select, Tag, Textfield, Table } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../core/api/client';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { PageHeading } from '../../core/ui/PageHeading';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';
import { meetingQuery, useSaveConcern, useSaveMeeting, useSendNote, type ClassTeamMeeting, type MeetingStudent } from './api';

const STRUGGLES = ['academic', 'social', 'mental', 'physical'] as const;

/** the class-team meeting — screening (Vg1), absence and warnings per student, the team's assessment and the follow-up list. */
export function MeetingPage({ basisGroupId }: { basisGroupId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(meetingQuery(basisGroupId));
  const [dirty, setDirty] = useState<Record<string, boolean>>({});
  const mark = (key: string) => (d: boolean) => setDirty((x) => (x[key] === d ? x : { ...x, [key]: d }));
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('screening.meeting.title', { group: data.group.name })} />
        <Paragraph className="muted">{t('screening.meeting.weeks', { weeks: data.weeks.join(', ') })}</Paragraph>
        <AccessReason access={data.access} />
      </div>
      <UnsavedGuard dirty={Object.values(dirty).some(Boolean)} />
      <MeetingForm data={data} onDirty={mark('meeting')} />
      <FollowUpList data={data} />
      {data.takesNotes && <Notes data={data} onDirty={mark('note')} />}
      <Students data={data} onDirty={mark} />
    </div>
  );
}

// unsaved-guard: reports its unsaved input through onDirty to the page's UnsavedGuard
function MeetingForm({ data, onDirty }: { data: ClassTeamMeeting; onDirty: (d: boolean) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const save = useSaveMeeting(data.group.id);
  const [week, setWeek] = useState(String(data.meeting?.week ?? data.weeks[0] ?? 40));
  const [heldOn, setHeldOn] = useState(data.meeting?.heldOn ?? '');
  const [env, setEnv] = useState(data.meeting?.learningEnvironment ?? '');
  const [saved, setSaved] = useState(false);
  const fields = save.error && isApiError(save.error) ? save.error.fieldErrors() : {};
  const change = <T,>(set: (v: T) => void) => (v: T) => { set(v); setSaved(false); onDirty(true); };
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await save.mutateAsync({ week: Number(week), heldOn: heldOn || null, learningEnvironment: env });
      setSaved(true);
      onDirty(false);
    } catch { /* shown below */ }
  }
  const weeks = [...new Set([...data.weeks, Number(week)])].sort((a, b) => a - b);
  return (
    <section aria-labelledby={uid} className="stack">
      <Heading level={2} data-size="sm" id={uid}>{t('screening.meeting.meetingHeading')}</Heading>
      {!data.canRecord && <Paragraph data-size="sm">{t('screening.meeting.readOnly')}</Paragraph>}
      <form className="stack" onSubmit={submit} noValidate aria-labelledby={uid}>
        <div className="screening-settings-row">
          <div className="absence-field">
            <label htmlFor={`${uid}-week`}>{t('screening.meeting.week')}</label>
            <Select id={`${uid}-week`} value={week} disabled={!data.canRecord} onChange={(e) => change(setWeek)(e.target.value)}>
              {weeks.map((w) => <Select.Option key={w} value={String(w)}>{w}</Select.Option>)}
            </Select>
          </div>
          <Textfield label={t('screening.meeting.heldOn')} type="date" value={heldOn} readOnly={!data.canRecord}
            onChange={(e) => change(setHeldOn)(e.target.value)} error={fields.heldOn} />
        </div>
        <Textfield label={t('screening.meeting.environment')} multiline rows={3} value={env} readOnly={!data.canRecord}
          onChange={(e) => change(setEnv)(e.target.value)} error={fields.learningEnvironment} />
        {save.isError && Object.keys(fields).length === 0 && <ErrorAlert error={save.error} />}
        <Paragraph role="status" data-size="sm">{saved ? t('screening.meeting.saved') : ''}</Paragraph>
        {data.canRecord && <div><Button type="submit" loading={save.isPending}>{t('screening.meeting.save')}</Button></div>}
      </form>
    </section>
  );
}

const struggleText = (t: TFunction, s: MeetingStudent) =>
  STRUGGLES.filter((k) => s.concern?.[k]).map((k) => t(`screening.meeting.${k}`)).join(', ');

/** The follow-up list: who, how they struggle, who follows up, proposed measures. */
function FollowUpList({ data }: { data: ClassTeamMeeting }) {
  const { t } = useTranslation();
  const uid = useId();
  const listed = data.students.filter((s) => s.concern !== null);
  return (
    <section aria-labelledby={uid} className="stack">
      <Heading level={2} data-size="sm" id={uid}>{t('screening.meeting.followUpHeading')}</Heading>
      {listed.length === 0 ? <Paragraph>{t('screening.meeting.followUpEmpty')}</Paragraph> : (
        <div className="table-scroll" role="region" aria-labelledby={uid} tabIndex={0}>
          <Table data-size="sm">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('screening.meeting.student')}</Table.HeaderCell>
                <Table.HeaderCell>{t('screening.meeting.struggles')}</Table.HeaderCell>
                <Table.HeaderCell>{t('screening.meeting.followUpBy')}</Table.HeaderCell>
                <Table.HeaderCell>{t('screening.meeting.measures')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {listed.map((s) => (
                <Table.Row key={s.student.id}>
                  <Table.HeaderCell scope="row">{s.student.familyName}, {s.student.givenName}</Table.HeaderCell>
                  <Table.Cell>{struggleText(t, s) || t('screening.meeting.noneMarked')}</Table.Cell>
                  <Table.Cell>{s.concern!.followUpBy?.name ?? t('screening.meeting.nobody')}</Table.Cell>
                  <Table.Cell className="pre-wrap">{s.concern!.proposedMeasures}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

// unsaved-guard: reports its unsaved input through onDirty to the page's UnsavedGuard
function Notes({ data, onDirty }: { data: ClassTeamMeeting; onDirty: (d: boolean) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const send = useSendNote(data.group.id);
  const [studentId, setStudentId] = useState(data.students[0]?.student.id ?? '');
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const fields = send.error && isApiError(send.error) ? send.error.fieldErrors() : {};
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await send.mutateAsync({ studentId, text });
      setText('');
      setSent(true);
      onDirty(false);
    } catch { /* shown below */ }
  }
  return (
    <section aria-labelledby={uid} className="stack">
      <Heading level={2} data-size="sm" id={uid}>{t('screening.meeting.notesHeading')}</Heading>
      <Paragraph data-size="sm">{t('screening.meeting.notesIntro')}</Paragraph>
      {data.canSendNote && (
        <form className="stack" onSubmit={submit} noValidate aria-labelledby={uid}>
          <div className="absence-field">
            <label htmlFor={`${uid}-student`}>{t('screening.meeting.noteStudent')}</label>
            <Select id={`${uid}-student`} value={studentId} onChange={(e) => setStudentId(e.target.value)}>
              {data.students.map((s) => <Select.Option key={s.student.id} value={s.student.id}>{s.student.familyName}, {s.student.givenName}</Select.Option>)}
            </Select>
          </div>
          <Textfield label={t('screening.meeting.noteText')} multiline rows={3} value={text} error={fields.text ?? fields.studentId}
            onChange={(e) => { setText(e.target.value); setSent(false); onDirty(e.target.value.trim() !== ''); }} />
          {send.isError && Object.keys(fields).length === 0 && <ErrorAlert error={send.error} />}
          <Paragraph role="status" data-size="sm">{sent ? t('screening.meeting.noteSent') : ''}</Paragraph>
          <div><Button type="submit" variant="secondary" disabled={!text.trim() || send.isPending}>{t('screening.meeting.sendNote')}</Button></div>
        </form>
      )}
    </section>
  );
}

function Students({ data, onDirty }: { data: ClassTeamMeeting; onDirty: (key: string) => (d: boolean) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  return (
    <section aria-labelledby={uid} className="stack">
      <Heading level={2} data-size="sm" id={uid}>{t('screening.meeting.studentsHeading')}</Heading>
      <Paragraph data-size="sm">{t('screening.meeting.studentsIntro')}</Paragraph>
      <ul className="screening-students">
        {data.students.map((s) => <StudentItem key={s.student.id} data={data} s={s} onDirty={onDirty(s.student.id)} />)}
      </ul>
    </section>
  );
}

// unsaved-guard: reports its unsaved input through onDirty to the page's UnsavedGuard
function StudentItem({ data, s, onDirty }: { data: ClassTeamMeeting; s: MeetingStudent; onDirty: (d: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const uid = useId();
  const save = useSaveConcern(data.group.id);
  const name = `${s.student.givenName} ${s.student.familyName}`;
  const [marks, setMarks] = useState(() => Object.fromEntries(STRUGGLES.map((k) => [k, s.concern?.[k] ?? false])) as Record<(typeof STRUGGLES)[number], boolean>);
  const [by, setBy] = useState(s.concern?.followUpBy?.staffMemberId ?? '');
  const [measures, setMeasures] = useState(s.concern?.proposedMeasures ?? '');
  const [saved, setSaved] = useState(false);
  const fields = save.error && isApiError(save.error) ? save.error.fieldErrors() : {};
  const touch = () => { setSaved(false); onDirty(true); };
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await save.mutateAsync({ studentId: s.student.id, body: { ...marks, followUpByStaffMemberId: by || null, proposedMeasures: measures } });
      setSaved(true);
      onDirty(false);
    } catch { /* shown below */ }
  }
  const sc = s.screening;
  return (
    <li className="screening-student">
      <div className="screening-student__facts">
        <strong>{s.student.familyName}, {s.student.givenName}</strong>
        {sc && (
          <span>
            {t('screening.meeting.screening')}: {t('screening.tests.norwegian')} {sc.norwegian ?? '–'}, {t('screening.tests.english')} {sc.english ?? '–'}, {t('screening.tests.maths')} {sc.maths ?? '–'}
            {sc.belowThreshold && <>{' '}<Tag data-size="sm" data-color="warning">{t('screening.page.below')}</Tag></>}
          </span>
        )}
        <span>
          {t('screening.meeting.absence')}: {s.absence.highestPercent.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nb-NO')} %
          {s.absence.subjectsOverLimit > 0 && <> ({t('screening.meeting.overLimit', { count: s.absence.subjectsOverLimit })})</>}
        </span>
        <span>{t('screening.meeting.warnings')}: {s.warnings}</span>
        {s.concern && <Tag data-size="sm" data-color="info">{struggleText(t, s) || t('screening.meeting.followUpHeading')}</Tag>}
      </div>
      {s.notes.length > 0 && (
        <div>
          <strong>{t('screening.meeting.notes')}</strong>
          <ul className="formative-history">
            {s.notes.map((n) => <li key={n.id}>{n.author} ({format.date(n.createdAt.slice(0, 10))}): {n.text}</li>)}
          </ul>
        </div>
      )}
      {data.canRecord && (
        <Details>
          <Details.Summary>{t('screening.meeting.edit', { name })}</Details.Summary>
          <Details.Content>
            <form className="stack" onSubmit={submit} noValidate aria-label={t('screening.meeting.edit', { name })}>
              <Fieldset>
                <Fieldset.Legend>{t('screening.meeting.strugglesLegend', { name })}</Fieldset.Legend>
                <div className="screening-settings-row">
                  {STRUGGLES.map((k) => (
                    <Checkbox key={k} label={t(`screening.meeting.${k}`)} checked={marks[k]}
                      onChange={(e) => { const v = e.target.checked; setMarks((m) => ({ ...m, [k]: v })); touch(); }} />
                  ))}
                </div>
              </Fieldset>
              <div className="absence-field">
                <label htmlFor={`${uid}-by`}>{t('screening.meeting.followUpBy')}</label>
                <Select id={`${uid}-by`} value={by} onChange={(e) => { setBy(e.target.value); touch(); }} aria-invalid={fields.followUpByStaffMemberId ? true : undefined}>
                  <Select.Option value="">{t('screening.meeting.nobody')}</Select.Option>
                  {data.team.map((m) => <Select.Option key={m.staffMemberId} value={m.staffMemberId}>{t(`screening.meeting.role.${m.role}`, { name: m.name })}</Select.Option>)}
                </Select>
                {fields.followUpByStaffMemberId && <span className="screening-error">{fields.followUpByStaffMemberId}</span>}
              </div>
              <Textfield label={t('screening.meeting.measures')} multiline rows={2} value={measures} error={fields.proposedMeasures}
                onChange={(e) => { setMeasures(e.target.value); touch(); }} />
              {save.isError && Object.keys(fields).length === 0 && <ErrorAlert error={save.error} />}
              <Paragraph role="status" data-size="sm">{saved ? t('screening.meeting.saved') : ''}</Paragraph>
              <div><Button type="submit" variant="secondary" loading={save.isPending}>{t('screening.meeting.saveConcern')}</Button></div>
            </form>
          </Details.Content>
        </Details>
      )}
    </li>
  );
}
