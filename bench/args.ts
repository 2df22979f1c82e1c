/** Command-line flags of `npm run bench`, validated with clear messages. */
import { parseArgs } from 'node:util';

export interface BenchOptions {
  students: number;
  /** derived from students (~1 667 students per school) unless given */
  schools: number;
  studentsPerSchool: number;
  seed: number;
  users: number;
  connections: number;
  /** seconds per endpoint under load (and per floor measurement) */
  duration: number;
  /** seconds of unmeasured load before each endpoint's measurement */
  warmup: number;
  /** average contact-log entries per student (the generator makes none; the overview shows the last one) */
  contactLogs: number;
  /** the date the data is generated for and the app runs at (ELEVLOS_TODAY) */
  today: string;
  /** scales how often students are away (server/seed/absence.ts); 0 = no absence rows */
  absenceIntensity: number;
  /** runs of the county-wide absence recomputation (a job, not a route) per measurement */
  recomputeRuns: number;
  /** also measure the floor plus the audit insert the endpoint must do */
  floorAudit: boolean;
  /** also measure each endpoint with ONE connection, against a sequential floor (latency without queueing) */
  sequential: boolean;
  /** experiment: SQL run after loading and before ANALYZE (a proposed index, a setting) */
  extraSql?: string;
  /** the endpoints to measure (keys of bench/load.ts targets); all when not given */
  only: string[] | null;
  keep: boolean;
  out: string;
  databaseUrl?: string;
}

/** the endpoints' keys (bench/load.ts `targets`), for --only */
export const SCENARIOS = ['overview', 'student', 'classPlan', 'compliance', 'complianceSchool', 'absenceOverview', 'absenceRecompute', 'cycleCompliance', 'cycleComplianceSchool'] as const;

/** the last full week of the 2026/27 school year: a whole year of absence and conversations lies behind it */
export const DEFAULT_BENCH_TODAY = '2027-06-17';
/** ~100 absence rows per student over the year: ten million for a county of 100 000 */
export const DEFAULT_ABSENCE_INTENSITY = 2.75;

export const USAGE = `Usage: npm run bench -- [flags]

  --students N       students in the generated county (default 100000; ~1667 per school)
  --schools N        number of schools (default: students / 1667, at least 1)
  --seed N           seed of the deterministic data set (default 1)
  --users N          contact teachers who get a login and drive the load (default 200)
  --connections N    concurrent HTTP connections, and concurrent floor loops on PostgreSQL (default 10)
  --duration S       seconds of measured load per endpoint, and per floor measurement (default 15)
  --warmup S         seconds of unmeasured load before each endpoint (default 2, at most duration / 5)
  --contact-logs X   average contact-log entries per student (default 1.5)
  --today DATE       the day the data is generated for and the app runs at (default ${DEFAULT_BENCH_TODAY}:
                     the school year's last week; 2026-11-25 was the default before the absence scenarios)
  --absence-intensity X  how often students are away, times the demo's rates (default ${DEFAULT_ABSENCE_INTENSITY}:
                     ~100 absence rows per student a year); 0 = no absence rows
  --recompute-runs N runs of the county-wide absence recomputation per measurement (default 3)
  --no-floor-audit   skip the extra "floor + audit insert" measurement
  --sequential       also load each endpoint with 1 connection and compare with a sequential floor
  --extra-sql SQL    experiment: run SQL after loading, before ANALYZE (e.g. a proposed index)
  --only KEYS        comma-separated endpoints to measure (default all): ${SCENARIOS.join(', ')}
  --keep             keep the bench database / PGlite directory afterwards
  --out FILE         where to write the results (default bench/results.json)
  --help             this text

The database: DATABASE_URL=postgres://… creates a new database elevlos_bench_<timestamp> on that
server; without it, PGlite in bench/data/<run>.`;

export const STUDENTS_PER_SCHOOL = 1667;

export class UsageError extends Error {
  override name = 'UsageError';
}

function intFlag(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^\s*-?\d+\s*$/.test(raw)) throw new UsageError(`--${name} must be a whole number (got "${raw}")`);
  const n = Number(raw);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max} (got ${n})`);
  return n;
}

function numFlag(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number (got "${raw}")`);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max} (got ${n})`);
  return n;
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        students: { type: 'string' },
        schools: { type: 'string' },
        seed: { type: 'string' },
        users: { type: 'string' },
        connections: { type: 'string' },
        duration: { type: 'string' },
        warmup: { type: 'string' },
        'contact-logs': { type: 'string' },
        today: { type: 'string' },
        'absence-intensity': { type: 'string' },
        'recompute-runs': { type: 'string' },
        'no-floor-audit': { type: 'boolean' },
        sequential: { type: 'boolean' },
        'extra-sql': { type: 'string' },
        only: { type: 'string' },
        keep: { type: 'boolean' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  const students = intFlag('students', v.students, 100_000, 10, 2_000_000);
  const schools = intFlag('schools', v.schools, Math.max(1, Math.round(students / STUDENTS_PER_SCHOOL)), 1, 1000);
  const studentsPerSchool = Math.round(students / schools);
  if (studentsPerSchool < 1 || studentsPerSchool > 20_000) {
    throw new UsageError(`--students / --schools gives ${studentsPerSchool} students per school; it must be from 1 to 20000`);
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new UsageError(`DATABASE_URL must start with postgres:// or postgresql:// (got "${databaseUrl}")`);
  }
  const duration = numFlag('duration', v.duration, 15, 1, 3600);
  const out = v.out ?? 'bench/results.json';
  let only: string[] | null = null;
  if (v.only !== undefined) {
    only = v.only.split(',').map((x) => x.trim()).filter(Boolean);
    const unknown = only.filter((x) => !(SCENARIOS as readonly string[]).includes(x));
    if (only.length === 0 || unknown.length) {
      throw new UsageError(`--only takes endpoints from ${SCENARIOS.join(', ')} (got "${v.only}")`);
    }
  }
  if (out.trim() === '') throw new UsageError('--out must not be empty');
  const today = v.today ?? DEFAULT_BENCH_TODAY;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today)) || today < '2026-08-19' || today > '2027-06-18') {
    throw new UsageError(`--today must be a date in the 2026/27 school year, 2026-08-19 … 2027-06-18 (got "${today}")`);
  }
  return {
    students,
    schools,
    studentsPerSchool,
    seed: intFlag('seed', v.seed, 1, -(2 ** 31), 2 ** 32 - 1),
    users: intFlag('users', v.users, 200, 1, 10_000),
    connections: intFlag('connections', v.connections, 10, 1, 1000),
    duration,
    warmup: numFlag('warmup', v.warmup, Math.min(2, Math.round(duration * 2) / 10), 0, 600),
    contactLogs: numFlag('contact-logs', v['contact-logs'], 1.5, 0, 50),
    today,
    absenceIntensity: numFlag('absence-intensity', v['absence-intensity'], DEFAULT_ABSENCE_INTENSITY, 0, 10),
    recomputeRuns: intFlag('recompute-runs', v['recompute-runs'], 3, 1, 100),
    floorAudit: !v['no-floor-audit'],
    sequential: !!v.sequential,
    extraSql: v['extra-sql']?.trim() || undefined,
    only,
    keep: !!v.keep,
    out,
    databaseUrl,
  };
}

/** split a script at top-level semicolons (not inside quotes or $$ … $$); PGlite takes one statement per query */
export function splitSql(script: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote: "'" | '"' | '$$' | null = null;
  for (let i = 0; i < script.length; i++) {
    const ch = script[i]!;
    if (quote === '$$') {
      if (script.startsWith('$$', i)) { quote = null; current += '$$'; i++; continue; }
    } else if (quote) {
      if (ch === quote) quote = null;
    } else if (script.startsWith('$$', i)) {
      quote = '$$'; current += '$$'; i++; continue;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === ';') {
      if (current.trim()) out.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
