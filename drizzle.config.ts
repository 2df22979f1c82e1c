import { defineConfig } from 'drizzle-kit';

// core's tables and every feature's own: a new feature's tables.ts is picked up without a line here
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./server/core/db/tables.ts', './server/features/*/tables.ts'],
  out: './server/core/db/migrations',
  casing: 'snake_case',
});
