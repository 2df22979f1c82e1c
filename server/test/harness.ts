/**
 * One fresh database per test file: in-memory PGlite by default, or a new database on the server
 * named in DATABASE_URL (so parallel files and parallel CI runs never collide), with the demo school.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../core/config.js';
import { openDatabase, type Database } from '../core/db/client.js';
import { seedDemo, type DemoInfo } from '../seed/demo.js';

export interface TestDb {
  database: Database;
  url?: string;
  drop(): Promise<void>;
}

/** A fresh, migrated, empty database. */
export async function freshDatabase(): Promise<TestDb> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({});
    return { database, drop: () => database.close() };
  }
  const name = `elevlos_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.href, poolSize: 5 });
  return {
    database,
    url: url.href,
    async drop() {
      await database.close();
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export interface Client {
  username: string;
  csrf: string;
  cookie: string;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  demo: DemoInfo;
  config: Config;
  /** `headers`: sent with the login request (a User-Agent, say) */
  login(username: string, password?: string, headers?: Record<string, string>): Promise<Client>;
  close(): Promise<void>;
}

export const DEMO_PASSWORD = 'demo1234';

function cookieHeader(res: LightMyRequestResponse): string {
  return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

export async function testApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const db = await freshDatabase();
  const demo = await seedDemo(db.database);
  const config = { ...loadConfig({}), ...overrides };
  const app = await buildApp(db.database, config);
  await app.ready();
  return {
    app, database: db.database, demo, config,
    async login(username, password = DEMO_PASSWORD, headers = {}) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = cookieHeader(res);
      const csrf = res.json().csrfToken as string;
      const request = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
        app.inject({ method: method as 'GET', url, payload: body as object, headers: { cookie, 'x-csrf-token': csrf, ...headers } });
      return { username, csrf, cookie, request, get: (url, headers) => request('GET', url, undefined, headers) };
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** A plain teacher at the school who teaches none of the student's groups and holds no other role: the
 * colleague who must be refused. Given a login `username` and logged in. */
export async function outsiderTeacher(t: TestApp, studentId: string, username = 'fag.utenfor'): Promise<Client> {
  const [other] = await t.database.query<{ person_id: string }>(
    `select sm.person_id from subject_teacher_assignment a join staff_member sm on sm.owner_id = a.owner_id and sm.id = a.staff_member_id
     where sm.person_id not in (select sm3.person_id from subject_teacher_assignment a3 join staff_member sm3 on sm3.id = a3.staff_member_id
         join enrolment e on e.teaching_group_id = a3.teaching_group_id where e.student_id = $1)
       and sm.id not in (select staff_member_id from contact_teacher_assignment)
       and sm.id not in (select staff_member_id from staff_role where role <> 'teacher') limit 1`, [studentId]);
  if (!other) throw new Error('the demo school has no teacher outside the student\'s groups');
  await addLogin(t.database, t.demo.ownerId, other.person_id, username);
  return t.login(username);
}

/** Gives an existing person of the demo school a login (for actors the demo has no account for). */
export async function addLogin(database: Database, ownerId: string, personId: string, username: string): Promise<void> {
  const { hashPassword } = await import('../core/auth/password.js');
  await database.query(
    'insert into account (owner_id, id, person_id, username, password_hash) values ($1, gen_random_uuid(), $2, $3, $4)',
    [ownerId, personId, username, await hashPassword(DEMO_PASSWORD)],
  );
}
