// The shapes of docs/api.md, kept word for word so that a change in the contract is a change here.

export type Locale = 'nb' | 'nn' | 'en';

export type Role =
  | 'contactTeacher'
  | 'teacher'
  | 'departmentHead'
  | 'counsellor'
  | 'principal'
  | 'schoolAdmin'
  | 'nurse'
  | 'student'
  | 'guardian';

export interface Me {
  person: { id: string; givenName: string; familyName: string; locale: Locale };
  roles: Role[];
  csrfToken: string;
  basisGroups: { id: string; name: string; schoolName: string }[];
  teachingGroups: { id: string; name: string; subjectCode: string }[];
  departments: { id: string; name: string }[];
  studentId: string | null;
  children: { studentId: string; name: string }[];
}

export interface AuthConfig {
  oidc: boolean;
  oidcLabel: string;
}

export interface Access {
  reason: string;
  reasonCode: string;
}

export type StudentStatus = 'active' | 'changed' | 'left';
export type ConsentState = 'notAdult' | 'granted' | 'none';

export interface ClassOverviewStudent {
  studentId: string;
  givenName: string;
  familyName: string;
  age: number;
  isAdult: boolean;
  accommodationNeed: boolean;
  minorityLanguage: boolean;
  status: StudentStatus;
  guardiansWithInsight: number;
  consent: ConsentState;
  lastContactOn: string | null;
  addressProtected: boolean;
}

export interface ClassList {
  groups: { id: string; name: string; level: string; schoolName: string; departmentName: string | null; studentCount: number; reason: string }[];
}

export interface TeachingGroupStudents {
  group: { id: string; name: string; subjectCode: string; subjectName: string; schoolName: string };
  access: Access;
  students: { studentId: string; givenName: string; familyName: string; basisGroupName: string | null; accommodationNeed: boolean | null }[];
}

export interface ClassOverview {
  group: { id: string; name: string; level: string; schoolName: string };
  access: Access;
  students: ClassOverviewStudent[];
}

export interface ContactDetails {
  email: string | null;
  phone: string | null;
  address: string | null;
}

export interface StudentRecord {
  access: Access;
  student: {
    id: string;
    givenName: string;
    familyName: string;
    birthDate: string;
    age: number;
    isAdult: boolean;
    level: string;
    programme: 'general' | 'vocational' | null;
    status: string;
    schoolName: string;
    departmentName: string | null;
    basisGroups: { id: string; name: string; since: string }[];
    teachingGroups: { id: string; name: string; subjectCode: string; subjectName: string }[];
    minorityLanguage: boolean | null;
    yearsOfResidence: number | null;
    specialEducationRight: boolean | null;
    accommodationNeeds: { id: string; description: string; registeredAt: string }[] | null;
    addressProtected: boolean;
    contact: ContactDetails | null;
  };
  guardians: Guardian[];
  permissions: {
    editContactLog: boolean; manageConsent: boolean; readContactLog: boolean;
    readWarnings: boolean; readConduct: boolean; listDisciplinaryCases: boolean;
  };
}

export interface Guardian {
  guardianshipId: string;
  personId: string;
  name: string;
  relation: 'mother' | 'father' | 'other';
  parentalResponsibility: boolean;
  livesWith: boolean;
  insight: boolean;
  insightReason: string;
  addressProtection: 'none' | 'protected';
  contact: ContactDetails | null;
}

export type ContactChannel = 'phone' | 'email' | 'letter' | 'meeting' | 'message';
export type Visibility = 'staff' | 'contactTeacherAndLeaders' | 'counsellorOnly' | 'authorOnly';

export const contactChannels: readonly ContactChannel[] = ['phone', 'email', 'letter', 'meeting', 'message'];
export const visibilities: readonly Visibility[] = ['staff', 'contactTeacherAndLeaders', 'counsellorOnly', 'authorOnly'];

export interface ContactLogEntry {
  id: string;
  occurredOn: string;
  channel: ContactChannel;
  summary: string;
  visibility: Visibility;
  author: { personId: string; name: string };
  createdAt: string;
  updatedAt: string;
  canEdit: boolean;
}

export interface ContactLogInput {
  occurredOn: string;
  channel: ContactChannel;
  summary: string;
  visibility: Visibility;
}

export interface Consents {
  isAdult: boolean;
  guardians: {
    guardianPersonId: string;
    name: string;
    consent: { grantedAt: string | null; withdrawnAt: string | null } | null;
    active: boolean;
  }[];
}

export interface AccessLogEntry {
  at: string;
  actorName: string;
  action: string;
  reason: string;
}

export interface AuditEntry {
  at: string;
  actorName: string;
  action: string;
  resourceType: string;
  studentId?: string | null;
  studentName: string | null;
  decision: 'allow' | 'deny' | (string & {});
  reason: string;
}

export interface GuardianChild {
  studentId: string;
  name: string;
  level: string;
  schoolName: string;
  basisGroupName: string;
  reason: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}
