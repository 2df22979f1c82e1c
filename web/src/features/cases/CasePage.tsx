import { Button, Field, Fieldset, Heading, Label, Paragraph, Radio, Select, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDay, todayIso, useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { DateField } from '../../core/ui/DateField';
import { FormErrorSummary, useFormErrors, type Errors } from '../../core/ui/forms';
import { PageHeading } from '../../core/ui/PageHeading';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';
import { MeasureForm } from '../measures';
import {
  caseQuery, useAddEvent, useAddParticipant, useMeasureFromCase, useOutcome, useResourceTeam, useVisibility,
  type CaseDetail, type CaseEvent, type CaseOutcome, type CaseVisibility,
} from './api';
import { VisibilityChoice } from './CasesSection';

const OUTCOMES: readonly CaseOutcome[] = ['furtherMapping', 'proposedMeasures', 'referralToPpt', 'closed'];

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="panel stack">
      <Heading level={2} data-size="sm" id={id}>{title}</Heading>
      {children}
    </section>
  );
}

/** one case — what prompted it, its chronology, participants, the resource team, its outcome and its measures. */
export function CasePage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data: c } = useSuspenseQuery(caseQuery(caseId));
  const [status, setStatus] = useState('');
  return (
    <div className="stack">
      <div className="stack">
        <PageHeading title={t('cases.page.title', { title: c.title })} />
        <Paragraph>
          <AppLink to="/students/$studentId" params={{ studentId: c.studentId }}>{t('cases.page.about', { name: c.studentName })}</AppLink>
          {' · '}{t('cases.meta', { date: format.date(c.raisedOn), by: c.raisedByName })}
        </Paragraph>
        <div className="button-row">
          <Tag data-color={c.status === 'closed' ? 'neutral' : 'info'}>{t(`cases.status.${c.status}`)}</Tag>
          {c.resourceTeamRegisteredAt && c.status === 'open' && <Tag data-color="warning">{t('cases.onResourceTeam')}</Tag>}
          <Tag data-color="neutral">{t(`cases.visibilities.${c.visibility}`)}</Tag>
        </div>
        <AccessReason access={c.access} />
      </div>
      <div role="status" className="status-message">{status}</div>
      <Section title={t('cases.page.background')}>
        <Paragraph className="pre-wrap">{c.background}</Paragraph>
      </Section>
      <Chronology c={c} onSaved={setStatus} />
      <Outcome c={c} onSaved={setStatus} />
      <Measures c={c} onSaved={setStatus} />
      <Participants c={c} onSaved={setStatus} />
      <ResourceTeam c={c} onSaved={setStatus} />
      {c.canManage && <Access c={c} onSaved={setStatus} />}
    </div>
  );
}

type Part = { c: CaseDetail; onSaved: (s: string) => void };

/** A chronology entry's heading; the recorded codes (an outcome, a tier) are shown in the reader's words. */
function eventText(t: (key: string, vars?: Record<string, string>) => string, e: CaseEvent): string {
  switch (e.kind) {
    case 'outcome': return t('cases.page.kinds.outcome', { text: t(`cases.outcomes.${e.doneBy}`) });
    case 'visibilityChanged': return t('cases.page.kinds.visibilityChanged', { text: t(`cases.visibilities.${e.doneBy}`) });
    case 'participantAdded': return t('cases.page.kinds.participantAdded', { text: e.description });
    case 'measureCreated': return t('cases.page.kinds.measureCreated', { text: e.description });
    default: return t(`cases.page.kinds.${e.kind}`);
  }
}

/** The append-only timeline: each entry with when it happened, who entered it and when; a correction points at the old entry. */
function Chronology({ c, onSaved }: Part) {
  const { t } = useTranslation();
  const format = useFormat();
  const [correcting, setCorrecting] = useState<CaseEvent | null>(null);
  const byId = new Map(c.events.map((e) => [e.id, e]));
  const freeText = (e: CaseEvent) => e.kind === 'entry' || e.kind === 'correction' || e.kind === 'outcome' || e.kind === 'raised';
  return (
    <Section title={t('cases.page.chronology')}>
      <Paragraph data-size="sm" className="muted">{t('cases.page.chronologyIntro')}</Paragraph>
      {c.events.length === 0 ? <Paragraph>{t('cases.page.noEvents')}</Paragraph> : (
        <ol className="log-list" aria-label={t('cases.page.chronology')}>
          {c.events.map((e) => (
            <li key={e.id} className={`log-entry stack case-event${e.kind === 'correction' ? ' case-event--correction' : ''}`} id={`event-${e.id}`}>
              <Paragraph><strong>{format.date(e.occurredOn)}</strong> · {eventText(t as (key: string, vars?: Record<string, string>) => string, e)}</Paragraph>
              {freeText(e) && e.description && e.kind !== 'raised' && <Paragraph className="pre-wrap">{e.description}</Paragraph>}
              {e.kind !== 'outcome' && e.kind !== 'visibilityChanged' && e.doneBy && <Paragraph data-size="sm">{t('cases.page.doneBy', { who: e.doneBy })}</Paragraph>}
              {e.correctsEventId && byId.get(e.correctsEventId) && (
                <Paragraph data-size="sm"><a href={`#event-${e.correctsEventId}`}>{t('cases.page.corrects', { date: format.date(byId.get(e.correctsEventId)!.occurredOn) })}</a></Paragraph>
              )}
              <Paragraph data-size="sm" className="muted">
                {t('cases.page.enteredBy', { by: e.enteredByName, at: format.dateTime(e.enteredAt) })}
                {e.correctedByEventId && <> · <a href={`#event-${e.correctedByEventId}`}>{t('cases.page.correctedLater')}</a></>}
              </Paragraph>
              {c.canContribute && (e.kind === 'entry' || e.kind === 'correction') && correcting?.id !== e.id && (
                <div><Button variant="tertiary" data-size="sm" onClick={() => setCorrecting(e)}>{t('cases.page.correct')}</Button></div>
              )}
              {correcting?.id === e.id && (
                <EventForm c={c} label={t('cases.page.correctTitle', { date: format.date(e.occurredOn) })} corrects={e}
                  onDone={(saved) => { setCorrecting(null); if (saved) onSaved(t('cases.page.eventSaved')); }} />
              )}
            </li>
          ))}
        </ol>
      )}
      {c.canContribute && <EventForm key={c.events.length} c={c} label={t('cases.page.addEvent')} onDone={(saved) => saved && onSaved(t('cases.page.eventSaved'))} />}
    </Section>
  );
}

const eventFields = ['occurredOn', 'description', 'doneBy'] as const;
type EventField = (typeof eventFields)[number];

function EventForm({ c, label, corrects, onDone }: { c: CaseDetail; label: string; corrects?: CaseEvent; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const add = useAddEvent(c.id);
  const [initial] = useState(() => ({ occurredOn: corrects?.occurredOn ?? todayIso(), description: '', doneBy: corrects?.doneBy ?? '' }));
  const [values, setValues] = useState(initial);
  const form = useFormErrors(eventFields);
  const set = (f: EventField, v: string) => setValues((x) => ({ ...x, [f]: v }));
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);

  function validate(): Errors<EventField> {
    const e: Errors<EventField> = {};
    if (!values.description.trim()) e.description = t('cases.required');
    if (!values.occurredOn) e.occurredOn = t('cases.required');
    else if (!parseDay(values.occurredOn)) e.occurredOn = t('cases.badDate');
    else if (values.occurredOn > todayIso()) e.occurredOn = t('cases.future');
    return e;
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    if (!form.check(validate())) return;
    try {
      await add.mutateAsync({ occurredOn: values.occurredOn, description: values.description.trim(), doneBy: values.doneBy.trim(), ...(corrects ? { correctsEventId: corrects.id } : {}) });
      setValues(initial);
      onDone(true);
    } catch (err) {
      form.fromServer(err);
    }
  }

  return (
    <form noValidate onSubmit={submit} aria-label={label} className="stack">
      <UnsavedGuard dirty={dirty} />
      <Heading level={3} data-size="2xs">{label}</Heading>
      <FormErrorSummary {...form} order={eventFields} idFor={(f) => `${uid}-${f}`} />
      <DateField id={`${uid}-occurredOn`} type="date" label={t('cases.page.occurredOn')} required value={values.occurredOn} error={form.errors.occurredOn}
        onChange={(e) => set('occurredOn', e.target.value)} />
      <Textfield id={`${uid}-description`} label={t('cases.page.description')} multiline rows={3} required value={values.description}
        error={form.errors.description} onChange={(e) => set('description', e.target.value)} />
      <Textfield id={`${uid}-doneBy`} label={t('cases.page.doneByLabel')} value={values.doneBy} error={form.errors.doneBy} onChange={(e) => set('doneBy', e.target.value)} />
      <div className="button-row">
        <Button type="submit" loading={add.isPending}>{t('cases.page.saveEvent')}</Button>
        {corrects && <Button type="button" variant="secondary" onClick={() => onDone(false)}>{t('common.cancel')}</Button>}
      </div>
    </form>
  );
}

function Outcome({ c, onSaved }: Part) {
  const { t } = useTranslation();
  const format = useFormat();
  const uid = useId();
  const save = useOutcome(c.id);
  const [initial] = useState(() => ({ outcome: (c.outcome ?? '') as CaseOutcome | '', reason: '' }));
  const [values, setValues] = useState(initial);
  const form = useFormErrors(['outcome', 'reason'] as const);

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const e: Errors<'outcome' | 'reason'> = {};
    if (!values.outcome) e.outcome = t('cases.required');
    if (!values.reason.trim()) e.reason = t('cases.required');
    if (!form.check(e) || !values.outcome) return;
    try {
      await save.mutateAsync({ outcome: values.outcome, reason: values.reason.trim() });
      setValues({ outcome: values.outcome, reason: '' });
      onSaved(t('cases.page.outcomeSaved'));
    } catch (err) {
      form.fromServer(err);
    }
  }

  return (
    <Section title={t('cases.page.outcome')}>
      {c.outcome ? (
        <div className="stack">
          <Paragraph><strong>{t(`cases.outcomes.${c.outcome}`)}</strong></Paragraph>
          <Paragraph className="pre-wrap">{c.outcomeReason}</Paragraph>
          {c.outcomeOn && <Paragraph data-size="sm" className="muted">{t('cases.page.outcomeBy', { date: format.date(c.outcomeOn), by: c.outcomeByName ?? '' })}</Paragraph>}
        </div>
      ) : <Paragraph>{t('cases.page.noOutcome')}</Paragraph>}
      {c.canManage && (
        <form noValidate onSubmit={submit} aria-label={t('cases.page.setOutcome')} className="stack">
          <UnsavedGuard dirty={values.reason.trim() !== '' || values.outcome !== (c.outcome ?? '')} />
          <Heading level={3} data-size="2xs">{t('cases.page.setOutcome')}</Heading>
          <FormErrorSummary {...form} order={['outcome', 'reason'] as const} idFor={(f) => (f === 'outcome' ? `${uid}-outcome-${OUTCOMES[0]}` : `${uid}-${f}`)} />
          <Fieldset>
            <Fieldset.Legend>{t('cases.page.outcomeChoice')}</Fieldset.Legend>
            {OUTCOMES.map((o) => (
              <Radio key={o} id={`${uid}-outcome-${o}`} name={`${uid}-outcome`} value={o} label={t(`cases.outcomes.${o}`)} checked={values.outcome === o}
                onChange={() => setValues((x) => ({ ...x, outcome: o }))} aria-invalid={form.errors.outcome ? true : undefined} />
            ))}
            {form.errors.outcome && <ValidationMessage>{form.errors.outcome}</ValidationMessage>}
          </Fieldset>
          <Textfield id={`${uid}-reason`} label={t('cases.page.reason')} multiline rows={2} required value={values.reason} error={form.errors.reason}
            onChange={(e) => setValues((x) => ({ ...x, reason: e.target.value }))} />
          <div><Button type="submit" loading={save.isPending}>{t('cases.page.saveOutcome')}</Button></div>
        </form>
      )}
    </Section>
  );
}

/** R-55: the measures proposed in the case, and a new one made from it (the measures' own form and route). */
function Measures({ c, onSaved }: Part) {
  const { t } = useTranslation();
  const format = useFormat();
  const add = useMeasureFromCase(c.studentId, c.id);
  const [adding, setAdding] = useState(false);
  return (
    <Section title={t('cases.page.measures')}>
      {c.measures.length === 0 ? <Paragraph>{t('cases.page.noMeasures')}</Paragraph> : (
        <ul className="log-list" aria-label={t('cases.page.measures')}>
          {c.measures.map((m) => (
            <li key={m.id} className="log-entry">
              <AppLink to="/students/$studentId" params={{ studentId: c.studentId }} hash={`measure-${m.id}`}>{m.goal}</AppLink>
              {' · '}{t('measures.evaluateOn')}: {format.date(m.evaluateOn)}
            </li>
          ))}
        </ul>
      )}
      {c.canAddMeasure && (adding ? (
        <MeasureForm
          label={t('cases.page.addMeasure')}
          initial={{ goal: '', actions: '', startsOn: todayIso(), evaluateOn: '' }}
          submitLabel={t('measures.save')}
          onCancel={() => setAdding(false)}
          onSubmit={async (v) => { await add.mutateAsync(v); setAdding(false); onSaved(t('cases.page.measureSaved')); }}
        />
      ) : <div><Button variant="secondary" onClick={() => setAdding(true)}>{t('cases.page.addMeasure')}</Button></div>)}
    </Section>
  );
}

function Participants({ c, onSaved }: Part) {
  const { t } = useTranslation();
  const uid = useId();
  const add = useAddParticipant(c.id);
  const empty = { kind: 'staff' as 'staff' | 'external', staffMemberId: '', externalName: '', role: '' };
  const [values, setValues] = useState(empty);
  const form = useFormErrors(['staffMemberId', 'externalName', 'role'] as const);
  const set = (f: keyof typeof empty, v: string) => setValues((x) => ({ ...x, [f]: v }));
  const dirty = values.staffMemberId !== '' || values.externalName !== '' || values.role !== '';

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const e: Errors<'staffMemberId' | 'externalName' | 'role'> = {};
    if (values.kind === 'staff' && !values.staffMemberId) e.staffMemberId = t('cases.required');
    if (values.kind === 'external' && !values.externalName.trim()) e.externalName = t('cases.required');
    if (values.kind === 'external' && !values.role.trim()) e.role = t('cases.required');
    if (!form.check(e)) return;
    try {
      await add.mutateAsync(values.kind === 'staff'
        ? { staffMemberId: values.staffMemberId, role: values.role.trim() }
        : { externalName: values.externalName.trim(), role: values.role.trim() });
      setValues(empty);
      onSaved(t('cases.page.participantSaved'));
    } catch (err) {
      form.fromServer(err);
    }
  }

  return (
    <Section title={t('cases.page.participants')}>
      {c.participants.length === 0 ? <Paragraph>{t('cases.page.noParticipants')}</Paragraph> : (
        <ul className="log-list" aria-label={t('cases.page.participants')}>
          {c.participants.map((p) => (
            <li key={p.id} className="log-entry">{p.name}{p.role ? ` (${p.role})` : ''}{p.external ? ` · ${t('cases.page.external')}` : ''}</li>
          ))}
        </ul>
      )}
      {c.canManage && (
        <form noValidate onSubmit={submit} aria-label={t('cases.page.addParticipant')} className="stack">
          <UnsavedGuard dirty={dirty} />
          <Heading level={3} data-size="2xs">{t('cases.page.addParticipant')}</Heading>
          <FormErrorSummary {...form} order={['staffMemberId', 'externalName', 'role'] as const} idFor={(f) => `${uid}-${f}`} />
          <Fieldset>
            <Fieldset.Legend>{t('cases.page.participantKind')}</Fieldset.Legend>
            <Radio id={`${uid}-kind-staff`} name={`${uid}-kind`} value="staff" label={t('cases.page.staffParticipant')} checked={values.kind === 'staff'} onChange={() => set('kind', 'staff')} />
            <Radio id={`${uid}-kind-external`} name={`${uid}-kind`} value="external" label={t('cases.page.externalParticipant')} checked={values.kind === 'external'} onChange={() => set('kind', 'external')} />
          </Fieldset>
          {values.kind === 'staff' ? (
            <Field>
              <Label htmlFor={`${uid}-staffMemberId`}>{t('cases.page.staffMember')}</Label>
              <Select id={`${uid}-staffMemberId`} value={values.staffMemberId} onChange={(e) => set('staffMemberId', e.target.value)} aria-invalid={form.errors.staffMemberId ? true : undefined}>
                <Select.Option value="">{t('cases.page.chooseStaff')}</Select.Option>
                {c.staffChoices.map((s) => <Select.Option key={s.staffMemberId} value={s.staffMemberId}>{s.name}</Select.Option>)}
              </Select>
              {form.errors.staffMemberId && <ValidationMessage>{form.errors.staffMemberId}</ValidationMessage>}
            </Field>
          ) : (
            <Textfield id={`${uid}-externalName`} label={t('cases.page.externalName')} required value={values.externalName} error={form.errors.externalName}
              onChange={(e) => set('externalName', e.target.value)} />
          )}
          <Textfield id={`${uid}-role`} label={t('cases.page.role')} required={values.kind === 'external'} value={values.role} error={form.errors.role}
            onChange={(e) => set('role', e.target.value)} />
          <div><Button type="submit" loading={add.isPending}>{t('cases.page.saveParticipant')}</Button></div>
        </form>
      )}
    </Section>
  );
}

function ResourceTeam({ c, onSaved }: Part) {
  const { t } = useTranslation();
  const change = useResourceTeam(c.id);
  const on = Boolean(c.resourceTeamRegisteredAt) && c.status === 'open';
  return (
    <Section title={t('cases.page.resourceTeam')}>
      <Paragraph>{on ? t('cases.page.resourceTeamOn') : t('cases.page.resourceTeamOff')}</Paragraph>
      {c.canContribute && c.status === 'open' && (
        <div>
          <Button variant="secondary" loading={change.isPending}
            onClick={async () => { await change.mutateAsync({ registered: !on }); onSaved(t(on ? 'cases.page.unregisteredStatus' : 'cases.page.registeredStatus')); }}>
            {on ? t('cases.page.unregister') : t('cases.page.register')}
          </Button>
        </div>
      )}
    </Section>
  );
}

function Access({ c, onSaved }: Part) {
  const { t } = useTranslation();
  const uid = useId();
  const save = useVisibility(c.id);
  const [value, setValue] = useState<CaseVisibility>(c.visibility);
  return (
    <Section title={t('cases.page.access')}>
      <form noValidate className="stack" aria-label={t('cases.page.access')}
        onSubmit={async (e) => { e.preventDefault(); await save.mutateAsync({ visibility: value }); onSaved(t('cases.page.visibilitySaved')); }}>
        <UnsavedGuard dirty={value !== c.visibility} />
        <VisibilityChoice uid={uid} value={value} onChange={setValue} />
        <div><Button type="submit" variant="secondary" loading={save.isPending}>{t('cases.page.saveVisibility')}</Button></div>
      </form>
    </Section>
  );
}
