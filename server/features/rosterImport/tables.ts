/**
 * The import and sync of a school owner's roster (issue 13): each import with its preview, progress
 * and log; the uploaded files until the import is applied or cancelled; the link from each record of
 * a source to the row it became in Elevlos; and a school's connection to FINT for the nightly sync.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, customType, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../../core/db/columns.js';
import { school } from '../../core/db/tables.js';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const rosterSources = ['csv', 'oneRoster', 'fint'] as const;
export type RosterSource = (typeof rosterSources)[number];

export const importStatuses = ['reading', 'ready', 'applying', 'applied', 'cancelled', 'failed'] as const;
export type ImportStatus = (typeof importStatuses)[number];

/**
 * One import: read → preview (`ready`) → applied or cancelled. `phase` and the row counts are the
 * progress the page polls; `log` is what the admin reads afterwards (message keys with parameters,
 * shown in the reader's language). The preview holds counts and the first rows of each kind, never a
 * national identity number.
 */
export const rosterImport = pgTable('roster_import', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  /** the school whose admin started it (or whose nightly schedule did) */
  schoolId: uuid().notNull(),
  source: text({ enum: rosterSources }).notNull(),
  trigger: text({ enum: ['upload', 'schedule'] }).notNull(),
  status: text({ enum: importStatuses }).notNull(),
  phase: text().notNull(),
  rowsDone: integer().notNull().default(0),
  rowsTotal: integer().notNull().default(0),
  /** what each file turned out to be: [{ name, kind, rows }] */
  files: jsonb().notNull().default([]),
  /** per kind: counts of added, changed, unchanged and ended, and the first rows of each */
  preview: jsonb(),
  /** the first rows that cannot be imported (file, line, field, message key) */
  errors: jsonb().notNull().default([]),
  errorCount: integer().notNull().default(0),
  /** the admin chose to apply only the valid rows */
  onlyValid: boolean(),
  /** per kind: what the apply wrote */
  result: jsonb(),
  log: jsonb().notNull().default([]),
  createdByPersonId: uuid(),
  createdAt: tz().notNull().defaultNow(),
  appliedByPersonId: uuid(),
  appliedAt: tz(),
  finishedAt: tz(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
  index().on(t.ownerId, t.schoolId, t.createdAt),
]);

/** The uploaded files (one zip) of an import, kept only until it is applied or cancelled: they hold personal data. */
export const rosterImportUpload = pgTable('roster_import_upload', {
  ownerId: uuid().notNull(),
  importId: uuid().notNull(),
  content: bytea().notNull(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.importId] }),
  foreignKey({ columns: [t.ownerId, t.importId], foreignColumns: [rosterImport.ownerId, rosterImport.id] }),
]);

/**
 * A record of a source (its kind and the source's own id) → the row it became in Elevlos. The sync is
 * keyed on these: the same file twice finds every record linked with the same digest and changes
 * nothing; a linked record the source no longer has is ended (`endedAt`), never deleted. An assignment
 * has no id of its own: its row is (`localId`, `localId2`) = (group, staff member).
 */
export const rosterLink = pgTable('roster_link', {
  ownerId: uuid().notNull(),
  source: text({ enum: rosterSources }).notNull(),
  /** a roster kind (roster.ts), or `staffRoles` for the roles the source gave a staff member */
  kind: text().notNull(),
  sourceId: text().notNull(),
  localId: uuid().notNull(),
  localId2: uuid(),
  /** the local school the record belongs to (an import ends only within its schools); null: the owner's own */
  schoolId: uuid(),
  /** the record as last imported (a hash): a changed digest is a changed record */
  digest: text().notNull(),
  endedAt: tz(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.source, t.kind, t.sourceId] }),
  // by local row: which records a matched row is already linked to, a school's FINT ids, a student's links.
  // Never asked of the enrolments (a county's 900 000), whose entries made this index cost more than the
  // table itself on a first import; a lookup of enrolments by local row reads the primary key's range.
  index().on(t.ownerId, t.source, t.kind, t.localId).where(sql`kind <> 'enrolments'`),
]);

/**
 * A school's connection to FINT for the nightly sync. Only the names of the environment variables that
 * hold the secrets are stored (FINT_…), never a secret itself.
 */
export const rosterSourceSetting = pgTable('roster_source_setting', {
  ownerId: uuid().notNull(),
  schoolId: uuid().notNull(),
  source: text({ enum: ['fint'] }).notNull(),
  baseUrl: text().notNull(),
  tokenUrl: text().notNull(),
  clientId: text().notNull(),
  orgId: text().notNull(),
  clientSecretEnv: text().notNull(),
  usernameEnv: text(),
  passwordEnv: text(),
  nightly: boolean().notNull().default(false),
  /** the hour (UTC) the nightly sync runs */
  hour: smallint().notNull().default(2),
  /** the FINT schools to read (skolenummer, systemId or organisasjonsnummer); empty: the school once linked, else all */
  schools: text().array().notNull().default(sql`'{}'::text[]`),
  /** entries per page FINT is asked for; null: the adapter's default */
  pageSize: integer(),
  /** whether the timetable is read into weekly lessons */
  timetable: boolean().notNull().default(true),
  updatedByPersonId: uuid().notNull(),
  updatedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.schoolId, t.source] }),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
  check('roster_source_setting_hour', sql`${t.hour} between 0 and 23`),
  check('roster_source_setting_page_size', sql`${t.pageSize} is null or ${t.pageSize} between 1 and 100000`),
]);
