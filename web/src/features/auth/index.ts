/** Logging in: username and password, Feide or ID-porten; the notice when Feide and the school's data disagree. Logging out is the shell's (core/auth/session.ts). */
import type { WebFeature } from '../../core/feature';
import { oidcEn, oidcNb, oidcNn } from './i18n';
import { authPublicRoutes, authRoutes } from './routes';

export const authFeature = {
  routes: authRoutes,
  publicRoutes: authPublicRoutes,
  texts: { nb: { oidc: oidcNb }, nn: { oidc: oidcNn }, en: { oidc: oidcEn } },
} satisfies WebFeature;
