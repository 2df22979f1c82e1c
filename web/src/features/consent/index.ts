/** Consent: what an adult student (or a guardian) has agreed to share, and with whom. */
import type { WebFeature } from '../../core/feature';
import { ConsentNavItems } from './NavItems';
import { consentRoutes } from './routes';

export const consentFeature = {
  routes: consentRoutes,
  nav: [{ order: 50, Items: ConsentNavItems }],
} satisfies WebFeature;

export { ConsentSummary } from './ConsentSummary';
