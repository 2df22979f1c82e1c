/** Rate limits of the public account routes, in the login's fixed windows (core/auth/rateLimit). */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../../../core/http/errors.js';
import { hit, peek } from '../../../core/auth/rateLimit.js';

const hashed = (value: string) => createHash('sha256').update(value.toLowerCase()).digest('hex').slice(0, 32);

/** The key for what someone typed (an e-mail address is personal data: only its hash is kept). */
export const identifierKey = (prefix: string, identifier: string) => `${prefix}:id:${hashed(identifier)}`;
export const ipKey = (prefix: string, req: FastifyRequest) => `${prefix}:ip:${req.ip}`;

function tooMany(key: string, seconds: number): never {
  throw new HttpError(429, key, { minutes: Math.ceil(seconds / 60), seconds });
}

/** Counts this request under each key; refuses it once a key has passed its limit in the window. */
export async function countAndLimit(req: FastifyRequest, limits: { key: string; max: number }[], messageKey: string): Promise<void> {
  const { database, config } = req.server;
  const hits = await Promise.all(limits.map((l) => hit(database, l.key, config.loginWindowMinutes)));
  const over = hits.filter((h, i) => h.count > limits[i]!.max);
  if (over.length) tooMany(messageKey, Math.max(...over.map((h) => h.retryAfterSeconds)));
}

/** Refuses the request when earlier failures under `key` reached `max` (failures are counted with `countFailure`). */
export async function refuseAfterFailures(req: FastifyRequest, key: string, max: number, messageKey: string): Promise<void> {
  const seen = await peek(req.server.database, key);
  if (seen.count >= max) tooMany(messageKey, seen.retryAfterSeconds);
}

export async function countFailure(req: FastifyRequest, key: string): Promise<void> {
  await hit(req.server.database, key, req.server.config.loginWindowMinutes);
}
