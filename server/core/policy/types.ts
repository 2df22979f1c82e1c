import type { AddressProtection, StaffRole, Visibility } from '../db/tables.js';

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

/** The school-wide resource: a leader's view or setting of the school they work at. */
export interface SchoolResource { type: 'school'; ownerId: string; schoolId: string; schoolName: string }

/**
 * Every kind of resource the policy decides on, by its `type`. Core knows students, records about a
 * student, classes, teaching groups and the school; a feature adds its own kind (a conversation, a
 * disciplinary case) by augmenting this interface in its policy.ts and registering a loader.
 */
export interface Resources {
  student: { type: 'student'; student: StudentFacts };
  /**
   * a record about a student (contact-log entry, conversation note, follow-up) whose visibility tier
   * narrows who of the staff may read it; the student and guardians with insight see it only when it
   * was shared with them on purpose
   */
  record: { type: 'record'; student: StudentFacts; visibility: Visibility; authorPersonId: string; sharedWithFamily?: boolean };
  basisGroup: { type: 'basisGroup'; group: BasisGroupFacts };
  teachingGroup: { type: 'teachingGroup'; group: TeachingGroupFacts };
  school: SchoolResource;
}
export type ResourceType = Extract<keyof Resources, string>;
export type Resource = Resources[ResourceType];

/**
 * Every action of every feature, as a key. Each feature's policy.ts adds its own with
 * `interface Actions extends ActionsOf<typeof policy> {}`, so a route or a `can()` that names an action
 * no feature defines does not compile. Core defines the actions every feature builds on.
 */
export interface Actions {
  /** anyone with a relationship to the student reads the record; every other student action starts here */
  'student.read': true;
  /** a record about a student (contact log, notes) by its visibility tier */
  'record.read': true;
  /** the author alone corrects a record */
  'record.edit': true;
}
export type Action = Extract<keyof Actions, string>;

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
  | 'classMember'
  /** a staff member taking part in a meeting about the student */
  | 'meetingParticipant'
  /** a member of the school's fixed resource team */
  | 'resourceTeamMember';

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
