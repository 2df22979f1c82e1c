/**
 * The project's form error pattern for every form: field
 * messages next to the fields, and an error summary above that takes focus and links to each field.
 * The typed text always stays in the form; only the messages change.
 */
import { ErrorSummary } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { problemText } from '../ui/ErrorAlert';

export type Errors<F extends string> = Partial<Record<F, string>>;

/** "body/windows/0/opensOn" → "windows.0.opensOn": a field's path in a form with repeated parts. */
export function fieldPath(field: string): string {
  return field.replace(/^body[./]?/, '').replace(/^\//, '').replace(/\//g, '.');
}

/**
 * `fields`: the form's fields by name, or — for a form with repeated parts (windows, sections) — a test
 * whether a server field path ("windows.0.opensOn") is one of the form's controls.
 */
export function useFormErrors<F extends string>(fields: readonly F[] | ((path: string) => boolean)) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Errors<F>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  // Bumped on each failed submit so the error summary remounts and takes focus again.
  const [attempt, setAttempt] = useState(0);

  return {
    errors,
    formErrors,
    attempt,
    setErrors,
    clear() {
      setErrors({});
      setFormErrors([]);
    },
    /** Client-side checks (and messages not tied to a field); true when there were none. */
    check(found: Errors<F>, other: string[] = []): boolean {
      setErrors(found);
      setFormErrors(other);
      if (Object.keys(found).length || other.length) {
        setAttempt((a) => a + 1);
        return false;
      }
      return true;
    },
    /** A failed call: the server's field messages by field, the rest (or its detail) above the form. */
    fromServer(err: unknown, alias: Partial<Record<string, F>> = {}) {
      const known: Errors<F> = {};
      const other: string[] = [];
      const byField: [string, string][] = !isApiError(err)
        ? []
        : typeof fields === 'function'
          ? (err.problem?.errors ?? []).map((e) => [fieldPath(e.field), e.message])
          : Object.entries(err.fieldErrors());
      for (const [field, message] of byField) {
        const f = (alias[field] ?? field) as F;
        const ours = typeof fields === 'function' ? fields(f) : (fields as readonly string[]).includes(f);
        if (ours) known[f] ??= message;
        else other.push(message);
      }
      setErrors(known);
      // The detail repeats the field messages on a 400; show it alone only when nothing is tied to a field.
      setFormErrors(other.length || Object.keys(known).length ? other : [problemText(t, err)]);
      setAttempt((a) => a + 1);
    },
  };
}

interface SummaryProps<F extends string> {
  errors: Errors<F>;
  formErrors: string[];
  attempt: number;
  /** the order of the fields in the form; default: as the errors came */
  order?: readonly F[];
  /** the id of the control to focus for a field */
  idFor: (field: F) => string;
  /** where in the form the field is ("Window 2: "), for forms with repeated parts */
  where?: (field: F) => string;
  level?: 2 | 3;
}

export function FormErrorSummary<F extends string>({ errors, formErrors, attempt, order, idFor, where, level = 3 }: SummaryProps<F>) {
  const { t } = useTranslation();
  const items = (order ?? (Object.keys(errors) as F[])).filter((f) => errors[f]);
  if (!items.length && !formErrors.length) return null;
  return (
    <ErrorSummary key={attempt}>
      <ErrorSummary.Heading level={level} data-size="2xs">
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
              {where?.(f)}
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
