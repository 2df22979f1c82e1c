/**
 * The school admin's accounts: find a person's account at the school, see its live sessions and what
 * was done to it, disable or enable it, and end its sessions. Disabling ends the sessions at once: the
 * old cookie gets 401 on its next request. Every change is in the audit log with who did it and why.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { writeAudit } from '../../../core/audit/audit.js';
import { endSessionsOfAccount, liveSessions } from '../../../core/auth/session.js';
import { accessOf, requireActor, staffSchool } from '../../../core/http/access.js';
import { badField, notFound } from '../../../core/http/errors.js';
import type { Database } from '../../../core/db/client.js';
import { accountById, accountHistory, accountsAtSchool, setAccountDisabled, type AccountRow } from '../queries.js';
import {
  accountDetailSchema, accountListQuery, accountListSchema, accountParams, endedSchema, endSessionsBody, setStatusBody,
  type AccountDetail, type AccountSummary,
} from '../schemas.js';

const HISTORY_LIMIT = 20;

const likePattern = (q: string | undefined) => (q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null);

function summary(row: AccountRow): AccountSummary {
  return {
    id: row.id, username: row.username, name: `${row.given_name} ${row.family_name}`, kinds: row.kinds, disabled: row.disabled,
    hasPassword: row.has_password, hasFederatedLogin: row.has_oidc, liveSessions: row.live_sessions,
  };
}

/** Puts an admin's change on record: who (the actor), why (the policy's reason and the admin's own words). */
async function audit(req: FastifyRequest, action: string, extra: Record<string, string>): Promise<void> {
  const actor = requireActor(req);
  const reason = req.decision!.reason;
  await writeAudit(req.server.database, [{
    ownerId: actor.ownerId, actorPersonId: actor.personId, action, resourceType: 'account', resourceId: req.account!.accountId,
    studentId: null, decision: 'allow', reason: { code: reason.code, params: { ...reason.params, ...extra } },
  }]);
}

export async function adminAccountRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app;
  const timeouts = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };

  async function detail(req: FastifyRequest, db: Database): Promise<AccountDetail> {
    const { ownerId, accountId } = req.account!;
    const row = await accountById(db.query, ownerId, accountId, timeouts.idleMinutes);
    if (!row) throw notFound();
    const [sessions, history] = await Promise.all([
      liveSessions(db.query, ownerId, accountId, timeouts),
      accountHistory(db.query, ownerId, accountId, HISTORY_LIMIT),
    ]);
    return {
      account: summary(row),
      sessions,
      history: history.map((h) => ({ at: new Date(h.at).toISOString(), actorName: h.actor_name ?? '', action: h.action, note: h.note ?? '' })),
      access: accessOf(req),
    };
  }

  r.get('/api/admin/accounts', {
    config: { access: { kind: 'school', action: 'account.list' } },
    schema: {
      tags: ['accounts'], summary: 'The accounts of the school\'s staff, students and guardians, by name or username (school admin)',
      querystring: accountListQuery, response: { 200: accountListSchema },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const { schoolId } = staffSchool(req);
    const { rows, total } = await accountsAtSchool(database.query, {
      ownerId: actor.ownerId, schoolId, pattern: likePattern(req.query.q), onlyDisabled: req.query.status === 'disabled',
      limit: req.query.limit, idleMinutes: timeouts.idleMinutes,
    });
    return { accounts: rows.map(summary), total, access: accessOf(req) };
  });

  r.get('/api/admin/accounts/:accountId', {
    config: { access: { kind: 'account', action: 'account.read' } },
    schema: {
      tags: ['accounts'], summary: 'One account: its status, live sessions and what was done to it, by whom and why (school admin)',
      params: accountParams, response: { 200: accountDetailSchema },
    },
  }, async (req) => detail(req, database));

  r.put('/api/admin/accounts/:accountId/status', {
    config: { access: { kind: 'account', action: 'account.setStatus' } },
    schema: {
      tags: ['accounts'], summary: 'Disable (ends every session at once) or enable an account, saying why (school admin)',
      params: accountParams, body: setStatusBody, response: { 200: accountDetailSchema },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const account = req.account!;
    if (req.body.disabled && account.personId === actor.personId) throw badField('disabled', 'accounts.status.ownAccount');
    const result = await database.transaction(async (q) => {
      const changed = await setAccountDisabled(q, account.ownerId, account.accountId, req.body.disabled);
      // ended even when it was disabled already: a session that slipped in meanwhile goes too
      const ended = req.body.disabled ? await endSessionsOfAccount(q, account.ownerId, account.accountId) : 0;
      return { changed, ended };
    });
    if (result.changed) {
      await audit(req, req.body.disabled ? 'account.disable' : 'account.enable', { note: req.body.reason, endedSessions: String(result.ended) });
    }
    return detail(req, database);
  });

  r.post('/api/admin/accounts/:accountId/sessions/end', {
    config: { access: { kind: 'account', action: 'account.endSessions' } },
    schema: {
      tags: ['accounts'], summary: 'End every session of an account now, saying why (school admin)',
      params: accountParams, body: endSessionsBody, response: { 200: endedSchema },
    },
  }, async (req) => {
    const account = req.account!;
    const endedSessions = await endSessionsOfAccount(database.query, account.ownerId, account.accountId);
    await audit(req, 'account.endSessions', { note: req.body.reason, endedSessions: String(endedSessions) });
    return { endedSessions };
  });
}
