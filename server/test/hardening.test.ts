/**
 * Issue 16's smaller findings, as an attacker or an operator meets them: request bodies with fields no
 * route knows, formulas planted in CSV exports, answers kept in caches, and a health check while the
 * database is gone — on PGlite and PostgreSQL.
 */
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../app.js';
import { csvExport } from '../core/csv/export.js';
import { requireStrictBodies } from '../core/http/strictBodies.js';
import { freshDatabase, testApp, type TestApp } from './harness.js';

let t: TestApp;
const h = () => t.demo.hardCases;

beforeAll(async () => {
  t = await testApp();
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('a body with a field no route knows', () => {
  it('PUT /api/me/locale with `roles` is refused with 400 naming `roles`, in the caller\'s language, and changes nothing', async () => {
    const elev = await t.login('elev');
    const res = await elev.request('PUT', '/api/me/locale', { locale: 'en', roles: ['principal'] }, { 'accept-language': 'nn' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'roles', message: 'Feltet er ukjent.' }]);
    expect((await elev.get('/api/me')).json().person.locale).not.toBe('en');
  });

  it('an unknown field inside a nested object is named with its path', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/setup', payload: { token: 'x'.repeat(43), owner: { name: 'Eier', kind: 'county', admin: true }, admin: {} } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('owner.admin');
  });

  it('the login itself refuses unknown fields before it checks anything', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'elev', password: 'demo1234', isAdmin: true } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('isAdmin');
  });

  it('a route whose body schema lets unknown fields through stops the app from starting, naming the route and the place', async () => {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    requireStrictBodies(app);
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post('/strict', { schema: { body: z.strictObject({ a: z.array(z.strictObject({ b: z.string() })) }) } }, async () => ({}));
    expect(() => r.post('/loose', { schema: { body: z.strictObject({ a: z.array(z.object({ b: z.string() })).optional() }) } }, async () => ({})))
      .toThrow(/POST \/loose.*a\.\[\]/);
    expect(() => r.put('/top', { schema: { body: z.object({ a: z.string() }) } }, async () => ({}))).toThrow(/PUT \/top.*\(body\)/);
    await app.close();
  });
});

describe('CSV exports and spreadsheet formulas (OWASP CSV injection)', () => {
  const planted = "=cmd|' /C calc'!A0";

  it('feedback planted as a formula leaves the formative-assessment export as text, not as a formula', async () => {
    const fag = await t.login('faglarer');
    const url = `/api/teaching-groups/${h().teachingGroup2STAMATId}/formative-assessments`;
    const rec = await fag.request('POST', url, { assessedOn: '2026-11-20', kind: 'writtenFeedback', entries: [{ studentId: h().elevStudentId, feedback: planted }] });
    expect(rec.statusCode, rec.body).toBe(200);
    const csv = await fag.get(`${url}.csv`);
    expect(csv.statusCode).toBe(200);
    const cells = csv.body.split(/\r?\n/).flatMap((line) => line.split(';')).map((c) => c.replace(/^"|"$/g, '').replace(/""/g, '"'));
    expect(cells).toContain(`'${planted}`);
    expect(cells.some((c) => /^[=+@\t\r-]/.test(c) && c.includes('cmd'))).toBe(false);
  });

  it('every cell beginning with = + - @ tab or CR gets a quote first; numbers and ordinary text stay as they are', () => {
    const text = csvExport([['=1+1', '+47 22 00 00 00', '-2', '@SUM(A1)', '\tx', '\rx', 'Nordmann, Kari', -3, 4.5]], { bom: false });
    expect(text).toBe(`'=1+1;'+47 22 00 00 00;'-2;'@SUM(A1);'\tx;'\rx;Nordmann, Kari;-3;4.5\n`);
  });
});

describe('caches', () => {
  it('API answers and PDFs say no-store', async () => {
    const rektor = await t.login('rektor');
    expect((await rektor.get('/api/me')).headers['cache-control']).toBe('no-store');
    expect((await rektor.get(`/api/students/${h().elevStudentId}`)).headers['cache-control']).toBe('no-store');
    const [copy] = await t.database.query<{ id: string; letter_id: string; student_id: string }>(
      'select c.id, c.letter_id, c.student_id from warning_letter_copy c limit 1');
    const pdf = await rektor.get(`/api/students/${copy!.student_id}/warning-letters/${copy!.letter_id}/copies/${copy!.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['cache-control']).toBe('no-store');
    const refused = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });
});

describe('the health check', () => {
  it('answers 200 while the database answers, and 503 (not 500) once it is gone', async () => {
    const db = await freshDatabase();
    const app = await buildApp(db.database, t.config);
    await app.ready();
    try {
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      await db.drop();
      const gone = await app.inject({ method: 'GET', url: '/healthz' });
      expect(gone.statusCode).toBe(503);
      expect(gone.json()).toEqual({ status: 'unavailable' });
    } finally {
      await app.close();
    }
  });
});
