/**
 * Sessions live in PostgreSQL so any app process can serve any request. The cookie holds
 * "<ownerId>.<secret>"; only sha256(secret) is stored, so a leaked table does not leak sessions.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/client.js';

export const SESSION_COOKIE = 'elevlos_session';
export const CSRF_COOKIE = 'elevlos_csrf';

export interface SessionInfo {
  id: string;
  ownerId: string;
  accountId: string;
  personId: string;
  csrfToken: string;
}

export interface SessionTimeouts {
  idleMinutes: number;
  absoluteHours: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');

export async function createSession(
  database: Database,
  who: { ownerId: string; accountId: string; personId: string },
  timeouts: SessionTimeouts,
): Promise<{ cookie: string; session: SessionInfo }> {
  const secret = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const id = hash(secret);
  await database.query(
    `insert into session (owner_id, id, account_id, person_id, csrf_token, expires_at)
     values ($1, $2, $3, $4, $5, now() + make_interval(hours => $6))`,
    [who.ownerId, id, who.accountId, who.personId, csrfToken, timeouts.absoluteHours],
  );
  return { cookie: `${who.ownerId}.${secret}`, session: { id, csrfToken, ...who } };
}

function parse(cookie: string | undefined): { ownerId: string; id: string } | null {
  if (!cookie) return null;
  const dot = cookie.indexOf('.');
  const ownerId = cookie.slice(0, dot);
  const secret = cookie.slice(dot + 1);
  if (dot < 0 || !UUID.test(ownerId) || secret.length < 20 || secret.length > 100) return null;
  return { ownerId, id: hash(secret) };
}

/** The live session for a cookie, or null when missing, expired or idle too long. Touches lastSeenAt at most once a minute. */
export async function findSession(database: Database, cookie: string | undefined, timeouts: SessionTimeouts): Promise<SessionInfo | null> {
  const key = parse(cookie);
  if (!key) return null;
  const rows = await database.query<{ account_id: string; person_id: string; csrf_token: string; stale: boolean }>(
    `select account_id, person_id, csrf_token, last_seen_at < now() - interval '1 minute' as stale
     from session where owner_id = $1 and id = $2 and expires_at > now()
       and last_seen_at > now() - make_interval(mins => $3)`,
    [key.ownerId, key.id, timeouts.idleMinutes],
  );
  const r = rows[0];
  if (!r) return null;
  if (r.stale) await database.query('update session set last_seen_at = now() where owner_id = $1 and id = $2', [key.ownerId, key.id]);
  return { id: key.id, ownerId: key.ownerId, accountId: r.account_id, personId: r.person_id, csrfToken: r.csrf_token };
}

export async function destroySession(database: Database, cookie: string | undefined): Promise<void> {
  const key = parse(cookie);
  if (key) await database.query('delete from session where owner_id = $1 and id = $2', [key.ownerId, key.id]);
}

export function csrfMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}
