/**
 * What the sync's own tests share: an admin uploads files and the read and apply jobs run at once (the
 * tests call them directly instead of waiting on the job queue), and the rows the sync writes, counted.
 */
import { expect } from 'vitest';
import type { Database } from '../../core/db/client.js';
import type { Client, TestApp } from '../../test/harness.js';
import { zipFiles } from './adapters/csv/write.js';
import type { UploadedFile } from './roster.js';
import type { ImportDetail } from './schemas.js';
import { runApply, runRead } from './sync/run.js';

/** Every table a sync writes, and the history it must never touch. */
export const SYNCED_TABLES = [
  'school', 'school_year', 'term', 'department', 'subject', 'person', 'account', 'student', 'guardianship', 'staff_member', 'staff_role',
  'basis_group', 'teaching_group', 'enrolment', 'contact_teacher_assignment', 'subject_teacher_assignment', 'lesson',
] as const;

export async function rowCounts(database: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of SYNCED_TABLES) {
    const [row] = await database.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    out[table] = row!.n;
  }
  return out;
}

/** The difference per table, only where there is one. */
export function grown(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(after).filter((k) => after[k] !== before[k]).map((k) => [k, after[k]! - before[k]!]));
}

export async function detail(admin: Client, id: string, lang = 'nb'): Promise<ImportDetail> {
  const res = await admin.get(`/api/roster-import/imports/${id}`, { 'accept-language': lang });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ImportDetail;
}

/** Uploads a zip (or anything else) and runs the read job: the import as the admin then sees it. */
export async function uploadAndRead(t: TestApp, admin: Client, body: Buffer, lang = 'nb'): Promise<ImportDetail> {
  const res = await admin.request('POST', '/api/roster-import/imports', body, { 'content-type': 'application/zip' });
  expect(res.statusCode, res.body).toBe(202);
  const id = res.json().id as string;
  await runRead(t.database, { ownerId: t.demo.ownerId, importId: id });
  return detail(admin, id, lang);
}

export const uploadFiles = (t: TestApp, admin: Client, files: readonly UploadedFile[], lang = 'nb') =>
  uploadAndRead(t, admin, Buffer.from(zipFiles(files)), lang);

/** Asks for the apply (202) without running it. */
export async function requestApply(admin: Client, id: string, onlyValid = false): Promise<ImportDetail> {
  const res = await admin.request('POST', `/api/roster-import/imports/${id}/apply`, { onlyValid });
  expect(res.statusCode, res.body).toBe(202);
  return res.json() as ImportDetail;
}

/** Applies through the API and runs the apply job. */
export async function apply(t: TestApp, admin: Client, id: string, onlyValid = false): Promise<ImportDetail> {
  await requestApply(admin, id, onlyValid);
  await runApply(t.database, { ownerId: t.demo.ownerId, importId: id });
  return detail(admin, id);
}

export const kindOf = (d: ImportDetail, kind: string) => d.preview!.kinds.find((k) => k.kind === kind)!;

export async function uploadRowOf(database: Database, importId: string): Promise<number> {
  const [row] = await database.query<{ n: number }>('select count(*)::int as n from roster_import_upload where import_id = $1', [importId]);
  return row!.n;
}

/** Asks again until `check` holds or the deadline passes (a job's progress is seen from outside, never waited for by a sleep). */
export async function until(check: () => Promise<boolean>, what: string, deadlineMs = 20_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not within ${deadlineMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
