/**
 * Metrics for operators (Prometheus text format, prom-client): requests and their latency per route, the
 * job queue's depth and oldest waiting job, the database pool's use. GET /metrics with
 * `Authorization: Bearer <METRICS_TOKEN>`; without METRICS_TOKEN set the endpoint does not exist (404).
 *
 * Labels carry the route's pattern (/api/students/:studentId), never the URL a request used, so no id,
 * token or name reaches the metrics store.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Database } from '../db/client.js';
import { HttpError } from './errors.js';

const UNMATCHED = '(no route)';

/** Equal in constant time: both sides hashed first, so neither the length nor a prefix leaks. */
export function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function routeOf(req: FastifyRequest): string {
  return req.routeOptions.url ?? UNMATCHED;
}

function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  const m = h ? /^Bearer (.+)$/i.exec(h) : null;
  return m ? m[1]!.trim() : null;
}

interface QueueRow { kind: string; waiting: number; oldest_seconds: number | null; failed: number }

/** The queue's gauges, read with one query just before each scrape is written out. */
function queueGauges(registry: Registry, database: Database): () => Promise<void> {
  const waiting = new Gauge({ name: 'elevlos_jobs_waiting', help: 'Jobs due and not yet done, per kind', labelNames: ['kind'], registers: [registry] });
  const oldest = new Gauge({
    name: 'elevlos_jobs_oldest_waiting_seconds', help: 'How long the oldest due job of each kind has waited', labelNames: ['kind'], registers: [registry],
  });
  const failed = new Gauge({ name: 'elevlos_jobs_failed', help: 'Jobs that gave up after their last attempt, per kind', labelNames: ['kind'], registers: [registry] });
  return async () => {
    const rows = await database.query<QueueRow>(
      `select kind, count(*) filter (where attempts < 5)::int as waiting,
              extract(epoch from now() - min(run_at) filter (where attempts < 5))::float8 as oldest_seconds,
              count(*) filter (where attempts >= 5)::int as failed
         from job where done_at is null and run_at <= now() group by kind`,
    );
    // kinds with nothing due any more drop out instead of showing their last count
    for (const g of [waiting, oldest, failed]) g.reset();
    for (const r of rows) {
      waiting.set({ kind: r.kind }, r.waiting);
      oldest.set({ kind: r.kind }, r.oldest_seconds ?? 0);
      failed.set({ kind: r.kind }, r.failed);
    }
  };
}

function poolGauges(registry: Registry, database: Database): () => void {
  const use = database.poolUse;
  if (!use) return () => {};
  const connections = new Gauge({
    name: 'elevlos_db_pool_connections', help: 'Database pool connections by state (in use, idle, requests waiting, max)', labelNames: ['state'], registers: [registry],
  });
  return () => {
    const u = use();
    connections.set({ state: 'inUse' }, u.total - u.idle);
    connections.set({ state: 'idle' }, u.idle);
    connections.set({ state: 'waiting' }, u.waiting);
    connections.set({ state: 'max' }, u.max);
  };
}

export function registerMetrics(app: FastifyInstance, database: Database, token: string | undefined): void {
  // one registry per app: tests build many apps in one process
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'elevlos_' });
  const duration = new Histogram({
    name: 'elevlos_http_request_duration_seconds',
    help: 'Time to answer, per route pattern, method and status (its _count is the number of requests)',
    labelNames: ['route', 'method', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const readQueue = queueGauges(registry, database);
  const readPool = poolGauges(registry, database);

  app.addHook('onResponse', async (req, reply) => {
    const route = routeOf(req);
    if (route === '/metrics') return;
    duration.observe({ route, method: req.method, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { config: { access: { kind: 'public' } }, schema: { hide: true } }, async (req, reply) => {
    if (!token) throw new HttpError(404, 'error.notFound');
    const given = bearer(req);
    if (!given || !sameToken(given, token)) {
      reply.header('www-authenticate', 'Bearer');
      throw new HttpError(401, 'error.unauthenticated');
    }
    await readQueue();
    readPool();
    reply.header('cache-control', 'no-store').type(registry.contentType);
    return registry.metrics();
  });
}
