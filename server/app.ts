/** Builds the Fastify app on an open database; used by main.ts, the tests and the bench alike. */
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Config } from './core/config.js';
import type { Database } from './core/db/client.js';
import { registerAccess } from './core/http/access.js';
import { registerMetrics } from './core/http/metrics.js';
import { frameworkErrors } from './core/http/frameworkErrors.js';
import { loggerOptions } from './core/http/logging.js';
import { registerProblemHandler } from './core/http/problem.js';
import { requireStrictBodies } from './core/http/strictBodies.js';
import { registerTextGuard } from './core/http/textGuard.js';
import { authRoutes } from './core/auth/routes.js';
import { oidcRoutes } from './core/auth/oidc.js';
import { registerFeatureRoutes } from './core/feature.js';
import { features } from './features/index.js';

export const webDist = fileURLToPath(new URL('../web/dist', import.meta.url));

export interface AppOptions {
  logger?: boolean;
  /** where the log goes instead of stdout (a test reads it) */
  logStream?: Writable;
  /** serve the built web app (off in API tests) */
  serveWeb?: boolean;
}

function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

export async function buildApp(database: Database, config: Config, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger || opts.logStream ? loggerOptions('info', opts.logStream) : false,
    // a hop count trusts the nearest N senders whoever they are (Fastify itself takes a number as "trust none"):
    // only for an app that no one reaches except through those proxies
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    bodyLimit: 256 * 1024,
    frameworkErrors,
    // request ids for the log, not for the client
    genReqId: () => crypto.randomUUID(),
  });
  app.decorate('database', database);
  app.decorate('config', config);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // HSTS only means something over TLS; SECURE_COOKIES=true says we are behind it
    hsts: config.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  const serveWeb = !!opts.serveWeb && existsSync(webDist);
  registerProblemHandler(app, { spaIndex: serveWeb });
  registerTextGuard(app);
  registerAccess(app);
  requireStrictBodies(app);
  registerMetrics(app, database, config.metricsToken);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Elevlos API', version: '0.1.0', description: 'Student follow-up for Norwegian schools. Every route states the access it needs.' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // answers about people must not stay in a browser's or a proxy's cache (a shared computer at school, the
  // back button after logging out); the web app's hashed files are left to @fastify/static's own headers
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/') || req.url === '/healthz') reply.header('cache-control', 'no-store');
    return payload;
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/healthz', {
    config: { access: { kind: 'public' } },
    schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }), 503: z.object({ status: z.literal('unavailable') }) } },
  }, async (_req, reply) => {
    try {
      await database.query('select 1');
    } catch {
      // the app is up but cannot serve: a load balancer or monitor should take it out, not see a crash
      return reply.status(503).send({ status: 'unavailable' as const });
    }
    return { status: 'ok' as const };
  });
  r.get('/api/openapi.json', { config: { access: { kind: 'public' } }, schema: { hide: true } }, async () => app.swagger());

  await app.register(authRoutes);
  await app.register(oidcRoutes);
  await registerFeatureRoutes(app, features);

  if (serveWeb) await app.register(fastifyStatic, { root: webDist, index: ['index.html'] });
  return app;
}
