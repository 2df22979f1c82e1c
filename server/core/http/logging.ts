/**
 * What the server's log may hold: no secrets and no personal data. Request URLs lose their tokens (a
 * calendar feed's URL is its password; a reset or OIDC callback carries one-time secrets in the query),
 * and an error keeps its kind, its SQLSTATE and where it happened, never a failed statement's parameters
 * (a contact-log text, a conversation note, a username) nor a database message that quotes a value.
 */
import type { FastifyServerOptions } from 'fastify';
import type { Writable } from 'node:stream';

const REDACTED = '[redacted]';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** a path segment that looks like a random secret: long, URL-safe, and not an id */
const TOKEN_LIKE = /^[A-Za-z0-9_~.-]{20,}$/;
/** the segment after one of these is a secret whatever it looks like */
const SECRET_AFTER = new Set(['calendar', 'feeds', 'token', 'tokens']);
/** a route's own word ("check", "end-others"), never a random secret */
const ROUTE_WORD = /^[a-z]+(-[a-z]+)*$/;
/** query values under these names are secrets */
const SECRET_QUERY = /token|secret|code|state|password|key|session|ticket/i;

function redactSegment(segment: string, previous: string | undefined): string {
  if (segment === '') return segment;
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch { /* keep it as sent */ }
  const bare = decoded.replace(/\.(ics|json|pdf|csv)$/i, '');
  if (UUID.test(bare)) return segment;
  const extension = decoded.slice(bare.length);
  if ((previous && SECRET_AFTER.has(previous.toLowerCase()) && !ROUTE_WORD.test(bare)) || TOKEN_LIKE.test(bare)) return REDACTED + extension;
  return segment;
}

/** A request URL as the log may show it: tokens in the path and secret query values replaced. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? '' : url.slice(q + 1);
  const segments = path.split('/');
  const safePath = segments.map((s, i) => redactSegment(s, segments[i - 1])).join('/');
  if (!query) return safePath;
  const safeQuery = query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    if (eq < 0) return pair;
    const value = pair.slice(eq + 1);
    return SECRET_QUERY.test(name) || TOKEN_LIKE.test(value) ? `${name}=${REDACTED}` : pair;
  }).join('&');
  return `${safePath}?${safeQuery}`;
}

interface ErrorLike {
  name?: string;
  message?: string;
  stack?: string;
  code?: unknown;
  cause?: unknown;
  [key: string]: unknown;
}

/** A database error (pg, PGlite, drizzle's wrapper): its message and fields may quote the row or the parameters. */
function isDatabaseError(e: ErrorLike): boolean {
  return (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code))
    || 'params' in e || 'query' in e || 'severity' in e || 'routine' in e
    || e.name === 'DrizzleQueryError' || e.constructor?.name === 'DatabaseError';
}

/** The stack without its first line (which repeats the message). */
const framesOnly = (stack: string | undefined) => stack?.split('\n').filter((l) => /^\s+at /.test(l)).join('\n');

/**
 * An error as the log may show it. For a database error: the kind, SQLSTATE, the constraint, table and
 * column names and the stack frames; never the message, detail, parameters or the statement's values.
 */
export function safeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!error || typeof error !== 'object') return { type: typeof error };
  const e = error as ErrorLike;
  const type = e.name ?? e.constructor?.name ?? 'Error';
  const cause = e.cause && depth < 3 ? { cause: safeError(e.cause, depth + 1) } : {};
  if (isDatabaseError(e)) {
    const pick = (k: string) => (typeof e[k] === 'string' ? { [k]: e[k] } : {});
    return {
      type, ...pick('code'), ...pick('constraint'), ...pick('table'), ...pick('column'), ...pick('routine'),
      message: 'database error (message and parameters withheld from the log)', stack: framesOnly(e.stack), ...cause,
    };
  }
  return { type, message: e.message, stack: e.stack, ...(typeof e.code === 'string' ? { code: e.code } : {}), ...cause };
}

/** One line for places that keep an error's text (a job's last error): the database's words never. */
export function safeErrorMessage(error: unknown): string {
  if (error && typeof error === 'object' && !isDatabaseError(error as ErrorLike)) return String((error as ErrorLike).message ?? error);
  const s = safeError(error);
  return ['database error', s.code, s.constraint].filter(Boolean).join(' ');
}

/** Fastify's logger options: pino with the serializers above. `stream` lets a test read the log. */
export function loggerOptions(level: string, stream?: Writable): NonNullable<FastifyServerOptions['logger']> {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req: { method?: string; url?: string; hostname?: string; ip?: string }) => ({
        method: req.method, url: redactUrl(req.url ?? ''), host: req.hostname, remoteAddress: req.ip,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: (e: unknown) => safeError(e),
    },
  } as unknown as NonNullable<FastifyServerOptions['logger']>;
}
