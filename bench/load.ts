/** Logging in the bench users and loading one endpoint with autocannon (in the bench process). */
import autocannon from 'autocannon';
import { BENCH_PASSWORD, type BenchUser, type LeaderUser } from './dataset.js';
import { percentiles, type Percentiles } from './stats.js';

export interface Session<U extends BenchUser | LeaderUser = BenchUser> {
  user: U;
  cookie: string;
}

/** The logged-in bench users by who drives which endpoints. */
export interface Sessions {
  contactTeachers: Session<BenchUser>[];
  departmentHeads: Session<LeaderUser>[];
  principals: Session<LeaderUser>[];
}
export type Who = keyof Sessions;
export type AnySession = Sessions[Who][number];

/** what /api/auth/login answers that the bench checks: the caller is who the data set says */
interface Me { roles: string[]; basisGroups: Array<{ id: string }>; departments: Array<{ id: string }> }

function checkMe(user: BenchUser | LeaderUser, me: Me): string | null {
  if (user.role === 'contactTeacher') {
    return me.basisGroups.some((g) => g.id === user.basisGroupId) ? null : `is not contact teacher of basis group ${user.basisGroupId} today`;
  }
  if (user.role === 'departmentHead') {
    return me.departments.some((d) => d.id === user.departmentId) ? null : `is not department head of department ${user.departmentId}`;
  }
  return me.roles.includes('principal') ? null : 'is not a principal';
}

/** POST /api/auth/login for every user, `parallel` at a time (argon2 verification is the cost) */
export async function loginAll<U extends BenchUser | LeaderUser>(url: string, users: U[], parallel = 4): Promise<Session<U>[]> {
  const out: Session<U>[] = new Array(users.length);
  let next = 0;
  const worker = async () => {
    while (next < users.length) {
      const i = next++;
      const user = users[i]!;
      const res = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: user.username, password: BENCH_PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`login of ${user.username} failed: ${res.status} ${await res.text()}`);
      const wrong = checkMe(user, (await res.json()) as Me);
      if (wrong) throw new Error(`${user.username} logged in, but ${wrong}`);
      const session = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('elevlos_session='));
      if (!session) throw new Error(`login of ${user.username} set no elevlos_session cookie`);
      out[i] = { user, cookie: session };
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, users.length) }, worker));
  return out;
}

export interface Target {
  /** short key: overview | student | classPlan | absenceOverview | compliance | complianceSchool (also --only) */
  key: string;
  label: string;
  /** path template for the docs: /api/basis-groups/:id/overview */
  route: string;
  /** whose sessions drive the load */
  who: Who;
  /** the request of a random user of `who` */
  path(s: AnySession, pick: (n: number) => number): string;
}

const asContactTeacher = (s: AnySession) => s as Session<BenchUser>;

export const targets: Target[] = [
  {
    key: 'overview',
    label: 'class overview',
    route: 'GET /api/basis-groups/:basisGroupId/overview',
    who: 'contactTeachers',
    path: (s) => `/api/basis-groups/${asContactTeacher(s).user.basisGroupId}/overview`,
  },
  {
    key: 'student',
    label: 'student page',
    route: 'GET /api/students/:studentId',
    who: 'contactTeachers',
    path: (s, pick) => {
      const { studentIds } = asContactTeacher(s).user;
      return `/api/students/${studentIds[pick(studentIds.length)]!}`;
    },
  },
  {
    key: 'classPlan',
    label: 'class conv. plan',
    route: 'GET /api/basis-groups/:basisGroupId/conversation-plan',
    who: 'contactTeachers',
    path: (s) => `/api/basis-groups/${asContactTeacher(s).user.basisGroupId}/conversation-plan`,
  },
  {
    key: 'absenceOverview',
    label: 'class absence',
    route: 'GET /api/basis-groups/:basisGroupId/absence',
    who: 'contactTeachers',
    path: (s) => `/api/basis-groups/${asContactTeacher(s).user.basisGroupId}/absence`,
  },
  {
    key: 'compliance',
    label: 'compliance/head',
    route: 'GET /api/conversation-compliance (department head: per class)',
    who: 'departmentHeads',
    path: () => '/api/conversation-compliance',
  },
  {
    key: 'complianceSchool',
    label: 'compliance/school',
    route: 'GET /api/conversation-compliance (principal: per department)',
    who: 'principals',
    path: () => '/api/conversation-compliance',
  },
  {
    key: 'cycleCompliance',
    label: 'cycle/head',
    route: 'GET /api/annual-cycle/compliance (department head: per routine, class and teacher)',
    who: 'departmentHeads',
    path: () => '/api/annual-cycle/compliance',
  },
  {
    key: 'cycleComplianceSchool',
    label: 'cycle/school',
    route: 'GET /api/annual-cycle/compliance (principal: the whole school)',
    who: 'principals',
    path: () => '/api/annual-cycle/compliance',
  },
];

export interface LoadResult {
  latency: Percentiles;
  requests: number;
  ok: number;
  rps: number;
  non2xx: number;
  /** connection errors and timeouts */
  errors: number;
  statusCodes: Record<string, number>;
  elapsedMs: number;
}

const pick = (n: number) => Math.floor(Math.random() * n);

/** `connections` keep-alive connections for `duration` seconds; every request as a random logged-in user */
export async function load(url: string, sessions: readonly AnySession[], target: Target, connections: number, duration: number): Promise<LoadResult> {
  const samples: number[] = [];
  const statusCodes: Record<string, number> = {};
  let requests = 0;
  let non2xx = 0;
  const started = performance.now();
  const instance = autocannon({
    url,
    connections,
    duration,
    timeout: 30,
    requests: [{
      method: 'GET',
      setupRequest: (req: Record<string, unknown>) => {
        const s = sessions[pick(sessions.length)]!;
        return { ...req, method: 'GET', path: target.path(s, pick), headers: { ...(req.headers as object), cookie: s.cookie, accept: 'application/json' } };
      },
    }],
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    requests++;
    statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    if (statusCode >= 200 && statusCode < 300) samples.push(responseTime);
    else non2xx++;
  });
  const result = await instance;
  const elapsedMs = performance.now() - started;
  const errors = (result.errors ?? 0) + (result.timeouts ?? 0);
  return {
    latency: percentiles(samples),
    requests,
    ok: samples.length,
    rps: samples.length / (elapsedMs / 1000),
    non2xx,
    errors,
    statusCodes,
    elapsedMs,
  };
}
