/**
 * Class life on PGlite and PostgreSQL: the class hour's agenda with live
 * data, notes only the class may read when shared, the start-of-year checklist, class rules drafted
 * with the students, a secret election where nobody votes twice, and a fair duty rota.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLogin, testApp, type Client, type TestApp } from '../../test/harness.js';
import { countVotes } from './service.js';
import { classLifeEvidenceSources } from './evidence.js';
import { today } from '../../core/time.js';
import { wholeSchool } from '../../core/evidence/sources.js';

let t: TestApp;
let kt: Client;
let elev: Client;
let classmate: Client;
let outsider: Client;
let classmateStudentId: string;
const h = () => t.demo.hardCases;
const base = () => `/api/basis-groups/${h().basisGroup2STAId}`;

beforeAll(async () => {
  t = await testApp();
  const [mate] = await t.database.query<{ id: string; person_id: string }>(
    `select s.id, s.person_id from enrolment e join student s on s.id = e.student_id
     where e.basis_group_id = $1 and e.ends_on is null and s.id <> all($2::uuid[]) order by s.id limit 1`,
    [h().basisGroup2STAId, [h().elevStudentId, h().adultWithConsentStudentId]]);
  classmateStudentId = mate!.id;
  await addLogin(t.database, t.demo.ownerId, mate!.person_id, 'klassevenn');
  const [other] = await t.database.query<{ person_id: string }>(
    `select s.person_id from enrolment e join student s on s.id = e.student_id where e.basis_group_id = $1 and e.ends_on is null and s.id <> $2 limit 1`,
    [h().basisGroup2STBId, h().changedClassStudentId]);
  await addLogin(t.database, t.demo.ownerId, other!.person_id, 'elev.2stb');
  [kt, elev, classmate, outsider] = await Promise.all([t.login('kontaktlarer'), t.login('elev'), t.login('klassevenn'), t.login('elev.2stb')]);
});
afterAll(async () => t?.close());

describe('R-35 the class hour', () => {
  it('the agenda has the standing items, this week\'s absence check counted from the data, and the plan\'s topic for week 48', async () => {
    const res = await kt.get(`${base()}/class-hour`);
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    expect(a.access.reason).toBe('kontaktlærer for 2STA');
    expect(a.week).toMatchObject({ start: '2026-11-23', number: 48 });
    expect(a.standingItems).toEqual(['checkAbsence', 'informationChannels', 'commonEvents', 'wellBeing', 'workload', 'deadlines', 'studentCouncil', 'questions', 'individualTalks']);
    const [hand] = await t.database.query<{ n: string }>(
      `select count(distinct a.student_id) as n from absence a join enrolment e on e.student_id = a.student_id and e.basis_group_id = $1 and e.ends_on is null
       where a.day between '2026-11-23' and '2026-11-29' and a.documented_on is null and a.reason <> 'schoolHealthService'`, [h().basisGroup2STAId]);
    expect(Number(hand!.n)).toBeGreaterThan(0);
    expect(a.absence).toMatchObject({ studentsWithUndocumented: Number(hand!.n), studentsChecked: 0, isoWeek: '2026-W48' });
    expect(a.topic).toEqual({ topic: 'timeManagement', suggested: 'timeManagement', chosen: false });
    expect(a.canManage).toBe(true);
  });

  it('the contact teacher saves notes; the class sees the agenda but reads the notes only once shared', async () => {
    const save = (notesShared: boolean) => kt.request('PUT', `${base()}/class-hour/2026-11-24`, { topic: 'timeManagement', notes: 'Snakket om innleveringer før jul. Valgte dato for juleavslutning.', notesShared });
    expect((await save(false)).statusCode).toBe(200);
    const hidden = (await elev.get(`${base()}/class-hour`)).json();
    expect(hidden.access.reasonCode).toBe('classMember');
    expect(hidden.canManage).toBe(false);
    expect(hidden.absence).toBeNull();
    expect(hidden.classHours[0]).toMatchObject({ heldOn: '2026-11-24', notes: null });
    await save(true);
    const shared = (await elev.get(`${base()}/class-hour`)).json();
    expect(shared.classHours[0].notes).toContain('juleavslutning');
    // a student of another class sees nothing of it, and a student cannot write the notes
    expect((await outsider.get(`${base()}/class-hour`)).statusCode).toBe(404);
    expect((await elev.request('PUT', `${base()}/class-hour/2026-11-24`, { notes: 'x' })).statusCode).toBe(403);
  });

  it('the teacher chooses another topic for a week, and empty returns to the plan; a date that is not a Monday is refused', async () => {
    expect((await kt.request('PUT', `${base()}/class-hour/topics/2026-11-30`, { topic: 'Juleavslutning' })).statusCode).toBe(204);
    const plan = (await kt.get(`${base()}/class-hour/topics`)).json();
    expect(plan.weeks[0]).toMatchObject({ weekStart: '2026-08-17', topic: 'registrationForm' });
    expect(plan.weeks.find((w: { weekStart: string }) => w.weekStart === '2026-11-30')).toMatchObject({ topic: 'Juleavslutning', chosen: true, suggested: 'timeManagement' });
    expect(plan.weeks.find((w: { weekStart: string }) => w.weekStart === '2027-01-18').topic).toBe('futureChoices');
    await kt.request('PUT', `${base()}/class-hour/topics/2026-11-30`, { topic: '' });
    expect((await kt.get(`${base()}/class-hour?week=2026-11-30`)).json().topic.chosen).toBe(false);
    const bad = await kt.request('PUT', `${base()}/class-hour/topics/2026-12-01`, { topic: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('weekStart');
  });

  it('a case is prepared, then decided with its date; a decision without a date is refused and changes nothing', async () => {
    const made = await kt.request('POST', `${base()}/class-hour/cases`, { title: 'Klassetur i mai', background: 'Tre forslag: Lofoten, Trondheim, hytte i nærheten.' });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id;
    const bad = await kt.request('PUT', `${base()}/class-hour/cases/${id}`, { title: 'Klassetur i mai', decision: 'Hytte i nærheten.' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'decidedOn', message: 'Skriv datoen vedtaket ble gjort.' });
    expect((await kt.request('PUT', `${base()}/class-hour/cases/${id}`, { title: 'Klassetur i mai', background: 'Tre forslag.', decision: 'Hytte i nærheten, 12.–13. mai.', decidedOn: '2026-11-24' })).statusCode).toBe(204);
    const cases = (await kt.get(`${base()}/class-hour`)).json().cases;
    expect(cases.find((c: { id: string }) => c.id === id)).toMatchObject({ decision: 'Hytte i nærheten, 12.–13. mai.', decidedOn: '2026-11-24' });
    expect((await elev.get(`${base()}/class-hour`)).json().cases).toEqual([]);
  });
});

describe('R-36 the start-of-year checklist', () => {
  it('is checked off per class with the date and who, and counts as done for the annual cycle only when all four are', async () => {
    const evidence = async () => {
      const src = classLifeEvidenceSources.find((s) => s.kind === 'startOfYearChecklistDone')!;
      const params: unknown[] = [];
      const [year] = await t.database.query<{ id: string }>('select school_year_id as id from basis_group where id = $1', [h().basisGroup2STAId]);
      const sql = src.sql!(wholeSchool({ ownerId: t.demo.ownerId, schoolId: t.demo.schoolId, schoolYearId: year!.id, subject: 'basisGroup', param: null, today: today() }), (v) => { params.push(v); return `$${params.length}`; });
      return t.database.query<{ subject_id: string; done_on: string }>(`select subject_id, done_on::text from (${sql}) x`, params);
    };
    for (const [item, on] of [['schoolOrganisation', '2026-08-20'], ['schoolRules', '2026-08-20'], ['absenceRules', '2026-08-27']] as const) {
      expect((await kt.request('PUT', `${base()}/start-of-year/${item}`, { checked: true, checkedOn: on })).statusCode).toBe(200);
    }
    expect(await evidence()).toEqual([]);
    const last = await kt.request('PUT', `${base()}/start-of-year/complaintsAboutTeaching`, { checked: true, checkedOn: '2026-09-03' });
    expect(last.json().items.find((i: { item: string }) => i.item === 'complaintsAboutTeaching')).toMatchObject({ checkedOn: '2026-09-03' });
    expect(last.json().items[0].checkedBy).not.toBeNull();
    expect(await evidence()).toEqual([{ subject_id: h().basisGroup2STAId, done_on: '2026-09-03' }]);
    const future = await kt.request('PUT', `${base()}/start-of-year/schoolRules`, { checked: true, checkedOn: '2026-12-01' });
    expect(future.statusCode).toBe(400);
  });
});

describe('R-40 class rules drafted with the students', () => {
  it('students propose and comment (names hidden from classmates); the teacher drafts and publishes; earlier versions are kept', async () => {
    const p = await elev.request('POST', `${base()}/class-rules/proposals`, { text: 'Mobilen i sekken i timene.' });
    expect(p.statusCode, p.body).toBe(201);
    expect((await classmate.request('POST', `${base()}/class-rules/proposals/${p.json().id}/comments`, { text: 'Enig, men lov i friminuttene.' })).statusCode).toBe(201);
    expect((await outsider.request('POST', `${base()}/class-rules/proposals`, { text: 'Fra en annen klasse.' })).statusCode).toBe(404);
    expect((await kt.request('POST', `${base()}/class-rules/proposals`, { text: 'Læreren foreslår.' })).statusCode).toBe(403);

    type P = { id: string; author: string | null; mine: boolean; comments: { mine: boolean; author: string }[] };
    const mineOf = async (c: Client) => ((await c.get(`${base()}/class-rules`)).json().proposals as P[]).find((x) => x.id === p.json().id)!;
    const asMate = (await classmate.get(`${base()}/class-rules`)).json();
    expect(asMate.proposals.find((x: P) => x.id === p.json().id)).toMatchObject({ text: 'Mobilen i sekken i timene.', author: null, mine: false });
    expect((await mineOf(classmate)).comments[0]).toMatchObject({ mine: true, author: '' });
    expect(asMate.draft).toBeNull();
    expect((await mineOf(elev)).mine).toBe(true);
    expect((await mineOf(kt)).author).not.toBeNull();

    await kt.request('PUT', `${base()}/class-rules/draft`, { text: '   ' });
    const empty = await kt.request('POST', `${base()}/class-rules/versions`);
    expect(empty.statusCode).toBe(400);
    await kt.request('PUT', `${base()}/class-rules/draft`, { text: '1. Mobilen i sekken i timene.\n2. Vi møter presis.' });
    const v1 = await kt.request('POST', `${base()}/class-rules/versions`);
    expect(v1.json()).toEqual({ version: 1, publishedOn: '2026-11-25' });
    await kt.request('PUT', `${base()}/class-rules/draft`, { text: '1. Mobilen i sekken i timene.\n2. Vi møter presis.\n3. Vi rydder etter oss.' });
    await kt.request('POST', `${base()}/class-rules/versions`);
    const rules = (await elev.get(`${base()}/class-rules`)).json();
    expect(rules.current).toMatchObject({ version: 2, publishedOn: '2026-11-25' });
    expect(rules.current.text).toContain('rydder');
    expect(rules.earlier).toEqual([{ version: 1, text: '1. Mobilen i sekken i timene.\n2. Vi møter presis.', publishedOn: '2026-11-25' }]);
  });
});

describe('R-41 electing student representatives', () => {
  let electionId: string;
  const e = () => `${base()}/student-representatives/elections/${electionId}`;

  it('the class elects from students who accepted; each student votes once, also when the same vote is sent five times at once', async () => {
    const made = await kt.request('POST', `${base()}/student-representatives/elections`, { seats: 2, termStartsOn: '2026-11-25', termEndsOn: '2027-06-18' });
    expect(made.statusCode, made.body).toBe(201);
    electionId = made.json().id;
    expect((await kt.request('POST', `${e()}/candidates`, { studentId: classmateStudentId })).statusCode).toBe(204);
    expect((await kt.request('POST', `${e()}/candidates`, { studentId: h().basisGroup2STBId })).statusCode).toBe(400);
    expect((await kt.request('POST', `${e()}/open`)).statusCode).toBe(409); // nobody has accepted yet
    expect((await classmate.request('PUT', `${e()}/candidacy`, { accept: true })).statusCode).toBe(204);
    expect((await elev.request('PUT', `${e()}/candidacy`, { accept: true })).statusCode).toBe(204); // puts herself forward
    expect((await kt.request('POST', `${e()}/open`)).statusCode).toBe(204);

    const votes = await Promise.all(Array.from({ length: 5 }, () => elev.request('POST', `${e()}/votes`, { candidateStudentId: classmateStudentId })));
    expect(votes.map((v) => v.statusCode).sort()).toEqual([204, 409, 409, 409, 409]);
    expect(votes.find((v) => v.statusCode === 409)!.json().detail ?? votes.find((v) => v.statusCode === 409)!.body).toMatch(/allerede stemt/);
    const [ballots] = await t.database.query<{ n: string }>('select count(*) as n from student_representative_ballot where election_id = $1', [electionId]);
    expect(Number(ballots!.n)).toBe(1);
    expect((await classmate.request('POST', `${e()}/votes`, { candidateStudentId: classmateStudentId })).statusCode).toBe(204);
    // a student of another class cannot vote; a vote for someone who is not standing is refused
    expect((await outsider.request('POST', `${e()}/votes`, { candidateStudentId: classmateStudentId })).statusCode).toBe(404);
    const stranger = await (await t.login('elev.myndig')).request('POST', `${e()}/votes`, { candidateStudentId: h().adultWithConsentStudentId });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors[0].field).toBe('candidateStudentId');
  });

  it('nobody, not even the contact teacher, can see who voted for whom: only the turnout until the count', async () => {
    const asTeacher = await kt.get(`${base()}/student-representatives`);
    const el = asTeacher.json().elections.find((x: { id: string }) => x.id === electionId);
    expect(el.turnout.voted).toBe(2);
    expect(el.candidates.every((c: { votes: number | null }) => c.votes === null)).toBe(true);
    expect(el.me).toBeNull();
    expect(asTeacher.body).not.toContain('voter');
    // in the database, the ballot carries no voter and no time: nothing joins it to the voter rows
    const columns = (await t.database.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'student_representative_ballot'`)).map((c) => c.column_name).sort();
    expect(columns).toEqual(['candidate_student_id', 'election_id', 'id', 'owner_id']);
    const asElev = (await elev.get(`${base()}/student-representatives`)).json().elections.find((x: { id: string }) => x.id === electionId);
    expect(asElev.me).toEqual({ voted: true, candidacy: 'accepted' });
  });

  it('closing counts the votes: the most votes is the representative, and a tie is settled by lot and said so', async () => {
    expect((await kt.request('POST', `${e()}/close`)).statusCode).toBe(204);
    const el = (await elev.get(`${base()}/student-representatives`)).json().elections.find((x: { id: string }) => x.id === electionId);
    expect(el.status).toBe('closed');
    expect(el.candidates[0]).toMatchObject({ studentId: classmateStudentId, votes: 2, elected: 1, drawnByLot: false });
    expect(el.candidates[1]).toMatchObject({ studentId: h().elevStudentId, votes: 0, elected: null });
    expect((await elev.request('POST', `${e()}/votes`, { candidateStudentId: classmateStudentId })).statusCode).toBe(409);

    // the tie rule, with the lot fixed
    const tie = countVotes([{ studentId: 'a', votes: 5 }, { studentId: 'b', votes: 3 }, { studentId: 'c', votes: 3 }, { studentId: 'd', votes: 1 }], 2, () => 0);
    expect(tie.map((r) => [r.studentId, r.elected, r.drawnByLot])).toEqual([['a', 1, false], ['c', 2, true], ['b', null, true], ['d', null, false]]);
  });
});

describe('R-41 the duty rota', () => {
  it('is fair over the autumn term: everyone on duty the same number of times ±1, the autumn break skipped, a student away skipped', async () => {
    const members = await t.database.query<{ student_id: string }>('select student_id from enrolment where basis_group_id = $1 and ends_on is null', [h().basisGroup2STAId]);
    const away = await kt.request('POST', `${base()}/duty-rota/away`, { studentId: classmateStudentId, fromOn: '2026-08-17', toOn: '2026-10-16' });
    expect(away.statusCode, away.body).toBe(201);
    const made = await kt.request('POST', `${base()}/duty-rota`, { startsOn: '2026-08-19', endsOn: '2026-12-18', perWeek: 2 });
    expect(made.statusCode, made.body).toBe(201);
    const { rota, away: awayList } = (await kt.get(`${base()}/duty-rota`)).json();
    expect(awayList).toHaveLength(1);
    expect(rota.weeks.map((w: { weekStart: string }) => w.weekStart)).not.toContain('2026-09-28');
    expect(rota.weeks).toHaveLength(17);
    expect(rota.weeks.every((w: { students: unknown[] }) => w.students.length === 2)).toBe(true);
    expect(rota.routines.length).toBeGreaterThan(0);
    const counts = new Map<string, number>(rota.counts.map((c: { studentId: string; count: number }) => [c.studentId, c.count]));
    expect(counts.size).toBe(members.length);
    const present = [...counts].filter(([id]) => id !== classmateStudentId).map(([, n]) => n);
    expect(Math.max(...present) - Math.min(...present)).toBeLessThanOrEqual(1);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(34);
    const awayWeeks = rota.weeks.filter((w: { weekStart: string }) => w.weekStart <= '2026-10-12');
    expect(awayWeeks.some((w: { students: { studentId: string }[] }) => w.students.some((s) => s.studentId === classmateStudentId))).toBe(false);
    // the class reads the rota, not who is away
    const asElev = (await elev.get(`${base()}/duty-rota`)).json();
    expect(asElev.rota.weeks).toHaveLength(17);
    expect(asElev.away).toEqual([]);
  });

  it('refuses a period that ends before it starts and more on duty than the class has, naming the field', async () => {
    const bad = await kt.request('POST', `${base()}/duty-rota`, { startsOn: '2026-12-18', endsOn: '2026-08-19' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('endsOn');
    const notMember = await kt.request('POST', `${base()}/duty-rota/away`, { studentId: h().leftStudentId, fromOn: '2026-11-01', toOn: '2026-11-30' });
    expect(notMember.json().errors[0].field).toBe('studentId');
  });
});

describe('bad input to class life never causes a 500 (fuzz, R-35…R-41)', () => {
  it('every class-life route answers garbage params and bodies from the teacher and a student with a 4xx or 2xx', async () => {
    const fc = (await import('fast-check')).default;
    const routes = t.app.routeTable.filter((r) => /class-hour|start-of-year|class-rules|student-representatives|duty-rota|\/api\/me\/classes/.test(r.url));
    expect(routes.length).toBe(26);
    const value = fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constant('2026-02-30'), fc.constant('9999-12-31'),
      fc.constant(h().elevStudentId), fc.constant(' '.repeat(3)), fc.array(fc.string(), { maxLength: 40 }), fc.constant('x'.repeat(5000)));
    const body = fc.oneof(fc.dictionary(fc.constantFrom('topic', 'notes', 'notesShared', 'title', 'background', 'decision', 'decidedOn', 'checked', 'checkedOn', 'text',
      'seats', 'termStartsOn', 'termEndsOn', 'studentId', 'accept', 'candidateStudentId', 'startsOn', 'endsOn', 'perWeek', 'routines', 'fromOn', 'toOn'), value), fc.constant(undefined), fc.string());
    const segment = fc.oneof(fc.uuid(), fc.string({ maxLength: 12 }), fc.constantFrom('2026-11-23', '2026-13-01', 'schoolRules', 'nope'));
    await fc.assert(fc.asyncProperty(fc.constantFrom(...routes), segment, body, fc.boolean(), async (route, seg, b, asStudent) => {
      const path = route.url.replace(':basisGroupId', h().basisGroup2STAId).replace(/:(\w+)/g, () => encodeURIComponent(seg));
      const res = await (asStudent ? elev : kt).request(route.method, path, route.method === 'GET' ? undefined : b);
      expect(res.statusCode, `${route.method} ${path} → ${res.body}`).toBeLessThan(500);
    }), { numRuns: 300, seed: 20261125 });
  });
});
