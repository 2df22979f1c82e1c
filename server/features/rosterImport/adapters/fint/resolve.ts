/**
 * Following a relation by its href: found among the collections read, or else asked of FINT on its own
 * (a guardian's person is often not in `utdanning/elev/person`, a teacher's may sit under
 * `administrasjon/personal`). What FINT does not have (404) is remembered so the record that points
 * there is reported with its place; an href on another host is not followed, since the token would go
 * with it.
 */
import { limiter, type FintClient } from './client.js';
import { hrefKey, shownHref } from './hal.js';
import type { Indexed, Keeper, Kept } from './resources.js';

export type LinkState = 'found' | 'missing' | 'foreign';

export class Resolver {
  private readonly failed = new Map<string, Exclude<LinkState, 'found'>>();
  private readonly run: <T>(task: () => Promise<T>) => Promise<T>;
  private followed = 0;

  constructor(private readonly client: FintClient, concurrency: number, private readonly onFollowed?: (done: number) => void) {
    this.run = limiter(concurrency);
  }

  /** Fetches the hrefs the index does not hold yet, adding what FINT has to it. */
  async prefetch<T extends Kept>(index: Indexed<T>, hrefs: Iterable<string | null | undefined>, keep: Keeper<T>): Promise<void> {
    const wanted = new Map<string, string>();
    for (const href of hrefs) {
      if (!href) continue;
      const key = hrefKey(href);
      if (!wanted.has(key) && !this.failed.has(key) && index.get(href) === undefined) wanted.set(key, href);
    }
    await Promise.all([...wanted].map(([key, href]) => this.run(async () => {
      const got = await this.client.follow(href);
      this.onFollowed?.(++this.followed);
      if (got.status !== 'found') {
        this.failed.set(key, got.status);
        return;
      }
      const collection = href.replace(/\/[^/]+\/[^/]+\/?$/, '');
      const item = keep(got.resource, { file: shownHref(href), line: 1 }, this.client.base, collection);
      index.add({ ...item, keys: [...item.keys, key] });
    })));
  }

  /** Why an href gave nothing: not in FINT, or on another host. */
  state(href: string): Exclude<LinkState, 'found'> {
    return this.failed.get(hrefKey(href)) ?? 'missing';
  }
}
