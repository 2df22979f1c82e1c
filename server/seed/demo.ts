/**
 * The demo school: "Nordfjell fylkeskommune" (fictional) with one school, "Fjellvik videregående skole",
 * generated from seed 2026, plus the demo logins and the hard cases the policy must get right
 * (adult students with and without consent, protected addresses, a parent without parental
 * responsibility, a class change mid-year …). Everyone is generated: no real people.
 */
import { hash } from '@node-rs/argon2';
import { inArray } from 'drizzle-orm';
import { seedWarnings } from './warnings.js';
import type { Database } from '../core/db/client.js';
import { account, schoolOwner } from '../core/db/tables.js';
import {
  OwnerGenerator, SCHOOL_YEAR, isAdultOn, type Dataset, type EnrolmentRow, type Family, type GuardianSpec, type PersonRow,
  type Sex, type StudentRow,
} from './generate.js';
import { addConversations } from './conversations.js';
import { HandAbsence, addAbsence, addAbsenceExtras, addSchoolHolidays, addTimetable, contactTeacherByStudent } from './absence.js';
import { isoWeekday as isoWeekdayOf } from '../core/calendar/calendar.js';
import { seedCasesDemo } from './cases.js';
import { seedMeetingsDemo } from './meetings.js';
import { seedConductDemo } from './conduct.js';
import { seedFormative } from './formative.js';
import { seedClassLife } from './classLife.js';
import { seedAssessmentPlan } from './assessmentPlan.js';
import { seedStudentForms } from './studentForms.js';
import { seedAnnualCycle } from './annualCycle.js';
import { seedSchoolEnvironment } from './schoolEnvironment.js';
import { seedIndividualPlan } from './individualPlan.js';
import { insertDataset } from './insert.js';
import { origins, postalTowns, type NameOrigin } from './names.js';

export const DEMO_PASSWORD = 'demo1234';
export const DEMO_SEED = 2026;
export const DEMO_OWNER_NAME = 'Nordfjell fylkeskommune';
export const DEMO_SCHOOL_NAME = 'Fjellvik videregående skole';
export const DEMO_STUDENTS = 320;
/** the day the demo's ages are computed for, unless seedDemo is given another */
export const DEMO_TODAY = '2026-11-25';
/** the mid-year class change of the demo (2STB → 2STA) */
export const DEMO_CLASS_CHANGE_ON = '2026-10-05';

export type DemoRole = 'contactTeacher' | 'subjectTeacher' | 'departmentHead' | 'counsellor' | 'principal' | 'schoolAdmin' | 'student' | 'guardian';

export interface DemoLogin {
  username: string;
  password: string;
  role: DemoRole;
  description: string;
}

export interface DemoLoginWithPerson extends DemoLogin {
  personId: string;
  /** the generated person's name */
  name: string;
}

/** The demo logins, in the order they are shown; all with the password demo1234. */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  { username: 'kontaktlarer', password: DEMO_PASSWORD, role: 'contactTeacher', description: 'Kontaktlærer for 2STA (Vg2 studiespesialisering), også norsklærer i 2STA-NOR' },
  // a conflict across classes needs a second class's contact teacher to show who sees what
  { username: 'kontaktlarer.2stb', password: DEMO_PASSWORD, role: 'contactTeacher', description: 'Kontaktlærer for 2STB (ser bare sin egen elev i konflikter på tvers av klasser)' },
  { username: 'faglarer', password: DEMO_PASSWORD, role: 'subjectTeacher', description: 'Faglærer i matematikk (2STA-MAT og 1STA-MAT), ikke kontaktlærer' },
  { username: 'avdelingsleder', password: DEMO_PASSWORD, role: 'departmentHead', description: 'Avdelingsleder for Studiespesialisering' },
  { username: 'radgiver', password: DEMO_PASSWORD, role: 'counsellor', description: 'Rådgiver ved skolen' },
  { username: 'rektor', password: DEMO_PASSWORD, role: 'principal', description: 'Rektor' },
  { username: 'skoleadmin', password: DEMO_PASSWORD, role: 'schoolAdmin', description: 'Skoleadministrator (konsulent): import fra skoleadministrativt system, personer og roller' },
  { username: 'elev', password: DEMO_PASSWORD, role: 'student', description: 'Elev i 2STA, under 18 år, to foresatte med foreldreansvar' },
  { username: 'elev.myndig', password: DEMO_PASSWORD, role: 'student', description: 'Myndig elev i 2STA som har gitt samtykke til den ene av to foresatte' },
  { username: 'foresatt', password: DEMO_PASSWORD, role: 'guardian', description: 'Foresatt med foreldreansvar for «elev»' },
  { username: 'foresatt.uten', password: DEMO_PASSWORD, role: 'guardian', description: 'Forelder uten foreldreansvar for en elev i 2STA' },
  { username: 'foresatt.myndig', password: DEMO_PASSWORD, role: 'guardian', description: 'Foresatt som «elev.myndig» har gitt samtykke til' },
];

export interface DemoHardCases {
  basisGroup2STAId: string;
  basisGroup2STBId: string;
  basisGroup1STAId: string;
  teachingGroup2STANORId: string;
  teachingGroup2STAMATId: string;
  teachingGroup1STAMATId: string;
  studiespesialiseringDepartmentId: string;
  contactTeacherStaffMemberId: string;
  subjectTeacherStaffMemberId: string;
  departmentHeadStaffMemberId: string;
  counsellorStaffMemberId: string;
  principalStaffMemberId: string;
  /** `elev`: under 18, in 2STA (and 2STA-MAT), two guardians with parental responsibility */
  elevStudentId: string;
  /** `foresatt` first, then the other guardian */
  elevGuardianPersonIds: [string, string];
  /** `elev.myndig`: 18+, in 2STA, consent to `foresatt.myndig` only */
  adultWithConsentStudentId: string;
  adultConsentGuardianPersonId: string;
  adultNoConsentGuardianPersonId: string;
  /** 18+, in 2STA, no consent rows at all */
  adultWithoutConsentStudentId: string;
  /** the student and the mother they live with have a strictly confidential address … */
  strictlyConfidentialStudentId: string;
  strictlyConfidentialGuardianPersonId: string;
  /** … and the father (parental responsibility, lives elsewhere, not protected) must not learn it */
  strictlyConfidentialOtherGuardianPersonId: string;
  /** student and both guardians (one household) with a confidential address */
  confidentialStudentId: string;
  confidentialGuardianPersonId: string;
  /** `foresatt.uten`: a father without parental responsibility and without any information decision */
  noResponsibilityStudentId: string;
  noResponsibilityGuardianPersonId: string;
  noResponsibilityGuardianshipId: string;
  /** a father without parental responsibility who was granted information (barneloven § 47) */
  grantedInformationStudentId: string;
  grantedInformationGuardianPersonId: string;
  /** minority language, 3 years of residence; no start-of-year conversation yet (overdue), so page 2 can be shown */
  minorityLanguageStudentId: string;
  /** `elev`'s start-of-year conversation (held, with a staff note and a shared follow-up) and a planned student conversation to prepare for */
  elevStartOfYearConversationId: string;
  elevPlannedConversationId: string;
  /** students with accommodation needs (skjemaelever) */
  accommodationStudentIds: string[];
  /** in 2STB from 2026-08-19 to 2026-10-05, in 2STA since (status active) */
  changedClassStudentId: string;
  /** a student (not in 2STA) with status left and every enrolment ended */
  leftStudentId: string;
  /** absence (R-20, R-21, L-10…L-14): in 2STA-MAT, undocumented absence over 10 % of the subject's hours */
  absenceOverLimitStudentId: string;
  /** in 2STA-MAT, between 8 and 10 % */
  absenceNearLimitStudentId: string;
  /** self-certified health absence in 2STA-NOR has reached 10 %: further health absence needs documentation (L-12) */
  selfCertificationUsedUpStudentId: string;
  /** a documented higher-risk condition: self-certified beyond 10 % in 2STA-NOR and still allowed */
  higherRiskStudentId: string;
  /** six late arrivals in the last four weeks, no follow-up yet */
  lateArrivalsStudentId: string;
  /** three undocumented full days in the last two weeks, no follow-up yet */
  fullDaysStudentId: string;
  /** away from the first lesson on Mondays, week after week */
  sameWeekdayStudentId: string;
}

export interface DemoInfo {
  ownerId: string;
  schoolId: string;
  logins: DemoLoginWithPerson[];
  hardCases: DemoHardCases;
}

/** true when no school owner exists yet (a fresh database) */
export async function isDatabaseEmpty(database: Database): Promise<boolean> {
  const rows = await database.db.select({ id: schoolOwner.id }).from(schoolOwner).limit(1);
  return rows.length === 0;
}

/** the demo logins whose accounts exist in this database */
export async function demoLogins(database: Database): Promise<DemoLogin[]> {
  const rows = await database.db
    .select({ username: account.username })
    .from(account)
    .where(inArray(account.username, DEMO_LOGINS.map((l) => l.username)));
  const present = new Set(rows.map((r) => r.username));
  return DEMO_LOGINS.filter((l) => present.has(l.username));
}

export interface DemoOptions {
  /**
   * the day ages are computed for (default 2026-11-25); any day of the school year 2026/27 keeps the
   * hard cases true (the adults are born early in 2008, `elev` late in 2009)
   */
  today?: string;
}

/** Create the demo owner, school, people and logins. Throws if the demo accounts already exist. */
export async function seedDemo(database: Database, opts: DemoOptions = {}): Promise<DemoInfo> {
  const existing = await demoLogins(database);
  if (existing.length > 0) {
    throw new Error(`The demo is already seeded (account "${existing[0]!.username}" exists); start from an empty database to seed it again.`);
  }
  const passwordHash = await hash(DEMO_PASSWORD); // argon2id, hashed once and reused
  const { dataset, info } = buildDemo(passwordHash, opts);
  await insertDataset(database, dataset, { transaction: 'single' });
  await seedWarnings(database, info);
  await seedConductDemo(database, info);
  await seedCasesDemo(database, info);
  await seedMeetingsDemo(database, info);
  await seedFormative(database, info);
  await seedClassLife(database, info);
  await seedAssessmentPlan(database, info);
  await seedStudentForms(database, info);
  await seedAnnualCycle(database, info);
  await seedSchoolEnvironment(database, info);
  await seedIndividualPlan(database, info);
  return info;
}

// ---------------------------------------------------------------------------------------------

function need<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`demo: ${what} not found`);
  return value;
}

/** the demo data set and what it contains (pure: no database) */
export function buildDemo(passwordHash: string, opts: DemoOptions = {}): { dataset: Dataset; info: DemoInfo } {
  const today = opts.today ?? DEMO_TODAY;
  const gen = new OwnerGenerator({
    seed: DEMO_SEED, schools: 1, studentsPerSchool: DEMO_STUDENTS, ownerName: DEMO_OWNER_NAME,
    schoolNames: [DEMO_SCHOOL_NAME], emailDomain: 'fjellvik.example', today,
  });
  const ds = gen.generate();
  const r = gen.rng;
  const town = postalTowns[0]!;
  const school = need(ds.school[0], 'school');

  const basis = (name: string) => need(ds.basisGroup.find((b) => b.name === name), `basis group ${name}`);
  const teaching = (name: string) => need(ds.teachingGroup.find((t) => t.name === name), `teaching group ${name}`);
  const personById = new Map(ds.person.map((p) => [p.id, p]));
  const studentById = new Map(ds.student.map((st) => [st.id, st]));
  const personOf = (studentId: string): PersonRow => need(personById.get(need(studentById.get(studentId), 'student').personId), 'person');
  const staffOf = (staffMemberId: string) => need(ds.staffMember.find((m) => m.id === staffMemberId), 'staff member');
  const nameOf = (personId: string) => {
    const p = need(personById.get(personId), 'person');
    return `${p.givenName} ${p.familyName}`;
  };

  const sta = basis('2STA');
  const stb = basis('2STB');
  const sta1 = basis('1STA');
  const nor2 = teaching('2STA-NOR');
  const mat2 = teaching('2STA-MAT');
  const mat1 = teaching('1STA-MAT');
  const stDepartment = need(ds.department.find((d) => d.name === 'Studiespesialisering'), 'department Studiespesialisering');

  // ----- staff ---------------------------------------------------------------------------------
  // 2STA gets exactly one contact teacher, who also teaches 2STA-NOR
  const contactOf2STA = ds.contactTeacherAssignment.filter((a) => a.basisGroupId === sta.id);
  const contactTeacher = need(contactOf2STA[0], 'contact teacher of 2STA').staffMemberId;
  ds.contactTeacherAssignment = ds.contactTeacherAssignment.filter((a) => a.basisGroupId !== sta.id || a.staffMemberId === contactTeacher);
  const teachAssign = ds.subjectTeacherAssignment;
  const protectedGroups = new Set<string>();
  /** make `staffMemberId` the teacher of the group; the previous teacher takes over one of theirs */
  const ensureTeaches = (groupId: string, staffMemberId: string) => {
    const a = need(teachAssign.find((x) => x.teachingGroupId === groupId), 'subject teacher assignment');
    protectedGroups.add(groupId);
    if (a.staffMemberId === staffMemberId) return;
    const previous = a.staffMemberId;
    const swap = teachAssign.find((x) => x.staffMemberId === staffMemberId && !protectedGroups.has(x.teachingGroupId));
    a.staffMemberId = staffMemberId;
    if (swap) swap.staffMemberId = previous;
  };
  ensureTeaches(nor2.id, contactTeacher);

  // the subject teacher: a teacher with no other role who is nobody's contact teacher, a maths teacher if possible
  const contactTeachers = new Set(ds.contactTeacherAssignment.map((a) => a.staffMemberId));
  const onlyTeacher = new Set(ds.staffMember.map((m) => m.id));
  for (const role of ds.staffRole) if (role.role !== 'teacher') onlyTeacher.delete(role.staffMemberId);
  const subjectCodeOfGroup = new Map(ds.teachingGroup.map((t) => [t.id, ds.subject.find((sub) => sub.id === t.subjectId)!.code]));
  const candidates = [...onlyTeacher].filter((id) => !contactTeachers.has(id));
  const mathTeacher = candidates.find((id) => teachAssign.some((x) => x.staffMemberId === id && /^(MAT|REA305|REA306)/.test(subjectCodeOfGroup.get(x.teachingGroupId)!)));
  const subjectTeacher = need(mathTeacher ?? candidates[0], 'a teacher who is not a contact teacher');
  ensureTeaches(mat2.id, subjectTeacher);
  ensureTeaches(mat1.id, subjectTeacher);

  const roleHolder = (role: string, departmentId?: string) =>
    need(ds.staffRole.find((x) => x.role === role && (departmentId === undefined || x.departmentId === departmentId)), role).staffMemberId;
  const departmentHead = roleHolder('departmentHead', stDepartment.id);
  const counsellor = roleHolder('counsellor');
  const principal = roleHolder('principal');
  const schoolAdmin = roleHolder('schoolAdmin');
  const counsellorPersonId = staffOf(counsellor).personId;
  const principalPersonId = staffOf(principal).personId;

  // ----- students of 2STA ------------------------------------------------------------------------
  const enrolmentsOf = (studentId: string) => ds.enrolment.filter((x) => x.studentId === studentId);
  const currentIn2STA = ds.enrolment.filter((x) => x.basisGroupId === sta.id && x.endsOn === null).map((x) => x.studentId);
  // plain candidates: active, in 2STA since the first day
  const plain = currentIn2STA.filter((id) => {
    const st = studentById.get(id)!;
    return st.status === 'active' && enrolmentsOf(id).filter((x) => x.basisGroupId).length === 1;
  });
  const takesMath = (id: string) => ds.enrolment.some((x) => x.studentId === id && x.teachingGroupId === mat2.id && x.endsOn === null);
  const used = new Set<string>();
  const take = (prefer?: (id: string) => boolean): StudentRow => {
    const id = need(plain.find((x) => !used.has(x) && (!prefer || prefer(x))) ?? plain.find((x) => !used.has(x)), 'a free 2STA student');
    used.add(id);
    return studentById.get(id)!;
  };
  const sexOf = (p: PersonRow): Sex => (Number(p.nationalIdentityNumber!.charAt(8)) % 2 === 0 ? 'female' : 'male');

  const setBirthDate = (st: StudentRow, birthDate: string) => {
    const p = personOf(st.id);
    p.birthDate = birthDate;
    p.nationalIdentityNumber = gen.nationalIdentityNumber(birthDate, sexOf(p));
  };
  /** replace a student's guardians with a new family (drops their consents and information decisions) */
  const newFamilyFor = (st: StudentRow, guardians: GuardianSpec[], opts: { protection?: 'none' | 'confidential' | 'strictlyConfidential'; origin?: NameOrigin } = {}): { family: Family; guardianshipIds: string[] } => {
    const old = new Set(ds.guardianship.filter((g) => g.studentId === st.id).map((g) => g.id));
    const oldPersons = new Set(ds.guardianship.filter((g) => old.has(g.id)).map((g) => g.guardianPersonId));
    ds.guardianship = ds.guardianship.filter((g) => !old.has(g.id));
    ds.informationDecision = ds.informationDecision.filter((d) => !old.has(d.guardianshipId));
    ds.consent = ds.consent.filter((c) => c.studentId !== st.id);
    // guardians left without any child at the school go too
    const stillGuardian = new Set(ds.guardianship.map((g) => g.guardianPersonId));
    ds.person = ds.person.filter((p) => !oldPersons.has(p.id) || stillGuardian.has(p.id));
    const p = personOf(st.id);
    const origin = opts.origin ?? origins.norwegian;
    const family = gen.newFamily(Number(p.birthDate!.slice(0, 4)), origin, town, st.level, { guardians, protection: opts.protection ?? 'none' });
    for (const row of ds.person.slice(ds.person.length - family.guardians.length)) personById.set(row.id, row);
    const guardianshipIds = gen.linkFamily(st.id, family);
    const female = sexOf(p) === 'female';
    p.familyName = female ? (family.childFamilyName.daughter ?? family.childFamilyName.female) : family.childFamilyName.male;
    p.givenName = r.pick(female ? origin.girls : origin.boys);
    st.minorityLanguage = origin.minorityLanguage;
    st.yearsOfResidence = null;
    p.email = gen.studentEmail(p.givenName, p.familyName);
    p.streetAddress = family.home.streetAddress;
    p.postalCode = family.home.postalCode;
    p.city = family.home.city;
    p.addressProtection = family.protection;
    return { family, guardianshipIds };
  };
  const twoParents: GuardianSpec[] = [
    { relation: 'mother', parentalResponsibility: true, livesWith: true },
    { relation: 'father', parentalResponsibility: true, livesWith: true },
  ];

  // everyone else in 2STA is a minor, so exactly two adults are in the class
  for (const id of currentIn2STA) {
    const p = personOf(id);
    if (isAdultOn(p.birthDate!, today)) {
      setBirthDate(studentById.get(id)!, `2009-12-${String(r.int(1, 31)).padStart(2, '0')}`); // a minor all school year
      ds.consent = ds.consent.filter((c) => c.studentId !== id);
    }
  }

  // elev: under 18 all school year, takes 2STA-MAT, two guardians with parental responsibility
  const elev = take(takesMath);
  setBirthDate(elev, '2009-12-10');
  if (!takesMath(elev.id)) gen.addEnrolment(elev.id, { teachingGroupId: mat2.id }, SCHOOL_YEAR.startsOn, null);
  const elevFamily = newFamilyFor(elev, twoParents).family;

  // elev.myndig: 18+, consent to the mother (foresatt.myndig) only
  const adult = take();
  setBirthDate(adult, '2008-03-14');
  const adultFamily = newFamilyFor(adult, twoParents).family;
  gen.addConsent(adult.id, adultFamily.guardians[0]!.personId, '2008-03-14');

  // a second adult without any consent
  const adultNoConsent = take();
  setBirthDate(adultNoConsent, '2008-06-30');
  newFamilyFor(adultNoConsent, twoParents);

  // strictly confidential address: the student and the mother they live with; the father has
  // parental responsibility, lives elsewhere and is not protected (he must not learn the address)
  const strict = take();
  const strictFamily = newFamilyFor(strict, [
    { relation: 'mother', parentalResponsibility: true, livesWith: true },
    { relation: 'father', parentalResponsibility: true, livesWith: false },
  ], { protection: 'strictlyConfidential' }).family;

  // confidential address: one household, student and both guardians
  const confidential = take();
  const confidentialFamily = newFamilyFor(confidential, twoParents, { protection: 'confidential' }).family;

  // foresatt.uten: a father without parental responsibility and no information decision
  const noPr = take();
  const noPrResult = newFamilyFor(noPr, [
    { relation: 'mother', parentalResponsibility: true, livesWith: true },
    { relation: 'father', parentalResponsibility: false, livesWith: false },
  ]);

  // a father without parental responsibility who asked for and was granted information
  const granted = take();
  const grantedResult = newFamilyFor(granted, [
    { relation: 'mother', parentalResponsibility: true, livesWith: true },
    { relation: 'father', parentalResponsibility: false, livesWith: false },
  ]);
  gen.addInformationDecision(grantedResult.guardianshipIds[1]!, true, principalPersonId);

  // minority language, three years in Norway
  const minority = take();
  newFamilyFor(minority, twoParents, { origin: origins.tigrinya });
  minority.minorityLanguage = true;
  minority.yearsOfResidence = 3;

  // skjemaelever
  const accommodation = [take(), take()];
  ds.accommodationNeed = ds.accommodationNeed.filter((a) => !accommodation.some((st) => st.id === a.studentId));
  gen.addAccommodationNeed(accommodation[0]!.id, 'Ekstra tid på prøver (25 %)', counsellorPersonId);
  gen.addAccommodationNeed(accommodation[0]!.id, 'Fast plass nær døra', counsellorPersonId);
  gen.addAccommodationNeed(accommodation[1]!.id, 'Tilgang til PC med opplesingsverktøy og retteprogram', counsellorPersonId);

  // changed class mid-year: 2STB until 2026-10-05, 2STA since (the class-bound teaching groups too)
  const changed = take();
  const changeOn = DEMO_CLASS_CHANGE_ON;
  const added: EnrolmentRow[] = [];
  for (const x of enrolmentsOf(changed.id)) {
    if (x.basisGroupId === sta.id) {
      x.startsOn = changeOn;
      added.push({ ...x, id: r.uuid(), basisGroupId: stb.id, startsOn: SCHOOL_YEAR.startsOn, endsOn: changeOn });
    } else if (x.teachingGroupId) {
      const group = ds.teachingGroup.find((t) => t.id === x.teachingGroupId)!;
      if (!group.name.startsWith('2STA-')) continue;
      const before = ds.teachingGroup.find((t) => t.name === `2STB-${group.name.slice(5)}`);
      if (!before) continue;
      x.startsOn = changeOn;
      added.push({ ...x, id: r.uuid(), teachingGroupId: before.id, startsOn: SCHOOL_YEAR.startsOn, endsOn: changeOn });
    }
  }
  ds.enrolment.push(...added);

  // a student who left (elsewhere in the school)
  const leftClass = basis('3STB');
  const leftId = need(
    ds.enrolment.find((x) => x.basisGroupId === leftClass.id && x.endsOn === null && studentById.get(x.studentId)!.status === 'active'),
    'a student in 3STB',
  ).studentId;
  const left = studentById.get(leftId)!;
  left.status = 'left';
  for (const x of enrolmentsOf(leftId)) if (x.endsOn === null) x.endsOn = '2026-10-16';

  // ----- accounts ------------------------------------------------------------------------------
  const personFor: Record<string, string> = {
    kontaktlarer: staffOf(contactTeacher).personId,
    'kontaktlarer.2stb': staffOf(need(ds.contactTeacherAssignment.find((a) => a.basisGroupId === stb.id && a.staffMemberId !== contactTeacher), 'contact teacher of 2STB').staffMemberId).personId,
    faglarer: staffOf(subjectTeacher).personId,
    avdelingsleder: staffOf(departmentHead).personId,
    radgiver: counsellorPersonId,
    rektor: principalPersonId,
    skoleadmin: staffOf(schoolAdmin).personId,
    elev: elev.personId,
    'elev.myndig': adult.personId,
    foresatt: elevFamily.guardians[0]!.personId,
    'foresatt.uten': noPrResult.family.guardians[1]!.personId,
    'foresatt.myndig': adultFamily.guardians[0]!.personId,
  };
  const logins: DemoLoginWithPerson[] = DEMO_LOGINS.map((l) => {
    const personId = need(personFor[l.username], l.username);
    ds.account.push({ ownerId: gen.ownerId, id: r.uuid(), personId, username: l.username, passwordHash, oidcSubject: null, disabled: false });
    return { ...l, personId, name: nameOf(personId) };
  });

  // ----- conversations (R-10…R-18) ------------------------------------------------------------
  const handMade = new Set([elev.id, minority.id]);
  addConversations(ds, r.fork('conversations'), { ownerId: gen.ownerId, schoolYearId: gen.schoolYearId, today, skipStudentIds: handMade });
  const ctPerson = staffOf(contactTeacher).personId;
  const versionOf = (kind: string) => need(ds.conversationTemplateVersion.find((v) =>
    ds.conversationTemplate.some((t) => t.id === v.templateId && t.kind === kind)), `template ${kind}`).id;
  const startOfYear = { ownerId: gen.ownerId, id: r.uuid(), schoolYearId: gen.schoolYearId, studentId: elev.id, kind: 'startOfYear' as const,
    templateVersionId: versionOf('startOfYear'), holderPersonId: ctPerson, plannedAt: new Date('2026-09-03T10:00:00+02:00'),
    heldAt: new Date('2026-09-03T10:30:00+02:00'), heldByPersonId: ctPerson, createdByPersonId: ctPerson, place: 'Grupperom 2' };
  const planned = { ownerId: gen.ownerId, id: r.uuid(), schoolYearId: gen.schoolYearId, studentId: elev.id, kind: 'student' as const,
    templateVersionId: versionOf('student'), holderPersonId: ctPerson, plannedAt: new Date('2026-12-02T10:00:00+01:00'),
    createdByPersonId: ctPerson, place: 'Grupperom 2' };
  ds.conversation.push(startOfYear, planned);
  ds.conversationNote.push({ ownerId: gen.ownerId, id: r.uuid(), conversationId: startOfYear.id, sectionKey: 'learning',
    text: 'Trives godt i klassen. Synes matematikk går for fort; vil gjerne ha tilbud om studietime.', visibility: 'contactTeacherAndLeaders',
    sharedWithFamily: false, authorPersonId: ctPerson });
  ds.conversationFollowUp.push({ ownerId: gen.ownerId, id: r.uuid(), conversationId: startOfYear.id,
    description: 'Prøve studietime i matematikk på onsdager fram til jul', responsible: 'student', dueOn: '2026-12-16',
    sharedWithFamily: true, createdByPersonId: ctPerson });
  for (const g of elevFamily.guardians) {
    ds.guardianConferenceOffer.push({ ownerId: gen.ownerId, id: r.uuid(), studentId: elev.id, schoolYearId: gen.schoolYearId,
      guardianPersonId: g.personId, offeredAt: new Date('2026-09-10T12:00:00+02:00'), offeredByPersonId: ctPerson, toldOfRight: true });
  }

  // ----- timetable and absence (R-20, R-21) ------------------------------------------------------
  const absenceOpts = { ownerId: gen.ownerId, schoolYearId: gen.schoolYearId, today };
  addSchoolHolidays(ds, r.fork('holidays'), gen.ownerId);
  addTimetable(ds, r.fork('timetable'), absenceOpts);
  addAbsence(ds, r.fork('absence'), absenceOpts);
  const hand = new HandAbsence(ds, gen.ownerId, today);
  const overLimit = take(takesMath);
  const nearLimit = take(takesMath);
  const usedUp = take();
  const higherRisk = take();
  const lates = take();
  const fullDays = take();
  const mondays = take();
  for (const st of [elev, overLimit, nearLimit, usedUp, higherRisk, lates, fullDays, mondays, changed, adultNoConsent]) hand.clear(st.id);
  const nor = (id: string) => ds.teachingGroup.find((g) => g.name === '2STA-NOR' && ds.enrolment.some((e) => e.studentId === id && e.teachingGroupId === g.id))!.id;
  /** lessons of a group up to minutes in total, every second one so they spread over the autumn */
  const spread = (id: string, groupId: string, minutes: number) => {
    const list = hand.lessons(id, groupId).filter((_, i) => i % 2 === 1);
    const out: typeof list = [];
    for (let sum = 0, i = 0; sum < minutes && i < list.length; i++) { out.push(list[i]!); sum += list[i]!.minutes; }
    return out;
  };
  // elev: a self-certified sick day, a driving test, two lessons away and a late arrival in maths (≥ 5 % so far: a signal)
  hand.fullDay(elev.id, '2026-10-14', 'selfCertification', '2026-10-15');
  const elevMath = hand.lessons(elev.id, mat2.id);
  hand.lesson(elev.id, elevMath[3]!, 'undocumented');
  hand.lesson(elev.id, elevMath[7]!, 'drivingTest', { documentedOn: elevMath[7]!.day });
  for (const o of elevMath.filter((x) => x.day >= '2026-11-09' && x.day <= '2026-11-24').slice(0, 2)) hand.lesson(elev.id, o, 'undocumented');
  hand.lesson(elev.id, elevMath.find((x) => x.day >= '2026-11-02')!, 'undocumented', { late: 15 });
  hand.lesson(elev.id, hand.lessons(elev.id, nor(elev.id))[5]!, 'undocumented');
  // over and near the limit in maths
  for (const o of spread(overLimit.id, mat2.id, 700)) hand.lesson(overLimit.id, o, 'undocumented');
  for (const o of spread(nearLimit.id, mat2.id, 440)) hand.lesson(nearLimit.id, o, 'undocumented');
  // self-certification used up in Norwegian (8 × 90 min of 114 h), and beyond it with a higher-risk condition
  for (const o of hand.lessons(usedUp.id, nor(usedUp.id)).slice(0, 8)) hand.lesson(usedUp.id, o, 'selfCertification', { documentedOn: o.day });
  for (const o of hand.lessons(higherRisk.id, nor(higherRisk.id)).slice(0, 9)) hand.lesson(higherRisk.id, o, 'selfCertification', { documentedOn: o.day });
  ds.higherRiskCondition.push({ ownerId: gen.ownerId, studentId: higherRisk.id, documentedOn: '2026-09-01', registeredByPersonId: staffOf(contactTeacher).personId });
  // late arrivals, full days and Mondays, all after the last conversations of the autumn (so no follow-up yet)
  const lateDays = hand.lessons(lates.id).filter((o) => o.day >= '2026-10-29' && o.startsAt.startsWith('08:15'));
  for (const o of [...new Map(lateDays.map((x) => [x.day, x])).values()].slice(0, 6)) hand.lesson(lates.id, o, 'undocumented', { late: 10 + (o.minutes > 45 ? 10 : 0) });
  for (const day of ['2026-11-18', '2026-11-23', '2026-11-24']) hand.fullDay(fullDays.id, day);
  for (const o of hand.lessons(mondays.id).filter((x) => isoWeekdayOf(x.day) === 1 && x.day >= '2026-10-26' && x.startsAt.startsWith('08:15'))) hand.lesson(mondays.id, o);
  // the class change: Norwegian in 2STB before it, in 2STA after; both count for the one subject
  const changedNor = hand.lessons(changed.id).filter((o) => ds.teachingGroup.find((g) => g.id === o.teachingGroupId)!.name.endsWith('-NOR'));
  for (const o of [...changedNor.filter((x) => x.day < DEMO_CLASS_CHANGE_ON).slice(-2), ...changedNor.filter((x) => x.day >= DEMO_CLASS_CHANGE_ON).slice(0, 2)]) hand.lesson(changed.id, o);
  // the adult without consent: some absence that no guardian may see
  for (const o of hand.lessons(adultNoConsent.id).slice(10, 12)) hand.lesson(adultNoConsent.id, o);
  addAbsenceExtras(ds, r.fork('absence-extras'), { ...absenceOpts, checkedBy: contactTeacherByStudent(ds, today), skip: new Set([elev, overLimit, nearLimit, usedUp, higherRisk, lates, fullDays, mondays, changed, adultNoConsent].map((st) => st.id)) });
  // the class hour's check of this week is still to do in 2STA
  const thisWeek = '2026-11-23';
  const in2STA = new Set(ds.enrolment.filter((e) => e.basisGroupId === sta.id && e.endsOn === null).map((e) => e.studentId));
  ds.weeklyCheck = ds.weeklyCheck.filter((w) => !(in2STA.has(w.studentId) && w.weekStart >= thisWeek));
  ds.higherRiskCondition = ds.higherRiskCondition.filter((h, i, all) => all.findIndex((x) => x.studentId === h.studentId) === i);

  const info: DemoInfo = {
    ownerId: gen.ownerId,
    schoolId: school.id,
    logins,
    hardCases: {
      basisGroup2STAId: sta.id,
      basisGroup2STBId: stb.id,
      basisGroup1STAId: sta1.id,
      teachingGroup2STANORId: nor2.id,
      teachingGroup2STAMATId: mat2.id,
      teachingGroup1STAMATId: mat1.id,
      studiespesialiseringDepartmentId: stDepartment.id,
      contactTeacherStaffMemberId: contactTeacher,
      subjectTeacherStaffMemberId: subjectTeacher,
      departmentHeadStaffMemberId: departmentHead,
      counsellorStaffMemberId: counsellor,
      principalStaffMemberId: principal,
      elevStudentId: elev.id,
      elevGuardianPersonIds: [elevFamily.guardians[0]!.personId, elevFamily.guardians[1]!.personId],
      adultWithConsentStudentId: adult.id,
      adultConsentGuardianPersonId: adultFamily.guardians[0]!.personId,
      adultNoConsentGuardianPersonId: adultFamily.guardians[1]!.personId,
      adultWithoutConsentStudentId: adultNoConsent.id,
      strictlyConfidentialStudentId: strict.id,
      strictlyConfidentialGuardianPersonId: strictFamily.guardians[0]!.personId,
      strictlyConfidentialOtherGuardianPersonId: strictFamily.guardians[1]!.personId,
      confidentialStudentId: confidential.id,
      confidentialGuardianPersonId: confidentialFamily.guardians[0]!.personId,
      noResponsibilityStudentId: noPr.id,
      noResponsibilityGuardianPersonId: noPrResult.family.guardians[1]!.personId,
      noResponsibilityGuardianshipId: noPrResult.guardianshipIds[1]!,
      grantedInformationStudentId: granted.id,
      grantedInformationGuardianPersonId: grantedResult.family.guardians[1]!.personId,
      minorityLanguageStudentId: minority.id,
      elevStartOfYearConversationId: startOfYear.id,
      elevPlannedConversationId: planned.id,
      accommodationStudentIds: accommodation.map((st) => st.id),
      changedClassStudentId: changed.id,
      leftStudentId: leftId,
      absenceOverLimitStudentId: overLimit.id,
      absenceNearLimitStudentId: nearLimit.id,
      selfCertificationUsedUpStudentId: usedUp.id,
      higherRiskStudentId: higherRisk.id,
      lateArrivalsStudentId: lates.id,
      fullDaysStudentId: fullDays.id,
      sameWeekdayStudentId: mondays.id,
    },
  };
  return { dataset: ds, info };
}
