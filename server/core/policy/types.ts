import type { AddressProtection, ConversationKind, StaffRole, Visibility } from '../db/schema.js';

/** Who is asking: loaded once per request from the session. */
export interface Actor {
  personId: string;
  ownerId: string;
  givenName: string;
  familyName: string;
  locale: 'nb' | 'nn' | 'en';
  staff: StaffMembership[];
  contactTeacherOf: { id: string; name: string; schoolId: string; schoolName: string; departmentId: string | null }[];
  subjectTeacherOf: { id: string; name: string; schoolId: string; subjectCode: string; subjectName: string }[];
  /** student records of this person (one per school attended) */
  studentIds: string[];
  /** students this person is a guardian of, whatever the insight */
  guardianOf: string[];
}

export interface StaffMembership {
  staffMemberId: string;
  schoolId: string;
  schoolName: string;
  roles: { role: StaffRole; departmentId: string | null; departmentName: string | null }[];
}

/** What the policy needs to know about a student; loaded by the route before it decides. */
export interface StudentFacts {
  ownerId: string;
  studentId: string;
  personId: string;
  schoolId: string;
  schoolName: string;
  departmentId: string | null;
  departmentName: string | null;
  birthDate: string | null;
  addressProtection: AddressProtection;
  basisGroups: { id: string; name: string }[];
  teachingGroups: { id: string; name: string; subjectCode: string }[];
  guardianships: { guardianshipId: string; guardianPersonId: string; parentalResponsibility: boolean; informationGranted: boolean }[];
  consentedGuardianIds: string[];
}

export interface BasisGroupFacts {
  ownerId: string;
  basisGroupId: string;
  name: string;
  level: string;
  schoolId: string;
  schoolName: string;
  departmentId: string | null;
  departmentName: string | null;
  /** the class's current students (R-35, R-40, R-41: they take part in the class's own life); loaded with the day */
  memberStudentIds?: string[];
}

export interface TeachingGroupFacts {
  ownerId: string;
  teachingGroupId: string;
  name: string;
  schoolId: string;
  schoolName: string;
  subjectCode: string;
  subjectName: string;
}

/** What the policy needs to know about one conversation: its kind, who holds it, which subject. */
export interface ConversationFacts {
  conversationId: string;
  kind: ConversationKind;
  holderPersonId: string;
  delegated: boolean;
  teachingGroupId: string | null;
  held: boolean;
  student: StudentFacts;
}

/** What the policy needs to know about one disciplinary case. */
export interface DisciplinaryCaseFacts {
  caseId: string;
  reportedByPersonId: string;
  student: StudentFacts;
}

/**
 * What the policy needs to know about one conflict between students: it spans several students,
 * possibly of different classes, so it carries every involved student's facts. `conflictId` is '' when
 * a conflict is about to be recorded with these students.
 */
export interface ConflictFacts {
  conflictId: string;
  recordedByPersonId: string;
  students: StudentFacts[];
}

export type Resource =
  | { type: 'student'; student: StudentFacts }
  /**
   * a record about a student (contact-log entry, conversation note, follow-up) whose visibility tier
   * narrows who of the staff may read it; the student and guardians with insight see it only when it
   * was shared with them on purpose
   */
  | { type: 'record'; student: StudentFacts; visibility: Visibility; authorPersonId: string; sharedWithFamily?: boolean }
  | { type: 'conversation'; conversation: ConversationFacts }
  | { type: 'basisGroup'; group: BasisGroupFacts }
  | { type: 'teachingGroup'; group: TeachingGroupFacts }
  /** a disciplinary case: who reported it narrows who of the teachers may read it */
  | { type: 'disciplinaryCase'; disciplinaryCase: DisciplinaryCaseFacts }
  /** a conflict between students: who may see it hangs on the relationships to each involved student */
  | { type: 'conflict'; conflict: ConflictFacts }
  | { type: 'school'; ownerId: string; schoolId: string; schoolName: string };

export type Action =
  /** the annual cycle (R-30…R-33): routines, their tasks, compliance */
  | 'annualCycle.read'
  | 'annualCycle.manage'
  | 'annualCycle.tick'
  | 'annualCycle.readCompliance'
  | 'basisGroup.readRoutineCompliance'
  | 'student.readRoutineTasks'
  /** accommodation needs, forms, parent meetings */
  | 'accommodationNeed.read'
  | 'accommodationNeed.manage'
  | 'accommodationNeed.confirm'
  | 'basisGroup.readAccommodationNeeds'
  | 'basisGroup.remindAccommodationNeeds'
  | 'form.manage'
  | 'form.read'
  | 'basisGroup.readForms'
  | 'basisGroup.setFormStatus'
  | 'parentMeeting.read'
  | 'basisGroup.readParentMeetings'
  | 'basisGroup.manageParentMeetings'
  /** assessment plan */
  | 'assessmentPlan.read'
  | 'teachingGroup.readAssessmentPlan'
  | 'teachingGroup.planAssessment'
  | 'basisGroup.readAssessmentPlan'
  | 'basisGroup.planAssessment'
  | 'assessmentPlan.planSchoolEvent'
  | 'assessmentPlan.readRules'
  | 'assessmentPlanRule.manage'
  /** class life: class hour, start-of-year checklist, class rules, student representatives, duty rota */
  | 'basisGroup.readClassLife'
  | 'basisGroup.manageClassLife'
  | 'basisGroup.takePartInClassLife'
  /** formative assessment */
  | 'formativeAssessment.read'
  | 'teachingGroup.readFormativeAssessments'
  | 'teachingGroup.recordFormativeAssessment'
  | 'basisGroup.readFormativeSummary'
  /** conflicts between students */
  | 'conflict.list'
  | 'conflict.record'
  | 'conflict.read'
  | 'conflict.update'
  | 'conflict.readStudentPart'
  /** conduct grades (R-25, L-22) */
  | 'conduct.read'
  | 'teachingGroup.writeConduct'
  | 'basisGroup.readConduct'
  | 'basisGroup.setConduct'
  | 'basisGroup.reviewConduct'
  | 'basisGroup.readGradePreparation'
  /** disciplinary cases (R-23, R-73; L-30…L-32) */
  | 'disciplinaryCase.list'
  | 'disciplinaryCase.open'
  | 'basisGroup.readDiscipline'
  | 'discipline.readSchool'
  | 'disciplinaryCase.read'
  | 'disciplinaryCase.update'
  | 'disciplinaryCase.removeFromLesson'
  | 'disciplinaryCase.suspend'
  | 'disciplinaryCase.reportIntervention'
  | 'disciplinaryCase.informParents'
  | 'student.read'
  | 'student.readSensitive'
  | 'guardian.readContact'
  | 'contactLog.read'
  | 'contactLog.write'
  | 'record.read'
  | 'record.edit'
  | 'consent.read'
  | 'consent.manage'
  | 'accessLog.read'
  | 'informationDecision.write'
  | 'basisGroup.readOverview'
  | 'teachingGroup.readStudents'
  | 'audit.search'
  /** conversations (R-10…R-18) */
  | 'conversation.plan'
  | 'conversation.list'
  | 'conversation.read'
  | 'conversation.hold'
  | 'conversation.delegate'
  | 'conversation.prepare'
  | 'conversation.readPreparation'
  | 'guardianConference.offer'
  | 'booking.book'
  | 'booking.read'
  | 'basisGroup.readConversationPlan'
  | 'basisGroup.manageBooking'
  | 'teachingGroup.manageBooking'
  | 'conversationPlan.manage'
  | 'conversationPlan.readCompliance'
  | 'conversationTemplate.read'
  | 'conversationTemplate.manage'
  /** absence (R-20, R-21, R-71…R-74) */
  | 'absence.read'
  | 'absence.registerDay'
  | 'absence.document'
  | 'absence.selfCertify'
  | 'absence.recordHigherRisk'
  | 'absence.decideLimit'
  | 'absence.readDiploma'
  | 'absence.requestDiploma'
  | 'basisGroup.readAbsence'
  | 'basisGroup.checkAbsence'
  | 'teachingGroup.registerAbsence'
  | 'teachingGroup.readAbsence'
  | 'timetable.manage'
  | 'schoolCalendar.read'
  | 'emergingAbsenceRule.manage'
  /** warnings (R-22, R-73; L-20, L-21) */
  | 'warning.raise'
  | 'warning.read'
  | 'warning.coordinate'
  | 'warning.decide'
  | 'warning.recordAppeal'
  | 'basisGroup.readWarnings'
  | 'warning.readSchool'
  | 'warning.manageAssessmentDates';

export type RelationshipKind =
  | 'self'
  | 'contactTeacher'
  | 'subjectTeacher'
  | 'departmentHead'
  | 'counsellor'
  | 'principal'
  | 'schoolAdmin'
  | 'guardianWithParentalResponsibility'
  | 'guardianByConsent'
  | 'guardianByInformationDecision'
  | 'author'
  /** a subject teacher holding a student conversation the contact teacher delegated */
  | 'delegatedHolder'
  /** any staff member of the school (e.g. reading the school's conversation templates) */
  | 'staffMember'
  /** a current student of the class (R-35, R-40, R-41: the class's agenda, rules and elections) */
  | 'classMember';

export type DenialKind =
  | 'noRelationship'
  | 'guardianWithoutParentalResponsibility'
  | 'adultWithoutConsent'
  | 'roleNotAllowed'
  | 'visibilityTier'
  | 'otherOwner';

export interface Reason {
  code: RelationshipKind | DenialKind;
  /** e.g. { group: '2STA' }, { subject: 'MAT1019', group: '2STA-MAT' } */
  params: Record<string, string>;
}

export type Decision =
  | { allow: true; reason: Reason }
  /** hide: the actor has no relationship at all, so the answer must not reveal that the resource exists */
  | { allow: false; reason: Reason; hide: boolean };
