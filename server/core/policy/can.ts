/**
 * The one policy engine: every read and write of student data asks `can(actor, action, resource)` and
 * gets allow/deny WITH the reason taken from the relationship (model.md "What access hangs on").
 *
 * Core decides who may read a student at all, who reads a record by its visibility tier, and how the
 * staff's roles reach a school, a class and a teaching group. Each feature registers the rules of its
 * own actions (`features/<feature>/policy.ts`, one `Policy` per feature) through its description; the
 * engine refuses an action that no feature defines.
 */
import type { StaffRole, Visibility } from '../db/tables.js';
import { guardianInsight } from './guardianInsight.js';
import type {
  Action, Actor, BasisGroupFacts, Decision, Reason, RelationshipKind, Resource, Resources, ResourceType, SchoolResource,
  StudentFacts, TeachingGroupFacts,
} from './types.js';

export interface Relationship {
  kind: RelationshipKind;
  params: Record<string, string>;
}

/** The roles a school-wide rule can name (the nurse has no school-wide rights in Elevlos). */
export type SchoolRole = Exclude<StaffRole, 'nurse'>;

/** A feature's rule for an action on one kind of resource. */
export type Rule<K extends ResourceType> = (actor: Actor, action: string, resource: Resources[K], today: string) => Decision;

/**
 * A feature's rules, by resource type, then action. Students and the school take lists (the
 * relationships or roles that allow, in order of preference for the stated reason); every other kind
 * of resource takes a function, so a rule can look at the resource (the conversation's kind, the class).
 */
export type Policy = {
  student?: Readonly<Record<string, readonly RelationshipKind[]>>;
  school?: Readonly<Record<string, readonly SchoolRole[]>>;
} & { [K in Exclude<ResourceType, 'student' | 'school' | 'record'>]?: Readonly<Record<string, Rule<K>>> };

/** The action names a policy defines: `interface Actions extends ActionsOf<typeof policy> {}`. */
export type ActionsOf<P> = Record<{ [K in keyof P]: Extract<keyof P[K], string> }[keyof P], true>;

export const STAFF_KINDS: readonly RelationshipKind[] = ['contactTeacher', 'subjectTeacher', 'departmentHead', 'counsellor', 'principal', 'schoolAdmin'];
export const GUARDIAN_INSIGHT: readonly RelationshipKind[] = ['guardianWithParentalResponsibility', 'guardianByConsent', 'guardianByInformationDecision'];

/** Who may read a student at all; every other student action is decided only for them. */
const STUDENT_READERS: readonly RelationshipKind[] = ['self', 'contactTeacher', 'departmentHead', 'principal', 'counsellor', 'subjectTeacher', 'schoolAdmin', ...GUARDIAN_INSIGHT];

/** Visibility tiers narrow who of the staff may read a record. The author always may. */
const VISIBILITY_RULES: Record<Visibility, RelationshipKind[]> = {
  staff: ['contactTeacher', 'departmentHead', 'principal', 'counsellor', 'subjectTeacher'],
  contactTeacherAndLeaders: ['contactTeacher', 'departmentHead', 'principal'],
  counsellorOnly: ['counsellor'],
  authorOnly: [],
};

const studentRules = new Map<string, readonly RelationshipKind[]>([['student.read', STUDENT_READERS]]);
const schoolRules = new Map<string, readonly SchoolRole[]>();
const otherRules = new Map<string, Map<string, Rule<never>>>();
/** The record kind's actions are core's own (decideForRecord). */
const CORE_RECORD_ACTIONS = ['record.read', 'record.edit'];

/** Adds a feature's rules; an action defined twice for the same kind of resource is a programming error. */
export function registerPolicy(policy: Policy): void {
  for (const [type, byAction] of Object.entries(policy) as [string, Record<string, unknown>][]) {
    for (const [action, rule] of Object.entries(byAction)) {
      if (hasRule(type, action)) throw new Error(`policy: the ${type} action ${action} is defined twice`);
      if (type === 'student') studentRules.set(action, rule as readonly RelationshipKind[]);
      else if (type === 'school') schoolRules.set(action, rule as readonly SchoolRole[]);
      else {
        if (!otherRules.has(type)) otherRules.set(type, new Map());
        otherRules.get(type)!.set(action, rule as Rule<never>);
      }
    }
  }
}

/** Whether some rule decides `action` on a resource of `type` (checked for every route at start-up). */
export function hasRule(type: string, action: string): boolean {
  if (type === 'student') return studentRules.has(action);
  if (type === 'school') return schoolRules.has(action);
  if (type === 'record') return CORE_RECORD_ACTIONS.includes(action);
  return otherRules.get(type)?.has(action) ?? false;
}

/** Every action with the kinds of resource it is decided on (for the generated access rules). */
export function registeredActions(): { type: string; action: string }[] {
  return [
    ...[...studentRules.keys()].map((action) => ({ type: 'student', action })),
    ...CORE_RECORD_ACTIONS.map((action) => ({ type: 'record', action })),
    ...[...otherRules].flatMap(([type, m]) => [...m.keys()].map((action) => ({ type, action }))),
    ...[...schoolRules.keys()].map((action) => ({ type: 'school', action })),
  ];
}

export function staffAt(actor: Actor, schoolId: string) {
  return actor.staff.find((s) => s.schoolId === schoolId);
}

/** Every relationship the actor has to the student, today. */
export function relationshipsTo(actor: Actor, s: StudentFacts, today: string): Relationship[] {
  if (actor.ownerId !== s.ownerId) return [];
  const out: Relationship[] = [];
  if (actor.studentIds.includes(s.studentId)) out.push({ kind: 'self', params: {} });

  const studentGroups = new Set(s.basisGroups.map((g) => g.id));
  for (const g of actor.contactTeacherOf) {
    if (studentGroups.has(g.id)) out.push({ kind: 'contactTeacher', params: { group: g.name } });
  }
  const teaching = new Map(s.teachingGroups.map((g) => [g.id, g]));
  for (const g of actor.subjectTeacherOf) {
    if (teaching.has(g.id)) out.push({ kind: 'subjectTeacher', params: { subject: g.subjectCode, group: g.name } });
  }
  const staff = staffAt(actor, s.schoolId);
  for (const r of staff?.roles ?? []) {
    if (r.role === 'departmentHead' && r.departmentId && r.departmentId === s.departmentId) {
      out.push({ kind: 'departmentHead', params: { department: r.departmentName ?? '' } });
    }
    if (r.role === 'principal' || r.role === 'counsellor' || r.role === 'schoolAdmin') {
      out.push({ kind: r.role, params: { school: staff!.schoolName } });
    }
  }

  const guardian = guardianInsight(s, actor.personId, today);
  if (guardian.insight) out.push({ kind: guardian.reason.code as RelationshipKind, params: {} });
  return out;
}

/** A guardian without insight is told why (no parental responsibility, adult without consent). */
function guardianDenial(actor: Actor, s: StudentFacts, today: string): Reason | null {
  const guardian = guardianInsight(s, actor.personId, today);
  return !guardian.insight && guardian.reason.code !== 'noRelationship' ? guardian.reason : null;
}

/** The first of `allowed` (in its order) that the actor has. */
export function pick(rels: Relationship[], allowed: readonly RelationshipKind[]): Relationship | undefined {
  for (const kind of allowed) {
    const r = rels.find((x) => x.kind === kind);
    if (r) return r;
  }
  return undefined;
}

export const deny = (code: Reason['code'], params: Record<string, string> = {}, hide = false): Decision => ({ allow: false, reason: { code, params }, hide });
export const allow = (r: { kind: RelationshipKind; params: Record<string, string> }): Decision => ({ allow: true, reason: { code: r.kind, params: r.params } });

/**
 * A student action: nothing at all for someone who may not read the student (hidden, as if the
 * student did not exist), else the first relationship the action's rule allows.
 */
export function decideForStudent(actor: Actor, action: string, s: StudentFacts, today: string): Decision {
  const rels = relationshipsTo(actor, s, today);
  const readable = pick(rels, STUDENT_READERS);
  if (!readable) {
    const reason = guardianDenial(actor, s, today) ?? { code: actor.ownerId === s.ownerId ? 'noRelationship' : 'otherOwner', params: {} };
    return { allow: false, reason: reason as Reason, hide: true };
  }
  const allowed = studentRules.get(action);
  const r = allowed ? pick(rels, allowed) : undefined;
  if (!r) return { allow: false, reason: { code: 'roleNotAllowed', params: { what: action } }, hide: false };
  return { allow: true, reason: { code: r.kind, params: r.params } };
}

function decideForRecord(actor: Actor, action: string, res: Resources['record'], today: string): Decision {
  const base = decideForStudent(actor, 'student.read', res.student, today);
  if (!base.allow) return base;
  if (actor.personId === res.authorPersonId) return { allow: true, reason: { code: 'author', params: {} } };
  if (action === 'record.edit') return { allow: false, reason: { code: 'roleNotAllowed', params: { what: action } }, hide: false };
  const rels = relationshipsTo(actor, res.student, today);
  if (res.sharedWithFamily) {
    const family = pick(rels, ['self', ...GUARDIAN_INSIGHT]);
    if (family) return { allow: true, reason: { code: family.kind, params: family.params } };
  }
  const r = pick(rels, VISIBILITY_RULES[res.visibility]);
  if (!r) return { allow: false, reason: { code: 'visibilityTier', params: {} }, hide: false };
  return { allow: true, reason: { code: r.kind, params: r.params } };
}

/**
 * The staff of a class: its contact teacher, the department head of its department, the principal and
 * the counsellors — in that order of the stated reason. Anyone else is told nothing (hidden).
 */
export function decideForGroup(actor: Actor, g: BasisGroupFacts): Decision {
  if (actor.ownerId !== g.ownerId) return { allow: false, reason: { code: 'otherOwner', params: {} }, hide: true };
  if (actor.contactTeacherOf.some((c) => c.id === g.basisGroupId)) {
    return { allow: true, reason: { code: 'contactTeacher', params: { group: g.name } } };
  }
  const staff = staffAt(actor, g.schoolId);
  for (const r of staff?.roles ?? []) {
    if (r.role === 'departmentHead' && r.departmentId && r.departmentId === g.departmentId) {
      return { allow: true, reason: { code: 'departmentHead', params: { department: r.departmentName ?? '' } } };
    }
  }
  for (const role of ['principal', 'counsellor'] as const) {
    if (staff?.roles.some((r) => r.role === role)) return { allow: true, reason: { code: role, params: { school: staff.schoolName } } };
  }
  return { allow: false, reason: { code: 'noRelationship', params: {} }, hide: true };
}

/** A class's staff (decideForGroup) but not the counsellor: the class's own business, not student services. */
export function decideForGroupNotCounsellor(actor: Actor, action: string, g: BasisGroupFacts): Decision {
  const d = decideForGroup(actor, g);
  return d.allow && d.reason.code === 'counsellor' ? deny('roleNotAllowed', { what: action }) : d;
}

/** Only the class's own contact teacher; the class's other staff are refused, everyone else told nothing. */
export function decideForOwnContactTeacher(actor: Actor, action: string, g: BasisGroupFacts): Decision {
  return actor.contactTeacherOf.some((c) => c.id === g.basisGroupId)
    ? { allow: true, reason: { code: 'contactTeacher', params: { group: g.name } } }
    : deny('roleNotAllowed', { what: action }, decideForGroup(actor, g).allow === false);
}

/** A teaching group's student list: its subject teachers, and the school's principal and counsellors. */
export function decideForTeachingGroup(actor: Actor, g: TeachingGroupFacts): Decision {
  if (actor.ownerId !== g.ownerId) return { allow: false, reason: { code: 'otherOwner', params: {} }, hide: true };
  if (actor.subjectTeacherOf.some((t) => t.id === g.teachingGroupId)) {
    return { allow: true, reason: { code: 'subjectTeacher', params: { subject: g.subjectCode, group: g.name } } };
  }
  const staff = staffAt(actor, g.schoolId);
  for (const role of ['principal', 'counsellor'] as const) {
    if (staff?.roles.some((r) => r.role === role)) return { allow: true, reason: { code: role, params: { school: staff.schoolName } } };
  }
  return { allow: false, reason: { code: 'noRelationship', params: {} }, hide: true };
}

/** The group's own subject teacher is allowed as such; null for anyone else. */
export function asOwnSubjectTeacher(actor: Actor, g: TeachingGroupFacts): Decision | null {
  return actor.subjectTeacherOf.some((t) => t.id === g.teachingGroupId)
    ? { allow: true, reason: { code: 'subjectTeacher', params: { subject: g.subjectCode, group: g.name } } }
    : null;
}

/**
 * Only the group's own subject teachers; `alsoReads` lets the group's other readers (decideForTeachingGroup)
 * through with their own reason — e.g. the principal reading a group's absence.
 */
export function decideForOwnSubjectTeacher(actor: Actor, action: string, g: TeachingGroupFacts, alsoReads: readonly ('principal' | 'counsellor')[] = []): Decision {
  const own = asOwnSubjectTeacher(actor, g);
  if (own) return own;
  const d = decideForTeachingGroup(actor, g);
  if (d.allow && (alsoReads as readonly string[]).includes(d.reason.code)) return d;
  return deny('roleNotAllowed', { what: action }, d.allow === false);
}

function decideForSchool(actor: Actor, action: string, school: SchoolResource): Decision {
  if (actor.ownerId !== school.ownerId) return { allow: false, reason: { code: 'otherOwner', params: {} }, hide: true };
  const staff = staffAt(actor, school.schoolId);
  const roles = schoolRules.get(action) ?? [];
  for (const role of roles) {
    const r = staff?.roles.find((x) => x.role === role);
    if (!r) continue;
    // a department head's school-wide view is narrowed to the department by the route
    if (role === 'departmentHead') return { allow: true, reason: { code: 'departmentHead', params: { department: r.departmentName ?? '' } } };
    if (role === 'teacher') return { allow: true, reason: { code: 'staffMember', params: { school: school.schoolName } } };
    return { allow: true, reason: { code: role as RelationshipKind, params: { school: school.schoolName } } };
  }
  return { allow: false, reason: { code: 'roleNotAllowed', params: { what: action } }, hide: false };
}

export function can(actor: Actor, action: Action, resource: Resource, today: string): Decision {
  switch (resource.type) {
    case 'student':
      return decideForStudent(actor, action, resource.student, today);
    case 'record':
      return decideForRecord(actor, action, resource, today);
    case 'school':
      return decideForSchool(actor, action, resource);
    default: {
      const rule = otherRules.get(resource.type)?.get(action) as Rule<ResourceType> | undefined;
      return rule ? rule(actor, action, resource as never, today) : deny('roleNotAllowed', { what: action });
    }
  }
}

/** The staff relationships, for "who of the staff may see this" checks elsewhere. */
export function isStaffRelationship(kind: RelationshipKind): boolean {
  return STAFF_KINDS.includes(kind);
}
