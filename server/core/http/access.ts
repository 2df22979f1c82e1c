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
import { can } from '../policy/can.js';
import { loadActor, loadBasisGroupFacts, loadConflictFacts, loadConversationFacts, loadDisciplinaryCaseFacts, loadStudentFacts, loadTeachingGroupFacts } from '../policy/facts.js';
import { describeReason } from '../policy/reasons.js';
import type { Action, Actor, BasisGroupFacts, ConflictFacts, ConversationFacts, DisciplinaryCaseFacts, Decision, Resource, StudentFacts, TeachingGroupFacts } from '../policy/types.js';
import { today } from '../time.js';
import { HttpError } from './errors.js';

/** conduct grades and discipline by class */
type ConductGroupAction = 'basisGroup.readConduct' | 'basisGroup.setConduct' | 'basisGroup.reviewConduct' | 'basisGroup.readGradePreparation' | 'basisGroup.readDiscipline';

export type Access =
  /** no session needed (login, health, config) */
  | { kind: 'public' }
  /** any logged-in person; the handler only touches the caller's own data or asks the policy itself */
  | { kind: 'session' }
  /** a student's data: `:studentId` in the path, decided by the policy before the handler runs */
  | { kind: 'student'; action: Action; audit: 'read' | 'write' }
  /** a basis group: `:basisGroupId` in the path */
  | { kind: 'basisGroup'; action: 'basisGroup.readOverview' | 'basisGroup.readConversationPlan' | 'basisGroup.manageBooking' | 'basisGroup.readAbsence' | 'basisGroup.checkAbsence' | ConductGroupAction | 'basisGroup.readWarnings' | 'basisGroup.readFormativeSummary'
    | 'basisGroup.readAssessmentPlan' | 'basisGroup.planAssessment'
    | 'basisGroup.readClassLife' | 'basisGroup.manageClassLife' | 'basisGroup.takePartInClassLife'
    | 'basisGroup.readAccommodationNeeds' | 'basisGroup.remindAccommodationNeeds' | 'basisGroup.readForms' | 'basisGroup.setFormStatus' | 'basisGroup.readParentMeetings' | 'basisGroup.manageParentMeetings' }
  /** a teaching group: `:teachingGroupId` in the path */
  | { kind: 'teachingGroup'; action: 'teachingGroup.readStudents' | 'teachingGroup.manageBooking' | 'teachingGroup.registerAbsence' | 'teachingGroup.readAbsence' | 'teachingGroup.writeConduct' | 'teachingGroup.readFormativeAssessments' | 'teachingGroup.recordFormativeAssessment' | 'teachingGroup.readAssessmentPlan' | 'teachingGroup.planAssessment' }
  /** one conversation: `:conversationId` in the path; reads of notes and preparation are audited */
  | { kind: 'conversation'; action: Action; audit: 'read' | 'write' | 'none' }
  /** one disciplinary case: `:caseId` in the path; reads are audited on the case's student */
  | { kind: 'disciplinaryCase'; action: Action; audit: 'read' | 'write' }
  /**
   * one conflict between students: `:conflictId` in the path. The feature audits reads and writes,
   * one entry per involved student whose part the caller sees (a conflict spans several students).
   */
  | { kind: 'conflict'; action: 'conflict.read' | 'conflict.update'; audit: 'read' | 'write' }
  /** a school-wide view or setting; the school is the actor's own */
  | { kind: 'school'; action: Action };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    locale: Locale;
    session: SessionInfo | null;
    actor: Actor | null;
    student: StudentFacts | null;
    group: BasisGroupFacts | null;
    teachingGroup: TeachingGroupFacts | null;
    conversation: ConversationFacts | null;
    disciplinaryCase: DisciplinaryCaseFacts | null;
    conflict: ConflictFacts | null;
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
  const params = (req.params ?? {}) as Record<string, string>;

  const resource = await resolve(req, access, actor, params);
  if (!resource) throw new HttpError(404, 'error.notFound');
  const decision = can(actor, access.action, resource, req.today);
  const studentId = resource.type === 'student' ? resource.student.studentId
    : resource.type === 'conversation' ? resource.conversation.student.studentId
    : resource.type === 'disciplinaryCase' ? resource.disciplinaryCase.student.studentId : null;
  if (!decision.allow) return deny(req, access.action, resource.type, decision, studentId);
  req.decision = decision;
  if (resource.type === 'student') req.student = resource.student;
  if (resource.type === 'conversation') {
    req.conversation = resource.conversation;
    req.student = resource.conversation.student;
  }
  if (resource.type === 'disciplinaryCase') {
    req.disciplinaryCase = resource.disciplinaryCase;
    req.student = resource.disciplinaryCase.student;
  }
  if (resource.type === 'conflict') req.conflict = resource.conflict;
  if (resource.type === 'basisGroup') req.group = resource.group;
  if (resource.type === 'teachingGroup') req.teachingGroup = resource.group;
  if (studentId && (access.kind === 'student' || access.kind === 'conversation' || access.kind === 'disciplinaryCase') && access.audit === 'read') {
    await writeAudit(database, [auditEntryFor(actor, access.action, studentId, decision, req.conversation, req.disciplinaryCase)]);
  }
}

function auditEntryFor(actor: Actor, action: string, studentId: string, decision: Decision, conversation: ConversationFacts | null, disciplinaryCase: DisciplinaryCaseFacts | null = null) {
  if (disciplinaryCase) return studentEntry(actor, action, studentId, decision.reason, { resourceType: 'disciplinaryCase', resourceId: disciplinaryCase.caseId });
  return conversation
    ? studentEntry(actor, action, studentId, decision.reason, { resourceType: 'conversation', resourceId: conversation.conversationId })
    : studentEntry(actor, action, studentId, decision.reason);
}

/** The resource a route names in its path, or null when there is none (answered 404, like a hidden denial). */
async function resolve(req: FastifyRequest, access: Exclude<Access, { kind: 'public' | 'session' }>, actor: Actor, params: Record<string, string>): Promise<Resource | null> {
  const { database } = req.server;
  switch (access.kind) {
    case 'student': {
      const student = await loadStudentFacts(database, actor.ownerId, params.studentId ?? '', req.today);
      return student && { type: 'student', student };
    }
    case 'basisGroup': {
      const group = await loadBasisGroupFacts(database, actor.ownerId, params.basisGroupId ?? '', req.today);
      return group && { type: 'basisGroup', group };
    }
    case 'teachingGroup': {
      const group = await loadTeachingGroupFacts(database, actor.ownerId, params.teachingGroupId ?? '');
      return group && { type: 'teachingGroup', group };
    }
    case 'conversation': {
      const conversation = await loadConversationFacts(database, actor.ownerId, params.conversationId ?? '', req.today);
      return conversation && { type: 'conversation', conversation };
    }
    case 'disciplinaryCase': {
      const disciplinaryCase = await loadDisciplinaryCaseFacts(database, actor.ownerId, params.caseId ?? '', req.today);
      return disciplinaryCase && { type: 'disciplinaryCase', disciplinaryCase };
    }
    case 'conflict': {
      const conflict = await loadConflictFacts(database, actor.ownerId, params.conflictId ?? '', req.today);
      return conflict && { type: 'conflict', conflict };
    }
    case 'school': {
      // a leader's view covers the school they work at; someone who is no staff member is refused by the policy
      const staff = actor.staff[0];
      return { type: 'school', ownerId: actor.ownerId, schoolId: staff?.schoolId ?? '', schoolName: staff?.schoolName ?? '' };
    }
  }
}

/** Writes are audited once they succeeded, just before the answer is sent. */
async function auditWrite(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const access = req.routeOptions.config?.access;
  if ((access?.kind !== 'student' && access?.kind !== 'conversation' && access?.kind !== 'disciplinaryCase') || access.audit !== 'write') return;
  if (reply.statusCode >= 400 || !req.actor || !req.student || !req.decision) return;
  await writeAudit(req.server.database, [auditEntryFor(req.actor, access.action, req.student.studentId, req.decision, req.conversation, req.disciplinaryCase)]);
}

export function registerAccess(app: FastifyInstance): void {
  app.decorateRequest('locale', 'nb');
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null);
  app.decorateRequest('student', null);
  app.decorateRequest('group', null);
  app.decorateRequest('teachingGroup', null);
  app.decorateRequest('conversation', null);
  app.decorateRequest('disciplinaryCase', null);
  app.decorateRequest('conflict', null);
  app.decorateRequest('decision', null);
  app.decorateRequest('today', '');
  app.decorate('routeTable', []);
  app.addHook('onRoute', (route) => {
    const url = route.url;
    const exempt = url.startsWith('/api/docs') || (!url.startsWith('/api/') && url !== '/healthz');
    if (exempt) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${url} declares no access (config.access)`);
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
