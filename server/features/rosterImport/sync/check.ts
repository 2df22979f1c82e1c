/**
 * What the roster's references cannot tell: rows that would collide with what Elevlos holds (a
 * national identity number, a Feide id or a subject code that belongs to another record), values that
 * must be unique within the roster, and schools the importing admin is not the admin of. Each is a row
 * error with file, line and field, like a cell that cannot be read.
 */
import type { QueryFn } from '../../../core/db/client.js';
import type { LinkRow } from '../queries/links.js';
import { accountsWithFeideIds, peopleWithNins, subjectsWithCodes } from '../queries/sync.js';
import type { Roster, RowError, SourcePlace } from '../roster.js';
import type { SchoolResolution } from './model.js';

const err = (at: SourcePlace, field: string, key: string, params?: Record<string, string | number>): RowError => ({ ...at, field, key, ...(params ? { params } : {}) });

/** A value that two records of one kind share, where it must be unique (the later records are wrong). */
function twice<R extends { at: SourcePlace }>(records: readonly R[], value: (r: R) => string | null, field: string, key: string): RowError[] {
  const seen = new Map<string, R>();
  const out: RowError[] = [];
  for (const r of records) {
    const v = value(r);
    if (v === null) continue;
    const first = seen.get(v);
    if (first) out.push(err(r.at, field, key, { line: first.at.line }));
    else seen.set(v, r);
  }
  return out;
}

export function uniqueWithinRoster(roster: Roster): RowError[] {
  return [
    ...twice(roster.people, (p) => p.nationalIdentityNumber, 'nationalIdentityNumber', 'rosterImport.valueTwice'),
    ...twice(roster.people, (p) => p.feideId?.toLowerCase() ?? null, 'feideId', 'rosterImport.valueTwice'),
    ...twice(roster.subjects, (s) => s.code, 'code', 'rosterImport.valueTwice'),
    ...twice(roster.guardianships, (g) => `${g.studentId}\u001f${g.guardianPersonId}`, 'guardianPersonId', 'rosterImport.pairTwice'),
    ...twice(roster.staff, (m) => `${m.personId}\u001f${m.schoolId}`, 'personId', 'rosterImport.pairTwice'),
  ];
}

/** The importing admin may change only schools they are the admin of (a new school has no admin yet). */
export function schoolsOutsideAdmin(roster: Roster, schools: ReadonlyMap<string, SchoolResolution>, adminOf: ReadonlySet<string> | null): RowError[] {
  if (adminOf === null) return [];
  return roster.schools.flatMap((s) => {
    const r = schools.get(s.sourceId);
    return r?.localId && !adminOf.has(r.localId) ? [err(s.at, 'sourceId', 'rosterImport.notYourSchool', { school: r.localName ?? s.name })] : [];
  });
}

/**
 * A unique value (national identity number, subject code) that Elevlos holds on another row: a record
 * linked to row A whose value is on row B, or a new record whose value is on a row another record of
 * the source is linked to. (On a row no record is linked to, the new record is matched to it instead.)
 */
function collisions<R extends { sourceId: string; at: SourcePlace }>(
  records: readonly R[], value: (r: R) => string | null, holders: ReadonlyMap<string, string>, links: readonly LinkRow[], field: string, key: string,
): RowError[] {
  const linkOf = new Map(links.map((l) => [l.sourceId, l.localId]));
  const linked = new Set(links.map((l) => l.localId));
  const out: RowError[] = [];
  for (const r of records) {
    const v = value(r);
    const holder = v === null ? undefined : holders.get(v);
    if (!holder) continue;
    const own = linkOf.get(r.sourceId);
    if (own ? own !== holder : linked.has(holder)) out.push(err(r.at, field, key));
  }
  return out;
}

export async function collisionsWithDatabase(q: QueryFn, ownerId: string, roster: Roster, links: ReadonlyMap<string, readonly LinkRow[]>): Promise<RowError[]> {
  const nins = roster.people.flatMap((p) => (p.nationalIdentityNumber ? [p.nationalIdentityNumber] : []));
  const codes = roster.subjects.map((s) => s.code);
  const feideIds = roster.people.flatMap((p) => (p.feideId ? [p.feideId.toLowerCase()] : []));
  // one after the other: inside the apply's transaction `q` is one connection, which takes one query at a time
  const ninRows = nins.length ? await peopleWithNins(q, ownerId, nins) : [];
  const codeRows = codes.length ? await subjectsWithCodes(q, ownerId, codes) : [];
  const accountRows = feideIds.length ? await accountsWithFeideIds(q, feideIds) : [];
  const out = [
    ...collisions(roster.people, (p) => p.nationalIdentityNumber, new Map(ninRows.map((r) => [r.nin, r.id])), links.get('people') ?? [],
      'nationalIdentityNumber', 'rosterImport.ninInUse'),
    ...collisions(roster.subjects, (s) => s.code, new Map(codeRows.map((r) => [r.code, r.id])), links.get('subjects') ?? [], 'code', 'rosterImport.codeInUse'),
  ];
  // a Feide id logs in one account: it must be this person's (linked, or the row the person will be matched to)
  if (accountRows.length) {
    const linkOf = new Map((links.get('people') ?? []).map((l) => [l.sourceId, l.localId]));
    const linked = new Set((links.get('people') ?? []).map((l) => l.localId));
    const ninHolder = new Map(ninRows.map((r) => [r.nin, r.id]));
    const accounts = new Map<string, { owner_id: string; person_id: string }[]>();
    for (const a of accountRows) accounts.set(a.feide_id, [...(accounts.get(a.feide_id) ?? []), a]);
    for (const p of roster.people) {
      const found = p.feideId ? accounts.get(p.feideId.toLowerCase()) : undefined;
      if (!found) continue;
      const person = linkOf.get(p.sourceId) ?? (p.nationalIdentityNumber ? ninHolder.get(p.nationalIdentityNumber) : undefined);
      const ok = found.every((a) => a.owner_id === ownerId && (person ? a.person_id === person : !linked.has(a.person_id)));
      if (!ok) out.push(err(p.at, 'feideId', 'rosterImport.feideIdInUse'));
    }
  }
  return out;
}
