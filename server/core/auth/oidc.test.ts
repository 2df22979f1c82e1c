/**
 * OIDC login end to end against a real oidc-provider on loopback: the app listens on a real port
 * (the IdP redirects the "browser" back to it) and fetch plays the browser, carrying cookies per host.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// oidc-provider ships no type declarations (and @types/oidc-provider is not installed)
// @ts-ignore
import Provider from 'oidc-provider';
import { testApp, type TestApp } from '../../test/harness.js';
import { SESSION_COOKIE } from './session.js';
import { freePort } from '../../test/freePort.js';

const FEIDE_CLAIM = 'https://n.feide.no/claims/eduPersonPrincipalName';
const CLIENT_ID = 'elevlos-test';
const CLIENT_SECRET = 'a-long-enough-client-secret-for-the-test-idp';
/** what the IdP puts in the Feide claim for a login name */
const principal = (login: string) => `${login}@skole.feide.example`;

interface ProviderLike {
  callback(): (req: unknown, res: unknown) => void;
}
const ProviderCtor = Provider as unknown as new (issuer: string, configuration: Record<string, unknown>) => ProviderLike;

async function listenOnFreePort(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}


/** A minimal browser: cookies per host (path and expiry of live cookies are ignored), manual redirects. */
class Browser {
  private jars = new Map<string, Map<string, string>>();

  cookie(host: string, name: string): string | undefined {
    return this.jars.get(host)?.get(name);
  }

  async fetch(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const u = new URL(url);
    const jar = this.jars.get(u.host) ?? new Map<string, string>();
    this.jars.set(u.host, jar);
    const headers: Record<string, string> = {};
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(u, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers,
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      redirect: 'manual',
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const expired = attrs.some((a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now()));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }

  /**
   * Follows redirects from `url`, answering the IdP's development login form (any login name is
   * accepted) and its consent form, and stops at the first URL under `stopAt` without requesting it.
   */
  async loginAtIdp(url: string, login: string, stopAt: string): Promise<URL> {
    let next = url;
    for (let step = 0; step < 20; step++) {
      if (next.startsWith(stopAt)) return new URL(next);
      const res = await this.fetch(next);
      if (res.status >= 300 && res.status < 400) {
        next = new URL(res.headers.get('location')!, next).href;
        continue;
      }
      const html = await res.text();
      expect(res.status, html).toBe(200);
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      if (!action || !prompt) throw new Error(`unexpected IdP page at ${next}: ${html.slice(0, 500)}`);
      const form: Record<string, string> = prompt === 'login' ? { prompt, login, password: 'whatever' } : { prompt };
      const posted = await this.fetch(new URL(action.replace(/&amp;/g, '&'), next).href, { form });
      expect(posted.status, `posting ${prompt}`).toBeGreaterThanOrEqual(300);
      expect(posted.status).toBeLessThan(400);
      next = new URL(posted.headers.get('location')!, next).href;
    }
    throw new Error('too many redirects');
  }
}

describe('OIDC login against a local identity provider', () => {
  let idp: Server;
  let t: TestApp;
  let appOrigin: string;
  let callbackUrl: string;

  beforeAll(async () => {
    const appPort = await freePort();
    appOrigin = `http://127.0.0.1:${appPort}`;
    callbackUrl = `${appOrigin}/api/auth/oidc/callback`;

    idp = createServer();
    const issuer = `http://127.0.0.1:${await listenOnFreePort(idp)}`;
    const provider = new ProviderCtor(issuer, {
      clients: [{
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [callbackUrl],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        // openid-client sends the secret in the body by default
        token_endpoint_auth_method: 'client_secret_post',
      }],
      // Feide hands out eduPersonPrincipalName for the userid-feide scope
      claims: { openid: ['sub'], 'userid-feide': [FEIDE_CLAIM] },
      // put the scope's claims in the ID token, which is what the app reads
      conformIdTokenClaims: false,
      pkce: { required: () => true },
      cookies: { keys: ['test-cookie-key-not-secret'] },
      ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
      findAccount: (_ctx: unknown, id: string) => ({
        accountId: id,
        claims: () => ({ sub: id, [FEIDE_CLAIM]: principal(id) }),
      }),
    });
    idp.on('request', provider.callback());

    t = await testApp({
      oidc: {
        issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: callbackUrl,
        subjectClaim: FEIDE_CLAIM, scope: 'openid userid-feide', label: 'Feide',
      },
    });
    await t.app.listen({ port: appPort, host: '127.0.0.1' });
    await t.database.query(`update account set oidc_subject = $1 where username = 'kontaktlarer'`, [principal('kari.kontakt')]);
  });

  afterAll(async () => {
    await t?.close();
    if (idp?.listening) {
      idp.closeAllConnections();
      await new Promise<void>((resolve) => idp.close(() => resolve()));
    }
  });

  /** start → IdP login and consent as `login` → the callback URL the IdP sends the browser to */
  async function throughIdp(browser: Browser, login: string): Promise<URL> {
    const start = await browser.fetch(`${appOrigin}/api/auth/oidc/start`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(browser.cookie(new URL(appOrigin).host, 'elevlos_oidc')).toBeTruthy();
    const callback = await browser.loginAtIdp(authorize.href, login, callbackUrl);
    expect(callback.searchParams.get('code')).toBeTruthy();
    return callback;
  }

  it('a Feide-style OIDC login maps the subject to the person and opens a session', async () => {
    const browser = new Browser();
    const callback = await throughIdp(browser, 'kari.kontakt');
    const res = await browser.fetch(callback.href);
    expect(res.status, await res.clone().text()).toBe(302);
    expect(res.headers.get('location')).toBe('/');
    const session = browser.cookie(new URL(appOrigin).host, SESSION_COOKIE);
    expect(session).toBeTruthy();
    // the one-time flow cookie is gone
    expect(browser.cookie(new URL(appOrigin).host, 'elevlos_oidc')).toBeUndefined();

    const me = await browser.fetch(`${appOrigin}/api/me`);
    expect(me.status).toBe(200);
    const viaOidc = (await me.json()) as { person: { id: string } };
    const viaPassword = (await (await t.login('kontaktlarer')).get('/api/me')).json() as { person: { id: string } };
    expect(viaOidc.person.id).toBe(viaPassword.person.id);
  });

  it('an OIDC subject that is linked to no account is refused with a clear message', async () => {
    const browser = new Browser();
    const callback = await throughIdp(browser, 'ukjent.person');
    const res = await browser.fetch(callback.href);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await res.json()) as { status: number; title: string };
    expect(problem.status).toBe(403);
    expect(problem.title).toContain('Feide');
    expect(problem.title).toMatch(/ikke knyttet/);
    expect(browser.cookie(new URL(appOrigin).host, SESSION_COOKIE)).toBeUndefined();
  });

  it('a callback with a forged state is refused', async () => {
    const browser = new Browser();
    const callback = await throughIdp(browser, 'kari.kontakt');
    callback.searchParams.set('state', 'forged-by-an-attacker');
    const res = await browser.fetch(callback.href);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(false);
    expect(browser.cookie(new URL(appOrigin).host, SESSION_COOKIE)).toBeUndefined();
  });
});

describe('OIDC when not configured', () => {
  let t: TestApp;
  beforeAll(async () => { t = await testApp(); });
  afterAll(async () => { await t?.close(); });

  it('the OIDC start route is 404 when OIDC is not configured', async () => {
    expect(t.config.oidc).toBeUndefined();
    const start = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    expect(start.statusCode).toBe(404);
    const callback = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/callback?code=x&state=y' });
    expect(callback.statusCode).toBe(404);
  });
});
