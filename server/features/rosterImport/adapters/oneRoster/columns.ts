/**
 * The OneRoster 1.2 CSV binding's files and columns, in the binding's order (the writer writes them so;
 * the reader finds columns by name), and the Norwegian extension columns (`metadata.no.*`) this adapter
 * reads and writes. README.md in this folder says what each extension means.
 */

export const ONEROSTER_FILES = [
  'academicSessions', 'categories', 'classes', 'classResources', 'courses', 'courseResources', 'demographics', 'enrollments',
  'lineItemLearningObjectiveIds', 'lineItems', 'lineItemScoreScales', 'orgs', 'resources', 'resultLearningObjectiveIds',
  'results', 'resultScoreScales', 'roles', 'scoreScales', 'userProfiles', 'userResources', 'users',
] as const;

/** The files whose rows carry roster data; the others (gradebook, resources) are read by nobody here. */
export type RosterFile = 'orgs' | 'academicSessions' | 'courses' | 'classes' | 'users' | 'roles' | 'demographics' | 'enrollments';

const BASE = ['sourcedId', 'status', 'dateLastModified'] as const;

/** Extension columns; `metadata.` is the binding's own prefix for them, `no.` says whose they are. */
export const EXT = {
  stage: 'metadata.no.stage',
  organisationNumber: 'metadata.no.organisationNumber',
  annualHours: 'metadata.no.annualHours',
  programme: 'metadata.no.programme',
  addressProtection: 'metadata.no.addressProtection',
  streetAddress: 'metadata.no.streetAddress',
  postalCode: 'metadata.no.postalCode',
  city: 'metadata.no.city',
  title: 'metadata.no.title',
  relation: 'metadata.no.relation',
  studentStatus: 'metadata.no.studentStatus',
  withoutParentalResponsibility: 'metadata.no.withoutParentalResponsibility',
  notLivingWith: 'metadata.no.notLivingWith',
  role: 'metadata.no.role',
  contactTeacher: 'metadata.no.contactTeacher',
  classType: 'metadata.additionalClassType',
} as const;

export const COLUMNS = {
  orgs: [...BASE, 'name', 'type', 'identifier', 'parentSourcedId', EXT.stage, EXT.organisationNumber],
  academicSessions: [...BASE, 'title', 'type', 'startDate', 'endDate', 'parentSourcedId', 'schoolYear'],
  courses: [...BASE, 'schoolYearSourcedId', 'title', 'courseCode', 'grades', 'orgSourcedId', 'subjects', 'subjectCodes', EXT.annualHours],
  classes: [...BASE, 'title', 'grades', 'courseSourcedId', 'classCode', 'classType', 'location', 'schoolSourcedId', 'termSourcedIds',
    'subjects', 'subjectCodes', 'periods', EXT.programme],
  users: [...BASE, 'enabledUser', 'username', 'userIds', 'givenName', 'familyName', 'middleName', 'identifier', 'email', 'sms', 'phone',
    'agentSourcedIds', 'grades', 'password', 'userMasterIdentifier', 'resourceSourcedIds', 'preferredGivenName', 'preferredMiddleName',
    'preferredFamilyName', 'primaryOrgSourcedId', 'pronouns', EXT.programme, EXT.studentStatus, EXT.addressProtection, EXT.streetAddress,
    EXT.postalCode, EXT.city, EXT.title, EXT.relation, EXT.withoutParentalResponsibility, EXT.notLivingWith],
  roles: [...BASE, 'userSourcedId', 'roleType', 'role', 'beginDate', 'endDate', 'orgSourcedId', 'userProfileSourcedId', EXT.role],
  enrollments: [...BASE, 'classSourcedId', 'schoolSourcedId', 'userSourcedId', 'role', 'primary', 'beginDate', 'endDate', EXT.contactTeacher],
  demographics: [...BASE, 'birthDate', 'sex', 'americanIndianOrAlaskaNative', 'asian', 'blackOrAfricanAmerican',
    'nativeHawaiianOrOtherPacificIslander', 'white', 'demographicRaceTwoOrMoreRaces', 'hispanicOrLatinoEthnicity', 'countryOfBirthCode',
    'stateOfBirthAbbreviation', 'cityOfBirth', 'publicSchoolResidenceStatus'],
} as const satisfies Record<RosterFile, readonly string[]>;

/** The columns a file must have for this adapter to read it; the rest may be left out. */
export const REQUIRED = {
  orgs: ['sourcedId', 'name', 'type'],
  academicSessions: ['sourcedId', 'title', 'type', 'startDate', 'endDate'],
  courses: ['sourcedId', 'title'],
  classes: ['sourcedId', 'title', 'courseSourcedId', 'classType', 'schoolSourcedId'],
  users: ['sourcedId', 'givenName', 'familyName'],
  roles: ['sourcedId', 'userSourcedId', 'role', 'orgSourcedId'],
  enrollments: ['sourcedId', 'classSourcedId', 'userSourcedId', 'role'],
  demographics: ['sourcedId'],
} as const satisfies Record<RosterFile, readonly string[]>;
