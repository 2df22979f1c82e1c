/** Conflicts between students: for contact teachers and the leaders. */
import type { WebFeature } from '../../core/feature';
import { conflictsEn, conflictsNb, conflictsNn } from './i18n';
import { ConflictNavItems } from './NavItems';
import { conflictRoutes } from './routes';
// Loaded with the app, as every feature's styles are (see core/feature.ts).
import './conflicts.css';

export const conflictsFeature = {
  routes: conflictRoutes,
  nav: [{ order: 150, Items: ConflictNavItems }],
  texts: { nb: { conflicts: conflictsNb }, nn: { conflicts: conflictsNn }, en: { conflicts: conflictsEn } },
} satisfies WebFeature;

export { StudentConflictsSection } from './StudentConflictsSection';
