/**
 * Accounts (issue 13): the first start's setup page, one's own password and sessions, the forgotten
 * password by e-mail link, and the school admin's accounts (disable, enable, log out everywhere).
 */
import type { WebFeature } from '../../core/feature';
import { accountsEn, accountsNb, accountsNn } from './i18n';
import { AccountsAdminNavItems, MyAccountNavItems } from './NavItems';
import { accountPublicRoutes, accountRoutes } from './routes';
// Loaded with the app, as every feature's styles are (see core/feature.ts).
import './accounts.css';

export const accountsFeature = {
  routes: accountRoutes,
  publicRoutes: accountPublicRoutes,
  nav: [
    { order: 197, Items: AccountsAdminNavItems },
    { order: 217, Items: MyAccountNavItems },
  ],
  texts: { nb: { accounts: accountsNb }, nn: { accounts: accountsNn }, en: { accounts: accountsEn } },
} satisfies WebFeature;

