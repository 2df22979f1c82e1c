/**
 * The roster: a school owner's schools, years, people, groups and memberships as the school's
 * administrative system knows them — the one shape every source's adapter yields (plain CSV, OneRoster
 * 1.2 CSV, FINT utdanning) and the one piece the sync reads. The administrative system is the source of
 * truth for these; what Elevlos itself records (conversations, notes, absence, letters) is never touched.
 *
 * Every record carries the source's own id (`sourceId`): the sync is keyed on it, so the same file
 * imported twice changes nothing, and a record gone from the source ends: a student leaves, an
 * enrolment or a lesson gets an end date. Only what holds no history is removed (a role, a teacher's
 * assignment, a guardianship nobody decided on, an enrolment that had not begun): docs/import.md. References between records are source ids too. `at` says where the
 * record came from, so a preview and an error can name the file and line.
 *
 * Dates are ISO days (YYYY-MM-DD). Words follow ../shared/domain/glossary.md.
 */
import type { AddressProtection, Level, StaffRole } from '../../core/db/tables.js';

/** Where a record stands in what was imported: a file and its 1-based line (the header is line 1). */
export interface SourcePlace {
  file: string;
  line: number;
}

/** A row that cannot be imported, named by file, line and field; `key` is a server message (messages.ts). */
export interface RowError extends SourcePlace {
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

interface SourceRecord {
  sourceId: string;
  at: SourcePlace;
}

export interface RosterSchool extends SourceRecord {
  name: string;
  /** videregående or grunnskole */
  stage: 'upperSecondary' | 'compulsory';
  /** the organisation number (organisasjonsnummer), when the source has it */
  organisationNumber: string | null;
}

export interface RosterSchoolYear extends SourceRecord {
  /** e.g. "2026/27" */
  name: string;
  startsOn: string;
  endsOn: string;
}

export interface RosterTerm extends SourceRecord {
  schoolYearId: string;
  kind: 'autumn' | 'spring';
  startsOn: string;
  endsOn: string;
}

export interface RosterDepartment extends SourceRecord {
  schoolId: string;
  name: string;
}

export interface RosterSubject extends SourceRecord {
  /** the national subject code, e.g. MAT1021 */
  code: string;
  name: string;
  /** the subject's hours a school year (årstimer); the absence limit is counted on them */
  annualHours: number;
}

/** One person, whatever they are to the school: a student, a guardian, a staff member — or several. */
export interface RosterPerson extends SourceRecord {
  givenName: string;
  familyName: string;
  birthDate: string | null;
  /** fødselsnummer / D-number: stored only when the source gives it, never shown in lists */
  nationalIdentityNumber: string | null;
  email: string | null;
  phone: string | null;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
  /** folkeregisterloven § 10-4 (L-07): a changed flag takes effect in the policy at once */
  addressProtection: AddressProtection;
  /** the Feide user id (eduPersonPrincipalName, e.g. ola@skole.no): the login is matched on it */
  feideId: string | null;
}

export interface RosterStudent extends SourceRecord {
  personId: string;
  schoolId: string;
  departmentId: string | null;
  level: Level;
  /** studieforberedende / yrkesfag; null in compulsory school */
  programme: 'general' | 'vocational' | null;
  status: 'active' | 'changed' | 'left';
}

export interface RosterGuardianship extends SourceRecord {
  studentId: string;
  guardianPersonId: string;
  relation: 'mother' | 'father' | 'other';
  /** barneloven § 47 (L-06): a change takes effect in the policy at once */
  parentalResponsibility: boolean;
  livesWith: boolean;
}

export interface RosterStaffMember extends SourceRecord {
  personId: string;
  schoolId: string;
  title: string | null;
  /** the roles at this school; a department head's names the department (contact and subject teachers are assignments) */
  roles: { role: StaffRole; departmentId: string | null }[];
}

export interface RosterBasisGroup extends SourceRecord {
  schoolId: string;
  schoolYearId: string;
  departmentId: string | null;
  /** e.g. 2STA */
  name: string;
  level: Level;
}

export interface RosterTeachingGroup extends SourceRecord {
  schoolId: string;
  schoolYearId: string;
  subjectId: string;
  /** e.g. 2STA-MAT */
  name: string;
}

/** A student's dated membership of a basis group or a teaching group; `endsOn` is exclusive, null while current. */
export interface RosterEnrolment extends SourceRecord {
  studentId: string;
  group: { kind: 'basis' | 'teaching'; id: string };
  startsOn: string;
  endsOn: string | null;
}

/** A staff member assigned to a group: the contact teacher of a basis group, a subject teacher of a teaching group. */
export interface RosterAssignment extends SourceRecord {
  groupId: string;
  staffMemberId: string;
}

/** One lesson of a teaching group's weekly timetable, where the source has it. */
export interface RosterLesson extends SourceRecord {
  teachingGroupId: string;
  /** ISO weekday, 1 = Monday */
  weekday: number;
  /** HH:MM */
  startsAt: string;
  minutes: number;
  startsOn: string;
  /** exclusive; null while the timetable holds */
  endsOn: string | null;
}

export interface Roster {
  schools: RosterSchool[];
  schoolYears: RosterSchoolYear[];
  terms: RosterTerm[];
  departments: RosterDepartment[];
  subjects: RosterSubject[];
  people: RosterPerson[];
  students: RosterStudent[];
  guardianships: RosterGuardianship[];
  staff: RosterStaffMember[];
  basisGroups: RosterBasisGroup[];
  teachingGroups: RosterTeachingGroup[];
  enrolments: RosterEnrolment[];
  contactTeachers: RosterAssignment[];
  subjectTeachers: RosterAssignment[];
  lessons: RosterLesson[];
}

export type RosterKind = keyof Roster;

/**
 * A record the source says has ended without carrying it any more (a OneRoster delta's `tobedeleted`
 * row): the sync ends it exactly as if a whole export no longer had it. A person stands for what they
 * are to the school (a student leaves, a guardian's guardianships go, a staff member's roles and
 * assignments go); `on` is the day the source gives, kept for the log (the sync ends things today, as
 * it does for a record gone from a whole export).
 */
export interface EndedRecord {
  kind: RosterKind;
  sourceId: string;
  on: string;
  at: SourcePlace;
}

/** What an adapter gives the sync: the records it could read, and the rows it could not. */
export interface RosterReading {
  roster: Roster;
  errors: RowError[];
  /** records the source marks as ended (only a delta has them); absent = none */
  ended?: EndedRecord[];
  /**
   * The kinds this reading does not hold in full (a CSV set without that file, a OneRoster delta file):
   * their records are added and changed, but one that is absent is not ended. Absent = every kind is whole.
   */
  partialKinds?: RosterKind[];
}

export const emptyRoster = (): Roster => ({
  schools: [], schoolYears: [], terms: [], departments: [], subjects: [], people: [], students: [], guardianships: [],
  staff: [], basisGroups: [], teachingGroups: [], enrolments: [], contactTeachers: [], subjectTeachers: [], lessons: [],
});

/** A file as uploaded: one CSV of the plain set, or a OneRoster zip. */
export interface UploadedFile {
  name: string;
  content: Buffer;
}

/**
 * A file source's adapter: reads what was uploaded into the roster, reporting each row it cannot read
 * (file, line, field). References between records are checked after, by checkReferences, for every source.
 */
export type FileAdapter = (files: readonly UploadedFile[]) => Promise<RosterReading>;
