/**
 * The demo-data generator: deterministic, synthetic, structurally sound; and the demo school holds
 * every hard case the policy must get right.
 */
import { verify } from '@node-rs/argon2';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../core/db/client.js';
import { parseCli } from './cli.js';
import { DEMO_LOGINS, DEMO_PASSWORD, demoLogins, isDatabaseEmpty, seedDemo, type DemoInfo } from './demo.js';
import {
  MAX_BASIS_GROUP_SIZE, datasetCounts, generateOwner, hasValidControlDigits, insertOrder, isAdultOn, type Dataset,
} from './generate.js';
import { insertDataset } from './insert.js';
import { Random } from './random.js';

const TODAY = '2026-11-25';

function digest(ds: Dataset): string {
  return createHash('sha256').update(JSON.stringify(ds)).digest('hex');
}

/** a few schools: large enough to have class changes, students who left, siblings and adults */
const sample = generateOwner({ seed: 11, schools: 3, studentsPerSchool: 700, absence: true });

describe('the seeded random generator', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = new Random(5);
    const b = new Random(5);
    const c = new Random(6);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
  });

  it('makes RFC 4122 version-4-shaped UUIDs that do not repeat', () => {
    const r = new Random(1);
    const ids = Array.from({ length: 20_000 }, () => r.uuid());
    for (const id of ids.slice(0, 500)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps int() within its bounds and pick() within its list', () => {
    const r = new Random(3);
    const ints = new Set<number>();
    const picks = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      ints.add(r.int(-2, 3));
      picks.add(r.pick(['a', 'b']));
    }
    expect([...ints].sort()).toEqual([-1, -2, 0, 1, 2, 3]);
    expect([...picks].sort()).toEqual(['a', 'b']);
  });
});

describe('generateOwner', () => {
  it('gives an identical data set for the same seed, ids included', () => {
    const opts = { seed: 42, schools: 2, studentsPerSchool: 250 };
    expect(digest(generateOwner(opts))).toBe(digest(generateOwner(opts)));
  });

  it('gives a different data set for a different seed', () => {
    const a = generateOwner({ seed: 42, schools: 2, studentsPerSchool: 250 });
    const b = generateOwner({ seed: 43, schools: 2, studentsPerSchool: 250 });
    expect(digest(a)).not.toBe(digest(b));
    expect(a.schoolOwner[0]!.id).not.toBe(b.schoolOwner[0]!.id);
  });

  it('generates exactly the students asked for, with every table filled', () => {
    expect(sample.school).toHaveLength(3);
    expect(sample.student).toHaveLength(2100);
    const counts = datasetCounts(sample);
    for (const key of insertOrder) if (key !== 'account') expect(counts[key], key).toBeGreaterThan(0);
  });

  it('makes every national identity number a synthetic 11-digit test number (month + 80) matching the birth date', () => {
    const bad: string[] = [];
    for (const p of sample.person) {
      const nin = p.nationalIdentityNumber ?? '';
      const month = Number(nin.slice(2, 4));
      const b = p.birthDate!;
      if (!/^\d{11}$/.test(nin) || month < 81 || month > 92 || !hasValidControlDigits(nin)) bad.push(nin);
      else if (nin.slice(0, 6) !== `${b.slice(8, 10)}${Number(b.slice(5, 7)) + 80}${b.slice(2, 4)}`) bad.push(`${nin} ≠ ${b}`);
    }
    expect(bad).toEqual([]);
    const all = sample.person.map((p) => p.nationalIdentityNumber);
    expect(new Set(all).size).toBe(all.length);
  });

  it('gives students birth years by level (Vg1 2010, Vg2 2009, Vg3 2008), with a few older ones', () => {
    const birth = new Map(sample.person.map((p) => [p.id, Number(p.birthDate!.slice(0, 4))]));
    const expected = { vg1: 2010, vg2: 2009, vg3: 2008 } as Record<string, number>;
    let older = 0;
    for (const st of sample.student) {
      const year = birth.get(st.personId)!;
      expect(year).toBeLessThanOrEqual(expected[st.level]!);
      expect(year).toBeGreaterThanOrEqual(expected[st.level]! - 3);
      if (year < expected[st.level]!) older++;
    }
    expect(older).toBeGreaterThan(0);
    expect(older).toBeLessThan(sample.student.length * 0.15);
  });

  it('puts no more than 30 students in a basis group at any time', () => {
    const current = new Map<string, number>();
    for (const e of sample.enrolment) {
      if (e.basisGroupId && e.endsOn === null) current.set(e.basisGroupId, (current.get(e.basisGroupId) ?? 0) + 1);
    }
    expect(current.size).toBe(sample.basisGroup.length);
    for (const n of current.values()) expect(n).toBeLessThanOrEqual(MAX_BASIS_GROUP_SIZE);
  });

  it('gives every student exactly one current basis enrolment, except students who left, who have none', () => {
    const current = new Map<string, number>();
    for (const e of sample.enrolment) if (e.basisGroupId && e.endsOn === null) current.set(e.studentId, (current.get(e.studentId) ?? 0) + 1);
    let left = 0;
    for (const st of sample.student) {
      if (st.status === 'left') {
        left++;
        expect(current.get(st.id) ?? 0).toBe(0);
      } else {
        expect(current.get(st.id), st.id).toBe(1);
      }
    }
    expect(left).toBeGreaterThan(0);
  });

  it('dates enrolments in the school year with the end after the start, and records class changes as two basis enrolments', () => {
    const basisCount = new Map<string, number>();
    for (const e of sample.enrolment) {
      expect((e.basisGroupId === null) !== (e.teachingGroupId === null)).toBe(true);
      expect(e.startsOn >= '2026-08-19').toBe(true);
      if (e.endsOn != null) expect(e.endsOn > e.startsOn).toBe(true);
      if (e.basisGroupId) basisCount.set(e.studentId, (basisCount.get(e.studentId) ?? 0) + 1);
    }
    expect([...basisCount.values()].filter((n) => n === 2).length).toBeGreaterThan(0);
  });

  it('lets every student take teaching groups, and gives every teaching group exactly one subject teacher', () => {
    const inTeaching = new Set(sample.enrolment.filter((e) => e.teachingGroupId).map((e) => e.studentId));
    for (const st of sample.student) expect(inTeaching.has(st.id)).toBe(true);
    const teachers = new Map<string, number>();
    for (const a of sample.subjectTeacherAssignment) teachers.set(a.teachingGroupId, (teachers.get(a.teachingGroupId) ?? 0) + 1);
    for (const g of sample.teachingGroup) expect(teachers.get(g.id)).toBe(1);
    expect(sample.teachingGroup.some((g) => g.name === '2R1-A')).toBe(true);
    expect(sample.teachingGroup.some((g) => g.name === '2STA-NOR')).toBe(true);
  });

  it('staffs each school with a principal, a head per department, counsellors, and teachers of about 4–6 groups', () => {
    for (const school of sample.school) {
      const staff = new Set(sample.staffMember.filter((m) => m.schoolId === school.id).map((m) => m.id));
      const roles = sample.staffRole.filter((r) => staff.has(r.staffMemberId));
      expect(roles.filter((r) => r.role === 'principal')).toHaveLength(1);
      const departments = sample.department.filter((d) => d.schoolId === school.id);
      for (const d of departments) expect(roles.filter((r) => r.role === 'departmentHead' && r.departmentId === d.id)).toHaveLength(1);
      expect(roles.filter((r) => r.role === 'counsellor').length).toBeGreaterThanOrEqual(1);
      const loads = new Map<string, number>();
      for (const a of sample.subjectTeacherAssignment) if (staff.has(a.staffMemberId)) loads.set(a.staffMemberId, (loads.get(a.staffMemberId) ?? 0) + 1);
      const values = [...loads.values()];
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      expect(mean).toBeGreaterThanOrEqual(4);
      expect(mean).toBeLessThanOrEqual(6);
      // contact teachers: one or two per basis group, and they teach
      const groups = sample.basisGroup.filter((b) => b.schoolId === school.id);
      for (const g of groups) {
        const ct = sample.contactTeacherAssignment.filter((a) => a.basisGroupId === g.id);
        expect(ct.length).toBeGreaterThanOrEqual(1);
        expect(ct.length).toBeLessThanOrEqual(2);
        for (const a of ct) expect(loads.get(a.staffMemberId) ?? 0).toBeGreaterThan(0);
      }
    }
  });

  it('writes consent rows only for adult students, and only to their own guardians', () => {
    const birth = new Map(sample.person.map((p) => [p.id, p.birthDate!]));
    const personOfStudent = new Map(sample.student.map((s) => [s.id, s.personId]));
    const guardianPairs = new Set(sample.guardianship.map((g) => `${g.studentId}|${g.guardianPersonId}`));
    expect(sample.consent.length).toBeGreaterThan(0);
    for (const c of sample.consent) {
      expect(isAdultOn(birth.get(personOfStudent.get(c.studentId)!)!, TODAY)).toBe(true);
      expect(guardianPairs.has(`${c.studentId}|${c.guardianPersonId}`)).toBe(true);
      expect(c.grantedAt!.getTime()).toBeLessThan(Date.parse(`${TODAY}T00:00:00Z`));
    }
  });

  it('gives most students two guardians with parental responsibility, some split households, single guardians and shared siblings', () => {
    const byStudent = new Map<string, typeof sample.guardianship>();
    for (const g of sample.guardianship) byStudent.set(g.studentId, [...(byStudent.get(g.studentId) ?? []), g]);
    const n = sample.student.length;
    const twoWithResponsibility = [...byStudent.values()].filter((gs) => gs.filter((g) => g.parentalResponsibility).length === 2);
    expect(twoWithResponsibility.length / n).toBeGreaterThan(0.65);
    const split = twoWithResponsibility.filter((gs) => gs.some((g) => !g.livesWith)).length / twoWithResponsibility.length;
    expect(split).toBeGreaterThan(0.15);
    expect(split).toBeLessThan(0.35);
    expect([...byStudent.values()].some((gs) => gs.length === 1)).toBe(true);
    expect(sample.guardianship.some((g) => !g.parentalResponsibility)).toBe(true);
    const childrenPerGuardian = new Map<string, number>();
    for (const g of sample.guardianship) childrenPerGuardian.set(g.guardianPersonId, (childrenPerGuardian.get(g.guardianPersonId) ?? 0) + 1);
    expect([...childrenPerGuardian.values()].some((k) => k > 1)).toBe(true);
    const guardianIds = new Set(sample.guardianship.map((g) => g.guardianPersonId));
    for (const p of sample.person) if (guardianIds.has(p.id)) expect(p.email && p.phone && p.streetAddress && p.postalCode && p.city).toBeTruthy();
  });

  it('uses only reserved .example e-mail domains', () => {
    for (const p of sample.person) if (p.email) expect(p.email).toMatch(/@[a-z0-9.-]+\.example$/);
  });
});

describe('the seed command line', () => {
  it('reads --schools, --students-per-school, --seed and --demo', () => {
    expect(parseCli(['--schools', '60', '--students-per-school', '1700', '--seed', '7', '--demo'])).toMatchObject({
      generate: { schools: 60, studentsPerSchool: 1700, seed: 7 }, demo: true,
    });
    expect(parseCli(['--demo'])).toMatchObject({ generate: null, demo: true });
    expect(parseCli(['--help'])).toBe('help');
  });

  it('refuses bad flags with a message that names the flag', () => {
    expect(() => parseCli([])).toThrow(/Nothing to seed/);
    expect(() => parseCli(['--schools', 'many'])).toThrow(/--schools must be a whole number/);
    expect(() => parseCli(['--schools', '0'])).toThrow(/--schools must be between 1 and 1000/);
    expect(() => parseCli(['--schools', '2', '--students-per-school', '2.5'])).toThrow(/--students-per-school/);
    expect(() => parseCli(['--demo', '--colour'])).toThrow(/--colour/);
  });
});

describe('the demo school on an in-memory database', () => {
  let database: Database;
  let demo: DemoInfo;
  let emptyBefore: boolean;
  const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => database.query<T>(text, params);
  const h = () => demo.hardCases;
  const login = (username: string) => demo.logins.find((l) => l.username === username)!;
  const currentBasisGroup = async (studentId: string) =>
    (await q<{ name: string }>(
      `select b.name from enrolment e join basis_group b on b.id = e.basis_group_id where e.student_id = $1 and e.ends_on is null`, [studentId]));
  const age = async (studentId: string) =>
    (await q<{ adult: boolean }>(
      `select p.birth_date <= date '${TODAY}' - interval '18 years' as adult from student s join person p on p.id = s.person_id where s.id = $1`, [studentId]))[0]!.adult;
  const guardiansOf = (studentId: string) =>
    q<{ guardian_person_id: string; parental_responsibility: boolean; lives_with: boolean; address_protection: string; relation: string }>(
      `select g.guardian_person_id, g.parental_responsibility, g.lives_with, g.relation, p.address_protection
         from guardianship g join person p on p.id = g.guardian_person_id where g.student_id = $1 order by g.relation desc`, [studentId]);
  const consentsOf = (studentId: string) => q<{ guardian_person_id: string; withdrawn_at: Date | null }>('select guardian_person_id, withdrawn_at from consent where student_id = $1', [studentId]);

  beforeAll(async () => {
    database = await openDatabase({});
    emptyBefore = await isDatabaseEmpty(database);
    demo = await seedDemo(database);
  });
  afterAll(async () => database?.close());

  it('starts from an empty database and is no longer empty afterwards', async () => {
    expect(emptyBefore).toBe(true);
    expect(await isDatabaseEmpty(database)).toBe(false);
  });

  it('creates the fictional owner with one school of 200–360 students', async () => {
    const [owner] = await q<{ name: string }>('select name from school_owner where id = $1', [demo.ownerId]);
    expect(owner!.name).toBe('Nordfjell fylkeskommune');
    const schools = await q<{ id: string; name: string }>('select id, name from school where owner_id = $1', [demo.ownerId]);
    expect(schools).toEqual([{ id: demo.schoolId, name: 'Fjellvik videregående skole' }]);
    const [{ n }] = (await q<{ n: number }>('select count(*)::int as n from student where school_id = $1', [demo.schoolId])) as [{ n: number }];
    expect(n).toBeGreaterThanOrEqual(200);
    expect(n).toBeLessThanOrEqual(360);
  });

  it('creates only the demo logins, and each verifies with argon2 against demo1234', async () => {
    const accounts = await q<{ username: string; password_hash: string; person_id: string }>('select username, password_hash, person_id from account order by username');
    expect(accounts.map((a) => a.username).sort()).toEqual(DEMO_LOGINS.map((l) => l.username).sort());
    for (const a of accounts) {
      expect(a.password_hash).toMatch(/^\$argon2id\$/);
      expect(await verify(a.password_hash, DEMO_PASSWORD)).toBe(true);
      expect(a.person_id).toBe(login(a.username).personId);
    }
    expect(await verify(accounts[0]!.password_hash, 'wrong password')).toBe(false);
    expect((await demoLogins(database)).map((l) => l.username)).toEqual(DEMO_LOGINS.map((l) => l.username));
  });

  it('refuses to seed the demo a second time with a clear message', async () => {
    await expect(seedDemo(database)).rejects.toThrow(/already seeded/);
  });

  it('makes kontaktlarer the one contact teacher of 2STA and the teacher of 2STA-NOR', async () => {
    const ct = await q<{ person_id: string }>(
      `select sm.person_id from contact_teacher_assignment c join staff_member sm on sm.id = c.staff_member_id where c.basis_group_id = $1`, [h().basisGroup2STAId]);
    expect(ct).toEqual([{ person_id: login('kontaktlarer').personId }]);
    const nor = await q<{ person_id: string }>(
      `select sm.person_id from subject_teacher_assignment a join staff_member sm on sm.id = a.staff_member_id join teaching_group t on t.id = a.teaching_group_id where t.name = '2STA-NOR'`);
    expect(nor).toEqual([{ person_id: login('kontaktlarer').personId }]);
  });

  it('makes faglarer the teacher of 2STA-MAT and of a group in 1STA, and nobody\'s contact teacher', async () => {
    const groups = await q<{ name: string }>(
      `select t.name from subject_teacher_assignment a join staff_member sm on sm.id = a.staff_member_id join teaching_group t on t.id = a.teaching_group_id where sm.person_id = $1`, [login('faglarer').personId]);
    const names = groups.map((g) => g.name);
    expect(names).toContain('2STA-MAT');
    expect(names.some((n) => n.startsWith('1STA-'))).toBe(true);
    const ct = await q('select 1 from contact_teacher_assignment c join staff_member sm on sm.id = c.staff_member_id where sm.person_id = $1', [login('faglarer').personId]);
    expect(ct).toHaveLength(0);
  });

  it('gives avdelingsleder, radgiver and rektor their roles', async () => {
    const roleOf = (personId: string) => q<{ role: string; department: string | null }>(
      `select r.role, d.name as department from staff_role r join staff_member sm on sm.id = r.staff_member_id left join department d on d.id = r.department_id where sm.person_id = $1`, [personId]);
    expect(await roleOf(login('avdelingsleder').personId)).toEqual([{ role: 'departmentHead', department: 'Studiespesialisering' }]);
    expect(await roleOf(login('radgiver').personId)).toEqual([{ role: 'counsellor', department: null }]);
    expect(await roleOf(login('rektor').personId)).toEqual([{ role: 'principal', department: null }]);
  });

  it('makes elev a minor in 2STA and 2STA-MAT with two guardians with parental responsibility, one of them foresatt', async () => {
    expect(await currentBasisGroup(h().elevStudentId)).toEqual([{ name: '2STA' }]);
    expect(await age(h().elevStudentId)).toBe(false);
    const guardians = await guardiansOf(h().elevStudentId);
    expect(guardians).toHaveLength(2);
    expect(guardians.every((g) => g.parental_responsibility)).toBe(true);
    expect(guardians.map((g) => g.guardian_person_id)).toContain(login('foresatt').personId);
    const inMath = await q('select 1 from enrolment where student_id = $1 and teaching_group_id = $2 and ends_on is null', [h().elevStudentId, h().teachingGroup2STAMATId]);
    expect(inMath).toHaveLength(1);
  });

  it('makes elev.myndig an adult in 2STA who consented to foresatt.myndig and not to the other guardian', async () => {
    const id = h().adultWithConsentStudentId;
    const [st] = await q<{ person_id: string }>('select person_id from student where id = $1', [id]);
    expect(st!.person_id).toBe(login('elev.myndig').personId);
    expect(await currentBasisGroup(id)).toEqual([{ name: '2STA' }]);
    expect(await age(id)).toBe(true);
    const guardians = await guardiansOf(id);
    expect(guardians).toHaveLength(2);
    expect(await consentsOf(id)).toEqual([{ guardian_person_id: login('foresatt.myndig').personId, withdrawn_at: null }]);
    expect(guardians.map((g) => g.guardian_person_id)).toContain(h().adultNoConsentGuardianPersonId);
    expect(h().adultNoConsentGuardianPersonId).not.toBe(login('foresatt.myndig').personId);
  });

  it('has a second adult in 2STA without any consent, and no other adults there', async () => {
    const id = h().adultWithoutConsentStudentId;
    expect(await currentBasisGroup(id)).toEqual([{ name: '2STA' }]);
    expect(await age(id)).toBe(true);
    expect(await consentsOf(id)).toEqual([]);
    const adults = await q<{ id: string }>(
      `select s.id from enrolment e join student s on s.id = e.student_id join person p on p.id = s.person_id
        where e.basis_group_id = $1 and e.ends_on is null and p.birth_date <= date '${TODAY}' - interval '18 years'`, [h().basisGroup2STAId]);
    expect(adults.map((a) => a.id).sort()).toEqual([h().adultWithConsentStudentId, id].sort());
  });

  it('has consent rows only for adult students in the whole demo school', async () => {
    const minors = await q(
      `select 1 from consent c join student s on s.id = c.student_id join person p on p.id = s.person_id where p.birth_date > date '${TODAY}' - interval '18 years'`);
    expect(minors).toHaveLength(0);
  });

  it('has a 2STA student who, like the mother they live with, has a strictly confidential address, while the father does not', async () => {
    const id = h().strictlyConfidentialStudentId;
    expect(await currentBasisGroup(id)).toEqual([{ name: '2STA' }]);
    const [p] = await q<{ address_protection: string }>('select p.address_protection from student s join person p on p.id = s.person_id where s.id = $1', [id]);
    expect(p!.address_protection).toBe('strictlyConfidential');
    const guardians = await guardiansOf(id);
    const mother = guardians.find((g) => g.guardian_person_id === h().strictlyConfidentialGuardianPersonId)!;
    expect(mother).toMatchObject({ address_protection: 'strictlyConfidential', lives_with: true, parental_responsibility: true });
    const father = guardians.find((g) => g.guardian_person_id === h().strictlyConfidentialOtherGuardianPersonId)!;
    expect(father).toMatchObject({ address_protection: 'none', lives_with: false, parental_responsibility: true });
  });

  it('has a 2STA student whose guardian has a confidential address', async () => {
    const id = h().confidentialStudentId;
    expect(await currentBasisGroup(id)).toEqual([{ name: '2STA' }]);
    const guardians = await guardiansOf(id);
    expect(guardians.find((g) => g.guardian_person_id === h().confidentialGuardianPersonId)!.address_protection).toBe('confidential');
  });

  it('makes foresatt.uten a parent without parental responsibility of a 2STA student, with no information decision', async () => {
    expect(h().noResponsibilityGuardianPersonId).toBe(login('foresatt.uten').personId);
    const rows = await q<{ id: string; student_id: string; parental_responsibility: boolean }>(
      'select id, student_id, parental_responsibility from guardianship where guardian_person_id = $1', [h().noResponsibilityGuardianPersonId]);
    expect(rows).toEqual([{ id: h().noResponsibilityGuardianshipId, student_id: h().noResponsibilityStudentId, parental_responsibility: false }]);
    expect(await currentBasisGroup(h().noResponsibilityStudentId)).toEqual([{ name: '2STA' }]);
    expect(await q('select 1 from information_decision where guardianship_id = $1', [rows[0]!.id])).toHaveLength(0);
    const granted = await q<{ granted: boolean }>(
      `select d.granted from information_decision d join guardianship g on g.id = d.guardianship_id where g.guardian_person_id = $1 and not g.parental_responsibility`,
      [h().grantedInformationGuardianPersonId]);
    expect(granted).toEqual([{ granted: true }]);
  });

  it('has a minority-language student in 2STA with three years of residence', async () => {
    const [st] = await q<{ minority_language: boolean; years_of_residence: number }>('select minority_language, years_of_residence from student where id = $1', [h().minorityLanguageStudentId]);
    expect(st).toEqual({ minority_language: true, years_of_residence: 3 });
    expect(await currentBasisGroup(h().minorityLanguageStudentId)).toEqual([{ name: '2STA' }]);
  });

  it('has at least two 2STA students with accommodation needs', async () => {
    expect(h().accommodationStudentIds.length).toBeGreaterThanOrEqual(2);
    for (const id of h().accommodationStudentIds) {
      expect(await currentBasisGroup(id)).toEqual([{ name: '2STA' }]);
      const needs = await q<{ description: string }>('select description from accommodation_need where student_id = $1', [id]);
      expect(needs.length).toBeGreaterThan(0);
    }
    const all = await q<{ description: string }>('select description from accommodation_need where student_id = any($1)', [h().accommodationStudentIds]);
    expect(all.map((n) => n.description)).toContain('Ekstra tid på prøver (25 %)');
  });

  it('has an active student who moved from 2STB to 2STA on 2026-10-05', async () => {
    const id = h().changedClassStudentId;
    const rows = await q<{ name: string; starts_on: string; ends_on: string | null }>(
      `select b.name, e.starts_on::text, e.ends_on::text from enrolment e join basis_group b on b.id = e.basis_group_id where e.student_id = $1 order by e.starts_on`, [id]);
    expect(rows).toEqual([
      { name: '2STB', starts_on: '2026-08-19', ends_on: '2026-10-05' },
      { name: '2STA', starts_on: '2026-10-05', ends_on: null },
    ]);
    const [st] = await q<{ status: string }>('select status from student where id = $1', [id]);
    expect(st!.status).toBe('active');
    const teaching = await q<{ name: string; ends_on: string | null }>(
      `select t.name, e.ends_on::text from enrolment e join teaching_group t on t.id = e.teaching_group_id where e.student_id = $1 and t.name like '2STB-%'`, [id]);
    expect(teaching.length).toBeGreaterThan(0);
    for (const t of teaching) expect(t.ends_on).toBe('2026-10-05');
  });

  it('has a student who left, with every enrolment ended', async () => {
    const [st] = await q<{ status: string }>('select status from student where id = $1', [h().leftStudentId]);
    expect(st!.status).toBe('left');
    expect(await q('select 1 from enrolment where student_id = $1 and ends_on is null', [h().leftStudentId])).toHaveLength(0);
  });

  it('keeps every 2STA class at 30 students or fewer with exactly one current basis enrolment each', async () => {
    const over = await q(`select basis_group_id from enrolment where basis_group_id is not null and ends_on is null group by basis_group_id having count(*) > 30`);
    expect(over).toHaveLength(0);
    const twice = await q(`select student_id from enrolment where basis_group_id is not null and ends_on is null group by student_id having count(*) <> 1`);
    expect(twice).toHaveLength(0);
  });

  it('inserts a generated owner next to the demo on the same database (no id or username clashes)', async () => {
    const ds = generateOwner({ seed: 2026, schools: 1, studentsPerSchool: 60, staffAccounts: { passwordHash: 'x' } });
    const counts = await insertDataset(database, ds, { batchSize: 100 });
    const [{ n }] = (await q<{ n: number }>('select count(*)::int as n from student where owner_id = $1', [ds.schoolOwner[0]!.id])) as [{ n: number }];
    expect(n).toBe(60);
    expect(counts.enrolment).toBe(ds.enrolment.length);
  });
});

describe('the timetable and the absence of a generated owner (R-20)', () => {
  it('puts absence only on school days, on lessons of groups the student was in that day, and never more than two religious-holiday days', async () => {
    const { schoolCalendar } = await import('./absence.js');
    const { isoWeekday } = await import('../core/calendar/calendar.js');
    const calendar = schoolCalendar();
    const lessons = new Map(sample.lesson.map((l) => [l.id, l]));
    const enrolments = new Map<string, typeof sample.enrolment>();
    for (const e of sample.enrolment) if (e.teachingGroupId) enrolments.set(e.studentId, [...(enrolments.get(e.studentId) ?? []), e]);
    const bad: string[] = [];
    const religious = new Map<string, Set<string>>();
    for (const a of sample.absence) {
      const l = lessons.get(a.lessonId)!;
      if (!calendar.isSchoolDay(a.day)) bad.push(`${a.day} is not a school day`);
      if (isoWeekday(a.day) !== l.weekday) bad.push(`${a.day} is not the lesson's weekday`);
      const inGroup = (enrolments.get(a.studentId) ?? []).some((e) => e.teachingGroupId === l.teachingGroupId && e.startsOn <= a.day && (!e.endsOn || e.endsOn > a.day));
      if (!inGroup) bad.push(`${a.studentId} not in the group on ${a.day}`);
      if (a.reason === 'religiousHoliday') religious.set(a.studentId, new Set([...(religious.get(a.studentId) ?? []), a.day]));
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(Math.max(0, ...[...religious.values()].map((s) => s.size))).toBeLessThanOrEqual(2);
    expect(sample.absence.length).toBeGreaterThan(sample.student.length * 5);
  });

  it("gives a class's own teaching groups lessons that never overlap", () => {
    const byGroup = new Map(sample.teachingGroup.map((g) => [g.id, g]));
    const clashes: string[] = [];
    for (const bg of sample.basisGroup) {
      const own = sample.lesson.filter((l) => byGroup.get(l.teachingGroupId)!.name.startsWith(`${bg.name}-`) && byGroup.get(l.teachingGroupId)!.schoolId === bg.schoolId);
      const seen = new Set<string>();
      for (const l of own) {
        const key = `${l.weekday} ${l.startsAt}`;
        if (seen.has(key)) clashes.push(`${bg.name} ${key}`);
        seen.add(key);
      }
    }
    expect(clashes).toEqual([]);
  });
});
