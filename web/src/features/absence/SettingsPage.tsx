import { Button, Checkbox, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../core/api/client';
import { useFormat } from '../../core/format';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { PageHeading } from '../../core/ui/PageHeading';
import {
  calendarQuery, rulesQuery, type EmergingAbsenceRules, type EmergingAbsenceRulesBody, type Rule, type TimetableImport as ImportResult,
  type TimetableImportBody, type TimetableImportQuery,
} from './api';
import './absence.css';
import { DateField } from '../../core/ui/DateField';
import { UnsavedGuard, changed } from '../../core/ui/UnsavedGuard';

/** The school's absence settings: the emerging-absence rules, the timetable import, and the calendar. */
export function AbsenceSettingsPage() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeading title={t('absence.settings.title')} />
      <RulesForm />
      <TimetableImport />
      <Calendar />
    </div>
  );
}

function RulesForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(rulesQuery);
  const [rules, setRules] = useState<Rule[]>(data.rules);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => setRules(data.rules), [data]);
  const save = useMutation({
    mutationFn: (body: EmergingAbsenceRulesBody) => api<EmergingAbsenceRules>('/api/emerging-absence-rules', { method: 'PUT', body }),
    onSuccess: async () => {
      setDone(t('absence.settings.saved'));
      await queryClient.invalidateQueries({ queryKey: ['absenceRules'] });
      await queryClient.invalidateQueries({ queryKey: ['basisGroup'] });
    },
  });
  const headingId = useId();
  const set = (i: number, patch: Partial<Rule>) => setRules((rs) => rs.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <section aria-labelledby={headingId}>
      <form className="absence-form" onSubmit={(e: FormEvent) => { e.preventDefault(); setDone(null); save.mutate({ rules }); }}>
        <UnsavedGuard dirty={changed(rules, data.rules) && !save.isPending} />
        <Heading level={2} data-size="sm" id={headingId}>{t('absence.settings.rules')}</Heading>
        <Paragraph data-size="sm">{t('absence.settings.rulesHelp')}</Paragraph>
        {rules.map((r, i) => (
          <fieldset key={r.kind} className="absence-rule">
            <legend>{t(`absence.settings.kinds.${r.kind}`)}</legend>
            <Checkbox label={t('absence.settings.enabled')} checked={r.enabled} onChange={(e) => set(i, { enabled: e.target.checked })} />
            <div className="absence-toolbar">
              <Textfield label={t(r.kind === 'subjectPercent' ? 'absence.settings.percent' : 'absence.settings.count')} type="number" min={1} max={100}
                value={String(r.threshold)} onChange={(e) => set(i, { threshold: Number(e.target.value) })} className="absence-day" />
              {r.kind !== 'subjectPercent' && (
                <Textfield label={t('absence.settings.weeks')} type="number" min={1} max={52} value={String(r.windowWeeks)}
                  onChange={(e) => set(i, { windowWeeks: Number(e.target.value) })} className="absence-day" />
              )}
            </div>
          </fieldset>
        ))}
        <div><Button type="submit" loading={save.isPending}>{t('absence.settings.save')}</Button></div>
        <Paragraph role="status" data-size="sm">{done ?? ''}</Paragraph>
        {save.isError && <ErrorAlert error={save.error} />}
      </form>
    </section>
  );
}

function TimetableImport() {
  const { t } = useTranslation();
  const [csv, setCsv] = useState('');
  const [from, setFrom] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const headingId = useId();
  const run = useMutation({
    mutationFn: () => api<ImportResult>('/api/timetable/import', {
      method: 'POST', body: { csv } satisfies TimetableImportBody, query: { from: from || undefined } satisfies TimetableImportQuery,
    }),
    onSuccess: (r) => setDone(t('absence.settings.imported', { groups: r.groups, lessons: r.lessons, from: r.from })),
  });
  return (
    <section aria-labelledby={headingId}>
      <form className="absence-form" onSubmit={(e) => { e.preventDefault(); setDone(null); run.mutate(); }}>
        <UnsavedGuard dirty={(csv !== '' || from !== '') && !run.isSuccess && !run.isPending} />
        <Heading level={2} data-size="sm" id={headingId}>{t('absence.settings.timetable')}</Heading>
        <Paragraph data-size="sm">{t('absence.settings.timetableHelp')}</Paragraph>
        <div className="absence-field">
          <label htmlFor={`${headingId}-file`}>{t('absence.settings.file')}</label>
          <input id={`${headingId}-file`} type="file" accept=".csv,text/csv" onChange={(e) => { void e.target.files?.[0]?.text().then(setCsv); }} />
        </div>
        <DateField label={t('absence.settings.from')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} className="absence-day" />
        <div><Button type="submit" variant="secondary" disabled={!csv || run.isPending} loading={run.isPending}>{t('absence.settings.import')}</Button></div>
        <Paragraph role="status" data-size="sm">{done ?? ''}</Paragraph>
        {run.isError && (
          <ErrorAlert error={run.error}>
            {isApiError(run.error) && run.error.problem?.errors && (
              <ul>{run.error.problem.errors.map((e, i) => <li key={i}>{e.field}: {e.message}</li>)}</ul>
            )}
          </ErrorAlert>
        )}
      </form>
    </section>
  );
}

function Calendar() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(calendarQuery);
  const captionId = useId();
  return (
    <section className="stack" aria-labelledby={captionId}>
      <Heading level={2} data-size="sm" id={captionId}>{t('absence.settings.calendar', { name: data.schoolYear.name, days: data.schoolDays })}</Heading>
      <div className="table-scroll" role="region" aria-label={t('absence.settings.calendarCaption')} tabIndex={0}>
        <Table zebra data-size="sm">
          <caption>{t('absence.settings.calendarCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('absence.settings.holiday')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('absence.settings.dates')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.holidays.map((h) => (
              <Table.Row key={`${h.startsOn}-${h.name}`}>
                <Table.Cell>{h.name}</Table.Cell>
                <Table.Cell>{h.startsOn === h.endsOn ? format.date(h.startsOn) : `${format.date(h.startsOn)} – ${format.date(h.endsOn)}`}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}
