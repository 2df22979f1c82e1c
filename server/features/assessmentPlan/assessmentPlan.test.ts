/**
 * The assessment plan on PGlite and PostgreSQL: conflicts per student across groups (hand-computed
 * from the enrolments), holidays refused, the school's own rules, who sees what (L-05, L-06), the ICS
 * feeds, the class-hour export and the evidence for the routine engine.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLogin, testApp, type Client, type TestApp } from '../../test/harness.js';
import { assessmentPlanPublished } from './evidence.js';
import { assessmentsForBasisGroup } from './service.js';
import { today } from '../../core/time.js';
import { wholeSchool } from '../../core/evidence/sources.js';

let t: TestApp;
let kt: Client;
let fag: Client;
let rektor: Client;
const h = () => t.demo.hardCases;
const entries = async () => Number((await t.database.query<{ n: string }>('select count(*) as n from assessment_plan_entry'))[0]!.n);
const plan = (c: Client, groupId: string, body: unknown) => c.request('POST', `/api/teaching-groups/${groupId}/assessment-plan`, body);
const check = (c: Client, groupId: string, body: unknown) => c.request('POST', `/api/teaching-groups/${groupId}/assessment-plan/check`, body);

async function groupId(name: string): Promise<string> {
  return (await t.database.query<{ id: string }>('select id from teaching_group where name = $1', [name]))[0]!.id;
}
/** Students enrolled on `day` in EVERY one of the teaching groups (the hand computation of who a rule hits). */
async function inAll(groupIds: string[], day: string): Promise<string[]> {
  const rows = await t.database.query<{ student_id: string }>(
    `select student_id from enrolment where teaching_group_id = any($1::uuid[]) and starts_on <= $2::date and (ends_on is null or ends_on > $2::date)
     group by student_id having count(distinct teaching_group_id) = $3 order by student_id`, [groupIds, day, groupIds.length]);
  return rows.map((r) => r.student_id);
}
/** A test another teacher planned (straight into the table, as the seed does). */
async function insertTest(groupName: string, startsOn: string, kind = 'test') {
  await t.database.query(
    `insert into assessment_plan_entry (owner_id, id, school_id, school_year_id, teaching_group_id, subject_id, kind, title, starts_on, created_by_person_id)
     select tg.owner_id, $2, tg.school_id, tg.school_year_id, tg.id, tg.subject_id, $3, $4, $5, (select person_id from staff_member limit 1)
     from teaching_group tg where tg.name = $1`, [groupName, randomUUID(), kind, `Prøve ${groupName}`, startsOn]);
}

beforeAll(async () => {
  t = await testApp();
  [kt, fag, rektor] = await Promise.all([t.login('kontaktlarer'), t.login('faglarer'), t.login('rektor')]);
});
afterAll(async () => t?.close());

describe('R-42 conflict rules are evaluated per student across all their groups', () => {
  it('a second test on the same day is refused with 400 naming the rule and exactly the students who take both subjects', async () => {
    const ok = await plan(fag, h().teachingGroup2STAMATId, { kind: 'test', title: 'Prøve i integrasjon', startsOn: '2027-01-12' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().warnings).toEqual([]);
    const both = await inAll([h().teachingGroup2STAMATId, h().teachingGroup2STANORId], '2027-01-12');
    expect(both.length).toBeGreaterThan(0);

    // the live check while the contact teacher (also the Norwegian teacher) types
    const live = await check(kt, h().teachingGroup2STANORId, { kind: 'test', title: '', startsOn: '2027-01-12' });
    expect(live.statusCode, live.body).toBe(200);
    expect(live.json().blocked).toBe(true);
    const [c] = live.json().conflicts;
    expect(c).toMatchObject({ rule: 'maxTestsPerDay', warningOnly: false, day: '2027-01-12', studentCount: both.length });
    expect(c.students.map((s: { id: string }) => s.id).sort()).toEqual(both);
    expect(c.entries.map((e: { title: string; proposed: boolean }) => [e.title, e.proposed])).toEqual(expect.arrayContaining([['Prøve i integrasjon', false]]));

    const before = await entries();
    const refused = await plan(kt, h().teachingGroup2STANORId, { kind: 'test', title: 'Prøve i sidemål 2', startsOn: '2027-01-12' });
    expect(refused.statusCode).toBe(400);
    const err = refused.json().errors[0];
    expect(err.field).toBe('startsOn');
    expect(err.message).toContain('høyst 1 prøve per dag');
    expect(err.message).toContain(both.length === 1 ? '1 elev:' : `${both.length} elever:`);
    expect(await entries()).toBe(before);
    // a full-day test counts as a test too
    const fullDay = await check(kt, h().teachingGroup2STANORId, { kind: 'fullDayTest', startsOn: '2027-01-12' });
    expect(fullDay.json().conflicts[0].rule).toBe('maxTestsPerDay');
    // a project that is due that day is no test
    const project = await check(kt, h().teachingGroup2STANORId, { kind: 'project', startsOn: '2027-01-11', endsOn: '2027-01-12' });
    expect(project.json()).toMatchObject({ conflicts: [], blocked: false });
  });

  it('a fourth test in one ISO week hits only the students who take all four subjects', async () => {
    const his = await groupId('2STA-HIS');
    const kro = await groupId('2STA-KRO');
    await insertTest('2STA-HIS', '2027-01-13');
    await insertTest('2STA-KRO', '2027-01-15', 'fullDayTest');
    const four = await inAll([h().teachingGroup2STANORId, h().teachingGroup2STAMATId, his, kro], '2027-01-14');
    const res = (await check(kt, h().teachingGroup2STANORId, { kind: 'test', startsOn: '2027-01-14' })).json();
    expect(res.conflicts).toHaveLength(1);
    expect(res.conflicts[0]).toMatchObject({ rule: 'maxTestsPerWeek', week: '2027-W02', day: null, studentCount: four.length });
    expect(res.conflicts[0].students.map((s: { id: string }) => s.id).sort()).toEqual(four);
    expect(res.conflicts[0].message).toContain('i uke 2 for');
  });

  it('no test on the first school day after the class\'s trip day (a Friday trip blocks Monday)', async () => {
    const trip = await kt.request('POST', `/api/basis-groups/${h().basisGroup2STAId}/assessment-plan`, { kind: 'excursion', title: 'Skitur', startsOn: '2027-01-22' });
    expect(trip.statusCode, trip.body).toBe(201);
    const matInClass = (await t.database.query<{ student_id: string }>(
      `select e.student_id from enrolment e where e.teaching_group_id = $1 and e.ends_on is null
         and e.student_id in (select student_id from enrolment where basis_group_id = $2 and ends_on is null) order by 1`,
      [h().teachingGroup2STAMATId, h().basisGroup2STAId])).map((r) => r.student_id);
    const res = (await check(fag, h().teachingGroup2STAMATId, { kind: 'test', startsOn: '2027-01-25' })).json();
    expect(res.conflicts[0]).toMatchObject({ rule: 'noTestAfterExcursion', day: '2027-01-25' });
    expect(res.conflicts[0].students.map((s: { id: string }) => s.id).sort()).toEqual(matInClass);
    expect((await check(fag, h().teachingGroup2STAMATId, { kind: 'test', startsOn: '2027-01-26' })).json().conflicts).toEqual([]);
  });

  it('a rule the school marks as a warning only lets the save through and returns the warning', async () => {
    const set = await rektor.request('PUT', '/api/assessment-plan/rules', { rules: [{ rule: 'maxTestsPerDay', enabled: true, maximum: 1, warningOnly: true }] });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().rules.find((r: { rule: string }) => r.rule === 'maxTestsPerDay').warningOnly).toBe(true);
    expect((await plan(fag, h().teachingGroup2STAMATId, { kind: 'test', title: 'Prøve i vektorer', startsOn: '2027-02-02' })).statusCode).toBe(201);
    const saved = await plan(kt, h().teachingGroup2STANORId, { kind: 'test', title: 'Prøve i sidemål 2', startsOn: '2027-02-02' });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json().warnings[0]).toMatchObject({ rule: 'maxTestsPerDay', warningOnly: true });
    // the teacher may not change the school's rules
    expect((await kt.request('PUT', '/api/assessment-plan/rules', { rules: [{ rule: 'maxTestsPerDay', enabled: false, maximum: 1, warningOnly: false }] })).statusCode).toBe(403);
    await rektor.request('PUT', '/api/assessment-plan/rules', { rules: [{ rule: 'maxTestsPerDay', enabled: true, maximum: 1, warningOnly: false }] });
  });
});

describe('R-42 dates: holidays and weekends are not allowed', () => {
  it('a test in the Christmas break, on a Saturday or outside the school year is refused with the field and the reason; nothing is saved', async () => {
    const before = await entries();
    const xmas = await plan(fag, h().teachingGroup2STAMATId, { kind: 'test', title: 'Juleprøve', startsOn: '2026-12-21' });
    expect(xmas.statusCode).toBe(400);
    expect(xmas.json().errors[0]).toMatchObject({ field: 'startsOn' });
    expect(xmas.json().errors[0].message).toContain('Juleferie');
    const saturday = await plan(fag, h().teachingGroup2STAMATId, { kind: 'test', title: 'Lørdagsprøve', startsOn: '2027-01-16' });
    expect(saturday.json().errors[0].field).toBe('startsOn');
    const summer = await plan(fag, h().teachingGroup2STAMATId, { kind: 'test', title: 'Sommerprøve', startsOn: '2027-07-12' });
    expect(summer.statusCode).toBe(400);
    const project = await plan(fag, h().teachingGroup2STAMATId, { kind: 'project', title: 'Prosjekt uten frist', startsOn: '2027-01-11' });
    expect(project.json().errors[0].field).toBe('endsOn');
    const blank = await plan(fag, h().teachingGroup2STAMATId, { kind: 'quiz', title: '   ', startsOn: 'i morgen' });
    expect(blank.statusCode).toBe(400);
    expect(await entries()).toBe(before);
    // the live check says the same in the user's language
    const live = await fag.request('POST', `/api/teaching-groups/${h().teachingGroup2STAMATId}/assessment-plan/check`, { kind: 'test', startsOn: '2026-12-21' }, { 'accept-language': 'en' });
    expect(live.json()).toMatchObject({ blocked: true, dateErrors: [{ field: 'startsOn' }] });
    expect(live.json().dateErrors[0].message).toContain('day off');
  });
});

describe('R-42 who sees the plan (L-05, L-06)', () => {
  it('the student sees their own combined plan with the planted conflict; the class page summarises it per student', async () => {
    const elev = await (await t.login('elev')).get(`/api/students/${h().elevStudentId}/assessment-plan?from=2026-11-01&to=2026-12-31`);
    expect(elev.statusCode).toBe(200);
    expect(elev.json().access.reasonCode).toBe('self');
    const titles = elev.json().entries.map((e: { title: string }) => e.title);
    expect(titles).toEqual(expect.arrayContaining(['Prøve i derivasjon', 'Ekskursjon til Nordfjell museum', 'Prøve i sosiologi', 'Juleavslutning i aulaen']));
    expect(elev.json().conflicts).toHaveLength(1);
    expect(elev.json().conflicts[0]).toMatchObject({ rule: 'noTestAfterExcursion', day: '2026-12-11', studentCount: 1 });
    expect(elev.json().entries.every((e: { editable: boolean }) => !e.editable)).toBe(true);

    const inSos = await inAll([await groupId('2SOS-A')], '2026-12-11');
    const classStudents = (await t.database.query<{ student_id: string }>('select student_id from enrolment where basis_group_id = $1 and ends_on is null', [h().basisGroup2STAId])).map((r) => r.student_id);
    const expected = inSos.filter((s) => classStudents.includes(s));
    const cls = (await kt.get(`/api/basis-groups/${h().basisGroup2STAId}/assessment-plan?from=2026-11-01&to=2026-12-31`)).json();
    const planted = cls.conflicts.find((c: { rule: string }) => c.rule === 'noTestAfterExcursion');
    expect(planted.studentCount).toBe(expected.length);
    expect(cls.access.reason).toContain('2STA');
  });

  it('a guardian with parental responsibility reads the child\'s plan; a parent without it and an adult\'s guardian without consent are refused', async () => {
    expect((await (await t.login('foresatt')).get(`/api/students/${h().elevStudentId}/assessment-plan`)).statusCode).toBe(200);
    expect((await (await t.login('foresatt.uten')).get(`/api/students/${h().noResponsibilityStudentId}/assessment-plan`)).statusCode).toBe(404);
    await addLogin(t.database, t.demo.ownerId, h().adultNoConsentGuardianPersonId, 'foresatt.ikkesamtykke.ap');
    const noConsent = await (await t.login('foresatt.ikkesamtykke.ap')).get(`/api/students/${h().adultWithConsentStudentId}/assessment-plan`);
    expect(noConsent.statusCode).toBe(404);
    expect(noConsent.body).not.toContain('Prøve');
    expect((await (await t.login('foresatt.myndig')).get(`/api/students/${h().adultWithConsentStudentId}/assessment-plan`)).statusCode).toBe(200);
  });

  it('another school\'s teaching group is denied even to the principal, and a teacher cannot plan for a group they do not teach', async () => {
    const schoolId = randomUUID();
    const groupIdOther = randomUUID();
    const [g] = await t.database.query<{ owner_id: string; school_year_id: string; subject_id: string }>('select owner_id, school_year_id, subject_id from teaching_group where id = $1', [h().teachingGroup2STAMATId]);
    await t.database.query(`insert into school (owner_id, id, name, stage) values ($1, $2, 'Dalheim videregående skole', 'upperSecondary')`, [g!.owner_id, schoolId]);
    await t.database.query(`insert into teaching_group (owner_id, id, school_id, school_year_id, subject_id, name) values ($1, $2, $3, $4, $5, '2DAL-MAT')`,
      [g!.owner_id, groupIdOther, schoolId, g!.school_year_id, g!.subject_id]);
    expect((await rektor.get(`/api/teaching-groups/${groupIdOther}/assessment-plan`)).statusCode).toBe(404);
    expect((await plan(fag, groupIdOther, { kind: 'test', title: 'X', startsOn: '2027-01-19' })).statusCode).toBe(404);
    expect((await plan(fag, h().teachingGroup2STANORId, { kind: 'test', title: 'X', startsOn: '2027-01-19' })).statusCode).toBe(404);
    // the principal reads the group's plan but does not plan its tests
    expect((await plan(rektor, h().teachingGroup2STAMATId, { kind: 'test', title: 'X', startsOn: '2027-01-19' })).statusCode).toBe(403);
  });
});

describe('R-42 calendar feeds (ICS) with secret-token URLs', () => {
  it('a group feed and a student feed are valid iCalendar with all-day events and no student names; a new URL replaces the old', async () => {
    const groupFeed = await fag.request('POST', `/api/teaching-groups/${h().teachingGroup2STAMATId}/assessment-plan/feed`);
    expect(groupFeed.statusCode).toBe(200);
    const url = new URL(groupFeed.json().url as string);
    const ics = await t.app.inject({ method: 'GET', url: url.pathname });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics.body).toContain('DTSTART;VALUE=DATE:20261201');
    expect(ics.body).toContain('Prøve i derivasjon (MAT');

    const elev = await t.login('elev');
    const studentFeed = new URL((await elev.request('POST', `/api/students/${h().elevStudentId}/assessment-plan/feed`)).json().url as string);
    const sics = await t.app.inject({ method: 'GET', url: studentFeed.pathname });
    expect(sics.statusCode).toBe(200);
    expect(sics.body.match(/BEGIN:VEVENT/g)!.length).toBeGreaterThanOrEqual(8);
    const [p] = await t.database.query<{ given_name: string; family_name: string }>('select given_name, family_name from person p join student s on s.person_id = p.id where s.id = $1', [h().elevStudentId]);
    expect(sics.body).not.toContain(p!.family_name);
    // the token itself is not stored, and the booking feed is unaffected by another scope
    const token = url.pathname.split('/').pop()!.replace(/\.ics$/, '');
    expect((await t.database.query('select 1 from calendar_feed where token_hash = $1', [token]))).toHaveLength(0);
    expect((await t.app.inject({ method: 'GET', url: `/api/calendar/${token}.ics` })).statusCode).toBe(404);
    await fag.request('POST', `/api/teaching-groups/${h().teachingGroup2STAMATId}/assessment-plan/feed`);
    expect((await t.app.inject({ method: 'GET', url: url.pathname })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/assessment-plan/feeds/not-a-token.ics' })).statusCode).toBe(404);
  });
});

describe('R-35/R-42 the class hour export and the routine engine\'s evidence', () => {
  it('assessmentsForBasisGroup gives the union of the class\'s plans in the window, in date order', async () => {
    const rows = await assessmentsForBasisGroup(t.database, t.demo.ownerId, h().basisGroup2STAId, '2026-11-23', '2026-12-20');
    const titles = rows.map((r) => r.title);
    expect(titles).toEqual(expect.arrayContaining(['Teaterforestilling: Et dukkehjem', 'Fordypningsoppgave om Ibsen', 'Prøve i derivasjon', 'Heldagsprøve i historie', 'Prøve i sosiologi', 'Juleavslutning i aulaen']));
    expect(titles).not.toContain('Prøve i novelleanalyse');
    expect(rows.map((r) => r.startsOn)).toEqual([...rows.map((r) => r.startsOn)].sort());
    expect(rows.find((r) => r.title === 'Prøve i derivasjon')).toMatchObject({ kind: 'test', subjectCode: expect.stringMatching(/^MAT/), groupName: '2STA-MAT', endsOn: null });
  });

  it('assessmentPlanPublished: a teacher is done when every group they teach has an entry in the term', async () => {
    const [y] = await t.database.query<{ school_year_id: string; school_id: string }>('select school_year_id, school_id from basis_group where id = $1', [h().basisGroup2STAId]);
    const run = async () => {
      const params: unknown[] = [];
      const sql = assessmentPlanPublished.sql!(wholeSchool({ ownerId: t.demo.ownerId, schoolId: y!.school_id, schoolYearId: y!.school_year_id, subject: 'teacher', param: null, today: today() }), (v) => { params.push(v); return `$${params.length}`; });
      return t.database.query<{ subject_id: string; done_on: string }>(sql, params);
    };
    const teacher = h().subjectTeacherStaffMemberId;
    const groups = (await t.database.query<{ id: string; name: string }>(
      'select tg.id, tg.name from subject_teacher_assignment a join teaching_group tg on tg.id = a.teaching_group_id where a.staff_member_id = $1 order by tg.name', [teacher]));
    expect(groups.length).toBeGreaterThan(2);
    // only 2STA-MAT has an entry in the autumn term so far
    expect((await run()).some((r) => r.subject_id === teacher)).toBe(false);
    const rest = groups.filter((g) => g.id !== h().teachingGroup2STAMATId);
    for (const g of rest.slice(0, -1)) {
      expect((await plan(fag, g.id, { kind: 'project', title: `Prosjekt ${g.name}`, startsOn: '2026-12-14', endsOn: '2026-12-17' })).statusCode).toBe(201);
    }
    expect((await run()).some((r) => r.subject_id === teacher)).toBe(false);
    expect((await plan(fag, rest.at(-1)!.id, { kind: 'project', title: 'Siste prosjekt', startsOn: '2026-12-14', endsOn: '2026-12-17' })).statusCode).toBe(201);
    const done = (await run()).filter((r) => r.subject_id === teacher);
    expect(done).toHaveLength(1);
    // done on the day the last group got its first entry (when it was saved)
    expect(done[0]!.done_on).not.toBeNull();
  });
});
