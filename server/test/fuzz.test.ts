/**
 * fast-check feeds generated input to every route and the answer is never a 5xx. The generators come
 * from the OpenAPI document, so every documented parameter — the path's, every optional query parameter
 * and every body field — gets valid values (real ids of the demo school, so the handler itself runs, not
 * only the access check) and invalid ones: wrong types, NUL and other control characters, lone surrogates,
 * SQL-looking and very long text.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from './harness.js';

interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}
interface Operation {
  parameters?: { in: 'path' | 'query' | 'header' | 'cookie'; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

let t: TestApp;
let clients: Client[];
/** real ids by path parameter name: the demo school's, so that the access check lets a request through */
const ids = new Map<string, string[]>();

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

beforeAll(async () => {
  t = await testApp();
  clients = await Promise.all(['kontaktlarer', 'elev.myndig', 'rektor', 'skoleadmin', 'foresatt', 'avdelingsleder'].map((u) => t.login(u)));
  const h = t.demo.hardCases;
  const known: Record<string, string[]> = {
    studentId: [h.elevStudentId, h.adultWithConsentStudentId, h.absenceOverLimitStudentId],
    basisGroupId: [h.basisGroup2STAId, h.basisGroup2STBId],
    groupId: [h.basisGroup2STAId, h.teachingGroup2STAMATId],
    teachingGroupId: [h.teachingGroup2STAMATId, h.teachingGroup2STANORId],
    schoolId: [t.demo.schoolId],
    // not one of the clients above: an admin route that disables it or ends its sessions leaves the fuzzing logged in
    staffMemberId: [h.subjectTeacherStaffMemberId],
    conversationId: [h.elevStartOfYearConversationId, h.elevPlannedConversationId],
    guardianshipId: [h.noResponsibilityGuardianshipId],
    guardianPersonId: [h.adultConsentGuardianPersonId],
  };
  for (const [k, v] of Object.entries(known)) ids.set(k, v);
  ids.set('accountId', (await t.database.query<{ id: string }>("select id from account where username = 'faglarer'")).map((r) => r.id));
  // every other `…Id`: a row of the table it names (caseId → disciplinary_case, roundId → booking_round)
  const tables = (await t.database.query<{ table_name: string }>(
    `select c.table_name from information_schema.columns c where c.table_schema = 'public' and c.column_name = 'id' and c.data_type = 'uuid'`)).map((r) => r.table_name);
  const doc = t.app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> };
  const names = new Set(Object.values(doc.paths).flatMap((p) => Object.values(p).flatMap((o) => (o.parameters ?? []).filter((x) => x.in === 'path').map((x) => x.name))));
  for (const name of names) {
    if (ids.has(name) || !name.endsWith('Id')) continue;
    const base = snake(name.slice(0, -2));
    const table = tables.find((x) => x === base) ?? tables.find((x) => x.endsWith(`_${base}`)) ?? tables.find((x) => x.startsWith(`${base}_`));
    if (!table) continue;
    const rows = await t.database.query<{ id: string }>(`select id from "${table}" order by id limit 2`);
    if (rows.length) ids.set(name, rows.map((r) => r.id));
  }
});
afterAll(async () => t?.close());

// --- what a person never types: the text guard must refuse each with a 400, wherever it stands --------------

const unstorable = fc.constantFrom('\u0000', '\u0001', '\u0008', '\u000b', '\u001b', '\u007f', '\u0085', '\u009f', '\ud800', '\udfff', '\udc00\ud800');
const nastyText = fc.oneof(
  fc.tuple(fc.string({ maxLength: 10 }), unstorable, fc.string({ maxLength: 10 })).map(([a, b, c]) => a + b + c),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', ' ', '..', '%00', '0', '-1', "' or 1=1 --", '00000000-0000-0000-0000-000000000000', '2026-02-30', 'x'.repeat(5000), '🙂'),
);
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyText },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}), fc.jsonValue({ maxDepth: 2 })) },
);

// --- valid values from a schema ----------------------------------------------------------------------------

const date = fc.date({ min: new Date('2025-08-01'), max: new Date('2027-07-31'), noInvalidDate: true });
const typeOf = (s: JsonSchema) => (Array.isArray(s.type) ? s.type.find((x) => x !== 'null') ?? 'null' : s.type);

function validFor(s: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const variants = s.anyOf ?? s.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((v) => validFor(v, depth)));
  if (s.allOf?.length) return validFor(Object.assign({}, ...s.allOf), depth);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  if (depth > 4) return fc.constant(null);
  switch (typeOf(s)) {
    case 'string': {
      if (s.format === 'uuid') return fc.oneof(fc.constantFrom(...[...ids.values()].flat()), fc.uuid());
      if (s.format === 'date') return date.map((d) => d.toISOString().slice(0, 10));
      if (s.format === 'date-time') return date.map((d) => d.toISOString());
      if (s.format === 'email') return fc.constantFrom('kari@example.no', 'ola.nordmann@example.com');
      if (s.pattern) {
        try {
          return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length <= (s.maxLength ?? 200));
        } catch { /* a pattern fast-check cannot read: plain text below */ }
      }
      const min = s.minLength ?? 0;
      const max = Math.max(min, Math.min(s.maxLength ?? 60, 60));
      return fc.oneof(fc.constantFrom('Hei', 'Samtale om trivsel', 'Ringte mor.\nHun kommer.', 'Æøå ÆØÅ', '2STA', 'kontaktlarer'), fc.string({ minLength: min, maxLength: max }))
        .map((x) => (x.length < min ? x.padEnd(min, 'x') : x.slice(0, s.maxLength ?? x.length)));
    }
    case 'integer':
      return fc.integer({ min: s.minimum ?? -3, max: s.maximum ?? Math.max(s.minimum ?? 0, 0) + 200 });
    case 'number':
      return fc.double({ min: s.minimum ?? -3, max: s.maximum ?? 200, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(s.items ? validOrNot(s.items, depth + 1) : nasty, { minLength: s.minItems ?? 0, maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)) });
    case 'object': {
      const props = s.properties ?? {};
      const keys = Object.keys(props);
      if (!keys.length) return fc.constant({});
      return fc.record(Object.fromEntries(keys.map((k) => [k, validOrNot(props[k]!, depth + 1)])), { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

/** Mostly valid, so that a request gets past validation to the handler; sometimes not at all. */
function validOrNot(s: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 5, arbitrary: validFor(s, depth) }, { weight: 1, arbitrary: nasty });
}

/** A path parameter: the demo's real ids most of the time, else a random id or something that is none. */
function segmentFor(name: string, s: JsonSchema | undefined): fc.Arbitrary<string> {
  const real = ids.get(name);
  const valid = real?.length ? fc.constantFrom(...real) : (s ? validFor(s).map(String) : fc.uuid());
  return fc.oneof({ weight: 10, arbitrary: valid }, { weight: 1, arbitrary: fc.uuid() }, { weight: 2, arbitrary: nastyText });
}

/** encodeURIComponent, but a lone surrogate goes out as its WTF-8 bytes (what a careless client sends) instead of throwing. */
function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...s].map((ch) => {
      const c = ch.charCodeAt(0);
      if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff) return `%${(0xe0 | (c >> 12)).toString(16)}%${(0x80 | ((c >> 6) & 0x3f)).toString(16)}%${(0x80 | (c & 0x3f)).toString(16)}`.toUpperCase();
      return encodeURIComponent(ch);
    }).join('');
  }
}

const asQueryValue = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v));

interface Route { method: string; url: string; op: Operation }

/** One generated request for the route: its path, its query and its body. */
function requestFor(route: Route): fc.Arbitrary<{ path: string; query: [string, string][]; body: unknown }> {
  const params = route.op.parameters ?? [];
  const pathNames = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const segments = fc.tuple(...pathNames.map((n) => segmentFor(n, params.find((p) => p.in === 'path' && p.name === n)?.schema)));
  const queryParams = params.filter((p) => p.in === 'query');
  // every documented query parameter, present or not, valid or not; now and then one that is not documented
  const query = fc.tuple(
    ...queryParams.map((p) => fc.oneof(
      { weight: 3, arbitrary: validOrNot(p.schema ?? {}).map((v): [string, string] => [p.name, asQueryValue(v)]) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    )),
    fc.oneof({ weight: 1, arbitrary: nastyText.map((v): [string, string] => ['x', v]) }, { weight: 5, arbitrary: fc.constant(undefined) }),
  ).map((pairs) => pairs.filter((p): p is [string, string] => !!p));
  const schema = route.op.requestBody?.content?.['application/json']?.schema;
  const body = route.method === 'GET' ? fc.constant(undefined) : schema ? validOrNot(schema) : fc.oneof(fc.constant(undefined), nasty);
  return fc.record({
    path: segments.map((segs) => { let i = 0; return route.url.replace(/:(\w+)/g, () => encode(String(segs[i++] ?? ''))); }),
    query, body,
  });
}

describe('bad input never causes a 500', () => {
  it('every route, with every documented parameter valid and invalid, control characters and lone surrogates in any text, answers below 500', async () => {
    const doc = t.app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> };
    // ending one's own sessions only logs the fuzzing out
    const skip = new Set(['POST /api/auth/logout', 'POST /api/me/sessions/end-others']);
    const routes: Route[] = t.app.routeTable.filter((r) => !skip.has(`${r.method} ${r.url}`)).map((r) => {
      const openApiPath = r.url.replace(/:(\w+)/g, '{$1}');
      return { method: r.method, url: r.url, op: doc.paths[openApiPath]?.[r.method.toLowerCase()] ?? {} };
    });
    expect(routes.length).toBeGreaterThan(100);
    // the documented parameters are read: conduct's termId, say, is among them
    expect(routes.some((r) => r.op.parameters?.some((p) => p.in === 'query' && p.name === 'termId'))).toBe(true);
    let reachedHandler = 0;
    for (const [index, route] of routes.entries()) {
      // one run per client, in turn: each route meets the people it is for (whose requests reach its handler) and the others
      let run = 0;
      await fc.assert(
        fc.asyncProperty(requestFor(route), async ({ path, query, body }) => {
          const who = run++ % clients.length;
          const qs = query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
          const url = qs ? `${path}?${qs}` : path;
          const res = await clients[who]!.request(route.method, url, body);
          expect(res.statusCode, `${route.method} ${url} ${JSON.stringify(body)?.slice(0, 300)} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
          if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
          if (res.statusCode < 300) reachedHandler++;
        }),
        { numRuns: clients.length, seed: 20261125 + index },
      );
    }
    // the generated requests are not all turned away at the door
    expect(reachedHandler).toBeGreaterThan(routes.length / 2);
  });

  it('a text with a NUL or a lone surrogate is 400 naming the field on every route that takes a body', async () => {
    const doc = t.app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> };
    const admin = clients[3]!;
    let checked = 0;
    for (const r of t.app.routeTable) {
      if (r.method === 'GET' || r.url === '/api/auth/logout') continue;
      const schema = doc.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
      if (!schema) continue;
      const path = r.url.replace(/:(\w+)/g, () => randomUUID());
      const res = await admin.request(r.method, path, { probe: 'Hei\u0000', note: 'x\ud800' });
      // the guard speaks before anything reads the text: before the access check's loaders and the route's own validation
      expect(res.statusCode, `${r.method} ${r.url} → ${res.body}`).toBe(400);
      expect(res.json().errors[0].field, `${r.method} ${r.url}`).toBe('probe');
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});
