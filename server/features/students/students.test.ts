/**
 * The student page and the class overview honour the hard cases of the demo school:
 * protected addresses (L-07), parental responsibility (L-06), adult students' consent (R-16, L-05).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let kt: Client;
beforeAll(async () => {
  t = await testApp();
  kt = await t.login('kontaktlarer');
});
afterAll(async () => t?.close());

const h = () => t.demo.hardCases;

describe('class overview (R-01, R-02)', () => {
  it('the contact teacher sees every student of 2STA on one screen with age, adult flag, accommodation need and consent state', async () => {
    const res = await kt.get(`/api/basis-groups/${h().basisGroup2STAId}/overview`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.access.reason).toBe('kontaktlærer for 2STA');
    const byId = new Map<string, Record<string, unknown>>(body.students.map((s: { studentId: string }) => [s.studentId, s]));
    const { n } = (await t.database.query<{ n: number }>(
      `select count(*)::int as n from enrolment where basis_group_id = $1 and starts_on <= '2026-11-25' and (ends_on is null or ends_on > '2026-11-25')`, [h().basisGroup2STAId]))[0]!;
    expect(body.students).toHaveLength(n);
    expect(byId.get(h().adultWithConsentStudentId)).toMatchObject({ isAdult: true, consent: 'granted' });
    expect(byId.get(h().adultWithoutConsentStudentId)).toMatchObject({ isAdult: true, consent: 'none', guardiansWithInsight: 0 });
    expect(byId.get(h().elevStudentId)).toMatchObject({ isAdult: false, consent: 'notAdult', guardiansWithInsight: 2 });
    for (const id of h().accommodationStudentIds) expect(byId.get(id)).toMatchObject({ accommodationNeed: true });
    expect(byId.get(h().minorityLanguageStudentId)).toMatchObject({ minorityLanguage: true });
    expect(byId.get(h().strictlyConfidentialStudentId)).toMatchObject({ addressProtected: true });
  });

  it('a student who changed class mid-year is in the new class and no longer in the old one', async () => {
    const sta = (await kt.get(`/api/basis-groups/${h().basisGroup2STAId}/overview`)).json();
    expect(sta.students.map((s: { studentId: string }) => s.studentId)).toContain(h().changedClassStudentId);
    const rektor = await t.login('rektor');
    const stb = (await rektor.get(`/api/basis-groups/${h().basisGroup2STBId}/overview`)).json();
    expect(stb.students.map((s: { studentId: string }) => s.studentId)).not.toContain(h().changedClassStudentId);
    const record = (await kt.get(`/api/students/${h().changedClassStudentId}`)).json();
    expect(record.student.basisGroups).toEqual([expect.objectContaining({ name: '2STA', since: '2026-10-05' })]);
  });

  it('the class overview is on the audit log: one entry per student read', async () => {
    await kt.get(`/api/basis-groups/${h().basisGroup2STAId}/overview`);
    const [row] = await t.database.query<{ n: number }>(
      "select count(*)::int as n from audit_log where action = 'basisGroup.readOverview' and student_id = $1", [h().elevStudentId]);
    expect(row!.n).toBeGreaterThan(0);
  });
});

describe('protected addresses (L-07)', () => {
  it('a guardian with a strictly confidential address shows no address, phone or e-mail to the contact teacher', async () => {
    const res = (await kt.get(`/api/students/${h().strictlyConfidentialStudentId}`)).json();
    const g = res.guardians.find((x: { personId: string }) => x.personId === h().strictlyConfidentialGuardianPersonId);
    expect(g.addressProtection).toBe('protected');
    expect(g.contact).toBeNull();
    expect(res.student.addressProtected).toBe(true);
    expect(res.student.contact).toBeNull();
    const [p] = await t.database.query<{ street_address: string | null; phone: string | null }>('select street_address, phone from person where id = $1', [h().strictlyConfidentialGuardianPersonId]);
    if (p!.street_address) expect(JSON.stringify(res)).not.toContain(p!.street_address);
    if (p!.phone) expect(JSON.stringify(res)).not.toContain(p!.phone);
  });

  it('a guardian with a confidential address can be reached by phone and e-mail by the school, but the address is never shown', async () => {
    const [row] = await t.database.query<{ student_id: string }>('select student_id from guardianship where guardian_person_id = $1', [h().confidentialGuardianPersonId]);
    const res = (await kt.get(`/api/students/${row!.student_id}`)).json();
    const g = res.guardians.find((x: { personId: string }) => x.personId === h().confidentialGuardianPersonId);
    expect(g.addressProtection).toBe('protected');
    expect(g.contact.address).toBeNull();
  });

  it('a guardian sees only themself, never the other guardian of the child', async () => {
    const foresatt = await t.login('foresatt');
    const res = await foresatt.get(`/api/students/${h().elevStudentId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.access.reason).toBe('foresatt med foreldreansvar');
    expect(body.guardians).toHaveLength(1);
    expect(body.guardians[0].personId).toBe((await foresatt.get('/api/me')).json().person.id);
  });

  it('a subject teacher reads the student but gets no guardian contact details', async () => {
    const faglarer = await t.login('faglarer');
    const body = (await faglarer.get(`/api/students/${h().elevStudentId}`)).json();
    expect(body.access.reason).toMatch(/^faglærer i /);
    expect(body.guardians.every((g: { contact: unknown }) => g.contact === null)).toBe(true);
    expect(body.permissions.readContactLog).toBe(false);
  });

  it('the record says which of its sections the reader may open: the guardian sees conduct grades, a subject teacher does not (R-25, L-22)', async () => {
    const [foresatt, faglarer] = await Promise.all([t.login('foresatt'), t.login('faglarer')]);
    const family = (await foresatt.get(`/api/students/${h().elevStudentId}`)).json();
    expect(family.permissions).toMatchObject({ readWarnings: true, readConduct: true, listDisciplinaryCases: true, readContactLog: false });
    expect((await foresatt.get(`/api/students/${h().elevStudentId}/conduct`)).statusCode).toBe(200);
    const teacher = (await faglarer.get(`/api/students/${h().elevStudentId}`)).json();
    expect(teacher.permissions).toMatchObject({ readWarnings: true, readConduct: false, listDisciplinaryCases: true });
    expect((await faglarer.get(`/api/students/${h().elevStudentId}/conduct`)).statusCode).toBe(403);
  });
});

describe('guardians\' insight (L-05, L-06, R-16, R-62)', () => {
  it('a parent without parental responsibility sees nothing of the child: not the record, the school or the class', async () => {
    const c = await t.login('foresatt.uten');
    const [row] = await t.database.query<{ student_id: string }>('select student_id from guardianship where guardian_person_id = $1', [h().noResponsibilityGuardianPersonId]);
    const res = await c.get(`/api/students/${row!.student_id}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toMatch(/Fjellvik|2STA/);
    const children = (await c.get('/api/guardian/children')).json();
    expect(children.children).toEqual([]);
    expect((await c.get('/api/me')).json().children).toEqual([]);
  });

  it('after a recorded decision to inform, the parent without parental responsibility sees the basic record', async () => {
    const [row] = await t.database.query<{ student_id: string; id: string }>('select student_id, id from guardianship where guardian_person_id = $1', [h().noResponsibilityGuardianPersonId]);
    const rektor = await t.login('rektor');
    const decided = await rektor.request('POST', `/api/students/${row!.student_id}/guardianships/${row!.id}/information-decisions`, { granted: true, reason: 'Far har bedt om informasjon om skolegangen.' });
    expect(decided.statusCode).toBe(201);
    const c = await t.login('foresatt.uten');
    const res = await c.get(`/api/students/${row!.student_id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().access.reasonCode).toBe('guardianByInformationDecision');
    expect(res.json().student.accommodationNeeds).toBeNull();
  });

  it('a decision to inform can only concern a parent WITHOUT parental responsibility', async () => {
    const [row] = await t.database.query<{ student_id: string; id: string }>('select student_id, id from guardianship where student_id = $1 and parental_responsibility', [h().elevStudentId]);
    const rektor = await t.login('rektor');
    const res = await rektor.request('POST', `/api/students/${row!.student_id}/guardianships/${row!.id}/information-decisions`, { granted: true, reason: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('guardianshipId');
  });

  it('the guardian of an adult student without consent sees nothing', async () => {
    const [g] = await t.database.query<{ guardian_person_id: string }>('select guardian_person_id from guardianship where student_id = $1 limit 1', [h().adultWithoutConsentStudentId]);
    const rows = await t.database.query<{ username: string }>('select username from account where person_id = $1', [g!.guardian_person_id]);
    if (rows.length === 0) {
      const { addLogin } = await import('../../test/harness.js');
      await addLogin(t.database, t.demo.ownerId, g!.guardian_person_id, 'foresatt.uten.samtykke');
    }
    const c = await t.login(rows[0]?.username ?? 'foresatt.uten.samtykke');
    expect((await c.get(`/api/students/${h().adultWithoutConsentStudentId}`)).statusCode).toBe(404);
  });

  it('an adult student withdraws consent and the guardian loses insight at once; granting it again restores it, with timestamps', async () => {
    const elev = await t.login('elev.myndig');
    const foresatt = await t.login('foresatt.myndig');
    const guardianId = (await foresatt.get('/api/me')).json().person.id as string;
    const sid = h().adultWithConsentStudentId;
    expect((await foresatt.get(`/api/students/${sid}`)).json().access.reasonCode).toBe('guardianByConsent');

    const withdrawn = await elev.request('PUT', `/api/students/${sid}/consents/${guardianId}`, { granted: false });
    expect(withdrawn.statusCode).toBe(200);
    const row = withdrawn.json().guardians.find((g: { guardianPersonId: string }) => g.guardianPersonId === guardianId);
    expect(row.active).toBe(false);
    expect(row.consent.withdrawnAt).not.toBeNull();
    expect((await foresatt.get(`/api/students/${sid}`)).statusCode).toBe(404);
    expect((await foresatt.get('/api/guardian/children')).json().children).toEqual([]);

    const granted = await elev.request('PUT', `/api/students/${sid}/consents/${guardianId}`, { granted: true });
    expect(granted.json().guardians.find((g: { guardianPersonId: string }) => g.guardianPersonId === guardianId).active).toBe(true);
    expect((await foresatt.get(`/api/students/${sid}`)).statusCode).toBe(200);
    const { n } = (await t.database.query<{ n: number }>('select count(*)::int as n from consent where student_id = $1 and guardian_person_id = $2', [sid, guardianId]))[0]!;
    expect(n).toBeGreaterThanOrEqual(2);
  });

  it('a student under 18 cannot give consent: 400 with a clear reason', async () => {
    const elev = await t.login('elev');
    const [g] = await t.database.query<{ guardian_person_id: string }>('select guardian_person_id from guardianship where student_id = $1 limit 1', [h().elevStudentId]);
    const res = await elev.request('PUT', `/api/students/${h().elevStudentId}/consents/${g!.guardian_person_id}`, { granted: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().title).toBe('Bare myndige elever (18 år eller eldre) gir samtykke selv.');
  });
});

describe('who has looked at my data', () => {
  it('the student sees who read their record, when, and on which relationship', async () => {
    await kt.get(`/api/students/${h().elevStudentId}`);
    const elev = await t.login('elev');
    const res = await elev.get(`/api/students/${h().elevStudentId}/access-log`);
    expect(res.statusCode).toBe(200);
    const entries = res.json().entries as { actorName: string; reason: string }[];
    expect(entries.some((e) => e.reason === 'kontaktlærer for 2STA')).toBe(true);
    const en = (await elev.get(`/api/students/${h().elevStudentId}/access-log`, { 'accept-language': 'en' })).json().entries as { reason: string }[];
    expect(en.some((e) => e.reason === 'contact teacher of 2STA')).toBe(true);
  });

  it('a denied attempt is on the audit log with its reason, and the principal can find it', async () => {
    const other = await t.login('foresatt.uten');
    await other.get(`/api/students/${h().elevStudentId}`);
    const rektor = await t.login('rektor');
    const res = await rektor.get(`/api/audit?studentId=${h().elevStudentId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().entries.some((e: { decision: string; reason: string }) => e.decision === 'deny' && e.reason === 'ingen tilknytning til eleven')).toBe(true);
  });

  it('a department head\'s audit search covers only students of their own department', async () => {
    const dh = await t.login('avdelingsleder');
    const res = await dh.get('/api/audit?limit=500');
    const ids = [...new Set(res.json().entries.map((e: { studentId: string | null }) => e.studentId).filter(Boolean))] as string[];
    const rows = await t.database.query<{ n: number }>(
      `select count(*)::int as n from student where id = any($1::uuid[]) and department_id <> (select department_id from student where id = $2)`, [ids, h().elevStudentId]);
    expect(rows[0]!.n).toBe(0);
  });
});

describe('the classes a person may open', () => {
  it('a department head lists exactly the classes of their department, a principal all classes, a subject teacher none', async () => {
    const names = async (username: string) => ((await (await t.login(username)).get('/api/basis-groups')).json().groups as { name: string; reason: string }[]);
    const dh = await names('avdelingsleder');
    expect(dh.map((g) => g.name)).toContain('2STA');
    expect(dh.every((g) => g.reason === 'avdelingsleder for Studiespesialisering')).toBe(true);
    const { n } = (await t.database.query<{ n: number }>('select count(*)::int as n from basis_group'))[0]!;
    const principal = await names('rektor');
    expect(principal.length).toBe(n);
    expect(principal.length).toBeGreaterThan(dh.length);
    expect(await names('faglarer')).toEqual([]);
    expect((await names('kontaktlarer')).map((g) => g.name)).toEqual(['2STA']);
  });
});
