/**
 * The two other sources through the one pipeline, as the demo's school admin uses them: a OneRoster
 * zip uploaded, previewed and applied; the school's FINT connection set up, synced now and
 * by the nightly job, applying itself when the reading is clean. FINT is a local stand-in on 127.0.0.1
 * (fint/fintTestServer.ts): never the internet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCHOOL_NAME } from '../../../seed/demo.js';
import { testApp, type Client, type TestApp } from '../../../test/harness.js';
import { smallSchoolRoster } from '../fixtures.js';
import { NIGHTLY_JOB, READ_JOB, rosterImportJobs } from '../jobs.js';
import type { ImportDetail, ScheduleInput } from '../schemas.js';
import { runApply, runRead } from '../sync/run.js';
import { generatedSchool } from './fint/fintGenerated.js';
import { startFintTestServer, type FintTestServer } from './fint/fintTestServer.js';
import { writeOneRosterZip } from './oneRoster/index.js';

const FINT_CLIENT = { clientId: 'elevlos-fjellvik', clientSecret: 'generated-test-secret-5b1e' };
const SECRET_ENV = 'FINT_H2_TEST_CLIENT_SECRET';
const FINT_STUDENTS = 50;

let t: TestApp;
let admin: Client;
let teacher: Client;
let fint: FintTestServer;
/** what the local FINT serves; a test may change it, as the school owner's FINT changes */
const fintFixtures = generatedSchool(FINT_STUDENTS);

beforeAll(async () => {
  [t, fint] = await Promise.all([testApp(), startFintTestServer({ fixtures: fintFixtures, ...FINT_CLIENT })]);
  [admin, teacher] = await Promise.all([t.login('skoleadmin'), t.login('faglarer')]);
  process.env[SECRET_ENV] = FINT_CLIENT.clientSecret;
});
afterAll(async () => {
  delete process.env[SECRET_ENV];
  await Promise.all([t?.close(), fint?.close()]);
});

const ref = (importId: string) => ({ ownerId: t.demo.ownerId, importId });

async function detail(importId: string): Promise<ImportDetail> {
  const res = await admin.get(`/api/roster-import/imports/${importId}`, { 'accept-language': 'en' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ImportDetail;
}

const kind = (d: ImportDetail, k: string) => d.preview!.kinds.find((x) => x.kind === k)!;
const count = async (sql: string, params: unknown[] = []) => (await t.database.query<{ n: number }>(sql, params))[0]!.n;

describe('a OneRoster 1.2 zip uploaded by the school admin (R-01, R-02)', () => {
  let importId: string;

  it('is read as OneRoster (it holds manifest.csv) and previewed, with nothing written yet', async () => {
    const fag = t.demo.logins.find((l) => l.username === 'faglarer')!;
    const [ct] = await t.database.query<{ given_name: string; family_name: string; national_identity_number: string }>(
      'select given_name, family_name, national_identity_number from person where id = $1', [fag.personId]);
    // the demo's faglarer becomes contact teacher of the new class: matched by national identity number, not made twice
    const roster = smallSchoolRoster({
      schoolName: DEMO_SCHOOL_NAME, className: '1ONR', prefix: 'ONR', students: 4,
      contactTeacher: { givenName: ct!.given_name, familyName: ct!.family_name, nationalIdentityNumber: ct!.national_identity_number, feideId: null },
    });
    const res = await admin.request('POST', '/api/roster-import/imports', writeOneRosterZip(roster), { 'content-type': 'application/zip' });
    expect(res.statusCode, res.body).toBe(202);
    importId = res.json().id as string;
    await runRead(t.database, ref(importId));

    const d = await detail(importId);
    expect(d.status, JSON.stringify(d.log)).toBe('ready');
    expect(d.source).toBe('oneRoster');
    expect(d.errors).toEqual([]);
    expect(d.files.map((f) => f.name)).toEqual(expect.arrayContaining(['manifest.csv', 'users.csv', 'enrollments.csv']));
    expect(kind(d, 'students')).toMatchObject({ added: 4, changed: 0, ended: 0 });
    expect(kind(d, 'guardianships').added).toBe(8);
    expect(kind(d, 'basisGroups').samples.added.map((s) => s.label)).toEqual(['1ONR']);
    expect(kind(d, 'schools').samples.added[0]).toMatchObject({ matches: DEMO_SCHOOL_NAME });
    for (const p of roster.people) if (p.nationalIdentityNumber) expect(JSON.stringify(d)).not.toContain(p.nationalIdentityNumber);
    expect(await count("select count(*)::int as n from basis_group where name = '1ONR'")).toBe(0);
    expect(await count("select count(*)::int as n from roster_link where source = 'oneRoster'")).toBe(0);
  });

  it('applied, makes the students and the class, which its contact teacher then has in their own list', async () => {
    expect((await teacher.get('/api/me')).json().basisGroups.map((g: { name: string }) => g.name)).not.toContain('1ONR');
    const res = await admin.request('POST', `/api/roster-import/imports/${importId}/apply`, { onlyValid: false });
    expect(res.statusCode, res.body).toBe(202);
    await runApply(t.database, ref(importId));

    const d = await detail(importId);
    expect(d.status, JSON.stringify(d.log)).toBe('applied');
    expect(d.source).toBe('oneRoster');
    expect(d.result!.kinds.students).toEqual({ added: 4, changed: 0, ended: 0 });
    expect(d.result!.kinds.contactTeachers).toEqual({ added: 1, changed: 0, ended: 0 });
    expect(await count("select count(*)::int as n from roster_link where source = 'oneRoster' and kind = 'students'")).toBe(4);

    const group = (await teacher.get('/api/me')).json().basisGroups.find((g: { name: string }) => g.name === '1ONR') as { id: string } | undefined;
    expect(group).toBeDefined();
    const overview = await teacher.get(`/api/basis-groups/${group!.id}/overview`);
    expect(overview.statusCode, overview.body).toBe(200);
    expect(overview.json().access.reason).toBe('kontaktlærer for 1ONR');
    expect(overview.json().students.map((s: { givenName: string }) => s.givenName).sort()).toEqual(['Ingrid', 'Maja', 'Sander', 'Tobias']);
  });

  it('uploaded again unchanged, previews nothing to add, change or end', async () => {
    const fag = t.demo.logins.find((l) => l.username === 'faglarer')!;
    const [ct] = await t.database.query<{ given_name: string; family_name: string; national_identity_number: string }>(
      'select given_name, family_name, national_identity_number from person where id = $1', [fag.personId]);
    const same = smallSchoolRoster({
      schoolName: DEMO_SCHOOL_NAME, className: '1ONR', prefix: 'ONR', students: 4,
      contactTeacher: { givenName: ct!.given_name, familyName: ct!.family_name, nationalIdentityNumber: ct!.national_identity_number, feideId: null },
    });
    const res = await admin.request('POST', '/api/roster-import/imports', writeOneRosterZip(same), { 'content-type': 'application/zip' });
    const id = res.json().id as string;
    await runRead(t.database, ref(id));
    const d = await detail(id);
    expect(d.errors).toEqual([]);
    for (const k of d.preview!.kinds) expect([k.kind, k.added, k.changed, k.ended]).toEqual([k.kind, 0, 0, 0]);
  });
});

describe("the school's FINT connection and its nightly sync", () => {
  const schedule = (extra: Partial<ScheduleInput> = {}): ScheduleInput => ({
    // the connection's URLs as an admin types them, with the trailing slash
    baseUrl: `${fint.base}/`, tokenUrl: fint.tokenUrl, clientId: FINT_CLIENT.clientId, orgId: 'generert.example', clientSecretEnv: SECRET_ENV,
    nightly: false, hour: 2, ...extra,
  });
  const hoursOfDemoMaths = () => t.database.query<{ annual_hours: number }>("select annual_hours from subject where code = 'MAT1021'");

  it('is set with the name of the variable that holds the secret, never the secret', async () => {
    const res = await admin.request('PUT', '/api/roster-import/schedule', schedule());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ fintAvailable: true, fint: { clientSecretEnv: SECRET_ENV, secretsPresent: true, nightly: false } });
    expect(res.body).not.toContain(FINT_CLIENT.clientSecret);
  });

  it('"sync now" reads the local FINT and, the reading being clean, applies itself', async () => {
    const mathsBefore = await hoursOfDemoMaths();
    const res = await admin.request('POST', '/api/roster-import/schedule/run', {});
    expect(res.statusCode, res.body).toBe(202);
    const importId = res.json().id as string;
    await runRead(t.database, ref(importId));

    const d = await detail(importId);
    expect(d.status, JSON.stringify(d.log)).toBe('applied');
    expect(d).toMatchObject({ source: 'fint', trigger: 'schedule', errorCount: 0, appliedBy: null });
    expect(d.result!.kinds.students).toEqual({ added: FINT_STUDENTS, changed: 0, ended: 0 });
    expect(d.log.map((l) => l.message)).toContain('No errors: applied automatically.');
    expect(fint.requests.some((r) => r.path === '/utdanning/elev/elev' && r.status === 200)).toBe(true);
    expect(fint.tokensIssued()).toBeGreaterThan(0);

    // FINT's one school is the admin's own; its classes have their contact teachers
    expect(await count("select count(*)::int as n from roster_link where source = 'fint' and kind = 'schools' and local_id = $1", [t.demo.schoolId])).toBe(1);
    expect(await count(
      `select count(*)::int as n from basis_group g join contact_teacher_assignment a on a.owner_id = g.owner_id and a.basis_group_id = g.id
       where g.owner_id = $1 and g.school_id = $2 and g.name = '1G000'`, [t.demo.ownerId, t.demo.schoolId])).toBe(1);
    // FINT has no annual hours: the demo's own MAT1021, which FINT's subject matched, keeps the hours its absence limit counts on
    expect(await hoursOfDemoMaths()).toEqual(mathsBefore);
  });

  it('the nightly job starts a sync for the school whose hour it is, which, with nothing changed in FINT, applies itself writing nothing', async () => {
    let started: { id: string }[] = [];
    // the hour may turn between setting it and the job's run: then once more
    for (let attempt = 0; attempt < 2 && started.length === 0; attempt++) {
      const hour = new Date().getUTCHours();
      expect((await admin.request('PUT', '/api/roster-import/schedule', schedule({ nightly: true, hour }))).statusCode).toBe(200);
      await rosterImportJobs[NIGHTLY_JOB]!({}, t.database);
      started = await t.database.query<{ id: string }>(
        "select id from roster_import where owner_id = $1 and school_id = $2 and trigger = 'schedule' and created_by_person_id is null and status = 'reading'",
        [t.demo.ownerId, t.demo.schoolId]);
    }
    expect(started).toHaveLength(1);
    const importId = started[0]!.id;
    expect(await count("select count(*)::int as n from job where kind = $1 and payload->>'importId' = $2 and done_at is null", [READ_JOB, importId])).toBe(1);

    await runRead(t.database, ref(importId));
    const d = await detail(importId);
    expect(d.status, JSON.stringify(d.log)).toBe('applied');
    expect(d).toMatchObject({ source: 'fint', createdBy: null, appliedBy: null });
    for (const [k, c] of Object.entries(d.result!.kinds)) expect([k, c]).toEqual([k, { added: 0, changed: 0, ended: 0 }]);
  });

  it("reads as the connection's settings say: the schools named, the page size, and no timetable when it is off", async () => {
    const put = await admin.request('PUT', '/api/roster-import/schedule', schedule({ schools: ['00000'], pageSize: 7, timetable: false }));
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().fint).toMatchObject({ baseUrl: `${fint.base}/`, schools: ['00000'], pageSize: 7, timetable: false });
    expect((await admin.get('/api/roster-import/schedule')).json().fint).toMatchObject({ schools: ['00000'], pageSize: 7, timetable: false });

    // a county's FINT serves many schools: one the owner's FINT does not have is named, and nothing is applied
    const unknown = (await admin.request('POST', '/api/roster-import/schedule/run', {})).json().id as string;
    await runRead(t.database, ref(unknown));
    const a = await detail(unknown);
    expect(a.status).toBe('ready');
    expect(a.errors.map((e) => e.message).join(' ')).toContain('00000');
    expect((await admin.request('POST', `/api/roster-import/imports/${unknown}/cancel`, {})).statusCode).toBe(200);

    expect((await admin.request('PUT', '/api/roster-import/schedule', schedule({ schools: ['79999'], pageSize: 7, timetable: false }))).statusCode).toBe(200);
    const asked = fint.requests.length;
    const importId = (await admin.request('POST', '/api/roster-import/schedule/run', {})).json().id as string;
    await runRead(t.database, ref(importId));
    const d = await detail(importId);
    expect(d.status, JSON.stringify(d.log)).toBe('applied');
    const requests = fint.requests.slice(asked);
    expect(requests.filter((r) => r.path === '/utdanning/elev/elev').map((r) => new URLSearchParams(r.query).get('size'))).toContain('7');
    expect(requests.filter((r) => r.path === '/utdanning/elev/elev').length).toBeGreaterThan(FINT_STUDENTS / 7);
    expect(requests.some((r) => r.path.startsWith('/utdanning/timeplan/time'))).toBe(false);
    for (const [k, c] of Object.entries(d.result!.kinds)) expect([k, c]).toEqual([k, { added: 0, changed: 0, ended: 0 }]);
    const fragment = await admin.request('PUT', '/api/roster-import/schedule', schedule({ baseUrl: `${fint.base}/#x=1` }), { 'accept-language': 'nn' });
    expect(fragment.statusCode).toBe(400);
    expect(fragment.body).toContain('baseUrl');
    expect(fragment.body).toContain('Adressa kan ikkje innehalde #.');
  });

  it('names the subjects FINT brings without annual hours, which the admin then sets and a later sync keeps', async () => {
    expect((await admin.request('PUT', '/api/roster-import/schedule', schedule())).statusCode).toBe(200);
    // the owner's FINT starts teaching chemistry in one class: a subject Elevlos has never had, and FINT has no hours
    const hrefOf = (links: { href?: unknown }[] | undefined) => String(links?.[0]?.href);
    const chemistryHref = hrefOf(fintFixtures['utdanning/timeplan/fag']![0]!._links!.self).replace(/F-MAT$/, 'F-KJE');
    fintFixtures['utdanning/timeplan/fag']!.push({
      systemId: { identifikatorverdi: 'F-KJE' }, navn: 'Kjemi 1', _links: { self: [{ href: chemistryHref }], grepreferanse: [{ href: 'https://psi.udir.no/kl06/KJE1001' }] },
    });
    fintFixtures['utdanning/timeplan/undervisningsgruppe']![0]!._links!.fag = [{ href: chemistryHref }];
    const first = (await admin.request('POST', '/api/roster-import/schedule/run', {})).json().id as string;
    await runRead(t.database, ref(first));
    const d = await detail(first);
    expect(d.status, JSON.stringify(d.log)).toBe('applied');
    expect(d.preview!.subjectsWithoutHours).toEqual({ count: 1, first: [{ code: 'KJE1001', name: 'Kjemi 1' }] });

    const listed = await admin.get('/api/roster-import/subjects');
    expect(listed.statusCode, listed.body).toBe(200);
    const chemistry = (listed.json().subjects as { id: string; code: string; annualHours: number }[])[0]!;
    expect(chemistry).toMatchObject({ code: 'KJE1001', annualHours: 0 });
    const bad = await admin.request('PUT', `/api/roster-import/subjects/${chemistry.id}`, { annualHours: 0 }, { 'accept-language': 'nn' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field ?? JSON.stringify(bad.json())).toContain('annualHours');
    expect((await teacher.request('PUT', `/api/roster-import/subjects/${chemistry.id}`, { annualHours: 140 })).statusCode).toBe(403);
    const set = await admin.request('PUT', `/api/roster-import/subjects/${chemistry.id}`, { annualHours: 140 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().subjects.find((x: { code: string }) => x.code === 'KJE1001').annualHours).toBe(140);
    expect(await count("select count(*)::int as n from audit_log where action = 'rosterImport.subjectHours' and resource_id = $1", [chemistry.id])).toBe(1);

    const again = (await admin.request('POST', '/api/roster-import/schedule/run', {})).json().id as string;
    await runRead(t.database, ref(again));
    const e = await detail(again);
    expect(e.status, JSON.stringify(e.log)).toBe('applied');
    expect(e.preview!.subjectsWithoutHours).toBeUndefined();
    expect(await count("select annual_hours as n from subject where code = 'KJE1001'")).toBe(140);
  });

  it('stops with a reason the admin can act on when the secret is missing or FINT refuses it, and writes nothing', async () => {
    const links = await count("select count(*)::int as n from roster_link where source = 'fint'");
    expect((await admin.request('PUT', '/api/roster-import/schedule', schedule({ clientSecretEnv: 'FINT_H2_TEST_NOT_SET' }))).statusCode).toBe(200);
    const missing = (await admin.request('POST', '/api/roster-import/schedule/run', {})).json().id as string;
    await runRead(t.database, ref(missing));
    const a = await detail(missing);
    expect(a.status).toBe('failed');
    expect(a.log.at(-1)!.message).toContain('FINT_H2_TEST_NOT_SET');

    process.env.FINT_H2_TEST_WRONG = 'not-the-secret';
    try {
      expect((await admin.request('PUT', '/api/roster-import/schedule', schedule({ clientSecretEnv: 'FINT_H2_TEST_WRONG' }))).statusCode).toBe(200);
      const refused = (await admin.request('POST', '/api/roster-import/schedule/run', {})).json().id as string;
      await runRead(t.database, ref(refused));
      const b = await detail(refused);
      expect(b.status).toBe('failed');
      expect(b.log.at(-1)!.message).toMatch(/FINT refused the login/);
      expect(JSON.stringify(b)).not.toContain('not-the-secret');
    } finally {
      delete process.env.FINT_H2_TEST_WRONG;
    }
    expect(await count("select count(*)::int as n from roster_link where source = 'fint'")).toBe(links);
  });
});
