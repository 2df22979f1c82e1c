/** The import API's shapes (issue 13). The web app takes its types from here (`import type`). */
import { z } from 'zod';
import { accessSchema } from '../../core/http/schemas.js';
import { importStatuses, rosterSources } from './tables.js';

export const rosterKinds = [
  'schools', 'schoolYears', 'terms', 'departments', 'subjects', 'people', 'students', 'guardianships', 'staff',
  'basisGroups', 'teachingGroups', 'enrolments', 'contactTeachers', 'subjectTeachers', 'lessons',
] as const;
export type RosterKindName = (typeof rosterKinds)[number];

export const importParams = z.object({ importId: z.uuid() });
export const templateParams = z.object({ kind: z.enum(rosterKinds) });
export const langQuery = z.object({ lang: z.enum(['nb', 'nn', 'en']).optional() });
export const uploadQuery = z.object({
  /** the file's name when one CSV file is uploaded as text/csv (e.g. elever.csv) */
  file: z.string().trim().min(1).max(200).regex(/^[^/\\]+$/).optional(),
});

export const applyBody = z.strictObject({
  /** apply the rows without errors and leave the others out (else an import with errors is refused) */
  onlyValid: z.boolean().default(false),
});
export type ApplyInput = z.input<typeof applyBody>;

const countsSchema = z.object({ added: z.int(), changed: z.int(), ended: z.int() });

export const importSummarySchema = z.object({
  id: z.string(),
  schoolName: z.string(),
  source: z.enum(rosterSources),
  trigger: z.enum(['upload', 'schedule']),
  status: z.enum(importStatuses),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  appliedBy: z.string().nullable(),
  appliedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  errorCount: z.int(),
  /** what the apply wrote, over every kind */
  written: countsSchema.nullable(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const importListSchema = z.object({ access: accessSchema, imports: z.array(importSummarySchema) });
export type ImportList = z.infer<typeof importListSchema>;

const sampleSchema = z.object({
  sourceId: z.string(), label: z.string(), file: z.string().optional(), line: z.int().optional(), matches: z.string().optional(),
});
export type SampleRow = z.infer<typeof sampleSchema>;

export const kindPreviewSchema = z.object({
  kind: z.enum(rosterKinds),
  added: z.int(), changed: z.int(), unchanged: z.int(), ended: z.int(),
  samples: z.object({ added: z.array(sampleSchema), changed: z.array(sampleSchema), ended: z.array(sampleSchema) }),
});
export type KindPreview = z.infer<typeof kindPreviewSchema>;

export const rowErrorSchema = z.object({
  file: z.string(),
  line: z.int(),
  /** the field as the file names it (its column header in the reader's language, for the plain CSV set) */
  field: z.string(),
  message: z.string(),
});
export type RowErrorView = z.infer<typeof rowErrorSchema>;

export const importDetailSchema = importSummarySchema.extend({
  access: accessSchema,
  progress: z.object({ phase: z.string(), done: z.int(), total: z.int() }),
  onlyValid: z.boolean().nullable(),
  files: z.array(z.object({ name: z.string(), kind: z.string().nullable(), rows: z.int() })),
  preview: z.object({
    kinds: z.array(kindPreviewSchema),
    total: z.int(),
    /** subjects whose annual hours are unknown (FINT has none): the admin sets them (GET/PUT /api/roster-import/subjects) */
    subjectsWithoutHours: z.object({ count: z.int(), first: z.array(z.object({ code: z.string(), name: z.string() })) }).optional(),
  }).nullable(),
  /** the first errors (errorCount says how many there are in all) */
  errors: z.array(rowErrorSchema),
  result: z.object({
    kinds: z.record(z.string(), countsSchema),
    accountsCreated: z.int(),
    accountsLinked: z.int(),
  }).nullable(),
  log: z.array(z.object({ at: z.string(), message: z.string() })),
});
export type ImportDetail = z.infer<typeof importDetailSchema>;

export const createdSchema = z.object({ id: z.string() });

const headersSchema = z.object({ nb: z.string(), nn: z.string(), en: z.string() });
export const templatesSchema = z.object({
  access: accessSchema,
  templates: z.array(z.object({
    kind: z.enum(rosterKinds),
    file: headersSchema,
    title: headersSchema,
    columns: z.array(z.object({ headers: headersSchema, required: z.boolean(), help: headersSchema, example: z.string() })),
  })),
});
export type Templates = z.infer<typeof templatesSchema>;

const envName = z.string().max(70).refine((s) => /^FINT_[A-Z0-9_]{1,60}$/.test(s), { params: { key: 'rosterImport.envName' } });
const httpsUrl = z.url().max(500).refine((u) => u.startsWith('https://') || /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(u), { params: { key: 'rosterImport.httpsUrl' } });

export const scheduleBody = z.strictObject({
  // an API's address has no fragment (one is never sent to a server): a # is a typing mistake
  baseUrl: httpsUrl.refine((u) => !u.includes('#'), { params: { key: 'rosterImport.noFragment' } }),
  tokenUrl: httpsUrl,
  clientId: z.string().trim().min(1).max(200),
  orgId: z.string().trim().min(1).max(200),
  /** the NAME of the environment variable holding the client secret (FINT_…); the secret never passes through the API */
  clientSecretEnv: envName,
  usernameEnv: envName.nullable().default(null),
  passwordEnv: envName.nullable().default(null),
  nightly: z.boolean(),
  /** the hour (UTC, 0–23) the nightly sync runs */
  hour: z.int().min(0).max(23),
  /** entries per page FINT is asked for; null: 5000 */
  pageSize: z.int().min(1).max(100_000).nullable().default(null),
  /** read the timetable into weekly lessons (off: lessons are neither read nor ended) */
  timetable: z.boolean().default(true),
  /**
   * Of an organisation serving many schools, the ones to read: each a skolenummer, the school's systemId or its
   * organisasjonsnummer. Empty: the school this connection is linked to, or — before the first sync — all.
   */
  schools: z.array(z.string().trim().min(1).max(100).regex(/^[^,#&=]+$/)).max(200).default([]),
});
export type ScheduleInput = z.input<typeof scheduleBody>;

export const scheduleSchema = z.object({
  access: accessSchema,
  /** whether this Elevlos can read FINT at all (the adapter is installed) */
  fintAvailable: z.boolean(),
  fint: scheduleBody.extend({
    /** whether the named environment variables are set on the server (their values are never shown) */
    secretsPresent: z.boolean(),
  }).nullable(),
});
export type Schedule = z.infer<typeof scheduleSchema>;

export const subjectParams = z.object({ subjectId: z.uuid() });

export const subjectHoursSchema = z.object({ id: z.string(), code: z.string(), name: z.string(), annualHours: z.int() });
export const subjectsSchema = z.object({
  access: accessSchema,
  /** the subjects the school's teaching groups have, those whose annual hours are unknown (0) first */
  subjects: z.array(subjectHoursSchema),
});
export type SubjectsView = z.infer<typeof subjectsSchema>;

export const subjectHoursBody = z.strictObject({
  /** hours a school year (årstimer); the absence limit is counted on them */
  annualHours: z.int().min(1).max(2000),
});
export type SubjectHoursInput = z.infer<typeof subjectHoursBody>;
