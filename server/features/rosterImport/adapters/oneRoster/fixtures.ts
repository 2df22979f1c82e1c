/**
 * Generated rosters for the OneRoster adapter's tests, the bench and the browser journey: a small school
 * with every kind of record, and a county of any size. Everyone in them is generated (names from short
 * lists, synthetic national identity numbers with the month + 80 as in Skatteetaten's test data); the
 * same arguments always give the same roster. Ids follow the reader's conventions (README.md, "Round
 * trip"), so `readOneRosterZip(writeOneRosterZip(r))` gives `r` back.
 */
import type { Level } from '../../../../core/db/tables.js';
import { emptyRoster, type Roster, type RosterPerson, type RosterStaffMember } from '../../roster.js';
import { staffId } from './people.js';

const GIVEN_F = ['Ingrid', 'Kari', 'Nora', 'Emma', 'Sara', 'Maja', 'Ida', 'Hanna', 'Thea', 'Leah', 'Sofie', 'Amalie', 'Frida', 'Mia', 'Aurora', 'Selma', 'Astrid', 'Tiril', 'Julie', 'Live'];
const GIVEN_M = ['Ola', 'Jakob', 'Emil', 'Noah', 'Lucas', 'Filip', 'Oskar', 'Henrik', 'Aksel', 'Magnus', 'Sander', 'Johannes', 'Tobias', 'Elias', 'Isak', 'Vetle', 'Sindre', 'Kasper', 'Mathias', 'Even'];
const FAMILY = ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen', 'Johnsen', 'Pettersen',
  'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl', 'Jørgensen', 'Halvorsen', 'Henriksen', 'Lund', 'Sørensen',
  'Jakobsen', 'Moen', 'Gundersen', 'Iversen', 'Strand', 'Solberg', 'Svendsen', 'Eide', 'Knutsen', 'Martinsen', 'Paulsen', 'Bakken', 'Kristoffersen', 'Mathisen', 'Lie'];
const PLACES = ['Elvebakken', 'Fjellheim', 'Strandvik', 'Lindås', 'Bjørkely', 'Solbakken', 'Nordby', 'Granli', 'Sjøvik', 'Heggedal'];

/** mulberry32: small, seeded, the same on every platform */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
function control(d: readonly number[], w: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < w.length; i++) sum += d[i]! * w[i]!;
  const k = 11 - (sum % 11);
  return k === 11 ? 0 : k;
}

/** The synthetic fødselsnummer (month + 80) with the `i`th individual number of the birth date's century, or null when its control digits cannot be made. */
function withIndividual(birthDate: string, i: number): string | null {
  const prefix = `${birthDate.slice(8, 10)}${Number(birthDate.slice(5, 7)) + 80}${birthDate.slice(2, 4)}`;
  const base = Number(birthDate.slice(0, 4)) >= 2000 ? 500 : 0;
  const body = prefix + String(base + (i % 500)).padStart(3, '0');
  const d = [...body].map(Number);
  const k1 = control(d, W1);
  if (k1 === 10) return null;
  const k2 = control([...d, k1], W2);
  return k2 === 10 ? null : `${body}${k1}${k2}`;
}

/** A synthetic fødselsnummer for a birth date (month + 80); `n` picks the individual number, so ids stay unique. */
export function syntheticNationalIdentityNumber(birthDate: string, n: number): string {
  for (let i = 0; i < 500; i++) {
    const nin = withIndividual(birthDate, n + i);
    if (nin) return nin;
  }
  throw new Error(`no synthetic number for ${birthDate}`);
}

/** Numbers for many people born the same days, each one its own: the next free individual number per birth date. */
function ninSequence(): (birthDate: string) => string {
  const next = new Map<string, number>();
  return (birthDate) => {
    for (let i = next.get(birthDate) ?? 0; i < 500; i++) {
      const nin = withIndividual(birthDate, i);
      if (nin) {
        next.set(birthDate, i + 1);
        return nin;
      }
    }
    throw new Error(`no synthetic number left for ${birthDate}`);
  };
}

const at = { file: 'fixture', line: 0 };

function person(id: string, givenName: string, familyName: string, extra: Partial<RosterPerson> = {}): RosterPerson {
  return {
    sourceId: id, at, givenName, familyName, birthDate: null, nationalIdentityNumber: null, email: null, phone: null,
    streetAddress: null, postalCode: null, city: null, addressProtection: 'none', feideId: null, ...extra,
  };
}

function staff(personId: string, schoolId: string, roles: RosterStaffMember['roles'], title: string | null = null): RosterStaffMember {
  return { sourceId: staffId(personId, schoolId), at, personId, schoolId, title, roles };
}

/**
 * One upper secondary school with a department and two classes, one compulsory school: every kind the
 * adapter maps — a principal, a department head, a counsellor, a nurse, an admin, an aide, two contact
 * teachers of one class, a student at a protected address, a father without parental responsibility who
 * lives elsewhere, siblings with one guardian, a student who moved class in October.
 */
export function smallSchoolRoster(): Roster {
  const r = emptyRoster();
  r.schools.push(
    { sourceId: 'sch-elv', at, name: 'Elvebakken videregående skole', stage: 'upperSecondary', organisationNumber: '999000111' },
    { sourceId: 'sch-bak', at, name: 'Bakkedal skole', stage: 'compulsory', organisationNumber: null },
  );
  r.departments.push({ sourceId: 'dep-st', at, schoolId: 'sch-elv', name: 'Studiespesialisering' });
  r.schoolYears.push({ sourceId: 'sy-2026', at, name: '2026/27', startsOn: '2026-08-19', endsOn: '2027-06-18' });
  r.terms.push(
    { sourceId: 'term-h26', at, schoolYearId: 'sy-2026', kind: 'autumn', startsOn: '2026-08-19', endsOn: '2026-12-18' },
    { sourceId: 'term-v27', at, schoolYearId: 'sy-2026', kind: 'spring', startsOn: '2027-01-04', endsOn: '2027-06-18' },
  );
  r.subjects.push(
    { sourceId: 'MAT1021', at, code: 'MAT1021', name: 'Matematikk 1T', annualHours: 140 },
    { sourceId: 'NOR1260', at, code: 'NOR1260', name: 'Norsk Vg1', annualHours: 113 },
  );
  const feide = (u: string): string => `${u}@elvebakken.example.no`;
  r.people.push(
    person('p-rektor', 'Astrid', 'Solberg', { feideId: feide('astrid.solberg'), email: 'astrid.solberg@elvebakken.example.no' }),
    person('p-avd', 'Henrik', 'Moen', { feideId: feide('henrik.moen') }),
    person('p-rad', 'Selma', 'Dahl', { feideId: feide('selma.dahl') }),
    person('p-kt1', 'Kari Marie', 'Lund', { feideId: feide('kari.lund'), phone: '+4791234567' }),
    person('p-kt2', 'Jakob', 'Strand', { feideId: feide('jakob.strand') }),
    person('p-fag', 'Tiril', 'Eide', { feideId: feide('tiril.eide') }),
    person('p-helse', 'Live', 'Bakken', {}),
    person('p-adm', 'Even', 'Knutsen', { feideId: feide('even.knutsen') }),
    person('p-ass', 'Vetle', 'Gundersen', {}),
    person('p-kt3', 'Frida', 'Haugen', { feideId: 'frida.haugen@bakkedal.example.no' }),
    person('p-s1', 'Nora', 'Berg', {
      birthDate: '2010-03-14', nationalIdentityNumber: syntheticNationalIdentityNumber('2010-03-14', 1), feideId: feide('nora.berg'),
      addressProtection: 'strictlyConfidential',
    }),
    person('p-s2', 'Isak', 'Jensen', { birthDate: '2008-05-02', nationalIdentityNumber: syntheticNationalIdentityNumber('2008-05-02', 2), feideId: feide('isak.jensen') }),
    person('p-s3', 'Maja', 'Jensen', { birthDate: '2010-11-30', nationalIdentityNumber: syntheticNationalIdentityNumber('2010-11-30', 3) }),
    person('p-s4', 'Oskar', 'Lie', { birthDate: '2010-01-09' }),
    person('p-s5', 'Aurora', 'Nilsen', { birthDate: '2011-06-21' }),
    person('p-g1', 'Ingrid', 'Berg', {
      birthDate: '1979-09-01', email: 'ingrid.berg@example.no', phone: '+4790000001', addressProtection: 'strictlyConfidential',
    }),
    person('p-g2', 'Ola', 'Berg', { email: 'ola.berg@example.no', streetAddress: 'Storgata 1', postalCode: '0155', city: 'Oslo' }),
    person('p-g3', 'Sindre', 'Jensen', { phone: '+4790000003', streetAddress: 'Fjellveien 12', postalCode: '5003', city: 'Bergen' }),
    person('p-g4', 'Hanna', 'Nilsen', { email: 'hanna.nilsen@example.no', addressProtection: 'confidential' }),
  );
  r.students.push(
    { sourceId: 'p-s1', at, personId: 'p-s1', schoolId: 'sch-elv', departmentId: 'dep-st', level: 'vg1', programme: 'general', status: 'active' },
    { sourceId: 'p-s2', at, personId: 'p-s2', schoolId: 'sch-elv', departmentId: 'dep-st', level: 'vg1', programme: 'general', status: 'active' },
    { sourceId: 'p-s3', at, personId: 'p-s3', schoolId: 'sch-elv', departmentId: null, level: 'vg1', programme: 'vocational', status: 'changed' },
    { sourceId: 'p-s4', at, personId: 'p-s4', schoolId: 'sch-elv', departmentId: null, level: 'vg1', programme: 'general', status: 'active' },
    { sourceId: 'p-s5', at, personId: 'p-s5', schoolId: 'sch-bak', departmentId: null, level: 'grade10', programme: null, status: 'active' },
  );
  r.guardianships.push(
    { sourceId: 'p-s1/p-g1', at, studentId: 'p-s1', guardianPersonId: 'p-g1', relation: 'mother', parentalResponsibility: true, livesWith: true },
    { sourceId: 'p-s1/p-g2', at, studentId: 'p-s1', guardianPersonId: 'p-g2', relation: 'father', parentalResponsibility: false, livesWith: false },
    { sourceId: 'p-s2/p-g3', at, studentId: 'p-s2', guardianPersonId: 'p-g3', relation: 'other', parentalResponsibility: true, livesWith: true },
    { sourceId: 'p-s3/p-g3', at, studentId: 'p-s3', guardianPersonId: 'p-g3', relation: 'other', parentalResponsibility: true, livesWith: true },
    { sourceId: 'p-s5/p-g4', at, studentId: 'p-s5', guardianPersonId: 'p-g4', relation: 'mother', parentalResponsibility: true, livesWith: true },
  );
  r.staff.push(
    staff('p-rektor', 'sch-elv', [{ role: 'principal', departmentId: null }]),
    staff('p-avd', 'sch-elv', [{ role: 'teacher', departmentId: null }, { role: 'departmentHead', departmentId: 'dep-st' }]),
    staff('p-rad', 'sch-elv', [{ role: 'counsellor', departmentId: null }]),
    staff('p-kt1', 'sch-elv', [{ role: 'teacher', departmentId: null }]),
    staff('p-kt2', 'sch-elv', [{ role: 'teacher', departmentId: null }]),
    staff('p-fag', 'sch-elv', [{ role: 'teacher', departmentId: null }]),
    staff('p-helse', 'sch-elv', [{ role: 'nurse', departmentId: null }], 'Helsesykepleier'),
    staff('p-adm', 'sch-elv', [{ role: 'schoolAdmin', departmentId: null }]),
    staff('p-ass', 'sch-elv', [], 'Assistent'),
    staff('p-kt3', 'sch-bak', [{ role: 'teacher', departmentId: null }]),
  );
  r.basisGroups.push(
    { sourceId: 'bg-1sta', at, schoolId: 'sch-elv', schoolYearId: 'sy-2026', departmentId: 'dep-st', name: '1STA', level: 'vg1' },
    { sourceId: 'bg-1stb', at, schoolId: 'sch-elv', schoolYearId: 'sy-2026', departmentId: null, name: '1STB', level: 'vg1' },
    { sourceId: 'bg-10a', at, schoolId: 'sch-bak', schoolYearId: 'sy-2026', departmentId: null, name: '10A', level: 'grade10' },
  );
  r.teachingGroups.push(
    { sourceId: 'tg-1sta-mat', at, schoolId: 'sch-elv', schoolYearId: 'sy-2026', subjectId: 'MAT1021', name: '1STA-MAT' },
    { sourceId: 'tg-1sta-nor', at, schoolId: 'sch-elv', schoolYearId: 'sy-2026', subjectId: 'NOR1260', name: '1STA-NOR' },
  );
  const start = '2026-08-19';
  const enrol = (id: string, studentId: string, kind: 'basis' | 'teaching', groupId: string, startsOn = start, endsOn: string | null = null): void => {
    r.enrolments.push({ sourceId: id, at, studentId, group: { kind, id: groupId }, startsOn, endsOn });
  };
  for (const s of ['p-s1', 'p-s2', 'p-s3']) {
    enrol(`e-${s}-bg`, s, 'basis', 'bg-1sta');
    enrol(`e-${s}-mat`, s, 'teaching', 'tg-1sta-mat');
    enrol(`e-${s}-nor`, s, 'teaching', 'tg-1sta-nor');
  }
  enrol('e-p-s4-bg-a', 'p-s4', 'basis', 'bg-1sta', start, '2026-10-05');
  enrol('e-p-s4-bg-b', 'p-s4', 'basis', 'bg-1stb', '2026-10-05');
  enrol('e-p-s5-bg', 'p-s5', 'basis', 'bg-10a');
  r.contactTeachers.push(
    { sourceId: 'ct-1sta-1', at, groupId: 'bg-1sta', staffMemberId: staffId('p-kt1', 'sch-elv') },
    { sourceId: 'ct-1sta-2', at, groupId: 'bg-1sta', staffMemberId: staffId('p-kt2', 'sch-elv') },
    { sourceId: 'ct-1stb', at, groupId: 'bg-1stb', staffMemberId: staffId('p-avd', 'sch-elv') },
    { sourceId: 'ct-10a', at, groupId: 'bg-10a', staffMemberId: staffId('p-kt3', 'sch-bak') },
  );
  r.subjectTeachers.push(
    { sourceId: 'st-mat', at, groupId: 'tg-1sta-mat', staffMemberId: staffId('p-fag', 'sch-elv') },
    { sourceId: 'st-nor', at, groupId: 'tg-1sta-nor', staffMemberId: staffId('p-kt1', 'sch-elv') },
  );
  return r;
}

export interface CountyOptions {
  students: number;
  seed?: number;
  /** students per school (default 2,500: a county's upper secondary schools) */
  schoolSize?: number;
}

const SUBJECTS: ReadonlyArray<[code: string, name: string, hours: number]> = [
  ['NOR1260', 'Norsk Vg1', 113], ['MAT1021', 'Matematikk 1T', 140], ['ENG1007', 'Engelsk', 140], ['NAT1007', 'Naturfag', 140],
  ['SAF1001', 'Samfunnskunnskap', 84], ['KRO1019', 'Kroppsøving', 56], ['GEO1003', 'Geografi', 56], ['SPR3030', 'Spansk I', 113],
];

/**
 * A county: schools of `schoolSize` students, each with three departments; classes of 30 students in
 * Vg1–Vg3 with a contact teacher each and eight teaching groups with a subject teacher; one or two
 * guardians per student (one in ten without parental responsibility, one in a hundred at a protected
 * address). 100,000 students make about 280,000 people and 900,000 enrolments.
 */
export function countyRoster(options: CountyOptions): Roster {
  const rnd = random(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const r = emptyRoster();
  const schoolSize = options.schoolSize ?? 2500;
  const schools = Math.max(1, Math.ceil(options.students / schoolSize));
  r.schoolYears.push({ sourceId: 'sy-2026', at, name: '2026/27', startsOn: '2026-08-19', endsOn: '2027-06-18' });
  r.terms.push(
    { sourceId: 'term-h26', at, schoolYearId: 'sy-2026', kind: 'autumn', startsOn: '2026-08-19', endsOn: '2026-12-18' },
    { sourceId: 'term-v27', at, schoolYearId: 'sy-2026', kind: 'spring', startsOn: '2027-01-04', endsOn: '2027-06-18' },
  );
  for (const [code, name, annualHours] of SUBJECTS) r.subjects.push({ sourceId: code, at, code, name, annualHours });
  const levels: Level[] = ['vg1', 'vg2', 'vg3'];
  const nin = ninSequence();
  let studentNo = 0;
  for (let s = 0; s < schools && studentNo < options.students; s++) {
    const schoolId = `sch-${s}`;
    const place = `${PLACES[s % PLACES.length]}${s >= PLACES.length ? ` ${Math.floor(s / PLACES.length) + 1}` : ''}`;
    const domain = `skole${s}.example.no`;
    r.schools.push({ sourceId: schoolId, at, name: `${place} videregående skole`, stage: 'upperSecondary', organisationNumber: String(990000000 + s) });
    const departments = [0, 1, 2].map((d) => {
      const id = `${schoolId}-dep${d}`;
      r.departments.push({ sourceId: id, at, schoolId, name: ['Studiespesialisering', 'Yrkesfag', 'Idrettsfag'][d]! });
      return id;
    });
    const teacher = (n: number, roles: RosterStaffMember['roles']): string => {
      const id = `${schoolId}-t${n}`;
      const female = rnd() < 0.5;
      const given = pick(female ? GIVEN_F : GIVEN_M);
      const family = pick(FAMILY);
      r.people.push(person(id, given, family, { feideId: `t${n}@${domain}`, email: `t${n}@${domain}` }));
      r.staff.push(staff(id, schoolId, roles));
      return staffId(id, schoolId);
    };
    teacher(0, [{ role: 'principal', departmentId: null }]);
    departments.forEach((dep, d) => teacher(1 + d, [{ role: 'teacher', departmentId: null }, { role: 'departmentHead', departmentId: dep }]));
    teacher(4, [{ role: 'counsellor', departmentId: null }]);
    teacher(5, [{ role: 'schoolAdmin', departmentId: null }]);
    let teacherNo = 6;
    const inSchool = Math.min(schoolSize, options.students - studentNo);
    const classes = Math.ceil(inSchool / 30);
    for (let k = 0; k < classes; k++) {
      const level = levels[k % 3]!;
      const dep = departments[k % 3]!;
      const name = `${level.slice(2)}${String.fromCharCode(65 + Math.floor(k / 3) % 26)}${Math.floor(k / 78) || ''}`;
      const bg = `${schoolId}-bg${k}`;
      r.basisGroups.push({ sourceId: bg, at, schoolId, schoolYearId: 'sy-2026', departmentId: dep, name, level });
      r.contactTeachers.push({ sourceId: `${bg}-ct`, at, groupId: bg, staffMemberId: teacher(teacherNo++, [{ role: 'teacher', departmentId: null }]) });
      const groups = SUBJECTS.map(([code], j) => {
        const tg = `${bg}-tg${j}`;
        r.teachingGroups.push({ sourceId: tg, at, schoolId, schoolYearId: 'sy-2026', subjectId: code, name: `${name}-${code.slice(0, 3)}` });
        const teacherId = j === 0 ? r.contactTeachers[r.contactTeachers.length - 1]!.staffMemberId : teacher(teacherNo++, [{ role: 'teacher', departmentId: null }]);
        r.subjectTeachers.push({ sourceId: `${tg}-st`, at, groupId: tg, staffMemberId: teacherId });
        return tg;
      });
      const size = Math.min(30, inSchool - k * 30);
      for (let i = 0; i < size; i++, studentNo++) {
        const id = `st-${studentNo}`;
        const year = 2010 - Number(level.slice(2)) + 1;
        // 336 birth days a year, about a hundred students each at 100,000: well within the 500 individual numbers of a day
        const birthDate = `${year}-${String(1 + (studentNo % 12)).padStart(2, '0')}-${String(1 + (Math.floor(studentNo / 12) % 28)).padStart(2, '0')}`;
        const female = rnd() < 0.5;
        const family = pick(FAMILY);
        const protection = studentNo % 100 === 0 ? 'strictlyConfidential' : studentNo % 100 === 50 ? 'confidential' : 'none';
        r.people.push(person(id, pick(female ? GIVEN_F : GIVEN_M), family, {
          birthDate, nationalIdentityNumber: nin(birthDate), feideId: `e${studentNo}@${domain}`, addressProtection: protection,
        }));
        r.students.push({ sourceId: id, at, personId: id, schoolId, departmentId: dep, level, programme: k % 3 === 1 ? 'vocational' : 'general', status: 'active' });
        r.enrolments.push({ sourceId: `${id}-bg`, at, studentId: id, group: { kind: 'basis', id: bg }, startsOn: '2026-08-19', endsOn: null });
        groups.forEach((tg, j) => r.enrolments.push({ sourceId: `${id}-tg${j}`, at, studentId: id, group: { kind: 'teaching', id: tg }, startsOn: '2026-08-19', endsOn: null }));
        const guardians = rnd() < 0.8 ? 2 : 1;
        for (let g = 0; g < guardians; g++) {
          const gid = `${id}-g${g}`;
          const mother = g === 0;
          r.people.push(person(gid, pick(mother ? GIVEN_F : GIVEN_M), family, {
            email: `${gid}@example.no`, phone: `+479${String(studentNo * 2 + g).padStart(7, '0')}`,
            streetAddress: `${pick(PLACES)}veien ${1 + (studentNo % 90)}`, postalCode: String(1000 + (studentNo % 8999)).padStart(4, '0'), city: pick(PLACES),
            addressProtection: protection,
          }));
          const without = g === 1 && studentNo % 10 === 3;
          r.guardianships.push({
            sourceId: `${id}/${gid}`, at, studentId: id, guardianPersonId: gid, relation: mother ? 'mother' : 'father',
            parentalResponsibility: !without, livesWith: !without,
          });
        }
      }
    }
  }
  return r;
}

/** A roster as a test compares it: without the places records were read from, each kind in source-id order. */
export function comparable(roster: Roster): Roster {
  const out = emptyRoster();
  for (const kind of Object.keys(out) as Array<keyof Roster>) {
    const records = (roster[kind] as Array<{ sourceId: string; at: unknown }>).map(({ at: _at, ...rest }) => rest);
    records.sort((a, b) => (a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0));
    (out as unknown as Record<string, unknown>)[kind] = records;
  }
  return out;
}
