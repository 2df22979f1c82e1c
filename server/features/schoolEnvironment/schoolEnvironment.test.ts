/**
 * R-70 school-environment cases (L-33 law § 12-4, L-34 § 12-5/12-6): a concern reaches the principal at once,
 * the activity plan has the law's five parts and keeps its versions, everything done is logged, the family
 * sees the plan and the county-governor date, and a report about a staff member never reaches them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLogin, testApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let kt: Client, fag: Client, avd: Client, rektor: Client, radgiver: Client, elev: Client, foresatt: Client, outsider: Client, admin: Client;
let studentId: string;
let caseId: string;
let rektorPersonId: string;

const personOf = (username: string) => t.demo.logins.find((l) => l.username === username)!.personId;
const noticesOf = async (personId: string) => t.database.query<{ kind: string; link: string }>(
  'select kind, link from notification where recipient_person_id = $1 order by created_at', [personId]);
const PLAN = {
  problem: 'Eleven blir holdt utenfor i friminuttene og føler seg utrygg.',
  measures: [
    { description: 'En voksen er til stede i storefri.', startsOn: '2026-11-02', endsOn: '2026-12-18', responsible: 'Kontaktlærer', evaluateOn: '2026-11-30' },
    { description: 'Samtale med eleven hver uke.', startsOn: '2026-11-02', responsible: 'Rådgiver', evaluateOn: '2026-11-23' },
  ],
};

beforeAll(async () => {
  t = await testApp();
  studentId = t.demo.hardCases.elevStudentId;
  const logins: Client[] = [];
  for (const u of ['kontaktlarer', 'faglarer', 'avdelingsleder', 'rektor', 'radgiver', 'elev', 'foresatt', 'skoleadmin']) logins.push(await t.login(u));
  [kt, fag, avd, rektor, radgiver, elev, foresatt, admin] = logins as [Client, Client, Client, Client, Client, Client, Client, Client];
  // a subject teacher of the student's 2STA-MAT group … no: a teacher of one of the student's other groups, not part of any case
  const [other] = await t.database.query<{ person_id: string }>(
    `select distinct sm.person_id from subject_teacher_assignment a join staff_member sm on sm.owner_id = a.owner_id and sm.id = a.staff_member_id
       join enrolment e on e.teaching_group_id = a.teaching_group_id and e.student_id = $1
     where sm.person_id not in ($2, $3) and sm.id not in (select staff_member_id from staff_role where role <> 'teacher') limit 1`,
    [studentId, personOf('kontaktlarer'), personOf('faglarer')]);
  await addLogin(t.database, t.demo.ownerId, other!.person_id, 'faglarer.utenfor');
  outsider = await t.login('faglarer.utenfor');
  rektorPersonId = personOf('rektor');
}, 120_000);
afterAll(async () => t?.close());

describe('R-70, L-33: a concern reported from the student\'s page', () => {
  it('a subject teacher reports a concern and the principal gets a link-only notice at once', async () => {
    const res = await fag.request('POST', `/api/students/${studentId}/school-environment-cases`, { concern: 'Eleven sitter alene i alle friminutt.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().notified).toBe('principal');
    caseId = res.json().id;
    const notices = await noticesOf(rektorPersonId);
    expect(notices).toContainEqual({ kind: 'schoolEnvironmentCase.reported', link: `/school-environment/${caseId}` });
    // link-only: nothing of the student or the concern in the notice
    expect(JSON.stringify(notices)).not.toMatch(/alene|friminutt/);
  });

  it('the reporter reads the receipt of their own report, not the case; a subject teacher not part of it sees nothing of it', async () => {
    const receipt = await fag.get(`/api/school-environment-cases/${caseId}`);
    expect(receipt.statusCode, receipt.body).toBe(200);
    expect(receipt.json()).toMatchObject({ view: 'receipt', concern: 'Eleven sitter alene i alle friminutt.', plan: null, log: [], can: { investigate: false, manage: false } });
    expect((await outsider.get(`/api/school-environment-cases/${caseId}`)).statusCode).toBe(403);
    const list = await outsider.get(`/api/students/${studentId}/school-environment-cases`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().cases).toEqual([]);
    for (const c of [kt, avd, radgiver, admin]) expect((await c.get(`/api/school-environment-cases/${caseId}`)).statusCode).toBe(403);
  });

  it('a concern without words is refused with a 400 naming the field; unknown fields are refused too', async () => {
    const empty = await kt.request('POST', `/api/students/${studentId}/school-environment-cases`, { concern: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors.map((e: { field: string }) => e.field)).toEqual(['concern']);
    const extra = await kt.request('POST', `/api/students/${studentId}/school-environment-cases`, { concern: 'Noe skjer.', status: 'approved' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors[0].field).toBe('status');
  });
});

describe('R-70, L-33: investigation, the activity plan with its five parts, measures carried out and evaluated', () => {
  it('the principal assigns the counsellor, who then reads the whole case and documents the investigation', async () => {
    const assigned = await rektor.request('POST', `/api/school-environment-cases/${caseId}/participants`, { staffMemberId: t.demo.hardCases.counsellorStaffMemberId });
    expect(assigned.statusCode, assigned.body).toBe(201);
    expect(await noticesOf(personOf('radgiver'))).toContainEqual({ kind: 'schoolEnvironmentCase.assigned', link: `/school-environment/${caseId}` });
    const entry = await radgiver.request('POST', `/api/school-environment-cases/${caseId}/log-entries`, { occurredOn: '2026-11-03', text: 'Samtale med eleven og to medelever.' });
    expect(entry.statusCode, entry.body).toBe(201);
    expect(entry.json().view).toBe('staff');
    expect(entry.json().log.at(-1)).toMatchObject({ kind: 'investigation', occurredOn: '2026-11-03', text: 'Samtale med eleven og to medelever.' });
  });

  it('the activity plan holds exactly the problem and, per measure, what, when, who and when evaluated', async () => {
    const res = await rektor.request('PUT', `/api/school-environment-cases/${caseId}/activity-plan`, PLAN);
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json().plan;
    expect(plan.version).toBe(1);
    expect(plan.problem).toBe(PLAN.problem);
    expect(plan.measures.map((m: object) => Object.keys(m).sort())).toEqual([
      ['carriedOutOn', 'description', 'endsOn', 'evaluateOn', 'evaluations', 'id', 'responsible', 'startsOn'],
      ['carriedOutOn', 'description', 'endsOn', 'evaluateOn', 'evaluations', 'id', 'responsible', 'startsOn'],
    ]);
    expect(plan.measures[1]).toMatchObject({ description: 'Samtale med eleven hver uke.', endsOn: null, responsible: 'Rådgiver', evaluateOn: '2026-11-23' });
  });

  it('a plan missing one of the five parts, or evaluated before it starts, is refused naming the field', async () => {
    const noWho = await rektor.request('PUT', `/api/school-environment-cases/${caseId}/activity-plan`, {
      problem: 'x', measures: [{ description: 'y', startsOn: '2026-11-02', evaluateOn: '2026-11-30' }] });
    expect(noWho.statusCode).toBe(400);
    expect(noWho.json().errors[0].field).toBe('measures.0.responsible');
    const early = await rektor.request('PUT', `/api/school-environment-cases/${caseId}/activity-plan`, {
      problem: 'x', measures: [{ description: 'y', startsOn: '2026-11-10', responsible: 'Rektor', evaluateOn: '2026-11-01' }] });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ field: 'measures.0.evaluateOn' });
    const none = await rektor.request('PUT', `/api/school-environment-cases/${caseId}/activity-plan`, { problem: 'x', measures: [] });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].field).toBe('measures');
    // nothing of it replaced the saved plan
    expect((await rektor.get(`/api/school-environment-cases/${caseId}`)).json().plan.version).toBe(1);
  });

  it('a changed plan is a new version; the earlier one is kept, and a measure keeps its id', async () => {
    const first = (await rektor.get(`/api/school-environment-cases/${caseId}`)).json().plan;
    const changed = { problem: first.problem, measures: [{ ...PLAN.measures[0], id: first.measures[0].id, responsible: 'Kontaktlærer og miljøarbeider' }] };
    const res = await radgiver.request('PUT', `/api/school-environment-cases/${caseId}/activity-plan`, changed);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().plan).toMatchObject({ version: 2, measures: [{ id: first.measures[0].id, responsible: 'Kontaktlærer og miljøarbeider' }] });
    expect(res.json().earlierPlans.map((p: { version: number }) => p.version)).toEqual([1]);
    expect(res.json().earlierPlans[0].measures).toHaveLength(2);
  });

  it('a measure is carried out and evaluated; both are in the log, by whom and when', async () => {
    const measureId = (await rektor.get(`/api/school-environment-cases/${caseId}`)).json().plan.measures[0].id;
    const done = await radgiver.request('POST', `/api/school-environment-cases/${caseId}/measures/${measureId}/carried-out`, { on: '2026-11-04', text: 'Vakt i storefri.' });
    expect(done.statusCode, done.body).toBe(201);
    const evaluated = await rektor.request('POST', `/api/school-environment-cases/${caseId}/measures/${measureId}/evaluations`, { on: '2026-11-20', text: 'Eleven er med i leken.' });
    expect(evaluated.statusCode, evaluated.body).toBe(201);
    const c = evaluated.json();
    expect(c.plan.measures[0]).toMatchObject({ carriedOutOn: ['2026-11-04'], evaluations: [{ on: '2026-11-20', text: 'Eleven er med i leken.' }] });
    expect(c.log.map((e: { kind: string }) => e.kind)).toEqual(['reported', 'participantAdded', 'investigation', 'planSaved', 'planSaved', 'measureCarriedOut', 'measureEvaluated']);
    const radgiverName = t.demo.logins.find((l) => l.username === 'radgiver')!.name;
    expect(c.log.find((e: { kind: string }) => e.kind === 'measureCarriedOut').by).toBe(radgiverName);
    const unknown = await rektor.request('POST', `/api/school-environment-cases/${caseId}/measures/7e0f4c1a-1111-4222-8333-944455556666/evaluations`, { on: '2026-11-20', text: 'x' });
    expect(unknown.statusCode).toBe(404);
  });

  it('a serious case is sent to the school owner: the step is recorded, once', async () => {
    const res = await rektor.request('POST', `/api/school-environment-cases/${caseId}/escalation`, { text: 'Langvarig og alvorlig.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().escalatedToOwnerOn).not.toBeNull();
    expect(res.json().log.at(-1)).toMatchObject({ kind: 'escalatedToOwner', text: 'Langvarig og alvorlig.' });
    expect((await rektor.request('POST', `/api/school-environment-cases/${caseId}/escalation`, { text: 'Igjen.' })).statusCode).toBe(409);
  });
});

describe('R-70, L-34 (§ 12-6): the student and guardians see the activity plan and when they may go to the county governor', () => {
  it('the guardian reads the plan and the date a week after the report, but not the concern, the log or the evaluations\' words', async () => {
    const list = await foresatt.get(`/api/students/${studentId}/school-environment-cases`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().cases.map((c: { id: string }) => c.id)).toContain(caseId);
    const res = await foresatt.get(`/api/school-environment-cases/${caseId}`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c.view).toBe('family');
    const reportedOn = c.reportedOn as string;
    const week = new Date(`${reportedOn}T12:00:00Z`);
    week.setUTCDate(week.getUTCDate() + 7);
    expect(c.countyGovernorFrom).toBe(week.toISOString().slice(0, 10));
    expect(c.plan.problem).toBe(PLAN.problem);
    expect(c.plan.measures[0].evaluations).toEqual([{ on: '2026-11-20', text: null }]);
    expect(c).toMatchObject({ concern: null, reportedBy: null, log: [], participants: [], earlierPlans: [] });
    expect((await elev.get(`/api/school-environment-cases/${caseId}`)).json().view).toBe('family');
  });

  it('every read is on record in the student\'s access log', async () => {
    const log = await foresatt.get(`/api/students/${studentId}/access-log`);
    const actions = log.json().entries.map((e: { action: string }) => e.action);
    expect(actions).toContain('schoolEnvironmentCase.read');
    expect(actions).toContain('schoolEnvironmentCase.report');
  });
});

describe('L-34 (§ 12-5): a report about a staff member', () => {
  let aboutKtId: string;
  it('goes to the principal and is invisible to the contact teacher it is about — in every list, page and log', async () => {
    const res = await fag.request('POST', `/api/students/${studentId}/school-environment-cases`, {
      concern: 'Kontaktlæreren snakket nedsettende til eleven.', concernsStaffMemberId: t.demo.hardCases.contactTeacherStaffMemberId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().notified).toBe('principal');
    aboutKtId = res.json().id;
    expect((await rektor.get(`/api/school-environment-cases/${aboutKtId}`)).json()).toMatchObject({ view: 'staff', concernsStaffMember: expect.any(String) });
    expect(await noticesOf(personOf('kontaktlarer'))).not.toContainEqual(expect.objectContaining({ link: `/school-environment/${aboutKtId}` }));
    // the page answers as if the case did not exist
    const page = await kt.get(`/api/school-environment-cases/${aboutKtId}`);
    const none = await kt.get('/api/school-environment-cases/7e0f4c1a-1111-4222-8333-944455556666');
    expect(page.statusCode).toBe(404);
    expect(page.body).toBe(none.body);
    for (const url of [`/api/students/${studentId}/school-environment-cases`, '/api/school-environment-cases']) {
      const list = await kt.get(url);
      expect(list.statusCode, list.body).toBe(200);
      expect(list.body).not.toContain(aboutKtId);
    }
    expect((await kt.request('POST', `/api/school-environment-cases/${aboutKtId}/log-entries`, { occurredOn: '2026-11-03', text: 'x' })).statusCode).toBe(404);
  });

  it('the principal cannot assign the staff member it is about', async () => {
    const res = await rektor.request('POST', `/api/school-environment-cases/${aboutKtId}/participants`, { staffMemberId: t.demo.hardCases.contactTeacherStaffMemberId });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('staffMemberId');
  });

  it('the reads of it are left out of the logs the staff member it is about may see (as a guardian or a leader searching)', async () => {
    await rektor.get(`/api/school-environment-cases/${aboutKtId}`);
    const inAudit = await t.database.query('select 1 from audit_log where resource_type = $1 and resource_id = $2', ['schoolEnvironmentCase', aboutKtId]);
    expect(inAudit.length).toBeGreaterThan(0);
    // the contact teacher is made a guardian of the student and a leader who searches the audit log
    const { ownerId } = t.demo;
    await t.database.query(`insert into guardianship (owner_id, id, student_id, guardian_person_id, relation, parental_responsibility, lives_with)
      values ($1, gen_random_uuid(), $2, $3, 'other', true, false)`, [ownerId, studentId, personOf('kontaktlarer')]);
    await t.database.query(`insert into staff_role (owner_id, id, staff_member_id, role) values ($1, gen_random_uuid(), $2, 'schoolAdmin')`,
      [ownerId, t.demo.hardCases.contactTeacherStaffMemberId]);
    const ktAgain = await t.login('kontaktlarer');
    const reads = async (exceptStudent: boolean) => Number((await t.database.query<{ n: number }>(
      `select count(*)::int as n from audit_log where student_id = $1 and decision = 'allow' and action = 'schoolEnvironmentCase.read'
         and resource_id <> $2 and ($3::boolean is false or actor_person_id <> $4)`, [studentId, aboutKtId, exceptStudent, personOf('elev')]))[0]!.n);
    const countIn = (entries: { action: string; decision?: string }[]) => entries.filter((e) => e.action === 'schoolEnvironmentCase.read' && (e.decision ?? 'allow') === 'allow').length;
    const log = await ktAgain.get(`/api/students/${studentId}/access-log?limit=500`);
    expect(log.statusCode, log.body).toBe(200);
    // the other case's reads are there; none of this one's
    expect(countIn(log.json().entries)).toBe(await reads(true));
    const search = await ktAgain.get(`/api/audit?studentId=${studentId}&limit=500`);
    expect(search.statusCode, search.body).toBe(200);
    expect(countIn(search.json().entries)).toBe(await reads(false));
    // the principal, who handles it, finds its reads in the search
    expect(countIn((await rektor.get(`/api/audit?studentId=${studentId}&limit=500`)).json().entries)).toBeGreaterThan(await reads(false));
    // and still not the case itself
    expect((await ktAgain.get(`/api/school-environment-cases/${aboutKtId}`)).statusCode).toBe(404);
  });

  it('about a department head (the leadership), the report is the school owner\'s: recorded, and the principal is not told', async () => {
    const before = (await noticesOf(rektorPersonId)).length;
    const res = await fag.request('POST', `/api/students/${studentId}/school-environment-cases`, {
      concern: 'Avdelingslederen var hardhendt.', concernsStaffMemberId: t.demo.hardCases.departmentHeadStaffMemberId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().notified).toBe('schoolOwner');
    expect((await noticesOf(rektorPersonId)).length).toBe(before);
    expect((await rektor.get(`/api/school-environment-cases/${res.json().id}`)).statusCode).toBe(403);
    expect((await avd.get(`/api/school-environment-cases/${res.json().id}`)).statusCode).toBe(404);
    expect((await fag.get(`/api/school-environment-cases/${res.json().id}`)).json()).toMatchObject({ view: 'receipt', leadershipInvolved: true });
  });
});
