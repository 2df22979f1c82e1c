/**
 * `npm run bench -- roster-import --students 100000`: a county's OneRoster 1.2 zip (students, their
 * guardians, classes, teaching groups, enrolments, contact and subject teachers; countyRoster in
 * server/features/rosterImport/adapters/oneRoster/fixtures.ts) imported into an empty school owner by the
 * app's own jobs, in this process (`runRead` = read + check + plan + preview, `runApply` = check + plan
 * again + write, the reading kept from the read job as the app keeps it; as the job queue runs them, no
 * HTTP), then a re-sync of the county's next export with 1 % of the
 * students changed: moved class, new address, left, new. Each answer is verified — the database's rows
 * against the roster's counts, the preview's and the apply's added/changed/ended per kind against a diff
 * of the two rosters made here, record by record — and a run with a wrong answer fails and records
 * nothing. Writes bench/results-roster-import.json (`--out`). See bench/README.md.
 */
import { writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pg from 'pg';
import { openDatabase, type Database, type QueryFn } from '../server/core/db/client.js';
import { countyRoster, writeOneRosterZip } from '../server/features/rosterImport/adapters/oneRoster/index.js';
import * as imports from '../server/features/rosterImport/queries/imports.js';
import type { Roster, RosterKind } from '../server/features/rosterImport/roster.js';
import type { ImportDetail } from '../server/features/rosterImport/schemas.js';
import type { ApplyResult } from '../server/features/rosterImport/sync/apply.js';
import { OWNER_LEVEL } from '../server/features/rosterImport/sync/model.js';
import { runApply, runRead } from '../server/features/rosterImport/sync/run.js';
import { repoRoot } from './child.js';
import { CpuMeter, processMemoryMb, type CpuDelta } from './cpu.js';

const TARGET_FIRST_MS = 60_000;
const TARGET_RESYNC_MS = 15_000;
const TODAY = '2026-11-25';

const log = (line = '') => console.log(line);
const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface Options {
  students: number; seed: number; changePercent: number; out: string; keep: boolean; databaseUrl: string | undefined;
  /** time every statement the jobs send, and print the costliest: where an import's database time goes */
  statements: boolean;
}

function options(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv, strict: true,
    options: {
      students: { type: 'string' }, seed: { type: 'string' }, 'change-percent': { type: 'string' }, out: { type: 'string' }, keep: { type: 'boolean' },
      statements: { type: 'boolean' },
    },
  });
  const students = Number(values.students ?? 100_000);
  const changePercent = Number(values['change-percent'] ?? 1);
  if (!Number.isInteger(students) || students < 100) throw new Error('--students takes a whole number ≥ 100');
  if (!(changePercent > 0 && changePercent <= 50)) throw new Error('--change-percent takes a number in (0, 50]');
  return {
    students, seed: Number(values.seed ?? 1), changePercent, out: values.out ?? 'bench/results-roster-import.json', keep: values.keep ?? false,
    databaseUrl: process.env.DATABASE_URL, statements: values.statements ?? false,
  };
}

// ---------------------------------------------------------------------------------------------
// The county's next export: 1 % of the students changed, a quarter each way.

const withoutPlace = ({ at: _at, ...rest }: { at: unknown }) => JSON.stringify(rest);

/**
 * The next export: a quarter of the changed students moved class (their enrolment there ends, a new one
 * begins), a quarter got a new address and phone, a quarter left (gone from the export), a quarter are new.
 */
export function nextExport(r: Roster, percent: number): { roster: Roster; made: Record<string, number> } {
  const next: Roster = structuredClone(r);
  const quarter = Math.max(1, Math.round((r.students.length * percent) / 100 / 4));
  const step = Math.floor(r.students.length / (quarter * 3));
  const pick = (k: number) => r.students[(k * step * 3 + Math.floor(step / 2)) % r.students.length]!;
  const moved = new Set<string>(); const readdressed = new Set<string>(); const left = new Set<string>();
  for (let k = 0; k < quarter; k++) {
    moved.add(pick(k * 3).sourceId); readdressed.add(pick(k * 3 + 1).sourceId); left.add(pick(k * 3 + 2).sourceId);
  }
  const groupsOf = new Map<string, string[]>();
  for (const g of r.basisGroups) groupsOf.set(`${g.schoolId}/${g.level}`, [...(groupsOf.get(`${g.schoolId}/${g.level}`) ?? []), g.sourceId]);
  const basisOf = new Map(r.basisGroups.map((g) => [g.sourceId, g]));
  const studentOf = new Map(r.students.map((s) => [s.sourceId, s]));
  const newEnrolments: Roster['enrolments'] = [];
  for (const e of next.enrolments) {
    if (!moved.has(e.studentId) || e.group.kind !== 'basis') continue;
    const from = basisOf.get(e.group.id)!;
    const same = groupsOf.get(`${from.schoolId}/${from.level}`)!;
    const to = same[(same.indexOf(from.sourceId) + 1) % same.length]!;
    e.endsOn = TODAY;
    newEnrolments.push({ ...e, sourceId: `${e.sourceId}-moved`, group: { kind: 'basis', id: to }, startsOn: TODAY, endsOn: null });
  }
  next.enrolments.push(...newEnrolments);
  for (const p of next.people) {
    if (!readdressed.has(p.sourceId)) continue;
    p.streetAddress = `Flyttevegen ${p.sourceId.length}`; p.postalCode = '9990'; p.city = 'Nyby'; p.phone = '+4799999999';
  }
  next.students = next.students.filter((s) => !left.has(s.sourceId));
  next.enrolments = next.enrolments.filter((e) => !left.has(e.studentId));
  next.guardianships = next.guardianships.filter((g) => !left.has(g.studentId));
  // those who left are not in the export at all: nor are their guardians, who have no other child at the county's schools
  const stays = new Set([...next.students.map((x) => x.personId), ...next.guardianships.map((g) => g.guardianPersonId), ...next.staff.map((x) => x.personId)]);
  next.people = next.people.filter((p) => stays.has(p.sourceId));
  // the new students: a county of `quarter` made with another seed, given ids of their own, in the first school's first classes
  const newcomers = countyRoster({ students: quarter, seed: 777 });
  const school = r.schools[0]!.sourceId;
  const rename = (id: string) => `new-${id}`;
  const groupMap = (id: string) => `${school}-${id.replace(/^sch-0-/, '')}`;
  for (const p of newcomers.people) {
    if (!newcomers.students.some((s) => s.personId === p.sourceId) && !newcomers.guardianships.some((g) => g.guardianPersonId === p.sourceId)) continue;
    next.people.push({ ...p, sourceId: rename(p.sourceId), feideId: p.feideId ? `new-${p.feideId}` : null, nationalIdentityNumber: null });
  }
  for (const s of newcomers.students) next.students.push({ ...s, sourceId: rename(s.sourceId), personId: rename(s.personId), schoolId: school, departmentId: studentOf.get(r.students[0]!.sourceId)!.departmentId });
  for (const g of newcomers.guardianships) next.guardianships.push({ ...g, sourceId: rename(g.sourceId), studentId: rename(g.studentId), guardianPersonId: rename(g.guardianPersonId) });
  for (const e of newcomers.enrolments) next.enrolments.push({ ...e, sourceId: rename(e.sourceId), studentId: rename(e.studentId), group: { kind: e.group.kind, id: groupMap(e.group.id) }, startsOn: TODAY });
  return { roster: next, made: { moved: moved.size, readdressed: readdressed.size, left: left.size, new: newcomers.students.length } };
}

type Counts = { added: number; changed: number; ended: number };

/** What a sync from `before` to `after` must do per kind, record by record (the sync's own planner is not used). */
export function expectedChanges(before: Roster, after: Roster): Partial<Record<RosterKind, Counts>> {
  const out: Partial<Record<RosterKind, Counts>> = {};
  for (const kind of Object.keys(after) as RosterKind[]) {
    const old = new Map((before[kind] as { sourceId: string; at: unknown }[]).map((x) => [x.sourceId, withoutPlace(x)]));
    const c: Counts = { added: 0, changed: 0, ended: 0 };
    const seen = new Set<string>();
    for (const x of after[kind] as { sourceId: string; at: unknown }[]) {
      seen.add(x.sourceId);
      const was = old.get(x.sourceId);
      if (was === undefined) c.added++;
      else if (was !== withoutPlace(x)) c.changed++;
    }
    // a student who left keeps their guardians as they were (docs/import.md): only a guardianship of a student still there ends
    const stays = kind === 'guardianships' ? new Set(after.students.map((s) => s.sourceId)) : null;
    const studentOf = kind === 'guardianships' ? new Map(before.guardianships.map((g) => [g.sourceId, g.studentId])) : null;
    if (!OWNER_LEVEL.has(kind)) for (const id of old.keys()) if (!seen.has(id) && (!stays || stays.has(studentOf!.get(id)!))) c.ended++;
    out[kind] = c;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Verification

/**
 * Collects what making the data left behind and resets the peak (Linux's VmHWM), so the peak reported is
 * the import's; where /proc does not allow it, the peak includes making the data.
 */
function startMemoryAfresh(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    /* not Linux */
  }
}

type KindCounts = Record<RosterKind, number>;
const countsOf = (r: Roster): KindCounts => Object.fromEntries(Object.entries(r).map(([k, xs]) => [k, (xs as unknown[]).length])) as KindCounts;

/** The two exports as zips, what the sync must do with each, and the first's counts. */
function exports(opts: Options) {
  const county = countyRoster({ students: opts.students, seed: opts.seed });
  const { roster: next, made } = nextExport(county, opts.changePercent);
  const none = Object.fromEntries(Object.keys(county).map((k) => [k, []])) as unknown as Roster;
  return {
    zip: writeOneRosterZip(county), nextZip: writeOneRosterZip(next), made, expected: expectedChanges(county, next), firstExpected: expectedChanges(none, county),
    counts: countsOf(county),
  };
}

/** Rows of the owner per table that the roster's counts say there must be. */
async function checkCounts(database: Database, ownerId: string, r: KindCounts, extraSchools: number): Promise<string[]> {
  const want: Record<string, number> = {
    school: r.schools + extraSchools, department: r.departments, school_year: r.schoolYears, term: r.terms, subject: r.subjects,
    person: r.people, student: r.students, guardianship: r.guardianships, staff_member: r.staff,
    basis_group: r.basisGroups, teaching_group: r.teachingGroups, enrolment: r.enrolments,
    contact_teacher_assignment: r.contactTeachers, subject_teacher_assignment: r.subjectTeachers,
  };
  const wrong: string[] = [];
  for (const [table, n] of Object.entries(want)) {
    const [row] = await database.query<{ n: number }>(`select count(*)::int as n from ${table} where owner_id = $1`, [ownerId]);
    if (row!.n !== n) wrong.push(`${table}: ${row!.n} in the database, ${n} in the roster`);
  }
  return wrong;
}

function compareKinds(what: string, got: Partial<Record<string, Counts>>, want: Partial<Record<RosterKind, Counts>>): string[] {
  const wrong: string[] = [];
  for (const [kind, c] of Object.entries(want)) {
    const g = got[kind] ?? { added: 0, changed: 0, ended: 0 };
    if (g.added !== c!.added || g.changed !== c!.changed || g.ended !== c!.ended) {
      wrong.push(`${what} ${kind}: +${g.added}/~${g.changed}/-${g.ended}, expected +${c!.added}/~${c!.changed}/-${c!.ended}`);
    }
  }
  return wrong;
}

// ---------------------------------------------------------------------------------------------
// --statements: the jobs' statements timed one by one (the Database they get is wrapped; the app's code is as ever)

class StatementTimes {
  private readonly byText = new Map<string, { n: number; ms: number }>();

  private timed(q: QueryFn): QueryFn {
    return (async (text: string, params?: unknown[]) => {
      const t = performance.now();
      try {
        return await q(text, params);
      } finally {
        const key = text.replace(/\s+/g, ' ').trim().slice(0, 110);
        const e = this.byText.get(key) ?? { n: 0, ms: 0 };
        e.n++;
        e.ms += performance.now() - t;
        this.byText.set(key, e);
      }
    }) as QueryFn;
  }

  wrap(database: Database): Database {
    return { ...database, query: this.timed(database.query), transaction: (fn) => database.transaction((tx) => fn(this.timed(tx))) };
  }

  print(title: string): void {
    const all = [...this.byText].sort((a, b) => b[1].ms - a[1].ms);
    const total = all.reduce((n, [, e]) => n + e.ms, 0);
    log(`  ${title}: ${s1(total)} in ${all.reduce((n, [, e]) => n + e.n, 0)} statements; the costliest:`);
    for (const [text, e] of all.slice(0, 12)) log(`    ${s1(e.ms).padStart(8)} ${String(e.n).padStart(5)}×  ${text}`);
    this.byText.clear();
  }
}

// ---------------------------------------------------------------------------------------------

interface Step { wallMs: number; benchCpuMs: number; dbCpuMs: number | null }
const step = (d: CpuDelta): Step => ({ wallMs: Math.round(d.wallMs), benchCpuMs: Math.round(d.benchMs), dbCpuMs: d.dbMs === null ? null : Math.round(d.dbMs) });

interface SyncRun { read: Step; apply: Step; totalMs: number; preview: ImportDetail['preview']; result: ApplyResult; rows: number }

/** One import the way the app runs it: the upload stored, the read job, the apply job (its own transaction under the owner's lock). */
async function sync(
  plain: Database, meter: CpuMeter, ownerId: string, schoolId: string, zip: Buffer, times: StatementTimes | null, onlyRead?: (s: Step) => void,
): Promise<SyncRun> {
  const database = times ? times.wrap(plain) : plain;
  const importId = randomUUID();
  await imports.insertImport(database.query, ownerId, importId, { schoolId, source: 'csv', trigger: 'upload', createdByPersonId: null, log: [] });
  await imports.insertUpload(database.query, ownerId, importId, zip);
  let before = await meter.snapshot(null);
  await runRead(database, { ownerId, importId });
  const read = step(await meter.since(before, null));
  onlyRead?.(read);
  times?.print('the read job\'s statements');
  const imp = (await imports.importById(database.query, ownerId, importId))!;
  if (imp.status !== 'ready') throw new Error(`the read job ended ${imp.status}: ${JSON.stringify(imp.log)}`);
  if (imp.errorCount > 0) throw new Error(`the reading has ${imp.errorCount} errors, e.g. ${JSON.stringify((imp.errors as unknown[]).slice(0, 3))}`);
  if (!await imports.markApplyingBySchedule(database.query, ownerId, importId, [])) throw new Error('the import could not be applied');
  before = await meter.snapshot(null);
  await runApply(database, { ownerId, importId });
  const apply = step(await meter.since(before, null));
  times?.print('the apply job\'s statements');
  const done = (await imports.importById(database.query, ownerId, importId))!;
  if (done.status !== 'applied') throw new Error(`the apply job ended ${done.status}: ${JSON.stringify(done.log)}`);
  const preview = imp.preview as ImportDetail['preview'];
  return { read, apply, totalMs: read.wallMs + apply.wallMs, preview, result: done.result as ApplyResult, rows: preview?.total ?? 0 };
}

const previewCounts = (p: ImportDetail['preview']) => Object.fromEntries((p?.kinds ?? []).map((k) => [k.kind, { added: k.added, changed: k.changed, ended: k.ended }]));

export async function rosterImportBench(argv: string[]): Promise<number> {
  const opts = options(argv);
  process.env.ELEVLOS_TODAY = TODAY;
  const kind = opts.databaseUrl ? 'postgres' : 'pglite';
  log(`Roster import bench: a county of ${opts.students} students as OneRoster 1.2, ${kind}, re-sync with ${opts.changePercent} % changed, ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);

  const t = performance.now();
  // the rosters are made, written and diffed first, and only their counts kept: the process then holds what the app would
  const { zip, nextZip, made, expected, firstExpected, counts } = exports(opts);
  startMemoryAfresh();
  log(`Data: ${counts.people} people, ${counts.enrolments} enrolments, zip ${(zip.length / 1e6).toFixed(1)} MB; next export ${JSON.stringify(made)} (made in ${s1(performance.now() - t)}, not timed)`);

  let database: Database;
  let dropDb = async () => {};
  let runId: string | null = null;
  if (opts.databaseUrl) {
    runId = `elevlos_bench_import_${new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14)}`;
    const admin = new pg.Client({ connectionString: opts.databaseUrl });
    await admin.connect();
    await admin.query(`create database ${runId}`);
    await admin.end();
    const u = new URL(opts.databaseUrl);
    u.pathname = `/${runId}`;
    database = await openDatabase({ databaseUrl: u.href, poolSize: 5 });
    if (!opts.keep) {
      dropDb = async () => {
        const a = new pg.Client({ connectionString: opts.databaseUrl });
        await a.connect();
        await a.query(`drop database if exists ${runId} with (force)`);
        await a.end();
      };
    }
  } else {
    database = await openDatabase({});
  }
  const meter = await CpuMeter.open(opts.databaseUrl, runId);
  const times = opts.statements ? new StatementTimes() : null;
  let code = 1;
  try {
    // an empty owner whose first admin made one school by hand; the county's schools are all new to it
    const ownerId = randomUUID();
    const schoolId = randomUUID();
    await database.query("insert into school_owner (id, name, kind) values ($1, 'Fylkeskommunen', 'county')", [ownerId]);
    await database.query("insert into school (owner_id, id, name, stage) values ($1, $2, 'Fylkeskommunens skolekontor', 'upperSecondary')", [ownerId, schoolId]);

    log('First import into the empty owner …');
    const first = await sync(database, meter, ownerId, schoolId, zip, times, (r) => log(`  read + check + preview: ${s1(r.wallMs)}`));
    log(`  apply (check + plan + write): ${s1(first.apply.wallMs)}; total ${s1(first.totalMs)}`);
    const wrong = [
      ...await checkCounts(database, ownerId, counts, counts.schools === 1 ? 0 : 1),
      ...compareKinds('first preview', previewCounts(first.preview), firstExpected),
      ...compareKinds('first apply', first.result.kinds, firstExpected),
    ];
    const memoryAfterFirst = processMemoryMb(process.pid);

    log(`Re-sync with ${opts.changePercent} % of the students changed …`);
    const resync = await sync(database, meter, ownerId, schoolId, nextZip, times, (r) => log(`  read + check + preview: ${s1(r.wallMs)}`));
    log(`  apply: ${s1(resync.apply.wallMs)}; total ${s1(resync.totalMs)}`);
    wrong.push(
      ...compareKinds('re-sync preview', previewCounts(resync.preview), expected),
      ...compareKinds('re-sync apply', resync.result.kinds, expected),
    );
    // students and people are never deleted, nor enrolments that began: those who left are there still, as having left
    const rows = async (sql: string) => (await database.query<{ n: number }>(sql, [ownerId]))[0]!.n;
    const after = {
      student: [await rows('select count(*)::int as n from student where owner_id = $1'), counts.students + expected.students!.added],
      person: [await rows('select count(*)::int as n from person where owner_id = $1'), counts.people + expected.people!.added],
      enrolment: [await rows('select count(*)::int as n from enrolment where owner_id = $1'), counts.enrolments + expected.enrolments!.added],
      left: [await rows("select count(*)::int as n from student where owner_id = $1 and status = 'left'"), made.left!],
    };
    for (const [what, [got, want]] of Object.entries(after)) if (got !== want) wrong.push(`after the re-sync, ${what}: ${got} in the database, ${want} expected`);
    if (wrong.length) {
      log('\nWRONG ANSWER (nothing recorded):');
      for (const w of wrong) log(`  ${w}`);
      return 1;
    }
    log('Verified: the database holds the roster; the previews and applies added, changed and ended exactly what the exports differ by.');

    const memory = processMemoryMb(process.pid);
    const results = {
      kind: 'rosterImport',
      date: new Date().toISOString(),
      machine: { cores: cpus().length, memoryGb: Math.round(totalmem() / 1e9), loadAverageAtEnd: loadavg().map((x) => Number(x.toFixed(2))) },
      database: kind,
      how: 'in-process: the app\'s own read and apply jobs (runRead, then runApply at once) on the Database abstraction, no HTTP; the apply takes the reading the read job kept (adapters/index.ts) and checks and plans again inside its transaction',
      data: { ...counts, zipMb: Number((zip.length / 1e6).toFixed(1)) },
      firstImport: { readAndPreview: first.read, apply: first.apply, totalMs: first.totalMs, targetMs: TARGET_FIRST_MS, meetsTarget: first.totalMs <= TARGET_FIRST_MS, rows: first.rows },
      resync: {
        changes: made, expected, readAndPreview: resync.read, apply: resync.apply, totalMs: resync.totalMs, targetMs: TARGET_RESYNC_MS,
        meetsTarget: resync.totalMs <= TARGET_RESYNC_MS,
      },
      memoryMb: { afterFirstImport: memoryAfterFirst, atEnd: memory, note: 'the bench process (RSS; peak = VmHWM): the import in the app\'s code, plus both zips; the generated rosters are made and dropped before the first import' },
      verified: true,
    };
    const out = isAbsolute(opts.out) ? opts.out : resolve(repoRoot, opts.out);
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    log('');
    log('| | read + check + preview | apply (check + plan + write) | total | target |');
    log('| --- | --- | --- | --- | --- |');
    const line = (name: string, r: SyncRun, target: number) =>
      log(`| ${name} | ${s1(r.read.wallMs)} (CPU ${s1(r.read.benchCpuMs)} + db ${r.read.dbCpuMs === null ? '–' : s1(r.read.dbCpuMs)}) | ${s1(r.apply.wallMs)} (CPU ${s1(r.apply.benchCpuMs)} + db ${r.apply.dbCpuMs === null ? '–' : s1(r.apply.dbCpuMs)}) | ${s1(r.totalMs)} | ≤ ${s1(target)} ${r.totalMs <= target ? '✓' : '✗'} |`);
    line('first import', first, TARGET_FIRST_MS);
    line(`re-sync (${opts.changePercent} %)`, resync, TARGET_RESYNC_MS);
    log(`peak memory (bench process, RSS): ${memory?.peakRssMb ?? '–'} MB; written to ${out}`);
    code = first.totalMs <= TARGET_FIRST_MS && resync.totalMs <= TARGET_RESYNC_MS ? 0 : 1;
    return code;
  } finally {
    await meter.close();
    await database.close();
    await dropDb();
  }
}
