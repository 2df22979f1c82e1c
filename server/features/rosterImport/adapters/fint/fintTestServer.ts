/**
 * A FINT stand-in for the tests, on 127.0.0.1 and a free port: an OAuth 2.0 token endpoint (client
 * credentials or FINT's password grant, the client as HTTP Basic) and the consumer API over HAL
 * fixtures — collections with `size`/`offset` paging and `_links.self/prev/next` as FINT's consumer
 * builds them, single resources by `/<collection>/<identifier field>/<value>`. `{base}` in a fixture is
 * the server's own origin. It can expire tokens early or refuse every token, and logs what was asked.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HalResource } from './hal.js';

/** Collection path (`utdanning/elev/elev`) → its entries. */
export type Fixtures = Record<string, HalResource[]>;

export interface FintTestServerOptions {
  fixtures: Fixtures;
  /** resources FINT has but lists in no collection this client reads: reachable by href only */
  unlisted?: Fixtures;
  /** the largest page the server gives, whatever `size` asks (forces paging) */
  maxPageSize?: number;
  clientId: string;
  clientSecret: string;
  /** when set, only the password grant with these is accepted */
  username?: string;
  password?: string;
  /** `expires_in` of each token; default 3600 */
  tokenLifetimeSeconds?: number;
  /** a token is refused after this many API requests, as if it had expired early */
  requestsPerToken?: number;
  /** every token is refused by the API */
  refuseAllTokens?: boolean;
}

export interface LoggedRequest {
  path: string;
  query: string;
  status: number;
}

export interface FintTestServer {
  base: string;
  tokenUrl: string;
  requests: LoggedRequest[];
  tokensIssued: () => number;
  close: () => Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown, base: string) => {
  res.writeHead(status, { 'content-type': 'application/hal+json;charset=UTF-8' });
  res.end(JSON.stringify(body).replaceAll('{base}', base));
};

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function identifierValues(entry: HalResource, field: string): string[] {
  const values: string[] = [];
  for (const [k, v] of Object.entries(entry)) {
    if (k.toLowerCase() === field && v && typeof v === 'object' && 'identifikatorverdi' in v) values.push(String((v as { identifikatorverdi: unknown }).identifikatorverdi));
  }
  for (const link of entry._links?.self ?? []) {
    const m = typeof link.href === 'string' ? /\/([^/]+)\/([^/]+)$/.exec(link.href) : null;
    if (m && m[1]!.toLowerCase() === field) values.push(decodeURIComponent(m[2]!));
  }
  return values;
}

export async function startFintTestServer(o: FintTestServerOptions): Promise<FintTestServer> {
  const tokens = new Map<string, number>();
  let issued = 0;
  const requests: LoggedRequest[] = [];
  let base = '';

  const token = async (req: IncomingMessage, res: ServerResponse) => {
    const form = new URLSearchParams(await bodyOf(req));
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
    const [id, secret] = basic ? Buffer.from(basic[1]!, 'base64').toString('utf8').split(/:(.*)/s) : [form.get('client_id'), form.get('client_secret')];
    const grantOk = o.username !== undefined
      ? form.get('grant_type') === 'password' && form.get('username') === o.username && form.get('password') === o.password
      : form.get('grant_type') === 'client_credentials' || form.get('grant_type') === 'password';
    if (id !== o.clientId || secret !== o.clientSecret || !grantOk) {
      json(res, 401, { error: 'invalid_client' }, base);
      return;
    }
    issued++;
    const value = `token-${issued}-${Math.random().toString(36).slice(2)}`;
    tokens.set(value, 0);
    json(res, 200, { access_token: value, token_type: 'bearer', expires_in: o.tokenLifetimeSeconds ?? 3600, scope: form.get('scope') }, base);
  };

  const authorised = (req: IncomingMessage): boolean => {
    const value = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const used = value === undefined ? undefined : tokens.get(value);
    if (value === undefined || used === undefined || o.refuseAllTokens) return false;
    if (o.requestsPerToken !== undefined && used >= o.requestsPerToken) return false;
    tokens.set(value, used + 1);
    return true;
  };

  const collection = (res: ServerResponse, path: string, params: URLSearchParams) => {
    const all = o.fixtures[path]!;
    const asked = Number(params.get('size') ?? 0);
    const size = Math.min(asked > 0 ? asked : Infinity, o.maxPageSize ?? Infinity);
    const offset = Number(params.get('offset') ?? 0);
    const self = `${base}/${path}`;
    if (!Number.isFinite(size)) {
      json(res, 200, { _embedded: { _entries: all }, _links: { self: [{ href: self }] }, total_items: all.length }, base);
      return;
    }
    const page = (at: number) => ({ href: `${self}?offset=${at}&size=${size}` });
    const links: Record<string, { href: string }[]> = { self: [page(offset)] };
    if (offset > 0) links.prev = [page(Math.max(0, offset - size))];
    if (offset + size < all.length) links.next = [page(offset + size)];
    json(res, 200, { _embedded: { _entries: all.slice(offset, offset + size) }, _links: links, total_items: all.length, offset, size }, base);
  };

  const single = (res: ServerResponse, segments: string[]) => {
    const path = segments.slice(0, 3).join('/');
    const [field, value] = [segments[3]!.toLowerCase(), decodeURIComponent(segments[4]!)];
    const entry = [...(o.fixtures[path] ?? []), ...(o.unlisted?.[path] ?? [])].find((e) => identifierValues(e, field).includes(value));
    if (entry) json(res, 200, entry, base);
    else json(res, 404, { message: 'not found' }, base);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    const log = (status: number) => requests.push({ path: url.pathname, query: url.search, status });
    if (req.method === 'POST' && url.pathname === '/token') {
      void token(req, res);
      return;
    }
    if (!authorised(req)) {
      log(401);
      json(res, 401, { error: 'invalid_token' }, base);
      return;
    }
    const segments = url.pathname.split('/').filter((s) => s !== '');
    const path = segments.slice(0, 3).join('/');
    if (segments.length === 3 && o.fixtures[path]) {
      log(200);
      collection(res, path, url.searchParams);
    } else if (segments.length === 5) {
      single(res, segments);
      log(res.statusCode);
    } else {
      log(404);
      json(res, 404, { message: 'not found' }, base);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    tokenUrl: `${base}/token`,
    requests,
    tokensIssued: () => issued,
    close: () => new Promise<void>((resolve, reject) => {
      server.close((e) => (e ? reject(e) : resolve()));
      // the client keeps connections alive; the test is over
      server.closeAllConnections();
    }),
  };
}

/**
 * The same fixtures as FINT 3 serves them: `klasse` was `basisgruppe` and `klassemedlemskap`
 * `basisgruppemedlemskap` (collections, relations and hrefs alike).
 */
export function asFint3(fixtures: Fixtures): Fixtures {
  const rename = (s: string) => s
    .replaceAll('klassemedlemskap', 'basisgruppemedlemskap')
    .replaceAll('"klasse"', '"basisgruppe"')
    .replace(/\/klasse(?=\/|"|$)/g, '/basisgruppe');
  return Object.fromEntries(Object.entries(fixtures).map(([path, entries]) => [rename(path), JSON.parse(rename(JSON.stringify(entries))) as HalResource[]]));
}
