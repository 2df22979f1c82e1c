/**
 * The one policy module: every read and write of student data asks `can(actor, action, resource)`
 * and gets allow/deny WITH the reason taken from the relationship (model.md "What access hangs on").
 */
import type { Visibility } from '../db/schema.js';
import { guardianInsight } from './guardianInsight.js';
import type { Action, Actor, BasisGroupFacts, Decision, Reason, RelationshipKind, Resource, StudentFacts, TeachingGroupFacts } from './types.js';

export interface Relationship {
  kind: RelationshipKind;
  params: Record<string, string>;
}

const STAFF_KINDS: RelationshipKind[] = ['contactTeacher', 'subjectTeacher', 'departmentHead', 'counsellor', 'principal', 'schoolAdmin'];
const GUARDIAN_INSIGHT: RelationshipKind[] = ['guardianWithParentalResponsibility', 'guardianByConsent', 'guardianByInformationDecision'];

/** Which relationships to a student allow which action. Order = preference for the stated reason. */
const STUDENT_RULES: Record<Exclude<Action, 'record.read' | 'record.edit' | 'basisGroup.readOverview' | 'teachingGroup.readStudents' | 'audit.search'>, RelationshipKind[]> = {
  'student.read': ['self', 'contactTeacher', 'departmentHead', 'principal', 'counsellor', 'subjectTeacher', 'schoolAdmin', ...GUARDIAN_INSIGHT],
  // accommodation needs, minority language, special education: the student's teachers and leaders
  'student.readSensitive': ['self', 'contactTeacher', 'departmentHead', 'principal', 'counsellor', 'subjectTeacher'],
  // guardians' contact details: those who contact the home (R-03); protected addresses are narrowed further
  'guardian.readContact': ['contactTeacher', 'departmentHead', 'principal', 'counsellor', 'schoolAdmin'],
  'contactLog.read': ['contactTeacher', 'departmentHead', 'principal', 'counsellor'],
  'contactLog.write': ['contactTeacher', 'departmentHead', 'principal', 'counsellor'],
  'consent.read': ['self', 'contactTeacher', 'departmentHead', 'principal', 'counsellor'],
  'consent.manage': ['self'],
  'accessLog.read': ['self', 'guardianWithParentalResponsibility', 'guardianByConsent'],
  'informationDecision.write': ['principal', 'departmentHead'],
};

/** Visibility tiers narrow who of the staff may read a record. The author always may. */
const VISIBILITY_RULES: Record<Visibility, RelationshipKind[]> = {
  staff: ['contactTeacher', 'departmentHead', 'principal', 'counsellor', 'subjectTeacher'],
  contactTeacherAndLeaders: ['contactTeacher', 'departmentHead', 'principal'],
  counsellorOnly: ['counsellor'],
  authorOnly: [],
};

function staffAt(actor: Actor, schoolId: string) {
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

function pick(rels: Relationship[], allowed: RelationshipKind[]): Relationship | undefined {
  for (const kind of allowed) {
    const r = rels.find((x) => x.kind === kind);
    if (r) return r;
  }
  return undefined;
}

function decideForStudent(actor: Actor, action: Action, s: StudentFacts, today: string): Decision {
  const rels = relationshipsTo(actor, s, today);
  const readable = pick(rels, STUDENT_RULES['student.read']);
  if (!readable) {
    const reason = guardianDenial(actor, s, today) ?? { code: actor.ownerId === s.ownerId ? 'noRelationship' : 'otherOwner', params: {} };
    return { allow: false, reason: reason as Reason, hide: true };
  }
  const allowed = STUDENT_RULES[action as keyof typeof STUDENT_RULES];
  const r = allowed ? pick(rels, allowed) : undefined;
  if (!r) return { allow: false, reason: { code: 'roleNotAllowed', params: { what: action } }, hide: false };
  return { allow: true, reason: { code: r.kind, params: r.params } };
}

function decideForRecord(actor: Actor, action: Action, res: Extract<Resource, { type: 'record' }>, today: string): Decision {
  const base = decideForStudent(actor, 'student.read', res.student, today);
  if (!base.allow) return base;
  if (actor.personId === res.authorPersonId) return { allow: true, reason: { code: 'author', params: {} } };
  if (action === 'record.edit') return { allow: false, reason: { code: 'roleNotAllowed', params: { what: action } }, hide: false };
  const r = pick(relationshipsTo(actor, res.student, today), VISIBILITY_RULES[res.visibility]);
  if (!r) return { allow: false, reason: { code: 'visibilityTier', params: {} }, hide: false };
  return { allow: true, reason: { code: r.kind, params: r.params } };
}

function decideForGroup(actor: Actor, g: BasisGroupFacts): Decision {
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

/** A teaching group's student list: its subject teachers, and the school's principal and counsellors. */
function decideForTeachingGroup(actor: Actor, g: TeachingGroupFacts): Decision {
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

function decideForSchool(actor: Actor, action: Action, school: Extract<Resource, { type: 'school' }>): Decision {
  if (actor.ownerId !== school.ownerId) return { allow: false, reason: { code: 'otherOwner', params: {} }, hide: true };
  const staff = staffAt(actor, school.schoolId);
  if (action === 'audit.search') {
    for (const role of ['principal', 'schoolAdmin'] as const) {
      if (staff?.roles.some((r) => r.role === role)) return { allow: true, reason: { code: role, params: { school: school.schoolName } } };
    }
    const head = staff?.roles.find((r) => r.role === 'departmentHead');
    if (head) return { allow: true, reason: { code: 'departmentHead', params: { department: head.departmentName ?? '' } } };
  }
  return { allow: false, reason: { code: 'roleNotAllowed', params: { what: action } }, hide: false };
}

export function can(actor: Actor, action: Action, resource: Resource, today: string): Decision {
  switch (resource.type) {
    case 'student':
      return decideForStudent(actor, action, resource.student, today);
    case 'record':
      return decideForRecord(actor, action, resource, today);
    case 'basisGroup':
      return action === 'basisGroup.readOverview'
        ? decideForGroup(actor, resource.group)
        : { allow: false, reason: { code: 'roleNotAllowed', params: { what: action } }, hide: false };
    case 'teachingGroup':
      return action === 'teachingGroup.readStudents'
        ? decideForTeachingGroup(actor, resource.group)
        : { allow: false, reason: { code: 'roleNotAllowed', params: { what: action } }, hide: false };
    case 'school':
      return decideForSchool(actor, action, resource);
  }
}

/** The staff relationships, for "who of the staff may see this" checks elsewhere. */
export function isStaffRelationship(kind: RelationshipKind): boolean {
  return STAFF_KINDS.includes(kind);
}
