/**
 * Forms: the school defines forms, the contact teacher marks a whole class missing → received →
 * checked on one page, the class checklist counts them, and the student sees their own outstanding
 * forms — on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from '../../test/harness.js';
import { formReceivedEvidence } from './evidence.js';
import { today } from '../../core/time.js';
import { wholeSchool } from '../../core/evidence/sources.js';

let t: TestApp;
let kt: Client;
let rektor: Client;
const h = () => t.demo.hardCases;
interface Cell { formId: string; status: string; receivedBy: string | null; checkedBy: string | null; checkedAt: string | null }
interface Checklist { canSet: boolean; forms: { id: string; nameNb: string; counts: { students: number; missing: number; received: number; checked: number }; missing: { id: string }[] }[]; students: { id: string; cells: Cell[] }[] }
const checklist = async (c: Client = kt) => (await c.get(`/api/basis-groups/${h().basisGroup2STAId}/forms`)).json() as Checklist;
const setStatus = (changes: unknown[]) => kt.request('PUT', `/api/basis-groups/${h().basisGroup2STAId}/forms/statuses`, { changes });

beforeAll(async () => {
  t = await testApp();
  [kt, rektor] = await Promise.all([t.login('kontaktlarer'), t.login('rektor')]);
});
afterAll(async () => t?.close());

describe('R-05 the school defines the forms', () => {
  it('the principal defines a form for one level; it shows only for classes and students of that level', async () => {
    const vg1 = await rektor.request('POST', '/api/forms', { nameNb: 'Avtale om lån av PC', nameNn: 'Avtale om lån av PC', level: 'vg1', dueOn: '2026-12-01' });
    expect(vg1.statusCode, vg1.body).toBe(201);
    expect((await checklist()).forms.some((f) => f.id === vg1.json().id)).toBe(false); // 2STA is Vg2
    const all = await rektor.request('POST', '/api/forms', { nameNb: 'Samtykke til tur', nameNn: 'Samtykke til tur', level: null, dueOn: '2026-12-01' });
    expect((await checklist()).forms.find((f) => f.id === all.json().id)?.counts.missing).toBeGreaterThan(0);
    const list = (await rektor.get('/api/forms')).json();
    expect(list.forms.map((f: { id: string }) => f.id)).toEqual(expect.arrayContaining([vg1.json().id, all.json().id]));
  });

  it('a contact teacher may not define forms, and a bad due date is refused naming the field', async () => {
    expect((await kt.request('POST', '/api/forms', { nameNb: 'X', nameNn: 'X', level: null, dueOn: '2026-12-01' })).statusCode).toBe(403);
    const bad = await rektor.request('POST', '/api/forms', { nameNb: 'X', nameNn: 'X', level: null, dueOn: '31.12.2026' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('dueOn');
  });
});

describe('R-05 the school changes a form', () => {
  it('the principal changes the names, level and due date; the school\'s list shows the change and the statuses recorded are kept', async () => {
    const created = (await rektor.request('POST', '/api/forms', { nameNb: 'Avtale om skap', nameNn: 'Avtale om skap', level: null, dueOn: '2026-12-01' })).json() as { id: string };
    const student = (await checklist()).forms.find((f) => f.id === created.id)!.missing[0]!;
    expect((await setStatus([{ formId: created.id, studentId: student.id, status: 'received' }])).statusCode).toBe(200);
    const res = await rektor.request('PUT', `/api/forms/${created.id}`, { nameNb: 'Avtale om skap og nøkkel', nameNn: 'Avtale om skap og nykel', level: 'vg2', dueOn: '2026-12-04' });
    expect(res.statusCode, res.body).toBe(200);
    const listed = ((await rektor.get('/api/forms')).json() as { forms: { id: string }[] }).forms.find((f) => f.id === created.id);
    expect(listed).toMatchObject({ nameNb: 'Avtale om skap og nøkkel', nameNn: 'Avtale om skap og nykel', level: 'vg2', dueOn: '2026-12-04' });
    const cell = (await checklist()).students.find((s) => s.id === student.id)!.cells.find((c) => c.formId === created.id);
    expect(cell).toMatchObject({ status: 'received' }); // 2STA is Vg2: the form still applies, the receipt stands
  });

  it('a level the school does not have (a grade at an upper secondary school) is refused naming the field in the user\'s language, and the form stays as saved', async () => {
    const form = (await checklist()).forms.find((f) => f.nameNb === 'Samtykke til bilder på skolens nettsider')!;
    const bad = await rektor.request('PUT', `/api/forms/${form.id}`, { nameNb: 'Endret navn', nameNn: 'Endra namn', level: 'grade5', dueOn: '2026-10-01' }, { 'accept-language': 'nn' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'level', message: 'Trinnet finst ikkje ved skulen.' })]);
    expect((await checklist()).forms.find((f) => f.id === form.id)).toMatchObject({ nameNb: form.nameNb, dueOn: '2026-09-15' });
    const created = await rektor.request('POST', '/api/forms', { nameNb: 'Leirskole', nameNn: 'Leirskule', level: 'grade7', dueOn: '2026-12-01' });
    expect(created.statusCode).toBe(400);
    expect(created.body).toContain('level');
  });

  it('a contact teacher may not change a form, and a form of another school is not found', async () => {
    const form = (await checklist()).forms[0]!;
    expect((await kt.request('PUT', `/api/forms/${form.id}`, { nameNb: 'X', nameNn: 'X', level: null, dueOn: '2026-12-01' })).statusCode).toBe(403);
    expect((await rektor.request('PUT', '/api/forms/00000000-0000-4000-8000-000000000000', { nameNb: 'X', nameNn: 'X', level: null, dueOn: '2026-12-01' })).statusCode).toBe(404);
  });
});

describe('R-05 the class checklist', () => {
  it('counts match the hand-counted statuses of the demo, and the missing list names exactly the students without the form', async () => {
    const list = await checklist();
    for (const f of list.forms) {
      const cells = list.students.flatMap((s) => s.cells.filter((c) => c.formId === f.id).map((c) => ({ id: s.id, status: c.status })));
      expect(f.counts).toEqual({ students: cells.length, missing: cells.filter((c) => c.status === 'missing').length, received: cells.filter((c) => c.status === 'received').length, checked: cells.filter((c) => c.status === 'checked').length });
      expect(f.missing.map((m) => m.id).sort()).toEqual(cells.filter((c) => c.status === 'missing').map((c) => c.id).sort());
    }
    expect(list.forms.find((f) => f.nameNb === 'Registreringsskjema')!.counts.checked).toBeGreaterThan(0);
  });

  it('the contact teacher sets several students at once; checked records who and when, and missing clears it', async () => {
    const list = await checklist();
    const form = list.forms.find((f) => f.nameNb === 'Samtykke til bilder på skolens nettsider')!;
    const [a, b] = form.missing.filter((m) => m.id !== h().elevStudentId);
    const res = await setStatus([{ formId: form.id, studentId: a!.id, status: 'received' }, { formId: form.id, studentId: b!.id, status: 'checked' }]);
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as Checklist;
    const cellOf = (l: Checklist, id: string) => l.students.find((s) => s.id === id)!.cells.find((c) => c.formId === form.id)!;
    expect(cellOf(after, a!.id)).toMatchObject({ status: 'received', checkedAt: null });
    expect(cellOf(after, b!.id).status).toBe('checked');
    expect(cellOf(after, b!.id).checkedBy).toBeTruthy();
    expect(after.forms.find((f) => f.id === form.id)!.counts.missing).toBe(form.counts.missing - 2);
    const undo = (await setStatus([{ formId: form.id, studentId: b!.id, status: 'missing' }])).json() as Checklist;
    expect(cellOf(undo, b!.id)).toMatchObject({ status: 'missing', checkedAt: null });
  });

  it('a change for a student of another class is refused naming the row, and nothing of the batch is saved', async () => {
    const list = await checklist();
    const form = list.forms[0]!;
    const mine = form.missing[0]!;
    const res = await setStatus([{ formId: form.id, studentId: mine.id, status: 'received' }, { formId: form.id, studentId: h().leftStudentId, status: 'received' }]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('changes.1.studentId');
    expect((await checklist()).forms[0]!.missing.some((m) => m.id === mine.id)).toBe(true);
  });

  it('the department head reads the checklist but cannot set statuses; the counsellor reads too', async () => {
    const avd = await t.login('avdelingsleder');
    const list = await checklist(avd);
    expect(list.canSet).toBe(false);
    expect((await avd.request('PUT', `/api/basis-groups/${h().basisGroup2STAId}/forms/statuses`, { changes: [{ formId: list.forms[0]!.id, studentId: h().elevStudentId, status: 'received' }] })).statusCode).toBe(403);
  });
});

describe('R-05 the student\'s own forms', () => {
  it('the student sees the outstanding form first and the checked registration form after it; another student is hidden', async () => {
    const elev = await t.login('elev');
    const res = await elev.get(`/api/students/${h().elevStudentId}/forms`);
    expect(res.statusCode).toBe(200);
    const forms = res.json().forms as { nameNb: string; status: string; overdue: boolean }[];
    expect(forms[0]).toMatchObject({ status: 'missing' });
    expect(forms.find((f) => f.nameNb === 'Samtykke til bilder på skolens nettsider')).toMatchObject({ status: 'missing', overdue: true });
    expect(forms.find((f) => f.nameNb === 'Registreringsskjema')).toMatchObject({ status: 'checked', overdue: false });
    expect((await elev.get(`/api/students/${h().adultWithConsentStudentId}/forms`)).statusCode).toBe(404);
  });

  it('formReceived evidence lists a student once the form is received', async () => {
    const list = await checklist();
    const form = list.forms.find((f) => f.nameNb === 'Registreringsskjema')!;
    const run = async (formId: string) => {
      const params: unknown[] = [];
      const sql = formReceivedEvidence.sql!(wholeSchool({ ownerId: t.demo.ownerId, schoolId: t.demo.schoolId, schoolYearId: (await t.database.query<{ id: string }>('select id from school_year order by starts_on desc limit 1'))[0]!.id, subject: 'student', param: formId ?? null, today: today() }), (v) => { params.push(v); return `$${params.length}`; });
      return (await t.database.query<{ subject_id: string; done_on: unknown }>(sql, params)).map((r) => r.subject_id);
    };
    const missing = form.missing[0]!.id;
    expect(await run(form.id)).not.toContain(missing);
    await setStatus([{ formId: form.id, studentId: missing, status: 'received' }]);
    expect(await run(form.id)).toContain(missing);
    expect(await run('not-a-uuid')).toEqual([]);
  });
});

describe('R-05 the school retires a form it no longer uses', () => {
  const evidence = async (formId?: string) => {
    const params: unknown[] = [];
    const schoolYearId = (await t.database.query<{ id: string }>('select id from school_year order by starts_on desc limit 1'))[0]!.id;
    const sql = formReceivedEvidence.sql!(wholeSchool({ ownerId: t.demo.ownerId, schoolId: t.demo.schoolId, schoolYearId, subject: 'student', param: formId ?? null, today: today() }), (v) => { params.push(v); return `$${params.length}`; });
    return (await t.database.query<{ subject_id: string }>(sql, params)).map((r) => r.subject_id);
  };
  const studentForms = async () => ((await kt.get(`/api/students/${h().elevStudentId}/forms`)).json() as { forms: { id: string }[] }).forms.map((f) => f.id);
  interface SchoolForms { forms: { id: string }[]; retired: { id: string; retiredAt: string; retiredBy: string | null; counts: { received: number } }[] }
  const schoolForms = async () => (await rektor.get('/api/forms')).json() as SchoolForms;

  it('a retired form leaves the class checklist and the student\'s list, the statuses recorded are kept, and the school lists it apart with its figures', async () => {
    const created = (await rektor.request('POST', '/api/forms', { nameNb: 'Samtykke til tur i fjor', nameNn: 'Samtykke til tur i fjor', level: null, dueOn: '2026-12-01' })).json() as { id: string };
    expect((await setStatus([{ formId: created.id, studentId: h().elevStudentId, status: 'received' }])).statusCode).toBe(200);
    const res = await rektor.request('POST', `/api/forms/${created.id}/retire`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().retiredAt).toBeTruthy();
    expect((await checklist()).forms.some((f) => f.id === created.id)).toBe(false);
    expect((await checklist()).students.flatMap((s) => s.cells).some((c) => c.formId === created.id)).toBe(false);
    expect(await studentForms()).not.toContain(created.id);
    const kept = await t.database.query<{ status: string }>('select status from form_status where form_id = $1 and student_id = $2', [created.id, h().elevStudentId]);
    expect(kept).toEqual([{ status: 'received' }]);
    const list = await schoolForms();
    expect(list.forms.some((f) => f.id === created.id)).toBe(false);
    expect(list.retired.find((f) => f.id === created.id)).toMatchObject({ retiredBy: expect.any(String), counts: { received: 1 } });
    // a status can no longer be set on it from the class
    expect((await setStatus([{ formId: created.id, studentId: h().elevStudentId, status: 'checked' }])).statusCode).toBe(400);
  });

  it('retiring twice keeps the first date, and a reinstated form is back in the checklist with its statuses', async () => {
    const created = (await rektor.request('POST', '/api/forms', { nameNb: 'Avtale om skiutstyr', nameNn: 'Avtale om skiutstyr', level: null, dueOn: '2026-12-01' })).json() as { id: string };
    await setStatus([{ formId: created.id, studentId: h().elevStudentId, status: 'received' }]);
    const first = (await rektor.request('POST', `/api/forms/${created.id}/retire`)).json() as { retiredAt: string };
    const again = (await rektor.request('POST', `/api/forms/${created.id}/retire`)).json() as { retiredAt: string };
    expect(again.retiredAt).toBe(first.retiredAt);
    const back = await rektor.request('POST', `/api/forms/${created.id}/reinstate`);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().retiredAt).toBeNull();
    const cell = (await checklist()).students.find((s) => s.id === h().elevStudentId)!.cells.find((c) => c.formId === created.id);
    expect(cell).toMatchObject({ status: 'received' });
    expect(await studentForms()).toContain(created.id);
    const list = await schoolForms();
    expect(list.forms.some((f) => f.id === created.id)).toBe(true);
    expect(list.retired.some((f) => f.id === created.id)).toBe(false);
  });

  it('the evidence without a form id no longer waits for a retired form; a routine naming it still reads the statuses recorded', async () => {
    const created = (await rektor.request('POST', '/api/forms', { nameNb: 'Samtykke til leirskole', nameNn: 'Samtykke til leirskule', level: null, dueOn: '2026-12-01' })).json() as { id: string };
    // every other form in use is received for the student, so only the new one is outstanding
    const mine = (await checklist()).students.find((s) => s.id === h().elevStudentId)!;
    const others = mine.cells.filter((c) => c.formId !== created.id && c.status === 'missing');
    if (others.length) await setStatus(others.map((c) => ({ formId: c.formId, studentId: h().elevStudentId, status: 'received' })));
    expect(await evidence()).not.toContain(h().elevStudentId);
    expect((await rektor.request('POST', `/api/forms/${created.id}/retire`)).statusCode).toBe(200);
    expect(await evidence()).toContain(h().elevStudentId);
    expect(await evidence(created.id)).not.toContain(h().elevStudentId);
    await t.database.query(`insert into form_status (owner_id, form_id, student_id, status, received_on, received_by_person_id)
      select owner_id, id, $2, 'received', '2026-11-01', created_by_person_id from form where id = $1`, [created.id, h().elevStudentId]);
    expect(await evidence(created.id)).toContain(h().elevStudentId);
  });

  it('a contact teacher may not retire or reinstate a form, and an unknown form is not found', async () => {
    const form = (await checklist()).forms[0]!;
    expect((await kt.request('POST', `/api/forms/${form.id}/retire`)).statusCode).toBe(403);
    expect((await kt.request('POST', `/api/forms/${form.id}/reinstate`)).statusCode).toBe(403);
    expect((await checklist()).forms.some((f) => f.id === form.id)).toBe(true);
    expect((await rektor.request('POST', '/api/forms/00000000-0000-4000-8000-000000000000/retire')).statusCode).toBe(404);
    expect((await rektor.request('POST', '/api/forms/00000000-0000-4000-8000-000000000000/reinstate')).statusCode).toBe(404);
  });
});
