import { Button, Card, Checkbox, Details, Field, Heading, Label, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { PageHeading } from '../../core/ui/PageHeading';
import {
  absenceReasons, changesQuery, diplomaQuery, grounds, studentAbsenceQuery, useStudentAbsenceMutation, type AbsenceEntry, type AbsenceLimitDecisionBody,
  type AbsenceReason, type DiplomaBody, type DocumentationBody, type FullDayInput, type HigherRiskBody, type SelfCertificationBody, type StudentAbsence,
  type SubjectAbsence, type SubjectStatus,
} from './api';
import './absence.css';
import { DateField } from '../../core/ui/DateField';
import { UnsavedGuard, useDirty } from '../../core/ui/UnsavedGuard';

export type AbsenceViewer = 'staff' | 'self' | 'guardian';

const statusColor: Record<SubjectStatus, 'success' | 'warning' | 'danger' | 'info'> = { ok: 'success', nearLimit: 'warning', overLimit: 'danger', gradeByDecision: 'info' };
const keyOf = (e: Pick<AbsenceEntry, 'day' | 'lessonId'>) => `${e.day}|${e.lessonId}`;

/** A student's absence: per subject against the limit, each registration, the diploma; what may be done follows the server's permissions. */
export function StudentAbsencePage({ studentId, viewer }: { studentId: string; viewer: AbsenceViewer }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(studentAbsenceQuery(studentId));
  const name = `${data.student.givenName} ${data.student.familyName}`;
  return (
    <div className="stack">
      <div>
        <PageHeading title={viewer === 'self' ? t('absence.student.myTitle') : t('absence.student.title', { name })} />
        <Paragraph className="muted">{t('absence.student.schoolYear', { name: data.schoolYear.name, date: format.date(data.today) })}</Paragraph>
        <AccessReason access={data.access} />
      </div>
      {data.scope === 'ownSubject' && <Paragraph>{t('absence.student.ownSubject')}</Paragraph>}
      <Paragraph>{t('absence.student.totals', { hours: data.totals.absenceHours.toLocaleString(format.locale), days: data.totals.fullDays, late: data.totals.lateCount })}</Paragraph>
      {data.higherRiskCondition && <Paragraph data-size="sm">{t('absence.student.higherRisk', { date: format.date(data.higherRiskCondition.documentedOn) })}</Paragraph>}
      <Subjects data={data} />
      <Entries data={data} />
      {data.permissions.registerDay && <FullDayForm studentId={studentId} name={name} today={data.today} />}
      {data.permissions.recordHigherRisk && <HigherRiskForm data={data} />}
      {data.permissions.decideLimit && <DecisionForm data={data} />}
      {data.permissions.readDiploma && <DiplomaSection studentId={studentId} />}
      {data.permissions.document && <ChangeLog studentId={studentId} />}
    </div>
  );
}

function Subjects({ data }: { data: StudentAbsence }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="stack">
      <Heading level={2} data-size="sm" id={headingId}>{t('absence.student.subjects')}</Heading>
      <Paragraph data-size="sm" className="muted">{t('absence.student.lawNote')}</Paragraph>
      <ul className="absence-subjects">
        {data.subjects.map((s) => (
          <li key={s.subjectId}>
            <Card data-color={statusColor[s.status] === 'success' ? 'neutral' : statusColor[s.status]} className="absence-subject">
              <Heading level={3} data-size="2xs">{s.subjectName} <span className="muted">({s.subjectCode})</span></Heading>
              <p className="absence-subject__figure">
                <span className="muted">{t('absence.student.percent')}:</span>{' '}
                <strong>{t('absence.student.percentOf', { percent: s.percent.toLocaleString(format.locale), hours: s.plannedHours.toLocaleString(format.locale) })}</strong>
              </p>
              <Meter subject={s} />
              <Paragraph data-size="sm">
                <Tag data-color={statusColor[s.status]} data-size="sm">{t(`absence.status.${s.status}`)}</Tag>{' '}
                {t('absence.student.limit', { limit: s.limitPercent })}
              </Paragraph>
              <Paragraph data-size="sm">
                {t('absence.student.hours')}: {t('absence.student.hoursValue', { hours: s.absenceHours.toLocaleString(format.locale) })}
                {s.selfCertifiedHours > 0 && ` · ${t('absence.student.selfCertified')}: ${t('absence.student.hoursValue', { hours: s.selfCertifiedHours.toLocaleString(format.locale) })}`}
                {s.lateCount > 0 && ` · ${t('absence.register.late')}: ${s.lateCount}`}
              </Paragraph>
              {!s.selfCertificationAllowed && data.scope === 'all' && <Paragraph data-size="sm">{t('absence.student.selfCertificationUsed')}</Paragraph>}
              {s.decision && (
                <Paragraph data-size="sm">
                  {t('absence.student.decision', {
                    date: format.date(s.decision.decidedAt.slice(0, 10)),
                    outcome: s.decision.granted ? t('absence.student.decisionGranted', { limit: s.decision.limitPercent }) : t('absence.student.decisionRefused'),
                  })}
                  {s.decision.reasons && <><br />{t('absence.student.decisionReasons')}: {s.decision.reasons}</>}
                </Paragraph>
              )}
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** How far toward the limit: text carries the figure, the bar only shows it. */
function Meter({ subject: s }: { subject: SubjectAbsence }) {
  const { t } = useTranslation();
  const share = Math.min(100, (s.percent / s.limitPercent) * 100);
  return (
    <div className="absence-meter" title={t('absence.student.meter', { percent: s.percent, limit: s.limitPercent })}>
      <div className={`absence-meter__bar absence-meter__bar--${s.status}`} style={{ width: `${share}%` }} aria-hidden="true" />
    </div>
  );
}

function Entries({ data }: { data: StudentAbsence }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [done, setDone] = useState<string | null>(null);
  const selfCertify = useStudentAbsenceMutation<SelfCertificationBody>(data.student.id, '/self-certification');
  const document = useStudentAbsenceMutation<DocumentationBody>(data.student.id, '/documentation');
  const [reason, setReason] = useState<AbsenceReason>('health');
  const [documentedOn, setDocumentedOn] = useState(data.today);
  const canSelect = data.permissions.selfCertify || data.permissions.document;
  const selectable = (e: AbsenceEntry) => (data.permissions.document ? true : e.documentedOn === null && e.reason !== 'schoolHealthService');
  const items = data.entries.filter((e) => selected.has(keyOf(e))).map((e) => ({ day: e.day, lessonId: e.lessonId }));
  const toggle = (e: AbsenceEntry) => setSelected((s) => {
    const n = new Set(s);
    if (n.has(keyOf(e))) n.delete(keyOf(e));
    else n.add(keyOf(e));
    setDone(null);
    return n;
  });
  const entries = [...data.entries].reverse();

  return (
    <section aria-labelledby={headingId} className="stack">
      <UnsavedGuard dirty={selected.size > 0 && !document.isPending && !selfCertify.isPending} />
      <Heading level={2} data-size="sm" id={headingId}>{t('absence.student.entries')}</Heading>
      {entries.length === 0 ? <Paragraph>{t('absence.student.none')}</Paragraph> : (
        <ul className="absence-entries" aria-label={t('absence.student.entriesCaption')}>
          {entries.map((e) => {
            const label = `${format.date(e.day)} ${e.startsAt} ${e.subjectCode}`;
            return (
              <li key={keyOf(e)} className="absence-entry">
                {canSelect && selectable(e) && (
                  <Checkbox aria-label={data.permissions.document ? t('absence.document.select', { day: format.date(e.day), subject: e.subjectCode }) : t('absence.student.selectForSelfCertification', { day: format.date(e.day), subject: e.subjectCode })}
                    checked={selected.has(keyOf(e))} onChange={() => toggle(e)} />
                )}
                <span className="absence-entry__what">
                  <strong>{label}</strong> <span className="muted">{e.groupName}</span>
                </span>
                <span className="absence-entry__tags">
                  {e.late ? t('absence.student.lateMinutes', { minutes: e.minutes }) : `${e.minutes} min`}
                  {e.fullDay && <Tag data-size="sm" data-color="neutral">{t('absence.student.fullDay')}</Tag>}
                  <Tag data-size="sm" data-color={e.countsTowardLimit ? 'warning' : 'success'}>{t(`absence.reasons.${e.reason}`)}</Tag>
                  {e.documentedOn && e.reason !== 'selfCertification' && <span className="muted">{t('absence.student.documentedOn', { date: format.date(e.documentedOn) })}</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {canSelect && entries.length > 0 && (
        <div className="stack">
          {data.permissions.selfCertify && !data.permissions.document && (
            <div>
              <Button type="button" disabled={items.length === 0 || selfCertify.isPending} loading={selfCertify.isPending}
                onClick={() => selfCertify.mutateAsync({ items }).then(() => { setSelected(new Set()); setDone(t('absence.student.selfCertifiedDone')); }).catch(() => undefined)}>
                {t('absence.student.selfCertifySelected', { count: items.length })}
              </Button>
            </div>
          )}
          {data.permissions.document && (
            <form className="absence-form" onSubmit={(ev: FormEvent) => {
              ev.preventDefault();
              document.mutateAsync({ items, reason, documentedOn: reason === 'undocumented' || reason === 'schoolHealthService' ? null : documentedOn || null })
                .then(() => { setSelected(new Set()); setDone(t('absence.document.saved')); }).catch(() => undefined);
            }}>
              <Heading level={3} data-size="2xs">{t('absence.document.title')}</Heading>
              <Paragraph data-size="sm">{t('absence.document.selected', { count: items.length })} · {t('absence.document.noFreeText')}</Paragraph>
              <ReasonSelect value={reason} onChange={setReason} />
              <DateField label={t('absence.document.documentedOn')} type="date" value={documentedOn} onChange={(ev) => setDocumentedOn(ev.target.value)} className="absence-day" />
              <div><Button type="submit" disabled={items.length === 0 || document.isPending} loading={document.isPending}>{t('absence.document.save')}</Button></div>
            </form>
          )}
          <Paragraph role="status" data-size="sm">{done ?? ''}</Paragraph>
          {selfCertify.isError && <ErrorAlert error={selfCertify.error} />}
          {document.isError && <ErrorAlert error={document.error} />}
        </div>
      )}
    </section>
  );
}

// unsaved-guard: a field of the forms that render it, guarded there
function ReasonSelect({ value, onChange, id }: { value: AbsenceReason; onChange: (r: AbsenceReason) => void; id?: string }) {
  const { t } = useTranslation();
  return (
    <Field>
      <Label>{t('absence.document.reason')}</Label>
      <Select id={id} width="auto" value={value} onChange={(e) => onChange(e.target.value as AbsenceReason)}>
        {absenceReasons.map((r) => <Select.Option key={r} value={r}>{t(`absence.reasons.${r}`)}</Select.Option>)}
      </Select>
    </Field>
  );
}

/** Full days by the contact teacher: absence in each of the days' lessons. */
export function FullDayForm({ studentId, name, students, today }: { studentId?: string; name?: string; students?: { studentId: string; name: string }[]; today: string }) {
  const { t } = useTranslation();
  const [who, setWho] = useState(studentId ?? '');
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState('');
  const [reason, setReason] = useState<AbsenceReason>('undocumented');
  const [documentedOn, setDocumentedOn] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const headingId = useId();
  const save = useStudentAbsenceMutation<FullDayInput>(who || 'none', '/days');
  const whoName = name ?? students?.find((s) => s.studentId === who)?.name ?? '';
  const values = { who, from, to, reason, documentedOn };
  const { dirty, markSaved } = useDirty(values, { who: studentId ?? '', from: today, to: '', reason: 'undocumented', documentedOn: '' });
  return (
    <section aria-labelledby={headingId}>
      <form className="absence-form" onSubmit={(e) => {
        e.preventDefault();
        if (!who) return;
        save.mutateAsync({ from, ...(to ? { to } : {}), reason, ...(documentedOn ? { documentedOn } : {}) })
          .then(() => { markSaved(values); setDone(t('absence.fullDay.saved', { name: whoName })); }).catch(() => setDone(null));
      }}>
        <UnsavedGuard dirty={dirty && !save.isPending} />
        <Heading level={2} data-size="xs" id={headingId}>{t('absence.fullDay.title')}</Heading>
        {students && (
          <Field>
            <Label>{t('absence.fullDay.student')}</Label>
            <Select width="auto" value={who} onChange={(e) => setWho(e.target.value)} required>
              <Select.Option value="" disabled>{t('absence.fullDay.choose')}</Select.Option>
              {students.map((s) => <Select.Option key={s.studentId} value={s.studentId}>{s.name}</Select.Option>)}
            </Select>
          </Field>
        )}
        <div className="absence-toolbar">
          <DateField label={t('absence.fullDay.from')} type="date" value={from} required onChange={(e) => setFrom(e.target.value)} className="absence-day" />
          <DateField label={t('absence.fullDay.to')} type="date" value={to} onChange={(e) => setTo(e.target.value)} className="absence-day" />
        </div>
        <ReasonSelect value={reason} onChange={setReason} />
        <DateField label={t('absence.fullDay.documentedOn')} type="date" value={documentedOn} onChange={(e) => setDocumentedOn(e.target.value)} className="absence-day" />
        <div><Button type="submit" variant="secondary" loading={save.isPending} disabled={save.isPending || !who}>{t('absence.fullDay.save')}</Button></div>
        <Paragraph role="status" data-size="sm">{done ?? ''}</Paragraph>
        {save.isError && <ErrorAlert error={save.error} />}
      </form>
    </section>
  );
}

function HigherRiskForm({ data }: { data: StudentAbsence }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [date, setDate] = useState(data.today);
  const put = useStudentAbsenceMutation<HigherRiskBody>(data.student.id, '/higher-risk', 'PUT');
  const remove = useStudentAbsenceMutation<undefined>(data.student.id, '/higher-risk', 'DELETE');
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="absence-form">
      <Heading level={2} data-size="xs" id={headingId}>{t('absence.higherRisk.title')}</Heading>
      <Paragraph data-size="sm">{t('absence.higherRisk.help')}</Paragraph>
      {data.higherRiskCondition ? (
        <div className="absence-toolbar">
          <Paragraph>{format.date(data.higherRiskCondition.documentedOn)}</Paragraph>
          <Button type="button" variant="secondary" data-size="sm" onClick={() => remove.mutate(undefined)} loading={remove.isPending}>{t('absence.higherRisk.remove')}</Button>
        </div>
      ) : (
        <form className="absence-toolbar" onSubmit={(e) => { e.preventDefault(); put.mutate({ documentedOn: date }); }}>
          <UnsavedGuard dirty={date !== data.today && !put.isPending} />
          <DateField label={t('absence.higherRisk.documentedOn')} type="date" value={date} onChange={(e) => setDate(e.target.value)} className="absence-day" />
          <Button type="submit" variant="secondary" loading={put.isPending}>{t('absence.higherRisk.save')}</Button>
        </form>
      )}
      {put.isError && <ErrorAlert error={put.error} />}
    </section>
  );
}

function DecisionForm({ data }: { data: StudentAbsence }) {
  const { t } = useTranslation();
  const [subjectId, setSubjectId] = useState(data.subjects.find((s) => s.status === 'overLimit')?.subjectId ?? data.subjects[0]?.subjectId ?? '');
  const [granted, setGranted] = useState(true);
  const [limit, setLimit] = useState('15');
  const [ground, setGround] = useState<(typeof grounds)[number]>('outsideStudentControl');
  const [reasons, setReasons] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const save = useStudentAbsenceMutation<AbsenceLimitDecisionBody>(data.student.id, '/decisions');
  const headingId = useId();
  const values = { subjectId, granted, limit, ground, reasons };
  const [initial] = useState(values);
  const { dirty, markSaved } = useDirty(values, initial);
  return (
    <section aria-labelledby={headingId}>
      <form className="absence-form" onSubmit={(e) => {
        e.preventDefault();
        save.mutateAsync({ subjectId, granted, ...(granted ? { limitPercent: Number(limit) } : {}), ground, reasons })
          .then(() => { markSaved(values); setDone(t('absence.decision.saved')); }).catch(() => setDone(null));
      }}>
        <UnsavedGuard dirty={dirty && !save.isPending} />
        <Heading level={2} data-size="xs" id={headingId}>{t('absence.decision.title')}</Heading>
        <Field>
          <Label>{t('absence.decision.subject')}</Label>
          <Select width="auto" value={subjectId} onChange={(e) => setSubjectId(e.target.value)}>
            {data.subjects.map((s) => <Select.Option key={s.subjectId} value={s.subjectId}>{s.subjectName} ({s.percent} %)</Select.Option>)}
          </Select>
        </Field>
        <Field>
          <Label>{t('absence.decision.outcome')}</Label>
          <Select width="auto" value={granted ? 'granted' : 'refused'} onChange={(e) => setGranted(e.target.value === 'granted')}>
            <Select.Option value="granted">{t('absence.decision.granted')}</Select.Option>
            <Select.Option value="refused">{t('absence.decision.refused')}</Select.Option>
          </Select>
        </Field>
        {granted && <Textfield label={t('absence.decision.limit')} type="number" min={11} max={15} value={limit} onChange={(e) => setLimit(e.target.value)} className="absence-day" />}
        <Field>
          <Label>{t('absence.decision.ground')}</Label>
          <Select width="auto" value={ground} onChange={(e) => setGround(e.target.value as typeof ground)}>
            {grounds.map((g) => <Select.Option key={g} value={g}>{t(`absence.decision.grounds.${g}`)}</Select.Option>)}
          </Select>
        </Field>
        <Textfield label={t('absence.decision.reasons')} multiline rows={3} value={reasons} required onChange={(e) => setReasons(e.target.value)} />
        <div><Button type="submit" loading={save.isPending}>{t('absence.decision.save')}</Button></div>
        <Paragraph role="status" data-size="sm">{done ?? ''}</Paragraph>
        {save.isError && <ErrorAlert error={save.error} />}
      </form>
    </section>
  );
}

function DiplomaSection({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(diplomaQuery(studentId));
  const [excluded, setExcluded] = useState<Set<string>>(new Set(data.excludedDays));
  const [attach, setAttach] = useState(data.reasonsAttached);
  const [done, setDone] = useState<string | null>(null);
  const save = useStudentAbsenceMutation<DiplomaBody>(studentId, '/diploma', 'PUT');
  const headingId = useId();
  const { dirty } = useDirty({ excluded: [...excluded].sort(), attach }, { excluded: [...data.excludedDays].sort(), attach: data.reasonsAttached });
  return (
    <section aria-labelledby={headingId} className="stack">
      <Heading level={2} data-size="sm" id={headingId}>{t('absence.diploma.title')}</Heading>
      <UnsavedGuard dirty={dirty && !save.isPending} />
      <Paragraph><strong>{t('absence.diploma.figures', { days: data.days, hours: data.hours })}</strong></Paragraph>
      <Paragraph data-size="sm" className="muted">{t('absence.diploma.help', { max: data.maxExcludedDays })}</Paragraph>
      {data.fullDays.length === 0 ? <Paragraph>{t('absence.diploma.none')}</Paragraph> : (
        <ul className="absence-entries" aria-label={t('absence.diploma.caption')}>
          {data.fullDays.map((d) => (
            <li key={d.day} className="absence-entry">
              {data.canRequest && d.eligible && (
                <Checkbox aria-label={t('absence.diploma.leaveOutDay', { day: format.date(d.day) })} checked={excluded.has(d.day)}
                  onChange={() => setExcluded((s) => { const n = new Set(s); if (n.has(d.day)) n.delete(d.day); else n.add(d.day); return n; })} />
              )}
              <span className="absence-entry__what"><strong>{format.date(d.day)}</strong></span>
              <span className="absence-entry__tags">
                <Tag data-size="sm" data-color="neutral">{t(`absence.reasons.${d.reason}`)}</Tag>
                {d.eligible ? <span>{t('absence.diploma.eligible')}</span> : <span className="muted">{t(`absence.diploma.because.${d.ineligibleBecause!}`)}</span>}
                {d.excluded && <Tag data-size="sm" data-color="info">{t('absence.diploma.leaveOut')}</Tag>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {data.byReason && (
        <div>
          <Heading level={3} data-size="2xs">{t('absence.diploma.byReason')}</Heading>
          <ul>{data.byReason.map((r) => <li key={r.reason}>{t('absence.diploma.byReasonLine', { reason: t(`absence.reasons.${r.reason}`), days: r.days, hours: r.hours })}</li>)}</ul>
        </div>
      )}
      {data.canRequest && (
        <form className="stack" onSubmit={(e) => {
          e.preventDefault();
          save.mutateAsync({ excludedDays: [...excluded], reasonsAttached: attach }).then(() => setDone(t('absence.diploma.saved'))).catch(() => setDone(null));
        }}>
          <Checkbox label={t('absence.diploma.attach')} checked={attach} onChange={(e) => setAttach(e.target.checked)} />
          <div><Button type="submit" variant="secondary" loading={save.isPending}>{t('absence.diploma.save')}</Button></div>
          <Paragraph role="status" data-size="sm">{done ?? ''}</Paragraph>
          {save.isError && <ErrorAlert error={save.error} />}
        </form>
      )}
    </section>
  );
}

function ChangeLog({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const changes = useQuery({ ...changesQuery(studentId), enabled: open });
  const captionId = useId();
  return (
    <Details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <Details.Summary>{t('absence.student.changes')}</Details.Summary>
      <Details.Content>
        {changes.data && (
          <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
            <Table data-size="sm">
              <caption id={captionId}>{t('absence.student.changesCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('absence.student.changedAt')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('absence.student.changedBy')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('absence.student.lesson')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('absence.student.became')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {changes.data.changes.map((c, i) => (
                  <Table.Row key={i}>
                    <Table.Cell>{format.dateTime(c.at)}</Table.Cell>
                    <Table.Cell>{c.by}</Table.Cell>
                    <Table.Cell>{format.date(c.day)} {c.startsAt} {c.subjectCode}</Table.Cell>
                    <Table.Cell>{c.minutes === null ? t('absence.student.removed') : `${c.late ? t('absence.student.lateMinutes', { minutes: c.minutes }) : `${c.minutes} min`} · ${t(`absence.reasons.${c.reason!}`)}`}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </Details.Content>
    </Details>
  );
}
