/**
 * Writes a plan: kind after kind in the order records point at each other, each in chunks of set-based
 * statements (insert/update from unnest), then the links; then what ended, in the reverse order. Runs
 * inside the caller's transaction: all of it or nothing.
 */
import { v7 as timeOrderedId } from 'uuid';
// node-postgres's own conversion of a parameter to its text form (pg has no types for lib/utils)
// @ts-expect-error: untyped module of pg
import { prepareValue } from 'pg/lib/utils.js';
import type { QueryFn } from '../../../core/db/client.js';
import { linkedLocalIds, insertLinks, upsertLinks, endLinks, type NewLink } from '../queries/links.js';
import { insertFeideAccounts, setAccountSubjects } from '../queries/sync.js';
import type { Roster } from '../roster.js';
import type { LocalIds } from './ids.js';
import { SYNC_KINDS, type KindPlan, type Planned, type SchoolResolution, type SyncKind, type SyncPlan, type SyncRecord } from './model.js';
import { WRITERS, type Placed, type WriteContext } from './writers.js';

const CHUNK = 10_000;

export interface KindResult {
  added: number;
  changed: number;
  ended: number;
}

export interface ApplyResult {
  kinds: Partial<Record<SyncKind, KindResult>>;
  /** accounts made for imported staff and students with a Feide id, and accounts whose Feide id changed */
  accountsCreated: number;
  accountsLinked: number;
}

/**
 * fn over the items, a chunk at a time. Pipelined (PostgreSQL): the next chunk's rows are built and its
 * statement sent while the server still writes the one before, so the app's work on a county's rows
 * hides behind the database's instead of adding to it. The chunks of one call are independent records;
 * the order their statements run in does not matter, and the first failure fails the whole (the
 * transaction is then aborted, and every statement after it refused).
 */
async function inChunks<T>(ctx: WriteContext, items: readonly T[], fn: (chunk: T[]) => Promise<void>): Promise<void> {
  if (!ctx.pipelined) {
    for (let i = 0; i < items.length; i += CHUNK) await fn(items.slice(i, i + CHUNK));
    return;
  }
  let running: Promise<void> | null = null;
  for (let i = 0; i < items.length; i += CHUNK) {
    const next = fn(items.slice(i, i + CHUNK));
    // awaited in turn below; a failure of this one while the one before is awaited must not go unhandled meanwhile
    next.catch(() => {});
    if (running) await running;
    running = next;
  }
  if (running) await running;
}

/** Every record of the plan to write in one pass: total rows, for the progress bar. */
export function rowsToWrite(plan: SyncPlan): number {
  return SYNC_KINDS.reduce((n, k) => n + plan[k].added.length + plan[k].changed.length + plan[k].ended.length, 0);
}

/**
 * The local rows the added records already are (matched by natural key and not linked to another record),
 * else new ids. New ids are time-ordered (UUID version 7, RFC 9562): a county's rows then go to the end
 * of each index on an id instead of to random places in it (a first import's enrolments ~20 % faster to
 * write). They tell when the row was imported, which the import's own log says anyway.
 */
async function place(ctx: WriteContext, kind: SyncKind, p: KindPlan, schools: ReadonlyMap<string, SchoolResolution>): Promise<Placed<SyncRecord>[]> {
  const w = WRITERS[kind];
  const placed: Placed<SyncRecord>[] = [];
  if (w.pair) {
    for (const x of [...p.added, ...p.changed]) placed.push({ record: x.record, id: w.pair(x.record, ctx.ids).localId, fresh: true, link: x.link });
    return placed;
  }
  const found: (string | undefined)[] = [];
  if (kind === 'schools') for (const x of p.added) found.push(schools.get(x.record.sourceId)?.localId ?? undefined);
  else if (w.match) {
    for (let i = 0; i < p.added.length; i += CHUNK) {
      found.push(...await w.match(ctx, p.added.slice(i, i + CHUNK).map((x) => x.record)));
    }
  }
  const candidates = [...new Set(found.filter((x): x is string => !!x))];
  const taken = kind === 'schools' ? new Set<string>() : await linkedLocalIds(ctx.q, ctx.ownerId, ctx.source, kind, candidates);
  p.added.forEach((x, i) => {
    const id = found[i];
    if (id && !taken.has(id)) {
      taken.add(id);
      placed.push({ record: x.record, id, fresh: false });
    } else placed.push({ record: x.record, id: timeOrderedId(), fresh: true });
  });
  for (const x of p.changed) placed.push({ record: x.record, id: x.link!.localId, fresh: false, link: x.link });
  return placed;
}

/** People whose Feide id makes or keeps their login: staff and students of the roster whose person or role record was written. */
function feideLogins(roster: Roster, plan: SyncPlan, ids: LocalIds): { personId: string; feideId: string }[] {
  const written = new Set<string>();
  const touched = (x: Planned) => x.record.sourceId;
  for (const x of [...plan.people.added, ...plan.people.changed]) written.add(touched(x));
  for (const x of [...plan.students.added, ...plan.students.changed, ...plan.staff.added, ...plan.staff.changed]) {
    written.add((x.record as { personId: string }).personId);
  }
  const withLogin = new Set([...roster.students.map((s) => s.personId), ...roster.staff.map((s) => s.personId)]);
  const out = new Map<string, string>();
  for (const p of roster.people) {
    if (!p.feideId || !withLogin.has(p.sourceId) || !written.has(p.sourceId)) continue;
    out.set(ids.id('people', p.sourceId), p.feideId);
  }
  return [...out].map(([personId, feideId]) => ({ personId, feideId }));
}

/** The links to write: for added records (the plan saw no link of theirs, not even an ended one) and for changed ones. */
function linksOf(kind: SyncKind, p: KindPlan, ids: LocalIds): { fresh: NewLink[]; known: NewLink[] } {
  const link = (x: Planned): NewLink => {
    const e = ids.get(kind, x.record.sourceId)!;
    return { sourceId: x.record.sourceId, localId: e.localId, localId2: e.localId2, schoolId: e.schoolId, digest: x.digest };
  };
  return { fresh: p.added.map(link), known: p.changed.map(link) };
}

/**
 * Array parameters in their text form when the statement is made rather than when node-postgres sends
 * it: it converts them only once the statement before has finished — while the server waits — so the
 * conversion of a 10 000-row chunk could not hide behind the writing of the one before.
 */
function convertingEarly(q: QueryFn): QueryFn {
  return (text, params) => q(text, params?.map((v) => (Array.isArray(v) ? (prepareValue as (v: unknown) => string)(v) : v)));
}

export async function applyPlan(
  given: WriteContext, roster: Roster, plan: SyncPlan, schools: ReadonlyMap<string, SchoolResolution>, progress: (rows: number) => Promise<void>,
): Promise<ApplyResult> {
  const ctx = given.pipelined ? { ...given, q: convertingEarly(given.q) } : given;
  const result: ApplyResult = { kinds: {}, accountsCreated: 0, accountsLinked: 0 };
  for (const kind of SYNC_KINDS) {
    const p = plan[kind];
    const w = WRITERS[kind];
    const placed = await place(ctx, kind, p, schools);
    for (const x of placed) {
      const pair = w.pair?.(x.record, ctx.ids);
      const entry = { localId: pair?.localId ?? x.id, localId2: pair?.localId2 ?? null, schoolId: null as string | null };
      ctx.ids.set(kind, x.record.sourceId, entry);
      entry.schoolId = w.schoolOf(x.record, ctx.ids);
    }
    const { fresh, known } = linksOf(kind, p, ctx.ids);
    await inChunks(ctx, placed, async (chunk) => {
      await w.write(ctx, chunk);
      await progress(chunk.length);
    });
    await inChunks(ctx, fresh, (chunk) => insertLinks(ctx.q, ctx.ownerId, ctx.source, kind, chunk));
    await inChunks(ctx, known, (chunk) => upsertLinks(ctx.q, ctx.ownerId, ctx.source, kind, chunk));
    result.kinds[kind] = { added: p.added.length, changed: p.changed.length, ended: p.ended.length };
  }
  const logins = feideLogins(roster, plan, ctx.ids);
  await inChunks(ctx, logins, async (chunk) => {
    // each count taken before it is added: with chunks in flight, `x += await …` would add to a stale x
    const linked = await setAccountSubjects(ctx.q, ctx.ownerId, chunk);
    const created = await insertFeideAccounts(ctx.q, ctx.ownerId, chunk);
    result.accountsLinked += linked;
    result.accountsCreated += created;
  });
  // students first: a student who left keeps their guardians, whose end below sees the student as left
  for (const kind of ['students', ...[...SYNC_KINDS].reverse().filter((k) => k !== 'students')] as SyncKind[]) {
    const ended = plan[kind].ended;
    if (!ended.length) continue;
    await inChunks({ ...ctx, pipelined: false }, ended, async (chunk) => {
      await WRITERS[kind].end?.(ctx, chunk);
      await endLinks(ctx.q, ctx.ownerId, ctx.source, kind, chunk.map((l) => l.sourceId));
      await progress(chunk.length);
    });
  }
  return result;
}
