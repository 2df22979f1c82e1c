/**
 * The project's form error pattern (see contactLog/ContactLogForm.tsx) for the meeting forms: field
 * messages next to the fields, and an error summary above that takes focus and links to each field.
 * The typed text always stays in the form; only the messages change.
 */
import { ErrorSummary } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../core/api/client';
import { problemText } from '../../../core/ui/ErrorAlert';

export type Errors<F extends string> = Partial<Record<F, string>>;

export function useFormErrors<F extends string>(fields: readonly F[]) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Errors<F>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  // Bumped on each failed submit so the error summary remounts and takes focus again.
  const [attempt, setAttempt] = useState(0);

  return {
    errors,
    formErrors,
    attempt,
    clear() {
      setErrors({});
      setFormErrors([]);
    },
    /** Client-side checks; true when there were none. */
    check(found: Errors<F>): boolean {
      setErrors(found);
      setFormErrors([]);
      if (Object.keys(found).length) {
        setAttempt((a) => a + 1);
        return false;
      }
      return true;
    },
    /** A failed call: the server's field messages by field, the rest (or its detail) above the form. */
    fromServer(err: unknown, alias: Partial<Record<string, F>> = {}) {
      const byField = isApiError(err) ? err.fieldErrors() : {};
      const known: Errors<F> = {};
      const other: string[] = [];
      for (const [field, message] of Object.entries(byField)) {
        const f = (alias[field] ?? field) as F;
        if ((fields as readonly string[]).includes(f)) known[f] ??= message;
        else other.push(message);
      }
      setErrors(known);
      setFormErrors(other.length || Object.keys(known).length ? other : [problemText(t, err)]);
      setAttempt((a) => a + 1);
    },
  };
}

interface SummaryProps<F extends string> {
  errors: Errors<F>;
  formErrors: string[];
  attempt: number;
  order: readonly F[];
  /** the id of the control to focus for a field */
  idFor: (field: F) => string;
}

export function FormErrorSummary<F extends string>({ errors, formErrors, attempt, order, idFor }: SummaryProps<F>) {
  const { t } = useTranslation();
  const items = order.filter((f) => errors[f]);
  if (!items.length && !formErrors.length) return null;
  return (
    <ErrorSummary key={attempt}>
      <ErrorSummary.Heading level={3} data-size="2xs">
        {t('errors.formHasErrors')}
      </ErrorSummary.Heading>
      <ErrorSummary.List>
        {items.map((f) => (
          <ErrorSummary.Item key={f}>
            <ErrorSummary.Link
              href={`#${idFor(f)}`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(idFor(f))?.focus();
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
  );
}

/** "2026-11-25" + "14:30" in the browser's time zone → an ISO instant for the API; empty date → null. */
export function toInstant(date: string, time: string): string | null {
  if (!date) return null;
  const d = new Date(`${date}T${time || '00:00'}`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The other way: the date and time fields for an instant, in the browser's time zone. */
export function fromInstant(iso: string | null): { date: string; time: string } {
  if (!iso) return { date: '', time: '' };
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return { date: '', time: '' };
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
  };
}

/** The server takes https only (a Teams link); say so before the round trip. */
export function isHttpsUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'https:' && Boolean(u.hostname);
  } catch {
    return false;
  }
}
