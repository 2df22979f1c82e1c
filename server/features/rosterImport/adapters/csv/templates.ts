/**
 * The plain CSV set for small schools: one template (one file) per kind of record, its columns with
 * their bokmål, nynorsk and English headers, whether each must be filled, how it is read and written,
 * and an example row of generated data. The reader, the writer, the downloadable templates and the
 * documentation on the import page all come from this one list (docs/import.md has the same tables).
 *
 * Every file has an `id` column: the school's own id of the record, the key the sync matches on. Columns
 * that point at another record take that record's id (a student's `person` is an id in personer.csv).
 */
import type {
  Roster, RosterAssignment, RosterBasisGroup, RosterDepartment, RosterEnrolment, RosterGuardianship, RosterKind, RosterLesson,
  RosterPerson, RosterSchool, RosterSchoolYear, RosterStaffMember, RosterStudent, RosterSubject, RosterTeachingGroup, RosterTerm,
  SourcePlace,
} from '../../roster.js';
import {
  WORDS, addressProtection, clockTime, day, email, feideId, level, nationalIdentityNumber, programme, relation, roles, stage,
  studentStatus, termKind, text, weekday, wholeNumber, yesNo, type CsvLanguage, type Parsed, type Word,
} from './values.js';

export interface Headers {
  nb: string;
  nn: string;
  en: string;
}

/** One column: the roster field it fills (or a field of its own, e.g. `basisGroupId` of an enrolment). */
export interface Column {
  field: string;
  headers: Headers;
  required: boolean;
  read(raw: string): Parsed<unknown>;
  /** the cell for a record's value, in the file's language */
  write(value: unknown, lang: CsvLanguage): string;
  /** an example value, as a person would type it in bokmål */
  example: string;
  /** what the column holds, for the documentation (nb, nn, en) */
  help: Headers;
}

export interface Template<K extends RosterKind = RosterKind> {
  kind: K;
  /** the file name, without .csv, per language; the reader accepts any of them */
  file: Headers;
  /** what the file holds, for the documentation */
  title: Headers;
  columns: Column[];
  /** a record from a row's read values (absent optional cells are null); null when the row's cells contradict each other */
  build(v: Record<string, unknown>, at: SourcePlace): Roster[K][number] | { error: { field: string; key: string } };
  /** a record's cells, by field (the inverse of build) */
  cells(r: Roster[K][number]): Record<string, unknown>;
}

const plain = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const word = (v: unknown, lang: CsvLanguage): string => (v === null || v === undefined ? '' : WORDS[lang][v as Word] ?? String(v));
const bool = (v: unknown, lang: CsvLanguage): string => WORDS[lang][v ? 'yes' : 'no'];
const levelCell = (v: unknown): string => (typeof v === 'string' && v.startsWith('grade') ? v.slice(5) : plain(v));

function col(field: string, headers: [string, string, string], required: boolean, read: Column['read'], example: string,
  help: [string, string, string], write: Column['write'] = plain): Column {
  return { field, headers: { nb: headers[0], nn: headers[1], en: headers[2] }, required, read, write, example, help: { nb: help[0], nn: help[1], en: help[2] } };
}

const id = col('sourceId', ['id', 'id', 'id'], true, text, 'S1', ['Skolens egen id for raden (fast over tid)', 'Skulen si eiga id for rada (fast over tid)', "The school's own id of the row (stable over time)"]);
const ref = (field: string, headers: [string, string, string], required: boolean, example: string, to: [string, string, string]) =>
  col(field, headers, required, text, example, [`id fra ${to[0]}`, `id frå ${to[1]}`, `an id from ${to[2]}`]);
const dateCol = (field: string, headers: [string, string, string], required: boolean, example: string, help: [string, string, string]) =>
  col(field, headers, required, day, example, help);


const schools: Template<'schools'> = {
  kind: 'schools',
  file: { nb: 'skoler', nn: 'skular', en: 'schools' },
  title: { nb: 'Skoler', nn: 'Skular', en: 'Schools' },
  columns: [
    id,
    col('name', ['navn', 'namn', 'name'], true, text, 'Fjellvik videregående skole', ['Skolens navn', 'Namnet på skulen', "The school's name"]),
    col('stage', ['skoleslag', 'skuleslag', 'stage'], true, stage, 'videregående', ['videregående eller grunnskole', 'vidaregåande eller grunnskule', 'upperSecondary or compulsory'], word),
    col('organisationNumber', ['organisasjonsnummer', 'organisasjonsnummer', 'organisationNumber'], false, text, '974123456', ['Organisasjonsnummer (valgfritt)', 'Organisasjonsnummer (valfritt)', 'Organisation number (optional)']),
  ],
  build: (v, place) => ({ sourceId: v.sourceId as string, name: v.name as string, stage: v.stage as RosterSchool['stage'], organisationNumber: (v.organisationNumber as string | null) ?? null, at: place } satisfies RosterSchool),
  cells: (r) => ({ sourceId: r.sourceId, name: r.name, stage: r.stage, organisationNumber: r.organisationNumber }),
};

const schoolYears: Template<'schoolYears'> = {
  kind: 'schoolYears',
  file: { nb: 'skoleår', nn: 'skuleår', en: 'schoolYears' },
  title: { nb: 'Skoleår', nn: 'Skuleår', en: 'School years' },
  columns: [
    id,
    col('name', ['navn', 'namn', 'name'], true, text, '2026/27', ['For eksempel 2026/27', 'Til dømes 2026/27', 'For example 2026/27']),
    dateCol('startsOn', ['startdato', 'startdato', 'startsOn'], true, '2026-08-19', ['Første skoledag (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)', 'Første skuledag (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)', 'First school day (YYYY-MM-DD or DD.MM.YYYY)']),
    dateCol('endsOn', ['sluttdato', 'sluttdato', 'endsOn'], true, '2027-06-18', ['Siste skoledag', 'Siste skuledag', 'Last school day']),
  ],
  build: (v, place) => v.endsOn as string < (v.startsOn as string)
    ? { error: { field: 'endsOn', key: 'rosterImport.endBeforeStart' } }
    : { sourceId: v.sourceId as string, name: v.name as string, startsOn: v.startsOn as string, endsOn: v.endsOn as string, at: place } satisfies RosterSchoolYear,
  cells: (r) => ({ sourceId: r.sourceId, name: r.name, startsOn: r.startsOn, endsOn: r.endsOn }),
};

const terms: Template<'terms'> = {
  kind: 'terms',
  file: { nb: 'terminer', nn: 'terminar', en: 'terms' },
  title: { nb: 'Terminer', nn: 'Terminar', en: 'Terms' },
  columns: [
    id,
    ref('schoolYearId', ['skoleår', 'skuleår', 'schoolYearId'], true, 'SA2026', ['skoleår.csv', 'skuleår.csv', 'schoolYears.csv']),
    col('kind', ['termin', 'termin', 'kind'], true, termKind, 'høst', ['høst eller vår', 'haust eller vår', 'autumn or spring'], word),
    dateCol('startsOn', ['startdato', 'startdato', 'startsOn'], true, '2026-08-19', ['Terminens første dag', 'Første dag i terminen', "The term's first day"]),
    dateCol('endsOn', ['sluttdato', 'sluttdato', 'endsOn'], true, '2026-12-20', ['Terminens siste dag', 'Siste dag i terminen', "The term's last day"]),
  ],
  build: (v, place) => v.endsOn as string < (v.startsOn as string)
    ? { error: { field: 'endsOn', key: 'rosterImport.endBeforeStart' } }
    : { sourceId: v.sourceId as string, schoolYearId: v.schoolYearId as string, kind: v.kind as RosterTerm['kind'], startsOn: v.startsOn as string, endsOn: v.endsOn as string, at: place } satisfies RosterTerm,
  cells: (r) => ({ sourceId: r.sourceId, schoolYearId: r.schoolYearId, kind: r.kind, startsOn: r.startsOn, endsOn: r.endsOn }),
};

const departments: Template<'departments'> = {
  kind: 'departments',
  file: { nb: 'avdelinger', nn: 'avdelingar', en: 'departments' },
  title: { nb: 'Avdelinger', nn: 'Avdelingar', en: 'Departments' },
  columns: [
    id,
    ref('schoolId', ['skole', 'skule', 'schoolId'], true, 'S1', ['skoler.csv', 'skular.csv', 'schools.csv']),
    col('name', ['navn', 'namn', 'name'], true, text, 'Studiespesialisering', ['Avdelingens navn', 'Namnet på avdelinga', "The department's name"]),
  ],
  build: (v, place) => ({ sourceId: v.sourceId as string, schoolId: v.schoolId as string, name: v.name as string, at: place } satisfies RosterDepartment),
  cells: (r) => ({ sourceId: r.sourceId, schoolId: r.schoolId, name: r.name }),
};

const subjects: Template<'subjects'> = {
  kind: 'subjects',
  file: { nb: 'fag', nn: 'fag', en: 'subjects' },
  title: { nb: 'Fag', nn: 'Fag', en: 'Subjects' },
  columns: [
    id,
    col('code', ['fagkode', 'fagkode', 'code'], true, text, 'MAT1021', ['Nasjonal fagkode', 'Nasjonal fagkode', 'National subject code']),
    col('name', ['navn', 'namn', 'name'], true, text, 'Matematikk 1T', ['Fagets navn', 'Namnet på faget', "The subject's name"]),
    col('annualHours', ['årstimer', 'årstimar', 'annualHours'], true, wholeNumber(0, 2000), '140', ['Timer i året (fraværsgrensen regnes av dem)', 'Timar i året (fråværsgrensa blir rekna av dei)', 'Hours a year (the absence limit is counted on them)']),
  ],
  build: (v, place) => ({ sourceId: v.sourceId as string, code: v.code as string, name: v.name as string, annualHours: v.annualHours as number, at: place } satisfies RosterSubject),
  cells: (r) => ({ sourceId: r.sourceId, code: r.code, name: r.name, annualHours: r.annualHours }),
};

const people: Template<'people'> = {
  kind: 'people',
  file: { nb: 'personer', nn: 'personar', en: 'people' },
  title: { nb: 'Personer (elever, foresatte og ansatte)', nn: 'Personar (elevar, føresette og tilsette)', en: 'People (students, guardians and staff)' },
  columns: [
    id,
    col('givenName', ['fornavn', 'førenamn', 'givenName'], true, text, 'Ola', ['Fornavn', 'Førenamn', 'Given name']),
    col('familyName', ['etternavn', 'etternamn', 'familyName'], true, text, 'Nordmann', ['Etternavn', 'Etternamn', 'Family name']),
    dateCol('birthDate', ['fødselsdato', 'fødselsdato', 'birthDate'], false, '2010-03-01', ['Fødselsdato (alder og myndighet regnes av den)', 'Fødselsdato (alder og myndigheit blir rekna av han)', 'Birth date (age and adulthood are computed from it)']),
    col('nationalIdentityNumber', ['fødselsnummer', 'fødselsnummer', 'nationalIdentityNumber'], false, nationalIdentityNumber, '',
      ['11 siffer; bare når det trengs. Vises aldri i lister', '11 siffer; berre når det trengst. Blir aldri vist i lister', '11 digits; only when needed. Never shown in lists']),
    col('email', ['e-post', 'e-post', 'email'], false, email, 'ola@example.no', ['E-postadresse', 'E-postadresse', 'E-mail address']),
    col('phone', ['telefon', 'telefon', 'phone'], false, text, '+47 400 00 000', ['Telefonnummer', 'Telefonnummer', 'Phone number']),
    col('streetAddress', ['adresse', 'adresse', 'streetAddress'], false, text, 'Storgata 1', ['Gateadresse', 'Gateadresse', 'Street address']),
    col('postalCode', ['postnummer', 'postnummer', 'postalCode'], false, text, '0150', ['Postnummer', 'Postnummer', 'Postal code']),
    col('city', ['poststed', 'poststad', 'city'], false, text, 'Oslo', ['Poststed', 'Poststad', 'City']),
    col('addressProtection', ['adressebeskyttelse', 'adressevern', 'addressProtection'], false, addressProtection, 'ingen',
      ['ingen, fortrolig eller strengt fortrolig (folkeregisteret)', 'ingen, fortruleg eller strengt fortruleg (folkeregisteret)', 'none, confidential or strictlyConfidential (the population register)'], word),
    col('feideId', ['feide-id', 'feide-id', 'feideId'], false, feideId, 'ola@fjellvik.no', ['Feide-brukernavn; innloggingen knyttes til det', 'Feide-brukarnamn; innlogginga blir knytt til det', 'Feide user id; the login is matched on it']),
  ],
  build: (v, place) => ({
    sourceId: v.sourceId as string, givenName: v.givenName as string, familyName: v.familyName as string,
    birthDate: (v.birthDate as string | null) ?? null, nationalIdentityNumber: (v.nationalIdentityNumber as string | null) ?? null,
    email: (v.email as string | null) ?? null, phone: (v.phone as string | null) ?? null, streetAddress: (v.streetAddress as string | null) ?? null,
    postalCode: (v.postalCode as string | null) ?? null, city: (v.city as string | null) ?? null,
    addressProtection: (v.addressProtection as RosterPerson['addressProtection'] | null) ?? 'none', feideId: (v.feideId as string | null) ?? null, at: place,
  } satisfies RosterPerson),
  cells: (r) => ({
    sourceId: r.sourceId, givenName: r.givenName, familyName: r.familyName, birthDate: r.birthDate, nationalIdentityNumber: r.nationalIdentityNumber,
    email: r.email, phone: r.phone, streetAddress: r.streetAddress, postalCode: r.postalCode, city: r.city, addressProtection: r.addressProtection, feideId: r.feideId,
  }),
};

const students: Template<'students'> = {
  kind: 'students',
  file: { nb: 'elever', nn: 'elevar', en: 'students' },
  title: { nb: 'Elever', nn: 'Elevar', en: 'Students' },
  columns: [
    id,
    ref('personId', ['person', 'person', 'personId'], true, 'P1', ['personer.csv', 'personar.csv', 'people.csv']),
    ref('schoolId', ['skole', 'skule', 'schoolId'], true, 'S1', ['skoler.csv', 'skular.csv', 'schools.csv']),
    ref('departmentId', ['avdeling', 'avdeling', 'departmentId'], false, 'A1', ['avdelinger.csv', 'avdelingar.csv', 'departments.csv']),
    col('level', ['trinn', 'trinn', 'level'], true, level, 'vg2', ['vg1–vg3, eller 1–10 i grunnskolen', 'vg1–vg3, eller 1–10 i grunnskulen', 'vg1–vg3, or 1–10 in compulsory school'], levelCell),
    col('programme', ['utdanningsprogram', 'utdanningsprogram', 'programme'], false, programme, 'studieforberedende',
      ['studieforberedende eller yrkesfag; tomt i grunnskolen', 'studieførebuande eller yrkesfag; tomt i grunnskulen', 'general or vocational; empty in compulsory school'], word),
    col('status', ['status', 'status', 'status'], false, studentStatus, 'aktiv', ['aktiv, endret eller sluttet (tomt: aktiv)', 'aktiv, endra eller slutta (tomt: aktiv)', 'active, changed or left (empty: active)'], word),
  ],
  build: (v, place) => ({
    sourceId: v.sourceId as string, personId: v.personId as string, schoolId: v.schoolId as string, departmentId: (v.departmentId as string | null) ?? null,
    level: v.level as RosterStudent['level'], programme: (v.programme as RosterStudent['programme']) ?? null,
    status: (v.status as RosterStudent['status'] | null) ?? 'active', at: place,
  } satisfies RosterStudent),
  cells: (r) => ({ sourceId: r.sourceId, personId: r.personId, schoolId: r.schoolId, departmentId: r.departmentId, level: r.level, programme: r.programme, status: r.status }),
};

const guardianships: Template<'guardianships'> = {
  kind: 'guardianships',
  file: { nb: 'foresatte', nn: 'føresette', en: 'guardianships' },
  title: { nb: 'Foresatte', nn: 'Føresette', en: 'Guardians' },
  columns: [
    id,
    ref('studentId', ['elev', 'elev', 'studentId'], true, 'E1', ['elever.csv', 'elevar.csv', 'students.csv']),
    ref('guardianPersonId', ['person', 'person', 'guardianPersonId'], true, 'P2', ['personer.csv (den foresatte)', 'personar.csv (den føresette)', 'people.csv (the guardian)']),
    col('relation', ['relasjon', 'relasjon', 'relation'], false, relation, 'mor', ['mor, far eller annen (tomt: annen)', 'mor, far eller anna (tomt: anna)', 'mother, father or other (empty: other)'], word),
    col('parentalResponsibility', ['foreldreansvar', 'foreldreansvar', 'parentalResponsibility'], true, yesNo, 'ja',
      ['ja eller nei (barneloven § 47: bare med foreldreansvar får den foresatte innsyn)', 'ja eller nei (barnelova § 47: berre med foreldreansvar får den føresette innsyn)', 'yes or no (only with parental responsibility does the guardian get insight)'], bool),
    col('livesWith', ['bor sammen', 'bur saman', 'livesWith'], false, yesNo, 'ja', ['ja eller nei: eleven bor hos den foresatte (tomt: nei)', 'ja eller nei: eleven bur hos den føresette (tomt: nei)', 'yes or no: the student lives with the guardian (empty: no)'], bool),
  ],
  build: (v, place) => ({
    sourceId: v.sourceId as string, studentId: v.studentId as string, guardianPersonId: v.guardianPersonId as string,
    relation: (v.relation as RosterGuardianship['relation'] | null) ?? 'other', parentalResponsibility: v.parentalResponsibility as boolean,
    livesWith: (v.livesWith as boolean | null) ?? false, at: place,
  } satisfies RosterGuardianship),
  cells: (r) => ({ sourceId: r.sourceId, studentId: r.studentId, guardianPersonId: r.guardianPersonId, relation: r.relation, parentalResponsibility: r.parentalResponsibility, livesWith: r.livesWith }),
};

const staff: Template<'staff'> = {
  kind: 'staff',
  file: { nb: 'ansatte', nn: 'tilsette', en: 'staff' },
  title: { nb: 'Ansatte med roller', nn: 'Tilsette med roller', en: 'Staff with roles' },
  columns: [
    id,
    ref('personId', ['person', 'person', 'personId'], true, 'P3', ['personer.csv', 'personar.csv', 'people.csv']),
    ref('schoolId', ['skole', 'skule', 'schoolId'], true, 'S1', ['skoler.csv', 'skular.csv', 'schools.csv']),
    col('title', ['stilling', 'stilling', 'title'], false, text, 'Lektor', ['Stillingstittel', 'Stillingstittel', 'Job title']),
    col('roles', ['roller', 'roller', 'roles'], true, roles, 'lærer|avdelingsleder',
      ['Én eller flere, skilt med |: lærer, avdelingsleder, rådgiver, rektor, skoleadmin, helsesykepleier. Kontaktlærer og faglærer står i egne filer',
        'Éin eller fleire, skilde med |: lærar, avdelingsleiar, rådgivar, rektor, skuleadmin, helsesjukepleiar. Kontaktlærar og faglærar står i eigne filer',
        'One or more, separated by |: teacher, departmentHead, counsellor, principal, schoolAdmin, nurse. Contact and subject teachers have files of their own'],
      (v, lang) => (v as string[]).map((r) => WORDS[lang][r as Word]).join('|')),
    ref('roleDepartmentId', ['avdeling', 'avdeling', 'departmentId'], false, 'A1', ['avdelinger.csv: avdelingen en avdelingsleder leder', 'avdelingar.csv: avdelinga ein avdelingsleiar leier', 'departments.csv: the department a department head leads']),
  ],
  build: (v, place) => {
    const rs = v.roles as RosterStaffMember['roles'][number]['role'][];
    const dep = (v.roleDepartmentId as string | null) ?? null;
    if (rs.includes('departmentHead') && !dep) return { error: { field: 'roleDepartmentId', key: 'rosterImport.departmentHeadNeedsDepartment' } };
    return {
      sourceId: v.sourceId as string, personId: v.personId as string, schoolId: v.schoolId as string, title: (v.title as string | null) ?? null,
      roles: rs.map((role) => ({ role, departmentId: role === 'departmentHead' ? dep : null })), at: place,
    } satisfies RosterStaffMember;
  },
  cells: (r) => ({
    sourceId: r.sourceId, personId: r.personId, schoolId: r.schoolId, title: r.title, roles: r.roles.map((x) => x.role),
    roleDepartmentId: r.roles.find((x) => x.departmentId)?.departmentId ?? null,
  }),
};

const basisGroups: Template<'basisGroups'> = {
  kind: 'basisGroups',
  file: { nb: 'basisgrupper', nn: 'basisgrupper', en: 'basisGroups' },
  title: { nb: 'Basisgrupper (klasser)', nn: 'Basisgrupper (klassar)', en: 'Basis groups (classes)' },
  columns: [
    id,
    ref('schoolId', ['skole', 'skule', 'schoolId'], true, 'S1', ['skoler.csv', 'skular.csv', 'schools.csv']),
    ref('schoolYearId', ['skoleår', 'skuleår', 'schoolYearId'], true, 'SA2026', ['skoleår.csv', 'skuleår.csv', 'schoolYears.csv']),
    ref('departmentId', ['avdeling', 'avdeling', 'departmentId'], false, 'A1', ['avdelinger.csv', 'avdelingar.csv', 'departments.csv']),
    col('name', ['navn', 'namn', 'name'], true, text, '2STA', ['Klassens navn, for eksempel 2STA', 'Namnet på klassen, til dømes 2STA', "The class's name, e.g. 2STA"]),
    col('level', ['trinn', 'trinn', 'level'], true, level, 'vg2', ['vg1–vg3, eller 1–10', 'vg1–vg3, eller 1–10', 'vg1–vg3, or 1–10'], levelCell),
  ],
  build: (v, place) => ({
    sourceId: v.sourceId as string, schoolId: v.schoolId as string, schoolYearId: v.schoolYearId as string, departmentId: (v.departmentId as string | null) ?? null,
    name: v.name as string, level: v.level as RosterBasisGroup['level'], at: place,
  } satisfies RosterBasisGroup),
  cells: (r) => ({ sourceId: r.sourceId, schoolId: r.schoolId, schoolYearId: r.schoolYearId, departmentId: r.departmentId, name: r.name, level: r.level }),
};

const teachingGroups: Template<'teachingGroups'> = {
  kind: 'teachingGroups',
  file: { nb: 'undervisningsgrupper', nn: 'undervisningsgrupper', en: 'teachingGroups' },
  title: { nb: 'Undervisningsgrupper', nn: 'Undervisningsgrupper', en: 'Teaching groups' },
  columns: [
    id,
    ref('schoolId', ['skole', 'skule', 'schoolId'], true, 'S1', ['skoler.csv', 'skular.csv', 'schools.csv']),
    ref('schoolYearId', ['skoleår', 'skuleår', 'schoolYearId'], true, 'SA2026', ['skoleår.csv', 'skuleår.csv', 'schoolYears.csv']),
    ref('subjectId', ['fag', 'fag', 'subjectId'], true, 'F1', ['fag.csv', 'fag.csv', 'subjects.csv']),
    col('name', ['navn', 'namn', 'name'], true, text, '2STA-MAT', ['Gruppens navn, for eksempel 2STA-MAT', 'Namnet på gruppa, til dømes 2STA-MAT', "The group's name, e.g. 2STA-MAT"]),
  ],
  build: (v, place) => ({
    sourceId: v.sourceId as string, schoolId: v.schoolId as string, schoolYearId: v.schoolYearId as string, subjectId: v.subjectId as string, name: v.name as string, at: place,
  } satisfies RosterTeachingGroup),
  cells: (r) => ({ sourceId: r.sourceId, schoolId: r.schoolId, schoolYearId: r.schoolYearId, subjectId: r.subjectId, name: r.name }),
};

const enrolments: Template<'enrolments'> = {
  kind: 'enrolments',
  file: { nb: 'medlemskap', nn: 'medlemskap', en: 'enrolments' },
  title: { nb: 'Elevenes medlemskap i grupper', nn: 'Medlemskapen til elevane i grupper', en: "Students' group memberships" },
  columns: [
    id,
    ref('studentId', ['elev', 'elev', 'studentId'], true, 'E1', ['elever.csv', 'elevar.csv', 'students.csv']),
    ref('basisGroupId', ['basisgruppe', 'basisgruppe', 'basisGroupId'], false, 'B1', ['basisgrupper.csv (fyll ut denne eller undervisningsgruppe)', 'basisgrupper.csv (fyll ut denne eller undervisningsgruppe)', 'basisGroups.csv (fill in this or teachingGroupId)']),
    ref('teachingGroupId', ['undervisningsgruppe', 'undervisningsgruppe', 'teachingGroupId'], false, '', ['undervisningsgrupper.csv', 'undervisningsgrupper.csv', 'teachingGroups.csv']),
    dateCol('startsOn', ['startdato', 'startdato', 'startsOn'], true, '2026-08-19', ['Første dag i gruppen', 'Første dag i gruppa', 'First day in the group']),
    dateCol('endsOn', ['sluttdato', 'sluttdato', 'endsOn'], false, '', ['Første dag ute av gruppen (tomt: fortsatt med)', 'Første dag ute av gruppa (tomt: framleis med)', 'First day out of the group (empty: still in it)']),
  ],
  build: (v, place) => {
    const basis = (v.basisGroupId as string | null) ?? null;
    const teaching = (v.teachingGroupId as string | null) ?? null;
    if ((basis === null) === (teaching === null)) return { error: { field: 'basisGroupId', key: 'rosterImport.oneGroup' } };
    const endsOn = (v.endsOn as string | null) ?? null;
    if (endsOn !== null && endsOn <= (v.startsOn as string)) return { error: { field: 'endsOn', key: 'rosterImport.endBeforeStart' } };
    return {
      sourceId: v.sourceId as string, studentId: v.studentId as string,
      group: basis !== null ? { kind: 'basis', id: basis } : { kind: 'teaching', id: teaching! }, startsOn: v.startsOn as string, endsOn, at: place,
    } satisfies RosterEnrolment;
  },
  cells: (r) => ({
    sourceId: r.sourceId, studentId: r.studentId, basisGroupId: r.group.kind === 'basis' ? r.group.id : null,
    teachingGroupId: r.group.kind === 'teaching' ? r.group.id : null, startsOn: r.startsOn, endsOn: r.endsOn,
  }),
};

const assignment = (kind: 'contactTeachers' | 'subjectTeachers'): Template<typeof kind> => ({
  kind,
  file: kind === 'contactTeachers'
    ? { nb: 'kontaktlærere', nn: 'kontaktlærarar', en: 'contactTeachers' }
    : { nb: 'faglærere', nn: 'faglærarar', en: 'subjectTeachers' },
  title: kind === 'contactTeachers'
    ? { nb: 'Kontaktlærere', nn: 'Kontaktlærarar', en: 'Contact teachers' }
    : { nb: 'Faglærere', nn: 'Faglærarar', en: 'Subject teachers' },
  columns: [
    id,
    kind === 'contactTeachers'
      ? ref('groupId', ['basisgruppe', 'basisgruppe', 'basisGroupId'], true, 'B1', ['basisgrupper.csv', 'basisgrupper.csv', 'basisGroups.csv'])
      : ref('groupId', ['undervisningsgruppe', 'undervisningsgruppe', 'teachingGroupId'], true, 'U1', ['undervisningsgrupper.csv', 'undervisningsgrupper.csv', 'teachingGroups.csv']),
    ref('staffMemberId', ['ansatt', 'tilsett', 'staffMemberId'], true, 'T1', ['ansatte.csv', 'tilsette.csv', 'staff.csv']),
  ],
  build: (v, place) => ({ sourceId: v.sourceId as string, groupId: v.groupId as string, staffMemberId: v.staffMemberId as string, at: place } satisfies RosterAssignment),
  cells: (r) => ({ sourceId: r.sourceId, groupId: r.groupId, staffMemberId: r.staffMemberId }),
});

const lessons: Template<'lessons'> = {
  kind: 'lessons',
  file: { nb: 'timeplan', nn: 'timeplan', en: 'lessons' },
  title: { nb: 'Timeplan (valgfri)', nn: 'Timeplan (valfri)', en: 'Timetable (optional)' },
  columns: [
    id,
    ref('teachingGroupId', ['undervisningsgruppe', 'undervisningsgruppe', 'teachingGroupId'], true, 'U1', ['undervisningsgrupper.csv', 'undervisningsgrupper.csv', 'teachingGroups.csv']),
    col('weekday', ['ukedag', 'vekedag', 'weekday'], true, weekday, 'mandag', ['mandag … fredag, eller 1–7', 'måndag … fredag, eller 1–7', 'Monday … Friday, or 1–7']),
    col('startsAt', ['starttid', 'starttid', 'startsAt'], true, clockTime, '08:15', ['TT:MM', 'TT:MM', 'HH:MM']),
    col('minutes', ['minutter', 'minutt', 'minutes'], true, wholeNumber(5, 480), '90', ['Lengde i minutter', 'Lengd i minutt', 'Length in minutes']),
    dateCol('startsOn', ['startdato', 'startdato', 'startsOn'], true, '2026-08-19', ['Fra denne dagen', 'Frå denne dagen', 'From this day']),
    dateCol('endsOn', ['sluttdato', 'sluttdato', 'endsOn'], false, '', ['Første dag uten timen (tomt: ut skoleåret)', 'Første dag utan timen (tomt: ut skuleåret)', 'First day without it (empty: the rest of the year)']),
  ],
  build: (v, place) => {
    const endsOn = (v.endsOn as string | null) ?? null;
    if (endsOn !== null && endsOn <= (v.startsOn as string)) return { error: { field: 'endsOn', key: 'rosterImport.endBeforeStart' } };
    return {
      sourceId: v.sourceId as string, teachingGroupId: v.teachingGroupId as string, weekday: v.weekday as number, startsAt: v.startsAt as string,
      minutes: v.minutes as number, startsOn: v.startsOn as string, endsOn, at: place,
    } satisfies RosterLesson;
  },
  cells: (r) => ({ sourceId: r.sourceId, teachingGroupId: r.teachingGroupId, weekday: r.weekday, startsAt: r.startsAt, minutes: r.minutes, startsOn: r.startsOn, endsOn: r.endsOn }),
};

/** In the order a school fills them in (and the sync applies them). */
export const TEMPLATES: readonly Template[] = [
  schools, schoolYears, terms, departments, subjects, people, students, guardianships, staff,
  basisGroups, teachingGroups, enrolments, assignment('contactTeachers'), assignment('subjectTeachers'), lessons,
] as unknown as readonly Template[];

export const templateOf = (kind: RosterKind): Template => TEMPLATES.find((t) => t.kind === kind)!;

/** The header a field has in a language, for an error's field in a file of this set. */
export function headerOf(kind: RosterKind, field: string, lang: CsvLanguage): string | null {
  const t = templateOf(kind);
  const c = t.columns.find((x) => x.field === field)
    // a reference error names the roster's field; the file's column may have another name
    ?? (field === 'roles.departmentId' ? t.columns.find((x) => x.field === 'roleDepartmentId') : undefined);
  return c ? c.headers[lang] : null;
}
