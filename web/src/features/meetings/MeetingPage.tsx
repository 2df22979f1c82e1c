import { Button, Checkbox, Field, Heading, Label, Paragraph, Select, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso, useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { useAutosave } from '../../core/ui/autosave';
import { DateField } from '../../core/ui/DateField';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { Fact, Facts } from '../../core/ui/Facts';
import { FormErrorSummary, useFormErrors, type Errors } from '../../core/ui/forms';
import { PageHeading } from '../../core/ui/PageHeading';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';
import {
  meetingQuery, registeredCasesQuery, saveMinutes, useAddAction, useAddAgendaItem, useAddDecision, useAddParticipant, useMarkAction, useMeasureFromDecision,
  useRemoveParticipant, useSaveConsent, useSaveParticipationDecision, useShare, searchStudents, type Meeting,
} from './api';

type Flush = () => Promise<void>;

/** one meeting — who takes part, the agenda, the minutes (saved as typed), decisions, actions carried over, and sharing. */
export function MeetingPage({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data: m } = useSuspenseQuery(meetingQuery(meetingId));
  const flushMinutes = useRef<Flush>(() => Promise.resolve());
  return (
    <div className="stack">
      <PageHeading title={t('meetings.pageTitle', { kind: t(`meetings.kind.${m.kind}`), date: format.dateTime(m.startsAt) })} />
      <AccessReason access={m.access} />
      <Paragraph data-size="sm" className="muted">{t(`meetings.kindHelp.${m.kind}`)}</Paragraph>
      <Facts>
        <Fact label={t('meetings.facts')}>{format.dateTime(m.startsAt)}{m.place && `, ${m.place}`}</Fact>
        <Fact label={t('meetings.students')}>
          {m.students.map((s, i) => (
            <span key={s.id}>{i > 0 && ', '}<AppLink to="/students/$studentId" params={{ studentId: s.id }}>{s.name}</AppLink></span>
          ))}
        </Fact>
      </Facts>
      {!m.canEdit && <Paragraph>{t('meetings.readOnly')}</Paragraph>}
      <Participants meeting={m} />
      {m.kind === 'interdisciplinary' && <ConsentPanel meeting={m} />}
      {m.kind === 'responsibilityGroup' && <ParticipationPanel meeting={m} />}
      <Agenda meeting={m} />
      <Minutes meeting={m} register={(f) => { flushMinutes.current = f; }} />
      <Decisions meeting={m} />
      <Actions meeting={m} />
      <Sharing meeting={m} flushMinutes={() => flushMinutes.current()} />
    </div>
  );
}

function Panel({ title, help, children }: { title: string; help?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="panel stack">
      <Heading level={2} data-size="sm" id={id}>{title}</Heading>
      {help && <Paragraph data-size="sm" className="muted">{help}</Paragraph>}
      {children}
    </section>
  );
}

/** A small form's errors and pending state; `run` keeps the typed values whatever the server answers. */
function useSmallForm<F extends string>(fields: readonly F[]) {
  const form = useFormErrors(fields);
  const [pending, setPending] = useState(false);
  async function run(found: Errors<F>, call: () => Promise<unknown>): Promise<boolean> {
    if (!form.check(found)) return false;
    setPending(true);
    try {
      await call();
      form.clear();
      return true;
    } catch (err) {
      form.fromServer(err);
      return false;
    } finally {
      setPending(false);
    }
  }
  return { form, pending, run };
}

function Participants({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const remove = useRemoveParticipant(m.id);
  return (
    <Panel title={t('meetings.participants')} help={t('meetings.externalHelp')}>
      <ul className="plain-list stack">
        {m.participants.map((p) => (
          <li key={p.id} className="button-row">
            <span>
              {p.name}
              {p.kind === 'external' && ` (${[p.organisation, p.role].filter(Boolean).join(', ')})`}
            </span>
            <Tag data-color="neutral" data-size="sm">{t(`meetings.participantKind.${p.kind}`)}</Tag>
            {p.kind === 'external' && p.consentCovers && <Tag data-color="success" data-size="sm">{t('meetings.consentCovers')}</Tag>}
            {m.canEdit && (
              <Button variant="tertiary" data-size="sm" aria-label={t('meetings.removeNamed', { name: p.name })} loading={remove.isPending && remove.variables === p.id}
                onClick={() => remove.mutate(p.id)}>
                {t('meetings.remove')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {m.canEdit && <AddParticipant meeting={m} />}
    </Panel>
  );
}

const participantFields = ['kind', 'staffMemberId', 'personId', 'name', 'organisation', 'role'] as const;
type ParticipantField = (typeof participantFields)[number];

function AddParticipant({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const uid = useId();
  const add = useAddParticipant(m.id);
  const empty = { kind: 'staff' as 'staff' | 'guardian' | 'external', staffMemberId: '', personId: '', name: '', organisation: '', role: '' };
  const [v, setV] = useState(empty);
  const { form, pending, run } = useSmallForm(participantFields);
  const set = (f: keyof typeof empty, value: string) => setV((x) => ({ ...x, [f]: value }));
  const guardians = m.familyOptions.filter((f) => !f.isStudent);
  const dirty = JSON.stringify(v) !== JSON.stringify(empty);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Errors<ParticipantField> = {};
    if (v.kind === 'staff' && !v.staffMemberId) found.staffMemberId = t('meetings.required');
    if (v.kind === 'guardian' && !v.personId) found.personId = t('meetings.required');
    if (v.kind === 'external' && !v.name.trim()) found.name = t('meetings.required');
    if (v.kind === 'external' && !v.organisation.trim()) found.organisation = t('meetings.required');
    const body = v.kind === 'staff' ? { kind: v.kind, staffMemberId: v.staffMemberId }
      : v.kind === 'guardian' ? { kind: v.kind, personId: v.personId }
        : { kind: v.kind, name: v.name.trim(), organisation: v.organisation.trim(), role: v.role.trim() };
    if (await run(found, () => add.mutateAsync(body))) setV(empty);
  }

  return (
    <form noValidate onSubmit={submit} className="stack" aria-label={t('meetings.addParticipant')}>
      <UnsavedGuard dirty={dirty && (v.name !== '' || v.organisation !== '')} />
      <FormErrorSummary {...form} order={participantFields} idFor={(f) => `${uid}-${f}`} />
      <Field>
        <Label htmlFor={`${uid}-kind`}>{t('meetings.addParticipant')}</Label>
        <Select id={`${uid}-kind`} width="auto" value={v.kind} onChange={(e) => set('kind', e.target.value)}>
          <Select.Option value="staff">{t('meetings.addStaff')}</Select.Option>
          {guardians.length > 0 && <Select.Option value="guardian">{t('meetings.addGuardian')}</Select.Option>}
          <Select.Option value="external">{t('meetings.addExternal')}</Select.Option>
        </Select>
      </Field>
      {v.kind === 'staff' && (
        <Field>
          <Label htmlFor={`${uid}-staffMemberId`}>{t('meetings.addStaff')}</Label>
          <Select id={`${uid}-staffMemberId`} width="auto" value={v.staffMemberId} aria-invalid={form.errors.staffMemberId ? true : undefined} onChange={(e) => set('staffMemberId', e.target.value)}>
            <Select.Option value="">{t('meetings.choose')}</Select.Option>
            {m.staffOptions.map((s) => <Select.Option key={s.staffMemberId} value={s.staffMemberId}>{s.name}</Select.Option>)}
          </Select>
          {form.errors.staffMemberId && <ValidationMessage>{form.errors.staffMemberId}</ValidationMessage>}
        </Field>
      )}
      {v.kind === 'guardian' && (
        <Field>
          <Label htmlFor={`${uid}-personId`}>{t('meetings.addGuardian')}</Label>
          <Select id={`${uid}-personId`} width="auto" value={v.personId} aria-invalid={form.errors.personId ? true : undefined} onChange={(e) => set('personId', e.target.value)}>
            <Select.Option value="">{t('meetings.choose')}</Select.Option>
            {guardians.map((g) => <Select.Option key={g.personId} value={g.personId}>{g.name}</Select.Option>)}
          </Select>
          {form.errors.personId && <ValidationMessage>{form.errors.personId}</ValidationMessage>}
        </Field>
      )}
      {v.kind === 'external' && (
        <div className="button-row">
          <Textfield id={`${uid}-name`} label={t('meetings.name')} value={v.name} error={form.errors.name} onChange={(e) => set('name', e.target.value)} />
          <Textfield id={`${uid}-organisation`} label={t('meetings.organisation')} value={v.organisation} error={form.errors.organisation} onChange={(e) => set('organisation', e.target.value)} />
          <Textfield id={`${uid}-role`} label={t('meetings.role')} value={v.role} error={form.errors.role} onChange={(e) => set('role', e.target.value)} />
        </div>
      )}
      <div><Button type="submit" variant="secondary" loading={pending}>{t('meetings.add')}</Button></div>
    </form>
  );
}

function ConsentPanel({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const format = useFormat();
  const uid = useId();
  const save = useSaveConsent(m.id);
  const externals = m.participants.filter((p) => p.kind === 'external');
  const initial = {
    givenByPersonId: m.consent?.givenByPersonId ?? '', givenOn: m.consent?.givenOn ?? todayIso(), guardians: m.consent?.guardians ?? false,
    externals: externals.filter((p) => p.consentCovers).map((p) => p.id), note: m.consent?.note ?? '',
  };
  const [v, setV] = useState(initial);
  const fields = ['givenByPersonId', 'givenOn', 'guardians', 'externalParticipantIds', 'note'] as const;
  const { form, pending, run } = useSmallForm(fields);
  const dirty = JSON.stringify(v) !== JSON.stringify(initial);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Errors<(typeof fields)[number]> = {};
    if (!v.givenByPersonId) found.givenByPersonId = t('meetings.required');
    if (!v.givenOn) found.givenOn = t('meetings.required');
    await run(found, () => save.mutateAsync({ givenByPersonId: v.givenByPersonId, givenOn: v.givenOn, guardians: v.guardians, externalParticipantIds: v.externals, note: v.note.trim() }));
  }

  return (
    <Panel title={t('meetings.consent')} help={t('meetings.consentHelp')}>
      {m.consent ? (
        <Paragraph>
          {t('meetings.consentLine', { name: m.consent.givenBy, date: format.date(m.consent.givenOn) })}{' '}
          {m.consent.guardians ? t('meetings.consentGuardians') : t('meetings.consentNoGuardians')}
          {m.consent.note && <> {m.consent.note}</>}
        </Paragraph>
      ) : <Paragraph>{t('meetings.consentNone')}</Paragraph>}
      {m.canEdit && (
        <form noValidate onSubmit={submit} className="stack" aria-label={t('meetings.recordConsent')}>
          <UnsavedGuard dirty={dirty && !save.isSuccess} />
          <FormErrorSummary {...form} order={fields} idFor={(f) => `${uid}-${f}`} />
          <Field>
            <Label htmlFor={`${uid}-givenByPersonId`}>{t('meetings.consentGivenBy')}</Label>
            <Select id={`${uid}-givenByPersonId`} width="auto" value={v.givenByPersonId} aria-invalid={form.errors.givenByPersonId ? true : undefined}
              onChange={(e) => setV({ ...v, givenByPersonId: e.target.value })}>
              <Select.Option value="">{t('meetings.choose')}</Select.Option>
              {m.familyOptions.map((f) => <Select.Option key={f.personId} value={f.personId}>{f.name}{f.isStudent ? ` ${t('meetings.student')}` : ''}</Select.Option>)}
            </Select>
            {form.errors.givenByPersonId && <ValidationMessage>{form.errors.givenByPersonId}</ValidationMessage>}
          </Field>
          <DateField id={`${uid}-givenOn`} type="date" label={t('meetings.consentGivenOn')} value={v.givenOn} error={form.errors.givenOn} onChange={(e) => setV({ ...v, givenOn: e.target.value })} />
          <Checkbox id={`${uid}-guardians`} label={t('meetings.consentGuardians')} checked={v.guardians} onChange={(e) => setV({ ...v, guardians: e.target.checked })} />
          {externals.length > 0 && (
            <fieldset className="stack">
              <legend>{t('meetings.consentExternals')}</legend>
              {externals.map((p, i) => (
                <Checkbox key={p.id} id={i === 0 ? `${uid}-externalParticipantIds` : undefined} label={`${p.name} (${p.organisation})`} checked={v.externals.includes(p.id)}
                  onChange={(e) => setV({ ...v, externals: e.target.checked ? [...v.externals, p.id] : v.externals.filter((x) => x !== p.id) })} />
              ))}
            </fieldset>
          )}
          <Textfield id={`${uid}-note`} label={t('meetings.note')} value={v.note} error={form.errors.note} onChange={(e) => setV({ ...v, note: e.target.value })} />
          <div><Button type="submit" variant="secondary" loading={pending}>{t('meetings.recordConsent')}</Button></div>
        </form>
      )}
    </Panel>
  );
}

function ParticipationPanel({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const format = useFormat();
  const uid = useId();
  const save = useSaveParticipationDecision(m.id);
  const d = m.participationDecision;
  const initial = { decidedByPersonId: d?.decidedByPersonId ?? '', decidedOn: d?.decidedOn ?? todayIso(), note: d?.note ?? '' };
  const [v, setV] = useState(initial);
  const fields = ['decidedByPersonId', 'decidedOn', 'note'] as const;
  const { form, pending, run } = useSmallForm(fields);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Errors<(typeof fields)[number]> = {};
    if (!v.decidedByPersonId) found.decidedByPersonId = t('meetings.required');
    if (!v.decidedOn) found.decidedOn = t('meetings.required');
    await run(found, () => save.mutateAsync({ ...v, note: v.note.trim() }));
  }

  return (
    <Panel title={t('meetings.participation')} help={t('meetings.participationHelp')}>
      <Paragraph>{d ? <>{t('meetings.participationLine', { name: d.decidedBy, date: format.date(d.decidedOn) })} {d.note}</> : t('meetings.participationNone')}</Paragraph>
      {m.canEdit && (
        <form noValidate onSubmit={submit} className="stack" aria-label={t('meetings.recordDecision')}>
          <UnsavedGuard dirty={JSON.stringify(v) !== JSON.stringify(initial) && !save.isSuccess} />
          <FormErrorSummary {...form} order={fields} idFor={(f) => `${uid}-${f}`} />
          <Field>
            <Label htmlFor={`${uid}-decidedByPersonId`}>{t('meetings.decidedBy')}</Label>
            <Select id={`${uid}-decidedByPersonId`} width="auto" value={v.decidedByPersonId} aria-invalid={form.errors.decidedByPersonId ? true : undefined}
              onChange={(e) => setV({ ...v, decidedByPersonId: e.target.value })}>
              <Select.Option value="">{t('meetings.choose')}</Select.Option>
              {m.familyOptions.map((f) => <Select.Option key={f.personId} value={f.personId}>{f.name}{f.isStudent ? ` ${t('meetings.student')}` : ''}</Select.Option>)}
            </Select>
            {form.errors.decidedByPersonId && <ValidationMessage>{form.errors.decidedByPersonId}</ValidationMessage>}
          </Field>
          <DateField id={`${uid}-decidedOn`} type="date" label={t('meetings.decidedOn')} value={v.decidedOn} error={form.errors.decidedOn} onChange={(e) => setV({ ...v, decidedOn: e.target.value })} />
          <Textfield id={`${uid}-note`} label={t('meetings.note')} value={v.note} error={form.errors.note} onChange={(e) => setV({ ...v, note: e.target.value })} />
          <div><Button type="submit" variant="secondary" loading={pending}>{t('meetings.recordDecision')}</Button></div>
        </form>
      )}
    </Panel>
  );
}

function Agenda({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const uid = useId();
  const add = useAddAgendaItem(m.id);
  const [title, setTitle] = useState('');
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<{ id: string; name: string; groupName: string | null }[] | null>(null);
  const [studentId, setStudentId] = useState('');
  const fields = ['title', 'studentId'] as const;
  const { form, pending, run } = useSmallForm(fields);
  const team = m.kind === 'resourceTeam';

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Errors<(typeof fields)[number]> = {};
    if (!title.trim()) found.title = t('meetings.required');
    if (team && !studentId) found.studentId = t('meetings.required');
    if (await run(found, () => add.mutateAsync({ title: title.trim(), ...(studentId ? { studentId } : {}) }))) {
      setTitle(''); setStudentId(''); setHits(null); setQuery('');
    }
  }

  return (
    <Panel title={t('meetings.agenda')}>
      {m.agenda.length === 0 ? <Paragraph>{t('meetings.agendaEmpty')}</Paragraph> : (
        <ol className="stack">
          {m.agenda.map((a) => (
            <li key={a.id}>
              {a.caseId ? <AppLink to="/cases/$caseId" params={{ caseId: a.caseId }}>{a.title}</AppLink> : a.title}
              {a.studentName && ` – ${a.studentName}`}
            </li>
          ))}
        </ol>
      )}
      {m.canEdit && team && <RegisteredCases meeting={m} />}
      {m.canEdit && (
        <form noValidate onSubmit={submit} className="stack" aria-label={t('meetings.agenda')}>
          <UnsavedGuard dirty={title.trim() !== ''} />
          <FormErrorSummary {...form} order={fields} idFor={(f) => `${uid}-${f}`} />
          <Textfield id={`${uid}-title`} label={t('meetings.agendaTitle')} value={title} error={form.errors.title} onChange={(e) => setTitle(e.target.value)} />
          {team && (
            <div className="stack">
              <div className="button-row">
                <Textfield id={`${uid}-search`} label={t('meetings.searchStudent')} description={t('meetings.searchHelp')} value={query} onChange={(e) => setQuery(e.target.value)} />
                <Button type="button" variant="secondary" disabled={query.trim().length < 2}
                  onClick={async () => setHits((await searchStudents(m.id, query.trim())).students)}>
                  {t('meetings.searchStudent')}
                </Button>
              </div>
              {hits && (hits.length === 0 ? <Paragraph>{t('meetings.noHits')}</Paragraph> : (
                <Field>
                  <Label htmlFor={`${uid}-studentId`}>{t('meetings.agendaStudent')}</Label>
                  <Select id={`${uid}-studentId`} width="auto" value={studentId} onChange={(e) => setStudentId(e.target.value)}>
                    <Select.Option value="">{t('meetings.choose')}</Select.Option>
                    {hits.map((h) => <Select.Option key={h.id} value={h.id}>{h.name}{h.groupName ? ` (${h.groupName})` : ''}</Select.Option>)}
                  </Select>
                </Field>
              ))}
              {form.errors.studentId && <ValidationMessage id={`${uid}-studentId-error`}>{form.errors.studentId}</ValidationMessage>}
            </div>
          )}
          <div><Button type="submit" variant="secondary" loading={pending}>{t('meetings.add')}</Button></div>
        </form>
      )}
    </Panel>
  );
}

/** The resource team's agenda takes the cases registered for it (the cases feature's list): each not yet on the agenda is added, pointing at its case. */
function RegisteredCases({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const q = useQuery(registeredCasesQuery);
  const add = useAddAgendaItem(m.id);
  const [error, setError] = useState<unknown>(null);
  if (!q.data) return null;
  const onAgenda = new Set(m.agenda.map((a) => a.caseId));
  const missing = q.data.cases.filter((c) => !onAgenda.has(c.id));
  if (missing.length === 0) return <Paragraph data-size="sm" className="muted">{t('meetings.casesAllOnAgenda')}</Paragraph>;
  return (
    <div className="stack">
      <Paragraph>{t('meetings.casesRegistered', { count: missing.length })}</Paragraph>
      {error !== null && <ErrorAlert error={error} />}
      <div>
        <Button variant="secondary" loading={add.isPending} onClick={async () => {
          setError(null);
          try {
            for (const c of missing) await add.mutateAsync({ title: c.title, studentId: c.studentId, caseId: c.id });
          } catch (err) {
            setError(err);
          }
        }}>
          {t('meetings.addRegisteredCases')}
        </Button>
      </div>
    </div>
  );
}

/** The minutes, saved while they are typed; "Lagret kl. HH:MM" says when the text on screen was stored. */
function Minutes({ meeting: m, register }: { meeting: Meeting; register: (flush: Flush) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const uid = useId();
  const [text, setText] = useState(m.minutes.text);
  const [saved, setSaved] = useState(m.minutes.text);
  const [savedAt, setSavedAt] = useState<string | null>(m.minutes.updatedAt);
  const draft = useAutosave(text, saved, async (value, keepalive) => {
    const r = await saveMinutes(m.id, value, keepalive);
    setSaved(value);
    setSavedAt(r.updatedAt);
    return true;
  });
  register(() => draft.flush());
  const time = (iso: string) => new Intl.DateTimeFormat(format.locale, { timeStyle: 'short' }).format(new Date(iso));

  if (!m.canEdit) {
    return (
      <Panel title={t('meetings.minutes')}>
        <Paragraph className="meeting-text">{m.minutes.text || '–'}</Paragraph>
      </Panel>
    );
  }
  return (
    <Panel title={t('meetings.minutes')}>
      {/* typed text is saved on leaving; only a failed save asks before the page is left */}
      <UnsavedGuard dirty={text !== saved && draft.failed} />
      <Textfield id={`${uid}-minutes`} label={t('meetings.minutes')} description={t('meetings.minutesHelp')} multiline rows={8} value={text}
        onChange={(e) => setText(e.target.value)} />
      <div role="status" className="status-message">
        {draft.failed ? t('meetings.saveFailed') : savedAt && text === saved ? t('meetings.savedAt', { time: time(savedAt) }) : ''}
      </div>
    </Panel>
  );
}

function Decisions({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const uid = useId();
  const add = useAddDecision(m.id);
  const [text, setText] = useState('');
  const [studentId, setStudentId] = useState('');
  const fields = ['text', 'studentId'] as const;
  const { form, pending, run } = useSmallForm(fields);
  const several = m.students.length > 1;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Errors<(typeof fields)[number]> = {};
    if (!text.trim()) found.text = t('meetings.required');
    if (several && !studentId) found.studentId = t('meetings.required');
    if (await run(found, () => add.mutateAsync({ text: text.trim(), ...(studentId ? { studentId } : {}) }))) setText('');
  }

  return (
    <Panel title={t('meetings.decisions')}>
      {m.decisions.length === 0 ? <Paragraph>{t('meetings.decisionsEmpty')}</Paragraph> : (
        <ul className="stack">
          {m.decisions.map((d) => <DecisionItem key={d.id} meeting={m} decision={d} />)}
        </ul>
      )}
      {m.canEdit && (
        <form noValidate onSubmit={submit} className="stack" aria-label={t('meetings.addDecision')}>
          <UnsavedGuard dirty={text.trim() !== ''} />
          <FormErrorSummary {...form} order={fields} idFor={(f) => `${uid}-${f}`} />
          <Textfield id={`${uid}-text`} label={t('meetings.decisionText')} multiline rows={2} value={text} error={form.errors.text} onChange={(e) => setText(e.target.value)} />
          {several && <StudentSelect id={`${uid}-studentId`} meeting={m} value={studentId} error={form.errors.studentId} onChange={setStudentId} />}
          <div><Button type="submit" variant="secondary" loading={pending}>{t('meetings.addDecision')}</Button></div>
        </form>
      )}
    </Panel>
  );
}

// unsaved-guard: a field of the decision and action forms that render it, guarded there
function StudentSelect({ id, meeting: m, value, error, onChange }: { id: string; meeting: Meeting; value: string; error?: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <Field>
      <Label htmlFor={id}>{t('meetings.agendaStudent')}</Label>
      <Select id={id} width="auto" value={value} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value)}>
        <Select.Option value="">{t('meetings.choose')}</Select.Option>
        {m.students.map((s) => <Select.Option key={s.id} value={s.id}>{s.name}</Select.Option>)}
      </Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}

function DecisionItem({ meeting: m, decision: d }: { meeting: Meeting; decision: Meeting['decisions'][number] }) {
  const { t } = useTranslation();
  const uid = useId();
  const make = useMeasureFromDecision(m.id, d.studentId);
  const [open, setOpen] = useState(false);
  const empty = { goal: '', startsOn: todayIso(), evaluateOn: '' };
  const [v, setV] = useState(empty);
  const fields = ['goal', 'startsOn', 'evaluateOn'] as const;
  const { form, pending, run } = useSmallForm(fields);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Errors<(typeof fields)[number]> = {};
    for (const f of fields) if (!v[f].trim()) found[f] = t('meetings.required');
    if (await run(found, () => make.mutateAsync({ decisionId: d.id, goal: v.goal.trim(), actions: d.text, startsOn: v.startsOn, evaluateOn: v.evaluateOn }))) setOpen(false);
  }

  return (
    <li className="stack">
      <span>{d.text}</span>
      {d.measureId ? (
        <div><Tag data-color="success" data-size="sm">{t('meetings.measureMade')}</Tag></div>
      ) : m.canEdit && !open ? (
        <div><Button variant="tertiary" data-size="sm" onClick={() => setOpen(true)}>{t('meetings.makeMeasure')}</Button></div>
      ) : null}
      {open && (
        <form noValidate onSubmit={submit} className="stack" aria-label={t('meetings.makeMeasure')}>
          <UnsavedGuard dirty={v.goal.trim() !== ''} />
          <FormErrorSummary {...form} order={fields} idFor={(f) => `${uid}-${f}`} />
          <Textfield id={`${uid}-goal`} label={t('meetings.measureGoal')} value={v.goal} error={form.errors.goal} onChange={(e) => setV({ ...v, goal: e.target.value })} />
          <div className="button-row">
            <DateField id={`${uid}-startsOn`} type="date" label={t('meetings.measureStartsOn')} value={v.startsOn} error={form.errors.startsOn} onChange={(e) => setV({ ...v, startsOn: e.target.value })} />
            <DateField id={`${uid}-evaluateOn`} type="date" label={t('meetings.measureEvaluateOn')} value={v.evaluateOn} error={form.errors.evaluateOn} onChange={(e) => setV({ ...v, evaluateOn: e.target.value })} />
          </div>
          <div className="button-row">
            <Button type="submit" loading={pending}>{t('meetings.saveMeasure')}</Button>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>{t('meetings.cancel')}</Button>
          </div>
        </form>
      )}
    </li>
  );
}

function Actions({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const format = useFormat();
  const uid = useId();
  const add = useAddAction(m.id);
  const mark = useMarkAction(m.id);
  const empty = { description: '', responsibleParticipantId: '', dueOn: '', studentId: '' };
  const [v, setV] = useState(empty);
  const fields = ['description', 'responsibleParticipantId', 'dueOn', 'studentId'] as const;
  const { form, pending, run } = useSmallForm(fields);
  const several = m.students.length > 1;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Errors<(typeof fields)[number]> = {};
    if (!v.description.trim()) found.description = t('meetings.required');
    if (!v.responsibleParticipantId) found.responsibleParticipantId = t('meetings.required');
    if (!v.dueOn) found.dueOn = t('meetings.required');
    if (several && !v.studentId) found.studentId = t('meetings.required');
    const body = { description: v.description.trim(), responsibleParticipantId: v.responsibleParticipantId, dueOn: v.dueOn, ...(v.studentId ? { studentId: v.studentId } : {}) };
    if (await run(found, () => add.mutateAsync(body))) setV(empty);
  }

  return (
    <Panel title={t('meetings.actions')} help={t('meetings.actionsHelp')}>
      {m.actions.length === 0 ? <Paragraph>{t('meetings.actionsEmpty')}</Paragraph> : (
        <ul className="plain-list stack" aria-label={t('meetings.actions')}>
          {m.actions.map((a) => (
            <li key={a.id} className="stack meeting-action">
              <strong>{a.description}</strong>
              <span>{t('meetings.actionLine', { who: a.responsibleName, date: format.date(a.dueOn) })}</span>
              {a.fromMeeting && (
                <span><AppLink to="/meetings/$meetingId" params={{ meetingId: a.fromMeeting.id }}>{t('meetings.fromMeeting', { date: format.date(a.fromMeeting.startsAt) })}</AppLink></span>
              )}
              {m.canEdit ? (
                <Checkbox label={t('meetings.markDone', { what: a.description })} checked={a.done} disabled={mark.isPending}
                  onChange={(e) => mark.mutate({ actionId: a.id, done: e.target.checked })} />
              ) : a.done ? <Tag data-color="success" data-size="sm">{t('meetings.done')}</Tag> : null}
              {a.done && a.doneBy && <span className="muted">{t('meetings.doneBy', { name: a.doneBy })}</span>}
            </li>
          ))}
        </ul>
      )}
      {m.canEdit && (
        <form noValidate onSubmit={submit} className="stack" aria-label={t('meetings.addAction')}>
          <UnsavedGuard dirty={v.description.trim() !== ''} />
          <FormErrorSummary {...form} order={fields} idFor={(f) => `${uid}-${f}`} />
          <Textfield id={`${uid}-description`} label={t('meetings.actionDescription')} value={v.description} error={form.errors.description}
            onChange={(e) => setV({ ...v, description: e.target.value })} />
          <div className="button-row">
            <Field>
              <Label htmlFor={`${uid}-responsibleParticipantId`}>{t('meetings.responsible')}</Label>
              <Select id={`${uid}-responsibleParticipantId`} width="auto" value={v.responsibleParticipantId} aria-invalid={form.errors.responsibleParticipantId ? true : undefined}
                onChange={(e) => setV({ ...v, responsibleParticipantId: e.target.value })}>
                <Select.Option value="">{t('meetings.choose')}</Select.Option>
                {m.participants.map((p) => <Select.Option key={p.id} value={p.id}>{p.name}{p.kind === 'external' ? ` (${p.organisation})` : ''}</Select.Option>)}
              </Select>
              {form.errors.responsibleParticipantId && <ValidationMessage>{form.errors.responsibleParticipantId}</ValidationMessage>}
            </Field>
            <DateField id={`${uid}-dueOn`} type="date" label={t('meetings.dueOn')} value={v.dueOn} error={form.errors.dueOn} onChange={(e) => setV({ ...v, dueOn: e.target.value })} />
          </div>
          {several && <StudentSelect id={`${uid}-studentId`} meeting={m} value={v.studentId} error={form.errors.studentId} onChange={(s) => setV({ ...v, studentId: s })} />}
          <div><Button type="submit" variant="secondary" loading={pending}>{t('meetings.addAction')}</Button></div>
        </form>
      )}
    </Panel>
  );
}

/** Sharing on purpose: with the guardians, or sent to an external participant — the server refuses what the consent does not cover, and says why. */
function Sharing({ meeting: m, flushMinutes }: { meeting: Meeting; flushMinutes: () => Promise<void> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const uid = useId();
  const share = useShare(m.id);
  const fields = ['recipient', 'participantId', 'minutes'] as const;
  const { form, pending, run } = useSmallForm(fields);
  const [status, setStatus] = useState('');
  const single = m.kind !== 'resourceTeam' && m.students.length === 1;

  async function doShare(body: { recipient: 'guardians' | 'external'; participantId?: string }) {
    setStatus('');
    await flushMinutes();
    if (await run({}, () => share.mutateAsync(body))) setStatus(t('meetings.sharedOk'));
  }

  return (
    <Panel title={t('meetings.share')} help={t('meetings.shareHelp')}>
      {m.shares.length > 0 && (
        <ul className="stack" aria-label={t('meetings.shares')}>
          {m.shares.map((s) => (
            <li key={s.id}>{t('meetings.shareLine', { recipient: s.recipient === 'guardians' ? t('meetings.recipientGuardians') : s.participantName ?? '', by: s.sharedBy, date: format.dateTime(s.sharedAt) })}</li>
          ))}
        </ul>
      )}
      {m.canEdit && (
        <div className="stack">
          <FormErrorSummary {...form} order={fields} idFor={(f) => `${uid}-${f}`} />
          <div className="button-row">
            {single && <Button id={`${uid}-recipient`} variant="secondary" loading={pending && share.variables?.recipient === 'guardians'} onClick={() => void doShare({ recipient: 'guardians' })}>{t('meetings.shareGuardians')}</Button>}
            {m.participants.filter((p) => p.kind === 'external').map((p, i) => (
              <Button key={p.id} id={i === 0 ? `${uid}-participantId` : undefined} variant="secondary" onClick={() => void doShare({ recipient: 'external', participantId: p.id })}>
                {t('meetings.shareExternal', { name: `${p.name} (${p.organisation})` })}
              </Button>
            ))}
          </div>
          {(form.errors.recipient || form.errors.participantId || form.errors.minutes) && (
            <ValidationMessage id={`${uid}-minutes`}>{form.errors.recipient ?? form.errors.participantId ?? form.errors.minutes}</ValidationMessage>
          )}
          <div role="status" className="status-message">{status}</div>
        </div>
      )}
    </Panel>
  );
}
