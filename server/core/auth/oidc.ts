/**
 * OpenID Connect logins, each on when its issuer and client id are set:
 * - Feide (OIDC_*) for staff and students: the configured claim (Feide: eduPersonPrincipalName) is
 *   matched to account.oidc_subject, which the import fills — no hand linking. With the groups-edu
 *   scope, the person's Feide groups are compared with the school's data after login (groups.ts).
 * - ID-porten (OIDC_GUARDIAN_*) for guardians: matched on the national identity number (pid) to a
 *   guardian (guardianLogin.ts).
 * Both use the authorization code flow with PKCE, state and nonce.
 *
 * Nothing of the code, the tokens, the claims (pid, e-mail) reaches the log: the callbacks log at warn
 * level only (Fastify's request log would print the URL with the code), and failures log error names.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as client from 'openid-client';
import { z } from 'zod';
import type { OidcClientConfig } from '../config.js';
import { HttpError } from '../http/errors.js';
import { requireActor } from '../http/access.js';
import { checkFeideGroups, fetchFeideGroups, groupsCheckOfSession, groupsCheckSchema } from './groups.js';
import { deviceOf } from './device.js';
import { guardianAccount } from './guardianLogin.js';
import { registerOidcMessages } from './oidcMessages.js';
import { accountByOidcSubject } from './oidcQueries.js';
import { SESSION_COOKIE, createSession, destroySession } from './session.js';
import { setSessionCookies } from './routes.js';

export type OidcProviderId = 'school' | 'guardian';

/** The login page's buttons: one per configured issuer, in this order. */
export const oidcProvidersSchema = z.object({
  providers: z.array(z.object({ id: z.enum(['school', 'guardian']), label: z.string(), startUrl: z.string() })),
});
export type OidcProviders = z.infer<typeof oidcProvidersSchema>;
export { groupsCheckSchema, type GroupsCheck } from './groups.js';

/** The web page that shows a disagreement between Feide and the school's data (web/src/features/auth). */
export const GROUPS_NOTICE_PATH = '/groups-check';

const COOKIE_PATH = '/api/auth/oidc';
const flowSchema = z.object({ codeVerifier: z.string(), state: z.string(), nonce: z.string(), redirect: z.string().nullable() });
type Flow = z.infer<typeof flowSchema>;

interface SignedIn {
  ownerId: string;
  accountId: string;
  personId: string;
}

interface Provider {
  id: OidcProviderId;
  config: () => OidcClientConfig | undefined;
  startPath: string;
  callbackPath: string;
  flowCookie: string;
  /** what a person the issuer vouches for, but Elevlos does not let in, is told */
  unknownKey: string;
  /** the account for the verified subject claim; null: not let in */
  account(subject: string, today: string): Promise<SignedIn | null>;
  /** after the session is made: where the browser goes next (null: where it asked to go) */
  afterLogin?(req: FastifyRequest, who: SignedIn, tokens: client.TokenEndpointResponse): Promise<string | null>;
}

/** Only a same-site path: a crafted ?redirect= must not send a fresh session to another site. */
function safeRedirect(value: string | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.startsWith('/api/')) return null;
  return value.startsWith('/login') ? null : value;
}

/** Feide: the account the import linked to the Feide user id; then the groups are compared (never widening access). */
function feideProvider(app: FastifyInstance): Provider {
  return {
    id: 'school',
    config: () => app.config.oidc,
    startPath: '/api/auth/oidc/start',
    callbackPath: '/api/auth/oidc/callback',
    flowCookie: 'elevlos_oidc',
    unknownKey: 'error.oidcUnknown',
    async account(subject) {
      const acc = await accountByOidcSubject(app.database.query, subject);
      if (!acc || acc.disabled) return null;
      return { ownerId: acc.owner_id, accountId: acc.id, personId: acc.person_id };
    },
    async afterLogin(req, who, tokens) {
      const api = app.config.oidc?.groupsApi;
      if (!api || !tokens.access_token) return null;
      const groups = await fetchFeideGroups(api, tokens.access_token, req.today, req.log);
      if (!groups) return null;
      return (await checkFeideGroups(app.database, who, groups, req.today)) ? GROUPS_NOTICE_PATH : null;
    },
  };
}

/** ID-porten: a guardian found by the national identity number. */
function idPortenProvider(app: FastifyInstance): Provider {
  return {
    id: 'guardian',
    config: () => app.config.oidcGuardian,
    startPath: '/api/auth/oidc/guardian/start',
    callbackPath: '/api/auth/oidc/guardian/callback',
    flowCookie: 'elevlos_oidc_guardian',
    unknownKey: 'error.oidcGuardianUnknown',
    async account(subject, today) {
      const acc = await guardianAccount(app.database, subject, today);
      return acc && { ownerId: acc.ownerId, accountId: acc.accountId, personId: acc.personId };
    },
  };
}

/** One issuer's discovery, fetched at the first login and kept; a failed discovery is tried again next time. */
function discoveryOf(cfg: () => OidcClientConfig | undefined): () => Promise<client.Configuration> {
  let discovered: Promise<client.Configuration> | null = null;
  return () => {
    const o = cfg()!;
    const insecure = o.issuer.startsWith('http://');
    discovered ??= client.discovery(new URL(o.issuer), o.clientId, o.clientSecret, undefined,
      insecure ? { execute: [client.allowInsecureRequests] } : undefined);
    discovered.catch(() => { discovered = null; });
    return discovered;
  };
}

function readFlow(req: FastifyRequest, cookie: string): Flow | null {
  try {
    const parsed = flowSchema.safeParse(JSON.parse(req.cookies[cookie] ?? ''));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * A browser that navigated here gets the login page with the reason in its own language; any other
 * client gets problem+json, like every API error.
 */
function refuse(req: FastifyRequest, reply: FastifyReply, p: Provider, status: number, key: string, label: string) {
  reply.clearCookie(p.flowCookie, { path: COOKIE_PATH });
  if ((req.headers.accept ?? '').includes('text/html')) {
    const reason = status === 403 ? 'unknown' : 'failed';
    return reply.redirect(`/login?signin=${reason}&via=${p.id}`, 303);
  }
  throw new HttpError(status, key, { label });
}

function oauthErrorName(e: unknown): Record<string, string> {
  const err = e as { name?: unknown; code?: unknown; error?: unknown };
  const out: Record<string, string> = {};
  for (const k of ['name', 'code', 'error'] as const) if (typeof err?.[k] === 'string') out[k] = err[k] as string;
  return out;
}

/** The session is made by now: a failing check must not undo the login, only go unrecorded. */
async function noticeAfterLogin(p: Provider, req: FastifyRequest, who: SignedIn, tokens: client.TokenEndpointResponse): Promise<string | null> {
  try {
    return p.afterLogin ? await p.afterLogin(req, who, tokens) : null;
  } catch (e) {
    req.log.warn({ error: (e as Error).name }, 'check after oidc login failed');
    return null;
  }
}

function providerRoutes(app: FastifyInstance, p: Provider): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app;
  const configuration = discoveryOf(p.config);

  r.get(p.startPath, {
    config: { access: { kind: 'public' } },
    schema: { tags: ['auth'], querystring: z.object({ redirect: z.string().max(2000).optional() }) },
  }, async (req, reply) => {
    const o = p.config();
    if (!o) throw new HttpError(404, 'error.notFound');
    const cfg = await configuration().catch(() => { throw new HttpError(502, 'error.oidcFailed', { label: o.label }); });
    const flow: Flow = {
      codeVerifier: client.randomPKCECodeVerifier(), state: client.randomState(), nonce: client.randomNonce(),
      redirect: safeRedirect(req.query.redirect),
    };
    const url = client.buildAuthorizationUrl(cfg, {
      redirect_uri: o.redirectUri,
      scope: o.scope,
      code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    reply.setCookie(p.flowCookie, JSON.stringify(flow), {
      path: COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: 600,
    });
    return reply.redirect(url.href, 302);
  });

  r.get(p.callbackPath, {
    config: { access: { kind: 'public' } },
    // the request log would print the URL, and the URL carries the authorization code
    logLevel: 'warn',
    schema: { tags: ['auth'] },
  }, async (req, reply) => {
    const o = p.config();
    if (!o) throw new HttpError(404, 'error.notFound');
    const flow = readFlow(req, p.flowCookie);
    if (!flow) return refuse(req, reply, p, 400, 'error.oidcFailed', o.label);
    let tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers;
    try {
      const cfg = await configuration();
      tokens = await client.authorizationCodeGrant(cfg, new URL(req.url, o.redirectUri), {
        pkceCodeVerifier: flow.codeVerifier, expectedState: flow.state, expectedNonce: flow.nonce,
      });
    } catch (e) {
      req.log.warn(oauthErrorName(e), 'oidc code exchange failed');
      return refuse(req, reply, p, 400, 'error.oidcFailed', o.label);
    }
    const subject = (tokens.claims() as Record<string, unknown> | undefined)?.[o.subjectClaim];
    if (typeof subject !== 'string' || !subject) return refuse(req, reply, p, 400, 'error.oidcFailed', o.label);
    const who = await p.account(subject, req.today);
    if (!who) return refuse(req, reply, p, 403, p.unknownKey, o.label);

    // a new session id on every login (no fixation); the old one, if any, ends
    await destroySession(database, req.cookies[SESSION_COOKIE]);
    const { cookie, session } = await createSession(database, who,
      { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours }, deviceOf(req.headers['user-agent']));
    setSessionCookies(app, reply, cookie, session.csrfToken);
    reply.clearCookie(p.flowCookie, { path: COOKIE_PATH });
    const notice = await noticeAfterLogin(p, req, who, tokens);
    const target = notice && flow.redirect ? `${notice}?next=${encodeURIComponent(flow.redirect)}` : notice ?? flow.redirect ?? '/';
    return reply.redirect(target, 302);
  });
}

export async function oidcRoutes(app: FastifyInstance): Promise<void> {
  registerOidcMessages();
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config } = app;
  const school = feideProvider(app);
  const guardian = idPortenProvider(app);
  providerRoutes(app, school);
  providerRoutes(app, guardian);

  r.get('/api/auth/oidc/providers', {
    config: { access: { kind: 'public' } },
    schema: { tags: ['auth'], summary: 'The external logins the login page offers', response: { 200: oidcProvidersSchema } },
  }, async () => ({
    providers: [school, guardian].flatMap((p) => {
      const o = p.config();
      return o ? [{ id: p.id, label: o.label, startUrl: p.startPath }] : [];
    }),
  }));

  r.get('/api/auth/oidc/groups-check', {
    config: { access: { kind: 'session' } },
    schema: {
      tags: ['auth'], summary: 'Whether Feide and the school\'s data disagreed about my groups at this session\'s Feide login',
      response: { 200: groupsCheckSchema },
    },
  }, async (req) => {
    requireActor(req);
    return groupsCheckOfSession(app.database, req.session!, config.oidc?.label ?? 'Feide');
  });
}
