/**
 * Every route declares the access it needs in `config.access`; this plugin enforces it before the
 * handler runs, so no handler reads student data without a policy decision. A route under /api
 * without a declaration is refused at start-up.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { studentEntry, writeAudit } from '../audit/audit.js';
import { CSRF_COOKIE, SESSION_COOKIE, csrfMatches, findSession, type SessionInfo } from '../auth/session.js';
import { localeFromHeader, type Locale } from '../i18n/locale.js';
import { can, hasRule } from '../policy/can.js';
import { loadActor, loadBasisGroupFacts, loadStudentFacts, loadTeachingGroupFacts } from '../policy/facts.js';
import { describeReason } from '../policy/reasons.js';
import type { ExamplesOf } from '../policy/rulesDocument.js';
import type { Action, Actor, BasisGroupFacts, Decision, Resource, Resources, ResourceType, StudentFacts, TeachingGroupFacts } from '../policy/types.js';
import { today } from '../time.js';
import { HttpError } from './errors.js';

/**
 * What a route declares beyond the kind and the action, per kind of resource. Core's kinds are here;
 * a feature that registers its own kind (a conversation) adds its line by augmenting this interface.
 */
export interface AccessKinds {
  /** a student's data: `:studentId` in the path, decided by the policy before the handler runs */
  student: { audit: 'read' | 'write' };
  /** a basis group: `:basisGroupId` in the path */
  basisGroup: object;
  /** a teaching group: `:teachingGroupId` in the path */
  teachingGroup: object;
  /** a school-wide view or setting; the school is the actor's own */
  school: object;
}

export type Access =
  /** no session needed (login, health, config) */
  | { kind: 'public' }
  /** any logged-in person; the handler only touches the caller's own data or asks the policy itself */
  | { kind: 'session' }
  | { [K in keyof AccessKinds]: { kind: K; action: Action } & AccessKinds[K] }[keyof AccessKinds];

type ResourceAccess = Exclude<Access, { kind: 'public' | 'session' }>;

/**
 * How the access hook finds one kind of resource that a route names in its path, and what it does with
 * it once the policy allowed: the student it is about (audited, and on `req.student`), how the audit log
 * names it, and where the handler finds it (`req[property]`).
 */
export interface ResourceKind<K extends ResourceType = ResourceType> {
  type: K;
  load(ctx: { database: Database; actor: Actor; params: Record<string, string>; today: string }): Promise<Resources[K] | null>;
  /** the one student the decision is about; kinds about several students (a conflict) audit in the feature */
  studentOf?(resource: Resources[K]): StudentFacts;
  /** the audit log's resource, when it is not the student itself */
  auditAs?(resource: Resources[K]): { resourceType: string; resourceId: string };
  /** the request property the handler reads (`req.conversation`) and its value */
  attach?: { property: string; value(resource: Resources[K]): unknown };
  /** named examples, for the generated access rules (docs/access-rules.md) */
  examples?: ExamplesOf;
}

const kinds = new Map<string, ResourceKind>();

/** The kinds registered so far (core's and the installed features'). */
export function resourceKinds(): ResourceKind[] {
  return [...kinds.values()];
}

export function registerResourceKind<K extends ResourceType>(kind: ResourceKind<K>): void {
  if (kinds.has(kind.type)) throw new Error(`access: the resource kind ${kind.type} is registered twice`);
  kinds.set(kind.type, kind as unknown as ResourceKind);
}

registerResourceKind({
  type: 'student',
  load: async ({ database, actor, params, today: day }) => {
    const student = await loadStudentFacts(database, actor.ownerId, params.studentId ?? '', day);
    return student && { type: 'student', student };
  },
  studentOf: (r) => r.student,
});
registerResourceKind({
  type: 'basisGroup',
  load: async ({ database, actor, params, today: day }) => {
    const group = await loadBasisGroupFacts(database, actor.ownerId, params.basisGroupId ?? '', day);
    return group && { type: 'basisGroup', group };
  },
  attach: { property: 'group', value: (r) => r.group },
});
registerResourceKind({
  type: 'teachingGroup',
  load: async ({ database, actor, params }) => {
    const group = await loadTeachingGroupFacts(database, actor.ownerId, params.teachingGroupId ?? '');
    return group && { type: 'teachingGroup', group };
  },
  attach: { property: 'teachingGroup', value: (r) => r.group },
});
registerResourceKind({
  type: 'school',
  // a leader's view covers the school they work at; someone who is no staff member is refused by the policy
  load: async ({ actor }) => {
    const staff = actor.staff[0];
    return { type: 'school', ownerId: actor.ownerId, schoolId: staff?.schoolId ?? '', schoolName: staff?.schoolName ?? '' };
  },
});

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    locale: Locale;
    session: SessionInfo | null;
    actor: Actor | null;
    /** the resource the route names, as the policy decided on it */
    resource: Resource | null;
    student: StudentFacts | null;
    group: BasisGroupFacts | null;
    teachingGroup: TeachingGroupFacts | null;
    decision: Decision | null;
    today: string;
  }
  interface FastifyInstance {
    database: Database;
    config: Config;
    /** every API route with its declared access: the authorization-matrix test walks it */
    routeTable: RouteEntry[];
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The `access` object every authorised answer carries. */
export function accessOf(req: FastifyRequest): { reason: string; reasonCode: string } {
  const d = req.decision;
  if (!d) return { reason: '', reasonCode: '' };
  return { reason: describeReason(d.reason, req.locale), reasonCode: d.reason.code };
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new HttpError(401, 'error.unauthenticated');
  return req.actor;
}

/** The school the logged-in staff member works at (their first); people who work at no school get 403. */
export function staffSchool(req: FastifyRequest): { schoolId: string; schoolName: string } {
  const staff = requireActor(req).staff[0];
  if (!staff) throw new HttpError(403, 'error.forbidden');
  return { schoolId: staff.schoolId, schoolName: staff.schoolName };
}

async function deny(req: FastifyRequest, action: string, resourceType: string, decision: Extract<Decision, { allow: false }>, studentId: string | null) {
  await writeAudit(req.server.database, [{
    ownerId: req.actor!.ownerId, actorPersonId: req.actor!.personId, action, resourceType,
    resourceId: studentId, studentId, decision: 'deny', reason: decision.reason,
  }]);
  throw decision.hide ? new HttpError(404, 'error.notFound') : new HttpError(403, 'error.forbidden');
}

async function authenticate(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const { database, config } = req.server;
  const timeouts = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
  const session = await findSession(database, req.cookies[SESSION_COOKIE], timeouts);
  if (!session) {
    if (req.cookies[SESSION_COOKIE]) reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    throw new HttpError(401, 'error.unauthenticated');
  }
  if (UNSAFE.has(req.method) && !csrfMatches(session.csrfToken, req.headers['x-csrf-token'])) {
    throw new HttpError(403, 'error.csrf');
  }
  const actor = await loadActor(database, session.ownerId, session.personId);
  if (!actor) throw new HttpError(401, 'error.unauthenticated');
  req.session = session;
  req.actor = actor;
}

async function enforce(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  req.today = today();
  const access = req.routeOptions.config.access;
  if (!access || access.kind === 'public') return;
  await authenticate(req, reply);
  if (access.kind === 'session') return;
  const actor = req.actor!;
  const { database } = req.server;
  const kind = kinds.get(access.kind)!;
  const params = (req.params ?? {}) as Record<string, string>;

  // no such resource is answered like a hidden denial
  const resource = await kind.load({ database, actor, params, today: req.today });
  if (!resource) throw new HttpError(404, 'error.notFound');
  const decision = can(actor, access.action, resource, req.today);
  const student = kind.studentOf?.(resource) ?? null;
  if (!decision.allow) return deny(req, access.action, resource.type, decision, student?.studentId ?? null);
  req.decision = decision;
  req.resource = resource;
  req.student = student;
  if (kind.attach) (req as unknown as Record<string, unknown>)[kind.attach.property] = kind.attach.value(resource);
  if (student && auditOf(access) === 'read') await writeAudit(database, [auditEntryFor(actor, access.action, student.studentId, decision, kind, resource)]);
}

const auditOf = (access: ResourceAccess): string | undefined => (access as { audit?: string }).audit;

function auditEntryFor(actor: Actor, action: string, studentId: string, decision: Decision, kind: ResourceKind, resource: Resource) {
  return studentEntry(actor, action, studentId, decision.reason, kind.auditAs?.(resource));
}

/** Writes are audited once they succeeded, just before the answer is sent. */
async function auditWrite(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const access = req.routeOptions.config?.access;
  if (!access || access.kind === 'public' || access.kind === 'session' || auditOf(access) !== 'write') return;
  if (reply.statusCode >= 400 || !req.actor || !req.student || !req.decision || !req.resource) return;
  await writeAudit(req.server.database, [auditEntryFor(req.actor, access.action, req.student.studentId, req.decision, kinds.get(access.kind)!, req.resource)]);
}

/** A route must name a registered kind and an action some rule decides on that kind: checked at start-up. */
function checkAccess(method: string, url: string, access: ResourceAccess): void {
  if (!kinds.has(access.kind)) throw new Error(`Route ${method} ${url}: no resource kind ${access.kind} is registered`);
  if (!hasRule(access.kind, access.action)) throw new Error(`Route ${method} ${url}: no rule decides ${access.action} on a ${access.kind}`);
}

export function registerAccess(app: FastifyInstance): void {
  app.decorateRequest('locale', 'nb');
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null);
  app.decorateRequest('resource', null);
  app.decorateRequest('student', null);
  for (const kind of kinds.values()) if (kind.attach) app.decorateRequest(kind.attach.property, null);
  app.decorateRequest('decision', null);
  app.decorateRequest('today', '');
  app.decorate('routeTable', []);
  app.addHook('onRoute', (route) => {
    const url = route.url;
    const exempt = url.startsWith('/api/docs') || (!url.startsWith('/api/') && url !== '/healthz');
    if (exempt) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${url} declares no access (config.access)`);
    if (access.kind !== 'public' && access.kind !== 'session') checkAccess(String(route.method), url, access);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeTable.push({ method, url, access });
    }
  });
  app.addHook('onRequest', async (req) => {
    req.locale = localeFromHeader(req.headers['accept-language']);
  });
  // before validation: an unauthenticated caller learns nothing about the shape of the request
  app.addHook('preValidation', enforce);
  app.addHook('onSend', async (req, reply, payload) => {
    await auditWrite(req, reply);
    return payload;
  });
}
