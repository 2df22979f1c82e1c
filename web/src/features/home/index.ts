/** The morning start page: one section per role the person has. */
import type { WebFeature } from '../../core/feature';
import { HomeNavItems } from './NavItems';
import { homeRoutes } from './routes';

export const homeFeature = {
  routes: homeRoutes,
  nav: [{ order: 10, Items: HomeNavItems }],
} satisfies WebFeature;
