/**
 * Sessions live in PostgreSQL so any app process can serve any request. The cookie holds
 * "<ownerId>.<secret>"; only sha256(secret) is stored, so a leaked table does not leak sessions.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database, QueryFn } from '../db/client.js';
import type { Device } from './device.js';

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
  device: Device = { browser: null, os: null },
): Promise<{ cookie: string; session: SessionInfo }> {
  const secret = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const id = hash(secret);
  await database.query(
    `insert into session (owner_id, id, account_id, person_id, csrf_token, expires_at, browser, os)
     values ($1, $2, $3, $4, $5, now() + make_interval(hours => $6), $7, $8)`,
    [who.ownerId, id, who.accountId, who.personId, csrfToken, timeouts.absoluteHours, device.browser, device.os],
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

/**
 * The live session for a cookie, or null when missing, expired, idle too long or its account disabled.
 * Touches lastSeenAt at most once a minute. Disabling an account deletes its sessions as well; the
 * account check closes the race with a login that was half-way through when the account was disabled.
 */
export async function findSession(database: Database, cookie: string | undefined, timeouts: SessionTimeouts): Promise<SessionInfo | null> {
  const key = parse(cookie);
  if (!key) return null;
  const rows = await database.query<{ account_id: string; person_id: string; csrf_token: string; stale: boolean }>(
    `select s.account_id, s.person_id, s.csrf_token, s.last_seen_at < now() - interval '1 minute' as stale
     from session s join account a on a.owner_id = s.owner_id and a.id = s.account_id and not a.disabled
     where s.owner_id = $1 and s.id = $2 and s.expires_at > now()
       and s.last_seen_at > now() - make_interval(mins => $3)`,
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

/**
 * A session as its owner (or an admin) sees it. `id` is a handle, the first 16 hex digits of the stored
 * hash: enough to name one session, and useless for making a cookie (the secret is never stored).
 */
export interface SessionSummary {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  /** where it began; both null for a session from before devices were kept, or a client that did not say */
  device: Device;
}

const HANDLE = /^[0-9a-f]{16}$/;
export const sessionHandle = (id: string) => id.slice(0, 16);
export const isSessionHandle = (value: string) => HANDLE.test(value);

/** The account's live sessions, the most recently used first. */
export async function liveSessions(q: QueryFn, ownerId: string, accountId: string, timeouts: SessionTimeouts): Promise<SessionSummary[]> {
  const rows = await q<{ handle: string; created_at: Date; last_seen_at: Date; browser: string | null; os: string | null }>(
    `select left(id, 16) as handle, created_at, last_seen_at, browser, os from session
     where owner_id = $1 and account_id = $2 and expires_at > now() and last_seen_at > now() - make_interval(mins => $3)
     order by last_seen_at desc, created_at desc`,
    [ownerId, accountId, timeouts.idleMinutes],
  );
  return rows.map((r) => ({
    id: r.handle, createdAt: new Date(r.created_at).toISOString(), lastSeenAt: new Date(r.last_seen_at).toISOString(), device: { browser: r.browser, os: r.os },
  }));
}

/** Ends one of the account's sessions by its handle; how many ended (0 when it was not the account's). */
export async function endSessionByHandle(q: QueryFn, ownerId: string, accountId: string, handle: string): Promise<number> {
  if (!isSessionHandle(handle)) return 0;
  const rows = await q<{ id: string }>(
    'delete from session where owner_id = $1 and account_id = $2 and left(id, 16) = $3 returning id', [ownerId, accountId, handle]);
  return rows.length;
}

/** Ends every session of the account, except `keepId` (the caller's own) when given; how many ended. */
export async function endSessionsOfAccount(q: QueryFn, ownerId: string, accountId: string, keepId: string | null = null): Promise<number> {
  const rows = await q<{ id: string }>(
    'delete from session where owner_id = $1 and account_id = $2 and ($3::text is null or id <> $3) returning id', [ownerId, accountId, keepId]);
  return rows.length;
}

/**
 * Ends every session of a person (all their accounts): for a change that takes access away, such as a
 * role removed, so that it holds from the next request rather than from the next login. `keepId`: the
 * caller's own session, when an admin takes a role from themselves.
 */
export async function endSessionsOfPerson(q: QueryFn, ownerId: string, personId: string, keepId: string | null = null): Promise<number> {
  const rows = await q<{ id: string }>(
    'delete from session where owner_id = $1 and person_id = $2 and ($3::text is null or id <> $3) returning id', [ownerId, personId, keepId]);
  return rows.length;
}
