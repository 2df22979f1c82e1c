/**
 * FINT over HTTP: an OAuth 2.0 bearer token from the IdP, every request with it, a collection page by
 * page, a single resource by its href. A token FINT stops accepting (expired, or revoked before its
 * `expires_in`) is replaced once per request; a second refusal is FINT saying no, reported as such.
 * The token and the client's secret and password never leave this file: not in an error, not in a log.
 */
import { FintError } from './errors.js';
import { isRecord, shownHref, type HalResource } from './hal.js';
import type { FintOptions } from './options.js';

interface Token {
  value: string;
  /** ms since the epoch, a margin before FINT's expiry */
  expiresAt: number;
}

/** What a single href gave: the resource, nothing there (404/410), or a host the token is not sent to. */
export type Followed = { status: 'found'; resource: HalResource } | { status: 'missing' } | { status: 'foreign' };

/** a token is replaced this long before FINT says it expires, or a tenth of its life when that is shorter */
const REFRESH_MARGIN_MS = 30_000;
const TRANSIENT = new Set([502, 503, 504]);

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs at most `n` of the given tasks at a time. */
export function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const queue: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= n) await new Promise<void>((resolve) => queue.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      queue.shift()?.();
    }
  };
}

export class FintClient {
  private token: Token | null = null;
  private tokenInFlight: Promise<Token> | null = null;
  private readonly origin: string;
  /** ends what is still in flight once the reading has failed */
  private readonly stop = new AbortController();
  readonly base: string;

  constructor(private readonly o: FintOptions) {
    this.base = o.baseUrl.replace(/\/+$/, '');
    this.origin = new URL(this.base).origin;
  }

  /** The collection's URL as shown in errors: no query. */
  collectionUrl(path: string): string {
    return `${this.base}/${path}`;
  }

  /**
   * Reads a collection page by page (`size`/`offset`, following `_links.next`), handing each entry to
   * `onEntry` with its 1-based position. False when FINT has no such collection (404), or when an
   * optional one is not open to this client (403).
   */
  async readCollection(path: string, optional: boolean, onEntry: (entry: HalResource, line: number) => void): Promise<boolean> {
    const size = this.o.pageSize ?? 5000;
    let next: string | null = `${this.collectionUrl(path)}?size=${size}&offset=0`;
    const asked = new Set<string>();
    let seen = 0;
    let total: number | null = null;
    while (next !== null && !asked.has(next)) {
      asked.add(next);
      const res = await this.get(next);
      if (res.status === 404 || (res.status === 403 && optional)) {
        if (seen === 0) return false;
        throw new FintError('rosterImport.fint.httpError', { status: res.status, url: this.collectionUrl(path) }, `FINT answered ${res.status} for a later page of ${path}`);
      }
      if (res.status === 403) throw new FintError('rosterImport.fint.forbidden', { url: this.collectionUrl(path) }, `FINT refused this client ${path}`);
      const page = await this.json(res, this.collectionUrl(path));
      const entries = isRecord(page._embedded) && Array.isArray(page._embedded._entries) ? page._embedded._entries : [];
      if (typeof page.total_items === 'number') total = page.total_items;
      for (const entry of entries) {
        seen++;
        if (isRecord(entry)) onEntry(entry as HalResource, seen);
      }
      this.o.onProgress?.({ phase: path, done: seen, total });
      next = this.nextPage(page, path, size, seen, total, entries.length);
    }
    return true;
  }

  /** The next page: FINT's `next` link, or — from a provider that leaves it out — the next offset while `total_items` says more. */
  private nextPage(page: Record<string, unknown>, path: string, size: number, seen: number, total: number | null, onPage: number): string | null {
    const links = isRecord(page._links) ? page._links : {};
    const nextLinks = Array.isArray(links.next) ? links.next : [];
    const href = isRecord(nextLinks[0]) && typeof nextLinks[0].href === 'string' ? nextLinks[0].href : null;
    if (href) return new URL(href, this.base).href;
    if (total !== null && seen < total && onPage > 0) return `${this.collectionUrl(path)}?size=${size}&offset=${seen}`;
    return null;
  }

  /** One resource by its href; the bearer token goes only to the API's own host. */
  async follow(href: string): Promise<Followed> {
    let origin: string;
    try {
      origin = new URL(href).origin;
    } catch {
      return { status: 'missing' };
    }
    if (origin !== this.origin) return { status: 'foreign' };
    const res = await this.get(href);
    if (res.status === 404 || res.status === 410) return { status: 'missing' };
    if (res.status === 403) throw new FintError('rosterImport.fint.forbidden', { url: shownHref(href) }, 'FINT refused this client a linked resource');
    const body = await this.json(res, shownHref(href));
    return { status: 'found', resource: body as HalResource };
  }

  /** GET with the bearer token; a refused token is replaced once, then FINT's refusal stands. */
  private async get(url: string): Promise<Response> {
    const used = await this.currentToken();
    let res = await this.send(url, used.value);
    if (res.status !== 401) return this.checked(res, url);
    await res.body?.cancel();
    const fresh = await this.refreshAfter(used);
    res = await this.send(url, fresh.value);
    if (res.status === 401) {
      await res.body?.cancel();
      throw new FintError('rosterImport.fint.unauthorized', { url: shownHref(url) }, 'FINT refused a newly issued token');
    }
    return this.checked(res, url);
  }

  private async checked(res: Response, url: string): Promise<Response> {
    if (res.ok || res.status === 404 || res.status === 410 || res.status === 403) return res;
    await res.body?.cancel();
    throw new FintError('rosterImport.fint.httpError', { status: res.status, url: shownHref(url.split('?')[0]!) }, `FINT answered ${res.status}`);
  }

  /** One request, with a couple of retries when FINT or the network is briefly away (502/503/504). */
  private async send(url: string, token: string): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await fetch(url, {
          headers: { authorization: `Bearer ${token}`, accept: 'application/hal+json, application/json', 'x-org-id': this.o.orgId },
          signal: this.signal(),
        });
        if (!TRANSIENT.has(res.status) || attempt >= 2) return res;
        await res.body?.cancel();
      } catch (e) {
        if (this.o.signal?.aborted || this.stop.signal.aborted || attempt >= 2) {
          throw new FintError('rosterImport.fint.unreachable', { url: shownHref(url.split('?')[0]!) }, `FINT could not be reached: ${(e as Error).name}`);
        }
      }
      await wait(500 * (attempt + 1));
    }
  }

  /** Stops every request still running: the reading has failed and nothing more of it is wanted. */
  abort(): void {
    this.stop.abort();
  }

  private signal(): AbortSignal {
    const signals = [AbortSignal.timeout(this.o.timeoutMs ?? 60_000), this.stop.signal];
    if (this.o.signal) signals.push(this.o.signal);
    return AbortSignal.any(signals);
  }

  private async json(res: Response, shownUrl: string): Promise<Record<string, unknown>> {
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      body = undefined;
    }
    if (!isRecord(body)) throw new FintError('rosterImport.fint.badResponse', { url: shownUrl }, 'FINT answered something that is not a HAL resource');
    return body;
  }

  private async currentToken(): Promise<Token> {
    if (this.token && Date.now() < this.token.expiresAt) return this.token;
    return this.newToken();
  }

  /** A new token unless another request already replaced the refused one. */
  private async refreshAfter(refused: Token): Promise<Token> {
    if (this.token && this.token !== refused) return this.token;
    this.token = null;
    return this.newToken();
  }

  private newToken(): Promise<Token> {
    this.tokenInFlight ??= this.requestToken().then(
      (t) => {
        this.token = t;
        this.tokenInFlight = null;
        return t;
      },
      (e: unknown) => {
        this.tokenInFlight = null;
        throw e;
      },
    );
    return this.tokenInFlight;
  }

  private async requestToken(): Promise<Token> {
    const form = new URLSearchParams({ scope: this.o.scope ?? 'fint-client' });
    if (this.o.username !== undefined && this.o.password !== undefined) {
      form.set('grant_type', 'password');
      form.set('username', this.o.username);
      form.set('password', this.o.password);
    } else {
      form.set('grant_type', 'client_credentials');
    }
    let res: Response;
    try {
      res = await fetch(this.o.tokenUrl, {
        method: 'POST',
        headers: {
          // FINT's documented call sends the client as HTTP Basic (curl -u id:secret)
          authorization: `Basic ${Buffer.from(`${this.o.clientId}:${this.o.clientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form.toString(),
        signal: this.signal(),
      });
    } catch (e) {
      throw new FintError('rosterImport.fint.unreachable', { url: this.o.tokenUrl }, `FINT's token endpoint could not be reached: ${(e as Error).name}`);
    }
    if (res.status === 400 || res.status === 401 || res.status === 403) {
      await res.body?.cancel();
      throw new FintError('rosterImport.fint.tokenRejected', { status: res.status }, `FINT's token endpoint refused the client (${res.status})`);
    }
    const body: unknown = res.ok ? await res.json().catch(() => undefined) : undefined;
    if (!res.ok || !isRecord(body) || typeof body.access_token !== 'string' || body.access_token === '') {
      if (!res.ok) await res.body?.cancel();
      throw new FintError('rosterImport.fint.tokenFailed', { status: res.status }, `FINT's token endpoint gave no token (${res.status})`);
    }
    const seconds = typeof body.expires_in === 'number' ? body.expires_in : Number(body.expires_in);
    const lifetime = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 3600_000;
    return { value: body.access_token, expiresAt: Date.now() + lifetime - Math.min(REFRESH_MARGIN_MS, lifetime / 10) };
  }
}
