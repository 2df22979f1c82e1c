/** The planner's statistics after an import that wrote many rows. */
import type { QueryFn } from '../../../core/db/client.js';
import type { SyncKind } from '../sync/model.js';

/** The tables each kind writes (besides roster_link, which every kind writes). */
const TABLES: Record<SyncKind, readonly string[]> = {
  schools: ['school'], schoolYears: ['school_year'], terms: ['term'], departments: ['department'], subjects: ['subject'],
  people: ['person', 'account'], students: ['student'], guardianships: ['guardianship'], staff: ['staff_member', 'account'], staffRoles: ['staff_role'],
  basisGroups: ['basis_group'], teachingGroups: ['teaching_group'], enrolments: ['enrolment'], contactTeachers: ['contact_teacher_assignment'],
  subjectTeachers: ['subject_teacher_assignment'], lessons: ['lesson'],
};

/** Kinds with fewer rows written than this leave the statistics to autovacuum. */
const MANY_ROWS = 10_000;

/**
 * ANALYZE of the tables a large import filled. Until autovacuum gets to them (a minute or more later) the
 * planner believes they are as small as before the import — one county's first import, then a statement
 * that should read 3 000 links by their key scanned 900 000 instead (3.5 s for 500 rows, 18 ms after).
 * PostgreSQL's own advice after a bulk load. The names are this file's constants, never input.
 */
export async function analyzeAfterImport(q: QueryFn, rowsPerKind: Partial<Record<SyncKind, number>>): Promise<string[]> {
  const tables = new Set<string>();
  for (const [kind, rows] of Object.entries(rowsPerKind) as [SyncKind, number][]) {
    if (rows >= MANY_ROWS) for (const t of ['roster_link', ...TABLES[kind]]) tables.add(t);
  }
  if (tables.size) await q(`analyze ${[...tables].join(', ')}`);
  return [...tables];
}
