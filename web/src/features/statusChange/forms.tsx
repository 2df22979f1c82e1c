/**
 * The forms of a status change: starting one, a meeting, a document, the principal's decision and the
 * appeal. Each keeps what was typed until it is saved, asks before it is left unsaved (UnsavedGuard),
 * checks the obvious before the round trip, and shows the server's 400 at the field it names.
 */
import { Button, Checkbox, Field, Fieldset, Label, Radio, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDay } from '../../core/format';
import { DateField } from '../../core/ui/DateField';
import { FormErrorSummary, useFormErrors, type Errors } from '../../core/ui/forms';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';

type Values = Record<string, string | boolean | string[]>;

/** One form's shared behaviour: its values, errors, the unsaved question and the submit. */
function useStepForm<V extends Values>(initial: V, fields: readonly (keyof V & string)[]) {
  const [values, setValues] = useState(initial);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useFormErrors(fields);
  const set = <K extends keyof V>(f: K, v: V[K]) => setValues((x) => ({ ...x, [f]: v }));
  const dirty = !saved && JSON.stringify(values) !== JSON.stringify(initial);
  async function run(ev: FormEvent, errors: Errors<keyof V & string>, send: () => Promise<unknown>) {
    ev.preventDefault();
    if (!form.check(errors)) return;
    setPending(true);
    try {
      await send();
      setSaved(true);
    } catch (err) {
      form.fromServer(err);
    } finally {
      setPending(false);
    }
  }
  return { values, set, form, pending, dirty, run };
}

function Shell({ label, uid, form, order, dirty, pending, submitLabel, onCancel, onSubmit, children }: {
  label: string; uid: string; form: ReturnType<typeof useFormErrors<string>>; order: readonly string[]; dirty: boolean; pending: boolean;
  submitLabel: string; onCancel: () => void; onSubmit: (ev: FormEvent) => void; children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form noValidate onSubmit={onSubmit} aria-label={label} className="stack panel">
      <UnsavedGuard dirty={dirty} />
      <FormErrorSummary {...form} order={order} idFor={(f) => `${uid}-${f}`} />
      {children}
      <div className="button-row">
        <Button type="submit" loading={pending}>{submitLabel}</Button>
        <Button type="button" variant="secondary" onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}

function useChecks() {
  const { t } = useTranslation();
  return {
    text: (v: string) => (v.trim() ? undefined : t('statusChange.required')),
    date: (v: string) => (!v ? t('statusChange.required') : parseDay(v) ? undefined : t('statusChange.badDate')),
  };
}

function only<F extends string>(e: Record<F, string | undefined>): Errors<F> {
  return Object.fromEntries(Object.entries(e).filter(([, v]) => v)) as Errors<F>;
}

const kinds = ['leaving', 'changingProgramme', 'changingSchool'] as const;
type Kind = (typeof kinds)[number];
export interface StartValues { kind: Kind; background: string; proposedOn: string; newProgramme: '' | 'general' | 'vocational' }

export function StartForm({ onSubmit, onCancel }: { onSubmit: (v: StartValues) => Promise<unknown>; onCancel: () => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const check = useChecks();
  const fields = ['kind', 'background', 'proposedOn', 'newProgramme'] as const;
  const f = useStepForm<StartValues & Values>({ kind: 'leaving', background: '', proposedOn: '', newProgramme: '' }, fields);
  const v = f.values;
  return (
    <Shell label={t('statusChange.start')} uid={uid} form={f.form} order={fields} dirty={f.dirty} pending={f.pending} submitLabel={t('statusChange.startSave')} onCancel={onCancel}
      onSubmit={(ev) => f.run(ev, only({ background: check.text(v.background), proposedOn: check.date(v.proposedOn) }), () => onSubmit(v))}>
      <Fieldset>
        <Fieldset.Legend>{t('statusChange.kindLabel')}</Fieldset.Legend>
        {kinds.map((k) => (
          <Radio key={k} id={k === 'leaving' ? `${uid}-kind` : `${uid}-kind-${k}`} name={`${uid}-kind`} value={k} label={t(`statusChange.kind.${k}`)} checked={v.kind === k}
            onChange={() => { f.set('kind', k); if (k !== 'changingProgramme') f.set('newProgramme', ''); }} />
        ))}
      </Fieldset>
      {v.kind === 'changingProgramme' && (
        <Field>
          <Label htmlFor={`${uid}-newProgramme`}>{t('statusChange.newProgramme')}</Label>
          <Select id={`${uid}-newProgramme`} value={v.newProgramme} onChange={(e) => f.set('newProgramme', e.target.value as StartValues['newProgramme'])}>
            <Select.Option value="">{t('statusChange.programmeSame')}</Select.Option>
            <Select.Option value="general">{t('statusChange.programme.general')}</Select.Option>
            <Select.Option value="vocational">{t('statusChange.programme.vocational')}</Select.Option>
          </Select>
          {f.form.errors.newProgramme && <ValidationMessage>{f.form.errors.newProgramme}</ValidationMessage>}
        </Field>
      )}
      <Textfield id={`${uid}-background`} label={t('statusChange.background')} multiline rows={3} required value={v.background} error={f.form.errors.background}
        onChange={(e) => f.set('background', e.target.value)} />
      <DateField id={`${uid}-proposedOn`} type="date" label={t('statusChange.proposedOn')} required value={v.proposedOn} error={f.form.errors.proposedOn}
        onChange={(e) => f.set('proposedOn', e.target.value)} />
    </Shell>
  );
}

const participants = ['student', 'guardians', 'counsellor', 'contactTeacher', 'departmentHead'] as const;
type Participant = (typeof participants)[number];
export interface MeetingValues { heldOn: string; participants: Participant[]; others: string; note: string }

export function MeetingForm({ onSubmit, onCancel }: { onSubmit: (v: MeetingValues) => Promise<unknown>; onCancel: () => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const check = useChecks();
  const fields = ['heldOn', 'participants', 'others', 'note'] as const;
  const f = useStepForm<MeetingValues & Values>({ heldOn: '', participants: [], others: '', note: '' }, fields);
  const v = f.values;
  const toggle = (p: Participant) => f.set('participants', v.participants.includes(p) ? v.participants.filter((x) => x !== p) : [...v.participants, p]);
  const noOne = v.participants.length === 0 && !v.others.trim() ? t('statusChange.required') : undefined;
  return (
    <Shell label={t('statusChange.addMeeting')} uid={uid} form={f.form} order={fields} dirty={f.dirty} pending={f.pending} submitLabel={t('statusChange.meetingSave')} onCancel={onCancel}
      onSubmit={(ev) => f.run(ev, only({ heldOn: check.date(v.heldOn), participants: noOne }), () => onSubmit({ ...v, others: v.others.trim(), note: v.note.trim() }))}>
      <DateField id={`${uid}-heldOn`} type="date" label={t('statusChange.heldOn')} required value={v.heldOn} error={f.form.errors.heldOn}
        onChange={(e) => f.set('heldOn', e.target.value)} />
      <Fieldset>
        <Fieldset.Legend>{t('statusChange.participantsLabel')}</Fieldset.Legend>
        {participants.map((p, i) => (
          <Checkbox key={p} id={i === 0 ? `${uid}-participants` : `${uid}-participants-${p}`} value={p} label={t(`statusChange.participant.${p}`)}
            checked={v.participants.includes(p)} onChange={() => toggle(p)} aria-invalid={f.form.errors.participants ? true : undefined} />
        ))}
        {f.form.errors.participants && <ValidationMessage>{f.form.errors.participants}</ValidationMessage>}
      </Fieldset>
      <Textfield id={`${uid}-others`} label={t('statusChange.others')} value={v.others} error={f.form.errors.others} onChange={(e) => f.set('others', e.target.value)} />
      <Textfield id={`${uid}-note`} label={t('statusChange.note')} multiline rows={2} value={v.note} error={f.form.errors.note} onChange={(e) => f.set('note', e.target.value)} />
    </Shell>
  );
}

export interface DocumentValues { title: string; receivedOn: string; receivedFrom: string }

export function DocumentForm({ onSubmit, onCancel }: { onSubmit: (v: DocumentValues) => Promise<unknown>; onCancel: () => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const check = useChecks();
  const fields = ['title', 'receivedOn', 'receivedFrom'] as const;
  const f = useStepForm<DocumentValues & Values>({ title: '', receivedOn: '', receivedFrom: '' }, fields);
  const v = f.values;
  return (
    <Shell label={t('statusChange.addDocument')} uid={uid} form={f.form} order={fields} dirty={f.dirty} pending={f.pending} submitLabel={t('statusChange.documentSave')} onCancel={onCancel}
      onSubmit={(ev) => f.run(ev, only({ title: check.text(v.title), receivedOn: check.date(v.receivedOn), receivedFrom: check.text(v.receivedFrom) }),
        () => onSubmit({ title: v.title.trim(), receivedOn: v.receivedOn, receivedFrom: v.receivedFrom.trim() }))}>
      <Textfield id={`${uid}-title`} label={t('statusChange.docTitle')} required value={v.title} error={f.form.errors.title} onChange={(e) => f.set('title', e.target.value)} />
      <DateField id={`${uid}-receivedOn`} type="date" label={t('statusChange.receivedOn')} required value={v.receivedOn} error={f.form.errors.receivedOn}
        onChange={(e) => f.set('receivedOn', e.target.value)} />
      <Textfield id={`${uid}-receivedFrom`} label={t('statusChange.receivedFrom')} required value={v.receivedFrom} error={f.form.errors.receivedFrom}
        onChange={(e) => f.set('receivedFrom', e.target.value)} />
    </Shell>
  );
}

export interface DecisionValues { granted: '' | 'yes' | 'no'; reasons: string; effectiveOn: string; appealTo: string }

export function DecisionForm({ appealTo, onSubmit, onCancel, children }: {
  appealTo: string; onSubmit: (v: { granted: boolean; reasons: string; effectiveOn?: string; appealTo: string }) => Promise<unknown>; onCancel: () => void; children?: ReactNode;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const check = useChecks();
  const fields = ['granted', 'reasons', 'effectiveOn', 'appealTo'] as const;
  const f = useStepForm<DecisionValues & Values>({ granted: '', reasons: '', effectiveOn: '', appealTo }, fields);
  const v = f.values;
  return (
    <Shell label={t('statusChange.decisionTitle')} uid={uid} form={f.form} order={fields} dirty={f.dirty} pending={f.pending} submitLabel={t('statusChange.decisionSave')} onCancel={onCancel}
      onSubmit={(ev) => f.run(ev, only({
        granted: v.granted ? undefined : t('statusChange.required'), reasons: check.text(v.reasons),
        effectiveOn: v.granted === 'yes' ? check.date(v.effectiveOn) : undefined, appealTo: check.text(v.appealTo),
      }), () => onSubmit({
        granted: v.granted === 'yes', reasons: v.reasons.trim(), appealTo: v.appealTo.trim(), ...(v.granted === 'yes' ? { effectiveOn: v.effectiveOn } : {}),
      }))}>
      {children}
      <Fieldset>
        <Fieldset.Legend>{t('statusChange.outcomeLabel')}</Fieldset.Legend>
        {(['yes', 'no'] as const).map((g) => (
          <Radio key={g} id={g === 'yes' ? `${uid}-granted` : `${uid}-granted-no`} name={`${uid}-granted`} value={g} label={t(g === 'yes' ? 'statusChange.grant' : 'statusChange.refuse')}
            checked={v.granted === g} onChange={() => f.set('granted', g)} aria-invalid={f.form.errors.granted ? true : undefined} />
        ))}
        {f.form.errors.granted && <ValidationMessage>{f.form.errors.granted}</ValidationMessage>}
      </Fieldset>
      <Textfield id={`${uid}-reasons`} label={t('statusChange.reasons')} multiline rows={4} required value={v.reasons} error={f.form.errors.reasons}
        onChange={(e) => f.set('reasons', e.target.value)} />
      {v.granted === 'yes' && (
        <DateField id={`${uid}-effectiveOn`} type="date" label={t('statusChange.effectiveOn')} required value={v.effectiveOn} error={f.form.errors.effectiveOn}
          onChange={(e) => f.set('effectiveOn', e.target.value)} />
      )}
      <Textfield id={`${uid}-appealTo`} label={t('statusChange.appealTo')} required value={v.appealTo} error={f.form.errors.appealTo} onChange={(e) => f.set('appealTo', e.target.value)} />
    </Shell>
  );
}

const outcomes = ['upheld', 'changed', 'reversed'] as const;
export interface AppealValues { receivedOn: string; note: string; outcome: '' | (typeof outcomes)[number]; decidedOn: string }

export function AppealForm({ initial, onSubmit, onCancel }: {
  initial: AppealValues; onSubmit: (v: { receivedOn: string; note: string; outcome?: (typeof outcomes)[number]; decidedOn?: string }) => Promise<unknown>; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const check = useChecks();
  const fields = ['receivedOn', 'note', 'outcome', 'decidedOn'] as const;
  const f = useStepForm<AppealValues & Values>({ ...initial }, fields);
  const v = f.values;
  return (
    <Shell label={t('statusChange.recordAppeal')} uid={uid} form={f.form} order={fields} dirty={f.dirty} pending={f.pending} submitLabel={t('statusChange.appealSave')} onCancel={onCancel}
      onSubmit={(ev) => f.run(ev, only({ receivedOn: check.date(v.receivedOn), decidedOn: v.outcome ? check.date(v.decidedOn) : undefined }), () => onSubmit({
        receivedOn: v.receivedOn, note: v.note.trim(), ...(v.outcome ? { outcome: v.outcome, decidedOn: v.decidedOn } : {}),
      }))}>
      <DateField id={`${uid}-receivedOn`} type="date" label={t('statusChange.appealReceivedOn')} required value={v.receivedOn} error={f.form.errors.receivedOn}
        onChange={(e) => f.set('receivedOn', e.target.value)} />
      <Textfield id={`${uid}-note`} label={t('statusChange.appealNote')} multiline rows={2} value={v.note} error={f.form.errors.note} onChange={(e) => f.set('note', e.target.value)} />
      <Field>
        <Label htmlFor={`${uid}-outcome`}>{t('statusChange.appealOutcome')}</Label>
        <Select id={`${uid}-outcome`} value={v.outcome} onChange={(e) => f.set('outcome', e.target.value as AppealValues['outcome'])}>
          <Select.Option value="">{t('statusChange.appealOutcomeNone')}</Select.Option>
          {outcomes.map((o) => <Select.Option key={o} value={o}>{t(`statusChange.appealOutcomes.${o}`)}</Select.Option>)}
        </Select>
      </Field>
      {v.outcome && (
        <DateField id={`${uid}-decidedOn`} type="date" label={t('statusChange.appealDecidedOn')} required value={v.decidedOn} error={f.form.errors.decidedOn}
          onChange={(e) => f.set('decidedOn', e.target.value)} />
      )}
    </Shell>
  );
}
