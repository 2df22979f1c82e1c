/**
 * The one policy module: every read and write of student data asks `can(actor, action, resource)`
 * and gets allow/deny WITH the reason taken from the relationship (model.md "What access hangs on").
 */
import type { StaffRole, Visibility } from '../db/schema.js';
import { guardianInsight } from './guardianInsight.js';
import type { Action, Actor, BasisGroupFacts, ConflictFacts, ConversationFacts, DisciplinaryCaseFacts, Decision, Reason, RelationshipKind, Resource, StudentFacts, TeachingGroupFacts } from './types.js';

export interface Relationship {
  kind: RelationshipKind;
  params: Record<string, string>;
}

const STAFF_KINDS: RelationshipKind[] = ['contactTeacher', 'subjectTeacher', 'departmentHead', 'counsellor', 'principal', 'schoolAdmin'];
const GUARDIAN_INSIGHT: RelationshipKind[] = ['guardianWithParentalResponsibility', 'guardianByConsent', 'guardianByInformationDecision'];

/** Which relationships to a student allow which action. Order = preference for the stated reason. */
const STUDENT_RULES: Partial<Record<Action, RelationshipKind[]>> = {
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
  // R-15/L-02: the contact teacher offers the guardian conference and records that guardians were told of the right
  'guardianConference.offer': ['contactTeacher', 'departmentHead', 'principal'],
  // the student or a guardian with insight books; the contact teacher may book for a family that phoned
  'booking.book': ['self', ...GUARDIAN_INSIGHT, 'contactTeacher'],
  'booking.read': ['self', ...GUARDIAN_INSIGHT, 'contactTeacher', 'departmentHead', 'principal', 'counsellor'],
  // only the contact teacher delegates a student conversation (upper secondary; the route checks the stage)
  'conversation.delegate': ['contactTeacher'],
  // the gate before the finer conversation decision (kind, teaching group) in decideForConversation
  'conversation.plan': ['contactTeacher', 'subjectTeacher', 'counsellor', 'departmentHead', 'principal'],
  // the list is filtered per conversation; guardians see the guardian conference and what was shared
  'conversation.list': ['self', 'contactTeacher', 'departmentHead', 'principal', 'counsellor', 'subjectTeacher', ...GUARDIAN_INSIGHT],
  // absence: a subject teacher's answer is narrowed to their own subject by the route; guardians
  // of under-18s are told of absence (L-03), guardians of adults only with consent (guardianInsight)
  'absence.read': ['self', 'contactTeacher', 'departmentHead', 'principal', 'subjectTeacher', ...GUARDIAN_INSIGHT],
  // R-20: full days are the contact teacher's; reasons and documentation also the leaders'
  'absence.registerDay': ['contactTeacher'],
  'absence.document': ['contactTeacher', 'departmentHead', 'principal'],
  // L-12: the student's own declaration; for a student under 18, a parent with parental responsibility may make it
  'absence.selfCertify': ['self', 'guardianWithParentalResponsibility'],
  'absence.recordHigherRisk': ['contactTeacher', 'departmentHead', 'principal'],
  // L-13: the principal personally
  'absence.decideLimit': ['principal'],
  // L-14: the diploma's figures; the student asks to leave days out, the contact teacher records a request made in person
  'absence.readDiploma': ['self', 'contactTeacher', 'departmentHead', 'principal', ...GUARDIAN_INSIGHT],
  'absence.requestDiploma': ['self', 'contactTeacher'],
  // L-22: set conduct grades reach the student and guardians with insight; the inputs behind them stay with the staff
  'conduct.read': ['self', 'contactTeacher', 'departmentHead', 'principal', ...GUARDIAN_INSIGHT],
  // the list is filtered per case (disciplinaryCase.read); any teacher of the student may report an incident
  'disciplinaryCase.list': ['self', 'contactTeacher', 'departmentHead', 'principal', 'counsellor', 'subjectTeacher', ...GUARDIAN_INSIGHT],
  'disciplinaryCase.open': ['contactTeacher', 'subjectTeacher', 'departmentHead', 'principal'],
  // R-22/L-20: a subject teacher raises for their own subject (the route checks the subject), any teacher of
  // the student proposes a conduct warning; the contact teacher coordinates; the principal alone decides L-21
  'warning.raise': ['subjectTeacher', 'contactTeacher'],
  // the route narrows: a subject teacher sees their own subject's, the student only sent ones, a guardian only letters addressed to them
  'warning.read': ['contactTeacher', 'departmentHead', 'principal', 'subjectTeacher', 'self', ...GUARDIAN_INSIGHT],
  'warning.coordinate': ['contactTeacher'],
  'warning.decide': ['principal'],
  'warning.recordAppeal': ['principal'],
  // the feedback is written to the student; a subject teacher's answer is narrowed to their own groups by the
  // route; not the counsellor (an assessment, not student services); guardians of adults only with consent
  'formativeAssessment.read': ['self', 'contactTeacher', 'departmentHead', 'principal', 'subjectTeacher', ...GUARDIAN_INSIGHT],
  // who may see a student's name and part in a conflict between students (internal: never the family)
  'conflict.readStudentPart': ['contactTeacher', 'departmentHead', 'principal', 'counsellor'],
  // R-30…R-33: a student's routine tasks (done, overdue) — the contact teacher and the leaders, not the counsellor
  'student.readRoutineTasks': ['contactTeacher', 'departmentHead', 'principal'],
  // a student's accommodation needs — only the student's current teachers and the leaders (never guardians,
  // never other teachers); the department head and the counsellor register them; each subject teacher confirms
  'accommodationNeed.read': ['contactTeacher', 'subjectTeacher', 'departmentHead', 'principal', 'counsellor'],
  'accommodationNeed.manage': ['departmentHead', 'counsellor'],
  'accommodationNeed.confirm': ['subjectTeacher'],
  // the student's own forms (outstanding or not); guardians with insight too — they often fill them in
  'form.read': ['self', 'contactTeacher', 'departmentHead', 'principal', 'counsellor', 'schoolAdmin', ...GUARDIAN_INSIGHT],
  // the information from the class's parent meetings
  'parentMeeting.read': ['self', ...GUARDIAN_INSIGHT, 'contactTeacher', 'departmentHead', 'principal', 'counsellor'],
  // a student's combined assessment plan is made known to everyone affected: the student, their teachers,
  // the leaders and guardians with insight (an adult student's guardians only with consent)
  'assessmentPlan.read': ['self', 'contactTeacher', 'subjectTeacher', 'departmentHead', 'principal', 'counsellor', ...GUARDIAN_INSIGHT],
};

/** Who of the staff may read a student's conversations (not their notes: those follow the note's tier). */
const CONVERSATION_READERS: RelationshipKind[] = ['contactTeacher', 'departmentHead', 'principal', 'counsellor'];
/** Kinds a guardian with insight takes part in; other kinds reach guardians only as shared notes and follow-ups. */
const FAMILY_KINDS = new Set(['guardian']);

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
  const readable = pick(rels, STUDENT_RULES['student.read']!);
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
  const rels = relationshipsTo(actor, res.student, today);
  if (res.sharedWithFamily) {
    const family = pick(rels, ['self', ...GUARDIAN_INSIGHT]);
    if (family) return { allow: true, reason: { code: family.kind, params: family.params } };
  }
  const r = pick(rels, VISIBILITY_RULES[res.visibility]);
  if (!r) return { allow: false, reason: { code: 'visibilityTier', params: {} }, hide: false };
  return { allow: true, reason: { code: r.kind, params: r.params } };
}

const deny = (code: Reason['code'], params: Record<string, string> = {}, hide = false): Decision => ({ allow: false, reason: { code, params }, hide });
const allow = (r: { kind: RelationshipKind; params: Record<string, string> }): Decision => ({ allow: true, reason: { code: r.kind, params: r.params } });

/**
 * Conversations: the holder and the contact teacher hold them; a subject
 * teacher sees only the subject conversations of their own groups and what was delegated to them;
 * leaders read; the student prepares their own; guardians see the guardian conference.
 * `conversation.plan` is asked with facts of the conversation to be created.
 */
function decideForConversation(actor: Actor, action: Action, c: ConversationFacts, today: string): Decision {
  const base = decideForStudent(actor, 'student.read', c.student, today);
  if (!base.allow) return base;
  const rels = relationshipsTo(actor, c.student, today);
  const subjectTeacher = c.kind === 'subject'
    ? rels.find((r) => r.kind === 'subjectTeacher' && actor.subjectTeacherOf.some((g) => g.id === c.teachingGroupId && g.name === r.params.group))
    : undefined;
  const holder = c.conversationId !== '' && actor.personId === c.holderPersonId
    ? (c.delegated ? { kind: 'delegatedHolder' as const, params: {} } : subjectTeacher ?? pick(rels, ['contactTeacher', 'counsellor', 'departmentHead', 'principal']))
    : undefined;
  const contactTeacher = pick(rels, ['contactTeacher']);
  const what = { what: action };

  switch (action) {
    case 'conversation.plan':
      if (c.kind === 'subject') return subjectTeacher ? allow(subjectTeacher) : deny('roleNotAllowed', what);
      if (c.kind === 'adHoc') {
        const r = pick(rels, ['contactTeacher', 'counsellor', 'departmentHead', 'principal']);
        return r ? allow(r) : deny('roleNotAllowed', what);
      }
      return contactTeacher ? allow(contactTeacher) : deny('roleNotAllowed', what);
    case 'conversation.read': {
      if (holder) return allow(holder);
      if (subjectTeacher) return allow(subjectTeacher);
      const r = pick(rels, ['self', ...CONVERSATION_READERS]);
      if (r) return allow(r);
      const family = FAMILY_KINDS.has(c.kind) ? pick(rels, GUARDIAN_INSIGHT) : undefined;
      return family ? allow(family) : deny('roleNotAllowed', what);
    }
    case 'conversation.hold': {
      if (holder) return allow(holder);
      if (subjectTeacher) return allow(subjectTeacher);
      // the contact teacher may take back a delegated conversation, but never holds a subject teacher's
      return c.kind !== 'subject' && contactTeacher ? allow(contactTeacher) : deny('roleNotAllowed', what);
    }
    case 'conversation.prepare': {
      const self = pick(rels, ['self']);
      return self && !c.held ? allow(self) : deny('roleNotAllowed', what);
    }
    case 'conversation.readPreparation': {
      const r = holder ?? subjectTeacher ?? pick(rels, c.kind === 'subject' ? ['self'] : ['self', 'contactTeacher']);
      return r ? allow(r) : deny('roleNotAllowed', what);
    }
    default:
      return deny('roleNotAllowed', what);
  }
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

/** A class's absence: its contact teacher, the department head and the principal; not the counsellor. */
function decideForGroupAbsence(actor: Actor, g: BasisGroupFacts): Decision {
  const d = decideForGroup(actor, g);
  if (d.allow && d.reason.code === 'counsellor') return { allow: false, reason: { code: 'roleNotAllowed', params: { what: 'basisGroup.readAbsence' } }, hide: false };
  return d;
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

/**
 * Class life: the class's own contact teacher runs the class hour, the checklist,
 * the class rules, the election and the duty rota; the class's current students read the agenda, the
 * rules, the election and the rota and take part (propose rules, stand, vote); the department head and
 * the principal read. Not the counsellor: it is the class's own business, not student services.
 */
function decideForClassLife(actor: Actor, action: Action, g: BasisGroupFacts): Decision {
  const own = actor.contactTeacherOf.some((c) => c.id === g.basisGroupId);
  const member = actor.ownerId === g.ownerId && actor.studentIds.some((id) => g.memberStudentIds?.includes(id));
  const base = decideForGroup(actor, g);
  const related = own || member || base.allow;
  const asContactTeacher = { kind: 'contactTeacher' as const, params: { group: g.name } };
  const asMember = { kind: 'classMember' as const, params: { group: g.name } };
  switch (action) {
    case 'basisGroup.manageClassLife':
      return own ? allow(asContactTeacher) : deny('roleNotAllowed', { what: action }, !related);
    case 'basisGroup.takePartInClassLife':
      return member ? allow(asMember) : deny('roleNotAllowed', { what: action }, !related);
    case 'basisGroup.readClassLife':
      if (own) return allow(asContactTeacher);
      if (member) return allow(asMember);
      return base.allow && base.reason.code !== 'counsellor' ? base : deny('roleNotAllowed', { what: action }, !related);
    default:
      return deny('roleNotAllowed', { what: action });
  }
}

/** School-wide actions and the staff roles that may take them, in order of the stated reason. */
const SCHOOL_RULES: Partial<Record<Action, StaffRole[]>> = {
  'audit.search': ['principal', 'schoolAdmin', 'departmentHead'],
  'conversationPlan.manage': ['principal', 'schoolAdmin'],
  'conversationPlan.readCompliance': ['principal', 'departmentHead'],
  'conversationTemplate.manage': ['principal', 'schoolAdmin', 'departmentHead'],
  'conversationTemplate.read': ['principal', 'schoolAdmin', 'departmentHead', 'counsellor', 'teacher'],
  'timetable.manage': ['principal', 'schoolAdmin'],
  'emergingAbsenceRule.manage': ['principal', 'schoolAdmin'],
  // the school's disciplinary cases (a department head's narrowed to the department by the route)
  'discipline.readSchool': ['principal', 'departmentHead', 'counsellor'],
  // R-22: the school's warnings (a department head's narrowed to the department) and the terms' assessment dates
  'warning.readSchool': ['principal', 'departmentHead'],
  'warning.manageAssessmentDates': ['principal', 'schoolAdmin'],
  // the calendar and the timetable: every staff member of the school
  'schoolCalendar.read': ['principal', 'schoolAdmin', 'departmentHead', 'counsellor', 'teacher'],
  // any teacher may look for conflicts they can see and start one; the conflict itself decides per student
  'conflict.list': ['principal', 'departmentHead', 'counsellor', 'teacher'],
  'conflict.record': ['principal', 'departmentHead', 'counsellor', 'teacher'],
  // R-30…R-33: every staff member reads the school's annual cycle; the principal and the school admin edit it;
  // staff tick their own hand-ticked tasks (the route checks the task is theirs); leaders read compliance
  // (a department head's narrowed to the department by the route)
  'annualCycle.read': ['principal', 'schoolAdmin', 'departmentHead', 'counsellor', 'teacher'],
  'annualCycle.manage': ['principal', 'schoolAdmin'],
  'annualCycle.tick': ['principal', 'departmentHead', 'counsellor', 'teacher'],
  'annualCycle.readCompliance': ['principal', 'departmentHead'],
  // the school defines the forms it tracks
  'form.manage': ['principal', 'schoolAdmin', 'departmentHead'],
  // R-42: events for a level or the whole school are the leaders'; the conflict rules are the school's (principal, admin),
  // readable by every staff member who plans
  'assessmentPlan.planSchoolEvent': ['principal', 'departmentHead'],
  'assessmentPlan.readRules': ['principal', 'schoolAdmin', 'departmentHead', 'counsellor', 'teacher'],
  'assessmentPlanRule.manage': ['principal', 'schoolAdmin'],
} satisfies Partial<Record<Action, Exclude<StaffRole, 'nurse'>[]>>;

function decideForSchool(actor: Actor, action: Action, school: Extract<Resource, { type: 'school' }>): Decision {
  if (actor.ownerId !== school.ownerId) return { allow: false, reason: { code: 'otherOwner', params: {} }, hide: true };
  const staff = staffAt(actor, school.schoolId);
  const roles = SCHOOL_RULES[action] ?? [];
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

/**
 * Conduct grades (L-22): the class's contact teacher sets them (§ 9-14), the principal records the review
 * before final grades (§ 9-17); the contact teacher and the leaders read them, not the counsellor (an
 * assessment, not student services). Null: not a conduct action.
 */
function decideForGroupConduct(actor: Actor, action: Action, g: BasisGroupFacts): Decision | null {
  const own = actor.contactTeacherOf.some((c) => c.id === g.basisGroupId);
  const base = decideForGroup(actor, g);
  switch (action) {
    case 'basisGroup.readConduct':
    case 'basisGroup.readGradePreparation':
      return base.allow && base.reason.code === 'counsellor' ? deny('roleNotAllowed', { what: action }) : base;
    case 'basisGroup.setConduct':
      return own ? allow({ kind: 'contactTeacher', params: { group: g.name } }) : deny('roleNotAllowed', { what: action }, !base.allow);
    case 'basisGroup.reviewConduct':
      return base.allow && base.reason.code === 'principal' ? base : deny('roleNotAllowed', { what: action }, !base.allow);
    case 'basisGroup.readDiscipline':
      return base;
    default:
      return null;
  }
}

/**
 * Disciplinary cases (R-23, L-31, L-32). Staff: the contact teacher, the leaders, and the counsellor —
 * who reads but does not decide, because student services follow up what lies behind the breaches
 * (law § 12-4); a teacher sees the case they reported. Only the principal decides suspension and informs
 * the parents of a physical intervention; a subject teacher removes a student from their own lesson.
 * The student and guardians with insight may open the case: the route shows them only what was addressed to them.
 */
function decideForDisciplinaryCase(actor: Actor, action: Action, c: DisciplinaryCaseFacts, today: string): Decision {
  const base = decideForStudent(actor, 'student.read', c.student, today);
  if (!base.allow) return base;
  const rels = relationshipsTo(actor, c.student, today);
  const author = actor.personId === c.reportedByPersonId ? { kind: 'author' as const, params: {} } : undefined;
  const pickOr = (kinds: RelationshipKind[], withAuthor: boolean): Decision => {
    const r = pick(rels, kinds) ?? (withAuthor ? author : undefined);
    return r ? allow(r) : deny('roleNotAllowed', { what: action });
  };
  switch (action) {
    case 'disciplinaryCase.read':
      return pickOr(['contactTeacher', 'departmentHead', 'principal', 'counsellor', 'self', ...GUARDIAN_INSIGHT], true);
    case 'disciplinaryCase.update':
      return pickOr(['contactTeacher', 'departmentHead', 'principal'], true);
    case 'disciplinaryCase.removeFromLesson':
      return pickOr(['subjectTeacher'], false);
    case 'disciplinaryCase.reportIntervention':
      return pickOr(['contactTeacher', 'subjectTeacher', 'departmentHead', 'principal', 'counsellor'], false);
    case 'disciplinaryCase.suspend':
    case 'disciplinaryCase.informParents':
      return pickOr(['principal'], false);
    default:
      return deny('roleNotAllowed', { what: action });
  }
}

/**
 * Conflicts between students (R-24), internal to the staff. The principal, the counsellor, the department
 * head of any involved student's department and whoever recorded it see the whole record; the contact
 * teacher of an involved student may open it, and the feature shows them only their own students' parts
 * (conflict.readStudentPart, per student). With no relationship to any involved student the conflict is
 * hidden (404): that there is a conflict is itself sensitive. Leaders are preferred as the stated reason
 * because they see the whole. `conflict.record` is asked with the students about to be named.
 */
const CONFLICT_KINDS: RelationshipKind[] = ['principal', 'counsellor', 'departmentHead', 'contactTeacher'];
function decideForConflict(actor: Actor, action: Action, c: ConflictFacts, today: string): Decision {
  if (action !== 'conflict.read' && action !== 'conflict.update' && action !== 'conflict.record') return deny('roleNotAllowed', { what: action }, true);
  const rels = c.students.flatMap((s) => relationshipsTo(actor, s, today));
  const r = pick(rels, CONFLICT_KINDS);
  if (r) return allow(r);
  if (c.conflictId !== '' && actor.ownerId === c.students[0]?.ownerId && actor.personId === c.recordedByPersonId) return allow({ kind: 'author', params: {} });
  return deny('noRelationship', {}, true);
}

export function can(actor: Actor, action: Action, resource: Resource, today: string): Decision {
  switch (resource.type) {
    case 'student':
      return decideForStudent(actor, action, resource.student, today);
    case 'record':
      return decideForRecord(actor, action, resource, today);
    case 'conversation':
      return decideForConversation(actor, action, resource.conversation, today);
    case 'basisGroup': {
      const conduct = decideForGroupConduct(actor, action, resource.group);
      if (conduct) return conduct;
    }
      if (action === 'basisGroup.readOverview' || action === 'basisGroup.readConversationPlan') return decideForGroup(actor, resource.group);
      // the class's accommodation receipts, form checklist and parent meetings — its contact
      // teacher and the leaders read; only the class's own contact teacher reminds, sets statuses, records meetings
      if (action === 'basisGroup.readAccommodationNeeds' || action === 'basisGroup.readForms' || action === 'basisGroup.readParentMeetings') {
        return decideForGroup(actor, resource.group);
      }
      if (action === 'basisGroup.remindAccommodationNeeds' || action === 'basisGroup.setFormStatus' || action === 'basisGroup.manageParentMeetings') {
        return actor.contactTeacherOf.some((c) => c.id === resource.group.basisGroupId)
          ? { allow: true, reason: { code: 'contactTeacher', params: { group: resource.group.name } } }
          : deny('roleNotAllowed', { what: action }, decideForGroup(actor, resource.group).allow === false);
      }
      // only the class's own contact teacher publishes its booking slots
      if (action === 'basisGroup.manageBooking') {
        return actor.contactTeacherOf.some((c) => c.id === resource.group.basisGroupId)
          ? { allow: true, reason: { code: 'contactTeacher', params: { group: resource.group.name } } }
          : deny('roleNotAllowed', { what: action }, decideForGroup(actor, resource.group).allow === false);
      }
      if (action === 'basisGroup.readAbsence') return decideForGroupAbsence(actor, resource.group);
      // R-30…R-33: a class's routine tasks per student — its contact teacher, the department head, the principal
      if (action === 'basisGroup.readRoutineCompliance') return decideForGroupAbsence(actor, resource.group);
      // the class's combined assessment plan — its contact teacher and the leaders; events for the whole
      // class are planned by its contact teacher, the department head or the principal (not the counsellor)
      if (action === 'basisGroup.readAssessmentPlan') return decideForGroup(actor, resource.group);
      if (action === 'basisGroup.planAssessment') {
        const d = decideForGroup(actor, resource.group);
        return d.allow && d.reason.code === 'counsellor' ? deny('roleNotAllowed', { what: action }) : d;
      }
      // the class's formative-assessment summary — its contact teacher and the leaders, not the counsellor
      if (action === 'basisGroup.readFormativeSummary') {
        const d = decideForGroup(actor, resource.group);
        return d.allow && d.reason.code === 'counsellor' ? deny('roleNotAllowed', { what: action }) : d;
      }
      // class life
      if (action === 'basisGroup.readClassLife' || action === 'basisGroup.manageClassLife' || action === 'basisGroup.takePartInClassLife') {
        return decideForClassLife(actor, action, resource.group);
      }
      // the class's warning queue — its contact teacher coordinates, the department head and principal see it
      if (action === 'basisGroup.readWarnings') return decideForGroupAbsence(actor, resource.group);
      // the weekly check in the class hour is the class's own contact teacher's
      if (action === 'basisGroup.checkAbsence') {
        return actor.contactTeacherOf.some((c) => c.id === resource.group.basisGroupId)
          ? { allow: true, reason: { code: 'contactTeacher', params: { group: resource.group.name } } }
          : deny('roleNotAllowed', { what: action }, decideForGroup(actor, resource.group).allow === false);
      }
      return deny('roleNotAllowed', { what: action });
    case 'conflict':
      return decideForConflict(actor, action, resource.conflict, today);
    case 'disciplinaryCase':
      return decideForDisciplinaryCase(actor, action, resource.disciplinaryCase, today);
    case 'teachingGroup':
      // L-22 § 9-14: each teacher gives conduct input for the students of their own groups
      if (action === 'teachingGroup.writeConduct') {
        return actor.subjectTeacherOf.some((t) => t.id === resource.group.teachingGroupId)
          ? { allow: true, reason: { code: 'subjectTeacher', params: { subject: resource.group.subjectCode, group: resource.group.name } } }
          : deny('roleNotAllowed', { what: action }, decideForTeachingGroup(actor, resource.group).allow === false);
      }
      if (action === 'teachingGroup.readStudents') return decideForTeachingGroup(actor, resource.group);
      // the group's own subject teachers record formative assessments; the principal may read them
      if (action === 'teachingGroup.recordFormativeAssessment' || action === 'teachingGroup.readFormativeAssessments') {
        if (actor.subjectTeacherOf.some((t) => t.id === resource.group.teachingGroupId)) {
          return { allow: true, reason: { code: 'subjectTeacher', params: { subject: resource.group.subjectCode, group: resource.group.name } } };
        }
        const d = decideForTeachingGroup(actor, resource.group);
        if (action === 'teachingGroup.readFormativeAssessments' && d.allow && d.reason.code === 'principal') return d;
        return deny('roleNotAllowed', { what: action }, d.allow === false);
      }
      // R-20: the group's own subject teachers register its lessons' absence; the principal may read it
      if (action === 'teachingGroup.registerAbsence' || action === 'teachingGroup.readAbsence') {
        if (actor.subjectTeacherOf.some((t) => t.id === resource.group.teachingGroupId)) {
          return { allow: true, reason: { code: 'subjectTeacher', params: { subject: resource.group.subjectCode, group: resource.group.name } } };
        }
        const d = decideForTeachingGroup(actor, resource.group);
        if (action === 'teachingGroup.readAbsence' && d.allow && d.reason.code === 'principal') return d;
        return deny('roleNotAllowed', { what: action }, d.allow === false);
      }
      // the group's own subject teachers plan its tests; they, the principal and the counsellors read the plan
      if (action === 'teachingGroup.planAssessment' || action === 'teachingGroup.readAssessmentPlan') {
        if (actor.subjectTeacherOf.some((t) => t.id === resource.group.teachingGroupId)) {
          return { allow: true, reason: { code: 'subjectTeacher', params: { subject: resource.group.subjectCode, group: resource.group.name } } };
        }
        const d = decideForTeachingGroup(actor, resource.group);
        if (action === 'teachingGroup.readAssessmentPlan') return d;
        return deny('roleNotAllowed', { what: action }, d.allow === false);
      }
      if (action === 'teachingGroup.manageBooking') {
        return actor.subjectTeacherOf.some((t) => t.id === resource.group.teachingGroupId)
          ? { allow: true, reason: { code: 'subjectTeacher', params: { subject: resource.group.subjectCode, group: resource.group.name } } }
          : deny('roleNotAllowed', { what: action }, decideForTeachingGroup(actor, resource.group).allow === false);
      }
      return deny('roleNotAllowed', { what: action });
    case 'school':
      return decideForSchool(actor, action, resource);
  }
}

/** The staff relationships, for "who of the staff may see this" checks elsewhere. */
export function isStaffRelationship(kind: RelationshipKind): boolean {
  return STAFF_KINDS.includes(kind);
}
