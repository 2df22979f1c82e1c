/**
 * Feide's groups (the groups-edu scope) held up against the school's own data. The school's
 * administrative system, through the import, is the source of truth: Feide's groups never give access,
 * they only confirm the imported contact-teacher and subject-teacher assignments and enrolments, or flag
 * where the two disagree so the school can correct one of them.
 *
 * A disagreement is kept as one audit-log entry (`feide.groupsDiffer`) with counts and group ids, not in
 * memory: sessions live in PostgreSQL so that any app process serves any request, and a note kept in one
 * process would be missing in the next; the audit log is also where the school's leaders already look.
 */
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { writeAudit } from '../audit/audit.js';
import type { Reason } from '../policy/types.js';
import { groupsDifferSinceSessionStart, personStanding, schoolGroupsOfPerson, type SchoolGroupRow } from './oidcQueries.js';

export const GROUPS_DIFFER_ACTION = 'feide.groupsDiffer';
/** Feide answers in well under a second; a slow answer must not hold the login up for long. */
const GROUPS_TIMEOUT_MS = 5_000;

export type GroupKind = 'basis' | 'teaching';
export type GroupRole = 'teacher' | 'student';

/** One group on either side: Feide's group id (fc:gogroup:…) or Elevlos's own uuid, and its name. */
export interface GroupRef {
  id: string;
  name: string;
  kind: GroupKind;
  role: GroupRole;
}

/** What Feide says: the person's basis and teaching groups valid now, and their affiliations. */
export interface FeideGroups {
  groups: (GroupRef & { code: string | null })[];
  /** from the organisations' memberships (fc:org): student, faculty, employee, staff, member … */
  affiliations: string[];
  /** whether Feide sent any organisation at all (no organisation: the affiliations are unknown, not empty) */
  hasOrganisation: boolean;
}

export type SchoolAffiliation = 'staff' | 'student';

export interface GroupsComparison {
  matched: number;
  onlyInFeide: GroupRef[];
  onlyInSchool: GroupRef[];
  affiliations: { feide: string[]; school: SchoolAffiliation[]; differ: boolean };
}

export const groupsDiffer = (c: GroupsComparison): boolean =>
  c.onlyInFeide.length > 0 || c.onlyInSchool.length > 0 || c.affiliations.differ;

const affiliationList = z.union([z.string(), z.array(z.string())]).optional()
  .transform((a) => (a === undefined ? [] : Array.isArray(a) ? a : [a]));

/** Only the fields read here; Feide sends more (grep codes, orgType, public …) and may add fields. */
const feideGroup = z.object({
  id: z.string().min(1),
  type: z.string(),
  displayName: z.string().optional(),
  go_type: z.string().optional(),
  notBefore: z.string().optional(),
  notAfter: z.string().optional(),
  membership: z.object({
    affiliation: affiliationList,
    primaryAffiliation: z.string().optional(),
  }).optional(),
});

/** A go-group id is fc:gogroup:<realm>:<type>:<org number>:<the school's own group id>:<from>:<to>, each part URL-encoded. */
function groupCode(id: string): string | null {
  const part = id.split(':')[5];
  if (!part) return null;
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Valid on the app's day (ELEVLOS_TODAY may pin it), not the machine's clock, like every "current" in Elevlos. */
function validOn(g: { notBefore?: string; notAfter?: string }, today: string): boolean {
  const noon = Date.parse(`${today}T12:00:00Z`);
  const from = g.notBefore ? Date.parse(g.notBefore) : NaN;
  const to = g.notAfter ? Date.parse(g.notAfter) : NaN;
  return !(from > noon) && !(to < noon);
}

/** Feide's answer to /groups/me/groups, narrowed to what the comparison reads; malformed entries are skipped. */
export function parseFeideGroups(body: unknown, today: string): FeideGroups {
  const out: FeideGroups = { groups: [], affiliations: [], hasOrganisation: false };
  if (!Array.isArray(body)) throw new Error('the groups API did not answer with a list');
  const affiliations = new Set<string>();
  for (const raw of body) {
    const parsed = feideGroup.safeParse(raw);
    if (!parsed.success) continue;
    const g = parsed.data;
    if (g.type === 'fc:org') {
      out.hasOrganisation = true;
      for (const a of g.membership?.affiliation ?? []) affiliations.add(a);
      if (g.membership?.primaryAffiliation) affiliations.add(g.membership.primaryAffiliation);
      continue;
    }
    if (g.type !== 'fc:gogroup' || (g.go_type !== 'b' && g.go_type !== 'u') || !validOn(g, today)) continue;
    // in a go-group the affiliation is the person's role in it: faculty (teaching it) or student
    const roles = g.membership?.affiliation ?? [];
    const role: GroupRole | null = roles.includes('faculty') ? 'teacher' : roles.includes('student') ? 'student' : null;
    if (!role) continue;
    const code = groupCode(g.id);
    out.groups.push({ id: g.id, name: g.displayName ?? code ?? g.id, code, kind: g.go_type === 'b' ? 'basis' : 'teaching', role });
  }
  out.affiliations = [...affiliations].sort();
  return out;
}

/** Reads the person's groups from Feide with their access token; null when Feide cannot say (the login goes on). */
export async function fetchFeideGroups(
  baseUrl: string, accessToken: string, today: string, log: { warn(obj: object, msg: string): void },
): Promise<FeideGroups | null> {
  try {
    const res = await fetch(`${baseUrl}/groups/me/groups`, {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(GROUPS_TIMEOUT_MS),
    });
    if (!res.ok) {
      log.warn({ status: res.status }, 'feide groups api refused');
      return null;
    }
    return parseFeideGroups(await res.json(), today);
  } catch (e) {
    // the error's name only: a message could quote the request, and the request carries the token
    log.warn({ error: (e as Error).name }, 'feide groups api unavailable');
    return null;
  }
}

/**
 * Names are what the administrative system gives both Feide and the import ("2STA", "2STA-MAT"), so a
 * group is the same on both sides when the kind, the person's role in it and the name agree — Feide's
 * display name or the school's own group id inside Feide's id, compared without case and spaces.
 */
const nameKey = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
const groupKey = (kind: GroupKind, role: GroupRole, name: string) => `${kind}|${role}|${nameKey(name)}`;

const STAFF_AFFILIATIONS = ['faculty', 'staff', 'employee'];

export function compareGroups(
  feide: FeideGroups,
  school: { groups: readonly SchoolGroupRow[]; affiliations: readonly SchoolAffiliation[] },
): GroupsComparison {
  const schoolByKey = new Map(school.groups.map((g) => [groupKey(g.kind, g.role, g.name), g]));
  const seenInSchool = new Set<string>();
  const onlyInFeide: GroupRef[] = [];
  let matched = 0;
  for (const g of feide.groups) {
    const keys = [g.name, g.code].filter((n): n is string => !!n).map((n) => groupKey(g.kind, g.role, n));
    const hit = keys.find((k) => schoolByKey.has(k));
    if (hit) {
      if (!seenInSchool.has(hit)) matched++;
      seenInSchool.add(hit);
    } else onlyInFeide.push({ id: g.id, name: g.name, kind: g.kind, role: g.role });
  }
  const onlyInSchool = [...schoolByKey].filter(([k]) => !seenInSchool.has(k))
    .map(([, g]) => ({ id: g.id, name: g.name, kind: g.kind, role: g.role }));
  const feideStaff = feide.affiliations.some((a) => STAFF_AFFILIATIONS.includes(a));
  const feideStudent = feide.affiliations.includes('student');
  const differ = feide.hasOrganisation
    && (feideStaff !== school.affiliations.includes('staff') || feideStudent !== school.affiliations.includes('student'));
  return { matched, onlyInFeide, onlyInSchool, affiliations: { feide: feide.affiliations, school: [...school.affiliations], differ } };
}

/**
 * Compares the person's Feide groups with the school's data and records a disagreement in the audit
 * log. Returns whether they disagree. Nothing here changes what the person may see.
 */
export async function checkFeideGroups(
  database: Database, who: { ownerId: string; personId: string }, feide: FeideGroups, today: string,
): Promise<boolean> {
  const [groups, standing] = await Promise.all([
    schoolGroupsOfPerson(database.query, who.ownerId, who.personId, today),
    personStanding(database.query, who.ownerId, who.personId),
  ]);
  const affiliations: SchoolAffiliation[] = [];
  if (standing.staff_school_name !== null) affiliations.push('staff');
  if (standing.student_id !== null) affiliations.push('student');
  const comparison = compareGroups(feide, { groups, affiliations });
  if (!groupsDiffer(comparison)) return false;
  // the reason names the person's standing; the rest of the params are the counts and ids the notice reads
  const reason = {
    code: standing.staff_school_name !== null ? 'staffMember' : 'self',
    params: {
      school: standing.staff_school_name ?? '',
      counts: { matched: comparison.matched, onlyInFeide: comparison.onlyInFeide.length, onlyInSchool: comparison.onlyInSchool.length },
      onlyInFeide: comparison.onlyInFeide,
      onlyInSchool: comparison.onlyInSchool,
      affiliations: comparison.affiliations,
    },
  } as unknown as Reason;
  await writeAudit(database, [{
    ownerId: who.ownerId, actorPersonId: who.personId, action: GROUPS_DIFFER_ACTION, resourceType: 'person', resourceId: who.personId,
    // a student's entry is found under the student in the leaders' audit search
    studentId: standing.staff_school_name === null ? standing.student_id : null,
    decision: 'allow', reason,
  }]);
  return true;
}

const groupRef = z.object({ id: z.string(), name: z.string(), kind: z.enum(['basis', 'teaching']), role: z.enum(['teacher', 'student']) });

export const groupsCheckSchema = z.object({
  /** whether Feide and the school's data disagreed when the person logged in with Feide in this session */
  differs: z.boolean(),
  checkedAt: z.string().nullable(),
  label: z.string(),
  onlyInFeide: z.array(groupRef),
  onlyInSchool: z.array(groupRef),
  affiliations: z.object({ feide: z.array(z.string()), school: z.array(z.enum(['staff', 'student'])), differ: z.boolean() }),
});
export type GroupsCheck = z.infer<typeof groupsCheckSchema>;

const storedDetail = groupsCheckSchema.pick({ onlyInFeide: true, onlyInSchool: true, affiliations: true });

/** The disagreement recorded at this session's Feide login, for the notice; `differs: false` when there was none. */
export async function groupsCheckOfSession(
  database: Database, session: { ownerId: string; personId: string; id: string }, label: string,
): Promise<GroupsCheck> {
  const none: GroupsCheck = { differs: false, checkedAt: null, label, onlyInFeide: [], onlyInSchool: [], affiliations: { feide: [], school: [], differ: false } };
  const row = await groupsDifferSinceSessionStart(database.query, session.ownerId, session.personId, session.id, GROUPS_DIFFER_ACTION);
  const detail = row && storedDetail.safeParse(row.reason_params);
  if (!row || !detail?.success) return none;
  return { differs: true, checkedAt: new Date(row.at).toISOString(), label, ...detail.data };
}
