import { Button, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditSearch } from './auditApi';
import { DateField } from '../../core/ui/DateField';

interface Props {
  initial: AuditSearch;
  /** Messages from the server's problem+json, keyed by field. */
  serverErrors: Record<string, string>;
  pending: boolean;
  onSearch: (search: AuditSearch) => void;
}

// unsaved-guard: a search form; its values are in the address once searched
export function AuditForm({ initial, serverErrors, pending, onSearch }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ studentId: initial.studentId ?? '', from: initial.from ?? '', to: initial.to ?? '' });
  const [toError, setToError] = useState<string | undefined>();

  // The URL is the source of truth (a link can change the search); updating in place keeps focus where it is.
  useEffect(() => {
    setValues({ studentId: initial.studentId ?? '', from: initial.from ?? '', to: initial.to ?? '' });
  }, [initial.studentId, initial.from, initial.to]);

  // A server message belongs to the value that was searched for; once the user edits the field it is stale.
  const serverError = (field: keyof AuditSearch) =>
    values[field] === (initial[field] ?? '') ? serverErrors[field] : undefined;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (values.from && values.to && values.to < values.from) {
      setToError(t('audit.toBeforeFrom'));
      document.getElementById('audit-to')?.focus();
      return;
    }
    setToError(undefined);
    onSearch({
      studentId: values.studentId.trim() || undefined,
      from: values.from || undefined,
      to: values.to || undefined,
    });
  }

  return (
    <form noValidate onSubmit={submit} aria-label={t('audit.filters')} className="audit-form">
      <Textfield
        id="audit-studentId"
        label={t('audit.studentId')}
        description={t('audit.studentIdHelp')}
        autoComplete="off"
        spellCheck={false}
        value={values.studentId}
        error={serverError('studentId')}
        onChange={(e) => setValues((v) => ({ ...v, studentId: e.target.value }))}
        className="audit-form__student"
      />
      <DateField
        id="audit-from"
        label={t('audit.from')}
        type="date"
        value={values.from}
        error={serverError('from')}
        onChange={(e) => setValues((v) => ({ ...v, from: e.target.value }))}
      />
      <DateField
        id="audit-to"
        label={t('audit.to')}
        type="date"
        value={values.to}
        error={toError ?? serverError('to')}
        onChange={(e) => setValues((v) => ({ ...v, to: e.target.value }))}
      />
      <Button type="submit" loading={pending} className="audit-form__submit">
        {t('audit.search')}
      </Button>
    </form>
  );
}
