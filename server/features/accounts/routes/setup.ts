/**
 * The first start without the demo: the one-time link main.ts prints makes the school owner, the first
 * school and the first admin, logs the admin in, and the page goes on to the import. Only while the
 * database has no account at all, and only with the token of the process that printed the link.
 */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { buildMe, meSchema, sameOrigin, setSessionCookies } from '../../../core/auth/routes.js';
import { deviceOf } from '../../../core/auth/device.js';
import { createSession } from '../../../core/auth/session.js';
import { badField, HttpError } from '../../../core/http/errors.js';
import { loadActor } from '../../../core/policy/facts.js';
import { allSchools, anyAccountExists } from '../queries.js';
import { setupBody, setupCheckSchema, tokenBody } from '../schemas.js';
import { createAdmin, type AdminPlace } from '../service.js';
import { disarmSetup, setupTokenMatches } from '../setupToken.js';
import { countFailure, ipKey, refuseAfterFailures } from './limits.js';

const invalidToken = () => new HttpError(400, 'error.badRequest', {}, [{ field: 'token', key: 'accounts.setup.invalidToken' }]);

/** A new owner and school when the form gives them; else one that exists; else say what is missing. */
function placeOf(body: z.output<typeof setupBody>, schoolsExist: boolean): AdminPlace {
  if (body.owner && body.school) return { kind: 'new', owner: body.owner, school: body.school };
  if (body.schoolId) return { kind: 'existing', schoolId: body.schoolId };
  if (schoolsExist) throw badField('schoolId', 'accounts.setup.chooseSchool');
  throw body.owner ? badField('school', 'accounts.setup.schoolMissing') : badField('owner', 'accounts.setup.ownerMissing');
}

export async function setupRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app;
  const timeouts = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
  const wrongLinkLimit = config.loginMaxAttempts * 10;

  async function tokenIsGood(token: string): Promise<boolean> {
    return setupTokenMatches(token) && !(await anyAccountExists(database.query));
  }

  r.post('/api/setup/check', {
    config: { access: { kind: 'public' } },
    schema: {
      tags: ['accounts'], summary: 'Whether the first start\'s setup link is good, and which schools exist already',
      body: tokenBody, response: { 200: setupCheckSchema },
    },
  }, async (req) => {
    await refuseAfterFailures(req, ipKey('setup', req), wrongLinkLimit, 'accounts.error.rateLimited');
    if (!(await tokenIsGood(req.body.token))) {
      await countFailure(req, ipKey('setup', req));
      return { valid: false, schools: [] };
    }
    const schools = await allSchools(database.query);
    return { valid: true, schools: schools.map((s) => ({ id: s.id, name: s.name, ownerName: s.owner_name })) };
  });

  r.post('/api/setup', {
    config: { access: { kind: 'public' } },
    schema: {
      tags: ['accounts'], summary: 'First start: make the school owner, the first school and the first admin, and log the admin in',
      body: setupBody, response: { 200: meSchema },
    },
  }, async (req, reply) => {
    if (!sameOrigin(req)) throw new HttpError(403, 'error.csrf');
    await refuseAfterFailures(req, ipKey('setup', req), wrongLinkLimit, 'accounts.error.rateLimited');
    if (!(await tokenIsGood(req.body.token))) {
      await countFailure(req, ipKey('setup', req));
      throw invalidToken();
    }
    const place = placeOf(req.body, (await allSchools(database.query)).length > 0);
    const { admin } = req.body;
    const created = await createAdmin(database, {
      admin: { ...admin, email: admin.email || null, locale: req.locale },
      place,
      onlyIfFirst: true,
      fields: { username: 'admin.username', password: 'admin.password', schoolId: 'schoolId' },
      how: 'setup',
    });
    disarmSetup();
    const { cookie, session } = await createSession(database, { ownerId: created.ownerId, accountId: created.accountId, personId: created.personId }, timeouts, deviceOf(req.headers['user-agent']));
    setSessionCookies(app, reply, cookie, session.csrfToken);
    const actor = await loadActor(database, created.ownerId, created.personId);
    return buildMe(database, actor!, session, req.today);
  });
}
