/**
 * L-40: the IOP — a part per subject written by its own teachers, the contact teacher's
 * finalised yearly review that the student and guardians with insight read, earlier versions kept;
 * the adapted arrangement every teacher of the student sees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLogin, outsiderTeacher, testApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let kt: Client, fag: Client, avd: Client, rektor: Client, radgiver: Client, elev: Client, foresatt: Client, outsider: Client;
let studentId: string;
let url: string;
let mat: string, nor: string, other: string;

const subjectOf = async (groupId: string) => (await t.database.query<{ subject_id: string }>('select subject_id from teaching_group where id = $1', [groupId]))[0]!.subject_id;

beforeAll(async () => {
  t = await testApp();
  const h = t.demo.hardCases;
  studentId = h.elevStudentId;
  url = `/api/students/${studentId}/individual-plan`;
  const logins: Client[] = [];
  for (const u of ['kontaktlarer', 'faglarer', 'avdelingsleder', 'rektor', 'radgiver', 'elev', 'foresatt']) logins.push(await t.login(u));
  [kt, fag, avd, rektor, radgiver, elev, foresatt] = logins as [Client, Client, Client, Client, Client, Client, Client];
  // a teacher at the school who teaches none of the student's groups and has no other role
  outsider = await outsiderTeacher(t, studentId);
  mat = await subjectOf(h.teachingGroup2STAMATId);
  nor = await subjectOf(h.teachingGroup2STANORId);
  // a third subject of the student that neither demo teacher teaches
  const [third] = await t.database.query<{ subject_id: string }>(
    `select tg.subject_id from enrolment e join teaching_group tg on tg.id = e.teaching_group_id
     where e.student_id = $1 and e.ends_on is null and tg.subject_id not in ($2, $3) limit 1`, [studentId, mat, nor]);
  other = third!.subject_id;
}, 120_000);
afterAll(async () => t?.close());

describe('R-51, L-40: the contact teacher records the decision and the plan has a part per subject', () => {
  it('a decision date after today, a subject the student does not take and an empty reference are refused, naming each field, and nothing is saved', async () => {
    const future = await kt.request('PUT', url, { decidedOn: '2026-12-24', reference: '2026/1', subjectIds: [mat] }, { 'accept-language': 'nn' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([{ field: 'decidedOn', message: 'Vedtaksdatoen kan ikkje vere etter i dag.' }]);
    const [notTaken] = await t.database.query<{ id: string }>(
      'select id from subject where id not in (select tg.subject_id from enrolment e join teaching_group tg on tg.id = e.teaching_group_id where e.student_id = $1) limit 1', [studentId]);
    const bad = await kt.request('PUT', url, { decidedOn: '2026-08-20', reference: '2026/1', subjectIds: [notTaken!.id] }, { 'accept-language': 'en' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ field: 'subjectIds', message: 'Choose only subjects the student takes this school year.' }]);
    const empty = await kt.request('PUT', url, { decidedOn: '2026-08-20', reference: ' ', subjectIds: [mat], extra: 1 });
    expect(empty.statusCode).toBe(400);
    expect((await kt.get(url)).json().plan).toBeNull();
  });

  it('the contact teacher creates the plan with a maths and a Norwegian part; the reports of both are missing', async () => {
    const res = await kt.request('PUT', url, { decidedOn: '2026-08-20', reference: '2026/4711', subjectIds: [mat, nor] });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v.decision).toMatchObject({ decidedOn: '2026-08-20', reference: '2026/4711' });
    expect(v.plan.schoolYearName).toBeTruthy();
    expect(v.plan.parts.map((p: { subjectId: string }) => p.subjectId).sort()).toEqual([mat, nor].sort());
    expect(v.plan.missingReports).toHaveLength(2);
    expect(v.canFinalise).toBe(true);
    expect(v.reportsPerYear).toBe(1);
    expect(v.periods).toEqual(['year']);
  });

  it('the subject teacher sees and writes only the maths part: they cannot edit Norwegian, and the contact teacher cannot report on maths', async () => {
    const view = (await fag.get(url)).json();
    expect(view.plan.parts.map((p: { subjectId: string }) => p.subjectId)).toEqual([mat]);
    expect(view.plan.summary).toBeNull();
    expect(view.decision).toBeNull();
    expect(view.canFinalise).toBe(false);

    const goals = await fag.request('PUT', `${url}/parts/${mat}`, { goals: 'Løse likninger av første grad.', organisation: 'To timer i liten gruppe.' });
    expect(goals.statusCode, goals.body).toBe(200);
    const report = await fag.request('PUT', `${url}/parts/${mat}/report`, { report: 'Eleven har fått to timer i liten gruppe hver uke og løser nå likninger selv.' });
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json().plan.missingReports).toEqual([]);

    expect((await fag.request('PUT', `${url}/parts/${nor}`, { goals: 'Skrive lengre tekster.' })).statusCode).toBe(404);
    expect((await fag.request('PUT', `${url}/parts/${nor}/report`, { report: 'x' })).statusCode).toBe(404);
    expect((await kt.request('PUT', `${url}/parts/${mat}/report`, { report: 'Overskrevet.' })).statusCode).toBe(403);
    const ktView = (await kt.get(url)).json();
    expect(ktView.plan.parts.find((p: { subjectId: string }) => p.subjectId === mat)).toMatchObject({
      goals: 'Løse likninger av første grad.', report: 'Eleven har fått to timer i liten gruppe hver uke og løser nå likninger selv.', canEditPlan: true, canReport: false,
    });
  });

  it('the contact teacher coordinates: the plan fields of any subject, the report of the subject they teach themself', async () => {
    expect((await kt.request('PUT', `${url}/parts/${mat}`, { content: 'Algebra og funksjoner.' })).statusCode).toBe(200);
    const v = (await kt.get(url)).json();
    expect(v.plan.parts.find((p: { subjectId: string }) => p.subjectId === nor)).toMatchObject({ canEditPlan: true, canReport: true });
    expect(v.plan.missingReports.map((m: { subjectId: string }) => m.subjectId)).toEqual([nor]);
  });

  it('a part with text is not dropped when the subjects change: 400 naming subjectIds, and the part is still there', async () => {
    const res = await kt.request('PUT', url, { decidedOn: '2026-08-20', reference: '2026/4711', subjectIds: [nor] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('subjectIds');
    expect((await kt.get(url)).json().plan.parts).toHaveLength(2);
  });

  it('a teacher outside the student\'s groups, the student and the guardian are told nothing about the draft', async () => {
    expect((await outsider.get(url)).statusCode).toBe(404);
    expect((await outsider.request('PUT', `${url}/parts/${mat}/report`, { report: 'x' })).statusCode).toBe(404);
    for (const c of [elev, foresatt]) {
      const res = await c.get(url);
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('likninger');
    }
  });
});

describe('R-75, L-40: the contact teacher finalises the written review, which freezes a version', () => {
  it('finalising while a subject report is missing is refused with 400 naming reports and the subject, in nb and en', async () => {
    await kt.request('PUT', `${url}/summary`, { summary: 'Eleven har hatt god framgang i matematikk.' });
    const res = await kt.request('POST', `${url}/reports`, { period: 'year' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'reports' });
    expect(res.json().errors[0].message).toMatch(/^Rapporten mangler for: Norsk/);
    const en = await kt.request('POST', `${url}/reports`, { period: 'year' }, { 'accept-language': 'en' });
    expect(en.json().errors[0].message).toMatch(/^The report is missing for: /);
    expect((await kt.request('POST', `${url}/reports`, { period: 'autumn' })).json().errors[0].field).toBe('period');
  });

  it('the student and the guardian read nothing before the plan is finalised', async () => {
    for (const c of [elev, foresatt]) {
      const res = await c.get(`${url}/finalised`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().report).toBeNull();
    }
  });

  it('once every subject has reported, the contact teacher finalises; the guardian and the student read exactly that version', async () => {
    expect((await kt.request('PUT', `${url}/parts/${nor}/report`, { report: 'Lesekurs to ganger i uka.' })).statusCode).toBe(200);
    const fin = await kt.request('POST', `${url}/reports`, { period: 'year' });
    expect(fin.statusCode, fin.body).toBe(201);
    expect(fin.json()).toMatchObject({ version: 1, period: 'year', summary: 'Eleven har hatt god framgang i matematikk.' });

    // a later draft change is not what the family reads
    await kt.request('PUT', `${url}/summary`, { summary: 'Utkast til neste år.' });
    await fag.request('PUT', `${url}/parts/${mat}/report`, { report: 'Utkast: ny rapport.' });
    for (const c of [foresatt, elev]) {
      const read = (await c.get(`${url}/finalised`)).json().report;
      expect(read).toMatchObject({ version: 1, summary: 'Eleven har hatt god framgang i matematikk.' });
      expect(read.parts.find((p: { subjectId: string }) => p.subjectId === mat).report).toBe('Eleven har fått to timer i liten gruppe hver uke og løser nå likninger selv.');
      expect(JSON.stringify(read)).not.toContain('Utkast');
    }
  });

  it('a second finalisation keeps the first: staff read both versions, the subject teacher only their own subject in each', async () => {
    expect((await kt.request('POST', `${url}/reports`, { period: 'year' })).statusCode).toBe(201);
    const v = (await kt.get(url)).json();
    expect(v.versions.map((x: { version: number }) => x.version)).toEqual([2, 1]);
    const first = (await avd.get(`${url}/reports/1`)).json();
    expect(first.summary).toBe('Eleven har hatt god framgang i matematikk.');
    expect((await rektor.get(`${url}/reports/2`)).json().summary).toBe('Utkast til neste år.');
    const asTeacher = (await fag.get(`${url}/reports/1`)).json();
    expect(asTeacher.summary).toBeNull();
    expect(asTeacher.parts.map((p: { subjectId: string }) => p.subjectId)).toEqual([mat]);
    expect((await radgiver.get(`${url}/reports/3`)).statusCode).toBe(404);
    expect((await foresatt.get(`${url}/reports/1`)).statusCode).toBe(403);
  });

  it('the school may choose two reports a year (R-51): then the periods are autumn and spring; only the principal chooses', async () => {
    expect((await avd.request('PUT', '/api/individual-plan/settings', { reportsPerYear: 2 })).statusCode).toBe(403);
    expect((await rektor.request('PUT', '/api/individual-plan/settings', { reportsPerYear: 3 })).statusCode).toBe(400);
    expect((await rektor.request('PUT', '/api/individual-plan/settings', { reportsPerYear: 2 })).statusCode).toBe(200);
    const v = (await kt.get(url)).json();
    expect(v.periods).toEqual(['autumn', 'spring']);
    expect((await kt.request('POST', `${url}/reports`, { period: 'year' })).json().errors[0].field).toBe('period');
    const autumn = await kt.request('POST', `${url}/reports`, { period: 'autumn' });
    expect(autumn.statusCode, autumn.body).toBe(201);
    await rektor.request('PUT', '/api/individual-plan/settings', { reportsPerYear: 1 });
  });

  it('every read of the plan is in the student\'s access log', async () => {
    const log = await elev.get(`/api/students/${studentId}/access-log`);
    expect(log.statusCode, log.body).toBe(200);
    const actions = log.json().entries.map((e: { action: string }) => e.action);
    expect(actions).toContain('individualPlan.read');
    expect(actions).toContain('individualPlan.readFinalised');
  });
});

describe('R-62, L-40: an adult student decides what the guardians read', () => {
  it('the guardian an adult student consented to reads the finalised plan; the other guardian and a father without parental responsibility are refused', async () => {
    const h = t.demo.hardCases;
    const adultUrl = `/api/students/${h.adultWithConsentStudentId}/individual-plan`;
    expect((await kt.request('PUT', adultUrl, { decidedOn: '2026-08-25', reference: '2026/99', subjectIds: [nor] })).statusCode).toBe(200);
    await kt.request('PUT', `${adultUrl}/parts/${nor}/report`, { report: 'Muntlige oppgaver i stedet for skriftlige.' });
    await kt.request('PUT', `${adultUrl}/summary`, { summary: 'Målene er nådd.' });
    expect((await kt.request('POST', `${adultUrl}/reports`, { period: 'year' })).statusCode).toBe(201);

    const consented = await t.login('foresatt.myndig');
    expect((await consented.get(`${adultUrl}/finalised`)).json().report.summary).toBe('Målene er nådd.');
    await addLogin(t.database, t.demo.ownerId, h.adultNoConsentGuardianPersonId, 'foresatt.uten.samtykke');
    const notConsented = await t.login('foresatt.uten.samtykke');
    const denied = await notConsented.get(`${adultUrl}/finalised`);
    expect(denied.statusCode).toBe(404);
    expect(denied.body).not.toContain('Målene');
    const noResponsibility = await t.login('foresatt.uten');
    expect((await noResponsibility.get(`/api/students/${h.noResponsibilityStudentId}/individual-plan/finalised`)).statusCode).toBe(404);
  });
});

describe('R-50: the adapted arrangement is agreed, recorded, and seen by every teacher of the student', () => {
  const arrangementsUrl = () => `/api/students/${studentId}/adapted-arrangements`;
  const AGREED = {
    adaptation: 'Kortere skriftlige oppgaver og muntlig vurdering der det passer.', workPlan: 'Halve oppgavesett; muntlig framføring i stedet for skriftlig innlevering.',
    agreedOn: '2026-09-15', agreedWithStudent: true, agreedWithGuardians: true, supportServices: 'PPT',
  };

  it('nobody agreed, an end before the agreement and a date after today are refused, each naming its field', async () => {
    const nobody = await kt.request('POST', arrangementsUrl(), { ...AGREED, agreedWithStudent: false, agreedWithGuardians: false, supportServices: '' });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().errors).toEqual([{ field: 'agreedWithStudent', message: 'Opplegget må være avtalt med eleven, de foresatte eller støttetjenestene.' }]);
    expect((await kt.request('POST', arrangementsUrl(), { ...AGREED, endsOn: '2026-09-01' })).json().errors[0].field).toBe('endsOn');
    expect((await kt.request('POST', arrangementsUrl(), { ...AGREED, agreedOn: '2027-01-01' })).json().errors[0].field).toBe('agreedOn');
    expect((await kt.get(arrangementsUrl())).json().arrangements).toEqual([]);
  });

  it('the contact teacher records who agreed and when; the subject teacher, the leaders and the counsellor see it, and the subject teacher cannot change it', async () => {
    const res = await kt.request('POST', arrangementsUrl(), AGREED);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ ...AGREED, active: true, endsOn: null });
    for (const c of [fag, avd, radgiver, rektor]) {
      const list = (await c.get(arrangementsUrl())).json();
      expect(list.arrangements[0]).toMatchObject({ workPlan: AGREED.workPlan, agreedOn: '2026-09-15' });
    }
    expect((await fag.get(arrangementsUrl())).json().canManage).toBe(false);
    expect((await fag.request('PATCH', `${arrangementsUrl()}/${res.json().id}`, { workPlan: 'x' })).statusCode).toBe(403);
  });

  it('the maths teacher\'s teaching-group list flags the student with a badge, audited; students without an arrangement have none', async () => {
    const res = await fag.get(`/api/teaching-groups/${t.demo.hardCases.teachingGroup2STAMATId}/students`);
    expect(res.statusCode, res.body).toBe(200);
    const students = res.json().students as { studentId: string; adaptedArrangement: boolean | null }[];
    expect(students.find((x) => x.studentId === studentId)!.adaptedArrangement).toBe(true);
    const withArrangement = (await t.database.query<{ student_id: string }>('select distinct student_id from adapted_arrangement')).map((r) => r.student_id);
    const flagged = students.filter((x) => x.adaptedArrangement).map((x) => x.studentId);
    expect(flagged.every((id) => withArrangement.includes(id))).toBe(true);
    expect(students.filter((x) => !withArrangement.includes(x.studentId)).every((x) => x.adaptedArrangement === false)).toBe(true);
    const [audited] = await t.database.query<{ n: number }>(
      "select count(*)::int as n from audit_log where action = 'adaptedArrangement.read' and student_id = $1 and resource_type = 'teachingGroup'", [studentId]);
    expect(audited!.n).toBeGreaterThan(0);
  });

  it('a teacher who does not teach the student, the student and the guardian see nothing of it', async () => {
    expect((await outsider.get(arrangementsUrl())).statusCode).toBe(404);
    for (const c of [elev, foresatt]) {
      const res = await c.get(arrangementsUrl());
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('oppgavesett');
    }
  });

  it('ending the arrangement keeps it for the record, no longer active', async () => {
    const [a] = (await kt.get(arrangementsUrl())).json().arrangements;
    const ended = await avd.request('PATCH', `${arrangementsUrl()}/${a.id}`, { endsOn: '2026-11-01' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ endsOn: '2026-11-01', active: false, adaptation: AGREED.adaptation });
    const before = await avd.request('PATCH', `${arrangementsUrl()}/${a.id}`, { endsOn: '2026-09-01' });
    expect(before.json().errors[0].field).toBe('endsOn');
    const log = (await elev.get(`/api/students/${studentId}/access-log`)).json().entries.map((e: { action: string }) => e.action);
    expect(log).toContain('adaptedArrangement.read');
  });
});

it('a subject of the student outside the plan has no part anyone can write (404)', async () => {
  expect((await kt.request('PUT', `${url}/parts/${other}`, { goals: 'x' })).statusCode).toBe(404);
});

it('R-51, R-50: the demo school has a generated student with a finalised IOP and another with an adapted arrangement', async () => {
  // the students this file gave a plan or an arrangement are left out
  const ours = [studentId, t.demo.hardCases.adultWithConsentStudentId];
  const [plans] = await t.database.query<{ n: number }>(
    'select count(distinct p.student_id)::int as n from plan_report r join individual_plan p on p.id = r.plan_id where not (p.student_id = any($1::uuid[]))', [ours]);
  const [arrangements] = await t.database.query<{ n: number }>('select count(distinct student_id)::int as n from adapted_arrangement where not (student_id = any($1::uuid[]))', [ours]);
  expect(plans!.n).toBe(1);
  expect(arrangements!.n).toBe(1);
});
