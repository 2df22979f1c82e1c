/**
 * OWASP's "device cookies" against lockout by strangers: after a successful login the browser gets a
 * signed cookie naming the account. A login from a browser holding one for that account is judged by that
 * device's own failures, not by the account's lockout, so someone who types five wrong passwords for a
 * name does not lock its owner out on the device they always use; a browser without one (a new device, or
 * the attacker) stays under the per-account limit.
 *
 * The signature's key is the account's password hash: a server-side secret per account that every app
 * process shares without configuration, and a new password retires the account's device cookies.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const DEVICE_COOKIE = 'elevlos_device';
/** how long a device stays known without logging in */
export const DEVICE_COOKIE_DAYS = 180;
/** the accounts one browser remembers (a family's or a classroom's shared computer) */
const MAX_ENTRIES = 5;

export interface DeviceEntry { accountId: string; nonce: string; mac: string }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const sign = (key: string, accountId: string, nonce: string) => createHmac('sha256', key).update(`device:${accountId}:${nonce}`).digest('base64url');

export function parseDeviceCookie(value: string | undefined): DeviceEntry[] {
  if (!value || value.length > 2000) return [];
  return value.split('~').slice(0, MAX_ENTRIES).flatMap((part) => {
    const [accountId, nonce, mac] = part.split('.');
    return accountId && nonce && mac && UUID.test(accountId) && /^[\w-]{16,64}$/.test(nonce) && /^[\w-]{43}$/.test(mac) ? [{ accountId, nonce, mac }] : [];
  });
}

/** The entry for this account whose signature holds under its password hash; null when the device is not known. */
export function knownDevice(entries: DeviceEntry[], accountId: string, passwordHash: string | null): DeviceEntry | null {
  if (!passwordHash) return null;
  for (const e of entries) {
    if (e.accountId !== accountId) continue;
    const expected = Buffer.from(sign(passwordHash, accountId, e.nonce));
    const given = Buffer.from(e.mac);
    if (expected.length === given.length && timingSafeEqual(expected, given)) return e;
  }
  return null;
}

/** The cookie after a successful login: a fresh entry for this account first, the others kept. */
export function rememberDevice(entries: DeviceEntry[], accountId: string, passwordHash: string): string {
  const nonce = randomBytes(18).toString('base64url');
  const fresh: DeviceEntry = { accountId, nonce, mac: sign(passwordHash, accountId, nonce) };
  return [fresh, ...entries.filter((e) => e.accountId !== accountId)].slice(0, MAX_ENTRIES)
    .map((e) => `${e.accountId}.${e.nonce}.${e.mac}`).join('~');
}

/** The rate-limit key of one known device's failures (its nonce hashed: the key names no person). */
export const deviceKey = (entry: DeviceEntry) => `login:device:${createHash('sha256').update(entry.nonce).digest('hex').slice(0, 32)}`;
