/** The access log: who has read a student's information, for the student and their guardians. */
import type { WebFeature } from '../../core/feature';
import { AccessLogNavItems } from './NavItems';
import { accessLogRoutes } from './routes';

export const accessLogFeature = {
  routes: accessLogRoutes,
  nav: [{ order: 60, Items: AccessLogNavItems }],
} satisfies WebFeature;

export { actionLabel, resourceLabel } from './actionLabel';
