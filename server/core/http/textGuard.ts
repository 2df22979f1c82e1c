/**
 * One guard for every text the API takes: a NUL byte, other control characters (all but tab, line feed
 * and carriage return) and lone UTF-16 surrogates are refused with 400 naming the field, before any
 * route reads them. PostgreSQL refuses NUL in text (a 500 before this guard), and the others are never
 * what a person typed: they break CSV, PDF and e-mail output and hide text from a reader.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';

// C0 controls but \t \n \r, DEL and the C1 controls; lone surrogates are checked apart (a regex on them is engine-dependent)
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Whether a string holds a lone (unpaired) surrogate: not text, and not storable as UTF-8. */
function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) { i++; continue; }
      return true;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** Whether a text may be stored and shown: no disallowed control character and no lone surrogate. */
export function isCleanText(s: string): boolean {
  return !CONTROL.test(s) && !hasLoneSurrogate(s);
}

/** The first field (as problem answers name fields: `items.0.text`) whose text or key is not clean; null when all are. */
export function firstUncleanField(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return isCleanText(value) ? null : path;
  if (depth > 32 || value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, v] of entries) {
    const field = path ? `${path}.${key}` : key;
    if (!isCleanText(key)) return path || 'body';
    const bad = firstUncleanField(v, field, depth + 1);
    if (bad !== null) return bad;
  }
  return null;
}

function check(req: FastifyRequest): void {
  // path parameters and query names stand alone (`studentId`, `q`); body fields by their path in the body
  const bad = firstUncleanField(req.params, '') ?? firstUncleanField(req.query, '') ?? firstUncleanField(req.body, '');
  if (bad !== null) throw new HttpError(400, 'error.badRequest', {}, [{ field: bad || 'body', key: 'field.controlCharacter' }]);
}

/**
 * Runs before the access hook too, so that a path parameter with a NUL never reaches a loader's query;
 * it says nothing about the data, only about the request's own text.
 */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => check(req));
}
