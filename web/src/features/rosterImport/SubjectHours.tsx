import { Alert, Button, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../core/api/client';
import { AppLink } from '../../core/ui/AppLink';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { subjectsQuery, useSetAnnualHours, type SubjectsView } from './api';
import { UnsavedGuard, useDirty } from '../../core/ui/UnsavedGuard';

/** The annual hours of the school's subjects: FINT has none, so the admin gives them (a later sync keeps them). */
export function SubjectHours() {
  const { t } = useTranslation();
  const uid = useId();
  const { data, error } = useQuery(subjectsQuery);
  return (
    <section id="subject-hours" tabIndex={-1} aria-labelledby={`${uid}-h`} className="stack panel">
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('rosterImport.settings.hours.heading')}</Heading>
      <Paragraph>{t('rosterImport.settings.hours.intro')}</Paragraph>
      {error && <ErrorAlert error={error} />}
      {data && data.subjects.length === 0 && <Paragraph>{t('rosterImport.settings.hours.none')}</Paragraph>}
      {data && data.subjects.length > 0 && (
        <ul className="stack plain-list">
          {data.subjects.map((s) => <li key={s.id}><SubjectRow subject={s} /></li>)}
        </ul>
      )}
    </section>
  );
}

function SubjectRow({ subject }: { subject: SubjectsView['subjects'][number] }) {
  const { t } = useTranslation();
  const uid = useId();
  const save = useSetAnnualHours();
  const [value, setValue] = useState(subject.annualHours > 0 ? String(subject.annualHours) : '');
  const [problem, setProblem] = useState('');
  const [note, setNote] = useState('');
  const { dirty, markSaved } = useDirty(value);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setNote('');
    const hours = value.trim();
    if (!/^\d+$/.test(hours) || Number(hours) < 1 || Number(hours) > 2000) {
      setProblem(t('rosterImport.settings.hours.invalid'));
      return;
    }
    setProblem('');
    try {
      await save.mutateAsync({ subjectId: subject.id, annualHours: Number(hours) });
      markSaved();
      setNote(t('rosterImport.settings.hours.saved', { code: subject.code }));
    } catch (err) {
      // a refusal naming the field shows at the field; anything else below the row
      if (err instanceof ApiError && err.status === 400) setProblem(err.message);
    }
  }
  return (
    <form onSubmit={submit} noValidate className="button-row">
      <UnsavedGuard dirty={dirty && !save.isPending} />
      <Textfield id={`${uid}-hours`} label={t('rosterImport.settings.hours.label', { code: subject.code, name: subject.name })} inputMode="numeric"
        value={value} onChange={(e) => setValue(e.target.value)} error={problem || undefined} autoComplete="off" />
      {subject.annualHours === 0 && <Tag data-color="warning">{t('rosterImport.settings.hours.unknown')}</Tag>}
      <Button type="submit" variant="secondary" loading={save.isPending} aria-label={t('rosterImport.settings.hours.saveFor', { code: subject.code })}>
        {t('rosterImport.settings.hours.save')}
      </Button>
      <Paragraph role="status" data-size="sm" className="status-message">{note}</Paragraph>
      {save.error && !problem && <ErrorAlert error={save.error} />}
    </form>
  );
}

/** What a preview (and, once applied, its result) says of subjects without annual hours, with the way to give them. */
export function MissingHours({ missing }: { missing: { count: number; first: { code: string; name: string }[] } }) {
  const { t } = useTranslation();
  const uid = useId();
  const subjects = missing.first.map((s) => `${s.code} ${s.name}`).join(', ') + (missing.count > missing.first.length ? ' …' : '');
  return (
    <Alert data-color="warning" aria-labelledby={`${uid}-h`}>
      <Heading level={2} data-size="xs" id={`${uid}-h`}>{t('rosterImport.settings.hours.missingHeading')}</Heading>
      <Paragraph>{t('rosterImport.settings.hours.missing', { count: missing.count, subjects })}</Paragraph>
      <Paragraph><AppLink to="/admin/import/fint" hash="subject-hours">{t('rosterImport.settings.hours.missingLink')}</AppLink></Paragraph>
    </Alert>
  );
}
