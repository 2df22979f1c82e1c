/**
 * `npm run bench -- --students 100000`: builds a county-scale data set in a fresh database, starts the
 * app as a child process, loads the class overview, the student page and the class conversation plan
 * as random logged-in contact teachers and the conversation compliance views as department heads and
 * principals (autocannon), measures the raw SQL floor for the same data, checks that the app's
 * conversation answers equal the floor's, and writes bench/results.json. See bench/README.md.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../server/core/db/client.js';
import { recomputeAbsence, type AbsenceRecomputation } from '../server/features/absence/recompute.js';
import { datasetCounts } from '../server/seed/generate.js';
import { appRecompute, floorRecompute, yearFacts } from './absence.js';
import { USAGE, UsageError, parseOptions, splitSql, type BenchOptions } from './args.js';
import { repoRoot, startApp, type AppChild } from './child.js';
import { CpuMeter, processMemoryMb, type CpuDelta } from './cpu.js';
import { buildBenchDataset, insertBenchDataset, type BenchDataset } from './dataset.js';
import { floorCases, measureFloor, type FloorResult, type Query } from './floor.js';
import { load, loginAll, targets as allTargets, type LoadResult, type Session, type Sessions } from './load.js';
import { ms, round2, seconds, table } from './stats.js';
import { appAnswers, compareWithFloor } from './verify.js';
import { firstDifference } from './conversations.js';
import { createCycles } from './annualCycle.js';
import { computeAllCompliance } from '../server/features/annualCycle/compliance.js';

const TARGET_P95_MS = 30;
const TARGET_RATIO = 1.5;
/** users per conversation scenario whose answers are compared with the floor's */
const VERIFY_SAMPLE = 20;

const log = (line = '') => console.log(line);
const since = (t: number) => Math.round(performance.now() - t);

// ---------------------------------------------------------------------------------------------
// Cleanup: whatever happens (error, Ctrl-C, SIGTERM), the child stops and the bench database goes.

const cleanups: Array<{ name: string; fn: () => Promise<void> | void }> = [];
let cleaning: Promise<void> | null = null;

function onCleanup(name: string, fn: () => Promise<void> | void): () => void {
  const entry = { name, fn };
  cleanups.push(entry);
  return () => {
    const i = cleanups.indexOf(entry);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

async function cleanupAll(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const { name, fn } = cleanups.pop()!;
      try {
        await fn();
      } catch (e) {
        console.error(`cleanup "${name}" failed: ${(e as Error).message}`);
      }
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the app and cleaning up …`);
    const hard = setTimeout(() => process.exit(130), 30_000);
    hard.unref();
    void cleanupAll().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------

function timestamp(d = new Date()): string {
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function safeUrl(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}`;
}

interface EndpointResult {
  route: string;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  rps: number;
  requests: number;
  errors: number;
  non2xx: number;
  connectionErrors: number;
  statusCodes: Record<string, number>;
  warmup?: { requests: number; non2xx: number; errors: number };
  floorP50: number;
  floorP95: number;
  floorP99: number;
  floorQps: number;
  floorQueries: number;
  floorMode: string;
  floorWithAudit?: { p50: number; p95: number; p99: number; queries: number };
  ratio: number;
  /** CPU ms per request (app child, PostgreSQL backends, bench process = load generator) and per floor query */
  cpuPerRequestMs?: { app: number | null; db: number | null; loadGenerator: number };
  cpuPerFloorQueryMs?: { db: number | null; bench: number };
  /** 1000 / rps: the time per request the whole machine spends at this throughput */
  inverseThroughputMs: number;
  /** the app child's resident memory after this endpoint's load, and its peak so far (Linux /proc) */
  appMemoryMb?: { rssMb: number; peakRssMb: number };
  /** --sequential: one connection against a one-loop floor, i.e. latency without queueing */
  sequential?: { p50: number; p95: number; p99: number; rps: number; errors: number; floorP50: number; floorP95: number; floorP99: number; ratio: number };
  meetsP95Target: boolean;
  meetsRatioTarget: boolean;
}

/** The county-wide absence recomputation: a job (no route), timed run by run as the app's code and as the floor's statement. */
interface JobResult {
  job: string;
  runs: number;
  /** wall time per run, ms */
  p50: number; min: number; max: number;
  floorP50: number; floorMin: number; floorMax: number;
  ratio: number;
  /** CPU ms per run: PostgreSQL backends, and the bench process (which holds PGlite when there is no server) */
  cpuPerRunMs: { db: number | null; bench: number };
  cpuPerFloorRunMs: { db: number | null; bench: number };
  schools: number;
  studentSubjects: number;
  meetsTarget: boolean;
}

/** a nightly job over the whole county: a minute is the budget (on the 2-core machine) */
const TARGET_RECOMPUTE_MS = 60_000;

async function timedRuns<T>(n: number, fn: () => Promise<T>): Promise<{ ms: number[]; last: T }> {
  const ms: number[] = [];
  let last!: T;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    last = await fn();
    ms.push(performance.now() - t);
  }
  return { ms: ms.sort((a, b) => a - b), last };
}
const median = (xs: number[]) => xs[Math.floor((xs.length - 1) / 2)]!;

async function run(opts: BenchOptions): Promise<number> {
  const t0 = performance.now();
  const TODAY = opts.today;
  const recompute = !opts.only || opts.only.includes('absenceRecompute');
  // ten million rows take minutes to load; only the absence scenarios read them
  const absenceData = !opts.only || opts.only.some((k) => k.startsWith('absence'));
  const kind: 'postgres' | 'pglite' = opts.databaseUrl ? 'postgres' : 'pglite';
  const targets = opts.only ? allTargets.filter((t) => opts.only!.includes(t.key)) : allTargets;
  const runId = `elevlos_bench_${timestamp()}`;
  const loadBefore = loadavg();
  log(`Elevlos bench: ${opts.students} students requested (${opts.schools} schools × ${opts.studentsPerSchool}), seed ${opts.seed}, ` +
    `${kind}, ${opts.connections} connections × ${opts.duration} s per endpoint, ${cpus().length} cores`);
  if (loadBefore[0]! > cpus().length * 0.5) {
    log(`  note: the machine is already busy (load average ${loadBefore.map((x) => x.toFixed(1)).join(' ')}): latencies will be noisy`);
  }

  // 1. a fresh database -----------------------------------------------------------------------
  let benchUrl: string | undefined;
  let dataDir: string | undefined;
  if (opts.databaseUrl) {
    const admin = new pg.Client({ connectionString: opts.databaseUrl });
    await admin.connect();
    try {
      await admin.query(`create database ${runId}`);
    } finally {
      await admin.end();
    }
    const u = new URL(opts.databaseUrl);
    u.pathname = `/${runId}`;
    benchUrl = u.href;
    log(`Database: created ${runId} on ${new URL(opts.databaseUrl).host}${opts.keep ? ' (kept: --keep)' : ''}`);
    if (!opts.keep) {
      onCleanup('drop database', async () => {
        const a = new pg.Client({ connectionString: opts.databaseUrl });
        await a.connect();
        try {
          await a.query(`drop database if exists ${runId} with (force)`);
          log(`Database ${runId} dropped.`);
        } finally {
          await a.end();
        }
      });
    }
  } else {
    dataDir = join(repoRoot, 'bench', 'data', runId);
    mkdirSync(dataDir, { recursive: true });
    log(`Database: PGlite in ${relative(process.cwd(), dataDir) || dataDir}${opts.keep ? ' (kept: --keep)' : ''}`);
    if (!opts.keep) {
      const dir = dataDir;
      onCleanup('remove PGlite dir', () => {
        rmSync(dir, { recursive: true, force: true });
        log(`PGlite directory ${relative(process.cwd(), dir)} removed.`);
      });
    }
  }

  const meter = await CpuMeter.open(opts.databaseUrl, opts.databaseUrl ? runId : null);
  onCleanup('close CPU meter', () => meter.close());

  // generate ----------------------------------------------------------------------------------
  let t = performance.now();
  let bench: BenchDataset | null = await buildBenchDataset({
    seed: opts.seed, schools: opts.schools, studentsPerSchool: opts.studentsPerSchool,
    users: opts.users, contactLogsPerStudent: opts.contactLogs, absenceIntensity: absenceData ? opts.absenceIntensity : 0, today: TODAY,
  });
  const generateMs = since(t);
  const counts = { ...datasetCounts(bench.ds), contactLogEntry: bench.contactLogs.length } as Record<string, number>;
  let totalRows = Object.values(counts).reduce((a, b) => a + b, 0);
  log(`Generated in ${seconds(generateMs)}: ${counts.student} students, ${counts.person} persons, ${counts.guardianship} guardianships, ` +
    `${counts.enrolment} enrolments, ${counts.basisGroup} basis groups, ${counts.contactLogEntry} contact-log entries, ` +
    `${counts.conversation} conversations, ${bench.users.length + bench.departmentHeads.length + bench.principals.length} bench accounts ` +
    `(${bench.users.length} contact teachers, ${bench.departmentHeads.length} department heads, ${bench.principals.length} principals; ${totalRows} rows in all), ` +
    `${counts.lesson} weekly lessons; absence rows are generated while they are inserted`);
  if (bench.users.length < opts.users) log(`  note: only ${bench.users.length} distinct contact teachers available for ${opts.users} requested users`);

  // insert + ANALYZE (then close: for PGlite, the app child must be the only process on the dir) ----
  t = performance.now();
  let database: Database | null = await openDatabase({ databaseUrl: benchUrl, dataDir, migrate: true, poolSize: 2 });
  const closeDb = onCleanup('close bench database', () => database?.close());
  const migrateMs = since(t);
  log(`Inserting (migrations ${seconds(migrateMs)}) …`);
  t = performance.now();
  const { perTable: insertPerTableMs, absenceRows } = await insertBenchDataset(database, bench, (l) => log(l));
  const insertMs = since(t);
  counts.absence = absenceRows;
  totalRows += absenceRows;
  log(`Inserted ${totalRows} rows in ${seconds(insertMs)} (${Math.round(totalRows / (insertMs / 1000))} rows/s)`);
  if (opts.extraSql) {
    t = performance.now();
    for (const statement of splitSql(opts.extraSql)) await database.query(statement);
    log(`Extra SQL (--extra-sql) in ${seconds(since(t))}: ${opts.extraSql}`);
  }
  if (targets.some((tg) => tg.key.startsWith('cycle'))) {
    t = performance.now();
    const n = await createCycles(database, bench.ownerId, TODAY);
    log(`Annual cycles (the default routines) for ${n} schools in ${seconds(since(t))}`);
  }
  t = performance.now();
  await database.query('analyze');
  const analyzeMs = since(t);
  log(`ANALYZE in ${seconds(analyzeMs)}`);
  if (targets.some((tg) => tg.key.startsWith('cycle'))) {
    // the app's morning job (annualCycle.compliance) has run, as it has before a school day begins
    t = performance.now();
    const computed = await computeAllCompliance(database, TODAY);
    log(`Morning computation of the leaders' kept counts for ${computed} schools in ${seconds(since(t))} (the app's 04:00 job)`);
  }
  await database.close();
  database = null;
  closeDb();

  const ownerId = bench.ownerId;
  const { users, departmentHeads, principals } = bench;
  const datasetInfo = {
    seed: opts.seed, schools: opts.schools, studentsPerSchool: opts.studentsPerSchool, students: counts.student,
    benchUsers: users.length, benchDepartmentHeads: departmentHeads.length, benchPrincipals: principals.length,
    contactLogsPerStudent: opts.contactLogs, absenceIntensity: absenceData ? opts.absenceIntensity : 0, absenceRowsPerStudent: round2(counts.absence! / Math.max(1, counts.student!)),
    today: TODAY, rows: counts, totalRows,
    avgClassSize: round2(users.reduce((a, u) => a + u.studentIds.length, 0) / Math.max(1, users.length)),
  };
  bench = null; // let the generated rows go

  // 2. the app as a child process ---------------------------------------------------------------
  t = performance.now();
  let app: AppChild | null = await startApp({ databaseUrl: benchUrl, dataDir, today: TODAY, });
  const stopApp = onCleanup('stop app', () => app?.stop());
  const appStartMs = since(t);
  const appEntry = app.entry;
  log(`App (${app.entry}, pid ${app.pid}) ready at ${app.url} in ${seconds(appStartMs)}`);
  t = performance.now();
  const needs = (who: keyof Sessions) => targets.some((tg) => tg.who === who);
  const sessions: Sessions = {
    contactTeachers: await loginAll(app.url, users),
    departmentHeads: needs('departmentHeads') ? await loginAll(app.url, departmentHeads) : [],
    principals: needs('principals') ? await loginAll(app.url, principals) : [],
  };
  const loginMs = since(t);
  log(`${sessions.contactTeachers.length} contact teachers, ${sessions.departmentHeads.length} department heads and ` +
    `${sessions.principals.length} principals logged in in ${seconds(loginMs)}`);
  for (const tg of targets) if (sessions[tg.who].length === 0) throw new Error(`no ${tg.who} in the data set for ${tg.label}`);
  await sanityCheck(app.url, sessions.contactTeachers[0]!);
  const answers = await appAnswers(app.url, sessions, targets, VERIFY_SAMPLE);

  // 3. load ------------------------------------------------------------------------------------
  const loadResults: Record<string, { result: LoadResult; warmup?: LoadResult; cpu: CpuDelta; sequential?: LoadResult; memory: { rssMb: number; peakRssMb: number } | null }> = {};
  const appMemoryIdle = processMemoryMb(app.pid);
  for (const target of targets) {
    let warmup: LoadResult | undefined;
    const who = sessions[target.who];
    if (opts.warmup > 0) warmup = await load(app.url, who, target, opts.connections, opts.warmup);
    const before = await meter.snapshot(app.pid);
    const result = await load(app.url, who, target, opts.connections, opts.duration);
    const cpu = await meter.since(before, app.pid);
    const bad = result.non2xx + result.errors + (warmup ? warmup.non2xx + warmup.errors : 0);
    log(`  ${target.label.padEnd(17)} p50 ${ms(result.latency.p50)} ms  p95 ${ms(result.latency.p95)} ms  p99 ${ms(result.latency.p99)} ms  ` +
      `${result.rps.toFixed(0)} req/s  ${result.ok} ok${bad ? `  ${bad} NOT OK ${JSON.stringify(result.statusCodes)}` : ''}`);
    let sequential: LoadResult | undefined;
    if (opts.sequential) {
      sequential = await load(app.url, who, target, 1, opts.duration);
      log(`  ${target.label.padEnd(17)} 1 connection: p50 ${ms(sequential.latency.p50)} ms  p95 ${ms(sequential.latency.p95)} ms  ` +
        `p99 ${ms(sequential.latency.p99)} ms  ${sequential.rps.toFixed(0)} req/s${sequential.non2xx + sequential.errors ? `  NOT OK ${JSON.stringify(sequential.statusCodes)}` : ''}`);
    }
    loadResults[target.key] = { result, warmup, cpu, sequential, memory: processMemoryMb(app.pid) };
    if (!app.alive()) throw new Error(`The app died during the ${target.label} load:\n${app.output()}`);
  }
  const appMemory = { idleAfterLoginMb: appMemoryIdle, end: processMemoryMb(app.pid) };
  if (appMemory.end) log(`App memory: RSS ${appMemory.end.rssMb} MB, peak ${appMemory.end.peakRssMb} MB (after logins: ${appMemoryIdle?.rssMb ?? '-'} MB)`);
  await app.stop();
  app = null;
  stopApp();

  // 3b. the county-wide absence recomputation: the app's job code on the app's Database (named prepared statements) ----
  let job: { ms: number[]; last: AbsenceRecomputation; cpu: CpuDelta } | null = null;
  if (recompute) {
    const jobDb = await openDatabase({ databaseUrl: benchUrl, dataDir, migrate: false, poolSize: 1 });
    const unJobDb = onCleanup('close job database', () => jobDb.close());
    log(`County-wide absence recomputation (job, ${opts.recomputeRuns} runs after one unmeasured) …`);
    await recomputeAbsence(jobDb.query, ownerId, TODAY);
    const before = await meter.snapshot(null);
    const runs = await timedRuns(opts.recomputeRuns, () => recomputeAbsence(jobDb.query, ownerId, TODAY));
    job = { ...runs, cpu: await meter.since(before, null) };
    log(`  recomputation      median ${seconds(median(runs.ms))}  min ${seconds(runs.ms[0]!)}  max ${seconds(runs.ms.at(-1)!)}  ` +
      `(${runs.last.schools.length} schools, ${runs.last.schools.reduce((n, x) => n + x.studentSubjects, 0)} student-subjects)`);
    await jobDb.close();
    unJobDb();
  }

  // 4. the SQL floor (after the app stopped: PGlite must have a single opener) -------------------
  const loops = kind === 'postgres' ? opts.connections : 1;
  const floorMode = kind === 'postgres'
    ? `${loops} concurrent loops (pg Pool, named prepared statements as the app sends them)`
    : 'sequential (PGlite, in the bench process)';
  log(`SQL floor: ${floorMode}, ${opts.duration} s per endpoint`);
  let q: Query;
  let closeFloor: () => Promise<void>;
  if (kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: benchUrl, max: loops });
    pool.on('error', () => { /* the bench database is dropped at the end */ });
    const names = new Map<string, string>();
    q = async (text, params) => {
      let name = names.get(text);
      if (!name) names.set(text, (name = `f${names.size}`));
      return (await pool.query({ name, text, values: params })).rows;
    };
    closeFloor = () => pool.end();
  } else {
    const db = await openDatabase({ dataDir, migrate: false });
    q = (text, params) => db.query(text, params);
    closeFloor = () => db.close();
  }
  // a floor whose statement the app runs with planner settings (SET LOCAL) gets the same settings: its own
  // pool on PostgreSQL, the one PGlite session set around it
  const plannerPools: pg.Pool[] = [];
  const withPlanner = async (planner: Record<string, string> | undefined): Promise<{ q: Query; done: () => Promise<void> }> => {
    if (!planner) return { q, done: async () => undefined };
    if (kind === 'postgres') {
      const pool = new pg.Pool({ connectionString: benchUrl, max: loops, options: Object.entries(planner).map(([k, v]) => `-c ${k}=${v}`).join(' ') });
      pool.on('error', () => { /* the bench database is dropped at the end */ });
      plannerPools.push(pool);
      const names = new Map<string, string>();
      return {
        q: async (text, params) => {
          let name = names.get(text);
          if (!name) names.set(text, (name = `p${names.size}`));
          return (await pool.query({ name, text, values: params })).rows;
        },
        done: async () => undefined,
      };
    }
    for (const [k, v] of Object.entries(planner)) await q(`set ${k} = ${v}`, []);
    return { q, done: async () => { for (const k of Object.keys(planner)) await q(`reset ${k}`, []); } };
  };
  const unFloor = onCleanup('close floor connection', () => closeFloor());
  const cases = floorCases(ownerId, TODAY);
  // each answer is compared with its floor run the way its floor is measured (planner settings included)
  const verified: Record<string, number> = {};
  for (const tg of targets) {
    const mine = answers.filter((a) => a.target.key === tg.key);
    if (!mine.length) continue;
    const { q: vq, done } = await withPlanner(cases[tg.key]?.planner);
    Object.assign(verified, await compareWithFloor(vq, ownerId, TODAY, mine));
    await done();
  }
  let jobFloor: { ms: number[]; cpu: CpuDelta } | null = null;
  if (job) {
    const year = await yearFacts(q, ownerId, TODAY);
    const floorAnswer = await floorRecompute(q, ownerId, TODAY, year);
    const diff = firstDifference(appRecompute(job.last), floorAnswer);
    if (diff) throw new Error(`the county-wide recomputation differs from the floor's at ${diff}`);
    verified.absenceRecompute = 1;
    const before = await meter.snapshot(null);
    const runs = await timedRuns(opts.recomputeRuns, () => floorRecompute(q, ownerId, TODAY, year));
    jobFloor = { ms: runs.ms, cpu: await meter.since(before, null) };
    log(`  recomputation floor median ${seconds(median(runs.ms))}  min ${seconds(runs.ms[0]!)}  max ${seconds(runs.ms.at(-1)!)} (answer equal to the job's)`);
  }
  if (answers.length) {
    log(`  answers equal to the floor's: ${Object.entries(verified).map(([k, n]) => `${n} × ${allTargets.find((x) => x.key === k)?.label ?? k}`).join(', ')}`);
  }
  const floors: Record<string, { floor: FloorResult; audit?: FloorResult; cpu: CpuDelta; sequential?: FloorResult }> = {};
  for (const target of targets) {
    const c = cases[target.key]!;
    const who = sessions[c.who];
    const { q: fq, done } = await withPlanner(c.planner);
    await measureFloor(fq, who, c, loops, Math.min(1, opts.duration), false); // warm caches and plans
    const before = await meter.snapshot(null);
    const floor = await measureFloor(fq, who, c, loops, opts.duration, false);
    const cpu = await meter.since(before, null);
    const audit = opts.floorAudit && c.audited ? await measureFloor(fq, who, c, loops, Math.max(1, opts.duration / 3), true) : undefined;
    const sequential = opts.sequential ? (loops === 1 ? floor : await measureFloor(fq, who, c, 1, opts.duration, false)) : undefined;
    await done();
    floors[target.key] = { floor, audit, cpu, sequential };
    log(`  ${target.label.padEnd(17)} floor p50 ${ms(floor.latency.p50)} ms  p95 ${ms(floor.latency.p95)} ms  p99 ${ms(floor.latency.p99)} ms  ` +
      `${floor.qps.toFixed(0)} q/s` + (audit ? `   (+ audit insert: p95 ${ms(audit.latency.p95)} ms)` : ''));
  }
  for (const pool of plannerPools) await pool.end();
  await closeFloor();
  unFloor();

  // 5. results ---------------------------------------------------------------------------------
  const endpoints: Record<string, EndpointResult> = {};
  const jobs: Record<string, JobResult> = {};
  if (job && jobFloor) {
    const per = (x: number | null) => (x === null ? null : round2(x / job.ms.length));
    jobs.absenceRecompute = {
      job: 'recomputeAbsence (server/features/absence/recompute.ts): every student and subject of the county, counted per school',
      runs: job.ms.length, p50: round2(median(job.ms)), min: round2(job.ms[0]!), max: round2(job.ms.at(-1)!),
      floorP50: round2(median(jobFloor.ms)), floorMin: round2(jobFloor.ms[0]!), floorMax: round2(jobFloor.ms.at(-1)!),
      ratio: round2(median(job.ms) / median(jobFloor.ms)),
      cpuPerRunMs: { db: per(job.cpu.dbMs), bench: per(job.cpu.benchMs)! },
      cpuPerFloorRunMs: { db: per(jobFloor.cpu.dbMs), bench: per(jobFloor.cpu.benchMs)! },
      schools: job.last.schools.length, studentSubjects: job.last.schools.reduce((n, x) => n + x.studentSubjects, 0),
      meetsTarget: median(job.ms) <= TARGET_RECOMPUTE_MS,
    };
  }
  let failures = 0;
  for (const target of targets) {
    const { result: r, warmup: w, cpu: rc, sequential: rs, memory } = loadResults[target.key]!;
    const { floor: f, audit: a, cpu: fc, sequential: fs } = floors[target.key]!;
    const per = (x: number | null, n: number) => (x === null || n === 0 ? null : round2(x / n));
    const ratio = r.latency.p95 / f.latency.p95;
    failures += r.non2xx + r.errors + (w ? w.non2xx + w.errors : 0) + (rs ? rs.non2xx + rs.errors : 0);
    endpoints[target.key] = {
      route: target.route,
      p50: round2(r.latency.p50), p95: round2(r.latency.p95), p99: round2(r.latency.p99), max: round2(r.latency.max),
      rps: round2(r.rps), requests: r.requests, errors: r.non2xx + r.errors, non2xx: r.non2xx, connectionErrors: r.errors,
      statusCodes: r.statusCodes,
      warmup: w ? { requests: w.requests, non2xx: w.non2xx, errors: w.errors } : undefined,
      floorP50: round2(f.latency.p50), floorP95: round2(f.latency.p95), floorP99: round2(f.latency.p99),
      floorQps: round2(f.qps), floorQueries: f.queries, floorMode,
      floorWithAudit: a ? { p50: round2(a.latency.p50), p95: round2(a.latency.p95), p99: round2(a.latency.p99), queries: a.queries } : undefined,
      ratio: round2(ratio),
      cpuPerRequestMs: { app: per(rc.appMs, r.requests), db: per(rc.dbMs, r.requests), loadGenerator: per(rc.benchMs, r.requests)! },
      cpuPerFloorQueryMs: { db: per(fc.dbMs, f.queries), bench: per(fc.benchMs, f.queries)! },
      inverseThroughputMs: round2(1000 / r.rps),
      appMemoryMb: memory ?? undefined,
      sequential: rs && fs ? {
        p50: round2(rs.latency.p50), p95: round2(rs.latency.p95), p99: round2(rs.latency.p99), rps: round2(rs.rps), errors: rs.non2xx + rs.errors,
        floorP50: round2(fs.latency.p50), floorP95: round2(fs.latency.p95), floorP99: round2(fs.latency.p99),
        ratio: round2(rs.latency.p95 / fs.latency.p95),
      } : undefined,
      meetsP95Target: r.latency.p95 <= TARGET_P95_MS,
      meetsRatioTarget: ratio <= TARGET_RATIO,
    };
  }
  const cpu = cpus();
  const results = {
    date: new Date().toISOString(),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    machine: {
      cores: cpu.length, cpu: cpu[0]?.model ?? 'unknown', memoryGb: round2(totalmem() / 2 ** 30), node: process.version, platform: process.platform,
      loadAverageBefore: loadBefore.map(round2), loadAverageAfter: loadavg().map(round2),
    },
    database: { kind, ...(benchUrl ? { url: safeUrl(benchUrl) } : { dataDir: relative(repoRoot, dataDir!) }), kept: opts.keep },
    app: { command: `node --import tsx ${appEntry}`, env: 'SEED_DEMO=false LOG_LEVEL=silent ELEVLOS_TODAY LOGIN_MAX_ATTEMPTS=1000000' },
    experiments: { extraSql: opts.extraSql ?? null },
    load: { connections: opts.connections, durationS: opts.duration, warmupS: opts.warmup, tool: 'autocannon (in the bench process), app in a child process' },
    dataset: datasetInfo,
    timings: {
      generateMs, migrateMs, insertMs, insertPerTableMs, analyzeMs, appStartMs, loginMs, totalMs: since(t0),
    },
    targets: { p95Ms: TARGET_P95_MS, ratioToFloor: TARGET_RATIO, recomputeMs: TARGET_RECOMPUTE_MS },
    appMemory,
    /** app answers compared with the floor's and found equal, per endpoint */
    verifiedAgainstFloor: verified,
    endpoints,
    jobs,
  };
  const outPath = isAbsolute(opts.out) ? opts.out : resolve(repoRoot, opts.out);
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, `${JSON.stringify(results, null, 2)}\n`);

  log('');
  log(`Results (${kind}, ${datasetInfo.students} students / ${opts.schools} schools, ${opts.connections} connections × ${opts.duration} s, ${cpu.length} cores); latencies in ms`);
  log(table(
    ['endpoint', 'p50', 'p95', 'p99', 'req/s', 'errors', 'floor p50', 'floor p95', 'floor p99', '+audit p95', 'ratio p95', `p95≤${TARGET_P95_MS}ms`, `≤${TARGET_RATIO}×floor`],
    targets.map((tg) => {
      const e = endpoints[tg.key]!;
      return [tg.label, ms(e.p50), ms(e.p95), ms(e.p99), e.rps.toFixed(0), String(e.errors), ms(e.floorP50), ms(e.floorP95), ms(e.floorP99),
        e.floorWithAudit ? ms(e.floorWithAudit.p95) : '-', `${e.ratio.toFixed(1)}×`, e.meetsP95Target ? 'yes' : 'NO', e.meetsRatioTarget ? 'yes' : 'NO'];
    }),
  ));
  const pg1 = (x: number | null | undefined) => (x === null || x === undefined ? '-' : ms(x));
  log('');
  log(`CPU per request (ms of CPU time; app = the Node child${kind === 'pglite' ? ' incl. PGlite' : ''}, db = PostgreSQL backends, load gen = autocannon) and per floor query`);
  log(table(
    ['endpoint', 'app', 'db', 'load gen', 'sum', 'floor db', 'floor bench'],
    targets.map((tg) => {
      const e = endpoints[tg.key]!;
      const c = e.cpuPerRequestMs!;
      const sum = (c.app ?? 0) + (c.db ?? 0) + c.loadGenerator;
      return [tg.label, pg1(c.app), pg1(c.db), pg1(c.loadGenerator), ms(sum), pg1(e.cpuPerFloorQueryMs?.db), pg1(e.cpuPerFloorQueryMs?.bench)];
    }),
  ));
  if (opts.sequential) {
    log('');
    log('One connection (no queueing) against a one-loop floor; latencies in ms');
    log(table(
      ['endpoint', 'p50', 'p95', 'p99', 'req/s', 'floor p50', 'floor p95', 'floor p99', 'ratio p95'],
      targets.map((tg) => {
        const sq = endpoints[tg.key]!.sequential!;
        return [tg.label, ms(sq.p50), ms(sq.p95), ms(sq.p99), sq.rps.toFixed(0), ms(sq.floorP50), ms(sq.floorP95), ms(sq.floorP99), `${sq.ratio.toFixed(1)}×`];
      }),
    ));
  }
  if (jobs.absenceRecompute) {
    const j = jobs.absenceRecompute;
    log('');
    log(`County-wide absence recomputation (job; ${j.runs} runs, one at a time; ms)`);
    log(table(['job', 'median', 'min', 'max', 'floor median', 'floor min', 'floor max', 'ratio', 'db CPU/run', 'bench CPU/run', 'floor db CPU/run', `≤${TARGET_RECOMPUTE_MS / 1000}s`],
      [['recomputation', ms(j.p50), ms(j.min), ms(j.max), ms(j.floorP50), ms(j.floorMin), ms(j.floorMax), `${j.ratio.toFixed(1)}×`,
        pg1(j.cpuPerRunMs.db), pg1(j.cpuPerRunMs.bench), pg1(j.cpuPerFloorRunMs.db), j.meetsTarget ? 'yes' : 'NO']]));
  }
  log(`Load average before ${loadBefore.map((x) => x.toFixed(1)).join(' ')}, after ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  log(`Timings: generate ${seconds(generateMs)}, insert ${seconds(insertMs)}, analyze ${seconds(analyzeMs)}, app start ${seconds(appStartMs)}, ` +
    `logins ${seconds(loginMs)}, total ${seconds(since(t0))}`);
  log(`Written to ${relative(process.cwd(), outPath)}`);

  if (failures > 0) {
    console.error(`\n*** FAILED: ${failures} responses were not 200 (or never came) — see statusCodes in ${relative(process.cwd(), outPath)} ***\n`);
    return 1;
  }
  return 0;
}

/** one request of each kind, checked by hand, so the load measures real pages */
async function sanityCheck(url: string, s: Session): Promise<void> {
  const headers = { cookie: s.cookie, accept: 'application/json' };
  const ov = await fetch(`${url}/api/basis-groups/${s.user.basisGroupId}/overview`, { headers });
  if (ov.status !== 200) throw new Error(`class overview for ${s.user.username}: ${ov.status} ${await ov.text()}`);
  const body = (await ov.json()) as { students: unknown[] };
  if (body.students.length !== s.user.studentIds.length) {
    log(`  warning: the overview of ${s.user.username}'s class lists ${body.students.length} students, the data set has ${s.user.studentIds.length}`);
  }
  const st = await fetch(`${url}/api/students/${s.user.studentIds[0]}`, { headers });
  if (st.status !== 200) throw new Error(`student page for ${s.user.username}: ${st.status} ${await st.text()}`);
  const rec = (await st.json()) as { student: { accommodationNeeds: unknown } };
  if (rec.student.accommodationNeeds === null) log('  warning: the contact teacher does not see accommodation needs (student.readSensitive denied?)');
}

async function main(): Promise<void> {
  if (process.argv[2] === 'roster-import') process.exit(await (await import('./rosterImport.js')).rosterImportBench(process.argv.slice(3)));
  let opts: BenchOptions | 'help';
  try {
    opts = parseOptions(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`bench: ${e.message}\n\n${USAGE}`);
      process.exit(2);
    }
    throw e;
  }
  if (opts === 'help') {
    log(USAGE);
    return;
  }
  let code = 1;
  try {
    code = await run(opts);
  } catch (e) {
    console.error(`\nbench failed: ${(e as Error).stack ?? e}`);
    code = 1;
  } finally {
    await cleanupAll();
  }
  process.exit(code);
}

void main();
