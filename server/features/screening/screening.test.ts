/**
 * Screening of Vg1 students and the class-team meetings (R-31, R-32), on PGlite and PostgreSQL.
 * 1STA is the demo's Vg1 general-studies class (its maths group is `faglarer`'s); 2STA is Vg2 general studies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLogin, testApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let rektor: Client;
let fag: Client;
let avd: Client;
let kt: Client;
let kt1: Client;
let elev: Client;
let foresatt: Client;
let radgiver: Client;
const h = () => t.demo.hardCases;
interface Member { id: string; given_name: string; family_name: string; nin: string | null; programme: string; in_mat: boolean }
let members: Member[];
let maths: Member;
let otherDepartmentId: string;
let otherHead: Client;

const screeningUrl = () => `/api/basis-groups/${h().basisGroup1STAId}/screening`;
const meetingUrl = (g = h().basisGroup1STAId) => `/api/basis-groups/${g}/class-team-meeting`;
const SETTINGS = (notice: string | null) => ({
  tests: [
    { test: 'norwegian', concernThreshold: 20, maxScore: 40, noticeDepartmentId: null },
    { test: 'english', concernThreshold: 18, maxScore: 40, noticeDepartmentId: null },
    { test: 'maths', concernThreshold: 15, maxScore: 30, noticeDepartmentId: notice },
  ],
  meetingWeeks: [39, 40, 42],
});
const personOf = (username: string) => t.demo.logins.find((l) => l.username === username)!.personId;

beforeAll(async () => {
  t = await testApp();
  [rektor, fag, avd, kt, elev, foresatt, radgiver] = await Promise.all(['rektor', 'faglarer', 'avdelingsleder', 'kontaktlarer', 'elev', 'foresatt', 'radgiver'].map((u) => t.login(u))) as Client[] as [Client, Client, Client, Client, Client, Client, Client];
  const [ct1] = await t.database.query<{ person_id: string }>(
    `select sm.person_id from contact_teacher_assignment c join staff_member sm on sm.owner_id = c.owner_id and sm.id = c.staff_member_id where c.basis_group_id = $1 limit 1`, [h().basisGroup1STAId]);
  await addLogin(t.database, t.demo.ownerId, ct1!.person_id, 'kt.1sta');
  kt1 = await t.login('kt.1sta');
  const [other] = await t.database.query<{ person_id: string; department_id: string }>(
    `select sm.person_id, r.department_id from staff_role r join staff_member sm on sm.owner_id = r.owner_id and sm.id = r.staff_member_id
     where r.role = 'departmentHead' and r.department_id <> $1 order by sm.person_id limit 1`, [h().studiespesialiseringDepartmentId]);
  otherDepartmentId = other!.department_id;
  await addLogin(t.database, t.demo.ownerId, other!.person_id, 'avd.annen');
  otherHead = await t.login('avd.annen');
  members = await t.database.query<Member>(
    `select s.id, p.given_name, p.family_name, p.national_identity_number as nin, s.programme,
       exists (select 1 from enrolment m where m.student_id = s.id and m.teaching_group_id = $2 and m.ends_on is null) as in_mat
     from enrolment e join student s on s.id = e.student_id join person p on p.owner_id = s.owner_id and p.id = s.person_id
     where e.basis_group_id = $1 and e.ends_on is null order by p.family_name, p.given_name`, [h().basisGroup1STAId, h().teachingGroup1STAMATId]);
  maths = members.find((m) => m.in_mat)!;
}, 120_000);

afterAll(async () => t?.close());

describe('R-31: the school sets the concern threshold per test', () => {
  it('lets the principal set thresholds and meeting weeks, lets a teacher read them but not change them, and names the field of a threshold above the maximum', async () => {
    const saved = await rektor.request('PUT', '/api/school/screening-settings', SETTINGS(otherDepartmentId));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().tests).toHaveLength(3);
    const read = await kt.get('/api/school/screening-settings');
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ canConfigure: false, meetingWeeks: [39, 40, 42] });
    expect((await kt.request('PUT', '/api/school/screening-settings', SETTINGS(null))).statusCode).toBe(403);
    const bad = await rektor.request('PUT', '/api/school/screening-settings', { ...SETTINGS(null), tests: [{ test: 'maths', concernThreshold: 50, maxScore: 30, noticeDepartmentId: null }] }, { 'accept-language': 'en' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'tests.0.concernThreshold' });
    expect(bad.json().errors[0].message).toContain('maximum score (30)');
  });
});

describe('R-31: entering results in the grid, one row at a time', () => {
  it('saves the maths teacher\'s row for a Vg1 student, says who gave the test, and marks a score below the threshold', async () => {
    const res = await fag.request('PUT', `${screeningUrl()}/${maths.id}`, { maths: 9 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().row.results.maths).toMatchObject({ score: 9, belowThreshold: true, givenBy: expect.stringMatching(/\S/) });
    expect(res.json().row.belowThreshold).toBe(true);
    const list = (await fag.get(screeningUrl())).json();
    expect(list.students.find((s: { student: { id: string } }) => s.student.id === maths.id).results.maths.score).toBe(9);
  });

  it('refuses a Norwegian score from the maths teacher (only who gives the test, or the contact teacher), and a department head who gives no test', async () => {
    const res = await fag.request('PUT', `${screeningUrl()}/${maths.id}`, { norwegian: 25 });
    expect(res.statusCode).toBe(403);
    expect((await avd.request('PUT', `${screeningUrl()}/${maths.id}`, { maths: 20 })).statusCode).toBe(403);
  });

  it('answers 400 naming the test for a score that is no whole number or above the test\'s maximum', async () => {
    const words = await kt1.request('PUT', `${screeningUrl()}/${maths.id}`, { english: 'tjue' }, { 'accept-language': 'nn' });
    expect(words.statusCode).toBe(400);
    expect(words.json().errors[0].field).toBe('english');
    const over = await kt1.request('PUT', `${screeningUrl()}/${maths.id}`, { maths: 31 });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors[0]).toMatchObject({ field: 'maths', message: 'Poengsummen kan være høyst 30.' });
  });
});

describe('R-31: who gives the Norwegian test', () => {
  it('on a vocational programme it is the contact teacher, not the Norwegian teacher, who enters it and is named as having given it', async () => {
    const [row] = await t.database.query<{ basis_group_id: string; student_id: string; nor_teacher: string; ct: string }>(
      `select b.basis_group_id, b.student_id,
         (select sm.person_id from enrolment m join teaching_group tg on tg.id = m.teaching_group_id join subject su on su.id = tg.subject_id
            join subject_teacher_assignment sa on sa.teaching_group_id = tg.id join staff_member sm on sm.id = sa.staff_member_id
          where m.student_id = b.student_id and m.ends_on is null and su.code like 'NOR%'
            and sm.id not in (select staff_member_id from contact_teacher_assignment where basis_group_id = b.basis_group_id) limit 1) as nor_teacher,
         (select sm.person_id from contact_teacher_assignment c join staff_member sm on sm.id = c.staff_member_id where c.basis_group_id = b.basis_group_id limit 1) as ct
       from enrolment b join basis_group bg on bg.id = b.basis_group_id join student s on s.id = b.student_id
       where bg.level = 'vg1' and s.programme = 'vocational' and b.ends_on is null order by bg.name, s.id limit 1`);
    expect(row?.nor_teacher, 'a vocational Vg1 student with a Norwegian teacher who is not the contact teacher').toBeTruthy();
    await addLogin(t.database, t.demo.ownerId, row!.nor_teacher, 'norsk.yf');
    await addLogin(t.database, t.demo.ownerId, row!.ct, 'kt.yf');
    const url = `/api/basis-groups/${row!.basis_group_id}/screening/${row!.student_id}`;
    const norwegianTeacher = await t.login('norsk.yf');
    const refused = await norwegianTeacher.request('PUT', url, { norwegian: 25 }, { 'accept-language': 'en' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe('You do not give the Norwegian test for this student.');
    const saved = await (await t.login('kt.yf')).request('PUT', url, { norwegian: 25 });
    expect(saved.statusCode, saved.body).toBe(200);
    const [given] = await t.database.query<{ given_by_person_id: string }>('select given_by_person_id from screening_result where student_id = $1 and test = $2', [row!.student_id, 'norwegian']);
    expect(given!.given_by_person_id).toBe(row!.ct);
  });
});

describe('R-31: importing the screening tool\'s CSV', () => {
  it('names every bad line and field and saves nothing; with "only the valid lines" it saves those and reports the rest', async () => {
    const [a, b] = members;
    const csv = `fødselsnummer;prøve;poeng\n${a!.nin};norsk;30\n${b!.nin};fransk;12\n01010112345;engelsk;20\n${b!.nin};matematikk;99\n`;
    const bad = await kt1.request('POST', `${screeningUrl()}/import`, { csv }, { 'accept-language': 'en' });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['rows.3.test', 'rows.4.national identity number', 'rows.5.score']));
    expect(bad.body).not.toContain('01010112345');
    const [stored] = await t.database.query<{ n: string }>('select count(*) as n from screening_result where student_id = $1 and test = $2', [a!.id, 'norwegian']);
    expect(Number(stored!.n)).toBe(0);

    const valid = await kt1.request('POST', `${screeningUrl()}/import`, { csv, onlyValid: true });
    expect(valid.statusCode, valid.body).toBe(200);
    expect(valid.json()).toMatchObject({ saved: 1, skipped: 3 });
    expect(valid.json().errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 5]);
  });

  it('when the class\'s screening is complete, marks those below the threshold and sends the department heads a notice with a link and no names or scores', async () => {
    // everyone gets every test; every third student is below the Norwegian threshold
    const lines = members.flatMap((m, i) => [`${m.nin};norsk;${i % 3 === 0 ? 12 : 30}`, `${m.nin};engelsk;25`, `${m.nin};matematikk;${m.id === maths.id ? 9 : 20}`]);
    const res = await kt1.request('POST', `${screeningUrl()}/import`, { csv: `fødselsnummer;prøve;poeng\n${lines.join('\n')}\n` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ complete: true, noticeSent: true, errors: [] });
    const list = (await kt1.get(screeningUrl())).json();
    expect(list.complete).toBe(true);
    const marked = list.students.filter((s: { belowThreshold: boolean }) => s.belowThreshold).map((s: { student: { id: string } }) => s.student.id);
    expect(marked).toEqual(expect.arrayContaining([maths.id, members[0]!.id]));
    expect(marked).not.toContain(members[1]!.id === maths.id ? members[2]!.id : members[1]!.id);

    const notices = await t.database.query<{ recipient_person_id: string; kind: string; link: string }>('select recipient_person_id, kind, link from notification where kind = $1', ['screening.belowThreshold']);
    expect(notices.map((n) => n.recipient_person_id)).toEqual(expect.arrayContaining([personOf('avdelingsleder')]));
    expect(notices.length).toBeGreaterThanOrEqual(2); // the student's own department head and the head the school named for maths
    for (const n of notices) expect(n.link).toBe(`/classes/${h().basisGroup1STAId}/screening`);
    // the notice goes once: saving again sends nothing more
    const again = await kt1.request('PUT', `${screeningUrl()}/${maths.id}`, { maths: 8 });
    expect(again.json().noticeSent).toBe(false);
  });
});

describe('R-31: who reads the screening list', () => {
  it('shows the head of a department the school sends the list to only the students below the threshold', async () => {
    const res = await otherHead.get(screeningUrl());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().scope).toBe('belowThresholdOnly');
    expect(res.json().students.length).toBeGreaterThan(0);
    expect(res.json().students.every((s: { belowThreshold: boolean }) => s.belowThreshold)).toBe(true);
  });

  it('tells a teacher outside the class, the student and a guardian nothing (404), and the principal\'s read shows in the student\'s access log', async () => {
    for (const c of [kt, elev, foresatt]) expect((await c.get(screeningUrl())).statusCode).toBe(404);
    expect((await rektor.get(screeningUrl())).statusCode).toBe(200);
    const [person] = await t.database.query<{ person_id: string }>('select person_id from student where id = $1', [maths.id]);
    await addLogin(t.database, t.demo.ownerId, person!.person_id, 'elev.1sta');
    const log = await (await t.login('elev.1sta')).get(`/api/students/${maths.id}/access-log`);
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().entries.some((e: { action: string; actorName: string }) => e.action === 'screening.read')).toBe(true);
  });
});

describe('R-32: the class-team meeting', () => {
  it('brings the Vg1 screening, absence and warnings; the team assesses the environment, marks a student, agrees who follows up and gets the follow-up list', async () => {
    const page = await kt1.get(meetingUrl());
    expect(page.statusCode, page.body).toBe(200);
    const p = page.json();
    expect(p).toMatchObject({ weeks: [39, 40, 42], showsScreening: true, canRecord: true, takesNotes: false, meeting: null });
    const row = p.students.find((s: { student: { id: string } }) => s.student.id === maths.id);
    expect(row.screening).toMatchObject({ maths: 8, belowThreshold: true });
    expect(row.absence).toHaveProperty('highestPercent');
    expect(typeof row.warnings).toBe('number');

    const held = await kt1.request('PUT', meetingUrl(), { week: 40, heldOn: '2026-10-01', learningEnvironment: 'Trygt og godt miljø; noe uro i matematikktimene.' });
    expect(held.statusCode, held.body).toBe(200);
    const counsellor = p.team.find((m: { role: string }) => m.role === 'counsellor');
    const marked = await fag.request('PUT', `${meetingUrl()}/students/${maths.id}`,
      { academic: true, social: false, mental: true, physical: false, followUpByStaffMemberId: counsellor.staffMemberId, proposedMeasures: 'Samtale med rådgiver; ekstra matematikkøkter.' });
    expect(marked.statusCode, marked.body).toBe(200);
    const first = marked.json().students[0];
    expect(first.student.id).toBe(maths.id);
    expect(first.concern).toMatchObject({ academic: true, mental: true, followUpBy: { staffMemberId: counsellor.staffMemberId }, proposedMeasures: 'Samtale med rådgiver; ekstra matematikkøkter.' });
    expect(marked.json().meeting).toMatchObject({ week: 40, heldOn: '2026-10-01' });
  });

  it('lets the principal read but not write, names the field when the follow-up is someone outside the team or the date is in the future', async () => {
    expect((await rektor.get(meetingUrl())).statusCode).toBe(200);
    expect((await rektor.request('PUT', meetingUrl(), { week: 40, heldOn: null, learningEnvironment: '' })).statusCode).toBe(403);
    const team = (await kt1.get(meetingUrl())).json().team.map((m: { staffMemberId: string }) => m.staffMemberId);
    const outsider = await t.database.query<{ id: string }>('select id from staff_member where school_id = $1 and not (id = any($2::uuid[])) limit 1', [t.demo.schoolId, team]);
    const res = await kt1.request('PUT', `${meetingUrl()}/students/${maths.id}`, { academic: true, social: false, mental: false, physical: false, followUpByStaffMemberId: outsider[0]!.id, proposedMeasures: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('followUpByStaffMemberId');
    const future = await kt1.request('PUT', meetingUrl(), { week: 42, heldOn: '2027-01-10', learningEnvironment: '' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('heldOn');
  });

  it('never shows the team\'s marks to the student, a guardian or a teacher outside the class; the counsellor\'s read is in the student\'s access log', async () => {
    for (const c of [elev, foresatt, kt]) expect((await c.get(meetingUrl())).statusCode).toBe(404);
    expect((await radgiver.get(meetingUrl())).statusCode).toBe(200);
    const [row] = await t.database.query<{ n: string }>(
      `select count(*) as n from audit_log where student_id = $1 and action = 'classTeam.readStudent' and actor_person_id = $2`, [maths.id, personOf('radgiver')]);
    expect(Number(row!.n)).toBeGreaterThan(0);
  });

  it('Vg2 general studies: a subject teacher\'s note reaches the meeting page before the meeting, with a link-only notice to the contact teacher and the department head', async () => {
    const res = await fag.request('POST', `${meetingUrl(h().basisGroup2STAId)}/notes`, { studentId: h().elevStudentId, text: 'Har levert få innleveringer i matematikk siden høstferien.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().takesNotes).toBe(true);
    expect(res.json().students.find((s: { student: { id: string } }) => s.student.id === h().elevStudentId).notes[0].text).toContain('innleveringer');
    const notices = await t.database.query<{ recipient_person_id: string; link: string }>('select recipient_person_id, link from notification where kind = $1', ['classTeam.note']);
    expect(notices.map((n) => n.recipient_person_id)).toEqual(expect.arrayContaining([personOf('kontaktlarer'), personOf('avdelingsleder')]));
    expect(notices.every((n) => n.link === `/classes/${h().basisGroup2STAId}/class-team-meeting`)).toBe(true);
    const vg1 = await fag.request('POST', `${meetingUrl()}/notes`, { studentId: maths.id, text: 'Notat' });
    expect(vg1.statusCode).toBe(400);
    expect(vg1.json().errors[0].field).toBe('studentId');
  });
});

describe('R-30, R-31, R-32: the annual cycle\'s screening and class-team routines are proved by the data', () => {
  it('are no longer ticked by hand, and count the 1STA class done once its screening is complete and its meeting held', async () => {
    const res = await rektor.get('/api/annual-cycle');
    expect(res.statusCode, res.body).toBe(200);
    const routines = res.json().routines as { builtinKey: string; handTicked: boolean; evidenceKind: string }[];
    expect(routines.find((r) => r.builtinKey === 'screeningVg1')).toMatchObject({ handTicked: false, evidenceKind: 'screeningCompleted' });
    expect(routines.find((r) => r.builtinKey === 'classTeamMeetings')).toMatchObject({ handTicked: false, evidenceKind: 'classTeamMeetingHeld' });
    const { evidenceSource, wholeSchool } = await import('../../core/evidence/sources.js');
    const [year] = await t.database.query<{ id: string }>('select school_year_id as id from basis_group where id = $1', [h().basisGroup1STAId]);
    for (const kind of ['screeningCompleted', 'classTeamMeetingHeld'] as const) {
      const params: unknown[] = [];
      const sql = evidenceSource(kind).sql!(wholeSchool({ ownerId: t.demo.ownerId, schoolId: t.demo.schoolId, schoolYearId: year!.id, subject: 'basisGroup', param: null, today: '2026-11-25' }), (v) => { params.push(v); return `$${params.length}`; });
      const rows = await t.database.query<{ subject_id: string }>(sql, params);
      expect(rows.map((r) => r.subject_id), kind).toContain(h().basisGroup1STAId);
    }
  });
});
