/**
 * Administration (issue 13), the school admin's: the schools and their names, the staff and their roles,
 * corrections of group membership and the basis groups' contact teachers — each change with a reason
 * that lands in the audit log. The import (rosterImport) and the accounts (accounts) sit beside it in
 * the menu and in the area's own menu.
 */
import type { WebFeature } from '../../core/feature';
import { administrationEn, administrationNb, administrationNn } from './i18n';
import { AdministrationNavItems } from './NavItems';
import { administrationRoutes } from './routes';
// Loaded with the app, as every feature's styles are (see core/feature.ts).
import './administration.css';

export const administrationFeature = {
  routes: administrationRoutes,
  nav: [{ order: 195, Items: AdministrationNavItems }],
  texts: { nb: { administration: administrationNb }, nn: { administration: administrationNn }, en: { administration: administrationEn } },
} satisfies WebFeature;
