/**
 * The sync when something is off (issue 13): rows that are wrong, named by file, line and field in the
 * caller's language, applied only when the admin chooses the valid rows; nynorsk and bokmål files; a
 * cancelled import; two imports of one owner at once; the audit of an apply; a teacher who tries; and
 * uploads that are not what they should be — a failed import with a reason in its log, never a 500.
 */
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCHOOL_NAME } from '../../seed/demo.js';
import { testApp, type Client, type TestApp } from '../../test/harness.js';
import { writeCsvSet } from './adapters/csv/write.js';
import { smallSchoolRoster } from './fixtures.js';
import { waitForImportLock } from './queries/imports.js';
import type { Roster } from './roster.js';
import { runApply, runRead } from './sync/run.js';
import { apply, detail, grown, kindOf, requestApply, rowCounts, until, uploadAndRead, uploadFiles, uploadRowOf } from './syncTesting.js';

let t: TestApp;
let admin: Client;
const base = () => smallSchoolRoster({ schoolName: DEMO_SCHOOL_NAME, className: '1ERR', prefix: 'E' });
/** the school's export as it stands (what each test applies stays in it, as in the administrative system) */
const current = base();
const withChanges = (change: (r: Roster) => void): Roster => {
  const r = structuredClone(current);
  change(r);
  return r;
};

/** A new student in 1ERR with the first family's mother as guardian (the rows at the end of their files). */
function addStudent(r: Roster, n: number, change: { studentId?: string; startsOn?: string } = {}): void {
  const line = (xs: readonly unknown[]) => ({ line: xs.length + 2 });
  r.people.push({
    sourceId: `E-P-E${n}`, givenName: 'Ny', familyName: `Elev${n}`, birthDate: '2010-05-05', nationalIdentityNumber: null, email: null, phone: null,
    streetAddress: null, postalCode: null, city: null, addressProtection: 'none', feideId: null, at: { file: 'personer.csv', ...line(r.people) },
  });
  r.students.push({
    sourceId: change.studentId ?? `E-E${n}`, personId: `E-P-E${n}`, schoolId: 'E-S1', departmentId: 'E-D1', level: 'vg1', programme: 'general', status: 'active',
    at: { file: 'elever.csv', ...line(r.students) },
  });
  r.guardianships.push({
    sourceId: `E-G${n}`, studentId: `E-E${n}`, guardianPersonId: 'E-P-M0', relation: 'mother', parentalResponsibility: true, livesWith: true,
    at: { file: 'foresatte.csv', ...line(r.guardianships) },
  });
  r.enrolments.push({
    sourceId: `E-M${n}`, studentId: `E-E${n}`, group: { kind: 'basis', id: 'E-B1' }, startsOn: change.startsOn ?? '2026-08-19', endsOn: null,
    at: { file: 'medlemskap.csv', ...line(r.enrolments) },
  });
}

const studentsNamed = async (familyName: string) =>
  (await t.database.query<{ n: number }>('select count(*)::int as n from student s join person p on p.id = s.person_id where p.family_name = $1', [familyName]))[0]!.n;

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('skoleadmin');
});
afterAll(async () => t?.close());

describe('the plain CSV set in nynorsk and bokmål', () => {
  it('a set with nynorsk file names, headers and words is read like the bokmål one: the same records, nothing to change the second time', async () => {
    const nn = writeCsvSet(current, { lang: 'nn' });
    expect(nn.map((f) => f.name)).toContain('elevar.csv');
    const first = await uploadFiles(t, admin, nn);
    expect(first.errors).toEqual([]);
    expect(first.files.every((f) => f.kind !== null)).toBe(true);
    expect(kindOf(first, 'students').added).toBe(4);
    expect((await apply(t, admin, first.id)).status).toBe('applied');

    const nb = await uploadFiles(t, admin, writeCsvSet(current, { lang: 'nb', delimiter: ',', bom: true }));
    expect(nb.errors).toEqual([]);
    expect(nb.preview!.total).toBe(0);
    expect(kindOf(nb, 'students').unchanged).toBe(4);
  });
});

describe('one CSV file on its own', () => {
  it('uploaded as text/csv, it changes its own kind and ends nothing of the kinds it does not hold', async () => {
    const r = withChanges((x) => { x.students[1]!.level = 'vg2'; });
    const [elever] = writeCsvSet(r, { kinds: ['students'], lang: 'nn' });
    const res = await admin.request('POST', '/api/roster-import/imports?file=elevar.csv', elever!.content, { 'content-type': 'text/csv' });
    expect(res.statusCode, res.body).toBe(202);
    await runRead(t.database, { ownerId: t.demo.ownerId, importId: res.json().id });
    const d = await detail(admin, res.json().id);
    expect(d.errors).toEqual([]);
    expect(d.files).toEqual([{ name: 'elevar.csv', kind: 'students', rows: 4 }]);
    expect(kindOf(d, 'students')).toMatchObject({ changed: 1, unchanged: 3, ended: 0 });
    for (const k of d.preview!.kinds) expect(k.ended, k.kind).toBe(0);
    await apply(t, admin, d.id);
    const [row] = await t.database.query<{ level: string }>(
      "select s.level from roster_link l join student s on s.id = l.local_id where l.kind = 'students' and l.source_id = 'E-E1'");
    expect(row!.level).toBe('vg2');
    current.students[1]!.level = 'vg2';
  });
});

describe('rows that are wrong', () => {
  let importId: string;
  const wrong = () => withChanges((r) => {
    addStudent(r, 9, { studentId: '' }); // elever.csv line 6: no id; its guardian and enrolment point at nothing
    addStudent(r, 10); // valid
    r.enrolments.push({ sourceId: 'E-M-BAD', studentId: 'E-E0', group: { kind: 'basis', id: 'E-B1' }, startsOn: '2026-02-31', endsOn: null, at: { file: 'medlemskap.csv', line: 0 } });
    r.enrolments.push({ sourceId: 'E-M-NOGROUP', studentId: 'E-E0', group: { kind: 'teaching', id: 'E-U-NOPE' }, startsOn: '2026-08-19', endsOn: null, at: { file: 'medlemskap.csv', line: 0 } });
    r.guardianships.push({ sourceId: 'E-G-NOPE', studentId: 'E-NOPE', guardianPersonId: 'E-P-F0', relation: 'father', parentalResponsibility: true, livesWith: false, at: { file: 'foresatte.csv', line: 0 } });
  });

  it('are reported with file, line and field, in the caller\'s language (nb and en)', async () => {
    const d = await uploadFiles(t, admin, writeCsvSet(wrong()));
    importId = d.id;
    expect(d.status).toBe('ready');
    expect(d.errorCount).toBe(6);
    const lines = (x: typeof d) => x.errors.map((e) => `${e.file}:${e.line} ${e.field}: ${e.message}`).sort();
    expect(lines(d)).toEqual([
      'elever.csv:6 id: Må fylles ut.',
      'foresatte.csv:10 elev: Id-en E-E9 finnes ikke i filene og er ikke importert før.',
      'foresatte.csv:12 elev: Id-en E-NOPE finnes ikke i filene og er ikke importert før.',
      'medlemskap.csv:14 elev: Id-en E-E9 finnes ikke i filene og er ikke importert før.',
      'medlemskap.csv:16 startdato: Er ikke en dato (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ).',
      'medlemskap.csv:17 undervisningsgruppe: Id-en E-U-NOPE finnes ikke i filene og er ikke importert før.',
    ]);
    expect(lines(await detail(admin, importId, 'en'))).toEqual([
      'elever.csv:6 id: Is required.',
      'foresatte.csv:10 studentId: The id E-E9 is not in the files and was not imported before.',
      'foresatte.csv:12 studentId: The id E-NOPE is not in the files and was not imported before.',
      'medlemskap.csv:14 studentId: The id E-E9 is not in the files and was not imported before.',
      'medlemskap.csv:16 startsOn: Is not a date (YYYY-MM-DD or DD.MM.YYYY).',
      'medlemskap.csv:17 teachingGroupId: The id E-U-NOPE is not in the files and was not imported before.',
    ]);
  });

  it('an apply without onlyValid is refused with a 400 naming onlyValid, and nothing is written', async () => {
    const before = await rowCounts(t.database);
    const res = await admin.request('POST', `/api/roster-import/imports/${importId}/apply`, {}, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'onlyValid', message: expect.stringMatching(/^The import has rows with errors/) }]);
    expect((await detail(admin, importId)).status).toBe('ready');
    expect(await rowCounts(t.database)).toEqual(before);
  });

  it('with onlyValid only the valid rows are written, and not those that point at a wrong one', async () => {
    const before = await rowCounts(t.database);
    const done = await apply(t, admin, importId, true);
    expect(done.status, JSON.stringify(done.log)).toBe('applied');
    expect(done.onlyValid).toBe(true);
    expect(done.log.at(-1)!.message).toMatch(/\(6 rader med feil hoppet over\)/);
    // the valid new student with guardian and enrolment; the student without id has a person but no student, guardian or enrolment
    expect(grown(before, await rowCounts(t.database))).toEqual({ person: 2, student: 1, guardianship: 1, enrolment: 1 });
    expect(await studentsNamed('Elev10')).toBe(1);
    expect(await studentsNamed('Elev9')).toBe(0);
    const [bad] = await t.database.query<{ n: number }>("select count(*)::int as n from enrolment where starts_on < '2026-08-19'");
    expect(bad!.n).toBe(0);
    addStudent(current, 10);
  });

  it('the apply is on the audit log with who applied it and what it wrote', async () => {
    const rows = await t.database.query<{ actor_person_id: string; reason_params: { counts?: string } }>(
      "select actor_person_id, reason_params from audit_log where action = 'rosterImport.apply' and resource_id = $1 order by id", [importId]);
    const skoleadmin = t.demo.logins.find((l) => l.username === 'skoleadmin')!.personId;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.actor_person_id === skoleadmin)).toBe(true);
    expect(rows.some((r) => r.reason_params.counts?.includes('students:+1/~0/-0'))).toBe(true);
    expect((await detail(admin, importId)).appliedBy).toBe(t.demo.logins.find((l) => l.username === 'skoleadmin')!.name);
  });
});

describe('a row that cannot be read is no reason to end what it holds', () => {
  const statusOf = async (sourceId: string) => (await t.database.query<{ status: string; open: number }>(
    `select s.status, (select count(*)::int from enrolment e where e.student_id = s.id and e.ends_on is null) as open
     from roster_link l join student s on s.id = l.local_id where l.kind = 'students' and l.source_id = $1`, [sourceId]))[0]!;

  it('a student whose row has an error is neither changed nor ended when only the valid rows are applied', async () => {
    expect(await statusOf('E-E0')).toEqual({ status: 'active', open: 3 });
    const r = withChanges((x) => {
      (x.students[0] as { level: string }).level = 'vg7';
      x.people.find((p) => p.sourceId === 'E-P-E1')!.givenName = 'Endret';
    });
    const d = await uploadFiles(t, admin, writeCsvSet(r));
    expect(d.errors.map((e) => `${e.file}:${e.line} ${e.field}`)).toEqual(['elever.csv:2 trinn']);
    expect(kindOf(d, 'students')).toMatchObject({ changed: 0, ended: 0 });
    expect(kindOf(d, 'people').changed).toBe(1);
    const done = await apply(t, admin, d.id, true);
    expect(done.status, JSON.stringify(done.log)).toBe('applied');
    expect(await statusOf('E-E0')).toEqual({ status: 'active', open: 3 });
    expect(await studentsNamed(r.people.find((p) => p.sourceId === 'E-P-E1')!.familyName)).toBeGreaterThan(0);
  });

  it('a file whose header cannot be read ends none of its kind', async () => {
    const files = writeCsvSet(current).map((f) => (f.name === 'elever.csv'
      ? { ...f, content: Buffer.from(f.content.toString('utf8').replace(';trinn;', ';klassetrinnet;')) } : f));
    const d = await uploadFiles(t, admin, files, 'en');
    expect(d.errors.map((e) => `${e.file}:${e.line} ${e.field}: ${e.message}`)).toEqual([expect.stringMatching(/^elever\.csv:1 level: /)]);
    expect(kindOf(d, 'students')).toMatchObject({ unchanged: 0, ended: 0 });
    expect((await apply(t, admin, d.id, true)).status).toBe('applied');
    expect(await statusOf('E-E0')).toEqual({ status: 'active', open: 3 });
  });
});

describe('cancel, and who may import', () => {
  it('a cancelled import writes nothing, its uploaded files are deleted, and an apply after it is refused with 409', async () => {
    const d = await uploadFiles(t, admin, writeCsvSet(withChanges((r) => addStudent(r, 20))));
    expect(kindOf(d, 'students').added).toBe(1);
    expect(await uploadRowOf(t.database, d.id)).toBe(1);
    const before = await rowCounts(t.database);
    const cancelled = await admin.request('POST', `/api/roster-import/imports/${d.id}/cancel`, {}, { 'accept-language': 'en' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    expect(cancelled.json().log.at(-1).message).toMatch(/cancelled the import\. Nothing was changed\.$/);
    expect(await uploadRowOf(t.database, d.id)).toBe(0);
    const late = await admin.request('POST', `/api/roster-import/imports/${d.id}/apply`, { onlyValid: false });
    expect(late.statusCode).toBe(409);
    await runApply(t.database, { ownerId: t.demo.ownerId, importId: d.id });
    expect(await rowCounts(t.database)).toEqual(before);
    expect(await studentsNamed('Elev20')).toBe(0);
  });

  it('a teacher who uploads files is refused with 403, and cannot read an import either', async () => {
    const teacher = await t.login('kontaktlarer');
    const zip = Buffer.from(zipSync({ 'elever.csv': new Uint8Array(writeCsvSet(base(), { kinds: ['students'] })[0]!.content) }));
    expect((await teacher.request('POST', '/api/roster-import/imports', zip, { 'content-type': 'application/zip' })).statusCode).toBe(403);
    const [any] = await t.database.query<{ id: string }>('select id from roster_import limit 1');
    expect((await teacher.get(`/api/roster-import/imports/${any!.id}`)).statusCode).toBe(403);
  });
});

describe('two imports of the same owner', () => {
  it('applied at once, the second waits for the first and then finds nothing left to write', async () => {
    addStudent(current, 30);
    const files = writeCsvSet(current);
    const [a, b] = [await uploadFiles(t, admin, files), await uploadFiles(t, admin, files)];
    expect([kindOf(a, 'students').added, kindOf(b, 'students').added]).toEqual([1, 1]);
    await Promise.all([requestApply(admin, a.id), requestApply(admin, b.id)]);
    await Promise.all([runApply(t.database, { ownerId: t.demo.ownerId, importId: a.id }), runApply(t.database, { ownerId: t.demo.ownerId, importId: b.id })]);
    const [da, db] = [await detail(admin, a.id), await detail(admin, b.id)];
    expect([da.status, db.status]).toEqual(['applied', 'applied']);
    const added = [da, db].map((x) => x.result!.kinds.students!.added).sort();
    expect(added).toEqual([0, 1]);
    expect(await studentsNamed('Elev30')).toBe(1);
  });

  it.runIf(!!process.env.DATABASE_URL)('while another import holds the owner\'s lock, an apply says it waits and writes nothing until the lock is free (PostgreSQL)', async () => {
    addStudent(current, 31);
    const d = await uploadFiles(t, admin, writeCsvSet(current));
    expect(kindOf(d, 'students').added).toBe(1);
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    let held!: () => void;
    const isHeld = new Promise<void>((resolve) => { held = resolve; });
    const holder = t.database.transaction(async (tx) => {
      await waitForImportLock(tx, t.demo.ownerId);
      held();
      await released;
    });
    await isHeld;
    await requestApply(admin, d.id);
    const applying = runApply(t.database, { ownerId: t.demo.ownerId, importId: d.id });
    await until(async () => (await detail(admin, d.id)).progress.phase === 'waiting', 'the apply says it waits');
    expect(await studentsNamed('Elev31')).toBe(0);
    expect((await detail(admin, d.id)).status).toBe('applying');
    release();
    await holder;
    await applying;
    expect((await detail(admin, d.id)).status).toBe('applied');
    expect(await studentsNamed('Elev31')).toBe(1);
  });
});

describe('uploads that are not a roster', () => {
  const failed = async (body: Buffer) => {
    const before = await rowCounts(t.database);
    const d = await uploadAndRead(t, admin, body, 'en');
    expect(d.status).toBe('failed');
    expect(await uploadRowOf(t.database, d.id)).toBe(0);
    expect(await rowCounts(t.database)).toEqual(before);
    return d.log.at(-1)!.message;
  };

  it('a file that is not a zip gives a failed import with the reason in its log', async () => {
    expect(await failed(Buffer.from('fornavn;etternavn\nOla;Nordmann\n'))).toBe('What was uploaded is neither CSV files nor a zip file.');
  });

  it('an empty zip, and a zip without CSV files, give a failed import with the reason in its log', async () => {
    expect(await failed(Buffer.from(zipSync({})))).toBe('The zip file is empty.');
    expect(await failed(Buffer.from(zipSync({ 'elever.pdf': new Uint8Array([37, 80, 68, 70]) })))).toBe('The zip file holds no CSV files.');
  });

  it('an empty body, and one CSV file without its name, are refused with a 400 naming the field', async () => {
    const empty = await admin.request('POST', '/api/roster-import/imports', Buffer.alloc(0), { 'content-type': 'application/zip', 'accept-language': 'en' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors.map((e: { field: string }) => e.field)).toEqual(['body']);
    const csv = await admin.request('POST', '/api/roster-import/imports', Buffer.from('id;person\n'), { 'content-type': 'text/csv', 'accept-language': 'en' });
    expect(csv.statusCode).toBe(400);
    expect(csv.json().errors.map((e: { field: string }) => e.field)).toEqual(['file']);
  });
});
