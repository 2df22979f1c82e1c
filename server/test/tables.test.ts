/**
 * Every table has one owner: core or exactly one feature's description (features/<feature>/tables.ts).
 * The migrations' latest snapshot is what the database holds, so a table no one declares — or two
 * features declare — fails here before drizzle-kit would generate a migration that drops or doubles it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getTableName, isTable, type Table } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as coreTables from '../core/db/tables.js';
import { migrationsFolder } from '../core/db/client.js';
import { features } from '../features/index.js';

const tableNames = (module: Record<string, unknown>): string[] =>
  Object.values(module).filter((v): v is Table => isTable(v)).map((t) => getTableName(t));

function latestSnapshotTables(): string[] {
  const meta = `${migrationsFolder}/meta/`;
  const latest = readdirSync(meta).filter((f) => f.endsWith('_snapshot.json')).sort().at(-1)!;
  const snapshot = JSON.parse(readFileSync(`${meta}${latest}`, 'utf8')) as { tables: Record<string, unknown> };
  return Object.keys(snapshot.tables).map((k) => k.replace(/^public\./, ''));
}

describe('the tables and who owns them', () => {
  it('every table of the migrated schema is declared once, by core or by one feature', () => {
    const owners = new Map<string, string[]>();
    const own = (owner: string, names: string[]) => names.forEach((n) => owners.set(n, [...(owners.get(n) ?? []), owner]));
    own('core', tableNames(coreTables));
    for (const f of features) own(f.name, tableNames(f.tables ?? {}));

    const twice = [...owners].filter(([, o]) => o.length > 1).map(([n, o]) => `${n}: ${o.join(', ')}`);
    expect(twice).toEqual([]);
    expect([...owners.keys()].sort()).toEqual(latestSnapshotTables().sort());
  });

  it('a feature with a tables.ts lists its tables in its description', () => {
    const folder = fileURLToPath(new URL('../features/', import.meta.url));
    const withTables = readdirSync(folder, { withFileTypes: true })
      .filter((d) => d.isDirectory() && readdirSync(`${folder}${d.name}`).includes('tables.ts')).map((d) => d.name).sort();
    expect(features.filter((f) => f.tables).map((f) => f.name).sort()).toEqual(withTables);
  });
});
