/**
 * Proof that the audit log is as it was written: each owner's rows form a hash chain (migration 0018's
 * trigger sets prev_hash and hash on insert). This recomputes every hash here, in Node, from the texts
 * PostgreSQL gives for the row's fields, so the check does not trust the database's own function.
 *
 * What it catches: a changed field (hash differs), a removed or reordered row (prev_hash differs), a removed
 * tail (the owner's chain head names a row that is gone). What it cannot catch alone: someone with write
 * access recomputing the whole chain; keep the printed head hashes elsewhere to catch that too.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../db/client.js';

export const GENESIS_HASH = '0'.repeat(64);

/** One row as PostgreSQL renders its fields; the same texts audit_row_hash() hashes. */
interface ChainRow {
  id: string;
  at_text: string;
  fields: (string | null)[];
  prev_hash: string;
  hash: string;
}

export interface BrokenLink {
  ownerId: string;
  /** the first row whose link does not hold (null: the chain head names a row that is gone) */
  rowId: string | null;
  at: string | null;
  problem: 'changed' | 'missingOrReordered' | 'tailRemoved';
}

export interface OwnerChain {
  ownerId: string;
  rows: number;
  /** the hash of the owner's newest row: written down elsewhere, it proves no rewrite of the whole chain */
  headHash: string;
  broken: BrokenLink | null;
}

/** The canonical serialisation (version 1): null as 'N', else 'S' + byte length + ':' + text. */
export function rowHash(fields: (string | null)[]): string {
  const body = fields.map((f) => (f === null ? 'N' : `S${Buffer.byteLength(f, 'utf8')}:${f}`)).join('');
  return createHash('sha256').update(`elevlos-audit-v1${body}`, 'utf8').digest('hex');
}

const BATCH = 5000;

/** The owner's rows from `afterId` on, with each field as text in audit_row_hash()'s order. */
async function chainRows(database: Database, ownerId: string, afterId: string): Promise<ChainRow[]> {
  return database.query<ChainRow>(
    `select id::text as id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_text,
            array[owner_id::text, id::text, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                  actor_person_id::text, action, resource_type, resource_id, student_id::text, decision,
                  reason, reason_code, reason_params::text, prev_hash] as fields,
            prev_hash, hash
       from audit_log where owner_id = $1 and id > $2::bigint order by audit_log.id limit ${BATCH}`,
    [ownerId, afterId],
  );
}

export async function verifyOwnerChain(database: Database, ownerId: string): Promise<OwnerChain> {
  let prev = GENESIS_HASH;
  let lastId = '0';
  let rows = 0;
  for (;;) {
    const batch = await chainRows(database, ownerId, lastId);
    for (const r of batch) {
      rows++;
      if (r.prev_hash !== prev) return { ownerId, rows, headHash: prev, broken: { ownerId, rowId: r.id, at: r.at_text, problem: 'missingOrReordered' } };
      if (rowHash(r.fields) !== r.hash) return { ownerId, rows, headHash: prev, broken: { ownerId, rowId: r.id, at: r.at_text, problem: 'changed' } };
      prev = r.hash;
      lastId = r.id;
    }
    if (batch.length < BATCH) break;
  }
  const [head] = await database.query<{ last_id: string; last_hash: string }>(
    'select last_id::text as last_id, last_hash from audit_chain_head where owner_id = $1', [ownerId],
  );
  const headHolds = head ? head.last_id === lastId && head.last_hash === prev : rows === 0;
  return { ownerId, rows, headHash: prev, broken: headHolds ? null : { ownerId, rowId: null, at: null, problem: 'tailRemoved' } };
}

/** Every owner's chain, including owners whose rows are all gone but whose head remains. */
export async function verifyAuditChains(database: Database): Promise<OwnerChain[]> {
  const owners = await database.query<{ owner_id: string }>(
    'select owner_id from audit_chain_head union select distinct owner_id from audit_log order by 1',
  );
  const result: OwnerChain[] = [];
  for (const o of owners) result.push(await verifyOwnerChain(database, o.owner_id));
  return result;
}
