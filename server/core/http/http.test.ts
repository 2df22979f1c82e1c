/** HTTP plumbing: health, OpenAPI, security headers, problem+json for bad input (never a 500). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => t?.close());

describe('HTTP contracts', () => {
  it('GET /healthz answers 200 when the database answers', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('the OpenAPI document is generated from the route schemas and lists every API route', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    const paths = Object.keys(doc.paths);
    for (const p of ['/api/auth/login', '/api/me', '/api/students/{studentId}', '/api/basis-groups/{basisGroupId}/overview', '/api/students/{studentId}/contact-log']) {
      expect(paths).toContain(p);
    }
    expect(doc.paths['/api/students/{studentId}/contact-log'].post.requestBody).toBeDefined();
    expect((await t.app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('every answer carries the security headers: CSP without inline scripts, no framing, no sniffing', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('HSTS is sent when the app runs behind TLS', async () => {
    const tls = await testApp({ secureCookies: true });
    try {
      expect((await tls.app.inject({ url: '/healthz' })).headers['strict-transport-security']).toMatch(/max-age=31536000/);
    } finally {
      await tls.close();
    }
  });

  it('malformed JSON gets a 400 problem+json in the user\'s language, not a 500', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: '{"username": ', headers: { 'content-type': 'application/json', 'accept-language': 'en' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().title).toBe('Something in the request is not valid.');
  });

  it('a missing field is named in the 400, with the reason, in bokmål by default', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'password', message: 'Må fylles ut.' }]);
  });

  it('an unknown API path is a 404 problem+json', async () => {
    const res = await t.app.inject({ url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
