/**
 * Secret-token calendar feed URLs, shared by the features that publish iCalendar feeds (booking's
 * personal feed, the assessment plan's student and group feeds). Calendar apps cannot log in, so the
 * token in the URL is the credential: 32 random bytes, only its sha256 stored. A token belongs to one
 * person and one `scope`; the feed is decided by the policy as that person every time it is fetched,
 * so a person who loses the relationship gets an empty or missing feed, and a new token replaces the old.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { QueryFn } from '../db/client.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A token as issued (base64url of 32 bytes); anything else is not looked up at all. */
export const isWellFormedToken = (token: string) => /^[A-Za-z0-9_-]{20,100}$/.test(token);

/** Creates or replaces the person's feed token for the scope; the old URL stops working. */
export async function rotateFeedToken(q: QueryFn, ownerId: string, personId: string, scope: string): Promise<{ token: string; createdAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const [row] = await q<{ created_at: Date }>(
    `insert into calendar_feed (owner_id, person_id, scope, token_hash) values ($1, $2, $3, $4)
     on conflict (owner_id, person_id, scope) do update set token_hash = excluded.token_hash, created_at = now()
     returning created_at`,
    [ownerId, personId, scope, hashToken(token)],
  );
  return { token, createdAt: row!.created_at };
}

/** When the person's feed of the scope was created, or null when there is none. */
export async function feedCreatedAt(q: QueryFn, ownerId: string, personId: string, scope: string): Promise<Date | null> {
  const [row] = await q<{ created_at: Date }>(
    'select created_at from calendar_feed where owner_id = $1 and person_id = $2 and scope = $3', [ownerId, personId, scope]);
  return row ? row.created_at : null;
}

export async function removeFeed(q: QueryFn, ownerId: string, personId: string, scope: string): Promise<void> {
  await q('delete from calendar_feed where owner_id = $1 and person_id = $2 and scope = $3', [ownerId, personId, scope]);
}

/** Whose feed a token is, and of which scope; null for an unknown or malformed token. */
export async function resolveFeedToken(q: QueryFn, token: string): Promise<{ ownerId: string; personId: string; scope: string } | null> {
  if (!isWellFormedToken(token)) return null;
  const [row] = await q<{ owner_id: string; person_id: string; scope: string }>(
    'select owner_id, person_id, scope from calendar_feed where token_hash = $1', [hashToken(token)]);
  return row ? { ownerId: row.owner_id, personId: row.person_id, scope: row.scope } : null;
}
