/**
 * R-61, R-76 (L-41 law § 24-3): the school's procedure for the duty to report in nb/nn/en, editable by the
 * school, with the child welfare contact; a person's report is theirs, complete when saved, and nobody
 * approves, changes or withdraws it. The principal is told with a link only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childWelfareReport } from './tables.js';
import { testApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let kt: Client, fag: Client, avd: Client, rektor: Client, admin: Client, foresatt: Client, elev: Client;
let studentId: string;

const personOf = (username: string) => t.demo.logins.find((l) => l.username === username)!.personId;

beforeAll(async () => {
  t = await testApp();
  studentId = t.demo.hardCases.elevStudentId;
  const logins: Client[] = [];
  for (const u of ['kontaktlarer', 'faglarer', 'avdelingsleder', 'rektor', 'skoleadmin', 'foresatt', 'elev']) logins.push(await t.login(u));
  [kt, fag, avd, rektor, admin, foresatt, elev] = logins as [Client, Client, Client, Client, Client, Client, Client];
}, 120_000);
afterAll(async () => t?.close());

describe('R-61: the school\'s procedure for the duty to report', () => {
  it('a teacher reads the default procedure from the law in their language: the five grounds, and that nobody needs to approve', async () => {
    const nb = (await fag.get('/api/duty-to-report')).json();
    expect(nb).toMatchObject({ isDefault: true, canEdit: false, texts: null });
    for (const word of ['mishandlet', 'omsorgssvikt', 'alvorlig sykt', 'rusmidler', 'menneskehandel', 'godkjenne']) expect(nb.procedure).toContain(word);
    const nn = (await fag.get('/api/duty-to-report', { 'accept-language': 'nn' })).json();
    expect(nn.procedure).toContain('barnevernstenesta');
    const en = (await fag.get('/api/duty-to-report', { 'accept-language': 'en' })).json();
    expect(en.procedure).toContain('human trafficking');
  });

  it('the principal writes the school\'s own text in one language and the child welfare contact; the other languages keep the default', async () => {
    const body = {
      texts: { nb: 'Vår rutine: ring barnevernsvakten først.', nn: null, en: null },
      childWelfare: { name: 'Barnevernstjenesten i Fjellvik', phone: '+47 12 34 56 78', email: 'barnevern@fjellvik.example' },
    };
    expect((await rektor.request('PUT', '/api/duty-to-report', body)).statusCode).toBe(204);
    const nb = (await kt.get('/api/duty-to-report')).json();
    expect(nb).toMatchObject({ procedure: body.texts.nb, isDefault: false, childWelfare: body.childWelfare });
    expect((await kt.get('/api/duty-to-report', { 'accept-language': 'nn' })).json().isDefault).toBe(true);
    expect((await rektor.get('/api/duty-to-report')).json()).toMatchObject({ canEdit: true, texts: body.texts });
  });

  it('a wrong e-mail address is refused naming the field, and the saved contact stays as it was', async () => {
    const res = await admin.request('PUT', '/api/duty-to-report', { texts: { nb: null, nn: null, en: null }, childWelfare: { name: 'x', phone: '1', email: 'ikke-en-adresse' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('childWelfare.email');
    expect((await kt.get('/api/duty-to-report')).json().childWelfare.email).toBe('barnevern@fjellvik.example');
    expect((await kt.request('PUT', '/api/duty-to-report', { texts: { nb: null, nn: null, en: null }, childWelfare: { name: '', phone: '', email: '' } })).statusCode).toBe(403);
  });
});

describe('R-76, L-41: a report to the child welfare service is the reporter\'s own and waits for nobody', () => {
  let reportId: string;
  it('a subject teacher records their report: it is complete and sent the moment it is saved, and the principal gets a link-only notice', async () => {
    const res = await fag.request('POST', `/api/students/${studentId}/child-welfare-reports`, { sentOn: '2026-11-02', category: 'mistreatment', note: 'Blåmerker på armene.' });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    reportId = r.id;
    expect(r).toMatchObject({ sentOn: '2026-11-02', category: 'mistreatment', note: 'Blåmerker på armene.', reporter: { personId: personOf('faglarer') } });
    expect(Object.keys(r).sort()).toEqual(['category', 'id', 'note', 'recordedAt', 'reporter', 'sentOn', 'studentId', 'studentName']);
    const notices = await t.database.query<{ kind: string; link: string }>('select kind, link from notification where recipient_person_id = $1', [personOf('rektor')]);
    expect(notices).toContainEqual({ kind: 'childWelfareReport.recorded', link: '/duty-to-report' });
    expect(JSON.stringify(notices)).not.toMatch(/Blåmerker|mistreatment/);
  });

  it('no approval step exists: no status column, no route that approves, changes or withdraws a report', async () => {
    const columns = Object.keys(childWelfareReport);
    expect(columns.filter((c) => /status|approv|pending|state|retract|withdraw/i.test(c))).toEqual([]);
    const dbColumns = await t.database.query<{ column_name: string }>("select column_name from information_schema.columns where table_name = 'child_welfare_report'");
    expect(dbColumns.map((c) => c.column_name).filter((c) => /status|approv|pending|state/i.test(c))).toEqual([]);
    const routes = t.app.routeTable.filter((x) => x.url.includes('child-welfare-report') || x.url.includes('duty-to-report'));
    expect(routes.map((x) => `${x.method} ${x.url}`).sort()).toEqual([
      'GET /api/child-welfare-reports', 'GET /api/duty-to-report', 'GET /api/students/:studentId/child-welfare-reports',
      'POST /api/students/:studentId/child-welfare-reports', 'PUT /api/duty-to-report',
    ]);
    for (const method of ['PATCH', 'PUT', 'DELETE'] as const) {
      for (const url of [`/api/child-welfare-reports/${reportId}`, `/api/students/${studentId}/child-welfare-reports/${reportId}`, `/api/child-welfare-reports/${reportId}/approval`]) {
        const res = await rektor.request(method, url, { sentOn: '2026-11-01' });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
      }
    }
    const [row] = await t.database.query<{ sent_on: string }>('select sent_on::text as sent_on from child_welfare_report where id = $1', [reportId]);
    expect(row!.sent_on).toBe('2026-11-02');
  });

  it('the principal and the reporter read it; another teacher of the student, the department head, the student and guardians do not', async () => {
    const url = `/api/students/${studentId}/child-welfare-reports`;
    expect((await rektor.get(url)).json().reports.map((r: { id: string }) => r.id)).toContain(reportId);
    expect((await fag.get(url)).json().reports.map((r: { id: string }) => r.id)).toEqual([reportId]);
    expect((await kt.get(url)).json().reports).toEqual([]);
    expect((await avd.get('/api/child-welfare-reports')).json().reports).toEqual([]);
    expect((await rektor.get('/api/child-welfare-reports')).json().reports.map((r: { id: string }) => r.id)).toContain(reportId);
    expect((await foresatt.get(url)).statusCode).toBe(403);
    expect((await elev.get(url)).statusCode).toBe(403);
  });

  it('the reads are audited, yet kept out of the access log the guardians read', async () => {
    const audited = await t.database.query('select 1 from audit_log where resource_type = $1 and student_id = $2', ['childWelfareReport', studentId]);
    expect(audited.length).toBeGreaterThan(0);
    const log = await foresatt.get(`/api/students/${studentId}/access-log?limit=500`);
    expect(log.statusCode).toBe(200);
    expect(log.json().entries.filter((e: { action: string }) => e.action.startsWith('childWelfareReport'))).toEqual([]);
    expect((await rektor.get(`/api/audit?studentId=${studentId}&limit=500`)).json().entries.some((e: { action: string }) => e.action === 'childWelfareReport.record')).toBe(true);
    expect((await avd.get(`/api/audit?studentId=${studentId}&limit=500`)).json().entries.some((e: { action: string }) => e.action.startsWith('childWelfareReport'))).toBe(false);
  });

  it('a date in the future or an unknown category is refused naming the field', async () => {
    const future = await kt.request('POST', `/api/students/${studentId}/child-welfare-reports`, { sentOn: '2099-01-01', category: 'seriousNeglect' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('sentOn');
    const category = await kt.request('POST', `/api/students/${studentId}/child-welfare-reports`, { sentOn: '2026-11-01', category: 'bullying' });
    expect(category.statusCode).toBe(400);
    expect(category.json().errors[0].field).toBe('category');
  });
});
