/** Every error leaves as application/problem+json in the user's language; nothing unexpected leaks. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { localeFromHeader } from '../i18n/locale.js';
import { t, type MessageKey } from '../i18n/messages.js';
import { HttpError, type FieldError } from './errors.js';
import type { Problem } from './schemas.js';

interface ZodIssueLike {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

function fieldName(context: string | undefined, path: string): string {
  const p = path.replace(/^\//, '').replace(/\//g, '.');
  return p || context || 'body';
}

/** Zod issue → our own localized message (zod's global locale cannot follow each request's language). */
function issueToField(context: string | undefined, issue: ZodIssueLike): FieldError {
  const field = fieldName(context, issue.instancePath);
  const p = issue.params;
  const key = ((): [MessageKey, Record<string, string | number>?] => {
    switch (issue.keyword) {
      case 'invalid_type':
        return p.input === undefined ? ['field.required'] : ['field.invalidType', { expected: String(p.expected) }];
      case 'too_small':
        return ['field.tooSmall', { minimum: String(p.minimum) }];
      case 'too_big':
        return ['field.tooBig', { maximum: String(p.maximum) }];
      case 'invalid_format':
        return ['field.invalidFormat', { format: String(p.format) }];
      case 'invalid_value':
        return ['field.invalidValue', { values: Array.isArray(p.values) ? p.values.join(', ') : '' }];
      case 'unrecognized_keys':
        return ['field.unknownKey'];
      case 'custom':
        return [(typeof p.params === 'object' && p.params && 'key' in p.params ? (p.params as { key: MessageKey }).key : 'field.invalid')];
      default:
        return ['field.invalid'];
    }
  })();
  return { field, key: key[0], params: key[1] };
}

/** An unknown field is named itself (`roles`, `owner.roles`), not the object it was sent in. */
function unknownKeys(context: string | undefined, issue: ZodIssueLike): FieldError[] | null {
  const keys = issue.params.keys;
  if (issue.keyword !== 'unrecognized_keys' || !Array.isArray(keys) || keys.length === 0) return null;
  const at = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
  return keys.map((k) => ({ field: at ? `${at}.${String(k)}` : String(k), key: 'field.unknownKey' as const }));
}

function send(reply: FastifyReply, status: number, body: Omit<Problem, 'type' | 'status'>) {
  const problem: Problem = { type: 'about:blank', status, ...body };
  return reply.status(status).type('application/problem+json').send(problem);
}

/** spaIndex: answer unknown non-API GETs with the web app's index.html (client-side routes). */
export function registerProblemHandler(app: FastifyInstance, opts: { spaIndex?: boolean } = {}): void {
  app.setErrorHandler((error: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const locale = req.locale ?? localeFromHeader(req.headers['accept-language']);
    if (error instanceof HttpError) {
      if (error.status === 429 && error.params.seconds) reply.header('retry-after', String(error.params.seconds));
      return send(reply, error.status, {
        title: t(locale, error.key, error.params),
        detail: error.fields.length ? error.fields.map((f) => `${f.field}: ${t(locale, f.key, f.params)}`).join(' ') : t(locale, error.key, error.params),
        ...(error.fields.length ? { errors: error.fields.map((f) => ({ field: f.field, message: t(locale, f.key, f.params) })) } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = (error.validation as unknown as ZodIssueLike[]).flatMap((i) => unknownKeys(error.validationContext, i) ?? [issueToField(error.validationContext, i)]);
      const errors = fields.map((f) => ({ field: f.field, message: t(locale, f.key, f.params) }));
      return send(reply, 400, {
        title: t(locale, 'error.badRequest'),
        detail: errors.map((e) => `${e.field}: ${e.message}`).join(' '),
        errors,
      });
    }
    // Fastify's own client errors: malformed JSON, wrong content type, body too large …
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return send(reply, status === 404 ? 404 : status === 413 || status === 415 ? status : 400, {
        title: t(locale, status === 404 ? 'error.notFound' : 'error.badRequest'),
        detail: t(locale, status === 404 ? 'error.notFound' : 'error.badRequest'),
        errors: [{ field: 'body', message: t(locale, 'field.invalid') }],
      });
    }
    // A unique or exclusion violation is a conflict the client can act on, not a server fault.
    const pgCode = (error as unknown as { code?: string }).code;
    if (pgCode === '23505' || pgCode === '23P01') {
      return send(reply, 409, { title: t(locale, 'error.conflict'), detail: t(locale, 'error.conflict') });
    }
    req.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, { title: t(locale, 'error.internal'), detail: t(locale, 'error.internal') });
  });
  app.setNotFoundHandler((req, reply) => {
    if (opts.spaIndex && req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/healthz')) {
      return reply.type('text/html').sendFile('index.html');
    }
    const locale = localeFromHeader(req.headers['accept-language']);
    return send(reply, 404, { title: t(locale, 'error.notFound'), detail: t(locale, 'error.notFound') });
  });
}
