/**
 * Import and sync of the roster (issue 13): the school's administrative system is the source of truth
 * for schools, years, people, groups and memberships. Three sources (the plain CSV set, OneRoster 1.2,
 * FINT) yield one roster (roster.ts); one sync, keyed on the source's ids, previews and then applies it.
 */
import type { Feature } from '../../core/feature.js';
import { rosterImportJobs } from './jobs.js';
import { rosterImportMessages } from './messages.js';
import { rosterImportExamples, rosterImportPolicy } from './policy.js';
import { rosterImportResource } from './resource.js';
import { rosterImportRoutes } from './routes.js';
import * as tables from './tables.js';

export const rosterImport: Feature = {
  name: 'rosterImport',
  policy: rosterImportPolicy,
  tables,
  resources: [{ ...rosterImportResource, examples: rosterImportExamples }],
  messages: rosterImportMessages,
  routes: rosterImportRoutes,
  jobs: rosterImportJobs,
  matrix: () => import('./authorization.cases.js').then((m) => m.rosterImportMatrix),
};
