/**
 * The router's own refusals (a path segment that is no valid URL component, one longer than the router
 * takes) answer like every other bad input: problem+json in the caller's language, naming no field the
 * caller could not see, and without echoing the URL (which may hold a token).
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { localeFromHeader } from '../i18n/locale.js';
import { t } from '../i18n/messages.js';

export function frameworkErrors(error: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const locale = localeFromHeader(req.headers['accept-language']);
  const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
  const message = t(locale, 'field.invalid');
  void reply.status(status).type('application/problem+json').send({
    type: 'about:blank', status, title: t(locale, 'error.badRequest'), detail: `path: ${message}`, errors: [{ field: 'path', message }],
  });
}
