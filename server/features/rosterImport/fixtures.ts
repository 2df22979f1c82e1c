/**
 * A small generated school as the administrative system would export it: for the tests, the matrix,
 * the browser journey and the templates' examples. Everyone is made up; the national identity numbers
 * are synthetic test numbers (the month + 80, as in Skatteetaten's test data) with valid control digits.
 */
import { isNationalIdentityNumber } from './adapters/nationalIdentityNumber.js';
import { emptyRoster, type Roster } from './roster.js';

/** A synthetic fødselsnummer for a birth date: DD, MM + 80, YY, an individual number from `seq`, two control digits. */
export function syntheticNin(birthDate: string, seq: number): string {
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  const base = `${d}${String(Number(m) + 80)}${y.slice(2)}`;
  const first = Number(y) >= 2000 ? 500 : 0;
  for (let i = 0; i < 500; i++) {
    const individual = String(first + ((seq * 7 + i) % 500)).padStart(3, '0');
    for (let c = 0; c < 100; c++) {
      const nin = `${base}${individual}${String(c).padStart(2, '0')}`;
      if (isNationalIdentityNumber(nin)) return nin;
    }
  }
  throw new Error(`no synthetic number for ${birthDate}`);
}

const GIVEN = ['Sander', 'Ingrid', 'Tobias', 'Maja', 'Elias', 'Nora', 'Jonas', 'Sofie', 'Henrik', 'Thea', 'Mathias', 'Emma'];
const FAMILY = ['Bråten', 'Lunde', 'Myrvold', 'Skogheim', 'Vatne', 'Fjeldstad'];

export interface SmallSchoolOptions {
  /** the school's name (an import into a fresh install links it to the school the first admin made) */
  schoolName?: string;
  /** the class's name */
  className?: string;
  students?: number;
  /** a prefix for every source id, so two fixtures never share ids */
  prefix?: string;
  /** the Feide realm of staff and students */
  realm?: string;
  /** the contact teacher as an existing person: matched by national identity number */
  contactTeacher?: { givenName: string; familyName: string; nationalIdentityNumber: string | null; feideId: string | null };
}

/**
 * One school, its year and terms, one department, two subjects; a contact teacher and a subject teacher;
 * one class of students, each with two guardians (the second without parental responsibility, the first
 * of them at a strictly confidential address); the class and two teaching groups with their lessons.
 */
export function smallSchoolRoster(opts: SmallSchoolOptions = {}): Roster {
  const p = opts.prefix ?? 'T';
  const realm = opts.realm ?? 'fjellvik.example';
  const r = emptyRoster();
  const at = (file: string, line: number) => ({ file, line });
  const school = `${p}-S1`;
  r.schools.push({ sourceId: school, name: opts.schoolName ?? 'Fjellvik vgs', stage: 'upperSecondary', organisationNumber: null, at: at('skoler.csv', 2) });
  r.schoolYears.push({ sourceId: `${p}-Y2026`, name: '2026/27', startsOn: '2026-08-19', endsOn: '2027-06-18', at: at('skoleår.csv', 2) });
  r.terms.push(
    { sourceId: `${p}-Y2026-H`, schoolYearId: `${p}-Y2026`, kind: 'autumn', startsOn: '2026-08-19', endsOn: '2026-12-20', at: at('terminer.csv', 2) },
    { sourceId: `${p}-Y2026-V`, schoolYearId: `${p}-Y2026`, kind: 'spring', startsOn: '2027-01-04', endsOn: '2027-06-18', at: at('terminer.csv', 3) },
  );
  r.departments.push({ sourceId: `${p}-D1`, schoolId: school, name: 'Studiespesialisering', at: at('avdelinger.csv', 2) });
  r.subjects.push(
    { sourceId: `${p}-MAT`, code: `${p}MAT1021`, name: 'Matematikk 1T', annualHours: 140, at: at('fag.csv', 2) },
    { sourceId: `${p}-NOR`, code: `${p}NOR1260`, name: 'Norsk', annualHours: 113, at: at('fag.csv', 3) },
  );
  let personLine = 2;
  const person = (id: string, givenName: string, familyName: string, birthDate: string, seq: number, extra: Partial<Roster['people'][number]> = {}) => {
    r.people.push({
      sourceId: id, givenName, familyName, birthDate, nationalIdentityNumber: syntheticNin(birthDate, seq), email: null, phone: null,
      streetAddress: null, postalCode: null, city: null, addressProtection: 'none', feideId: null, at: at('personer.csv', personLine++), ...extra,
    });
  };
  const ct = opts.contactTeacher;
  r.people.push({
    sourceId: `${p}-P-CT`, givenName: ct?.givenName ?? 'Kristoffer', familyName: ct?.familyName ?? 'Haugland', birthDate: '1984-05-02',
    nationalIdentityNumber: ct ? ct.nationalIdentityNumber : syntheticNin('1984-05-02', 1), email: null, phone: null, streetAddress: null, postalCode: null,
    city: null, addressProtection: 'none', feideId: ct ? ct.feideId : `k.haugland@${realm}`, at: at('personer.csv', personLine++),
  });
  person(`${p}-P-ST`, 'Live', 'Sandvik', '1979-11-20', 2, { feideId: `l.sandvik@${realm}` });
  r.staff.push(
    { sourceId: `${p}-T1`, personId: `${p}-P-CT`, schoolId: school, title: 'Lektor', roles: [{ role: 'teacher', departmentId: null }], at: at('ansatte.csv', 2) },
    { sourceId: `${p}-T2`, personId: `${p}-P-ST`, schoolId: school, title: 'Lektor', roles: [{ role: 'teacher', departmentId: null }], at: at('ansatte.csv', 3) },
  );
  const className = opts.className ?? '1IMP';
  r.basisGroups.push({ sourceId: `${p}-B1`, schoolId: school, schoolYearId: `${p}-Y2026`, departmentId: `${p}-D1`, name: className, level: 'vg1', at: at('basisgrupper.csv', 2) });
  r.teachingGroups.push(
    { sourceId: `${p}-U-MAT`, schoolId: school, schoolYearId: `${p}-Y2026`, subjectId: `${p}-MAT`, name: `${className}-MAT`, at: at('undervisningsgrupper.csv', 2) },
    { sourceId: `${p}-U-NOR`, schoolId: school, schoolYearId: `${p}-Y2026`, subjectId: `${p}-NOR`, name: `${className}-NOR`, at: at('undervisningsgrupper.csv', 3) },
  );
  r.contactTeachers.push({ sourceId: `${p}-KT1`, groupId: `${p}-B1`, staffMemberId: `${p}-T1`, at: at('kontaktlærere.csv', 2) });
  r.subjectTeachers.push(
    { sourceId: `${p}-FT1`, groupId: `${p}-U-MAT`, staffMemberId: `${p}-T2`, at: at('faglærere.csv', 2) },
    { sourceId: `${p}-FT2`, groupId: `${p}-U-NOR`, staffMemberId: `${p}-T1`, at: at('faglærere.csv', 3) },
  );
  r.lessons.push(
    { sourceId: `${p}-L1`, teachingGroupId: `${p}-U-MAT`, weekday: 1, startsAt: '08:15', minutes: 90, startsOn: '2026-08-19', endsOn: null, at: at('timeplan.csv', 2) },
    { sourceId: `${p}-L2`, teachingGroupId: `${p}-U-NOR`, weekday: 3, startsAt: '10:00', minutes: 90, startsOn: '2026-08-19', endsOn: null, at: at('timeplan.csv', 3) },
  );
  const n = opts.students ?? 4;
  const line = { students: 2, guardianships: 2, enrolments: 2 };
  for (let i = 0; i < n; i++) {
    const family = FAMILY[i % FAMILY.length]!;
    const birth = `2010-0${(i % 9) + 1}-1${i % 10}`;
    person(`${p}-P-E${i}`, GIVEN[i % GIVEN.length]!, family, birth, 10 + i, { feideId: `elev${i}.${p.toLowerCase()}@${realm}` });
    person(`${p}-P-M${i}`, GIVEN[(i + 5) % GIVEN.length]!, family, '1980-02-14', 30 + i, {
      phone: `+47 4000 ${String(1000 + i)}`, streetAddress: `Fjordveien ${i + 1}`, postalCode: '5003', city: 'Bergen',
      addressProtection: i === 0 ? 'strictlyConfidential' : 'none',
    });
    person(`${p}-P-F${i}`, GIVEN[(i + 7) % GIVEN.length]!, family, '1978-09-03', 50 + i);
    r.students.push({ sourceId: `${p}-E${i}`, personId: `${p}-P-E${i}`, schoolId: school, departmentId: `${p}-D1`, level: 'vg1', programme: 'general', status: 'active', at: at('elever.csv', line.students++) });
    r.guardianships.push(
      { sourceId: `${p}-G${i}-M`, studentId: `${p}-E${i}`, guardianPersonId: `${p}-P-M${i}`, relation: 'mother', parentalResponsibility: true, livesWith: true, at: at('foresatte.csv', line.guardianships++) },
      { sourceId: `${p}-G${i}-F`, studentId: `${p}-E${i}`, guardianPersonId: `${p}-P-F${i}`, relation: 'father', parentalResponsibility: false, livesWith: false, at: at('foresatte.csv', line.guardianships++) },
    );
    for (const [gid, kind] of [[`${p}-B1`, 'basis'], [`${p}-U-MAT`, 'teaching'], [`${p}-U-NOR`, 'teaching']] as const) {
      r.enrolments.push({ sourceId: `${p}-M-${i}-${gid}`, studentId: `${p}-E${i}`, group: { kind, id: gid }, startsOn: '2026-08-19', endsOn: null, at: at('medlemskap.csv', line.enrolments++) });
    }
  }
  return r;
}

/**
 * The same school's export a year later (the year's turn): the school year 2027/28 only, as an
 * administrative system exports next year; the class moves on to Vg2 as `2<class>` with new teaching groups,
 * the subject teacher (`T2`) becomes its contact teacher and teaches both subjects, last year's contact
 * teacher (`T1`) stays on the staff with no group of the class, and the students at `leaving` (default:
 * the last) are gone from the export — they have left.
 */
export function nextYearRoster(opts: SmallSchoolOptions = {}, leaving: readonly number[] = [(opts.students ?? 4) - 1]): Roster {
  const p = opts.prefix ?? 'T';
  const last = smallSchoolRoster(opts);
  const r = emptyRoster();
  const at = (file: string, line: number) => ({ file, line });
  const gone = new Set(leaving.map((i) => `${p}-E${i}`));
  const school = `${p}-S1`;
  const year = `${p}-Y2027`;
  const starts = '2027-08-18';
  r.schools.push(...last.schools);
  r.departments.push(...last.departments);
  r.subjects.push(...last.subjects);
  r.staff.push(...last.staff);
  r.schoolYears.push({ sourceId: year, name: '2027/28', startsOn: starts, endsOn: '2028-06-16', at: at('skoleår.csv', 2) });
  r.terms.push(
    { sourceId: `${year}-H`, schoolYearId: year, kind: 'autumn', startsOn: starts, endsOn: '2027-12-19', at: at('terminer.csv', 2) },
    { sourceId: `${year}-V`, schoolYearId: year, kind: 'spring', startsOn: '2028-01-03', endsOn: '2028-06-16', at: at('terminer.csv', 3) },
  );
  const students = last.students.filter((s) => !gone.has(s.sourceId)).map((s) => ({ ...s, level: 'vg2' as const }));
  const kept = new Set(students.flatMap((s) => [s.personId, ...last.guardianships.filter((g) => g.studentId === s.sourceId).map((g) => g.guardianPersonId)]));
  r.people.push(...last.people.filter((x) => kept.has(x.sourceId) || last.staff.some((m) => m.personId === x.sourceId)));
  r.students.push(...students);
  r.guardianships.push(...last.guardianships.filter((g) => !gone.has(g.studentId)));
  const className = `2${(opts.className ?? '1IMP').slice(1)}`;
  r.basisGroups.push({ sourceId: `${p}-B2`, schoolId: school, schoolYearId: year, departmentId: `${p}-D1`, name: className, level: 'vg2', at: at('basisgrupper.csv', 2) });
  r.teachingGroups.push(
    { sourceId: `${p}-U2-MAT`, schoolId: school, schoolYearId: year, subjectId: `${p}-MAT`, name: `${className}-MAT`, at: at('undervisningsgrupper.csv', 2) },
    { sourceId: `${p}-U2-NOR`, schoolId: school, schoolYearId: year, subjectId: `${p}-NOR`, name: `${className}-NOR`, at: at('undervisningsgrupper.csv', 3) },
  );
  r.contactTeachers.push({ sourceId: `${p}-KT2`, groupId: `${p}-B2`, staffMemberId: `${p}-T2`, at: at('kontaktlærere.csv', 2) });
  r.subjectTeachers.push(
    { sourceId: `${p}-FT3`, groupId: `${p}-U2-MAT`, staffMemberId: `${p}-T2`, at: at('faglærere.csv', 2) },
    { sourceId: `${p}-FT4`, groupId: `${p}-U2-NOR`, staffMemberId: `${p}-T2`, at: at('faglærere.csv', 3) },
  );
  r.lessons.push(
    { sourceId: `${p}-L3`, teachingGroupId: `${p}-U2-MAT`, weekday: 2, startsAt: '08:15', minutes: 90, startsOn: starts, endsOn: null, at: at('timeplan.csv', 2) },
    { sourceId: `${p}-L4`, teachingGroupId: `${p}-U2-NOR`, weekday: 4, startsAt: '10:00', minutes: 90, startsOn: starts, endsOn: null, at: at('timeplan.csv', 3) },
  );
  let line = 2;
  for (const s of students) {
    for (const [gid, kind] of [[`${p}-B2`, 'basis'], [`${p}-U2-MAT`, 'teaching'], [`${p}-U2-NOR`, 'teaching']] as const) {
      r.enrolments.push({ sourceId: `${p}-M2-${s.sourceId}-${gid}`, studentId: s.sourceId, group: { kind, id: gid }, startsOn: starts, endsOn: null, at: at('medlemskap.csv', line++) });
    }
  }
  return r;
}
