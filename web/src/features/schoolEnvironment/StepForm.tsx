import { Button, Textfield } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../core/format';
import { DateField } from '../../core/ui/DateField';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';

const FIELDS = ['on', 'text'] as const;
type F = (typeof FIELDS)[number];

/**
 * One documented step of a case (an investigation, a measure carried out or evaluated, the escalation, the
 * closing): a date when the step has one, and the words. The typed words stay until saved or left on purpose.
 */
export function StepForm({ label, textLabel, withDate, textRequired, submitLabel, onSave, onCancel, today }: {
  label: string; textLabel: string; withDate: boolean; textRequired: boolean; submitLabel: string; today: string;
  onSave: (v: { on: string; text: string }) => Promise<unknown>; onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const [on, setOn] = useState(() => (todayIso() < today ? todayIso() : today));
  const [text, setText] = useState('');
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const form = useFormErrors<F>(FIELDS);
  const idFor = (f: F) => `${uid}-${f}`;

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const e: Partial<Record<F, string>> = {};
    if (withDate && !on) e.on = t('measures.required');
    if (textRequired && !text.trim()) e.text = t('measures.required');
    if (!form.check(e)) return;
    setPending(true);
    try {
      await onSave({ on, text: text.trim() });
      flushSync(() => {
        setDone(true);
        setText('');
      });
      setDone(false);
    } catch (err) {
      form.fromServer(err, { occurredOn: 'on' });
    } finally {
      setPending(false);
    }
  }

  return (
    <form noValidate onSubmit={submit} className="stack" aria-label={label}>
      <UnsavedGuard dirty={!done && text.trim() !== ''} />
      <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} order={FIELDS} idFor={idFor} />
      {withDate && (
        <DateField id={idFor('on')} type="date" label={t('schoolEnvironment.on')} required max={today} value={on} error={form.errors.on}
          onChange={(e) => setOn(e.target.value)} />
      )}
      <Textfield id={idFor('text')} label={textLabel} multiline rows={2} required={textRequired} value={text} error={form.errors.text}
        onChange={(e) => setText(e.target.value)} />
      <div className="button-row">
        <Button type="submit" loading={pending}>{submitLabel}</Button>
        {onCancel && <Button type="button" variant="secondary" onClick={onCancel}>{t('schoolEnvironment.cancel')}</Button>}
      </div>
    </form>
  );
}
