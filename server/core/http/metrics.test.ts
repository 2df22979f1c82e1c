/** The operators' Prometheus endpoint: behind a token, per route pattern, the job queue and the pool. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { enqueue } from '../jobs/queue.js';
import { testApp, type TestApp } from '../../test/harness.js';
import { registerMetrics, sameToken } from './metrics.js';
import { registerProblemHandler } from './problem.js';

const TOKEN = 'metrics-token-for-the-test-0123456789';
let t: TestApp;

beforeAll(async () => {
  t = await testApp({ metricsToken: TOKEN });
}, 120_000);
afterAll(async () => { await t.close(); });

async function scrape(): Promise<string> {
  const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('text/plain');
  return res.body;
}

function sample(text: string, name: string, labels: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(labels));
  return line === undefined ? undefined : Number(line.split(' ').pop());
}

describe('GET /metrics', () => {
  it('answers 401 without the token or with a wrong one, and 404 when no token is configured', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}x` } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: TOKEN } })).statusCode).toBe(401);
    // an app whose operator set no METRICS_TOKEN
    const without = Fastify();
    registerProblemHandler(without, { spaIndex: false });
    registerMetrics(without, t.database, undefined);
    try {
      expect((await without.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(404);
    } finally {
      await without.close();
    }
  });

  it('counts requests and their latency per route pattern, with no id, name or token in any label', async () => {
    const kt = await t.login('kontaktlarer');
    const studentId = t.demo.hardCases.elevStudentId;
    for (let i = 0; i < 3; i++) expect((await kt.get(`/api/students/${studentId}/contact-log`)).statusCode).toBe(200);
    const text = await scrape();
    const route = 'route="/api/students/:studentId/contact-log"';
    expect(sample(text, 'elevlos_http_request_duration_seconds_count', `${route},method="GET",status="200"`)).toBe(3);
    expect(sample(text, 'elevlos_http_request_duration_seconds_bucket', `le="+Inf",${route},method="GET",status="200"`)).toBe(3);
    expect(sample(text, 'elevlos_http_request_duration_seconds_count', 'route="/api/auth/login",method="POST",status="200"')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(studentId);
    expect(text).not.toContain(kt.csrf);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('kontaktlarer');
  });

  it('shows the job queue: due jobs per kind and how long the oldest has waited', async () => {
    await enqueue(t.database, 'metricsProbe', {}, { runAt: new Date(Date.now() - 600_000) });
    await enqueue(t.database, 'metricsProbe', {});
    await enqueue(t.database, 'metricsProbe', {}, { runAt: new Date(Date.now() + 3600_000) });
    const text = await scrape();
    expect(sample(text, 'elevlos_jobs_waiting', 'kind="metricsProbe"')).toBe(2);
    expect(sample(text, 'elevlos_jobs_oldest_waiting_seconds', 'kind="metricsProbe"')).toBeGreaterThanOrEqual(600);
  });

  it('shows the database pool on PostgreSQL', async () => {
    const text = await scrape();
    if (t.database.kind === 'postgres') {
      expect(sample(text, 'elevlos_db_pool_connections', 'state="max"')).toBe(5);
      expect(sample(text, 'elevlos_db_pool_connections', 'state="idle"')).toBeGreaterThanOrEqual(0);
    } else {
      // PGlite has one in-process connection and no pool to report
      expect(text).not.toContain('elevlos_db_pool_connections');
    }
  });

  it('compares tokens by content only', () => {
    expect(sameToken(TOKEN, TOKEN)).toBe(true);
    expect(sameToken(TOKEN.slice(0, -1), TOKEN)).toBe(false);
    expect(sameToken('', TOKEN)).toBe(false);
  });
});
