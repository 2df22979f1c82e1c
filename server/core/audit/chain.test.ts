/**
 * Tamper evidence: the audit log is hash-chained per owner, concurrent writers never fork a chain, and
 * `npm run audit:verify` names the first broken link (owner, row id, time) with exit code 1.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client.js';
import { freshDatabase, type TestDb } from '../../test/harness.js';
import { verifyAuditChains, verifyOwnerChain } from './chain.js';
import { writeAudit, type AuditEntry } from './audit.js';

const run = promisify(execFile);

// PGlite: a data dir the CLI can open after this file closes it; PostgreSQL: the harness's own database
let db: TestDb;
let dataDir: string | undefined;

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    db = await freshDatabase();
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'elevlos-chain-'));
    const database = await openDatabase({ dataDir });
    db = { database, drop: async () => { await database.close(); } };
  }
});

afterAll(async () => {
  await db.drop().catch(() => {});
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function entry(ownerId: string, action: string): AuditEntry {
  return {
    ownerId, actorPersonId: randomUUID(), action, resourceType: 'student', resourceId: randomUUID(), studentId: randomUUID(),
    decision: 'allow', reason: { code: 'contactTeacher', params: { className: '1STA', note: 'Æøå «x»' } } as never,
  };
}

async function rowIds(database: Database, ownerId: string): Promise<string[]> {
  const rows = await database.query<{ id: string }>('select id::text as id from audit_log where owner_id = $1 order by audit_log.id', [ownerId]);
  return rows.map((r) => r.id);
}

describe('the audit chain', () => {
  const ownerA = randomUUID();
  const ownerB = randomUUID();

  it('holds for every owner when many requests write audit rows at the same time', async () => {
    const writes = Array.from({ length: 24 }, (_, i) =>
      writeAudit(db.database, [entry(i % 3 === 0 ? ownerB : ownerA, `read.${i}`), entry(ownerA, `list.${i}`)]));
    await Promise.all(writes);
    const chains = await verifyAuditChains(db.database);
    const a = chains.find((c) => c.ownerId === ownerA)!;
    const b = chains.find((c) => c.ownerId === ownerB)!;
    expect(a).toMatchObject({ rows: 40, broken: null });
    expect(b).toMatchObject({ rows: 8, broken: null });
    expect(a.headHash).not.toBe(b.headHash);
  });

  it('names the changed row, with its owner and time, when someone edits a row in SQL', async () => {
    const ids = await rowIds(db.database, ownerA);
    const victim = ids[5]!;
    await db.database.query("update audit_log set reason_params = '{\"className\": \"2STB\"}' where owner_id = $1 and id = $2", [ownerA, victim]);
    const [at] = await db.database.query<{ at: string }>(
      `select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at from audit_log where owner_id = $1 and id = $2`, [ownerA, victim]);
    const a = await verifyOwnerChain(db.database, ownerA);
    expect(a.broken).toEqual({ ownerId: ownerA, rowId: victim, at: at!.at, problem: 'changed' });
    // the other owner's chain is its own: still whole
    expect((await verifyOwnerChain(db.database, ownerB)).broken).toBeNull();
  });

  it('names the row after a deleted one, and a removed tail', async () => {
    const ids = await rowIds(db.database, ownerB);
    await db.database.query('delete from audit_log where owner_id = $1 and id = $2', [ownerB, ids[2]]);
    expect((await verifyOwnerChain(db.database, ownerB)).broken).toMatchObject({ rowId: ids[3], problem: 'missingOrReordered' });

    const ownerC = randomUUID();
    await writeAudit(db.database, [entry(ownerC, 'one'), entry(ownerC, 'two')]);
    const [, last] = await rowIds(db.database, ownerC);
    await db.database.query('delete from audit_log where owner_id = $1 and id = $2', [ownerC, last]);
    expect((await verifyOwnerChain(db.database, ownerC)).broken).toMatchObject({ rowId: null, problem: 'tailRemoved' });
  });

  it('npm run audit:verify names the first broken link and exits with 1', async () => {
    const ids = await rowIds(db.database, ownerA);
    const env: NodeJS.ProcessEnv = { ...process.env };
    if (db.url) env.DATABASE_URL = db.url;
    else {
      // one process per PGlite data dir: this file lets go of it for the CLI
      await db.database.close();
      delete env.DATABASE_URL;
      env.DATA_DIR = dataDir!;
    }
    const failed = await run('npx', ['tsx', 'scripts/audit-verify.ts'], { env }).then(() => null, (e: { code: number; stdout: string }) => e);
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toContain(`owner ${ownerA}: BROKEN at row ${ids[5]} (`);
    expect(failed?.stdout).toMatch(new RegExp(`owner ${ownerA}: BROKEN at row ${ids[5]} \\(\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\)`));
  }, 60_000);
});
