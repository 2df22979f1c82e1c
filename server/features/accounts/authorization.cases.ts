/** Accounts' rows in the authorization matrix (server/test/authorization-matrix.test.ts). */
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../core/auth/password.js';
import type { MatrixFeature } from '../../test/matrix.js';

export const accountMatrix: MatrixFeature = {
  // an account of its own at the demo school, so disabling it in the rows below locks none of the actors out
  async setup({ t }) {
    const { ownerId, schoolId } = t.demo;
    const personId = randomUUID();
    const accountId = randomUUID();
    await t.database.query("insert into person (owner_id, id, given_name, family_name) values ($1, $2, 'Matrise', 'Kontosen')", [ownerId, personId]);
    await t.database.query('insert into staff_member (owner_id, id, person_id, school_id) values ($1, $2, $3, $4)', [ownerId, randomUUID(), personId, schoolId]);
    await t.database.query("insert into account (owner_id, id, person_id, username, password_hash) values ($1, $2, $3, 'matrise.kontosen', $4)",
      [ownerId, accountId, personId, await hashPassword('Fiolett kompass under brygga')]);
    return { accountId };
  },
  cases: {
    'GET /api/admin/accounts': { target: 'minor', allowed: ['schoolAdmin'], request: () => ({ url: '/api/admin/accounts?q=kontosen' }) },
    'GET /api/admin/accounts/:accountId': {
      target: 'minor', allowed: ['schoolAdmin'], request: (i) => ({ url: `/api/admin/accounts/${i.accountId}` }),
    },
    'PUT /api/admin/accounts/:accountId/status': {
      target: 'minor', allowed: ['schoolAdmin'],
      request: (i) => ({ url: `/api/admin/accounts/${i.accountId}/status`, body: { disabled: true, reason: 'Sluttet ved skolen (matrisen)' } }),
    },
    'POST /api/admin/accounts/:accountId/sessions/end': {
      target: 'minor', allowed: ['schoolAdmin'],
      request: (i) => ({ url: `/api/admin/accounts/${i.accountId}/sessions/end`, body: { reason: 'Mistet telefonen (matrisen)' } }),
    },
  },
  own: {
    'GET /api/me/account': () => ({ url: '/api/me/account' }),
    'PUT /api/me/password': () => ({ url: '/api/me/password', body: { currentPassword: 'demo1234', newPassword: 'Fiolett kompass under brygga' } }),
    // a session id that is nobody's: the answer is the same as for one's own, and nothing else ends
    'DELETE /api/me/sessions/:sessionId': () => ({ url: '/api/me/sessions/0123456789abcdef' }),
    'POST /api/me/sessions/end-others': () => ({ url: '/api/me/sessions/end-others' }),
  },
};
