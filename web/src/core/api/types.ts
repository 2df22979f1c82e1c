/**
 * The API types every feature shares, taken from the server's zod schemas (type-only imports, so a
 * change in the contract breaks the web's typecheck). A feature's own API types live in its folder.
 */
import type { Me } from '@server/core/auth/routes.js';
import type { Problem as ServerProblem } from '@server/core/http/schemas.js';

export type { Me };
export type { Access } from '@server/core/http/schemas.js';

export type Locale = Me['person']['locale'];
export type Role = Me['roles'][number];

/**
 * A problem+json body as read back: every field optional, because an error may also come from a
 * proxy or the network rather than from the server's problem handler.
 */
export type Problem = Partial<ServerProblem>;
