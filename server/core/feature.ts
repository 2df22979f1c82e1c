/**
 * What a feature is to the app: one description, exported by `server/features/<feature>/index.ts` and
 * listed once in `server/features/index.ts`. Installing it fills core's registries — the policy's rules,
 * the access hook's kinds of resource, the server texts, the evidence for the annual cycle, the jobs — and
 * its routes are registered when the app is built. Core knows no feature by name.
 */
import type { FastifyInstance } from 'fastify';
import type { MatrixFeature } from '../test/matrix.js';
import { registerEvidenceSource, type EvidenceSource } from './evidence/sources.js';
import { registerResourceKind, type ResourceKind } from './http/access.js';
import { registerMessages, type MessageCatalogs } from './i18n/messages.js';
import { defineJob, type JobHandler } from './jobs/queue.js';
import { registerPolicy, type Policy } from './policy/can.js';
import type { ResourceType } from './policy/types.js';

export interface Feature {
  /** the folder's name */
  name: string;
  /** its actions and the rules that decide them, with reasons (policy.ts) */
  policy?: Policy;
  /** its own kinds of resource, for routes that name one in their path (a conversation, a case) */
  resources?: ResourceKind<ResourceType>[];
  /** its server texts: errors, field errors, export headers (messages.ts) */
  messages?: MessageCatalogs;
  /** its tables (tables.ts); drizzle-kit reads them all through server/tables.ts */
  tables?: Record<string, unknown>;
  /** its HTTP routes; every one declares its access */
  routes?: (app: FastifyInstance) => Promise<void>;
  /** what it proves done for the annual cycle's routines (evidence.ts) */
  evidence?: EvidenceSource[];
  /** its background jobs, by kind */
  jobs?: Record<string, JobHandler>;
  /** its rows of the authorization matrix (authorization.cases.ts), loaded by the matrix test only */
  matrix?: () => Promise<MatrixFeature>;
}

const installed = new Set<string>();

/** Fills core's registries from the features' descriptions; each feature once per process. */
export function installFeatures(features: readonly Feature[]): void {
  for (const f of features) {
    if (installed.has(f.name)) continue;
    installed.add(f.name);
    if (f.policy) registerPolicy(f.policy);
    for (const kind of f.resources ?? []) registerResourceKind(kind);
    if (f.messages) registerMessages(f.messages);
    for (const source of f.evidence ?? []) registerEvidenceSource(source);
    for (const [kind, handler] of Object.entries(f.jobs ?? {})) defineJob(kind, handler);
  }
}

/** Registers every feature's routes on the app (each in its own encapsulated plugin). */
export async function registerFeatureRoutes(app: FastifyInstance, features: readonly Feature[]): Promise<void> {
  for (const f of features) if (f.routes) await app.register(f.routes);
}
