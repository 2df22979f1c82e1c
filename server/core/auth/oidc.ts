/**
 * OpenID Connect login (Feide is the national school IdP), on when OIDC_ISSUER and OIDC_CLIENT_ID are set.
 * Authorization code flow with PKCE, state and nonce; the configured claim (Feide:
 * https://n.feide.no/claims/eduPersonPrincipalName, others: sub) is mapped to account.oidc_subject.
 */
import type { FastifyInstance } from 'fastify';
import * as client from 'openid-client';
import { z } from 'zod';
import { HttpError } from '../http/errors.js';
import { SESSION_COOKIE, createSession, destroySession } from './session.js';
import { setSessionCookies } from './routes.js';

const FLOW_COOKIE = 'elevlos_oidc';

export async function oidcRoutes(app: FastifyInstance): Promise<void> {
  const { config, database } = app;
  let discovered: Promise<client.Configuration> | null = null;
  const configuration = () => {
    const o = config.oidc!;
    const insecure = o.issuer.startsWith('http://');
    discovered ??= client.discovery(new URL(o.issuer), o.clientId, o.clientSecret, undefined,
      insecure ? { execute: [client.allowInsecureRequests] } : undefined);
    // a failed discovery is retried on the next login rather than cached forever
    discovered.catch(() => { discovered = null; });
    return discovered;
  };

  app.get('/api/auth/oidc/start', { config: { access: { kind: 'public' } }, schema: { tags: ['auth'] } }, async (_req, reply) => {
    if (!config.oidc) throw new HttpError(404, 'error.notFound');
    const cfg = await configuration().catch(() => { throw new HttpError(502, 'error.oidcFailed', { label: config.oidc!.label }); });
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(cfg, {
      redirect_uri: config.oidc.redirectUri,
      scope: config.oidc.scope,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    reply.setCookie(FLOW_COOKIE, JSON.stringify({ codeVerifier, state, nonce }), {
      path: '/api/auth/oidc', httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: 600,
    });
    return reply.redirect(url.href, 302);
  });

  app.get('/api/auth/oidc/callback', { config: { access: { kind: 'public' } }, schema: { tags: ['auth'] } }, async (req, reply) => {
    if (!config.oidc) throw new HttpError(404, 'error.notFound');
    const label = config.oidc.label;
    const flow = z.object({ codeVerifier: z.string(), state: z.string(), nonce: z.string() })
      .safeParse((() => { try { return JSON.parse(req.cookies[FLOW_COOKIE] ?? ''); } catch { return null; } })());
    if (!flow.success) throw new HttpError(400, 'error.oidcFailed', { label });
    const cfg = await configuration();
    const current = new URL(req.url, config.oidc.redirectUri);
    let claims: Record<string, unknown> | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(cfg, current, {
        pkceCodeVerifier: flow.data.codeVerifier, expectedState: flow.data.state, expectedNonce: flow.data.nonce,
      });
      claims = tokens.claims() as Record<string, unknown> | undefined;
    } catch (e) {
      req.log.warn({ err: e }, 'oidc code exchange failed');
      throw new HttpError(400, 'error.oidcFailed', { label });
    }
    const subject = claims?.[config.oidc.subjectClaim];
    if (typeof subject !== 'string' || !subject) throw new HttpError(400, 'error.oidcFailed', { label });
    const [acc] = await database.query<{ id: string; owner_id: string; person_id: string; disabled: boolean }>(
      'select id, owner_id, person_id, disabled from account where oidc_subject = $1', [subject]);
    if (!acc || acc.disabled) throw new HttpError(403, 'error.oidcUnknown', { label });
    await destroySession(database, req.cookies[SESSION_COOKIE]);
    const { cookie, session } = await createSession(database, { ownerId: acc.owner_id, accountId: acc.id, personId: acc.person_id },
      { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours });
    setSessionCookies(app, reply, cookie, session.csrfToken);
    reply.clearCookie(FLOW_COOKIE, { path: '/api/auth/oidc' });
    return reply.redirect('/', 302);
  });
}
