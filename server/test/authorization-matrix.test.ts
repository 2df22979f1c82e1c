/**
 * The authorization matrix: EVERY API route, against actors of the demo school with and without the
 * relationship. A route that is added without a row here fails this test; a route without an access
 * declaration fails at start-up (core/http/access.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { features } from '../features/index.js';
import { addLogin, testApp, type Client, type TestApp } from './harness.js';
import { EVERYONE, type Case, type Ids, type MatrixFeature, type Target, type Who } from './matrix.js';

/** Every feature's rows, from its description (features/<feature>/authorization.cases.ts). */
const FEATURES: MatrixFeature[] = await Promise.all(features.flatMap((f) => (f.matrix ? [f.matrix()] : [])));

/** Public routes are listed by name: a new public route must be added here on purpose. */
const PUBLIC = new Set([
  'GET /healthz', 'POST /api/auth/login', 'GET /api/auth/config', 'GET /api/openapi.json',
  'GET /api/auth/oidc/start', 'GET /api/auth/oidc/callback',
  'GET /api/auth/oidc/guardian/start', 'GET /api/auth/oidc/guardian/callback', 'GET /api/auth/oidc/providers',
  // the personal calendar feed: the secret token in the URL is the credential (calendar apps cannot log in)
  'GET /api/calendar/:token.ics',
  // the assessment plan's feeds: the same secret-token mechanism (core/calendarFeed)
  'GET /api/assessment-plan/feeds/:token.ics',
  // a forgotten password (the link's secret token is the credential) and the first start's one-time setup
  'POST /api/auth/password-reset', 'POST /api/auth/password-reset/check', 'POST /api/auth/password-reset/complete',
  'POST /api/setup/check', 'POST /api/setup',
]);

/** Routes on the caller's own data: every logged-in person may call them; anonymous may not. */
const OWN: Record<string, (ids: Ids & Record<string, string>) => { url: string; body?: unknown }> = {
  'GET /api/me': () => ({ url: '/api/me' }),
  'PUT /api/me/locale': () => ({ url: '/api/me/locale', body: { locale: 'nn' } }),
  'POST /api/auth/logout': () => ({ url: '/api/auth/logout' }),
  'GET /api/auth/oidc/groups-check': () => ({ url: '/api/auth/oidc/groups-check' }),
};

const CASES: Record<string, Case> = {};

let t: TestApp;
const clients = new Map<string, Client>();
const ids = {} as Record<Target, Ids & Record<string, string>>;
for (const f of FEATURES) {
  Object.assign(CASES, f.cases);
  Object.assign(OWN, f.own ?? {});
}

async function personOf(sql: string, params: unknown[] = []): Promise<string> {
  const [row] = await t.database.query<{ person_id: string }>(sql, params);
  if (!row) throw new Error(`no person for ${sql}`);
  return row.person_id;
}

beforeAll(async () => {
  t = await testApp();
  const h = t.demo.hardCases;
  const owner = t.demo.ownerId;
  // actors the demo has no login for: staff and people WITHOUT the relationship
  const extra: Record<string, string> = {
    'ct.other': await personOf(`select sm.person_id from contact_teacher_assignment c join staff_member sm on sm.owner_id = c.owner_id and sm.id = c.staff_member_id
      where c.basis_group_id <> $1 and sm.person_id not in (select sm2.person_id from contact_teacher_assignment c2 join staff_member sm2 on sm2.id = c2.staff_member_id where c2.basis_group_id = $1)
        and sm.person_id not in (select sm3.person_id from subject_teacher_assignment a join staff_member sm3 on sm3.id = a.staff_member_id
          join enrolment e on e.teaching_group_id = a.teaching_group_id where e.student_id = $2)
        and sm.id not in (select staff_member_id from staff_role where role <> 'teacher') limit 1`, [h.basisGroup2STAId, h.elevStudentId]),
    'st.other': await personOf(`select sm.person_id from subject_teacher_assignment a join staff_member sm on sm.owner_id = a.owner_id and sm.id = a.staff_member_id
      where sm.person_id not in (select sm3.person_id from subject_teacher_assignment a3 join staff_member sm3 on sm3.id = a3.staff_member_id
          join enrolment e on e.teaching_group_id = a3.teaching_group_id where e.student_id = $1)
        and sm.id not in (select staff_member_id from contact_teacher_assignment)
        and sm.id not in (select staff_member_id from staff_role where role <> 'teacher') limit 1`, [h.elevStudentId]),
    'dh.other': await personOf(`select sm.person_id from staff_role r join staff_member sm on sm.owner_id = r.owner_id and sm.id = r.staff_member_id
      where r.role = 'departmentHead' and r.department_id <> (select department_id from student where id = $1) limit 1`, [h.elevStudentId]),
    'elev.other': await personOf(`select s.person_id from student s join enrolment e on e.student_id = s.id
      where e.basis_group_id <> $1 and e.ends_on is null and s.id <> $2 limit 1`, [h.basisGroup2STAId, h.changedClassStudentId]),
  };
  for (const [username, personId] of Object.entries(extra)) await addLogin(t.database, owner, personId, username);

  const logins: Record<Exclude<Who, 'anonymous'>, string> = {
    contactTeacher: 'kontaktlarer', contactTeacherOther: 'ct.other', subjectTeacher: 'faglarer', subjectTeacherOther: 'st.other',
    departmentHead: 'avdelingsleder', departmentHeadOther: 'dh.other', counsellor: 'radgiver', principal: 'rektor', schoolAdmin: 'skoleadmin',
    student: 'elev', studentOther: 'elev.other', guardian: 'foresatt', guardianWithoutInsight: 'foresatt.uten',
  };
  for (const [who, username] of Object.entries(logins)) clients.set(who, await t.login(username));
  // on the adult target, "the student" is the adult and "the guardian" the one with consent
  clients.set('adult:student', await t.login('elev.myndig'));
  clients.set('adult:guardian', await t.login('foresatt.myndig'));

  const guardiansOf = async (studentId: string) => t.database.query<{ id: string; guardian_person_id: string; parental_responsibility: boolean }>(
    'select id, guardian_person_id, parental_responsibility from guardianship where student_id = $1 order by parental_responsibility', [studentId]);
  const [noPr] = await t.database.query<{ student_id: string; id: string }>(
    'select student_id, id from guardianship where guardian_person_id = $1 and not parental_responsibility', [h.noResponsibilityGuardianPersonId]);
  const adultGuardians = await guardiansOf(h.adultWithConsentStudentId);
  const base = { basisGroupId: h.basisGroup2STAId, teachingGroupId: h.teachingGroup2STAMATId };
  ids.minor = { ...base, studentId: h.elevStudentId, guardianPersonId: '', guardianshipId: '' };
  ids.adult = { ...base, studentId: h.adultWithConsentStudentId, guardianPersonId: adultGuardians[0]!.guardian_person_id, guardianshipId: '' };
  ids.noResponsibility = { ...base, studentId: noPr!.student_id, guardianPersonId: '', guardianshipId: noPr!.id };
  for (const f of FEATURES) {
    const extraIds = (await f.setup?.({ t, clients, ids })) ?? {};
    // the ids are one namespace: a feature that reuses another's key would silently point its rows elsewhere
    const taken = Object.keys(extraIds).filter((k) => k in ids.minor && ids.minor[k] !== extraIds[k]);
    expect(taken, `the setup of the feature with ${Object.keys(f.cases)[0]} reuses ids another feature set`).toEqual([]);
    for (const target of Object.keys(ids) as Target[]) Object.assign(ids[target], extraIds);
  }
});

afterAll(async () => t?.close());

function clientFor(who: Who, target: Target): Client | undefined {
  if (target === 'adult' && (who === 'student' || who === 'guardian')) return clients.get(`adult:${who}`);
  return clients.get(who);
}

async function call(who: Who, target: Target, method: string, req: { url: string; body?: unknown; headers?: Record<string, string> }) {
  const c = clientFor(who, target);
  if (!c) return t.app.inject({ method: method as 'GET', url: req.url, payload: req.body as object, headers: req.headers });
  return c.request(method, req.url, req.body, req.headers);
}

describe('authorization matrix: every route, every role, with and without the relationship', () => {
  it('every API route is either public by name, on the caller\'s own data, or has a row in the matrix', () => {
    const missing = t.app.routeTable
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => !PUBLIC.has(key) && !(key in OWN) && !(key in CASES));
    expect(missing).toEqual([]);
  });

  it('public routes are exactly the ones declared public', () => {
    const declaredPublic = t.app.routeTable.filter((r) => r.access.kind === 'public').map((r) => `${r.method} ${r.url}`);
    expect(new Set(declaredPublic)).toEqual(PUBLIC);
  });

  it('routes on the caller\'s own data answer every logged-in person and refuse anonymous callers with 401', async () => {
    for (const [key, build] of Object.entries(OWN)) {
      const [method] = key.split(' ') as [string];
      if (key === 'POST /api/auth/logout') continue; // tried last, below
      for (const who of EVERYONE) {
        const res = await call(who, 'minor', method, build(ids.minor));
        if (who === 'anonymous') expect(res.statusCode, `${key} as ${who}`).toBe(401);
        else expect(res.statusCode, `${key} as ${who}: ${res.body}`).toBeLessThan(300);
      }
    }
  });

  for (const [key, c] of Object.entries(CASES)) {
    it(`${key}: allowed for ${c.allowed.join(', ')}; denied (403/404, or 401 anonymous) for everyone else`, async () => {
      const [method] = key.split(' ') as [string];
      for (const who of EVERYONE) {
        const res = await call(who, c.target, method, c.request(ids[c.target], who));
        if (c.allowed.includes(who)) {
          expect(res.statusCode, `${key} as ${who}: ${res.body}`).toBeLessThan(300);
          const body = String(res.headers['content-type'] ?? '').includes('json') ? res.json() : {};
          if (body.access) expect(body.access.reason, `${key} as ${who} states the relationship`).not.toBe('');
        } else if (who === 'anonymous') {
          expect(res.statusCode, `${key} as anonymous`).toBe(401);
        } else {
          expect([403, 404], `${key} as ${who}: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
          expect(res.body, 'a denial says nothing about the student').not.toMatch(/givenName|familyName|birthDate/);
        }
      }
    });
  }

  it('a denial for a student the caller has no relationship to looks exactly like a student that does not exist', async () => {
    const other = clients.get('contactTeacherOther')!;
    const real = await other.get(`/api/students/${ids.minor.studentId}`);
    const none = await other.get('/api/students/7e0f4c1a-1111-4222-8333-944455556666');
    expect(real.statusCode).toBe(404);
    expect(none.statusCode).toBe(404);
    expect(real.body).toBe(none.body);
  });

  it('POST /api/auth/logout answers every logged-in person and ends their session', async () => {
    for (const who of EVERYONE.filter((w) => w !== 'anonymous')) {
      const c = clients.get(who)!;
      expect((await c.request('POST', '/api/auth/logout')).statusCode, who).toBe(204);
      expect((await c.get('/api/me')).statusCode, `${who} after logout`).toBe(401);
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(401);
  });
});
