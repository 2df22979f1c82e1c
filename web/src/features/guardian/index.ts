/** A guardian's pages: their children, and each child's record as the server narrows it for a guardian. */
import type { WebFeature } from '../../core/feature';
import { GuardianNavItems } from './NavItems';
import { guardianRoutes } from './routes';

export const guardianFeature = {
  routes: guardianRoutes,
  nav: [{ order: 180, Items: GuardianNavItems }],
} satisfies WebFeature;
