import { Button, Details, Heading, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { isApiError } from '../../core/api/client';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import { PageHeading } from '../../core/ui/PageHeading';
import {
  FEEDBACK_MAX, assessmentKinds, exportUrl, groupAssessmentsQuery, useDeleteAssessment, useEditAssessment, useImportAssessments, useRecordAssessments,
  type AssessmentKind, type GroupAssessments,
} from './api';
import { termLabel } from './ClassSummaryPage';
import './formative.css';
import { DateField } from '../../core/ui/DateField';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';

/**
 * A teaching group on one page: date and kind once, then a feedback field per student, so a
 * whole group is entered with Tab and typing; students left empty get nothing.
 */
export function GroupPage({ teachingGroupId }: { teachingGroupId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(groupAssessmentsQuery(teachingGroupId));
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('formative.group.title', { group: data.group.name })} />
        <Paragraph className="muted">{data.group.subjectName} ({data.group.subjectCode}) · {termLabel(t as never, data.term)}</Paragraph>
        <AccessReason access={data.access} />
      </div>
      {data.canRecord && <EntryForm data={data} />}
      <History data={data} />
      <CsvSection data={data} />
    </div>
  );
}

type Field = 'assessedOn' | 'kind' | `entries.${number}.feedback` | `entries.${number}.studentId`;

function EntryForm({ data }: { data: GroupAssessments }) {
  const { t } = useTranslation();
  const uid = useId();
  const save = useRecordAssessments(data.group.id);
  const [assessedOn, setAssessedOn] = useState(data.today);
  const [kind, setKind] = useState<AssessmentKind>('writtenFeedback');
  const [feedback, setFeedback] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const form = useFormErrors<Field>((f) => f === 'assessedOn' || f === 'kind' || /^entries\.\d+\./.test(f));
  const filled = data.students.filter((s) => (feedback[s.studentId] ?? '').trim() !== '');
  // the server names entries by their index in what was sent; map that back to the student's field
  const idFor = (f: Field) => {
    const m = /^entries\.(\d+)\./.exec(f);
    return m ? `${uid}-fb-${filled[Number(m[1])]?.studentId ?? ''}` : `${uid}-${f}`;
  };
  const errorOf = (studentId: string) => {
    const i = filled.findIndex((s) => s.studentId === studentId);
    return i < 0 ? undefined : form.errors[`entries.${i}.feedback`] ?? form.errors[`entries.${i}.studentId`];
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    if (!form.check({}, filled.length === 0 ? [t('formative.group.nothingToSave')] : [])) return;
    try {
      await save.mutateAsync({ assessedOn, kind, entries: filled.map((s) => ({ studentId: s.studentId, feedback: feedback[s.studentId]!.trim() })) });
      setSaved(t('formative.group.saved', { count: filled.length }));
      setFeedback({});
      form.clear();
    } catch (err) {
      form.fromServer(err);
    }
  }

  return (
    <section aria-labelledby={`${uid}-h`} className="stack">
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('formative.group.newHeading')}</Heading>
      <Paragraph data-size="sm">{t('formative.group.intro')}</Paragraph>
      <form onSubmit={submit} className="stack" noValidate aria-labelledby={`${uid}-h`}>
        <UnsavedGuard dirty={Object.values(feedback).some((f) => f.trim() !== '') && !save.isPending} />
        <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} idFor={idFor} />
        <div className="formative-toolbar">
          <DateField id={`${uid}-assessedOn`} label={t('formative.group.date')} type="date" value={assessedOn} max={data.today}
            onChange={(e) => setAssessedOn(e.target.value)} error={form.errors.assessedOn} />
          <div className="absence-field">
            <label htmlFor={`${uid}-kind`}>{t('formative.group.kind')}</label>
            <Select id={`${uid}-kind`} value={kind} onChange={(e) => setKind(e.target.value as AssessmentKind)}>
              {assessmentKinds.map((k) => <Select.Option key={k} value={k}>{t(`formative.kinds.${k}`)}</Select.Option>)}
            </Select>
          </div>
        </div>
        <ul className="formative-entry">
          {data.students.map((s) => {
            const name = `${s.givenName} ${s.familyName}`;
            return (
              <li key={s.studentId}>
                <div className="formative-entry__head">
                  <span>{s.familyName}, {s.givenName}</span>
                  <Tag data-size="sm" data-color={s.countThisTerm === 0 ? 'warning' : 'neutral'}>{t('formative.group.countThisTerm', { count: s.countThisTerm })}</Tag>
                </div>
                <Textfield id={`${uid}-fb-${s.studentId}`} label={t('formative.group.feedbackFor', { name })} multiline rows={2}
                  maxLength={FEEDBACK_MAX} value={feedback[s.studentId] ?? ''} error={errorOf(s.studentId)}
                  onChange={(e) => { setSaved(null); setFeedback((f) => ({ ...f, [s.studentId]: e.target.value })); }} />
              </li>
            );
          })}
        </ul>
        <Paragraph role="status" data-size="sm">{saved ?? ''}</Paragraph>
        <div>
          <Button type="submit" loading={save.isPending} disabled={save.isPending}>{t('formative.group.save')}</Button>
        </div>
      </form>
    </section>
  );
}

function History({ data }: { data: GroupAssessments }) {
  const { t } = useTranslation();
  const format = useFormat();
  const remove = useDeleteAssessment(data.group.id);
  const [editing, setEditing] = useState<string | null>(null);
  const uid = useId();
  return (
    <section aria-labelledby={uid} className="stack">
      <Heading level={2} data-size="sm" id={uid}>{t('formative.group.history')}</Heading>
      {remove.isError && <ErrorAlert error={remove.error} />}
      <div>
        {data.students.map((s) => (
          <Details key={s.studentId}>
            <Details.Summary>{s.familyName}, {s.givenName} ({s.assessments.length})</Details.Summary>
            <Details.Content>
              {s.assessments.length === 0 ? <Paragraph data-size="sm">{t('formative.group.noHistory')}</Paragraph> : (
                <ul className="formative-history">
                  {s.assessments.map((a) => (
                    <li key={a.id}>
                      {editing === a.id ? (
                        <EditFeedback groupId={data.group.id} assessment={a} name={`${s.givenName} ${s.familyName}`} done={() => setEditing(null)} />
                      ) : (
                        <>
                          <span>{format.date(a.assessedOn)} · {t(`formative.kinds.${a.kind}`)}: {a.feedback}</span>
                          {a.mine && data.canRecord && (
                            <span className="formative-history__actions">
                              <Button type="button" variant="tertiary" data-size="sm" onClick={() => setEditing(a.id)}
                                aria-label={t('formative.group.editLabel', { date: format.date(a.assessedOn), name: `${s.givenName} ${s.familyName}` })}>
                                {t('formative.group.edit')}
                              </Button>
                              <Button type="button" variant="tertiary" data-size="sm" onClick={() => remove.mutate(a.id)}
                                aria-label={t('formative.group.deleteLabel', { date: format.date(a.assessedOn), name: `${s.givenName} ${s.familyName}` })}>
                                {t('formative.group.delete')}
                              </Button>
                            </span>
                          )}
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </Details.Content>
          </Details>
        ))}
      </div>
    </section>
  );
}

/** The one text field of a recorded assessment, corrected in place; the student then sees the new text. */
function EditFeedback({ groupId, assessment, name, done }: { groupId: string; assessment: { id: string; feedback: string; assessedOn: string }; name: string; done: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const edit = useEditAssessment(groupId);
  const [feedback, setFeedback] = useState(assessment.feedback);
  const [error, setError] = useState<string | undefined>();
  const fieldError = edit.error && isApiError(edit.error) ? edit.error.fieldErrors().feedback : undefined;
  return (
    <form className="formative-edit" noValidate onSubmit={(e) => {
      e.preventDefault();
      if (!feedback.trim()) { setError(t('formative.group.feedbackRequired')); return; }
      setError(undefined);
      edit.mutate({ id: assessment.id, feedback }, { onSuccess: done });
    }}>
      <UnsavedGuard dirty={feedback !== assessment.feedback && !edit.isPending && !edit.isSuccess} />
      <Textfield label={t('formative.group.editField', { date: format.date(assessment.assessedOn), name })} multiline rows={2} maxLength={FEEDBACK_MAX}
        value={feedback} onChange={(e) => setFeedback(e.target.value)} error={error ?? fieldError} autoFocus />
      <div className="formative-edit__actions">
        <Button type="submit" data-size="sm" loading={edit.isPending}>{t('formative.group.saveEdit')}</Button>
        <Button type="button" variant="secondary" data-size="sm" onClick={done}>{t('formative.group.cancelEdit')}</Button>
      </div>
      {edit.isError && !fieldError && <ErrorAlert error={edit.error} />}
    </form>
  );
}

function CsvSection({ data }: { data: GroupAssessments }) {
  const { t } = useTranslation();
  const uid = useId();
  const importer = useImportAssessments(data.group.id);
  const [csv, setCsv] = useState('');
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => setDone(null), [csv]);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await importer.mutateAsync(csv).catch(() => null);
    if (result) {
      setDone(t('formative.group.imported', result));
      setCsv('');
    }
  }
  return (
    <section aria-labelledby={uid} className="stack">
      <Heading level={2} data-size="sm" id={uid}>{t('formative.group.csvHeading')}</Heading>
      <Paragraph data-size="sm">{t('formative.group.csvIntro')}</Paragraph>
      <Paragraph><a href={exportUrl(data.group.id)} download>{t('formative.group.export')}</a></Paragraph>
      {data.canRecord && (
        <form onSubmit={submit} className="stack">
          <UnsavedGuard dirty={csv.trim() !== '' && !importer.isPending} />
          <Textfield label={t('formative.group.importLabel')} multiline rows={4} value={csv} onChange={(e) => setCsv(e.target.value)} />
          <Textfield label={t('formative.group.importFile')} type="file" accept=".csv,text/csv"
            onChange={(e) => { const f = e.target.files?.[0]; if (f) void f.text().then(setCsv); }} />
          {importer.isError && <ErrorAlert error={importer.error} />}
          <Paragraph role="status" data-size="sm">{done ?? ''}</Paragraph>
          <div><Button type="submit" variant="secondary" disabled={!csv.trim() || importer.isPending}>{t('formative.group.import')}</Button></div>
        </form>
      )}
    </section>
  );
}
