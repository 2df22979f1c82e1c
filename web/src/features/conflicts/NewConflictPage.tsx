import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import { PageHeading } from '../../core/ui/PageHeading';
import { conflictsQuery, searchStudents, useCreateConflict, type FoundStudent } from './api';
import './conflicts.css';
import { DateField } from '../../core/ui/DateField';
import { UnsavedGuard, leaveAfterSave } from '../../core/ui/UnsavedGuard';

type Field = 'occurredOn' | 'description' | 'students';

/** Record a conflict: the date, what happened (without names), the students and what concerns each. */
export function NewConflictPage() {
  const { t } = useTranslation();
  const uid = useId();
  const navigate = useNavigate();
  const create = useCreateConflict();
  // the school's today (pinned in demos and tests), not the device's
  const { today } = useSuspenseQuery(conflictsQuery).data;
  const [occurredOn, setOccurredOn] = useState(today);
  const [description, setDescription] = useState('');
  const [chosen, setChosen] = useState<(FoundStudent & { note: string })[]>([]);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<FoundStudent[] | null>(null);
  const search = useState<unknown>(null);
  const form = useFormErrors<Field>((f) => f === 'occurredOn' || f === 'description' || f.startsWith('students'));
  const idFor = (f: Field) => `${uid}-${f.startsWith('students') ? 'search' : f}`;
  const [created, setCreated] = useState(false);
  const dirty = !created && !create.isPending && (occurredOn !== today || description.trim() !== '' || chosen.length > 0 || query.trim() !== '');

  async function find(e?: FormEvent) {
    e?.preventDefault();
    if (query.trim().length < 2) return;
    try {
      setHits((await searchStudents(query.trim())).students.filter((s) => !chosen.some((c) => c.studentId === s.studentId)));
      search[1](null);
    } catch (err) {
      search[1](err);
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.check(chosen.length < 2 ? { students: t('conflicts.form.needTwo') } : {})) return;
    try {
      const c = await create.mutateAsync({ occurredOn, description, students: chosen.map((s) => ({ studentId: s.studentId, note: s.note.trim() || undefined })) });
      leaveAfterSave(() => setCreated(true), () => navigate({ to: '/conflicts/$conflictId', params: { conflictId: c.id } }));
    } catch (err) {
      form.fromServer(err);
    }
  }

  return (
    <div className="stack">
      <PageHeading title={t('conflicts.form.title')} />
      <form onSubmit={submit} className="stack" noValidate>
        <UnsavedGuard dirty={dirty} />
        <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} idFor={idFor} />
        <DateField id={`${uid}-occurredOn`} type="date" label={t('conflicts.form.occurredOn')} value={occurredOn} max={today}
          onChange={(e) => setOccurredOn(e.target.value)} error={form.errors.occurredOn} />
        <Textfield id={`${uid}-description`} label={t('conflicts.form.description')} description={t('conflicts.form.descriptionHelp')} multiline rows={4}
          value={description} onChange={(e) => setDescription(e.target.value)} error={form.errors.description} />
        <section aria-labelledby={`${uid}-students`} className="stack">
          <Heading level={2} data-size="xs" id={`${uid}-students`}>{t('conflicts.form.students')}</Heading>
          <div className="conflict-search">
            <Textfield id={`${uid}-search`} label={t('conflicts.form.search')} value={query} error={form.errors.students}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void find(); } }} />
            <Button type="button" variant="secondary" onClick={() => void find()}>{t('conflicts.form.searchButton')}</Button>
          </div>
          {search[0] !== null && <ErrorAlert error={search[0]} />}
          {hits !== null && (hits.length === 0 ? <Paragraph role="status">{t('conflicts.form.noHits')}</Paragraph> : (
            <ul className="conflict-chosen" aria-live="polite">
              {hits.map((s) => (
                <li key={s.studentId}>
                  <Button type="button" variant="tertiary" data-size="sm" onClick={() => {
                    setChosen((c) => [...c, { ...s, note: '' }]);
                    setHits(null);
                    setQuery('');
                    document.getElementById(`${uid}-search`)?.focus();
                  }}>
                    {t('conflicts.form.add', { name: `${s.givenName} ${s.familyName}`, group: s.groupName ?? '–' })}
                  </Button>
                </li>
              ))}
            </ul>
          ))}
          <ul className="conflict-chosen">
            {chosen.map((s) => {
              const name = `${s.givenName} ${s.familyName}`;
              return (
                <li key={s.studentId} className="stack">
                  <Textfield label={t('conflicts.form.note', { name: `${name} (${s.groupName ?? '–'})` })} description={t('conflicts.form.noteHelp')} multiline rows={2}
                    value={s.note} onChange={(e) => setChosen((c) => c.map((x) => (x.studentId === s.studentId ? { ...x, note: e.target.value } : x)))} />
                  <div>
                    <Button type="button" variant="tertiary" data-size="sm" onClick={() => setChosen((c) => c.filter((x) => x.studentId !== s.studentId))}>
                      {t('conflicts.form.remove', { name })}
                    </Button>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
        <div className="button-row">
          <Button type="submit" loading={create.isPending} disabled={create.isPending}>{t('conflicts.form.save')}</Button>
          <Button type="button" variant="tertiary" onClick={() => void navigate({ to: '/conflicts' })}>{t('conflicts.form.cancel')}</Button>
        </div>
      </form>
    </div>
  );
}
