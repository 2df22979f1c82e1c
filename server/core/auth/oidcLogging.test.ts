/**
 * What the external logins leave in the log: the app is assembled as in server/app.ts, but with its log
 * captured, and Feide (with the groups API) and ID-porten logins run through it, good and bad. Neither
 * the authorization code, the tokens, the national identity number nor the e-mail may show up.
 */
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/harness.js';
import { freePort } from '../../test/freePort.js';
import { loadConfig } from '../config.js';
import { registerAccess } from '../http/access.js';
import { registerProblemHandler } from '../http/problem.js';
import { oidcRoutes } from './oidc.js';
import { authRoutes } from './routes.js';
import { Browser, FEIDE_CLAIM, feideOrganisation, goGroup, startGroupsApi, startIdp, type LocalGroupsApi, type LocalIdp } from './testIdp.js';

describe('the external logins keep secrets and personal data out of the log', () => {
  // the seeded database of a test app; the app under test is assembled below with its log captured
  let t: TestApp;
  let app: FastifyInstance;
  let feide: LocalIdp;
  let idporten: LocalIdp;
  let groupsApi: LocalGroupsApi;
  let origin: string;
  const log: string[] = [];
  const bearerTokens: string[] = [];
  let pid = '';

  beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    t = await testApp();
    const [guardian] = await t.database.query<{ nin: string }>(
      `select p.national_identity_number as nin from account a join person p on p.owner_id = a.owner_id and p.id = a.person_id where a.username = 'foresatt'`);
    pid = guardian!.nin;
    await t.database.query(`update account set oidc_subject = 'kari.kontakt@skole.feide.example' where username = 'kontaktlarer'`);

    feide = await startIdp({
      clientId: 'elevlos-log-feide', clientSecret: 'a-long-enough-client-secret-for-the-feide-idp', redirectUris: [`${origin}/api/auth/oidc/callback`],
      scopes: { 'userid-feide': [FEIDE_CLAIM], 'groups-edu': [], email: ['email'] },
      claimsOf: (login) => ({ [FEIDE_CLAIM]: `${login}@skole.feide.example`, email: `${login}@epost.example` }),
    });
    idporten = await startIdp({
      clientId: 'elevlos-log-idporten', clientSecret: 'another-long-enough-client-secret-for-idporten', redirectUris: [`${origin}/api/auth/oidc/guardian/callback`],
      scopes: { profile: ['pid'] },
      claimsOf: () => ({ pid }),
    });
    const inner = await startGroupsApi(feide, () => [feideOrganisation(['member', 'student']), goGroup('b', '9ZZZ', 'faculty')]);
    // remember the bearer tokens the app sent, to look for them in the log
    groupsApi = inner;
    const config = {
      ...loadConfig({}),
      oidc: {
        issuer: feide.issuer, clientId: feide.clientId, clientSecret: feide.clientSecret, redirectUri: `${origin}/api/auth/oidc/callback`,
        subjectClaim: FEIDE_CLAIM, scope: 'openid userid-feide groups-edu email', label: 'Feide', groupsApi: `${origin}/test-groups`,
      },
      oidcGuardian: {
        issuer: idporten.issuer, clientId: idporten.clientId, clientSecret: idporten.clientSecret, redirectUri: `${origin}/api/auth/oidc/guardian/callback`,
        subjectClaim: 'pid', scope: 'openid profile', label: 'ID-porten',
      },
    };
    const stream = new Writable({ write(chunk, _enc, done) { log.push(String(chunk)); done(); } });
    app = Fastify({ logger: { level: 'info', stream }, genReqId: () => crypto.randomUUID() });
    app.decorate('database', t.database);
    app.decorate('config', config);
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await app.register(cookie);
    registerProblemHandler(app);
    registerAccess(app);
    await app.register(authRoutes);
    await app.register(oidcRoutes);
    // a pass-through to the local groups API that notes each token it carries
    app.get('/test-groups/groups/me/groups', { config: { access: { kind: 'public' } }, logLevel: 'silent' }, async (req, reply) => {
      bearerTokens.push(String(req.headers.authorization ?? '').replace(/^Bearer /, ''));
      const res = await fetch(`${inner.url}/groups/me/groups`, { headers: { authorization: String(req.headers.authorization) } });
      return reply.status(res.status).type('application/json').send(await res.text());
    });
    await app.listen({ port, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await app?.close();
    await groupsApi?.close();
    await feide?.close();
    await idporten?.close();
    await t?.close();
  });

  it('logs requests, but no code, token, national identity number, e-mail or Feide id, on success or failure', async () => {
    const codes: string[] = [];
    const login = async (start: string, callback: string, who: string, tamper?: (u: URL) => void) => {
      const browser = new Browser();
      const res = await browser.fetch(`${origin}${start}`);
      const url = await browser.loginAtIdp(res.headers.get('location')!, who, `${origin}${callback}`);
      codes.push(url.searchParams.get('code')!);
      tamper?.(url);
      const answer = await browser.fetch(url.href);
      return { browser, answer };
    };

    const teacher = await login('/api/auth/oidc/start', '/api/auth/oidc/callback', 'kari.kontakt');
    expect(teacher.answer.headers.get('location')).toBe('/groups-check');
    expect((await teacher.browser.fetch(`${origin}/api/me`)).status).toBe(200);
    const guardian = await login('/api/auth/oidc/guardian/start', '/api/auth/oidc/guardian/callback', 'gunn.foresatt');
    expect(guardian.answer.status).toBe(302);
    const unknown = await login('/api/auth/oidc/start', '/api/auth/oidc/callback', 'ukjent.person');
    expect(unknown.answer.status).toBe(403);
    const forged = await login('/api/auth/oidc/start', '/api/auth/oidc/callback', 'kari.kontakt', (u) => u.searchParams.set('state', 'forged'));
    expect(forged.answer.status).toBe(400);

    const text = log.join('');
    // the log is on: the requests around the logins are in it
    expect(text).toContain('incoming request');
    expect(text).toContain('/api/me');
    expect(text).toContain('oidc code exchange failed');
    expect(bearerTokens.length).toBeGreaterThan(0);
    for (const secret of [...codes, ...bearerTokens, pid, 'kari.kontakt@epost.example', 'kari.kontakt@skole.feide.example', 'ukjent.person']) {
      expect(text.includes(secret), `the log holds ${secret.slice(0, 6)}…`).toBe(false);
    }
    expect(text).not.toMatch(/eyJ[\w-]+\.eyJ/);
  });
});
