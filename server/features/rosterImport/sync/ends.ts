/**
 * What ends, settled after the plan: the records a source says have ended without carrying them (a
 * OneRoster delta's `tobedeleted` rows), ended exactly as a whole export that no longer had them would
 * end them; and the guardianships a leaving student keeps. The preview counts this plan and the apply
 * writes it, so what the admin is shown is what happens (docs/import.md, "What a sync changes").
 */
import type { QueryFn } from '../../../core/db/client.js';
import type { LinkRow } from '../queries/links.js';
import * as sql from '../queries/ends.js';
import type { EndedRecord, Roster, RowError } from '../roster.js';
import { OWNER_LEVEL, ROLE_ID_SEPARATOR, recordsOf, type SyncKind, type SyncPlan } from './model.js';

export interface EndsInput {
  roster: Roster;
  links: ReadonlyMap<string, readonly LinkRow[]>;
  /** the local schools the import covers: only their records can end */
  scope: ReadonlySet<string>;
  /** records the source marks as ended */
  ended: readonly EndedRecord[];
  /** a row with an error is neither changed nor ended, its `tobedeleted` included */
  errors: readonly RowError[];
}

export async function settleEnds(q: QueryFn, ownerId: string, plan: SyncPlan, input: EndsInput): Promise<SyncPlan> {
  const out: SyncPlan = { ...plan };
  if (input.ended.length) {
    for (const [kind, links] of await endedBySource(q, ownerId, input)) {
      const inRoster = new Set(recordsOf(input.roster, kind).map((r) => r.sourceId));
      const already = new Set(out[kind].ended.map((l) => l.sourceId));
      const more = links.filter((l) => !l.ended && !inRoster.has(l.sourceId) && !already.has(l.sourceId)
        && l.schoolId !== null && input.scope.has(l.schoolId));
      if (more.length) out[kind] = { ...out[kind], ended: [...out[kind].ended, ...more] };
    }
  }
  out.guardianships = { ...out.guardianships, ended: await guardianshipsThatGo(q, ownerId, out, input) };
  return out;
}

/**
 * The links a source's ended records stand for, with what a whole export would have lost with them: a
 * person's student, guardianship and staff records; a student's memberships; a staff member's roles and
 * assignments; a group's memberships and assignments.
 */
async function endedBySource(q: QueryFn, ownerId: string, input: EndsInput): Promise<Map<SyncKind, LinkRow[]>> {
  const bad = new Set(input.errors.map((e) => `${e.file}:${e.line}`));
  const named = input.ended.filter((e) => !bad.has(`${e.at.file}:${e.at.line}`));
  const linksOf = (kind: SyncKind) => input.links.get(kind) ?? [];
  const out = new Map<SyncKind, LinkRow[]>();
  const add = (kind: SyncKind, links: readonly LinkRow[]) => {
    if (!OWNER_LEVEL.has(kind) && links.length) out.set(kind, [...out.get(kind) ?? [], ...links]);
  };
  const where = (kind: SyncKind, keep: (l: LinkRow) => boolean) => linksOf(kind).filter(keep);
  const ids = (kind: SyncKind) => new Set(named.filter((e) => e.kind === kind).map((e) => e.sourceId));
  const locals = (kind: SyncKind) => new Set((out.get(kind) ?? []).map((l) => l.localId));

  for (const kind of ['students', 'guardianships', 'staff', 'departments', 'basisGroups', 'teachingGroups', 'enrolments', 'contactTeachers', 'subjectTeachers', 'lessons'] as const) {
    const named = ids(kind);
    if (named.size) add(kind, where(kind, (l) => named.has(l.sourceId)));
  }
  const people = ids('people');
  if (people.size) {
    const rows = await sql.rowsOfPeople(q, ownerId, where('people', (l) => people.has(l.sourceId)).map((l) => l.localId));
    for (const kind of ['students', 'guardianships', 'staff'] as const) {
      const rowIds = new Set(rows.filter((r) => r.kind === kind).map((r) => r.id));
      if (rowIds.size) add(kind, where(kind, (l) => rowIds.has(l.localId)));
    }
  }
  const staff = locals('staff');
  const staffSources = new Set((out.get('staff') ?? []).map((l) => l.sourceId));
  const basis = locals('basisGroups');
  const teaching = locals('teachingGroups');
  if (staffSources.size) add('staffRoles', where('staffRoles', (l) => staffSources.has(l.sourceId.split(ROLE_ID_SEPARATOR)[0]!)));
  if (staff.size || basis.size) add('contactTeachers', where('contactTeachers', (l) => basis.has(l.localId) || (l.localId2 !== null && staff.has(l.localId2))));
  if (staff.size || teaching.size) add('subjectTeachers', where('subjectTeachers', (l) => teaching.has(l.localId) || (l.localId2 !== null && staff.has(l.localId2))));
  const memberships = new Set(await sql.enrolmentsOfStudentsAndGroups(q, ownerId, [...locals('students')], [...basis, ...teaching]));
  if (memberships.size) add('enrolments', where('enrolments', (l) => memberships.has(l.localId)));
  return out;
}

/**
 * The guardianships that go: a student who left — or is leaving with this sync, or whose row the source
 * now gives as left — keeps their guardians as they were, so those are not counted as ended either.
 */
async function guardianshipsThatGo(q: QueryFn, ownerId: string, plan: SyncPlan, input: EndsInput): Promise<LinkRow[]> {
  const ended = plan.guardianships.ended;
  if (!ended.length) return ended;
  const rows = await sql.studentsOfGuardianships(q, ownerId, ended.map((l) => l.localId));
  const leaving = new Set(plan.students.ended.map((l) => l.localId));
  const students = new Set(rows.map((r) => r.studentId));
  const statusInSource = new Map(input.roster.students.map((s) => [s.sourceId, s.status]));
  // the status the apply writes before it ends anything: the source's, where it still has the student; one
  // the source dropped before is leaving too (finishing the year, it is still active)
  const statusAfterWrite = new Map<string, string>();
  for (const l of input.links.get('students') ?? []) {
    if (!students.has(l.localId)) continue;
    const status = statusInSource.get(l.sourceId) ?? (l.ended ? 'left' : undefined);
    if (status) statusAfterWrite.set(l.localId, status);
  }
  const kept = new Set(rows.filter((r) => leaving.has(r.studentId) || (statusAfterWrite.get(r.studentId) ?? r.status) === 'left').map((r) => r.id));
  return kept.size ? ended.filter((l) => !kept.has(l.localId)) : ended;
}
