/** The app under test, as a child process (never in the bench process: the load generator needs its own core). */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../server/test/freePort.js';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));


export interface AppChild {
  url: string;
  pid: number;
  entry: string;
  /** the last lines the child printed (for error messages) */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited */
  stop(graceMs?: number): Promise<void>;
  alive(): boolean;
}

/** The registered children, so an exit or a signal in the bench never leaves one behind. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

export interface StartOptions {
  databaseUrl?: string;
  dataDir?: string;
  today: string;
  timeoutMs?: number;
}

export async function startApp(o: StartOptions): Promise<AppChild> {
  const port = await freePort();
  const entry = 'server/main.ts';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    ELEVLOS_TODAY: o.today,
    // every bench login comes from 127.0.0.1: lift the per-IP login limit (50 per 15 min) for the run
    LOGIN_MAX_ATTEMPTS: '1000000',
  };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  if (o.databaseUrl) env.DATABASE_URL = o.databaseUrl;
  else env.DATA_DIR = o.dataDir;

  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const l of chunk.toString('utf8').split('\n')) if (l.trim()) lines.push(l);
    if (lines.length > 60) lines.splice(0, lines.length - 60);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => { children.delete(child); resolve(); }));
  const output = () => lines.join('\n');
  const alive = () => child.exitCode === null && child.signalCode === null;
  const stop = async (graceMs = 15_000) => {
    if (!alive()) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => { if (alive()) child.kill('SIGKILL'); }, graceMs);
    await exited;
    clearTimeout(timer);
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (o.timeoutMs ?? 120_000);
  for (;;) {
    if (!alive()) {
      const hint = /already exists/.test(output())
        ? '\n(The app re-ran a migration the bench had applied: were server/core/db/migrations regenerated during the run? Run again.)'
        : '';
      throw new Error(`The app (${entry}) exited with ${child.exitCode ?? child.signalCode} before it was ready:\n${output()}${hint}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop(2000);
      throw new Error(`The app (${entry}) did not answer /healthz within ${(o.timeoutMs ?? 120_000) / 1000} s:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, pid: child.pid!, entry, output, stop, alive };
}
