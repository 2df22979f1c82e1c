import { Button, Heading, Paragraph, Tag, Textfield, Alert, List } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../core/api/client';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { ErrorAlert, problemText } from '../../core/ui/ErrorAlert';
import { PageHeading } from '../../core/ui/PageHeading';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';
import { classScreeningQuery, screeningTests, useImport, useSaveRow, type ClassScreening, type ScreeningRow, type ScreeningTestName } from './api';

type Cells = Record<ScreeningTestName, string>;
type RowState = { status: 'saved' | 'dirty' | 'saving' | 'error' | 'empty'; error?: string };

const cellsOf = (r: ScreeningRow): Cells => ({
  norwegian: r.results.norwegian?.score.toString() ?? '', english: r.results.english?.score.toString() ?? '', maths: r.results.maths?.score.toString() ?? '',
});

/** the class list of screening results, entered a row at a time by keyboard, or imported from the screening tool. */
export function ScreeningPage({ basisGroupId }: { basisGroupId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(classScreeningQuery(basisGroupId));
  const [dirty, setDirty] = useState(false);
  const done = data.students.filter((s) => screeningTests.every((x) => s.results[x] !== null)).length;
  const concerns = data.students.filter((s) => s.belowThreshold).length;
  const canRecordAny = data.students.some((s) => screeningTests.some((x) => s.canRecord[x]));
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('screening.page.title', { group: data.group.name })} />
        <Paragraph className="muted">{t('screening.page.year', { year: data.schoolYear })}</Paragraph>
        <AccessReason access={data.access} />
      </div>
      {!data.applies ? <Paragraph>{t('screening.page.notVg1')}</Paragraph> : (
        <>
          <Thresholds data={data} />
          {data.scope === 'belowThresholdOnly' && <Alert data-color="info"><Paragraph>{t('screening.page.belowOnly')}</Paragraph></Alert>}
          <Paragraph role="status">
            {data.complete ? t('screening.page.complete') : t('screening.page.progress', { done, total: data.students.length })}
            {' '}{t('screening.page.concernCount', { count: concerns })}
            {data.noticeSentAt && <>{' '}{t('screening.page.noticeSent', { date: format.date(data.noticeSentAt.slice(0, 10)) })}</>}
          </Paragraph>
          {canRecordAny && <Paragraph data-size="sm">{t('screening.page.intro')}</Paragraph>}
          <UnsavedGuard dirty={dirty} />
          <Grid data={data} onDirty={setDirty} />
          {canRecordAny && <ImportSection basisGroupId={basisGroupId} />}
        </>
      )}
    </div>
  );
}

function Thresholds({ data }: { data: ClassScreening }) {
  const { t } = useTranslation();
  const uid = useId();
  return (
    <section aria-labelledby={uid}>
      <Heading level={2} data-size="xs" id={uid}>{t('screening.page.thresholds')}</Heading>
      <List.Unordered>
        {screeningTests.map((test) => {
          const s = data.thresholds.find((x) => x.test === test);
          return (
            <List.Item key={test}>
              {s ? t('screening.page.threshold', { test: t(`screening.tests.${test}`), threshold: s.concernThreshold, max: s.maxScore })
                : t('screening.page.noThreshold', { test: t(`screening.tests.${test}`) })}
            </List.Item>
          );
        })}
      </List.Unordered>
      <Paragraph data-size="sm"><AppLink to="/screening/settings">{t('screening.page.settingsLink')}</AppLink></Paragraph>
    </section>
  );
}

// unsaved-guard: reports its unsaved cells through onDirty to the page's UnsavedGuard
/**
 * One row per student, one field per test. Typing never leaves the page unsaved without a question
 * (UnsavedGuard); a row is saved when focus leaves it or on Enter, and says so ("Lagret").
 */
function Grid({ data, onDirty }: { data: ClassScreening; onDirty: (dirty: boolean) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const save = useSaveRow(data.group.id);
  // only what the user typed; every other cell shows the server's value, so an import or another teacher's
  // save shows at once and a row never sends (or clears) a test nobody touched
  const [edits, setEdits] = useState<Record<string, Partial<Cells>>>({});
  const [states, setStates] = useState<Record<string, RowState>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const table = useRef<HTMLTableElement>(null);
  const maxOf = (test: ScreeningTestName) => data.thresholds.find((x) => x.test === test)?.maxScore ?? 1000;
  const fieldId = (studentId: string, test: ScreeningTestName) => `${uid}-${studentId}-${test}`;

  function setState(studentId: string, s: RowState) {
    setStates((prev) => {
      const next = { ...prev, [studentId]: s };
      onDirty(Object.values(next).some((x) => x.status === 'dirty' || x.status === 'saving' || x.status === 'error'));
      return next;
    });
  }

  async function saveRow(row: ScreeningRow) {
    const id = row.student.id;
    if (states[id]?.status !== 'dirty' && states[id]?.status !== 'error') return;
    const mine = edits[id] ?? {};
    const body: Partial<Record<ScreeningTestName, number | null>> = {};
    const bad: Record<string, string> = {};
    for (const test of screeningTests) {
      if (!row.canRecord[test] || mine[test] === undefined) continue;
      const raw = mine[test].trim();
      const before = row.results[test]?.score.toString() ?? '';
      if (raw === before) continue;
      if (raw === '') { body[test] = null; continue; }
      const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isInteger(n) || n > maxOf(test)) bad[fieldId(id, test)] = t('screening.page.badScore', { max: maxOf(test) });
      else body[test] = n;
    }
    setErrors((e) => {
      const next = { ...e };
      for (const test of screeningTests) delete next[fieldId(id, test)];
      return { ...next, ...bad };
    });
    if (Object.keys(bad).length) { setState(id, { status: 'error', error: Object.values(bad)[0] }); return; }
    const clear = () => setEdits((e) => { const next = { ...e }; delete next[id]; return next; });
    if (Object.keys(body).length === 0) { clear(); setState(id, { status: 'saved' }); return; }
    setState(id, { status: 'saving' });
    try {
      await save.mutateAsync({ studentId: id, body });
      clear();
      setState(id, { status: 'saved' });
    } catch (err) {
      const fields = isApiError(err) ? err.fieldErrors() : {};
      setErrors((e) => ({ ...e, ...Object.fromEntries(screeningTests.filter((x) => fields[x]).map((x) => [fieldId(id, x), fields[x]!])) }));
      setState(id, { status: 'error', error: problemText(t, err) });
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>, rowIndex: number, row: ScreeningRow, test: ScreeningTestName) {
    if (e.key !== 'Enter' && e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    if (e.key === 'Enter') void saveRow(row);
    const next = data.students[rowIndex + (e.key === 'ArrowUp' ? -1 : 1)];
    if (next) table.current?.querySelector<HTMLInputElement>(`#${CSS.escape(fieldId(next.student.id, test))}`)?.focus();
  }

  if (data.students.length === 0) return <Paragraph>{t('screening.page.noStudents')}</Paragraph>;
  return (
    <div className="table-scroll" role="region" aria-label={t('screening.page.listLabel', { group: data.group.name })} tabIndex={0}>
      <table ref={table} className="ds-table screening-grid" data-size="sm">
        <caption className="ds-sr-only">{t('screening.page.listLabel', { group: data.group.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('screening.page.student')}</th>
            {screeningTests.map((test) => <th scope="col" key={test}>{t(`screening.tests.${test}`)}</th>)}
            <th scope="col">{t('screening.page.rowState')}</th>
          </tr>
        </thead>
        <tbody>
          {data.students.map((row, i) => {
            const id = row.student.id;
            const name = `${row.student.givenName} ${row.student.familyName}`;
            const state = states[id]?.status ?? (screeningTests.some((x) => row.results[x]) ? 'saved' : 'empty');
            return (
              <tr key={id} data-below={row.belowThreshold || undefined}
                onBlur={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) void saveRow(row); }}>
                <th scope="row">
                  {row.student.familyName}, {row.student.givenName}
                  {row.belowThreshold && <>{' '}<Tag data-size="sm" data-color="warning">{t('screening.page.concern')}</Tag></>}
                </th>
                {screeningTests.map((test) => {
                  const result = row.results[test];
                  const err = errors[fieldId(id, test)];
                  return (
                    <td key={test}>
                      {row.canRecord[test] ? (
                        <div className="screening-cell">
                          <input id={fieldId(id, test)} className="ds-input screening-input" inputMode="numeric" autoComplete="off"
                            aria-label={t('screening.page.scoreFor', { test: t(`screening.tests.${test}`), name })}
                            aria-invalid={err ? true : undefined} aria-describedby={err ? `${fieldId(id, test)}-e` : undefined}
                            value={edits[id]?.[test] ?? cellsOf(row)[test]}
                            onChange={(e) => { const v = e.target.value; setEdits((c) => ({ ...c, [id]: { ...c[id], [test]: v } })); setState(id, { status: 'dirty' }); }}
                            onKeyDown={(e) => onKeyDown(e, i, row, test)} />
                          {err && <span id={`${fieldId(id, test)}-e`} className="screening-error">{err}</span>}
                        </div>
                      ) : <span>{result ? result.score : '–'}</span>}
                      {result?.belowThreshold && <div><Tag data-size="sm" data-color="warning">{t('screening.page.below')}</Tag></div>}
                      {result?.givenBy && <div className="muted screening-given">{t('screening.page.givenBy', { name: result.givenBy })}</div>}
                    </td>
                  );
                })}
                <td aria-live="polite" data-state={state}>
                  {state === 'empty' ? '' : state === 'saved' ? t('screening.page.saved') : state === 'saving' ? t('screening.page.saving')
                    : state === 'dirty' ? t('screening.page.unsaved') : t('screening.page.notSaved', { error: states[id]?.error ?? '' })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

interface LineError { line: number; field: string; message: string }

/** The screening tool's CSV: errors by line and field, nothing saved unless the user chooses only the valid lines. */
function ImportSection({ basisGroupId }: { basisGroupId: string }) {
  const { t } = useTranslation();
  const uid = useId();
  const importer = useImport(basisGroupId);
  const [csv, setCsv] = useState('');
  const [lineErrors, setLineErrors] = useState<LineError[] | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  async function run(onlyValid: boolean) {
    setResult(null);
    setFailure(null);
    try {
      const r = await importer.mutateAsync({ csv, onlyValid });
      setLineErrors(null);
      setResult(t('screening.import.result', { saved: r.saved, skipped: r.skipped }));
      setCsv('');
    } catch (err) {
      const errors = isApiError(err) && err.status === 400 ? err.problem?.errors ?? [] : [];
      if (errors.length) {
        setLineErrors(errors.map((e) => {
          const m = /^rows\.(\d+)\.(.+)$/.exec(e.field);
          return m ? { line: Number(m[1]), field: m[2]!, message: e.message } : { line: 0, field: e.field, message: e.message };
        }));
      } else setFailure(err);
    }
  }
  const submit = (e: FormEvent) => { e.preventDefault(); void run(false); };
  const lineLevel = lineErrors?.every((e) => e.line > 0) ?? false;
  return (
    <section aria-labelledby={uid} className="stack">
      <Heading level={2} data-size="sm" id={uid}>{t('screening.import.heading')}</Heading>
      <Paragraph data-size="sm">{t('screening.import.intro')}</Paragraph>
      <form onSubmit={submit} className="stack">
        <UnsavedGuard dirty={csv.trim() !== '' && !importer.isPending} />
        <Textfield label={t('screening.import.label')} multiline rows={4} value={csv} onChange={(e) => { setCsv(e.target.value); setLineErrors(null); }} />
        <Textfield label={t('screening.import.file')} type="file" accept=".csv,text/csv"
          onChange={(e) => { const f = e.target.files?.[0]; if (f) void f.text().then((x) => { setCsv(x); setLineErrors(null); }); }} />
        {lineErrors && (
          <Alert data-color="danger" role="alert">
            <Paragraph>{t('screening.import.errors')}</Paragraph>
            <List.Unordered>
              {lineErrors.map((e, i) => (
                <List.Item key={i}>{e.line > 0 ? t('screening.import.error', { line: e.line, field: e.field, message: e.message }) : t('screening.import.fileError', { message: e.message })}</List.Item>
              ))}
            </List.Unordered>
          </Alert>
        )}
        {failure !== null && <ErrorAlert error={failure} />}
        <Paragraph role="status" data-size="sm">{result ?? ''}</Paragraph>
        <div className="button-row">
          <Button type="submit" variant="secondary" disabled={!csv.trim() || importer.isPending}>{t('screening.import.submit')}</Button>
          {lineErrors && lineLevel && (
            <Button type="button" variant="secondary" disabled={importer.isPending} onClick={() => void run(true)}>{t('screening.import.onlyValid')}</Button>
          )}
        </div>
      </form>
    </section>
  );
}
