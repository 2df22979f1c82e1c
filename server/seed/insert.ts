/**
 * Insert a generated data set, table by table in foreign-key order, as multi-row INSERTs of up to
 * `batchSize` rows. Works on PGlite and node-postgres alike (only the drizzle query builder is used).
 */
import { getTableColumns, type Table } from 'drizzle-orm';
import type { Database, Db } from '../core/db/client.js';
import { datasetTables, insertOrder, type Dataset, type TableKey } from './generate.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface InsertOptions {
  /** rows per INSERT statement (default 1000; capped so one statement stays under 65 000 parameters) */
  batchSize?: number;
  /**
   * `perTable` (default): one transaction per table, so a huge table does not hold one giant transaction
   * open; `single`: everything in one transaction (all or nothing, used by the demo).
   */
  transaction?: 'perTable' | 'single';
  /** called after each batch */
  onProgress?: (table: TableKey, inserted: number, total: number) => void;
}

const MAX_PARAMETERS = 65_000;

async function insertTable(tx: Tx, key: TableKey, rows: readonly object[], opts: InsertOptions): Promise<void> {
  const table: Table = datasetTables[key];
  const columns = Object.keys(getTableColumns(table)).length;
  const batch = Math.max(1, Math.min(opts.batchSize ?? 1000, Math.floor(MAX_PARAMETERS / columns)));
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    await tx.insert(table as never).values(chunk as never);
    opts.onProgress?.(key, Math.min(i + batch, rows.length), rows.length);
  }
}

/** insert every row of the data set; returns the number of rows per table */
export async function insertDataset(database: Database, ds: Dataset, opts: InsertOptions = {}): Promise<Record<TableKey, number>> {
  const counts = {} as Record<TableKey, number>;
  for (const key of insertOrder) counts[key] = ds[key].length;
  if (opts.transaction === 'single') {
    await database.db.transaction(async (tx) => {
      for (const key of insertOrder) if (ds[key].length > 0) await insertTable(tx, key, ds[key], opts);
    });
  } else {
    for (const key of insertOrder) {
      if (ds[key].length === 0) continue;
      await database.db.transaction(async (tx) => insertTable(tx, key, ds[key], opts));
    }
  }
  return counts;
}
