/** Every statement on an import's own rows (roster_import, roster_import_upload). Pass `database.query` or a transaction's. */
import type { QueryFn } from '../../../core/db/client.js';
import type { ImportStatus, RosterSource } from '../tables.js';

export interface ImportRow {
  id: string;
  schoolId: string;
  schoolName: string;
  source: RosterSource;
  trigger: 'upload' | 'schedule';
  status: ImportStatus;
  phase: string;
  rowsDone: number;
  rowsTotal: number;
  files: unknown;
  preview: unknown;
  errors: unknown;
  errorCount: number;
  onlyValid: boolean | null;
  result: unknown;
  log: unknown;
  createdBy: string | null;
  createdByPersonId: string | null;
  createdAt: string;
  appliedBy: string | null;
  appliedByPersonId: string | null;
  appliedAt: string | null;
  finishedAt: string | null;
}

type Columns = {
  id: string; school_id: string; school_name: string; source: RosterSource; trigger: 'upload' | 'schedule'; status: ImportStatus; phase: string;
  rows_done: number; rows_total: number; files: unknown; preview: unknown; errors: unknown; error_count: number; only_valid: boolean | null;
  result: unknown; log: unknown; created_by: string | null; created_by_person_id: string | null; created_at: string | Date; applied_by: string | null;
  applied_by_person_id: string | null; applied_at: string | Date | null;
  finished_at: string | Date | null;
};

const iso = (v: string | Date | null): string | null => (v === null ? null : new Date(v).toISOString());

const rowOf = (r: Columns): ImportRow => ({
  id: r.id, schoolId: r.school_id, schoolName: r.school_name, source: r.source, trigger: r.trigger, status: r.status, phase: r.phase,
  rowsDone: r.rows_done, rowsTotal: r.rows_total, files: r.files, preview: r.preview, errors: r.errors, errorCount: r.error_count,
  onlyValid: r.only_valid, result: r.result, log: r.log, createdBy: r.created_by, createdByPersonId: r.created_by_person_id, createdAt: iso(r.created_at)!,
  appliedBy: r.applied_by, appliedByPersonId: r.applied_by_person_id,
  appliedAt: iso(r.applied_at), finishedAt: iso(r.finished_at),
});

const SELECT = `select i.id, i.school_id, sc.name as school_name, i.source, i.trigger, i.status, i.phase, i.rows_done, i.rows_total, i.files, i.preview,
    i.errors, i.error_count, i.only_valid, i.result, i.log,
    nullif(trim(coalesce(cp.given_name, '') || ' ' || coalesce(cp.family_name, '')), '') as created_by, i.created_by_person_id, i.created_at,
    nullif(trim(coalesce(ap.given_name, '') || ' ' || coalesce(ap.family_name, '')), '') as applied_by, i.applied_by_person_id, i.applied_at, i.finished_at
  from roster_import i
  join school sc on sc.owner_id = i.owner_id and sc.id = i.school_id
  left join person cp on cp.owner_id = i.owner_id and cp.id = i.created_by_person_id
  left join person ap on ap.owner_id = i.owner_id and ap.id = i.applied_by_person_id`;

export async function insertImport(q: QueryFn, ownerId: string, id: string, i: {
  schoolId: string; source: RosterSource; trigger: 'upload' | 'schedule'; createdByPersonId: string | null; log: unknown[];
}): Promise<void> {
  await q(
    `insert into roster_import (owner_id, id, school_id, source, trigger, status, phase, created_by_person_id, log)
     values ($1, $2, $3, $4, $5, 'reading', 'queued', $6, $7::jsonb)`,
    [ownerId, id, i.schoolId, i.source, i.trigger, i.createdByPersonId, JSON.stringify(i.log)],
  );
}

export async function insertUpload(q: QueryFn, ownerId: string, importId: string, content: Uint8Array): Promise<void> {
  await q('insert into roster_import_upload (owner_id, import_id, content) values ($1, $2, $3)', [ownerId, importId, Buffer.from(content)]);
}

export async function uploadOf(q: QueryFn, ownerId: string, importId: string): Promise<Uint8Array | null> {
  const [row] = await q<{ content: Uint8Array }>('select content from roster_import_upload where owner_id = $1 and import_id = $2', [ownerId, importId]);
  return row ? new Uint8Array(row.content) : null;
}

/** The uploaded files hold personal data: gone once the import is applied, cancelled or failed. */
export async function deleteUpload(q: QueryFn, ownerId: string, importId: string): Promise<void> {
  await q('delete from roster_import_upload where owner_id = $1 and import_id = $2', [ownerId, importId]);
}

export async function importById(q: QueryFn, ownerId: string, id: string): Promise<ImportRow | undefined> {
  const [row] = await q<Columns>(`${SELECT} where i.owner_id = $1 and i.id = $2`, [ownerId, id]);
  return row && rowOf(row);
}

/** What the access hook needs to decide on an import: its owner and school. */
export async function importSchool(q: QueryFn, ownerId: string, id: string): Promise<{ schoolId: string; schoolName: string } | undefined> {
  const [row] = await q<{ school_id: string; school_name: string }>(
    `select i.school_id, sc.name as school_name from roster_import i join school sc on sc.owner_id = i.owner_id and sc.id = i.school_id
     where i.owner_id = $1 and i.id = $2`, [ownerId, id]);
  return row && { schoolId: row.school_id, schoolName: row.school_name };
}

/** The school's imports, newest first (the log the admin reads). */
export async function importsOfSchools(q: QueryFn, ownerId: string, schoolIds: string[], limit: number): Promise<ImportRow[]> {
  const rows = await q<Columns>(`${SELECT} where i.owner_id = $1 and i.school_id = any($2::uuid[]) order by i.created_at desc, i.id limit $3`, [ownerId, schoolIds, limit]);
  return rows.map(rowOf);
}

export async function setProgress(q: QueryFn, ownerId: string, id: string, phase: string, done: number, total: number): Promise<void> {
  await q('update roster_import set phase = $3, rows_done = $4, rows_total = $5 where owner_id = $1 and id = $2', [ownerId, id, phase, done, total]);
}

export async function appendLog(q: QueryFn, ownerId: string, id: string, entries: unknown[]): Promise<void> {
  await q('update roster_import set log = log || $3::jsonb where owner_id = $1 and id = $2', [ownerId, id, JSON.stringify(entries)]);
}

/**
 * The read is done: its preview and errors, and the source the upload turned out to be (a zip with
 * manifest.csv is OneRoster); false when the import was cancelled meanwhile.
 */
export async function setPreview(q: QueryFn, ownerId: string, id: string, p: {
  source: RosterSource; files: unknown; preview: unknown; errors: unknown[]; errorCount: number; log: unknown[];
}): Promise<boolean> {
  const rows = await q(
    `update roster_import set status = 'ready', phase = 'ready', source = $8, files = $3::jsonb, preview = $4::jsonb, errors = $5::jsonb, error_count = $6,
       log = log || $7::jsonb, rows_done = 0, rows_total = 0
     where owner_id = $1 and id = $2 and status = 'reading' returning id`,
    [ownerId, id, JSON.stringify(p.files), JSON.stringify(p.preview), JSON.stringify(p.errors), p.errorCount, JSON.stringify(p.log), p.source],
  );
  return rows.length > 0;
}

/** ready → applying, once: false when it was not ready (applied, cancelled, still reading). */
export async function markApplying(q: QueryFn, ownerId: string, id: string, personId: string, onlyValid: boolean, log: unknown[]): Promise<boolean> {
  const rows = await q(
    `update roster_import set status = 'applying', phase = 'queued', only_valid = $4, applied_by_person_id = $3, applied_at = now(), log = log || $5::jsonb
     where owner_id = $1 and id = $2 and status = 'ready' returning id`,
    [ownerId, id, personId, onlyValid, JSON.stringify(log)],
  );
  return rows.length > 0;
}

/** A nightly sync without errors applies itself: ready → applying with no person behind it. */
export async function markApplyingBySchedule(q: QueryFn, ownerId: string, id: string, log: unknown[]): Promise<boolean> {
  const rows = await q(
    `update roster_import set status = 'applying', phase = 'queued', only_valid = false, applied_at = now(), log = log || $3::jsonb
     where owner_id = $1 and id = $2 and status = 'ready' returning id`,
    [ownerId, id, JSON.stringify(log)],
  );
  return rows.length > 0;
}

export async function markApplied(q: QueryFn, ownerId: string, id: string, result: unknown, log: unknown[]): Promise<void> {
  await q(
    `update roster_import set status = 'applied', phase = 'done', result = $3::jsonb, finished_at = now(), log = log || $4::jsonb, rows_done = rows_total
     where owner_id = $1 and id = $2`,
    [ownerId, id, JSON.stringify(result), JSON.stringify(log)],
  );
}

export async function markFailed(q: QueryFn, ownerId: string, id: string, log: unknown[]): Promise<void> {
  await q(
    `update roster_import set status = 'failed', phase = 'failed', finished_at = now(), log = log || $3::jsonb
     where owner_id = $1 and id = $2 and status in ('reading', 'applying')`,
    [ownerId, id, JSON.stringify(log)],
  );
}

/** Cancelled while it waits for the admin (or is still being read); false otherwise. */
export async function markCancelled(q: QueryFn, ownerId: string, id: string, log: unknown[]): Promise<boolean> {
  const rows = await q(
    `update roster_import set status = 'cancelled', phase = 'cancelled', finished_at = now(), log = log || $3::jsonb
     where owner_id = $1 and id = $2 and status in ('reading', 'ready') returning id`,
    [ownerId, id, JSON.stringify(log)],
  );
  return rows.length > 0;
}

export async function statusOf(q: QueryFn, ownerId: string, id: string): Promise<ImportStatus | undefined> {
  const [row] = await q<{ status: ImportStatus }>('select status from roster_import where owner_id = $1 and id = $2', [ownerId, id]);
  return row?.status;
}

/** Takes the owner's import lock for the transaction if it is free; false when another import of the owner holds it. */
export async function tryImportLock(q: QueryFn, ownerId: string): Promise<boolean> {
  const [row] = await q<{ ok: boolean }>("select pg_try_advisory_xact_lock(hashtextextended('elevlos.rosterImport:' || $1::text, 0)) as ok", [ownerId]);
  return row!.ok;
}

/** Waits for the owner's import lock (held to the end of the transaction): a second sync of the owner waits for the first. */
export async function waitForImportLock(q: QueryFn, ownerId: string): Promise<void> {
  await q("select pg_advisory_xact_lock(hashtextextended('elevlos.rosterImport:' || $1::text, 0))", [ownerId]);
}

/**
 * The apply's transaction does not wait for its commit to reach the disk: a crash in that moment loses
 * at most this import, which is then simply run again (the source still has it), and no other write.
 * PostgreSQL only (PGlite has no such setting worth changing).
 */
export async function commitWithoutWaiting(tx: QueryFn): Promise<void> {
  await tx('set local synchronous_commit = off');
}
