/**
 * The raw SQL floor: what each endpoint fundamentally needs from the database, as ONE query, run
 * directly on the database for the same random classes/students the load used.
 */
import { floorAbsenceOverview, yearFacts, type YearFacts } from './absence.js';
import { floorClassPlan, floorCompliance, studentsIn } from './conversations.js';
import { CYCLE_PLANNER, floorKeptCompliance, tasksIn } from './annualCycle.js';
import type { BenchUser, LeaderUser } from './dataset.js';
import type { AnySession, Session, Who } from './load.js';
import { percentiles, type Percentiles } from './stats.js';

export type Query = (text: string, params: unknown[]) => Promise<unknown[]>;

/**
 * The class overview: the basis group's students today, with the columns the screen shows — names,
 * birth date (age, adult), status, minority language, address protection, accommodation need,
 * number of guardians with insight (adult: consent; minor: parental responsibility or a granted
 * information decision), consent, and the last contact the caller may see.
 * $1 owner, $2 basis group, $3 caller's person id, $4 today
 */
export const OVERVIEW_FLOOR_SQL = `
select s.id, p.given_name, p.family_name, p.birth_date::text as birth_date, s.status, s.minority_language, p.address_protection,
  -- count(*) > 0, not exists(): an EXISTS in the select list may be planned as a hashed seq scan of the owner's
  -- whole accommodation_need table (random_page_cost 4); the count is always an index probe per student
  (select count(*) from accommodation_need a where a.owner_id = s.owner_id and a.student_id = s.id) > 0 as accommodation_need,
  (select count(*) from guardianship g
    where g.owner_id = s.owner_id and g.student_id = s.id
      and case when p.birth_date <= ($4::date - interval '18 years')
        then exists(select 1 from consent c where c.owner_id = g.owner_id and c.student_id = g.student_id
                      and c.guardian_person_id = g.guardian_person_id and c.withdrawn_at is null)
        else g.parental_responsibility or exists(select 1 from information_decision i where i.owner_id = g.owner_id
                      and i.guardianship_id = g.id and i.granted and i.revoked_at is null) end) as guardians_with_insight,
  exists(select 1 from consent c where c.owner_id = s.owner_id and c.student_id = s.id and c.withdrawn_at is null) as consent,
  (select max(c.occurred_on)::text from contact_log_entry c where c.owner_id = s.owner_id and c.student_id = s.id
     and (c.visibility in ('staff', 'contactTeacherAndLeaders') or c.author_person_id = $3)) as last_contact_on
from enrolment e
join student s on s.owner_id = e.owner_id and s.id = e.student_id
join person p on p.owner_id = s.owner_id and p.id = s.person_id
where e.owner_id = $1 and e.basis_group_id = $2 and e.starts_on <= $4::date and (e.ends_on is null or e.ends_on > $4::date)
order by p.family_name, p.given_name`;

/**
 * The student page: student + person, school and department, current groups (basis and teaching
 * with subject), guardians with their person, insight facts (information decision, consent), and
 * the accommodation needs. $1 owner, $2 student, $3 today
 */
export const STUDENT_FLOOR_SQL = `
select s.id, p.given_name, p.family_name, p.birth_date::text as birth_date, p.email, p.phone, p.street_address, p.postal_code, p.city,
  p.address_protection, s.level, s.programme, s.status, s.minority_language, s.years_of_residence, s.special_education_right,
  sc.name as school_name, d.name as department_name,
  coalesce((select json_agg(json_build_object('id', coalesce(bg.id, tg.id), 'name', coalesce(bg.name, tg.name), 'since', e.starts_on,
        'kind', case when bg.id is null then 'teaching' else 'basis' end, 'subjectCode', su.code, 'subjectName', su.name)
      order by coalesce(bg.name, tg.name))
    from enrolment e
    left join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
    left join teaching_group tg on tg.owner_id = e.owner_id and tg.id = e.teaching_group_id
    left join subject su on su.owner_id = tg.owner_id and su.id = tg.subject_id
    where e.owner_id = s.owner_id and e.student_id = s.id and e.starts_on <= $3::date and (e.ends_on is null or e.ends_on > $3::date)), '[]'::json) as groups,
  coalesce((select json_agg(json_build_object('guardianshipId', g.id, 'personId', g.guardian_person_id, 'relation', g.relation,
        'parentalResponsibility', g.parental_responsibility, 'livesWith', g.lives_with,
        'givenName', gp.given_name, 'familyName', gp.family_name, 'email', gp.email, 'phone', gp.phone,
        'streetAddress', gp.street_address, 'postalCode', gp.postal_code, 'city', gp.city, 'addressProtection', gp.address_protection,
        'informationGranted', exists(select 1 from information_decision i where i.owner_id = g.owner_id and i.guardianship_id = g.id and i.granted and i.revoked_at is null),
        'consented', exists(select 1 from consent c where c.owner_id = g.owner_id and c.student_id = g.student_id and c.guardian_person_id = g.guardian_person_id and c.withdrawn_at is null))
      order by g.relation, gp.family_name)
    from guardianship g join person gp on gp.owner_id = g.owner_id and gp.id = g.guardian_person_id
    where g.owner_id = s.owner_id and g.student_id = s.id), '[]'::json) as guardians,
  coalesce((select json_agg(json_build_object('id', a.id, 'description', a.description, 'registeredAt', a.registered_at) order by a.registered_at)
    from accommodation_need a where a.owner_id = s.owner_id and a.student_id = s.id), '[]'::json) as accommodation_needs
from student s
join person p on p.owner_id = s.owner_id and p.id = s.person_id
join school sc on sc.owner_id = s.owner_id and sc.id = s.school_id
left join department d on d.owner_id = s.owner_id and d.id = s.department_id
where s.owner_id = $1 and s.id = $2`;

/**
 * The audit rows the endpoint writes (one per student shown), so "floor + audit" can be measured too.
 * Same columns as server/core/audit/audit.ts writes; one statement for any number of rows.
 */
const AUDIT_SQL = `insert into audit_log (owner_id, actor_person_id, action, resource_type, resource_id, student_id, decision, reason, reason_code, reason_params)
  select $1::uuid, $2::uuid, $3::text, $4::text, $5::text, sid, 'allow', $6::text, 'contactTeacher', $8::jsonb from unnest($7::uuid[]) as sid`;

export interface FloorCase {
  key: string;
  /** whose sessions the floor runs for (the same users as the load) */
  who: Who;
  /** the endpoint writes audit rows, so "floor + audit" is worth measuring */
  audited: boolean;
  /** planner settings the app's statement runs with (SET LOCAL in its transaction); the floor's connections get the same */
  planner?: Record<string, string>;
  /** one request's worth of SQL, for a random session; returns the number of students in the answer */
  run(q: Query, s: AnySession, pick: (n: number) => number, withAudit: boolean): Promise<number>;
}

/** the floor of an endpoint that contact teachers load */
const contactTeacherCase = (key: string, run: (q: Query, s: Session<BenchUser>, pick: (n: number) => number, withAudit: boolean) => Promise<number>): FloorCase =>
  ({ key, who: 'contactTeachers', audited: true, run: (q, s, pick, withAudit) => run(q, s as Session<BenchUser>, pick, withAudit) });

const leaderCase = (key: string, who: 'departmentHeads' | 'principals', run: (q: Query, s: Session<LeaderUser>) => Promise<number>): FloorCase =>
  ({ key, who, audited: false, run: (q, s) => run(q, s as Session<LeaderUser>) });

export function floorCases(ownerId: string, today: string): Record<string, FloorCase> {
  // the school year and its calendar are the same for every request: read once, outside the timed statements
  let year: Promise<YearFacts> | null = null;
  return {
    overview: contactTeacherCase('overview',
      async (q, s, _pick, withAudit) => {
        const rows = (await q(OVERVIEW_FLOOR_SQL, [ownerId, s.user.basisGroupId, s.user.personId, today])) as Array<{ id: string }>;
        if (withAudit && rows.length) {
          await q(AUDIT_SQL, [ownerId, s.user.personId, 'basisGroup.readOverview', 'basisGroup', s.user.basisGroupId,
            'contact teacher (bench floor)', rows.map((r) => r.id), JSON.stringify({ group: 'bench' })]);
        }
        return rows.length;
      }),
    student: contactTeacherCase('student',
      async (q, s, pick, withAudit) => {
        const id = s.user.studentIds[pick(s.user.studentIds.length)]!;
        const rows = await q(STUDENT_FLOOR_SQL, [ownerId, id, today]);
        if (withAudit) {
          await q(AUDIT_SQL, [ownerId, s.user.personId, 'student.read', 'student', id, 'contact teacher (bench floor)', [id], JSON.stringify({ group: 'bench' })]);
        }
        return rows.length;
      }),
    // the class plan audits every student shown, like the overview
    classPlan: contactTeacherCase('classPlan',
      async (q, s, _pick, withAudit) => {
        const answer = await floorClassPlan(q, ownerId, s.user, today);
        if (withAudit && answer.length) {
          await q(AUDIT_SQL, [ownerId, s.user.personId, 'basisGroup.readConversationPlan', 'basisGroup', s.user.basisGroupId,
            'contact teacher (bench floor)', answer.map((r) => r.studentId), JSON.stringify({ group: 'bench' })]);
        }
        return answer.length;
      }),
    // the class absence overview audits every student shown, like the class overview
    absenceOverview: contactTeacherCase('absenceOverview',
      async (q, s, _pick, withAudit) => {
        const answer = await floorAbsenceOverview(q, ownerId, s.user, today, await (year ??= yearFacts(q, ownerId, today)));
        if (withAudit && answer.length) {
          await q(AUDIT_SQL, [ownerId, s.user.personId, 'basisGroup.readAbsence', 'basisGroup', s.user.basisGroupId,
            'contact teacher (bench floor)', answer.map((r) => r.studentId), JSON.stringify({ group: 'bench' })]);
        }
        return answer.length;
      }),
    // counts only: the compliance view audits nothing
    compliance: leaderCase('compliance', 'departmentHeads', async (q, s) => studentsIn(await floorCompliance(q, ownerId, s.user, today))),
    complianceSchool: leaderCase('complianceSchool', 'principals', async (q, s) => studentsIn(await floorCompliance(q, ownerId, s.user, today))),
    // the annual cycle's compliance: the app answers from kept counts (at most a minute old), so the floor is
    // reading them. The answer check computes them from the data (with the planner settings below); what that
    // costs per school is the floor of bench/results-annual-cycle-recompute.json
    cycleCompliance: { ...leaderCase('cycleCompliance', 'departmentHeads', async (q, s) => tasksIn(await floorKeptCompliance(q, ownerId, s.user, today))), planner: CYCLE_PLANNER },
    cycleComplianceSchool: { ...leaderCase('cycleComplianceSchool', 'principals', async (q, s) => tasksIn(await floorKeptCompliance(q, ownerId, s.user, today))), planner: CYCLE_PLANNER },
  };
}

export interface FloorResult {
  latency: Percentiles;
  queries: number;
  qps: number;
  loops: number;
  withAudit: boolean;
}

const pick = (n: number) => Math.floor(Math.random() * n);

/** `loops` concurrent loops (1 = sequential) running one case for `duration` seconds */
export async function measureFloor(
  q: Query, sessions: readonly AnySession[], c: FloorCase, loops: number, duration: number, withAudit: boolean,
): Promise<FloorResult> {
  const samples: number[] = [];
  const started = performance.now();
  const end = started + duration * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      const s = sessions[pick(sessions.length)]!;
      const t = performance.now();
      const n = await c.run(q, s, pick, withAudit);
      samples.push(performance.now() - t);
      if (n === 0) throw new Error(`floor query ${c.key} returned no rows for ${s.user.username}`);
    }
  };
  await Promise.all(Array.from({ length: loops }, loop));
  const elapsed = performance.now() - started;
  return { latency: percentiles(samples), queries: samples.length, qps: samples.length / (elapsed / 1000), loops, withAudit };
}
