/**
 * The import's background jobs: read (→ preview), apply, and the hourly walk that starts each school's
 * nightly FINT sync at the hour its admin chose and marks as left the students who finished their year.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../core/db/client.js';
import { enqueue, scheduleOnce, type JobHandler } from '../../core/jobs/queue.js';
import { today } from '../../core/time.js';
import { insertImport } from './queries/imports.js';
import { nightlySchoolsAt } from './queries/settings.js';
import { leaveAfterTheYear } from './queries/yearTurn.js';
import { runApply, runRead } from './sync/run.js';

export const READ_JOB = 'rosterImport.read';
export const APPLY_JOB = 'rosterImport.apply';
export const NIGHTLY_JOB = 'rosterImport.nightly';

interface ImportPayload {
  ownerId: string;
  importId: string;
}

const refOf = (payload: Record<string, unknown>): ImportPayload => ({ ownerId: String(payload.ownerId), importId: String(payload.importId) });

export async function enqueueRead(database: Database, ref: ImportPayload): Promise<void> {
  await enqueue(database, READ_JOB, { ...ref }, { ownerId: ref.ownerId });
}

export async function enqueueApply(database: Database, ref: ImportPayload): Promise<void> {
  await enqueue(database, APPLY_JOB, { ...ref }, { ownerId: ref.ownerId });
}

/** Starts a FINT read for a school (its nightly sync, or an admin's "sync now"); it applies itself when nothing is wrong. */
export async function startFintSync(database: Database, ownerId: string, schoolId: string, by: { personId: string; name: string } | null): Promise<string> {
  const id = randomUUID();
  const started = by ? { key: 'rosterImport.log.syncNow', params: { name: by.name } } : { key: 'rosterImport.log.scheduled' };
  await insertImport(database.query, ownerId, id, {
    schoolId, source: 'fint', trigger: 'schedule', createdByPersonId: by?.personId ?? null,
    log: [{ at: new Date().toISOString(), ...started }],
  });
  await enqueueRead(database, { ownerId, importId: id });
  return id;
}

const nextHour = (now: Date) => {
  const d = new Date(now);
  d.setUTCMinutes(0, 0, 0);
  d.setUTCHours(d.getUTCHours() + 1);
  return d;
};

/** Scheduled once for the database: each hour, the schools whose nightly sync is due then. */
export function registerNightlyJob(database: Database): void {
  void scheduleOnce(database, NIGHTLY_JOB, nextHour(new Date())).catch(() => {});
}

export const rosterImportJobs: Record<string, JobHandler> = {
  [READ_JOB]: (payload, database) => runRead(database, refOf(payload)),
  [APPLY_JOB]: (payload, database) => runApply(database, refOf(payload)),
  [NIGHTLY_JOB]: async (_payload, database) => {
    for (const { ownerId, setting } of await nightlySchoolsAt(database.query, new Date().getUTCHours())) {
      await startFintSync(database, ownerId, setting.schoolId, null);
    }
    // students who finished the year after the source dropped them have left once it is over
    await leaveAfterTheYear(database.query, null, today());
    await scheduleOnce(database, NIGHTLY_JOB, nextHour(new Date()));
  },
};
