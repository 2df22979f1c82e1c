import { Button, Heading, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import { PageHeading } from '../../core/ui/PageHeading';
import { conflictQuery, useUpdateConflict, type Conflict } from './api';
import { useInvolvedName } from './ConflictList';
import './conflicts.css';
import { DateField } from '../../core/ui/DateField';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';

/** One conflict as the viewer may see it (R-24): others' students by class only, their parts left out. */
export function ConflictPage({ conflictId }: { conflictId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(conflictQuery(conflictId));
  const nameOf = useInvolvedName();
  const uid = useId();
  const byId = new Map(data.students.filter((s) => s.known).map((s) => [s.studentId!, s]));
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('conflicts.detail.title', { date: format.date(data.occurredOn) })} />
        <Paragraph className="muted">
          <Tag data-size="sm" data-color={data.status === 'open' ? 'warning' : 'success'}>
            {data.status === 'open' ? t('conflicts.status.open') : t('conflicts.status.resolved', { date: format.date(data.resolvedOn) })}
          </Tag>{' '}
          {t('conflicts.detail.recordedBy', { name: data.recordedBy })}
        </Paragraph>
        <AccessReason access={data.access} />
      </div>
      {data.scope === 'ownStudents' && <Paragraph data-size="sm">{t('conflicts.detail.ownOnly')}</Paragraph>}
      <section aria-labelledby={`${uid}-what`}>
        <Heading level={2} data-size="sm" id={`${uid}-what`}>{t('conflicts.detail.what')}</Heading>
        <Paragraph className="conflict-text">{data.description}</Paragraph>
      </section>
      <section aria-labelledby={`${uid}-students`} className="stack">
        <Heading level={2} data-size="sm" id={`${uid}-students`}>{t('conflicts.detail.students')}</Heading>
        <ul className="conflict-list">
          {data.students.map((s, i) => (
            <li key={s.studentId ?? `other-${i}`}>
              <strong>{nameOf(s)}</strong>
              {s.known && <NoteEditor conflict={data} studentId={s.studentId!} name={`${s.givenName} ${s.familyName}`} note={s.note ?? ''} />}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby={`${uid}-steps`} className="stack">
        <Heading level={2} data-size="sm" id={`${uid}-steps`}>{t('conflicts.detail.steps')}</Heading>
        {data.steps.length === 0 ? <Paragraph>{t('conflicts.detail.noSteps')}</Paragraph> : (
          <ul className="conflict-list">
            {data.steps.map((st) => {
              const who = st.studentId ? byId.get(st.studentId) : undefined;
              return (
                <li key={st.id}>
                  <div className="muted">
                    {format.date(st.takenOn)} · {who ? t('conflicts.detail.withStudent', { name: `${who.givenName} ${who.familyName}` }) : t('conflicts.detail.shared')} · {st.recordedBy}
                  </div>
                  <Paragraph className="conflict-text">{st.description}</Paragraph>
                </li>
              );
            })}
          </ul>
        )}
        <StepForm conflict={data} />
      </section>
      <StatusForm conflict={data} />
    </div>
  );
}

function NoteEditor({ conflict, studentId, name, note }: { conflict: Conflict; studentId: string; name: string; note: string }) {
  const { t } = useTranslation();
  const update = useUpdateConflict(conflict.id);
  const [value, setValue] = useState(note);
  const form = useFormErrors<'note'>(['note']);
  const uid = useId();
  async function submit(e: FormEvent) {
    e.preventDefault();
    await update.mutateAsync({ path: `/students/${studentId}/note`, method: 'PUT', body: { note: value } }).catch((err) => form.fromServer(err));
  }
  return (
    <form onSubmit={submit} className="stack">
      <UnsavedGuard dirty={value !== note && !update.isPending} />
      <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} idFor={() => `${uid}-note`} />
      <Textfield id={`${uid}-note`} label={t('conflicts.detail.editNote', { name })} multiline rows={2} value={value} onChange={(e) => setValue(e.target.value)} error={form.errors.note} />
      <div><Button type="submit" variant="secondary" data-size="sm" disabled={value === note || update.isPending}>{t('conflicts.detail.saveNote')}</Button></div>
    </form>
  );
}

type StepField = 'takenOn' | 'description' | 'studentId';

function StepForm({ conflict }: { conflict: Conflict }) {
  const { t } = useTranslation();
  const uid = useId();
  const update = useUpdateConflict(conflict.id);
  const [takenOn, setTakenOn] = useState(conflict.today);
  const [description, setDescription] = useState('');
  const [studentId, setStudentId] = useState('');
  const form = useFormErrors<StepField>(['takenOn', 'description', 'studentId']);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await update.mutateAsync({ path: '/steps', method: 'POST', body: { takenOn, description, studentId: studentId || null } });
      setDescription('');
      form.clear();
    } catch (err) {
      form.fromServer(err);
    }
  }
  return (
    <form onSubmit={submit} className="stack" aria-labelledby={`${uid}-h`} noValidate>
      <UnsavedGuard dirty={description.trim() !== '' && !update.isPending} />
      <Heading level={3} data-size="xs" id={`${uid}-h`}>{t('conflicts.detail.addStep')}</Heading>
      <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} idFor={(f) => `${uid}-${f}`} />
      <DateField id={`${uid}-takenOn`} type="date" label={t('conflicts.detail.takenOn')} value={takenOn} max={conflict.today} onChange={(e) => setTakenOn(e.target.value)} error={form.errors.takenOn} />
      <Textfield id={`${uid}-description`} label={t('conflicts.detail.stepDescription')} multiline rows={2} value={description} onChange={(e) => setDescription(e.target.value)} error={form.errors.description} />
      <div className="absence-field">
        <label htmlFor={`${uid}-studentId`}>{t('conflicts.detail.stepFor')}</label>
        <Select id={`${uid}-studentId`} value={studentId} onChange={(e) => setStudentId(e.target.value)}>
          <Select.Option value="">{t('conflicts.detail.shared')}</Select.Option>
          {conflict.students.filter((s) => s.known).map((s) => (
            <Select.Option key={s.studentId!} value={s.studentId!}>{t('conflicts.detail.withStudent', { name: `${s.givenName} ${s.familyName}` })}</Select.Option>
          ))}
        </Select>
      </div>
      <div><Button type="submit" variant="secondary" disabled={update.isPending}>{t('conflicts.detail.saveStep')}</Button></div>
    </form>
  );
}

function StatusForm({ conflict }: { conflict: Conflict }) {
  const { t } = useTranslation();
  const uid = useId();
  const update = useUpdateConflict(conflict.id);
  const [resolvedOn, setResolvedOn] = useState(conflict.today);
  const form = useFormErrors<'resolvedOn'>(['resolvedOn']);
  const open = conflict.status === 'open';
  async function submit(e: FormEvent) {
    e.preventDefault();
    await update.mutateAsync({ path: '/status', method: 'PUT', body: open ? { status: 'resolved', resolvedOn } : { status: 'open' } }).catch((err) => form.fromServer(err));
  }
  return (
    <section aria-labelledby={uid}>
      <Heading level={2} data-size="sm" id={uid}>{t('conflicts.detail.statusHeading')}</Heading>
      <form onSubmit={submit} className="stack" noValidate>
        <UnsavedGuard dirty={open && resolvedOn !== conflict.today && !update.isPending} />
        <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} idFor={() => `${uid}-resolvedOn`} />
        {open && <DateField id={`${uid}-resolvedOn`} type="date" label={t('conflicts.detail.resolvedOn')} value={resolvedOn} max={conflict.today}
          onChange={(e) => setResolvedOn(e.target.value)} error={form.errors.resolvedOn} />}
        <div><Button type="submit" variant={open ? 'primary' : 'secondary'} disabled={update.isPending}>{open ? t('conflicts.detail.markResolved') : t('conflicts.detail.reopen')}</Button></div>
      </form>
    </section>
  );
}
