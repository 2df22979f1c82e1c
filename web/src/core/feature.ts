/**
 * What a web feature tells the app about itself. Each `features/<feature>/index.ts` exports one of these;
 * `app/features.ts` lists them, and app/ builds the router, the texts, the main menu and a class's
 * sub-menu from them, so core never needs to know which features exist.
 *
 * The index also re-exports what other features may use (a section of the student's record, a query);
 * a feature imports another only through its index. Keep those modules free of top-level side effects
 * (calls, spreads): the bundler would otherwise keep them in the bundle every page loads.
 *
 * A feature's stylesheet is imported by its index, so it loads with the app rather than with a page:
 * some classes are shared between features and a few rules are global (print), and all of it is small.
 */
import type { AnyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { Me } from './api/types';
import type { RecordLink } from './ui/recordLinks';

/**
 * One place in the main menu. Features render their own `<li>`s, so each link keeps its typed path,
 * its typed label and its own role conditions.
 */
export interface NavEntry {
  /**
   * Position in the main menu, lowest first. The menu is one list across all features, so the numbers
   * are spaced to leave room between neighbours (see app/MainNav.tsx for the whole sequence).
   */
  readonly order: number;
  /** The entry's `<li>` items for this person; nothing when the entry is not for them. */
  readonly Items: (props: { me: Me }) => ReactNode;
}

/** The three parts of a class's sub-menu, in this order: following up students, the class's life, routines. */
export const classSectionGroups = ['followUp', 'classLife', 'routines'] as const;
export type ClassSectionGroup = (typeof classSectionGroups)[number];

/** One of a class's own pages in the sub-menu shown on every page under /classes/:id. */
export interface ClassSection {
  /** Path under /classes/$basisGroupId; '' is the class overview. */
  readonly segment: string;
  /** An i18n key. */
  readonly labelKey: string;
  readonly group: ClassSectionGroup;
  /** Position within its group, lowest first; spaced like NavEntry.order. */
  readonly order: number;
  /** the class's own students may open it too (class life they take part in); else staff only */
  readonly forStudents?: true;
}

/** A feature's texts: one block per language, each a namespace (e.g. `{ absence: {...} }`) of the one dictionary. */
export interface FeatureTexts {
  readonly nb: Readonly<Record<string, object>>;
  readonly nn: Readonly<Record<string, object>>;
  readonly en: Readonly<Record<string, object>>;
}

export interface WebFeature {
  /**
   * Pages for a logged-in user, created under core's `authedRoute`. Their components come in lazily
   * (`route.lazy(...)`), so a person downloads only the pages they open; loaders stay here so data
   * and code load side by side.
   */
  readonly routes: readonly AnyRoute[];
  /** Pages without a session, created under core's `rootRoute` (the login page). */
  readonly publicRoutes?: readonly AnyRoute[];
  readonly nav?: readonly NavEntry[];
  readonly texts?: FeatureTexts;
  readonly classSections?: readonly ClassSection[];
  /** links from a student's record to the student's pages in this feature */
  readonly recordLinks?: readonly RecordLink[];
}
