/**
 * The references between a roster's records, checked the same way whatever the source: a guardian who
 * points at no student, an enrolment in a group the file does not have, a record whose id comes twice.
 * Each error names the file, line and field of the record that points wrong; the sync then applies
 * nothing, or only the valid records when the admin chooses so (`withoutInvalid`).
 */
import type { Roster, RosterKind, RowError } from './roster.js';

type Ref = { field: string; kind: RosterKind; id: string | null };

/** For each kind of record, the records it points at (by source id). */
const referencesOf: { [K in RosterKind]: (r: Roster[K][number]) => Ref[] } = {
  schools: () => [],
  schoolYears: () => [],
  terms: (r) => [{ field: 'schoolYearId', kind: 'schoolYears', id: r.schoolYearId }],
  departments: (r) => [{ field: 'schoolId', kind: 'schools', id: r.schoolId }],
  subjects: () => [],
  people: () => [],
  students: (r) => [
    { field: 'personId', kind: 'people', id: r.personId },
    { field: 'schoolId', kind: 'schools', id: r.schoolId },
    { field: 'departmentId', kind: 'departments', id: r.departmentId },
  ],
  guardianships: (r) => [
    { field: 'studentId', kind: 'students', id: r.studentId },
    { field: 'guardianPersonId', kind: 'people', id: r.guardianPersonId },
  ],
  staff: (r) => [
    { field: 'personId', kind: 'people', id: r.personId },
    { field: 'schoolId', kind: 'schools', id: r.schoolId },
    ...r.roles.map((role) => ({ field: 'roles.departmentId', kind: 'departments' as const, id: role.departmentId })),
  ],
  basisGroups: (r) => [
    { field: 'schoolId', kind: 'schools', id: r.schoolId },
    { field: 'schoolYearId', kind: 'schoolYears', id: r.schoolYearId },
    { field: 'departmentId', kind: 'departments', id: r.departmentId },
  ],
  teachingGroups: (r) => [
    { field: 'schoolId', kind: 'schools', id: r.schoolId },
    { field: 'schoolYearId', kind: 'schoolYears', id: r.schoolYearId },
    { field: 'subjectId', kind: 'subjects', id: r.subjectId },
  ],
  enrolments: (r) => [
    { field: 'studentId', kind: 'students', id: r.studentId },
    // the column the group stands in: a teaching group is not in the basis group's column
    r.group.kind === 'basis' ? { field: 'basisGroupId', kind: 'basisGroups', id: r.group.id } : { field: 'teachingGroupId', kind: 'teachingGroups', id: r.group.id },
  ],
  contactTeachers: (r) => [
    { field: 'groupId', kind: 'basisGroups', id: r.groupId },
    { field: 'staffMemberId', kind: 'staff', id: r.staffMemberId },
  ],
  subjectTeachers: (r) => [
    { field: 'groupId', kind: 'teachingGroups', id: r.groupId },
    { field: 'staffMemberId', kind: 'staff', id: r.staffMemberId },
  ],
  lessons: (r) => [{ field: 'teachingGroupId', kind: 'teachingGroups', id: r.teachingGroupId }],
};

const KINDS = Object.keys(referencesOf) as RosterKind[];

/**
 * Every broken reference and every id used twice within a kind. `known` are ids the sync already holds
 * from earlier imports of the same source (a re-sync may send only what changed), by kind.
 */
export function checkReferences(roster: Roster, known: Partial<Record<RosterKind, ReadonlySet<string>>> = {}): RowError[] {
  const ids = new Map<RosterKind, Set<string>>();
  const errors: RowError[] = [];
  for (const kind of KINDS) {
    const seen = new Set<string>();
    for (const r of roster[kind]) {
      if (seen.has(r.sourceId)) errors.push({ ...r.at, field: 'sourceId', key: 'rosterImport.duplicateId', params: { id: r.sourceId } });
      seen.add(r.sourceId);
    }
    ids.set(kind, seen);
  }
  for (const kind of KINDS) {
    const refs = referencesOf[kind] as (r: Roster[RosterKind][number]) => Ref[];
    for (const r of roster[kind]) {
      for (const ref of refs(r)) {
        if (ref.id === null) continue;
        if (ids.get(ref.kind)!.has(ref.id) || known[ref.kind]?.has(ref.id)) continue;
        errors.push({ ...r.at, field: ref.field, key: 'rosterImport.unknownReference', params: { id: ref.id } });
      }
    }
  }
  return errors;
}

/** The roster without the records an error names, nor those that point at them (applied when the admin chooses). */
export function withoutInvalid(roster: Roster, errors: readonly RowError[], known: Partial<Record<RosterKind, ReadonlySet<string>>> = {}): Roster {
  const bad = new Set(errors.map((e) => `${e.file}:${e.line}`));
  let current = roster;
  // dropping a record can break another's reference: repeat until nothing more drops
  for (;;) {
    const next = Object.fromEntries(KINDS.map((k) => [k, (current[k] as Roster[RosterKind]).filter((r) => !bad.has(`${r.at.file}:${r.at.line}`))])) as unknown as Roster;
    const broken = checkReferences(next, known);
    if (broken.length === 0) return next;
    for (const e of broken) bad.add(`${e.file}:${e.line}`);
    current = next;
  }
}

/**
 * The kinds a reading with errors does not hold in full: a record whose row cannot be read, or that
 * "only the valid rows" leaves out, is still in the source, so nothing of its kind may end (else a typo
 * in a student's row, or a misspelt header, would make students leave). A file's kind names where an
 * error stands (the plain CSV set); a source without (null) holds no kind in full while it has errors.
 */
export function kindsNotWhole(errors: readonly RowError[], kindOfFile: ReadonlyMap<string, RosterKind | null> | null, read: Roster, applied: Roster): RosterKind[] {
  if (!errors.length) return [];
  if (kindOfFile === null) return KINDS;
  const out = new Set<RosterKind>();
  for (const e of errors) {
    const kind = kindOfFile.get(e.file);
    if (kind) out.add(kind);
  }
  for (const kind of KINDS) if (read[kind].length !== applied[kind].length) out.add(kind);
  return [...out];
}
