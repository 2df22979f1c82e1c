/**
 * Administration (issue 13): the school admin's pages for the school's name, its staff and their roles,
 * corrections of group membership and the basis groups' contact teachers. Every change is audited with
 * who and why. The roster import (rosterImport) stays the source of truth: a correction made here stands
 * until the school's administrative system changes that record.
 */
import type { Feature } from '../../core/feature.js';
import { administrationMessages } from './messages.js';
import { administrationPolicy } from './policy.js';
import { administeredSchoolResource, administeredSchoolsResource } from './resource.js';
import { administrationRoutes } from './routes/index.js';

export const administration: Feature = {
  name: 'administration',
  policy: administrationPolicy,
  resources: [administeredSchoolResource, administeredSchoolsResource],
  messages: administrationMessages,
  routes: administrationRoutes,
  matrix: () => import('./authorization.cases.js').then((m) => m.administrationMatrix),
};
