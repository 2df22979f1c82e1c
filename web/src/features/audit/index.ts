/** The audit log: every read and change of student data, searchable by the school's leaders. */
import type { WebFeature } from '../../core/feature';
import { AuditNavItems } from './NavItems';
import { auditRoutes } from './routes';

export const auditFeature = {
  routes: auditRoutes,
  nav: [{ order: 190, Items: AuditNavItems }],
} satisfies WebFeature;
