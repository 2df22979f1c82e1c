/** fast-check feeds generated bad input to every route: the answer is never a 500. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from './harness.js';

let t: TestApp;
let clients: Client[];
beforeAll(async () => {
  t = await testApp();
  clients = [await t.login('kontaktlarer'), await t.login('elev.myndig'), await t.login('rektor')];
});
afterAll(async () => t?.close());

const segment = fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }), fc.constantFrom('', '..', '%00', '0', '-1', "' or 1=1 --", '00000000-0000-0000-0000-000000000000'));
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({
    occurredOn: fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.integer()),
    channel: fc.oneof(fc.string(), fc.constantFrom('phone', 'email', 'letter', 'meeting', 'message')),
    summary: fc.oneof(fc.string({ maxLength: 5000 }), fc.constant('x'.repeat(5000))),
    visibility: fc.string(),
    granted: fc.oneof(fc.boolean(), fc.string()),
    reason: fc.string(),
    locale: fc.string(),
    username: fc.string(),
    password: fc.string(),
  }, { requiredKeys: [] }),
);
const query = fc.dictionary(fc.constantFrom('limit', 'studentId', 'from', 'to', 'actorPersonId', 'x'), fc.string({ maxLength: 30 }));

describe('bad input never causes a 500', () => {
  it('every route answers generated garbage in params, query and body with a 4xx or a 2xx, never a 5xx', async () => {
    // logging out would only end the session the other cases use
    const routes = t.app.routeTable.filter((r) => r.url !== '/api/auth/logout');
    expect(routes.length).toBeGreaterThan(10);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.array(segment, { minLength: 3, maxLength: 3 }), query, body, fc.nat(clients.length - 1),
        async (route, segs, q, b, who) => {
          let i = 0;
          const path = route.url.replace(/:(\w+)/g, () => encodeURIComponent(segs[i++ % segs.length]!));
          const qs = new URLSearchParams(q).toString();
          const res = await clients[who]!.request(route.method, qs ? `${path}?${qs}` : path, route.method === 'GET' ? undefined : b);
          expect(res.statusCode, `${route.method} ${path} → ${res.body}`).toBeLessThan(500);
          if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
        }),
      { numRuns: 400, seed: 20261125 },
    );
  });
});
