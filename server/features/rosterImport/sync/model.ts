/**
 * The sync's own vocabulary: the kinds it writes (the roster's, plus the roles it derives from the
 * staff), what a plan says per kind, and the ids it resolves the source's references with.
 */
import { hash } from 'node:crypto';
import type { LinkRow } from '../queries/links.js';
import type { Roster, RosterKind, RosterStaffMember, SourcePlace } from '../roster.js';

/** A staff member's role as the source gave it: its own record, so a role the source drops is removed. */
export interface RosterStaffRole {
  sourceId: string;
  staffMemberId: string;
  role: RosterStaffMember['roles'][number]['role'];
  departmentId: string | null;
  at: SourcePlace;
}

export type SyncKind = RosterKind | 'staffRoles';
export type SyncRecord = Roster[RosterKind][number] | RosterStaffRole;

/** In the order they are written: a record is written after what it points at. */
export const SYNC_KINDS: readonly SyncKind[] = [
  'schools', 'schoolYears', 'terms', 'departments', 'subjects', 'people', 'students', 'guardianships', 'staff', 'staffRoles',
  'basisGroups', 'teachingGroups', 'enrolments', 'contactTeachers', 'subjectTeachers', 'lessons',
];

/** Kinds the owner holds for all its schools: an import never ends them (another school may still use them). */
export const OWNER_LEVEL: ReadonlySet<SyncKind> = new Set(['schools', 'schoolYears', 'terms', 'subjects', 'people']);

export const ROLE_ID_SEPARATOR = '\u001f';

/** The roles as records of their own, keyed on the staff member's id, the role and its department. */
export function staffRolesOf(roster: Roster): RosterStaffRole[] {
  return roster.staff.flatMap((m) => m.roles.map((r) => ({
    sourceId: [m.sourceId, r.role, r.departmentId ?? ''].join(ROLE_ID_SEPARATOR), staffMemberId: m.sourceId, role: r.role, departmentId: r.departmentId, at: m.at,
  })));
}

export function recordsOf(roster: Roster, kind: SyncKind): SyncRecord[] {
  return kind === 'staffRoles' ? staffRolesOf(roster) : (roster[kind] as SyncRecord[]);
}

/**
 * Digests already made, by record: the apply job plans again on the same reading the read job planned
 * on (adapters/index.ts keeps it), and a county's million digests are seconds of CPU. Records are never
 * changed once read, so a record's digest stays its digest.
 */
const digests = new WeakMap<SyncRecord, string>();

/** The record as the source gave it, without where it stood in the file: the same record in another line is unchanged. */
export function digestOf(record: SyncRecord): string {
  let digest = digests.get(record);
  if (digest === undefined) {
    digest = digestNow(record);
    digests.set(record, digest);
  }
  return digest;
}

function digestNow(record: SyncRecord): string {
  const { at: _at, ...rest } = record;
  const json = 'roles' in rest
    ? JSON.stringify({ ...rest, roles: [...rest.roles].sort((a, b) => `${a.role}${a.departmentId}`.localeCompare(`${b.role}${b.departmentId}`)) })
    : JSON.stringify(rest);
  // the one-shot hash: the same digest as a Hash object's, at half the cost over a county's million records
  return hash('md5', json, 'base64url');
}

export interface Planned {
  record: SyncRecord;
  digest: string;
  /** the link of a record the sync holds already (changed: its digest differs, or it was ended and is back) */
  link?: LinkRow;
}

export interface KindPlan {
  added: Planned[];
  changed: Planned[];
  unchanged: number;
  /** links of records the source no longer has, within the import's schools */
  ended: LinkRow[];
}

export type SyncPlan = Record<SyncKind, KindPlan>;

/** What a roster school is in Elevlos: linked before, matched now (the first admin's school, the same name) or new. */
export interface SchoolResolution {
  localId: string | null;
  how: 'linked' | 'matched' | 'new';
  localName: string | null;
}
