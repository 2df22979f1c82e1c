import { Alert, Details, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useEffect, useId, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { Fact, Facts } from '../../core/ui/Facts';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { useFocusAfterRender } from '../../core/ui/focus';
import { PageHeading } from '../../core/ui/PageHeading';
import { importQuery, importsQuery, isBusy, useApply, useCancel, type ImportDetail, type KindPreview, type SampleRow } from './api';
import { ConfirmStep } from './ConfirmStep';
import { rosterImportNb } from './i18n';
import { StatusTag } from './parts';
import { MissingHours } from './SubjectHours';

const PROGRESS_ID = 'import-progress';

/** One import: its progress while it is read or applied, the preview and errors to decide on, the result and the log. */
export function ImportDetailPage({ importId }: { importId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(importQuery(importId));
  const qc = useQueryClient();
  // the history is stale once an import has moved on (the list polls only while it shows one under way)
  const status = data.status;
  useEffect(() => {
    void qc.invalidateQueries({ queryKey: importsQuery.queryKey });
  }, [qc, status]);
  return (
    <div className="stack">
      <div>
        <AppLink to="/admin/import">{t('rosterImport.detail.back')}</AppLink>
        <PageHeading title={t('rosterImport.detail.title', { date: format.dateTime(data.createdAt) })} />
        <AccessReason access={data.access} />
      </div>
      <ImportFacts imp={data} />
      {/* the status alone is announced as it changes; the rows done, every second, would be noise */}
      <p role="status" className="ds-sr-only">{t(`rosterImport.status.${data.status}`)}</p>
      {isBusy(data.status) && <Progress imp={data} />}
      <Outcome imp={data} />
      {data.errorCount > 0 && <Errors imp={data} />}
      {data.preview?.subjectsWithoutHours && <MissingHours missing={data.preview.subjectsWithoutHours} />}
      {data.preview && <Preview imp={data} />}
      {data.status === 'ready' && <Decide imp={data} />}
      {data.preview && data.status === 'ready' && <FirstRows kinds={data.preview.kinds} level={2} />}
      <Log imp={data} />
    </div>
  );
}

function ImportFacts({ imp }: { imp: ImportDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Facts>
      <Fact label={t('rosterImport.detail.status')}><StatusTag status={imp.status} /></Fact>
      <Fact label={t('rosterImport.detail.source')}>{t(`rosterImport.source.${imp.source}`)}</Fact>
      <Fact label={imp.trigger === 'upload' ? t('rosterImport.detail.createdBy') : t('rosterImport.detail.startedBy')}>
        {imp.createdBy ?? t('rosterImport.history.automatic')}
      </Fact>
      {imp.appliedBy && <Fact label={t('rosterImport.detail.appliedBy')}>{imp.appliedBy}, {format.dateTime(imp.appliedAt)}</Fact>}
      {imp.files.length > 0 && (
        <Fact label={t('rosterImport.detail.files')}>
          {imp.files.map((f) => (f.rows ? t('rosterImport.detail.fileRows', { name: f.name, count: f.rows }) : f.name)).join(', ')}
        </Fact>
      )}
    </Facts>
  );
}

/** Rows done of all, and the phase in words; the query asks again every second until the import is done. */
function Progress({ imp }: { imp: ImportDetail }) {
  const { t } = useTranslation();
  const uid = useId();
  const p = imp.progress.phase;
  const phase = p in rosterImportNb.phase ? (t as (k: string) => string)(`rosterImport.phase.${p}`) : p;
  const { done, total } = imp.progress;
  const label = total > 0 ? t('rosterImport.detail.progressText', { phase, done, count: total }) : t('rosterImport.detail.progressPhase', { phase });
  return (
    <section id={PROGRESS_ID} tabIndex={-1} aria-labelledby={`${uid}-h`} className="stack panel import-progress">
      <Heading level={2} data-size="xs" id={`${uid}-h`}>{t('rosterImport.detail.progress')}</Heading>
      <Paragraph id={`${uid}-label`}>{label}</Paragraph>
      {total > 0 ? <progress aria-labelledby={`${uid}-label`} max={total} value={done} /> : <progress aria-labelledby={`${uid}-label`} />}
      <Paragraph data-size="sm">{imp.status === 'reading' ? t('rosterImport.detail.reading') : t('rosterImport.detail.applying')}</Paragraph>
    </section>
  );
}

/** How it ended: applied (with what was written), cancelled, or stopped with the log's reason. */
function Outcome({ imp }: { imp: ImportDetail }) {
  const { t } = useTranslation();
  const uid = useId();
  if (imp.status === 'cancelled') return <Alert data-color="info"><Paragraph>{t('rosterImport.detail.cancelled')}</Paragraph></Alert>;
  if (imp.status === 'failed') {
    const reason = imp.log.at(-1)?.message;
    return (
      <Alert data-color="danger">
        <Paragraph>{t('rosterImport.detail.failed')}</Paragraph>
        {reason && <Paragraph>{t('rosterImport.detail.reason', { reason })}</Paragraph>}
      </Alert>
    );
  }
  if (imp.status !== 'applied' || !imp.result) return null;
  const order = Object.keys(rosterImportNb.kinds);
  const kinds = Object.entries(imp.result.kinds).filter(([, c]) => c.added + c.changed + c.ended > 0)
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  return (
    <section aria-labelledby={`${uid}-h`} className="stack">
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('rosterImport.detail.resultHeading')}</Heading>
      <Alert data-color="success">
        <Paragraph>{imp.onlyValid && imp.errorCount > 0 ? t('rosterImport.detail.appliedValid') : t('rosterImport.detail.applied')}</Paragraph>
        <Paragraph>{t('rosterImport.detail.accounts', { created: imp.result.accountsCreated, linked: imp.result.accountsLinked })}</Paragraph>
      </Alert>
      {kinds.length > 0 && (
        <CountsTable labelledBy={`${uid}-h`} rows={kinds.map(([kind, c]) => ({ kind, ...c }))} />
      )}
    </section>
  );
}

/** A kind's name; a kind this page does not know yet keeps the server's own name. */
function kindName(t: ReturnType<typeof useTranslation>['t'], kind: string): string {
  return kind in rosterImportNb.kinds ? (t as (k: string) => string)(`rosterImport.kinds.${kind}`) : kind;
}

interface CountsRow { kind: string; added: number; changed: number; ended: number; unchanged?: number }

function CountsTable({ labelledBy, rows }: { labelledBy: string; rows: readonly CountsRow[] }) {
  const { t } = useTranslation();
  const withUnchanged = rows.some((r) => r.unchanged !== undefined);
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <Table data-size="sm" className="import-counts">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('rosterImport.detail.kind')}</Table.HeaderCell>
            <Table.HeaderCell className="numeric">{t('rosterImport.detail.added')}</Table.HeaderCell>
            <Table.HeaderCell className="numeric">{t('rosterImport.detail.changed')}</Table.HeaderCell>
            <Table.HeaderCell className="numeric">{t('rosterImport.detail.ended')}</Table.HeaderCell>
            {withUnchanged && <Table.HeaderCell className="numeric">{t('rosterImport.detail.unchanged')}</Table.HeaderCell>}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.kind}>
              <Table.HeaderCell scope="row">{kindName(t, r.kind)}</Table.HeaderCell>
              <Table.Cell className="numeric">{r.added}</Table.Cell>
              <Table.Cell className="numeric">{r.changed}</Table.Cell>
              <Table.Cell className="numeric">{r.ended}</Table.Cell>
              {withUnchanged && <Table.Cell className="numeric">{r.unchanged ?? 0}</Table.Cell>}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

const NARROW = '(max-width: 40rem)';
const subscribeNarrow = (onChange: () => void) => {
  const m = window.matchMedia(NARROW);
  m.addEventListener('change', onChange);
  return () => m.removeEventListener('change', onChange);
};

/** The errors by file, line and field: a table, or on a phone one card each (the messages are too long for columns). */
function Errors({ imp }: { imp: ImportDetail }) {
  const { t } = useTranslation();
  const uid = useId();
  const narrow = useSyncExternalStore(subscribeNarrow, () => window.matchMedia(NARROW).matches);
  return (
    <section aria-labelledby={`${uid}-h`} className="stack">
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('rosterImport.detail.errorsHeading')}</Heading>
      <Paragraph>
        {t('rosterImport.detail.errorCount', { count: imp.errorCount })}
        {imp.errors.length < imp.errorCount ? ` ${t('rosterImport.detail.errorsShown', { shown: imp.errors.length })}` : ''}
        {imp.status === 'applied' && imp.onlyValid ? ` ${t('rosterImport.detail.errorsLeftOut')}` : ''}
      </Paragraph>
      {imp.errors.length > 0 && narrow && (
        <ul className="import-error-cards" aria-labelledby={`${uid}-h`}>
          {imp.errors.map((e, i) => (
            <li key={`${e.file}:${e.line}:${e.field}:${i}`}>
              <span className="import-error-cards__where">
                {t('rosterImport.detail.at', { file: e.file, line: e.line })}{e.field ? ` · ${e.field}` : ''}
              </span>
              <span>{e.message}</span>
            </li>
          ))}
        </ul>
      )}
      {imp.errors.length > 0 && !narrow && (
        <div className="table-scroll" role="region" aria-labelledby={`${uid}-h`} tabIndex={0}>
          <Table data-size="sm" className="import-errors">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('rosterImport.detail.file')}</Table.HeaderCell>
                <Table.HeaderCell className="numeric">{t('rosterImport.detail.line')}</Table.HeaderCell>
                <Table.HeaderCell>{t('rosterImport.detail.field')}</Table.HeaderCell>
                <Table.HeaderCell>{t('rosterImport.detail.message')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {imp.errors.map((e, i) => (
                <Table.Row key={`${e.file}:${e.line}:${e.field}:${i}`}>
                  <Table.Cell>{e.file}</Table.Cell>
                  <Table.Cell className="numeric">{e.line}</Table.Cell>
                  <Table.Cell>{e.field}</Table.Cell>
                  <Table.Cell>{e.message}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

const touched = (k: KindPreview) => k.added + k.changed + k.ended + k.unchanged > 0;

function Preview({ imp }: { imp: ImportDetail }) {
  const { t } = useTranslation();
  const uid = useId();
  const preview = imp.preview!;
  const kinds = preview.kinds.filter(touched);
  const decided = imp.status !== 'ready';
  const body = (
    <>
      {kinds.length > 0 && <CountsTable labelledBy={`${uid}-h`} rows={kinds} />}
      <Paragraph>{preview.total > 0 ? t('rosterImport.detail.total', { count: preview.total }) : t('rosterImport.detail.nothing')}</Paragraph>
      {decided && <FirstRows kinds={preview.kinds} level={3} />}
    </>
  );
  // once decided, the preview is history: folded away below the result
  if (decided) {
    return (
      <Details data-size="sm">
        <Details.Summary>{t('rosterImport.detail.previewHeading')}</Details.Summary>
        <Details.Content>
          <div className="stack">
            <Paragraph id={`${uid}-h`}>{t('rosterImport.detail.previewDone')}</Paragraph>
            {body}
          </div>
        </Details.Content>
      </Details>
    );
  }
  return (
    <section aria-labelledby={`${uid}-h`} className="stack">
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('rosterImport.detail.previewHeading')}</Heading>
      <Paragraph>{t('rosterImport.detail.previewIntro')}</Paragraph>
      {body}
    </section>
  );
}

/** The first rows of each kind, below the decision while it is open (the counts above say most). */
function FirstRows({ kinds, level }: { kinds: readonly KindPreview[]; level: 2 | 3 }) {
  const { t } = useTranslation();
  const uid = useId();
  const withSamples = kinds.filter((k) => k.samples.added.length + k.samples.changed.length + k.samples.ended.length > 0);
  if (withSamples.length === 0) return null;
  return (
    <section aria-labelledby={`${uid}-h`} className="stack import-samples">
      <Heading level={level} data-size={level === 2 ? 'sm' : '2xs'} id={`${uid}-h`}>{t('rosterImport.detail.firstRows')}</Heading>
      {withSamples.map((k) => <Samples key={k.kind} preview={k} level={level === 2 ? 3 : 4} />)}
    </section>
  );
}

/** A kind's first added, changed and ended rows, folded away: the counts say most, the names reassure. */
function Samples({ preview, level }: { preview: KindPreview; level: 3 | 4 }) {
  const { t } = useTranslation();
  const groups = (['added', 'changed', 'ended'] as const).filter((g) => preview.samples[g].length > 0);
  return (
    <Details data-size="sm">
      <Details.Summary>{t('rosterImport.detail.firstRowsOf', { kind: kindName(t, preview.kind) })}</Details.Summary>
      <Details.Content>
        {groups.map((g) => (
          <div key={g} className="import-sample-group">
            <Heading level={level} data-size="2xs">{t(`rosterImport.detail.${g}`)}</Heading>
            <ul>
              {preview.samples[g].map((s) => <li key={s.sourceId}><SampleText row={s} /></li>)}
            </ul>
          </div>
        ))}
      </Details.Content>
    </Details>
  );
}

function SampleText({ row }: { row: SampleRow }) {
  const { t } = useTranslation();
  return (
    <>
      {row.label}
      {row.matches && <> ({t('rosterImport.detail.matches', { name: row.matches })})</>}
      {row.file && row.line !== undefined && <span className="muted"> · {t('rosterImport.detail.at', { file: row.file, line: row.line })}</span>}
    </>
  );
}

/** Apply (all, or only the valid rows when some have errors) or cancel, each asked about first. */
function Decide({ imp }: { imp: ImportDetail }) {
  const { t } = useTranslation();
  const uid = useId();
  const apply = useApply(imp.id);
  const cancel = useCancel(imp.id);
  const focusAfterRender = useFocusAfterRender();
  const hasErrors = imp.errorCount > 0;
  const total = imp.preview?.total ?? 0;
  async function onApply() {
    try {
      await apply.mutateAsync({ onlyValid: hasErrors });
      // the buttons are gone: the progress takes the focus, so a screen reader follows the work
      focusAfterRender(() => document.getElementById(PROGRESS_ID));
    } catch {
      // shown below (apply.error)
    }
  }
  return (
    <section aria-labelledby={`${uid}-h`} className="stack panel">
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('rosterImport.detail.decideHeading')}</Heading>
      {hasErrors && <Paragraph>{t('rosterImport.detail.hasErrors')}</Paragraph>}
      <div className="import-decide">
        {hasErrors ? (
          <ConfirmStep primary ask={t('rosterImport.detail.applyValid')} question={t('rosterImport.detail.applyValidQuestion')}
            yes={t('rosterImport.detail.applyValidYes')} no={t('rosterImport.detail.no')} pending={apply.isPending} onYes={() => void onApply()} />
        ) : (
          <ConfirmStep primary ask={t('rosterImport.detail.apply')} question={t('rosterImport.detail.applyQuestion', { count: total })}
            yes={t('rosterImport.detail.applyYes')} no={t('rosterImport.detail.no')} pending={apply.isPending} onYes={() => void onApply()} />
        )}
        <ConfirmStep danger ask={t('rosterImport.detail.cancel')} question={t('rosterImport.detail.cancelQuestion')}
          yes={t('rosterImport.detail.cancelYes')} no={t('rosterImport.detail.no')} pending={cancel.isPending} onYes={() => cancel.mutate({})} />
      </div>
      {apply.error && <ErrorAlert error={apply.error} />}
      {cancel.error && <ErrorAlert error={cancel.error} />}
    </section>
  );
}

/** What happened, when, in the reader's language (the server words each entry for the asking language). */
function Log({ imp }: { imp: ImportDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const uid = useId();
  if (imp.log.length === 0) return null;
  // a log is read to the second: two steps in the same minute must keep their order on screen
  const when = new Intl.DateTimeFormat(format.locale, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <section aria-labelledby={`${uid}-h`} className="stack">
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('rosterImport.detail.logHeading')}</Heading>
      <div className="table-scroll" role="region" aria-labelledby={`${uid}-h`} tabIndex={0}>
        <Table data-size="sm" className="import-log">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('rosterImport.detail.when')}</Table.HeaderCell>
              <Table.HeaderCell>{t('rosterImport.detail.event')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {imp.log.map((l, i) => (
              <Table.Row key={`${l.at}-${i}`}>
                <Table.Cell className="nowrap"><time dateTime={l.at}>{when.format(new Date(l.at))}</time></Table.Cell>
                <Table.Cell>{l.message}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}
