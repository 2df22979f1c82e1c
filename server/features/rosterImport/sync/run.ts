/**
 * An import's two steps, each a background job: read (the files or FINT → the roster → its errors →
 * the plan → the preview the admin decides on) and apply (the same again inside one transaction that
 * holds the owner's import lock, then the writes). Progress and a log are kept on the import's row.
 * A failure writes nothing and says why in the log — never with the data that caused it (no personal
 * data in logs: a database error is named by its constraint only).
 */
import type { Database, QueryFn } from '../../../core/db/client.js';
import { writeAudit } from '../../../core/audit/audit.js';
import { today } from '../../../core/time.js';
import { isFintError, readFintSource, readUpload, UnreadableUpload, type SourceReading } from '../adapters/index.js';
import { linkedSourceIds, linksOfSource, linksStamp, type LinkRow } from '../queries/links.js';
import { KeptForAWhile } from '../keptForAWhile.js';
import * as imports from '../queries/imports.js';
import { analyzeAfterImport } from '../queries/statistics.js';
import { adminSchoolsOf, fintSettingOf } from '../queries/settings.js';
import { subjectHoursByCode } from '../queries/subjects.js';
import { localSchools } from '../queries/sync.js';
import { checkReferences, kindsNotWhole, withoutInvalid } from '../references.js';
import type { Roster, RosterKind, RowError } from '../roster.js';
import { applyPlan, rowsToWrite, type ApplyResult } from './apply.js';
import { collisionsWithDatabase, schoolsOutsideAdmin, uniqueWithinRoster } from './check.js';
import { LocalIds } from './ids.js';
import type { SchoolResolution, SyncPlan } from './model.js';
import { settleEnds } from './ends.js';
import { planSync, resolveSchools, scopeOf } from './plan.js';
import { previewOf } from './preview.js';
import { closeTurnedYears, ensureNewYearCycles, schoolsOfApply } from '../yearTurn.js';

/** The first errors kept for the page (a county's broken export could have a hundred thousand). */
export const KEPT_ERRORS = 500;

export interface LogEntry {
  at: string;
  key: string;
  params?: Record<string, string | number>;
}

const entry = (key: string, params?: Record<string, string | number>): LogEntry => ({ at: new Date().toISOString(), key, ...(params ? { params } : {}) });

class ImportFailure extends Error {
  constructor(readonly entry: LogEntry) {
    super(entry.key);
  }
}

/** A database error named without its detail, which can quote the row (a national identity number). */
function failureOf(e: unknown): LogEntry {
  if (e instanceof ImportFailure) return e.entry;
  if (e instanceof UnreadableUpload || isFintError(e)) return entry(e.key, e.params);
  const pg = e as { code?: string; constraint?: string };
  if (pg.code) return entry('rosterImport.log.databaseRefused', { code: pg.code, constraint: pg.constraint ?? '' });
  return entry('rosterImport.log.failed');
}

interface ImportRef {
  ownerId: string;
  importId: string;
}

async function readSource(database: Database, ownerId: string, imp: imports.ImportRow): Promise<SourceReading> {
  if (imp.source === 'fint') {
    const setting = await fintSettingOf(database.query, ownerId, imp.schoolId);
    if (!setting) throw new ImportFailure(entry('rosterImport.log.fintUnavailable'));
    const secret = (name: string | null) => (name ? process.env[name] : undefined);
    const clientSecret = secret(setting.clientSecretEnv);
    if (!clientSecret) throw new ImportFailure(entry('rosterImport.log.fintSecretMissing', { variable: setting.clientSecretEnv }));
    // the schools the admin named; else, once the school is linked to its FINT school, that school only, not the organisation's others
    const schools = setting.schools.length ? setting.schools : await linkedSourceIds(database.query, ownerId, 'fint', 'schools', imp.schoolId);
    return readFintSource({
      baseUrl: setting.baseUrl, tokenUrl: setting.tokenUrl, clientId: setting.clientId, clientSecret, orgId: setting.orgId,
      username: secret(setting.usernameEnv), password: secret(setting.passwordEnv), ...(schools.length ? { schools } : {}),
      ...(setting.pageSize !== null ? { pageSize: setting.pageSize } : {}), timetable: setting.timetable,
      // FINT has no annual hours: a subject gets those Elevlos holds for its code (an admin set them), else 0 (unknown)
      subjectHours: await subjectHoursByCode(database.query, ownerId),
    }, today());
  }
  const content = await imports.uploadOf(database.query, ownerId, imp.id);
  if (!content) throw new ImportFailure(entry('rosterImport.log.uploadGone'));
  // a OneRoster delta may point at users and classes earlier imports brought: their ids, read only for a delta
  return readUpload(content, { loadKnown: async () => knownIds(await currentLinks(database.query, ownerId, 'oneRoster')) });
}

/** What the sync already knows of the source, as the reference check takes it. */
function knownIds(links: ReadonlyMap<string, readonly LinkRow[]>): Partial<Record<RosterKind, ReadonlySet<string>>> {
  return Object.fromEntries([...links].map(([kind, rows]) => [kind, new Set(rows.map((l) => l.sourceId))]));
}

/**
 * The links the last read job read, kept a few minutes with the stamp they were read under: the apply,
 * usually soon after, takes them instead of reading a county's 1.6 million again when no import of the
 * owner was applied since (checked inside its transaction, under the owner's lock). Links are never
 * changed in place, so sharing them is safe.
 */
const KEEP_LINKS_MS = 10 * 60_000;
const keptLinks = new KeptForAWhile<{ ownerId: string; source: string; stamp: string; links: Map<string, LinkRow[]> }>(KEEP_LINKS_MS);

/** The owner's links of the source: those kept by the read when nothing was applied since, else read now (and kept). */
async function currentLinks(q: QueryFn, ownerId: string, source: SourceReading['source']): Promise<Map<string, LinkRow[]>> {
  // the stamp first: an apply committing after it changes it, so links read after it are never taken as older than they are
  const stamp = await linksStamp(q, ownerId);
  const kept = keptLinks.get();
  if (kept && kept.ownerId === ownerId && kept.source === source && kept.stamp === stamp) return kept.links;
  const links = await linksOfSource(q, ownerId, source);
  keptLinks.set({ ownerId, source, stamp, links });
  return links;
}

interface Prepared {
  roster: Roster;
  errors: RowError[];
  plan: SyncPlan;
  schools: Map<string, SchoolResolution>;
  links: Map<string, LinkRow[]>;
}

/** Errors, then (for "only the valid rows") the roster without them, then the plan. */
async function prepare(q: QueryFn, ownerId: string, imp: imports.ImportRow, reading: SourceReading, withoutErrors: boolean): Promise<Prepared> {
  const links = await currentLinks(q, ownerId, reading.source);
  const known = knownIds(links);
  const local = await localSchools(q, ownerId);
  let schools = resolveSchools(reading.roster.schools, links.get('schools') ?? [], local, imp.schoolId);
  // an upload is an admin's: only their schools; a nightly sync runs on the school's own settings
  const adminOf = imp.trigger === 'upload' && imp.createdByPersonId ? new Set(await adminSchoolsOf(q, ownerId, imp.createdByPersonId)) : null;
  const errors = [
    ...reading.errors,
    ...checkReferences(reading.roster, known),
    ...uniqueWithinRoster(reading.roster),
    ...schoolsOutsideAdmin(reading.roster, schools, adminOf),
    ...await collisionsWithDatabase(q, ownerId, reading.roster, links),
  ];
  let roster = reading.roster;
  if (withoutErrors && errors.length) {
    roster = withoutInvalid(roster, errors, known);
    schools = resolveSchools(roster.schools, links.get('schools') ?? [], local, imp.schoolId);
  }
  const kindOfFile = reading.source === 'csv' ? new Map(reading.files.map((f) => [f.name, f.kind as RosterKind | null])) : null;
  const partialKinds = new Set([...reading.partialKinds ?? [], ...kindsNotWhole(errors, kindOfFile, reading.roster, roster)]);
  const scope = scopeOf(imp.schoolId, schools);
  const plan = await settleEnds(q, ownerId, planSync({ roster, links, partialKinds, scope }), { roster, links, scope, ended: reading.ended ?? [], errors });
  return { roster, errors, plan, schools, links };
}

/**
 * The read job's errors and plan, kept for the apply of the same import: planning a county's roster
 * again costs seconds, and nothing it rests on changed when no import was applied since (the links'
 * stamp, checked inside the apply's transaction under the owner's lock) and the apply reads the same
 * reading. Only a clean read is kept: with errors the apply must plan the valid rows alone. Anything else
 * the checks looked at (an account made by hand meanwhile) is still guarded by the database's own
 * constraints: a clash fails the apply as a whole and writes nothing.
 */
const keptPrepared = new KeptForAWhile<{ ownerId: string; importId: string; stamp: string; prepared: Prepared }>(KEEP_LINKS_MS);

function keepPrepared(ownerId: string, importId: string, stamp: string, prepared: Prepared): void {
  if (prepared.errors.length) keptPrepared.clear();
  else keptPrepared.set({ ownerId, importId, stamp, prepared });
}

async function preparedByRead(q: QueryFn, ownerId: string, importId: string, reading: SourceReading): Promise<Prepared | null> {
  const kept = keptPrepared.get();
  if (!kept || kept.ownerId !== ownerId || kept.importId !== importId || kept.prepared.roster !== reading.roster) return null;
  return kept.stamp === await linksStamp(q, ownerId) ? kept.prepared : null;
}

const rowsIn = (roster: Roster) => Object.values(roster).reduce((n, xs: unknown[]) => n + xs.length, 0);

/** The read job: the preview and the errors, or a failure in the log. */
export async function runRead(database: Database, { ownerId, importId }: ImportRef): Promise<void> {
  const q = database.query;
  const imp = await imports.importById(q, ownerId, importId);
  if (!imp || imp.status !== 'reading') return;
  try {
    await imports.setProgress(q, ownerId, importId, 'reading', 0, 0);
    const reading = await readSource(database, ownerId, imp);
    const rows = rowsIn(reading.roster);
    await imports.setProgress(q, ownerId, importId, 'checking', rows, rows);
    const stamp = await linksStamp(q, ownerId);
    const prepared = await prepare(q, ownerId, imp, reading, false);
    keepPrepared(ownerId, importId, stamp, prepared);
    const preview = await previewOf(q, ownerId, prepared.roster, prepared.plan, prepared.schools);
    const ready = await imports.setPreview(q, ownerId, importId, {
      source: reading.source, files: reading.files, preview, errors: prepared.errors.slice(0, KEPT_ERRORS), errorCount: prepared.errors.length,
      log: [entry('rosterImport.log.read', { files: reading.files.length, rows }), ...(prepared.errors.length ? [entry('rosterImport.log.errorsFound', { count: prepared.errors.length })] : [])],
    });
    if (ready && imp.trigger === 'schedule') await applyIfClean(database, { ownerId, importId }, prepared.errors.length);
  } catch (e) {
    await imports.markFailed(q, ownerId, importId, [failureOf(e)]);
    await imports.deleteUpload(q, ownerId, importId);
  }
}

/** A nightly sync applies itself when it found nothing wrong; with errors it waits for the admin. */
async function applyIfClean(database: Database, ref: ImportRef, errors: number): Promise<void> {
  if (errors > 0) return;
  if (await imports.markApplyingBySchedule(database.query, ref.ownerId, ref.importId, [entry('rosterImport.log.appliedBySchedule')])) await runApply(database, ref);
}

/** Progress from inside the transaction: on PostgreSQL through another connection, so the page sees it; PGlite has one. */
function progressReporter(database: Database, tx: QueryFn, ref: ImportRef, total: number): (rows: number) => Promise<void> {
  const q = database.kind === 'pglite' ? tx : database.query;
  let done = 0;
  let last = 0;
  return async (rows) => {
    done += rows;
    if (done - last < Math.max(1000, total / 100) && done < total) return;
    last = done;
    await imports.setProgress(q, ref.ownerId, ref.importId, 'writing', done, total);
  };
}

/** The apply job: all of the plan in one transaction under the owner's lock, or nothing. */
export async function runApply(database: Database, ref: ImportRef): Promise<void> {
  const { ownerId, importId } = ref;
  const q = database.query;
  const imp = await imports.importById(q, ownerId, importId);
  if (!imp || imp.status !== 'applying') return;
  try {
    await imports.setProgress(q, ownerId, importId, 'reading', 0, 0);
    const reading = await readSource(database, ownerId, imp);
    let schoolIds: string[] = [];
    const result = await database.transaction(async (tx) => {
      if (!await imports.tryImportLock(tx, ownerId)) {
        // another import of the owner is writing: this one waits for it, and says so
        if (database.kind !== 'pglite') await imports.setProgress(q, ownerId, importId, 'waiting', 0, 0);
        await imports.waitForImportLock(tx, ownerId);
      }
      if (database.kind !== 'pglite') await imports.commitWithoutWaiting(tx);
      await imports.setProgress(database.kind === 'pglite' ? tx : q, ownerId, importId, 'checking', 0, 0);
      const prepared = await preparedByRead(tx, ownerId, importId, reading) ?? await prepare(tx, ownerId, imp, reading, imp.onlyValid === true);
      if (prepared.errors.length && !imp.onlyValid) throw new ImportFailure(entry('rosterImport.log.errorsAppeared', { count: prepared.errors.length }));
      const total = rowsToWrite(prepared.plan);
      const progress = progressReporter(database, tx, ref, total);
      await imports.setProgress(database.kind === 'pglite' ? tx : q, ownerId, importId, 'writing', 0, total);
      const ids = new LocalIds(prepared.links);
      const applied = await applyPlan({ q: tx, ownerId, source: reading.source, today: today(), ids, pipelined: database.kind === 'postgres' }, prepared.roster, prepared.plan, prepared.schools, progress);
      schoolIds = schoolsOfApply(prepared.roster, ids, imp.schoolId);
      await closeTurnedYears(tx, ownerId, schoolIds, prepared.plan, ids);
      await imports.markApplied(tx, ownerId, importId, applied, [entry('rosterImport.log.applied', { rows: total, skipped: imp.onlyValid ? prepared.errors.length : 0 })]);
      await imports.deleteUpload(tx, ownerId, importId);
      return applied;
    });
    // the links just written make the kept ones stale (the stamp would say so too): free their memory now
    keptLinks.clear();
    keptPrepared.clear();
    await auditApply(database, ownerId, imp, result);
    // statistics are a help, not part of the import: one that cannot be taken leaves them to autovacuum
    await analyzeAfterImport(q, Object.fromEntries(Object.entries(result.kinds).map(([k, c]) => [k, c!.added + c!.changed + c!.ended]))).catch(() => []);
    // after the commit: the cycle's copy runs its own transaction (PGlite has one connection). The import
    // stands if it fails: the first page that needs the new year's cycle copies it (annualCycle's ensureCycle).
    await ensureNewYearCycles(database, ownerId, schoolIds, today(), imp.appliedByPersonId).catch(() => 0);
  } catch (e) {
    await imports.markFailed(q, ownerId, importId, [failureOf(e)]);
    await imports.deleteUpload(q, ownerId, importId);
  }
}

/** Who applied which import, with its counts: the audit log's record of a change to many students at once. */
async function auditApply(database: Database, ownerId: string, imp: imports.ImportRow, result: ApplyResult): Promise<void> {
  const counts = Object.entries(result.kinds).map(([k, c]) => `${k}:+${c!.added}/~${c!.changed}/-${c!.ended}`).join(' ');
  await writeAudit(database, [{
    ownerId, actorPersonId: imp.appliedByPersonId, action: 'rosterImport.apply', resourceType: 'rosterImport', resourceId: imp.id, studentId: null,
    decision: 'allow', reason: { code: imp.appliedByPersonId ? 'schoolAdmin' : 'staffMember', params: { school: imp.schoolName, counts } },
  }]);
}

