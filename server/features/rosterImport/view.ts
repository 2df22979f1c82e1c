/** An import as the admin reads it: errors and log in the reader's language, each error's field as the file names it. */
import type { Locale } from '../../core/i18n/locale.js';
import { t } from '../../core/i18n/messages.js';
import { headerOf } from './adapters/csv/templates.js';
import type { ImportRow } from './queries/imports.js';
import type { RosterKind, RowError } from './roster.js';
import type { ImportDetail, ImportSummary } from './schemas.js';
import type { ApplyResult } from './sync/apply.js';
import type { LogEntry } from './sync/run.js';

function written(result: unknown): ImportSummary['written'] {
  const r = result as ApplyResult | null;
  if (!r) return null;
  const out = { added: 0, changed: 0, ended: 0 };
  for (const c of Object.values(r.kinds)) {
    out.added += c!.added;
    out.changed += c!.changed;
    out.ended += c!.ended;
  }
  return out;
}

export function summaryOf(i: ImportRow): ImportSummary {
  return {
    id: i.id, schoolName: i.schoolName, source: i.source, trigger: i.trigger, status: i.status, createdBy: i.createdBy, createdAt: i.createdAt,
    appliedBy: i.appliedBy, appliedAt: i.appliedAt, finishedAt: i.finishedAt, errorCount: i.errorCount, written: written(i.result),
  };
}

type FileInfo = { name: string; kind: string | null; rows: number };

/** A file of the plain CSV set names its fields by its headers, in the reader's language; other sources by their own names. */
function fieldLabel(e: RowError, files: readonly FileInfo[], source: ImportRow['source'], locale: Locale): string {
  if (source !== 'csv' || e.field === 'file') return e.field === 'file' ? '' : e.field;
  const kind = files.find((f) => f.name === e.file)?.kind as RosterKind | null | undefined;
  return (kind && headerOf(kind, e.field, locale)) || e.field;
}

export function detailOf(i: ImportRow, locale: Locale, access: ImportDetail['access']): ImportDetail {
  const files = (i.files as FileInfo[] | null) ?? [];
  const result = i.result as ApplyResult | null;
  return {
    ...summaryOf(i),
    access,
    progress: { phase: i.phase, done: i.rowsDone, total: i.rowsTotal },
    onlyValid: i.onlyValid,
    files,
    preview: i.preview as ImportDetail['preview'],
    errors: ((i.errors as RowError[] | null) ?? []).map((e) => ({
      file: e.file, line: e.line, field: fieldLabel(e, files, i.source, locale), message: t(locale, e.key, e.params ?? {}),
    })),
    result: result
      ? { kinds: Object.fromEntries(Object.entries(result.kinds).map(([k, c]) => [k, c!])), accountsCreated: result.accountsCreated, accountsLinked: result.accountsLinked }
      : null,
    log: ((i.log as LogEntry[] | null) ?? []).map((l) => ({ at: l.at, message: t(locale, l.key, l.params ?? {}) })),
  };
}
