import {
  Button,
  Field,
  Fieldset,
  Label,
  Radio,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../core/format';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import type { ContactLogInput } from './contactLogApi';
import { channelLabel, contactChannels, visibilities, visibilityLabel } from './labels';
import {
  contactLogFields,
  isComplete,
  SUMMARY_MAX,
  validateContactLog,
  type ContactLogField,
  type ContactLogValues,
} from './validate';
import { DateField } from '../../core/ui/DateField';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';

interface Props {
  initial: ContactLogValues;
  submitLabel: string;
  /** Names the form for assistive technology ("Registrer kontakt", "Rediger kontakt …"). */
  label: string;
  onSubmit: (values: ContactLogInput) => Promise<unknown>;
  onCancel?: () => void;
}

export function ContactLogForm({ initial, submitLabel, label, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const uid = useId();
  const ids = Object.fromEntries(contactLogFields.map((f) => [f, `${uid}-${f}`])) as Record<ContactLogField, string>;
  // The summary links to the first radio: a fieldset itself cannot take focus.
  const focusId = (f: ContactLogField) => (f === 'visibility' ? `${ids.visibility}-${visibilities[0]}` : ids[f]);

  const [values, setValues] = useState<ContactLogValues>(initial);
  // What the form started with, or last saved: leaving with anything else asks first.
  const [baseline, setBaseline] = useState<ContactLogValues>(initial);
  const dirty = JSON.stringify(values) !== JSON.stringify(baseline);
  const form = useFormErrors(contactLogFields);
  const { errors } = form;
  const [pending, setPending] = useState(false);

  const set = <K extends ContactLogField>(field: K, value: ContactLogValues[K]) =>
    setValues((v) => ({ ...v, [field]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.check(validateContactLog(t, values)) || !isComplete(values)) return;
    setPending(true);
    try {
      await onSubmit({ ...values, summary: values.summary.trim() });
      setBaseline(values);
    } catch (err) {
      form.fromServer(err);
    } finally {
      setPending(false);
    }
  }

  return (
    <form noValidate onSubmit={submit} aria-label={label} className="stack contact-form">
      <UnsavedGuard dirty={dirty} />
      <FormErrorSummary {...form} order={contactLogFields} idFor={focusId} />

      <DateField
        id={ids.occurredOn}
        label={t('contactLog.occurredOn')}
        type="date"
        max={todayIso()}
        required
        value={values.occurredOn}
        error={errors.occurredOn}
        onChange={(e) => set('occurredOn', e.target.value)}
        className="contact-form__date"
      />

      <Field>
        <Label>{t('contactLog.channel')}</Label>
        <Select
          id={ids.channel}
          width="auto"
          required
          value={values.channel}
          aria-invalid={errors.channel ? true : undefined}
          onChange={(e) => set('channel', e.target.value as ContactLogValues['channel'])}
        >
          <Select.Option value="" disabled>
            {t('contactLog.chooseChannel')}
          </Select.Option>
          {contactChannels.map((c) => (
            <Select.Option key={c} value={c}>
              {channelLabel(t, c)}
            </Select.Option>
          ))}
        </Select>
        {errors.channel && <ValidationMessage>{errors.channel}</ValidationMessage>}
      </Field>

      <Textfield
        id={ids.summary}
        label={t('contactLog.summary')}
        description={t('contactLog.summaryHelp')}
        multiline
        rows={4}
        counter={{ limit: SUMMARY_MAX, under: t('contactLog.charsLeft'), over: t('contactLog.charsOver') }}
        required
        value={values.summary}
        error={errors.summary}
        onChange={(e) => set('summary', e.target.value)}
      />

      <Fieldset>
        <Fieldset.Legend>{t('contactLog.visibility')}</Fieldset.Legend>
        {visibilities.map((v) => {
          const { label: optionLabel, help } = visibilityLabel(t, v);
          return (
            <Radio
              key={v}
              id={`${ids.visibility}-${v}`}
              name={ids.visibility}
              value={v}
              label={optionLabel}
              description={help}
              checked={values.visibility === v}
              onChange={() => set('visibility', v)}
            />
          );
        })}
        {errors.visibility && <ValidationMessage>{errors.visibility}</ValidationMessage>}
      </Fieldset>

      <div className="button-row">
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}

export const emptyContactLogValues = (): ContactLogValues => ({
  occurredOn: todayIso(),
  channel: '',
  summary: '',
  // A cautious default for contact with a home: the writer widens it on purpose, never by accident.
  visibility: 'contactTeacherAndLeaders',
});
