/** Logging in: username and password, or Feide. Logging out is the shell's (core/auth/session.ts). */
import type { WebFeature } from '../../core/feature';
import { authPublicRoutes } from './routes';

export const authFeature = {
  routes: [],
  publicRoutes: authPublicRoutes,
} satisfies WebFeature;
