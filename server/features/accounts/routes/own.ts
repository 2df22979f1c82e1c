/** A person's own account: the password and the sessions. Any logged-in person, on their own data only. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { deviceOf } from '../../../core/auth/device.js';
import { hashPassword, verifyPassword } from '../../../core/auth/password.js';
import { clear } from '../../../core/auth/rateLimit.js';
import { CSRF_COOKIE, SESSION_COOKIE, endSessionByHandle, endSessionsOfAccount, liveSessions, sessionHandle } from '../../../core/auth/session.js';
import { badField, HttpError } from '../../../core/http/errors.js';
import { ownAccount, schoolNamesOfPerson, setPasswordHash } from '../queries.js';
import { changePasswordBody, endedSchema, ownAccountSchema, sessionParams } from '../schemas.js';
import { requireStrongPassword } from '../service.js';
import { countFailure, refuseAfterFailures } from './limits.js';

export async function ownAccountRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app;
  const timeouts = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };

  r.get('/api/me/account', {
    config: { access: { kind: 'session' } },
    schema: { tags: ['accounts'], summary: 'My account: username, whether it has a password, my live sessions', response: { 200: ownAccountSchema } },
  }, async (req) => {
    const s = req.session!;
    const row = await ownAccount(database.query, s.ownerId, s.accountId);
    if (!row) throw new HttpError(401, 'error.unauthenticated');
    const current = sessionHandle(s.id);
    const sessions = await liveSessions(database.query, s.ownerId, s.accountId, timeouts);
    return {
      username: row.username,
      hasPassword: !!row.password_hash,
      sessions: sessions.map((x) => ({ ...x, current: x.id === current })),
      currentDevice: deviceOf(req.headers['user-agent']),
    };
  });

  r.put('/api/me/password', {
    config: { access: { kind: 'session' } },
    schema: {
      tags: ['accounts'], summary: 'Change my password (the current one, and a new one that meets the strength rule); my other sessions end',
      body: changePasswordBody, response: { 200: endedSchema },
    },
  }, async (req) => {
    const s = req.session!;
    const row = await ownAccount(database.query, s.ownerId, s.accountId);
    if (!row) throw new HttpError(401, 'error.unauthenticated');
    if (!row.password_hash) throw new HttpError(409, 'accounts.error.noLocalPassword');
    // a stolen session must not become a way around the login's limit on guessing the password
    const userKey = `login:user:${row.username}`;
    await refuseAfterFailures(req, userKey, config.loginMaxAttempts, 'accounts.error.rateLimited');
    if (!(await verifyPassword(row.password_hash, req.body.currentPassword))) {
      await countFailure(req, userKey);
      throw badField('currentPassword', 'accounts.password.wrongCurrent');
    }
    if (req.body.newPassword === req.body.currentPassword) throw badField('newPassword', 'accounts.password.sameAsCurrent');
    const schools = await schoolNamesOfPerson(database.query, s.ownerId, s.accountId);
    requireStrongPassword(req.body.newPassword, [row.given_name, row.family_name, row.username, row.email ?? '', ...schools], 'newPassword');
    const hash = await hashPassword(req.body.newPassword);
    // whoever else was logged in as this person (another device, or someone who should not be) is out
    const endedSessions = await database.transaction(async (q) => {
      await setPasswordHash(q, s.ownerId, s.accountId, hash);
      return endSessionsOfAccount(q, s.ownerId, s.accountId, s.id);
    });
    await clear(database, userKey);
    return { endedSessions };
  });

  r.delete('/api/me/sessions/:sessionId', {
    config: { access: { kind: 'session' } },
    schema: {
      tags: ['accounts'], summary: 'End one of my sessions (by its id from GET /api/me/account); nothing happens to anyone else\'s',
      params: sessionParams,
    },
  }, async (req, reply) => {
    const s = req.session!;
    await endSessionByHandle(database.query, s.ownerId, s.accountId, req.params.sessionId);
    if (req.params.sessionId === sessionHandle(s.id)) reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  r.post('/api/me/sessions/end-others', {
    config: { access: { kind: 'session' } },
    schema: { tags: ['accounts'], summary: 'End all my sessions but this one', response: { 200: endedSchema } },
  }, async (req) => {
    const s = req.session!;
    return { endedSessions: await endSessionsOfAccount(database.query, s.ownerId, s.accountId, s.id) };
  });
}
