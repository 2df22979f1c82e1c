/**
 * The roster sync as a school admin lives it (issue 13), through the HTTP API: a CSV set is previewed
 * and applied, imported again without change, and re-synced with a protected address, a withdrawn
 * parental responsibility, a guardian gone, a student who left (and came back), a new contact teacher
 * and a class change — each taking effect at once in what others see (R-01, R-02, L-04, L-06, L-07,
 * The import is the demo school's own: the sync links the demo's people by their national
 * identity numbers, so the demo's logins see what it changed. The tests run in order: each re-sync
 * starts from the export the one before left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCHOOL_NAME } from '../../seed/demo.js';
import { addLogin, testApp, type Client, type TestApp } from '../../test/harness.js';
import { writeCsvSet } from './adapters/csv/write.js';
import { smallSchoolRoster } from './fixtures.js';
import type { Roster } from './roster.js';
import { apply, grown, kindOf, rowCounts, uploadFiles } from './syncTesting.js';

let t: TestApp;
let admin: Client;
let teacher: Client;
/** the school's export as it stands; each test changes it as the administrative system would */
let roster: Roster;
const h = () => t.demo.hardCases;
const TODAY = '2026-11-25';

type PersonCols = {
  given_name: string; family_name: string; birth_date: string | null; national_identity_number: string; email: string | null; phone: string | null;
  street_address: string | null; postal_code: string | null; city: string | null; address_protection: Roster['people'][number]['addressProtection'];
};

async function personOf(personId: string): Promise<PersonCols> {
  const [p] = await t.database.query<PersonCols>(
    `select given_name, family_name, birth_date::text as birth_date, national_identity_number, email, phone, street_address, postal_code, city, address_protection
     from person where id = $1`, [personId]);
  return p!;
}

/** The demo's person as the administrative system would export them (the same values: only what a test changes, changes). */
async function exported(sourceId: string, personId: string, line: number): Promise<Roster['people'][number]> {
  const p = await personOf(personId);
  return {
    sourceId, givenName: p.given_name, familyName: p.family_name, birthDate: p.birth_date, nationalIdentityNumber: p.national_identity_number,
    email: p.email, phone: p.phone, streetAddress: p.street_address, postalCode: p.postal_code, city: p.city, addressProtection: p.address_protection,
    feideId: null, at: { file: 'personer.csv', line },
  };
}

/**
 * A new class 1IMP whose contact teacher is the demo's `faglarer` (matched by national identity number),
 * plus the demo's `elev` with both guardians, so the sync can change what `foresatt` may see.
 */
async function schoolExport(): Promise<Roster> {
  const fag = t.demo.logins.find((l) => l.username === 'faglarer')!;
  const ct = await personOf(fag.personId);
  const r = smallSchoolRoster({
    schoolName: DEMO_SCHOOL_NAME, className: '1IMP', prefix: 'T',
    contactTeacher: { givenName: ct.given_name, familyName: ct.family_name, nationalIdentityNumber: ct.national_identity_number, feideId: null },
  });
  const [s] = await t.database.query<{ person_id: string; department_id: string | null; level: string; programme: string | null; status: string }>(
    'select person_id, department_id, level, programme, status from student where id = $1', [h().elevStudentId]);
  expect(s!.department_id).toBe(h().studiespesialiseringDepartmentId);
  const line = r.people.length + 2;
  r.people.push(
    await exported('T-P-ELEV', s!.person_id, line),
    await exported('T-P-FORESATT', h().elevGuardianPersonIds[0], line + 1),
    await exported('T-P-FORESATT2', h().elevGuardianPersonIds[1], line + 2),
  );
  r.students.push({
    sourceId: 'T-ELEV', personId: 'T-P-ELEV', schoolId: 'T-S1', departmentId: 'T-D1', level: s!.level as 'vg2', programme: s!.programme as 'general',
    status: s!.status as 'active', at: { file: 'elever.csv', line: r.students.length + 2 },
  });
  const gs = await t.database.query<{ guardian_person_id: string; relation: 'mother' | 'father' | 'other'; parental_responsibility: boolean; lives_with: boolean }>(
    'select guardian_person_id, relation, parental_responsibility, lives_with from guardianship where student_id = $1', [h().elevStudentId]);
  for (const [i, personId] of h().elevGuardianPersonIds.entries()) {
    const g = gs.find((x) => x.guardian_person_id === personId)!;
    r.guardianships.push({
      sourceId: `T-G-ELEV-${i}`, studentId: 'T-ELEV', guardianPersonId: i === 0 ? 'T-P-FORESATT' : 'T-P-FORESATT2', relation: g.relation,
      parentalResponsibility: g.parental_responsibility, livesWith: g.lives_with, at: { file: 'foresatte.csv', line: r.guardianships.length + 2 },
    });
  }
  return r;
}

const importExport = () => uploadFiles(t, admin, writeCsvSet(roster));
const studentIdOf = async (sourceId: string) =>
  (await t.database.query<{ local_id: string }>("select local_id from roster_link where kind = 'students' and source_id = $1", [sourceId]))[0]!.local_id;
const basisGroup1IMP = async () => (await t.database.query<{ id: string }>("select id from basis_group where name = '1IMP'"))[0]?.id;

beforeAll(async () => {
  t = await testApp();
  [admin, teacher] = await Promise.all([t.login('skoleadmin'), t.login('faglarer')]);
  roster = await schoolExport();
});
afterAll(async () => t?.close());

describe('a first import of the CSV set (R-01, R-02, L-04)', () => {
  it('the preview says per kind what will be added, with the first rows, and nothing is written before the admin applies', async () => {
    const before = await rowCounts(t.database);
    const d = await importExport();
    expect(d.status).toBe('ready');
    expect(d.errors).toEqual([]);
    expect(d.files.map((f) => f.kind)).toContain('students');
    const students = kindOf(d, 'students');
    // the demo's own student is matched by national identity number: added to the sync, not a new row
    expect(students).toMatchObject({ added: 5, changed: 0, unchanged: 0, ended: 0 });
    expect(students.samples.added[0]).toMatchObject({ label: 'Sander Bråten (vg1)', file: 'elever.csv', line: 2 });
    expect(kindOf(d, 'guardianships').added).toBe(10);
    expect(kindOf(d, 'staff').added).toBe(2);
    expect(kindOf(d, 'basisGroups').samples.added.map((s) => s.label)).toEqual(['1IMP']);
    const enrolments = kindOf(d, 'enrolments');
    expect(enrolments.added).toBe(12);
    expect(enrolments.samples.added).toHaveLength(5);
    expect(kindOf(d, 'contactTeachers').samples.added[0]!.label).toMatch(/· 1IMP$/);
    expect(kindOf(d, 'schools').samples.added[0]).toMatchObject({ matches: DEMO_SCHOOL_NAME });
    // never a national identity number in what the page shows
    for (const p of roster.people) if (p.nationalIdentityNumber) expect(JSON.stringify(d)).not.toContain(p.nationalIdentityNumber);
    expect(await rowCounts(t.database)).toEqual(before);
    const [links] = await t.database.query<{ n: number }>('select count(*)::int as n from roster_link');
    expect(links!.n).toBe(0);
  });

  it('applying creates the students, guardians, staff, groups, enrolments and contact teacher, who then sees the class in their own list', async () => {
    expect((await teacher.get('/api/me')).json().basisGroups.map((g: { name: string }) => g.name)).not.toContain('1IMP');
    const before = await rowCounts(t.database);
    const d = await importExport();
    const done = await apply(t, admin, d.id);
    expect(done.status, JSON.stringify(done.log)).toBe('applied');
    expect(done.result!.kinds.students).toEqual({ added: 5, changed: 0, ended: 0 });
    // four new students with two guardians each, a subject teacher, their people; the demo's own are linked, not doubled
    expect(grown(before, await rowCounts(t.database))).toMatchObject({
      student: 4, guardianship: 8, staff_member: 1, basis_group: 1, teaching_group: 2, enrolment: 12, contact_teacher_assignment: 1,
      subject_teacher_assignment: 2, lesson: 2, person: 13, subject: 2,
    });
    expect(done.result!.accountsCreated).toBe(5);

    const me = (await teacher.get('/api/me')).json();
    const group = me.basisGroups.find((g: { name: string }) => g.name === '1IMP');
    expect(group).toBeDefined();
    const overview = await teacher.get(`/api/basis-groups/${group.id}/overview`);
    expect(overview.statusCode, overview.body).toBe(200);
    expect(overview.json().access.reason).toBe('kontaktlærer for 1IMP');
    expect(overview.json().students).toHaveLength(4);
  });

  it('the same files imported twice: the preview says nothing is added, changed or ended, and the apply changes nothing', async () => {
    const d = await importExport();
    for (const k of d.preview!.kinds) expect({ kind: k.kind, added: k.added, changed: k.changed, ended: k.ended }).toEqual({ kind: k.kind, added: 0, changed: 0, ended: 0 });
    expect(d.preview!.total).toBe(0);
    expect(kindOf(d, 'students').unchanged).toBe(5);
    const before = await rowCounts(t.database);
    const done = await apply(t, admin, d.id);
    expect(done.status).toBe('applied');
    expect(done.written).toEqual({ added: 0, changed: 0, ended: 0 });
    expect(await rowCounts(t.database)).toEqual(before);
  });
});

describe('a re-sync takes effect at once in the policy', () => {
  it('a guardian whose address becomes strictly confidential is shown without address or contact details to the contact teacher (L-07)', async () => {
    const studentId = await studentIdOf('T-E1');
    const guardianOf = async () => {
      const res = await teacher.get(`/api/students/${studentId}`);
      expect(res.statusCode, res.body).toBe(200);
      return { body: res.json(), raw: res.body };
    };
    const mother = roster.people.find((p) => p.sourceId === 'T-P-M1')!;
    const shown = await guardianOf();
    expect(shown.body.guardians.find((g: { name: string }) => g.name === `${mother.givenName} ${mother.familyName}`).contact.address).toContain('Fjordveien 2');

    mother.addressProtection = 'strictlyConfidential';
    roster.people.find((p) => p.sourceId === 'T-P-E1')!.addressProtection = 'strictlyConfidential';
    const d = await importExport();
    expect(kindOf(d, 'people')).toMatchObject({ added: 0, changed: 2 });
    expect(kindOf(d, 'people').samples.changed.map((s) => s.label)).toContain(`${mother.givenName} ${mother.familyName}`);
    expect(JSON.stringify(d)).not.toContain('Fjordveien');
    await apply(t, admin, d.id);

    const hidden = await guardianOf();
    const g = hidden.body.guardians.find((x: { name: string }) => x.name === `${mother.givenName} ${mother.familyName}`);
    expect(g).toMatchObject({ addressProtection: 'protected', contact: null });
    expect(hidden.body.student.addressProtected).toBe(true);
    expect(hidden.raw).not.toContain('Fjordveien 2');
    expect(hidden.raw).not.toContain(mother.phone!);
    const overview = (await teacher.get(`/api/basis-groups/${await basisGroup1IMP()}/overview`)).json();
    expect(overview.students.find((s: { studentId: string }) => s.studentId === studentId)).toMatchObject({ addressProtected: true });
  });

  it('parental responsibility withdrawn by the sync takes the guardian\'s insight away at once (L-06, R-62)', async () => {
    const foresatt = await t.login('foresatt');
    expect((await foresatt.get(`/api/students/${h().elevStudentId}`)).statusCode).toBe(200);
    expect((await foresatt.get('/api/guardian/children')).json().children.map((c: { studentId: string }) => c.studentId)).toContain(h().elevStudentId);

    roster.guardianships.find((g) => g.sourceId === 'T-G-ELEV-0')!.parentalResponsibility = false;
    const d = await importExport();
    expect(kindOf(d, 'guardianships')).toMatchObject({ added: 0, changed: 1, ended: 0 });
    await apply(t, admin, d.id);

    const denied = await foresatt.get(`/api/students/${h().elevStudentId}`);
    expect(denied.statusCode).toBe(404);
    expect((await foresatt.get(`/api/students/${h().elevStudentId}/absence`)).statusCode).toBe(404);
    expect((await foresatt.get('/api/guardian/children')).json().children).toEqual([]);
    const [row] = await t.database.query<{ parental_responsibility: boolean }>(
      'select parental_responsibility from guardianship where student_id = $1 and guardian_person_id = $2', [h().elevStudentId, h().elevGuardianPersonIds[0]]);
    expect(row!.parental_responsibility).toBe(false);
  });

  it('a guardian gone from the export loses the child at once: the guardianship goes (L-06)', async () => {
    const other = h().elevGuardianPersonIds[1];
    await addLogin(t.database, t.demo.ownerId, other, 'foresatt.to');
    const guardian = await t.login('foresatt.to');
    expect((await guardian.get(`/api/students/${h().elevStudentId}`)).statusCode).toBe(200);

    roster.guardianships = roster.guardianships.filter((g) => g.sourceId !== 'T-G-ELEV-1');
    const d = await importExport();
    const guardianships = kindOf(d, 'guardianships');
    expect(guardianships).toMatchObject({ added: 0, changed: 0, ended: 1 });
    const p = await personOf(other);
    expect(guardianships.samples.ended[0]!.label).toMatch(new RegExp(`^${p.given_name} ${p.family_name} → `));
    await apply(t, admin, d.id);

    expect((await guardian.get(`/api/students/${h().elevStudentId}`)).statusCode).toBe(404);
    expect((await guardian.get('/api/guardian/children')).json().children).toEqual([]);
    const rows = await t.database.query('select 1 from guardianship where student_id = $1 and guardian_person_id = $2', [h().elevStudentId, other]);
    expect(rows).toHaveLength(0);
  });
});

describe('a student gone from the re-sync has left (issue 13: nothing Elevlos owns is deleted)', () => {
  const HISTORY = ['contact_log_entry', 'absence', 'conversation', 'warning_notice', 'warning_letter'] as const;
  const historyOf = async (studentId: string) => Object.fromEntries(await Promise.all(HISTORY.map(async (table) =>
    [table, (await t.database.query<{ n: number }>(`select count(*)::int as n from ${table} where student_id = $1`, [studentId]))[0]!.n] as const)));

  it('their enrolments end today (not deleted), their status is left, their guardians stay as the preview said, and their conversations, absence, contact log and warning letters stay readable by the principal', async () => {
    const studentId = await studentIdOf('T-E2');
    const logged = await teacher.request('POST', `/api/students/${studentId}/contact-log`, {
      occurredOn: '2026-11-20', channel: 'phone', summary: 'Ringte mor om fraværet.',
    });
    expect(logged.statusCode, logged.body).toBe(201);
    const absent = await teacher.request('POST', `/api/students/${studentId}/absence/days`, { from: '2026-11-23' });
    expect(absent.statusCode, absent.body).toBe(200);
    const planned = await teacher.request('POST', `/api/students/${studentId}/conversations`, { kind: 'student', plannedAt: '2026-11-26T10:00:00+01:00' });
    expect(planned.statusCode, planned.body).toBe(201);
    const [nor] = await t.database.query<{ id: string }>("select id from subject where code = 'TNOR1260'");
    const warning = await teacher.request('POST', `/api/students/${studentId}/warnings`, {
      kind: 'notAssessed', subjectId: nor!.id, grounds: 'Mye fravær i norsk.', requirement: 'Møt i timene.', dueOn: '2026-12-04',
    });
    expect(warning.statusCode, warning.body).toBe(201);
    const letter = await teacher.request('POST', `/api/students/${studentId}/warning-letters`, { warningIds: [warning.json().id], channel: 'paper' });
    expect(letter.statusCode, letter.body).toBe(201);
    const sent = await teacher.request('POST', `/api/students/${studentId}/warning-letters/${letter.json().id}/send`);
    expect(sent.statusCode, sent.body).toBe(200);
    const history = await historyOf(studentId);
    expect(Object.values(history).every((n) => n > 0), JSON.stringify(history)).toBe(true);

    roster.students = roster.students.filter((s) => s.sourceId !== 'T-E2');
    roster.guardianships = roster.guardianships.filter((g) => g.studentId !== 'T-E2');
    roster.enrolments = roster.enrolments.filter((e) => e.studentId !== 'T-E2');
    const d = await importExport();
    expect(kindOf(d, 'students')).toMatchObject({ added: 0, changed: 0, ended: 1 });
    const [person] = await t.database.query<{ label: string }>(
      "select given_name || ' ' || family_name as label from person p join student s on s.person_id = p.id where s.id = $1", [studentId]);
    expect(kindOf(d, 'students').samples.ended.map((s) => s.label)).toEqual([person!.label]);
    expect(kindOf(d, 'enrolments').ended).toBe(3);
    // a student who left keeps their guardians as they were: the preview does not count them as ended
    expect(kindOf(d, 'guardianships')).toMatchObject({ ended: 0, samples: { ended: [] } });
    const before = await rowCounts(t.database);
    const applied = await apply(t, admin, d.id);
    // the apply did what the preview said, kind by kind
    for (const k of d.preview!.kinds) {
      expect({ kind: k.kind, ...applied.result!.kinds[k.kind] }).toEqual({ kind: k.kind, added: k.added, changed: k.changed, ended: k.ended });
    }

    const [student] = await t.database.query<{ status: string }>('select status from student where id = $1', [studentId]);
    expect(student!.status).toBe('left');
    const enrolments = await t.database.query<{ ends_on: string }>('select ends_on::text as ends_on from enrolment where student_id = $1', [studentId]);
    expect(enrolments.map((e) => e.ends_on)).toEqual([TODAY, TODAY, TODAY]);
    // the student and their guardians stay, with everything recorded about them
    expect(grown(before, await rowCounts(t.database))).toEqual({});
    expect(await historyOf(studentId)).toEqual(history);

    const overview = (await teacher.get(`/api/basis-groups/${await basisGroup1IMP()}/overview`)).json();
    expect(overview.students.map((s: { studentId: string }) => s.studentId)).not.toContain(studentId);
    const rektor = await t.login('rektor');
    const page = await rektor.get(`/api/students/${studentId}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().student.status).toBe('left');
    const log = await rektor.get(`/api/students/${studentId}/contact-log`);
    expect(log.json().entries.map((e: { summary: string }) => e.summary)).toContain('Ringte mor om fraværet.');
    const conversations = await rektor.get(`/api/students/${studentId}/conversations`);
    expect(conversations.json().conversations.map((c: { id: string }) => c.id)).toContain(planned.json().id);
    expect((await rektor.get(`/api/students/${studentId}/absence`)).statusCode).toBe(200);
    const letters = await rektor.get(`/api/students/${studentId}/warning-letters/${letter.json().id}`);
    expect(letters.statusCode, letters.body).toBe(200);
  });
});

describe('a contact teacher replaced in the export (L-04)', () => {
  it('the old contact teacher loses the class at once and the new one has it', async () => {
    const groupId = await basisGroup1IMP();
    expect((await teacher.get(`/api/basis-groups/${groupId}/overview`)).statusCode).toBe(200);
    roster.contactTeachers[0]!.staffMemberId = 'T-T2';
    const d = await importExport();
    expect(kindOf(d, 'contactTeachers')).toMatchObject({ added: 0, changed: 1, ended: 0 });
    await apply(t, admin, d.id);

    expect((await teacher.get('/api/me')).json().basisGroups.map((g: { name: string }) => g.name)).not.toContain('1IMP');
    expect((await teacher.get(`/api/basis-groups/${groupId}/overview`)).statusCode).toBe(404);
    const assigned = await t.database.query<{ given_name: string }>(
      `select p.given_name from contact_teacher_assignment a join staff_member m on m.id = a.staff_member_id join person p on p.id = m.person_id
       where a.basis_group_id = $1`, [groupId]);
    expect(assigned.map((a) => a.given_name)).toEqual(['Live']);
  });
});

describe('a student who left and is back in the export', () => {
  it('is active again in their class, with the history recorded while they were away kept', async () => {
    const studentId = await studentIdOf('T-E2');
    const fresh = smallSchoolRoster({ prefix: 'T' });
    roster.students.push(fresh.students.find((s) => s.sourceId === 'T-E2')!);
    roster.guardianships.push(...fresh.guardianships.filter((g) => g.studentId === 'T-E2'));
    roster.enrolments.push(...fresh.enrolments.filter((e) => e.studentId === 'T-E2'));
    const d = await importExport();
    expect(kindOf(d, 'students')).toMatchObject({ added: 0, changed: 1, ended: 0 });
    expect(kindOf(d, 'enrolments')).toMatchObject({ added: 0, changed: 3, ended: 0 });
    const before = await rowCounts(t.database);
    await apply(t, admin, d.id);

    expect(grown(before, await rowCounts(t.database))).toEqual({});
    const [student] = await t.database.query<{ status: string }>('select status from student where id = $1', [studentId]);
    expect(student!.status).toBe('active');
    const rektor = await t.login('rektor');
    const overview = (await rektor.get(`/api/basis-groups/${await basisGroup1IMP()}/overview`)).json();
    expect(overview.students.map((s: { studentId: string }) => s.studentId)).toContain(studentId);
    const log = (await rektor.get(`/api/students/${studentId}/contact-log`)).json();
    expect(log.entries.map((e: { summary: string }) => e.summary)).toContain('Ringte mor om fraværet.');
  });
});

describe('a student who changes class in the export', () => {
  it('is in the new class from the day of the change and no longer in the old one, with one class on their page', async () => {
    const studentId = await studentIdOf('T-E3');
    roster.basisGroups.push({ sourceId: 'T-B2', schoolId: 'T-S1', schoolYearId: 'T-Y2026', departmentId: 'T-D1', name: '1IMQ', level: 'vg1', at: { file: 'basisgrupper.csv', line: 3 } });
    roster.enrolments = roster.enrolments.filter((e) => e.sourceId !== 'T-M-3-T-B1');
    roster.enrolments.push({ sourceId: 'T-M-3-T-B2', studentId: 'T-E3', group: { kind: 'basis', id: 'T-B2' }, startsOn: TODAY, endsOn: null, at: { file: 'medlemskap.csv', line: 99 } });
    const d = await importExport();
    expect(kindOf(d, 'enrolments')).toMatchObject({ added: 1, changed: 0, ended: 1 });
    await apply(t, admin, d.id);

    const rektor = await t.login('rektor');
    const old = (await rektor.get(`/api/basis-groups/${await basisGroup1IMP()}/overview`)).json();
    expect(old.students.map((s: { studentId: string }) => s.studentId)).not.toContain(studentId);
    const [b2] = await t.database.query<{ id: string }>("select id from basis_group where name = '1IMQ'");
    const next = (await rektor.get(`/api/basis-groups/${b2!.id}/overview`)).json();
    expect(next.students.map((s: { studentId: string }) => s.studentId)).toEqual([studentId]);
    const page = (await rektor.get(`/api/students/${studentId}`)).json();
    expect(page.student.basisGroups).toEqual([expect.objectContaining({ name: '1IMQ', since: TODAY })]);
  });
});

describe('planner statistics after a large import', () => {
  it('an import that wrote many rows of a kind leaves fresh statistics for its tables, and a small one leaves them to autovacuum', async () => {
    const { analyzeAfterImport } = await import('./queries/statistics.js');
    const reltuples = async (table: string) => (await t.database.query<{ n: number }>('select reltuples::float8 as n from pg_class where oid = $1::regclass', [table]))[0]!.n;
    const enrolments = (await t.database.query<{ n: number }>('select count(*)::int as n from enrolment'))[0]!.n;
    const analyzed = await analyzeAfterImport(t.database.query, { enrolments: 900_000, lessons: 12 });
    expect(analyzed.sort()).toEqual(['enrolment', 'roster_link']);
    expect(await reltuples('enrolment')).toBe(enrolments);
    expect(await analyzeAfterImport(t.database.query, { people: 9_999 })).toEqual([]);
  });
});
