import {
  Button,
  ErrorSummary,
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
import { isApiError } from '../../core/api/client';
import { contactChannels, visibilities, type ContactLogInput } from '../../core/api/types';
import { todayIso } from '../../core/format';
import { problemText } from '../../core/ui/ErrorAlert';
import { channelLabel, visibilityLabel } from './labels';
import {
  contactLogFields,
  isComplete,
  SUMMARY_MAX,
  validateContactLog,
  type ContactLogField,
  type ContactLogValues,
  type FieldErrors,
} from './validate';

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
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [pending, setPending] = useState(false);
  // Bumped on each failed submit so the error summary remounts and takes focus again.
  const [attempt, setAttempt] = useState(0);

  const set = <K extends ContactLogField>(field: K, value: ContactLogValues[K]) =>
    setValues((v) => ({ ...v, [field]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const clientErrors = validateContactLog(t, values);
    setErrors(clientErrors);
    setFormErrors([]);
    if (Object.keys(clientErrors).length || !isComplete(values)) {
      setAttempt((a) => a + 1);
      return;
    }
    setPending(true);
    try {
      await onSubmit({ ...values, summary: values.summary.trim() });
    } catch (err) {
      const byField = isApiError(err) ? err.fieldErrors() : {};
      const known: FieldErrors = {};
      const other: string[] = [];
      for (const [field, message] of Object.entries(byField)) {
        if ((contactLogFields as readonly string[]).includes(field)) known[field as ContactLogField] = message;
        else other.push(message);
      }
      setErrors(known);
      // The detail repeats the field messages on a 400; show it alone only when nothing is tied to a field.
      setFormErrors(other.length || Object.keys(known).length ? other : [problemText(t, err)]);
      setAttempt((a) => a + 1);
    } finally {
      setPending(false);
    }
  }

  const summaryItems = contactLogFields.filter((f) => errors[f]);
  const hasErrors = summaryItems.length > 0 || formErrors.length > 0;

  return (
    <form noValidate onSubmit={submit} aria-label={label} className="stack contact-form">
      {hasErrors && (
        <ErrorSummary key={attempt}>
          <ErrorSummary.Heading level={3} data-size="2xs">
            {t('errors.formHasErrors')}
          </ErrorSummary.Heading>
          <ErrorSummary.List>
            {summaryItems.map((f) => (
              <ErrorSummary.Item key={f}>
                <ErrorSummary.Link
                  href={`#${focusId(f)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(focusId(f))?.focus();
                  }}
                >
                  {errors[f]}
                </ErrorSummary.Link>
              </ErrorSummary.Item>
            ))}
            {formErrors.map((m) => (
              <ErrorSummary.Item key={m}>{m}</ErrorSummary.Item>
            ))}
          </ErrorSummary.List>
        </ErrorSummary>
      )}

      <Textfield
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
