/**
 * CPU accounting per phase, to say where the time goes on a machine with 2 cores: the app child,
 * the PostgreSQL backends serving the bench database, and the bench process itself (autocannon or
 * the floor loops). Linux only (/proc); elsewhere the numbers are left out.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';

let ticksPerSecond = 100;
try {
  ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
} catch {
  /* the usual value */
}

/** user + system CPU of a process in ms, or null if it is gone / not Linux */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command may contain spaces: fields start after the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return ((utime + stime) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

/** resident memory of a process and its peak (VmRSS, VmHWM), in MB, or null if it is gone / not Linux */
export function processMemoryMb(pid: number): { rssMb: number; peakRssMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    const rss = kb('VmRSS');
    const peak = kb('VmHWM');
    return Number.isFinite(rss) ? { rssMb: Math.round(rss / 1024), peakRssMb: Math.round(peak / 1024) } : null;
  } catch {
    return null;
  }
}

export interface CpuSnapshot {
  at: number;
  app: number | null;
  bench: number;
  /** pid → CPU ms of the PostgreSQL backends connected to the bench database */
  db: Map<number, number>;
}

export interface CpuDelta {
  wallMs: number;
  appMs: number | null;
  benchMs: number;
  dbMs: number | null;
}

export class CpuMeter {
  private constructor(private readonly admin: pg.Client | null, private readonly dbName: string | null) {}

  /** `adminUrl`/`dbName` for PostgreSQL (backends are found in pg_stat_activity); null for PGlite */
  static async open(adminUrl: string | undefined, dbName: string | null): Promise<CpuMeter> {
    if (!adminUrl || !dbName) return new CpuMeter(null, null);
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    return new CpuMeter(admin, dbName);
  }

  async snapshot(appPid: number | null): Promise<CpuSnapshot> {
    const db = new Map<number, number>();
    if (this.admin) {
      const { rows } = await this.admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [this.dbName]);
      for (const { pid } of rows) {
        const c = processCpuMs(pid);
        if (c !== null) db.set(pid, c);
      }
    }
    const u = process.cpuUsage();
    return { at: performance.now(), app: appPid ? processCpuMs(appPid) : null, bench: (u.user + u.system) / 1000, db };
  }

  /** backends that appeared during the phase count from 0; ones that ended are lost (pools keep theirs) */
  async since(before: CpuSnapshot, appPid: number | null): Promise<CpuDelta> {
    const after = await this.snapshot(appPid);
    let dbMs: number | null = null;
    if (this.admin) {
      dbMs = 0;
      for (const [pid, c] of after.db) dbMs += c - (before.db.get(pid) ?? 0);
    }
    return {
      wallMs: after.at - before.at,
      appMs: after.app !== null && before.app !== null ? after.app - before.app : null,
      benchMs: after.bench - before.bench,
      dbMs,
    };
  }

  async close(): Promise<void> {
    await this.admin?.end();
  }
}
