/**
 * Background jobs live in PostgreSQL (table job) so that any number of app processes share one queue:
 * a worker claims a due job with FOR UPDATE SKIP LOCKED, runs it, and marks it done or schedules a retry.
 */
import { hostname } from 'node:os';
import type { Database } from '../db/client.js';
import { safeErrorMessage } from '../http/logging.js';

export type JobHandler = (payload: Record<string, unknown>, database: Database) => Promise<void>;

const handlers = new Map<string, JobHandler>();

export function defineJob(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

export async function enqueue(database: Database, kind: string, payload: Record<string, unknown> = {}, opts: { ownerId?: string; runAt?: Date } = {}): Promise<number> {
  const [row] = await database.query<{ id: number }>(
    'insert into job (owner_id, kind, payload, run_at) values ($1, $2, $3, coalesce($4, now())) returning id',
    [opts.ownerId ?? null, kind, JSON.stringify(payload), opts.runAt ?? null],
  );
  return Number(row!.id);
}

/**
 * Schedules a recurring job's next run unless one is already waiting, whichever process asks: at start-up
 * (every process registers it) and from the job itself (its own run is locked, so it does not count).
 */
export async function scheduleOnce(database: Database, kind: string, runAt: Date): Promise<void> {
  await database.query(
    'insert into job (kind, run_at) select $1, $2::timestamptz where not exists (select 1 from job where kind = $1 and done_at is null and locked_at is null)',
    [kind, runAt],
  );
}

const MAX_ATTEMPTS = 5;

/** Claims and runs one due job; false when none was due. */
/** Runs every job that is due now, one after the other (tests read what the jobs sent). */
export async function runDueJobs(database: Database): Promise<void> {
  while (await runOneJob(database)) { /* next due job */ }
}

export async function runOneJob(database: Database, workerId = `${hostname()}:${process.pid}`): Promise<boolean> {
  const [job] = await database.query<{ id: number; kind: string; payload: Record<string, unknown>; attempts: number }>(
    `update job set locked_at = now(), locked_by = $1, attempts = attempts + 1
     where id = (select id from job where done_at is null and run_at <= now() and attempts < ${MAX_ATTEMPTS}
                   and (locked_at is null or locked_at < now() - interval '5 minutes')
                 order by run_at for update skip locked limit 1)
     returning id, kind, payload, attempts`,
    [workerId],
  );
  if (!job) return false;
  const handler = handlers.get(job.kind);
  try {
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    await handler(job.payload, database);
    await database.query('update job set done_at = now(), locked_at = null where id = $1', [job.id]);
  } catch (e) {
    // exponential back-off: 1, 2, 4, 8 … minutes
    await database.query(
      `update job set locked_at = null, last_error = $2, run_at = now() + make_interval(mins => power(2, $3 - 1)::int) where id = $1`,
      [job.id, safeErrorMessage(e), job.attempts],
    );
  }
  return true;
}

export function startJobWorker(database: Database, intervalMs = 2000): { stop(): Promise<void> } {
  let stopped = false;
  void scheduleOnce(database, 'cleanup', new Date()).catch(() => {});
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = (async () => {
      try {
        while (!stopped && (await runOneJob(database))) { /* drain due jobs */ }
      } catch {
        /* the database may be briefly away; try again next tick */
      }
    })().finally(() => { if (!stopped) timer = setTimeout(tick, intervalMs); });
  };
  let timer = setTimeout(tick, intervalMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

// Expired sessions and old rate-limit windows are cleaned up by a job, whichever process claims it.
defineJob('cleanup', async (_payload, database) => {
  await database.query("delete from session where expires_at < now() or last_seen_at < now() - interval '1 day'");
  await database.query('delete from rate_limit where reset_at < now()');
  await enqueue(database, 'cleanup', {}, { runAt: new Date(Date.now() + 3600_000) });
});
