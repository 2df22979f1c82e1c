/**
 * Conduct grades (R-25, L-22): teachers' inputs, the contact teacher's half-year grade, the § 9-17 rule
 * that Ng or Lg needs an earlier warning unless it follows a sanction for a single incident, the
 * principal's review, and the grade preparation — on PGlite (`npm test`) and PostgreSQL (`npm run test:pg`).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let kt: Client;
let fag: Client;
let rektor: Client;
const h = () => t.demo.hardCases;

/** A 2STA student the demo gave no conduct data or cases, so each case starts from nothing. */
async function plainStudent(offset: number): Promise<string> {
  const [row] = await t.database.query<{ student_id: string }>(
    `select e.student_id from enrolment e join student s on s.id = e.student_id where e.basis_group_id = $1 and e.ends_on is null and s.status = 'active'
       and e.student_id <> all($2::uuid[])
       and not exists (select 1 from disciplinary_case c where c.student_id = e.student_id)
       and not exists (select 1 from conduct_grade c where c.student_id = e.student_id)
       and not exists (select 1 from warning_notice w where w.student_id = e.student_id)
     order by e.student_id offset $3 limit 1`,
    [h().basisGroup2STAId, Object.values(h()).filter((v) => typeof v === 'string'), offset]);
  return row!.student_id;
}

/** A sent conduct warning (L-20), as the warnings feature stores it once the letter has gone. */
async function sentConductWarning(studentId: string, aspect: 'order' | 'behaviour'): Promise<void> {
  const [term] = await t.database.query<{ id: string; school_year_id: string }>(`select id, school_year_id from term where kind = 'autumn'`);
  const [ct] = await t.database.query<{ person_id: string }>('select person_id from staff_member where id = $1', [h().contactTeacherStaffMemberId]);
  await t.database.query(
    `insert into warning_notice (owner_id, id, student_id, school_year_id, term_id, kind, conduct_aspect, grounds, requirement, due_on, state, raised_by_person_id, sent_at)
     values ($1, $2, $3, $4, $5, 'conduct', $6, 'Gjentatte brudd på ordensreglementet.', 'Møte presis og følge reglene.', '2026-12-10', 'sent', $7, now() - interval '10 days')`,
    [t.demo.ownerId, randomUUID(), studentId, term!.school_year_id, term!.id, aspect, ct!.person_id]);
}

async function caseWithMeasure(studentId: string, singleIncident: boolean): Promise<string> {
  const open = await kt.request('POST', `/api/students/${studentId}/disciplinary-cases`, {
    incident: { occurredOn: '2026-11-10', place: 'Kantina', description: 'Kastet en stol.', rule: 'Ordensreglementet § 3: trygg oppførsel' },
  });
  expect(open.statusCode, open.body).toBe(201);
  const m = await kt.request('POST', `/api/disciplinary-cases/${open.json().id}/measures`, {
    kind: 'writtenReprimand', description: 'Skriftlig refs for hendelsen i kantina.', decidedOn: '2026-11-12', singleIncident, addressedToFamily: true,
  });
  expect(m.statusCode, m.body).toBe(201);
  return m.json().id as string;
}

const setGrade = (c: Client, studentId: string, body: Record<string, unknown>) =>
  c.request('PUT', `/api/basis-groups/${h().basisGroup2STAId}/conduct/${studentId}`, body);

beforeAll(async () => {
  t = await testApp();
  [kt, fag, rektor] = await Promise.all([t.login('kontaktlarer'), t.login('faglarer'), t.login('rektor')]);
});
afterAll(async () => t?.close());

describe('conduct inputs and the half-year grade (R-25, L-22 § 9-14)', () => {
  it("a subject teacher's input on order and behaviour shows beside the others on the contact teacher's class page", async () => {
    const studentId = h().elevStudentId;
    const put = await fag.request('PUT', `/api/teaching-groups/${h().teachingGroup2STAMATId}/conduct-inputs`, {
      inputs: [{ studentId, order: 'Ng', behaviour: 'G', reasons: 'Mange forsentkomminger i matematikk.' }],
    });
    expect(put.statusCode, put.body).toBe(200);
    const mine = put.json().students.find((s: { studentId: string }) => s.studentId === studentId);
    expect(mine.input).toMatchObject({ order: 'Ng', behaviour: 'G' });

    const page = await kt.get(`/api/basis-groups/${h().basisGroup2STAId}/conduct`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().canSet).toBe(true);
    const row = page.json().students.find((s: { studentId: string }) => s.studentId === studentId);
    expect(row.inputs).toContainEqual(expect.objectContaining({ subjectCode: expect.stringMatching(/MAT/), order: 'Ng', reasons: 'Mange forsentkomminger i matematikk.' }));
  });

  it('an input of Ng or Lg without reasons is refused with 400 naming the field, and nothing is saved', async () => {
    const [{ student_id: studentId }] = await t.database.query<{ student_id: string }>(
      'select student_id from enrolment where teaching_group_id = $1 and ends_on is null and student_id <> $2 order by student_id limit 1',
      [h().teachingGroup2STAMATId, h().elevStudentId]) as [{ student_id: string }];
    const res = await fag.request('PUT', `/api/teaching-groups/${h().teachingGroup2STAMATId}/conduct-inputs`, {
      inputs: [{ studentId, order: 'G', behaviour: 'Lg' }],
    }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'inputs.0.reasons', message: expect.stringContaining('reasons') }]);
    const bad = await fag.request('PUT', `/api/teaching-groups/${h().teachingGroup2STAMATId}/conduct-inputs`, { inputs: [{ studentId, order: 'X', behaviour: 'G' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('inputs.0.order');
    // the demo's earlier input (G, G) stands
    const rows = await t.database.query<{ order: string; behaviour: string }>('select "order", behaviour from conduct_input where student_id = $1', [studentId]);
    expect(rows.every((r) => r.order === 'G' && r.behaviour === 'G')).toBe(true);
  });

  it('R-25/L-22: only the class\'s contact teacher sets the half-year grade; the principal, the department head and a subject teacher are refused', async () => {
    const studentId = await plainStudent(1);
    for (const username of ['rektor', 'avdelingsleder', 'faglarer']) {
      const c = username === 'rektor' ? rektor : username === 'faglarer' ? fag : await t.login(username);
      const res = await setGrade(c, studentId, { order: 'G', behaviour: 'G' });
      expect([403, 404], username).toContain(res.statusCode);
    }
    const ok = await setGrade(kt, studentId, { order: 'G', behaviour: 'G' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ order: 'G', behaviour: 'G', measureId: null });
  });

  it('a student below grade 8 gets no conduct grade (L-22): 400 naming the student', async () => {
    const studentId = await plainStudent(2);
    await t.database.query(`update student set level = 'grade7' where id = $1`, [studentId]);
    const res = await setGrade(kt, studentId, { order: 'G', behaviour: 'G' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('studentId');
    await t.database.query(`update student set level = 'vg2' where id = $1`, [studentId]);
  });
});

describe('L-22 § 9-17: Ng or Lg needs an earlier warning, unless it follows a sanction for a single incident', () => {
  it('a conduct grade of Ng is blocked with 409 and a clear message when no conduct warning was sent, and nothing is saved', async () => {
    const studentId = await plainStudent(3);
    const res = await setGrade(kt, studentId, { order: 'Ng', behaviour: 'G', reasons: 'Mye uro i timene.' });
    expect(res.statusCode).toBe(409);
    expect(res.json().title).toMatch(/varsel om orden/);
    const page = await kt.get(`/api/basis-groups/${h().basisGroup2STAId}/conduct`);
    expect(page.json().students.find((s: { studentId: string }) => s.studentId === studentId).grade).toBeNull();
  });

  it('is allowed after a sent warning about that aspect — and a warning about behaviour does not cover order', async () => {
    const studentId = await plainStudent(4);
    await sentConductWarning(studentId, 'behaviour');
    expect((await setGrade(kt, studentId, { order: 'Lg', behaviour: 'G', reasons: 'Mye fravær uten avtale.' })).statusCode).toBe(409);
    const ok = await setGrade(kt, studentId, { order: 'G', behaviour: 'Ng', reasons: 'Uro i timene etter varsel.' });
    expect(ok.statusCode, ok.body).toBe(200);
    const page = await kt.get(`/api/basis-groups/${h().basisGroup2STAId}/conduct`);
    const row = page.json().students.find((s: { studentId: string }) => s.studentId === studentId);
    expect(row.warnings.behaviour).not.toBeNull();
    expect(row.warnings.order).toBeNull();
    expect(row.grade).toMatchObject({ behaviour: 'Ng' });
  });

  it('is allowed without a warning when it follows a sanction for a single incident, and refused with 400 for a measure that is not one', async () => {
    const studentId = await plainStudent(5);
    const ordinary = await caseWithMeasure(studentId, false);
    const bad = await setGrade(kt, studentId, { order: 'G', behaviour: 'Lg', reasons: 'Alvorlig hendelse.', measureId: ordinary });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('measureId');
    const single = await caseWithMeasure(studentId, true);
    const ok = await setGrade(kt, studentId, { order: 'G', behaviour: 'Lg', reasons: 'Alvorlig hendelse i kantina.', measureId: single });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().measureId).toBe(single);
  });
});

describe("the principal's review and what the family sees (L-22 § 9-17)", () => {
  it('the principal records the discussion with date and outcome per student; the contact teacher cannot record it', async () => {
    const studentId = await plainStudent(6);
    const body = { heldOn: '2026-11-20', participants: 'Lærerne i 2STA', outcomes: [{ studentId, outcome: 'confirmed' }] };
    expect((await kt.request('PUT', `/api/basis-groups/${h().basisGroup2STAId}/conduct/review`, body)).statusCode).toBe(403);
    const res = await rektor.request('PUT', `/api/basis-groups/${h().basisGroup2STAId}/conduct/review`, body);
    expect(res.statusCode, res.body).toBe(200);
    const page = await kt.get(`/api/basis-groups/${h().basisGroup2STAId}/conduct`);
    expect(page.json().review).toMatchObject({ heldOn: '2026-11-20', outcomes: [{ studentId, outcome: 'confirmed', note: null }] });
  });

  it('the student and a guardian with insight see the grade as set, not the teachers\' inputs; a parent without insight sees nothing', async () => {
    const studentId = h().elevStudentId;
    expect((await setGrade(kt, studentId, { order: 'G', behaviour: 'G' })).statusCode).toBe(200);
    for (const username of ['elev', 'foresatt']) {
      const res = await (await t.login(username)).get(`/api/students/${studentId}/conduct`);
      expect(res.statusCode, username).toBe(200);
      expect(res.json().grades[0]).toMatchObject({ order: 'G', behaviour: 'G', termKind: 'autumn' });
      expect(res.body).not.toMatch(/forsentkomminger/);
    }
    const uten = await (await t.login('foresatt.uten')).get(`/api/students/${studentId}/conduct`);
    expect([403, 404]).toContain(uten.statusCode);
  });
});

describe('the grade preparation (R-25)', () => {
  it('lists the absence limit risk, conduct inputs and warnings per student, and exports the same as CSV', async () => {
    const res = await kt.get(`/api/basis-groups/${h().basisGroup2STAId}/grade-preparation`);
    expect(res.statusCode, res.body).toBe(200);
    const over = res.json().students.find((s: { studentId: string }) => s.studentId === h().absenceOverLimitStudentId);
    expect(over.absenceRisks).toContainEqual(expect.objectContaining({ status: 'overLimit', subjectCode: expect.stringMatching(/MAT/) }));
    const elev = res.json().students.find((s: { studentId: string }) => s.studentId === h().elevStudentId);
    expect(elev.inputs.count).toBeGreaterThan(0);

    const csv = await kt.get(`/api/basis-groups/${h().basisGroup2STAId}/grade-preparation.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toMatch(/^Elev;Fare for IV/);
    expect(lines).toHaveLength(res.json().students.length + 1);
    const audited = await t.database.query(`select 1 from audit_log where action = 'basisGroup.readGradePreparation' and student_id = $1`, [h().elevStudentId]);
    expect(audited.length).toBeGreaterThan(0);
  });

  it('is refused for the counsellor and a subject teacher (an assessment, not student services)', async () => {
    for (const username of ['radgiver', 'faglarer']) {
      const res = await (await t.login(username)).get(`/api/basis-groups/${h().basisGroup2STAId}/grade-preparation`);
      expect([403, 404], username).toContain(res.statusCode);
    }
  });
});

describe('choosing the half-year (the documented termId)', () => {
  it('every conduct route with termId shows that half-year, and an unknown one is 400 naming termId, never a 500', async () => {
    const [term] = await t.database.query<{ id: string }>(`select id from term where kind = 'autumn' and owner_id = $1 order by starts_on desc limit 1`, [t.demo.ownerId]);
    const g = h().basisGroup2STAId;
    const tg = h().teachingGroup2STAMATId;
    const reads: [Client, string][] = [
      [fag, `/api/teaching-groups/${tg}/conduct-inputs`],
      [kt, `/api/basis-groups/${g}/conduct`],
      [kt, `/api/basis-groups/${g}/grade-preparation`],
      [kt, `/api/basis-groups/${g}/grade-preparation.csv`],
    ];
    for (const [c, url] of reads) {
      const good = await c.get(`${url}?termId=${term!.id}`);
      expect(good.statusCode, `${url} ${good.body}`).toBe(200);
      const unknown = await c.get(`${url}?termId=${randomUUID()}`);
      expect(unknown.statusCode, `${url} ${unknown.body}`).toBe(400);
      expect(unknown.json().errors[0].field).toBe('termId');
    }
    const put = await fag.request('PUT', `/api/teaching-groups/${tg}/conduct-inputs`, {
      termId: term!.id, inputs: [{ studentId: h().elevStudentId, order: 'G', behaviour: 'G' }],
    });
    expect(put.statusCode, put.body).toBe(200);
    const grade = await setGrade(kt, h().elevStudentId, { termId: randomUUID(), order: 'G', behaviour: 'G' });
    expect(grade.statusCode, grade.body).toBe(400);
    expect(grade.json().errors[0].field).toBe('termId');
    const review = await rektor.request('PUT', `/api/basis-groups/${g}/conduct/review`, { termId: randomUUID(), heldOn: '2026-11-20', outcomes: [] });
    expect(review.statusCode, review.body).toBe(400);
    expect(review.json().errors[0].field).toBe('termId');
  });
});
