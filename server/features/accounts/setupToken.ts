/**
 * The first start's one-time setup token. main.ts arms it when the database has no account at all and
 * prints the link with the token once, on the console; nothing else ever sees the token: only its hash
 * is kept, in this process's memory (there is no account to tie a database row to yet). It expires, and
 * it is spent by a successful setup. Another process on the same database has no token of its own to
 * accept, so the first start is done against the process that printed the link (or with
 * `npm run admin -- create-admin`).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const SETUP_VALID_MINUTES = 60;

let armed: { hash: Buffer; expiresAt: number } | null = null;

const hashOf = (token: string) => createHash('sha256').update(token).digest();

/** A new token (the previous one, if any, stops working); valid for SETUP_VALID_MINUTES. */
export function armSetup(now: number = Date.now()): string {
  const token = randomBytes(32).toString('base64url');
  armed = { hash: hashOf(token), expiresAt: now + SETUP_VALID_MINUTES * 60_000 };
  return token;
}

export function setupTokenMatches(token: string, now: number = Date.now()): boolean {
  if (!armed || now > armed.expiresAt) return false;
  return timingSafeEqual(hashOf(token), armed.hash);
}

/** Spent: the setup is done (or this process will not accept one). */
export function disarmSetup(): void {
  armed = null;
}
