/**
 * Where the endpoint time goes, on a database kept by `npm run bench -- --keep` (PostgreSQL only):
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/elevlos_bench_<timestamp> npx tsx bench/diagnose.ts
 *
 * 1. every statement the class overview, the student page, the class conversation plan and the department
 *    head's compliance view run (recorded by calling the app's own functions with a recording database),
 *    with planning and execution time from EXPLAIN ANALYZE;
 * 2. those statement sequences replayed WITHOUT the app (no HTTP, no Fastify) in `--loops` concurrent
 *    loops, with unnamed statements (as the app sends them today) and as named prepared statements,
 *    next to the one-query floor and a "lean" sequence (session + actor + floor query + audit insert).
 *    PostgreSQL CPU per sequence comes from /proc of the backends.
 *
 * The overview's display query is copied from server/features/classes/queries.ts (classOverviewStudents, which builds it through core's loader);
 * keep it in step when that route changes.
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { writeAudit, type AuditEntry } from '../server/core/audit/audit.js';
import type { Database } from '../server/core/db/client.js';
import { loadActor, loadBasisGroupFacts, loadGroupStudents, loadStudentFacts } from '../server/core/policy/facts.js';
import { DEFAULT_BENCH_TODAY } from './args.js';
import { loadPlan } from '../server/features/conversations/planData.js';
import { COMPLIANCE_SQL, planColumns } from '../server/features/conversations/queries/plan.js';
import { buildStudentRecord } from '../server/features/students/record.js';
import { CLASS_PLAN_FLOOR_SQL, COMPLIANCE_FLOOR_SQL } from './conversations.js';
import { processCpuMs } from './cpu.js';
import { OVERVIEW_FLOOR_SQL, STUDENT_FLOOR_SQL } from './floor.js';
import { ms, percentiles, table } from './stats.js';

const OVERVIEW_ROWS_SQL = `select s.id, p.given_name, p.family_name, p.birth_date::text as birth_date, s.status, s.minority_language, s.level,
              exists(select 1 from accommodation_need a where a.owner_id = s.owner_id and a.student_id = s.id) as accommodation_need,
              (select max(c.occurred_on)::text from contact_log_entry c where c.owner_id = s.owner_id and c.student_id = s.id
                 and (c.visibility in ('staff', 'contactTeacherAndLeaders') or c.author_person_id = $3)) as last_contact_on
       from student s join person p on p.owner_id = s.owner_id and p.id = s.person_id
       where s.owner_id = $1 and s.id = any($2::uuid[])
       order by p.family_name, p.given_name`;

const SESSION_SQL = `select account_id, person_id, csrf_token, last_seen_at < now() - interval '1 minute' as stale
     from session where owner_id = $1 and id = $2 and expires_at > now()
       and last_seen_at > now() - make_interval(mins => $3)`;

type Stmt = { label: string; text: string; params: unknown[] };

function recorder(pool: pg.Pool, out: Stmt[], label: () => string): Database {
  return {
    kind: 'postgres',
    db: undefined as never,
    async query<T>(text: string, params?: unknown[]) {
      out.push({ label: label(), text, params: params ?? [] });
      return (await pool.query(text, params as unknown[])).rows as T[];
    },
    async transaction() {
      throw new Error('the diagnosis replays single statements only');
    },
    async close() {},
  };
}

/** the audit statement without running it (it is replayed later) */
async function auditStmt(entries: AuditEntry[]): Promise<Stmt> {
  let stmt: Stmt | null = null;
  const fake = { query: async (text: string, params?: unknown[]) => { stmt = { label: `audit insert (${entries.length} rows)`, text, params: params ?? [] }; return []; } };
  await writeAudit(fake as unknown as Database, entries);
  return stmt!;
}

async function main(): Promise<void> {
  const { values: v } = parseArgs({
    options: { loops: { type: 'string' }, duration: { type: 'string' }, users: { type: 'string' }, today: { type: 'string' } },
    strict: true,
  });
  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    console.error('Set DATABASE_URL to a bench database kept with `npm run bench -- --keep` (postgres://…/elevlos_bench_<timestamp>)');
    process.exit(2);
  }
  const loops = Number(v.loops ?? 10);
  const duration = Number(v.duration ?? 8);
  const userCount = Number(v.users ?? 60);
  if (![loops, duration, userCount].every((x) => Number.isFinite(x) && x > 0)) {
    console.error('--loops, --duration and --users must be positive numbers');
    process.exit(2);
  }
  // the day the kept data set was generated for (the bench's --today)
  const today = v.today ?? DEFAULT_BENCH_TODAY;
  const setup = new pg.Pool({ connectionString: url, max: 1 });
  const { rows: users } = await setup.query<{ owner_id: string; person_id: string; basis_group_id: string; sid: string }>(
    `select a.owner_id, a.person_id, cta.basis_group_id, s.id as sid from account a
     join staff_member sm on sm.owner_id = a.owner_id and sm.person_id = a.person_id
     join contact_teacher_assignment cta on cta.owner_id = sm.owner_id and cta.staff_member_id = sm.id
     join lateral (select id from session s where s.owner_id = a.owner_id and s.account_id = a.id limit 1) s on true
     where a.username like 'bench%' order by a.username limit $1`, [userCount]);
  if (users.length === 0) throw new Error('no logged-in bench users in this database (run the bench with --keep)');
  const { rows: heads } = await setup.query<{ owner_id: string; person_id: string; school_id: string; department_id: string; sid: string }>(
    `select a.owner_id, a.person_id, sm.school_id, r.department_id, s.id as sid from account a
     join staff_member sm on sm.owner_id = a.owner_id and sm.person_id = a.person_id
     join staff_role r on r.owner_id = sm.owner_id and r.staff_member_id = sm.id and r.role = 'departmentHead'
     join lateral (select id from session s where s.owner_id = a.owner_id and s.account_id = a.id limit 1) s on true
     where a.username like 'benchhead%' order by a.username limit $1`, [userCount]);

  // record the statements of each screen, per user
  const seqs: Record<string, Stmt[][]> = {
    'overview (app)': [], 'overview lean': [], 'overview floor': [], 'student (app)': [], 'student lean': [], 'student floor': [],
    'class plan (app)': [], 'class plan floor': [], 'compliance (app)': [], 'compliance floor': [],
  };
  for (const u of users) {
    const ov: Stmt[] = [];
    let label = 'session lookup';
    const db = recorder(setup, ov, () => label);
    await db.query(SESSION_SQL, [u.owner_id, u.sid, 60]);
    label = 'loadActor';
    const actor = (await loadActor(db, u.owner_id, u.person_id))!;
    const head = ov.slice();
    label = 'loadBasisGroupFacts';
    await loadBasisGroupFacts(db, u.owner_id, u.basis_group_id);
    label = 'loadGroupStudents';
    const facts = await (await loadGroupStudents(db, u.owner_id, { kind: 'basis', id: u.basis_group_id }, today)).map((x) => x.facts);
    label = 'overview display rows';
    await db.query(OVERVIEW_ROWS_SQL, [u.owner_id, facts.map((f) => f.studentId), u.person_id]);
    const ovAudit = await auditStmt(facts.map((s) => ({
      ownerId: u.owner_id, actorPersonId: u.person_id, action: 'basisGroup.readOverview', resourceType: 'basisGroup',
      resourceId: u.basis_group_id, studentId: s.studentId, decision: 'allow' as const, reason: { code: 'contactTeacher' as const, params: { group: 'diagnose' } },
    })));
    const ovFloor: Stmt = { label: 'overview floor query', text: OVERVIEW_FLOOR_SQL, params: [u.owner_id, u.basis_group_id, u.person_id, today] };
    seqs['overview (app)']!.push([...ov, ovAudit]);
    seqs['overview lean']!.push([...head, ovFloor, ovAudit]);
    seqs['overview floor']!.push([ovFloor]);

    const st: Stmt[] = head.slice();
    const db2 = recorder(setup, st, () => label);
    label = 'loadStudentFacts';
    const sf = (await loadStudentFacts(db2, u.owner_id, facts[0]!.studentId, today))!;
    const stAudit = await auditStmt([{ ownerId: u.owner_id, actorPersonId: u.person_id, action: 'student.read', resourceType: 'student',
      resourceId: sf.studentId, studentId: sf.studentId, decision: 'allow', reason: { code: 'contactTeacher', params: { group: 'diagnose' } } }]);
    st.push(stAudit);
    label = 'record (4 parallel queries)';
    await buildStudentRecord(db2, actor, sf, today, 'nb');
    const stFloor: Stmt = { label: 'student floor query', text: STUDENT_FLOOR_SQL, params: [u.owner_id, sf.studentId, today] };
    seqs['student (app)']!.push(st);
    seqs['student lean']!.push([...head, stFloor, stAudit]);
    seqs['student floor']!.push([stFloor]);

    const cp: Stmt[] = head.slice();
    const db3 = recorder(setup, cp, () => label);
    label = 'loadBasisGroupFacts';
    const group = (await loadBasisGroupFacts(db3, u.owner_id, u.basis_group_id))!;
    label = 'loadPlan';
    const plan = (await loadPlan(db3.query, u.owner_id, group.schoolId, today))!;
    label = 'loadGroupStudents + plan columns';
    await loadGroupStudents(db3, u.owner_id, { kind: 'basis', id: u.basis_group_id }, today,
      { columns: `, p.given_name, p.family_name ${planColumns('$4', '$2')}`, params: [plan.schoolYear.id] });
    cp.push(await auditStmt(facts.map((f) => ({
      ownerId: u.owner_id, actorPersonId: u.person_id, action: 'basisGroup.readConversationPlan', resourceType: 'basisGroup',
      resourceId: u.basis_group_id, studentId: f.studentId, decision: 'allow' as const, reason: { code: 'contactTeacher' as const, params: { group: 'diagnose' } },
    }))));
    seqs['class plan (app)']!.push(cp);
    seqs['class plan floor']!.push([{ label: 'class plan floor query', text: CLASS_PLAN_FLOOR_SQL, params: [u.owner_id, u.basis_group_id, today] }]);
  }
  for (const u of heads) {
    const cm: Stmt[] = [];
    let label = 'session lookup';
    const db = recorder(setup, cm, () => label);
    await db.query(SESSION_SQL, [u.owner_id, u.sid, 60]);
    label = 'loadActor';
    await loadActor(db, u.owner_id, u.person_id);
    label = 'loadPlan';
    const plan = (await loadPlan(db.query, u.owner_id, u.school_id, today))!;
    label = 'compliance students';
    await db.query(COMPLIANCE_SQL, [u.owner_id, today, plan.schoolYear.id, u.school_id, u.department_id]);
    seqs['compliance (app)']!.push(cm);
    seqs['compliance floor']!.push([{ label: 'compliance floor query', text: COMPLIANCE_FLOOR_SQL, params: [u.owner_id, u.school_id, u.department_id, today] }]);
  }
  for (const [key, list] of Object.entries(seqs)) if (list.length === 0) delete seqs[key];

  // 1. EXPLAIN ANALYZE of each statement of the first user (the audit inserts do insert: it is a bench database)
  const N = 15;
  const med = (a: number[]) => percentiles(a).p50;
  const explained: string[][] = [];
  for (const key of ['overview (app)', 'overview floor', 'student (app)', 'student floor', 'class plan (app)', 'class plan floor', 'compliance (app)', 'compliance floor']) {
    for (const s of seqs[key]?.[0] ?? []) {
      const plan: number[] = [];
      const exec: number[] = [];
      for (let i = 0; i < N; i++) {
        const r = await setup.query(`explain (analyze, format json) ${s.text}`, s.params as unknown[]);
        const j = (r.rows[0] as { 'QUERY PLAN': Array<{ 'Planning Time': number; 'Execution Time': number }> })['QUERY PLAN'][0]!;
        plan.push(j['Planning Time']);
        exec.push(j['Execution Time']);
      }
      explained.push([`${key}: ${s.label}`, ms(med(plan)), ms(med(exec))]);
    }
  }
  await setup.end();
  console.log(`Statements per screen (EXPLAIN ANALYZE, median of ${N}; execution includes EXPLAIN's timing overhead), ms`);
  console.log(table(['statement', 'planning', 'execution'], explained));

  // 2. replay, unnamed vs prepared
  const dbName = new URL(url).pathname.slice(1);
  const rows: string[][] = [];
  for (const [key, list] of Object.entries(seqs)) {
    for (const mode of ['unnamed', 'prepared'] as const) {
      const pool = new pg.Pool({ connectionString: url, max: loops });
      const name = (t: string) => `d${createHash('sha1').update(t).digest('hex').slice(0, 24)}`;
      const q = (s: Stmt) => pool.query(mode === 'prepared' ? { name: name(s.text), text: s.text, values: s.params as unknown[] } : { text: s.text, values: s.params as unknown[] });
      const run = async (secs: number, lat: number[]) => {
        const end = performance.now() + secs * 1000;
        await Promise.all(Array.from({ length: loops }, async () => {
          while (performance.now() < end) {
            const seq = list[Math.floor(Math.random() * list.length)]!;
            const t = performance.now();
            for (const s of seq) await q(s);
            lat.push(performance.now() - t);
          }
        }));
      };
      await run(Math.min(2, duration), []);
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const pids = (await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [dbName])).rows.map((r) => r.pid);
      const before = pids.map((p) => processCpuMs(p) ?? 0);
      const u0 = process.cpuUsage();
      const lat: number[] = [];
      const t0 = performance.now();
      await run(duration, lat);
      const wall = performance.now() - t0;
      const dbCpu = pids.reduce((a, p, i) => a + ((processCpuMs(p) ?? 0) - before[i]!), 0);
      const u1 = process.cpuUsage(u0);
      await admin.end();
      await pool.end();
      const p = percentiles(lat);
      rows.push([key, mode, String(list[0]!.length), ms(p.p50), ms(p.p95), (lat.length / (wall / 1000)).toFixed(0),
        ms(dbCpu / lat.length), ms((u1.user + u1.system) / 1000 / lat.length)]);
    }
  }
  console.log('');
  console.log(`Replayed without the app: ${loops} concurrent loops × ${duration} s, ${users.length} users; latency per sequence in ms, CPU ms per sequence`);
  console.log(table(['sequence', 'statements', 'count', 'p50', 'p95', 'per s', 'db CPU', 'client CPU'], rows));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
