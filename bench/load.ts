/** Logging in the bench users and loading one endpoint with autocannon (in the bench process). */
import autocannon from 'autocannon';
import { BENCH_PASSWORD, type BenchUser } from './dataset.js';
import { percentiles, type Percentiles } from './stats.js';

export interface Session {
  user: BenchUser;
  cookie: string;
}

/** POST /api/auth/login for every user, `parallel` at a time (argon2 verification is the cost) */
export async function loginAll(url: string, users: BenchUser[], parallel = 4): Promise<Session[]> {
  const out: Session[] = new Array(users.length);
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
      const me = (await res.json()) as { basisGroups: Array<{ id: string }> };
      if (!me.basisGroups.some((g) => g.id === user.basisGroupId)) {
        throw new Error(`${user.username} logged in, but is not contact teacher of basis group ${user.basisGroupId} today`);
      }
      const session = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('elevlos_session='));
      if (!session) throw new Error(`login of ${user.username} set no elevlos_session cookie`);
      out[i] = { user, cookie: session };
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, users.length) }, worker));
  return out;
}

export interface Target {
  /** short key: overview | student */
  key: string;
  label: string;
  /** path template for the docs: /api/basis-groups/:id/overview */
  route: string;
  /** the request of a random user */
  path(s: Session, pick: (n: number) => number): string;
}

export const targets: Target[] = [
  {
    key: 'overview',
    label: 'class overview',
    route: 'GET /api/basis-groups/:basisGroupId/overview',
    path: (s) => `/api/basis-groups/${s.user.basisGroupId}/overview`,
  },
  {
    key: 'student',
    label: 'student page',
    route: 'GET /api/students/:studentId',
    path: (s, pick) => `/api/students/${s.user.studentIds[pick(s.user.studentIds.length)]!}`,
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
export async function load(url: string, sessions: Session[], target: Target, connections: number, duration: number): Promise<LoadResult> {
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
