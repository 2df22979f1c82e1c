/**
 * Local identity providers for the tests and the browser journeys: a real oidc-provider on loopback
 * (standing in for Feide or ID-porten), a Feide-like groups API that serves fixtures to the holders of
 * its access tokens, and a minimal cookie-keeping "browser" for HTTP-level tests. Test code only.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
// oidc-provider ships no type declarations (and @types/oidc-provider is not installed)
// @ts-ignore
import Provider from 'oidc-provider';

export const FEIDE_CLAIM = 'https://n.feide.no/claims/eduPersonPrincipalName';

interface ProviderLike {
  callback(): (req: unknown, res: unknown) => void;
  AccessToken: { find(value: string): Promise<{ accountId: string } | undefined> };
}
const ProviderCtor = Provider as unknown as new (issuer: string, configuration: Record<string, unknown>) => ProviderLike;

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

async function closeServer(server: Server): Promise<void> {
  if (!server.listening) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

export interface LocalIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** the person behind an access token the IdP issued (for the groups API) */
  accountOf(accessToken: string): Promise<string | null>;
  close(): Promise<void>;
}

export interface IdpOptions {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** scope → the claims it releases (Feide: userid-feide → eduPersonPrincipalName) */
  scopes: Record<string, string[]>;
  /** the claims of the person who typed `login` at the IdP's development login form */
  claimsOf(login: string): Record<string, unknown>;
}

/** An OpenID Connect provider on a free loopback port; any login name is accepted at its login form. */
export async function startIdp(o: IdpOptions): Promise<LocalIdp> {
  const server = createServer();
  const issuer = `http://127.0.0.1:${await listen(server)}`;
  const provider = new ProviderCtor(issuer, {
    clients: [{
      client_id: o.clientId,
      client_secret: o.clientSecret,
      redirect_uris: o.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      // openid-client sends the secret in the body by default
      token_endpoint_auth_method: 'client_secret_post',
    }],
    claims: { openid: ['sub'], ...o.scopes },
    // put the scopes' claims in the ID token, which is what the app reads
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    cookies: { keys: ['test-cookie-key-not-secret'] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    findAccount: (_ctx: unknown, id: string) => ({ accountId: id, claims: () => ({ sub: id, ...o.claimsOf(id) }) }),
  });
  server.on('request', provider.callback());
  return {
    issuer, clientId: o.clientId, clientSecret: o.clientSecret,
    async accountOf(token) {
      return (await provider.AccessToken.find(token))?.accountId ?? null;
    },
    close: () => closeServer(server),
  };
}

/** What the groups API answers one person: a list of groups, or an HTTP status to fail with. */
export type GroupsFixture = unknown[] | { status: number };

export interface LocalGroupsApi {
  /** the base URL (OIDC_GROUPS_API) */
  url: string;
  /** how many answers it gave: a test can see whether the app asked at all */
  calls: number;
  close(): Promise<void>;
}

/** Feide's groups API: GET /groups/me/groups answers the holder of a valid access token from the fixtures. */
export async function startGroupsApi(idp: LocalIdp, fixtureOf: (login: string) => GroupsFixture): Promise<LocalGroupsApi> {
  const server = createServer();
  const api: LocalGroupsApi = { url: '', calls: 0, close: () => closeServer(server) };
  server.on('request', (req, res) => {
    void (async () => {
      api.calls++;
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const login = token ? await idp.accountOf(token) : null;
      if (req.url !== '/groups/me/groups' || !login) {
        res.writeHead(req.url === '/groups/me/groups' ? 401 : 404).end();
        return;
      }
      const fixture = fixtureOf(login);
      if (!Array.isArray(fixture)) {
        res.writeHead(fixture.status).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(fixture));
    })();
  });
  api.url = `http://127.0.0.1:${await listen(server)}`;
  return api;
}

/** A Feide go-group as the groups API describes it (ids from the school's own group id, valid a school year). */
export function goGroup(kind: 'b' | 'u', name: string, role: 'faculty' | 'student', opts: { orgNumber?: string; from?: string; to?: string } = {}) {
  const org = opts.orgNumber ?? 'NO999999999';
  const from = opts.from ?? '2026-08-01';
  const to = opts.to ?? '2027-07-31';
  return {
    id: `fc:gogroup:skole.feide.example:${kind}:${org}:${encodeURIComponent(name.toLowerCase())}:${from}:${to}`,
    type: 'fc:gogroup',
    displayName: name,
    notBefore: `${from}T00:00:00Z`,
    notAfter: `${to}T00:00:00Z`,
    go_type: kind,
    go_type_displayName: kind === 'b' ? 'basisgruppe' : 'undervisningsgruppe',
    parent: `fc:org:skole.feide.example:unit:${org}`,
    membership: { basic: role === 'faculty' ? 'admin' : 'member', affiliation: role },
  };
}

/** The school itself in the groups API, with the person's affiliations there. */
export function feideOrganisation(affiliations: string[], orgNumber = 'NO999999999') {
  return {
    id: `fc:org:skole.feide.example:unit:${orgNumber}`,
    type: 'fc:org',
    displayName: 'Generert videregående skole',
    membership: { basic: 'member', affiliation: affiliations, primaryAffiliation: affiliations.find((a) => a !== 'member') ?? 'member' },
    public: true,
  };
}

/** A minimal browser: cookies per host (path and expiry of live cookies are ignored), manual redirects. */
export class Browser {
  private jars = new Map<string, Map<string, string>>();

  cookie(host: string, name: string): string | undefined {
    return this.jars.get(host)?.get(name);
  }

  async fetch(url: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Response> {
    const u = new URL(url);
    const jar = this.jars.get(u.host) ?? new Map<string, string>();
    this.jars.set(u.host, jar);
    const headers: Record<string, string> = { ...init.headers };
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
      if (res.status !== 200) throw new Error(`IdP answered ${res.status} at ${next}: ${html.slice(0, 500)}`);
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      if (!action || !prompt) throw new Error(`unexpected IdP page at ${next}: ${html.slice(0, 500)}`);
      const form: Record<string, string> = prompt === 'login' ? { prompt, login, password: 'whatever' } : { prompt };
      const posted = await this.fetch(new URL(action.replace(/&amp;/g, '&'), next).href, { form });
      if (posted.status < 300 || posted.status >= 400) throw new Error(`posting ${prompt} answered ${posted.status}`);
      next = new URL(posted.headers.get('location')!, next).href;
    }
    throw new Error('too many redirects');
  }
}
