/** Background jobs live in PostgreSQL: each due job runs exactly once, whichever worker claims it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client.js';
import { freshDatabase, type TestDb } from '../../test/harness.js';
import { defineJob, enqueue, runOneJob } from './queue.js';

let db: TestDb;
let second: Database | undefined;
const runs = new Map<number, number>();

beforeAll(async () => {
  db = await freshDatabase();
  // on PostgreSQL a second pool stands in for a second app process; PGlite has one connection by design
  if (db.url) second = await openDatabase({ databaseUrl: db.url, migrate: false, poolSize: 3 });
  defineJob('test.count', async (payload) => {
    const n = payload.n as number;
    runs.set(n, (runs.get(n) ?? 0) + 1);
    await new Promise((r) => setTimeout(r, 2));
  });
  defineJob('test.fail', async () => { throw new Error('boom'); });
});
afterAll(async () => {
  await second?.close();
  await db?.drop();
});

describe('job queue', () => {
  it('runs every enqueued job exactly once even with two workers draining the queue at the same time', async () => {
    for (let n = 0; n < 40; n++) await enqueue(db.database, 'test.count', { n });
    const drain = async (database: Database, id: string) => { while (await runOneJob(database, id)) { /* next */ } };
    await Promise.all([drain(db.database, 'w1'), drain(second ?? db.database, 'w2'), drain(db.database, 'w3')]);
    expect([...runs.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect([...runs.values()].every((c) => c === 1)).toBe(true);
  });

  it('a failing job is kept with its error and retried later, not lost', async () => {
    const id = await enqueue(db.database, 'test.fail');
    await runOneJob(db.database);
    const [row] = await db.database.query<{ attempts: number; last_error: string; done_at: Date | null; later: boolean }>(
      'select attempts, last_error, done_at, run_at > now() as later from job where id = $1', [id]);
    expect(row).toMatchObject({ attempts: 1, last_error: 'boom', done_at: null, later: true });
  });

  it('a job scheduled for later is not run before its time', async () => {
    await enqueue(db.database, 'test.count', { n: 999 }, { runAt: new Date(Date.now() + 3600_000) });
    expect(await runOneJob(db.database)).toBe(false);
    expect(runs.has(999)).toBe(false);
  });
});
