import { Button, Fieldset, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDay } from '../../core/format';
import { FormErrorSummary, useFormErrors, type Errors } from '../../core/ui/forms';
import { DateField } from '../../core/ui/DateField';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';
import type { MeasureEvaluation } from './api';

const measureFields = ['goal', 'actions', 'startsOn', 'evaluateOn'] as const;
type MeasureField = (typeof measureFields)[number];
export type MeasureValues = Record<MeasureField, string>;

const same = <T extends object>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);

/** A measure's goal, what is done and its dates; the typed text is kept until it is saved or the user leaves on purpose. */
export function MeasureForm({ label, initial, submitLabel, onSubmit, onCancel }: {
  label: string; initial: MeasureValues; submitLabel: string; onSubmit: (v: MeasureValues) => Promise<unknown>; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const [values, setValues] = useState(initial);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useFormErrors(measureFields);
  const set = (f: MeasureField, v: string) => setValues((x) => ({ ...x, [f]: v }));

  function validate(): Errors<MeasureField> {
    const e: Errors<MeasureField> = {};
    for (const f of measureFields) if (!values[f].trim()) e[f] = t('measures.required');
    for (const f of ['startsOn', 'evaluateOn'] as const) if (values[f] && !parseDay(values[f])) e[f] = t('measures.badDate');
    if (!e.startsOn && !e.evaluateOn && values.evaluateOn < values.startsOn) e.evaluateOn = t('measures.beforeStart');
    return e;
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    if (!form.check(validate())) return;
    setPending(true);
    try {
      await onSubmit({ ...values, goal: values.goal.trim(), actions: values.actions.trim() });
      setSaved(true);
    } catch (err) {
      form.fromServer(err);
    } finally {
      setPending(false);
    }
  }

  return (
    <form noValidate onSubmit={submit} aria-label={label} className="stack">
      <UnsavedGuard dirty={!saved && !same(values, initial)} />
      <FormErrorSummary {...form} order={measureFields} idFor={(f) => `${uid}-${f}`} />
      <Textfield id={`${uid}-goal`} label={t('measures.goal')} required value={values.goal} error={form.errors.goal} onChange={(e) => set('goal', e.target.value)} />
      <Textfield id={`${uid}-actions`} label={t('measures.actions')} multiline rows={3} required value={values.actions} error={form.errors.actions}
        onChange={(e) => set('actions', e.target.value)} />
      <div className="button-row">
        <DateField id={`${uid}-startsOn`} type="date" label={t('measures.startsOn')} required value={values.startsOn} error={form.errors.startsOn}
          onChange={(e) => set('startsOn', e.target.value)} />
        <DateField id={`${uid}-evaluateOn`} type="date" label={t('measures.evaluateOn')} required value={values.evaluateOn} error={form.errors.evaluateOn}
          onChange={(e) => set('evaluateOn', e.target.value)} />
      </div>
      <div className="button-row">
        <Button type="submit" loading={pending}>{submitLabel}</Button>
        <Button type="button" variant="secondary" onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}

const evaluationFields = ['evaluation', 'nextStep', 'outcome', 'nextEvaluateOn'] as const;
type EvaluationField = (typeof evaluationFields)[number];
interface EvaluationValues { evaluation: string; nextStep: string; outcome: 'continued' | 'ended' | ''; nextEvaluateOn: string }
const emptyEvaluation: EvaluationValues = { evaluation: '', nextStep: '', outcome: '', nextEvaluateOn: '' };

/** "How did it work?", the next step, and whether the measure continues (then with its next evaluation date). */
export function EvaluationForm({ label, startsOn, onSubmit, onCancel }: {
  label: string; startsOn: string; onSubmit: (v: MeasureEvaluation) => Promise<unknown>; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const [values, setValues] = useState(emptyEvaluation);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useFormErrors(evaluationFields);
  const set = <K extends EvaluationField>(f: K, v: EvaluationValues[K]) => setValues((x) => ({ ...x, [f]: v }));

  function validate(): Errors<EvaluationField> {
    const e: Errors<EvaluationField> = {};
    if (!values.evaluation.trim()) e.evaluation = t('measures.required');
    if (!values.outcome) e.outcome = t('measures.required');
    if (values.outcome === 'continued') {
      if (!values.nextEvaluateOn) e.nextEvaluateOn = t('measures.required');
      else if (!parseDay(values.nextEvaluateOn)) e.nextEvaluateOn = t('measures.badDate');
      else if (values.nextEvaluateOn < startsOn) e.nextEvaluateOn = t('measures.beforeStart');
    }
    return e;
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    if (!form.check(validate()) || !values.outcome) return;
    setPending(true);
    try {
      await onSubmit({
        evaluation: values.evaluation.trim(), nextStep: values.nextStep.trim(), outcome: values.outcome,
        ...(values.outcome === 'continued' ? { nextEvaluateOn: values.nextEvaluateOn } : {}),
      });
      setSaved(true);
    } catch (err) {
      form.fromServer(err);
    } finally {
      setPending(false);
    }
  }

  return (
    <form noValidate onSubmit={submit} aria-label={label} className="stack">
      <UnsavedGuard dirty={!saved && !same(values, emptyEvaluation)} />
      <FormErrorSummary {...form} order={evaluationFields} idFor={(f) => (f === 'outcome' ? `${uid}-outcome-continued` : `${uid}-${f}`)} />
      <Textfield id={`${uid}-evaluation`} label={t('measures.evaluation')} multiline rows={3} required value={values.evaluation} error={form.errors.evaluation}
        onChange={(e) => set('evaluation', e.target.value)} />
      <Textfield id={`${uid}-nextStep`} label={t('measures.nextStep')} value={values.nextStep} error={form.errors.nextStep} onChange={(e) => set('nextStep', e.target.value)} />
      <Fieldset>
        <Fieldset.Legend>{t('measures.outcome')}</Fieldset.Legend>
        {(['continued', 'ended'] as const).map((o) => (
          <Radio key={o} id={`${uid}-outcome-${o}`} name={`${uid}-outcome`} value={o} label={t(`measures.${o}`)} checked={values.outcome === o}
            onChange={() => set('outcome', o)} aria-invalid={form.errors.outcome ? true : undefined} />
        ))}
        {form.errors.outcome && <ValidationMessage>{form.errors.outcome}</ValidationMessage>}
      </Fieldset>
      {values.outcome === 'continued' && (
        <DateField id={`${uid}-nextEvaluateOn`} type="date" label={t('measures.nextEvaluateOn')} required value={values.nextEvaluateOn}
          error={form.errors.nextEvaluateOn} onChange={(e) => set('nextEvaluateOn', e.target.value)} />
      )}
      <div className="button-row">
        <Button type="submit" loading={pending}>{t('measures.saveEvaluation')}</Button>
        <Button type="button" variant="secondary" onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
