/** Classes and teaching groups: the overview a contact teacher starts from, and a class's sub-menu's first entry. */
import type { WebFeature } from '../../core/feature';
import { ClassNavItems } from './NavItems';
import { classRoutes } from './routes';

export const classesFeature = {
  routes: classRoutes,
  nav: [{ order: 20, Items: ClassNavItems }],
  classSections: [{ segment: '', labelKey: 'classSections.overview', group: 'followUp', order: 10 }],
} satisfies WebFeature;

export { classListQuery } from './classesApi';
