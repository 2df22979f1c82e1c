/**
 * Password reset by e-mail link, without a session. Asking never says whether the username or address
 * exists (same answer, same work: the mail goes out from a job). The link is valid for
 * RESET_VALID_MINUTES, once; the database has only its hash; using it ends every session of the account.
 * Asking is limited per what was typed and per address, like login; wrong links are limited per address.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hashPassword } from '../../../core/auth/password.js';
import { clear } from '../../../core/auth/rateLimit.js';
import { sameOrigin } from '../../../core/auth/routes.js';
import { endSessionsOfAccount } from '../../../core/auth/session.js';
import { HttpError } from '../../../core/http/errors.js';
import { localAccountsFor, openResetByHash, retireOpenResets, schoolNamesOfPerson, setPasswordHash, spendReset } from '../queries.js';
import { enqueueResetMails, registerResetMail, RESET_VALID_MINUTES, tokenHash } from '../resetMail.js';
import { resetCheckSchema, resetCompleteBody, resetRequestBody, resetRequestedSchema, tokenBody } from '../schemas.js';
import { requireStrongPassword } from '../service.js';
import { countAndLimit, countFailure, identifierKey, ipKey, refuseAfterFailures } from './limits.js';

const invalidToken = () => new HttpError(400, 'error.badRequest', {}, [{ field: 'token', key: 'accounts.reset.invalidToken' }]);

export async function resetRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app;
  registerResetMail(database, config);
  const wrongLinkLimit = config.loginMaxAttempts * 10;

  r.post('/api/auth/password-reset', {
    config: { access: { kind: 'public' } },
    schema: {
      tags: ['accounts'], summary: 'Send a reset link to the e-mail address of a local account (by username or e-mail); the answer is the same whether or not one exists',
      body: resetRequestBody, response: { 202: resetRequestedSchema },
    },
  }, async (req, reply) => {
    if (!sameOrigin(req)) throw new HttpError(403, 'error.csrf');
    await countAndLimit(req, [
      { key: identifierKey('reset', req.body.identifier), max: config.loginMaxAttempts },
      { key: ipKey('reset', req), max: config.loginMaxAttempts * 10 },
    ], 'accounts.error.resetRateLimited');
    const targets = await localAccountsFor(database.query, req.body.identifier);
    await enqueueResetMails(database, targets, req.locale);
    return reply.status(202).send({ validMinutes: RESET_VALID_MINUTES });
  });

  r.post('/api/auth/password-reset/check', {
    config: { access: { kind: 'public' } },
    schema: {
      tags: ['accounts'], summary: 'Whether a reset link is still good, and for which username (so the page can say so before anything is typed)',
      body: tokenBody, response: { 200: resetCheckSchema },
    },
  }, async (req) => {
    await refuseAfterFailures(req, ipKey('reset-link', req), wrongLinkLimit, 'accounts.error.rateLimited');
    const open = await openResetByHash(database.query, tokenHash(req.body.token));
    if (!open) await countFailure(req, ipKey('reset-link', req));
    return { valid: !!open, username: open?.username ?? null };
  });

  r.post('/api/auth/password-reset/complete', {
    config: { access: { kind: 'public' } },
    schema: {
      tags: ['accounts'], summary: 'Set a new password with a reset link; the link is spent and every session of the account ends',
      body: resetCompleteBody,
    },
  }, async (req, reply) => {
    if (!sameOrigin(req)) throw new HttpError(403, 'error.csrf');
    await refuseAfterFailures(req, ipKey('reset-link', req), wrongLinkLimit, 'accounts.error.rateLimited');
    const hashOfToken = tokenHash(req.body.token);
    const open = await openResetByHash(database.query, hashOfToken);
    if (!open) {
      await countFailure(req, ipKey('reset-link', req));
      throw invalidToken();
    }
    // a refused password leaves the link unspent, so the person can try another
    const schools = await schoolNamesOfPerson(database.query, open.owner_id, open.account_id);
    requireStrongPassword(req.body.newPassword, [open.given_name, open.family_name, open.username, open.email ?? '', ...schools], 'newPassword');
    const hash = await hashPassword(req.body.newPassword);
    const spent = await database.transaction(async (q) => {
      const reset = await spendReset(q, hashOfToken);
      if (!reset) return false;
      await setPasswordHash(q, reset.owner_id, reset.account_id, hash);
      await retireOpenResets(q, reset.owner_id, reset.account_id);
      await endSessionsOfAccount(q, reset.owner_id, reset.account_id);
      return true;
    });
    // used by someone else in the meantime (two clicks at once): only the first one counts
    if (!spent) throw invalidToken();
    // whoever locked the account out by guessing has no hold on it after a reset
    await clear(database, `login:user:${open.username}`);
    return reply.status(204).send();
  });
}
