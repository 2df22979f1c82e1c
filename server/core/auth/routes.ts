/** Login, logout and "who am I" — the stable contracts of the foundation (issue 3 §4). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { HttpError } from '../http/errors.js';
import { requireActor } from '../http/access.js';
import { can } from '../policy/can.js';
import { loadActor, loadStudentFacts } from '../policy/facts.js';
import type { Actor } from '../policy/types.js';
import { deviceOf } from './device.js';
import { verifyPassword } from './password.js';
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS, deviceKey, knownDevice, parseDeviceCookie, rememberDevice } from './deviceCookie.js';
import { clear, hit, peek, refund } from './rateLimit.js';
import { CSRF_COOKIE, SESSION_COOKIE, createSession, destroySession, type SessionInfo } from './session.js';

const roleEnum = z.enum(['contactTeacher', 'teacher', 'departmentHead', 'counsellor', 'principal', 'schoolAdmin', 'nurse', 'student', 'guardian']);

export const meSchema = z.object({
  person: z.object({ id: z.string(), givenName: z.string(), familyName: z.string(), locale: z.enum(['nb', 'nn', 'en']) }),
  roles: z.array(roleEnum),
  csrfToken: z.string(),
  basisGroups: z.array(z.object({ id: z.string(), name: z.string(), schoolName: z.string() })),
  teachingGroups: z.array(z.object({ id: z.string(), name: z.string(), subjectCode: z.string() })),
  departments: z.array(z.object({ id: z.string(), name: z.string() })),
  studentId: z.string().nullable(),
  children: z.array(z.object({ studentId: z.string(), name: z.string() })),
});
export type Me = z.infer<typeof meSchema>;

/** What the login page offers: Feide (OIDC) when it is configured, under its label. */
export const authConfigSchema = z.object({ oidc: z.boolean(), oidcLabel: z.string() });
export type AuthConfig = z.infer<typeof authConfigSchema>;

export const loginBody = z.strictObject({ username: z.string().trim().min(1).max(200), password: z.string().min(1).max(500) });
export type LoginBody = z.input<typeof loginBody>;

export async function buildMe(database: Database, actor: Actor, session: SessionInfo, today: string): Promise<Me> {
  const roles = new Set<z.infer<typeof roleEnum>>();
  for (const s of actor.staff) for (const r of s.roles) roles.add(r.role);
  if (actor.contactTeacherOf.length) roles.add('contactTeacher');
  if (actor.subjectTeacherOf.length) roles.add('teacher');
  if (actor.studentIds.length) roles.add('student');
  const children: Me['children'] = [];
  for (const studentId of actor.guardianOf) {
    const facts = await loadStudentFacts(database, actor.ownerId, studentId, today);
    if (!facts || !can(actor, 'student.read', { type: 'student', student: facts }, today).allow) continue;
    const [p] = await database.query<{ given_name: string; family_name: string }>(
      'select given_name, family_name from person where owner_id = $1 and id = $2', [actor.ownerId, facts.personId]);
    if (p) children.push({ studentId, name: `${p.given_name} ${p.family_name}` });
  }
  // a guardian without insight still has the guardian role (to see that there is nothing to see)
  if (actor.guardianOf.length) roles.add('guardian');
  return {
    person: { id: actor.personId, givenName: actor.givenName, familyName: actor.familyName, locale: actor.locale },
    roles: [...roles],
    csrfToken: session.csrfToken,
    basisGroups: actor.contactTeacherOf.map((g) => ({ id: g.id, name: g.name, schoolName: g.schoolName })),
    teachingGroups: actor.subjectTeacherOf.map((g) => ({ id: g.id, name: g.name, subjectCode: g.subjectCode })),
    departments: actor.staff.flatMap((s) => s.roles.filter((r) => r.role === 'departmentHead' && r.departmentId)
      .map((r) => ({ id: r.departmentId!, name: r.departmentName ?? '' }))),
    studentId: actor.studentIds[0] ?? null,
    children,
  };
}

export function setSessionCookies(app: FastifyInstance, reply: FastifyReply, cookie: string, csrfToken: string): void {
  const secure = app.config.secureCookies;
  const maxAge = app.config.sessionAbsoluteHours * 3600;
  reply.setCookie(SESSION_COOKIE, cookie, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge });
  // readable by the web app, which echoes it in x-csrf-token
  reply.setCookie(CSRF_COOKIE, csrfToken, { path: '/', httpOnly: false, sameSite: 'strict', secure, maxAge });
}

/** Login CSRF: a cross-site form post carries a foreign Origin. */
export function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app;
  const timeouts = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };

  r.post('/api/auth/login', {
    config: { access: { kind: 'public' } },
    schema: {
      tags: ['auth'],
      body: loginBody,
      response: { 200: meSchema },
    },
  }, async (req, reply) => {
    if (!sameOrigin(req)) throw new HttpError(403, 'error.csrf');
    const username = req.body.username.toLowerCase();
    const window = config.loginWindowMinutes;
    const limited = (seconds: number) => new HttpError(429, 'error.rateLimited', { minutes: Math.ceil(seconds / 60), seconds });
    // The address's failed-login budget: every attempt takes one unit before any password is hashed and a
    // success gives it back, so a flood from one address costs at most the budget's worth of hashing, even
    // when its requests arrive all at once, and once spent it is turned away with one cheap statement.
    // Only failures stay counted, so a school behind one shared address is not locked out by its own logins.
    const ipKey = `login:ip:${req.ip}`;
    const perIp = await hit(database, ipKey, window);
    if (perIp.count > config.loginMaxAttempts * 10) throw limited(perIp.retryAfterSeconds);
    const [acc] = await database.query<{ id: string; owner_id: string; person_id: string; password_hash: string | null; disabled: boolean }>(
      'select id, owner_id, person_id, password_hash, disabled from account where username = $1', [username]);
    // a device this account logged in from before answers for its own failures, not for a stranger's (deviceCookie.ts)
    const devices = parseDeviceCookie(req.cookies[DEVICE_COOKIE]);
    const device = acc ? knownDevice(devices, acc.id, acc.password_hash) : null;
    const userKey = `login:user:${username}`;
    const lockKey = device ? deviceKey(device) : userKey;
    const lock = await peek(database, lockKey);
    if (lock.count >= config.loginMaxAttempts) {
      await refund(database, ipKey);
      throw limited(lock.retryAfterSeconds);
    }
    const ok = await verifyPassword(acc?.password_hash, req.body.password);
    if (!acc || !ok || acc.disabled) {
      await hit(database, lockKey, window);
      throw new HttpError(401, 'error.loginFailed');
    }
    await refund(database, ipKey);
    // a known device's success leaves the account's lockout for new devices as it was: the one who locked it keeps out
    await clear(database, lockKey);
    // a new session id on every login (no fixation); the old one, if any, ends
    await destroySession(database, req.cookies[SESSION_COOKIE]);
    const { cookie, session } = await createSession(database, { ownerId: acc.owner_id, accountId: acc.id, personId: acc.person_id }, timeouts, deviceOf(req.headers['user-agent']));
    setSessionCookies(app, reply, cookie, session.csrfToken);
    reply.setCookie(DEVICE_COOKIE, rememberDevice(devices, acc.id, acc.password_hash!), {
      path: '/api/auth/login', httpOnly: true, sameSite: 'strict', secure: config.secureCookies, maxAge: DEVICE_COOKIE_DAYS * 86400,
    });
    const actor = await loadActor(database, acc.owner_id, acc.person_id);
    return buildMe(database, actor!, session, req.today);
  });

  r.post('/api/auth/logout', {
    config: { access: { kind: 'session' } },
    schema: { tags: ['auth'] },
  }, async (req, reply) => {
    await destroySession(database, req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  r.get('/api/me', {
    config: { access: { kind: 'session' } },
    schema: { tags: ['auth'], response: { 200: meSchema } },
  }, async (req) => buildMe(database, requireActor(req), req.session!, req.today));

  r.put('/api/me/locale', {
    config: { access: { kind: 'session' } },
    schema: { tags: ['auth'], body: z.strictObject({ locale: z.enum(['nb', 'nn', 'en']) }), response: { 200: meSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    await database.query('update person set preferred_locale = $3 where owner_id = $1 and id = $2', [actor.ownerId, actor.personId, req.body.locale]);
    return buildMe(database, { ...actor, locale: req.body.locale }, req.session!, req.today);
  });

  r.get('/api/auth/config', {
    config: { access: { kind: 'public' } },
    schema: { tags: ['auth'], response: { 200: authConfigSchema } },
  }, async () => ({ oidc: !!config.oidc, oidcLabel: config.oidc?.label ?? 'Feide' }));
}
