/**
 * The conversation scenarios (R-10): the contact teacher's class conversation plan and the leaders'
 * compliance view. The floor is ONE prepared statement that reads everything the answer depends on
 * (school year, terms, the school's plan and windows, and each student's conversation facts), followed
 * by the same pure status function the app uses (server/features/conversations/planStatus.ts): the
 * answer is computed from the data, not only fetched, so the floor is "the same answer".
 *
 * The bench also compares the app's answers with the floor's for a sample of users (`answerOf*`), so a
 * scenario can never measure an empty or wrong answer.
 */
import { isAdult } from '../server/core/time.js';
import {
  defaultWindows, planEvaluator, type ConversationFact, type PlanWindowFacts, type StudentPlanStatus, type TermFacts,
} from '../server/features/conversations/planStatus.js';
import type { BenchUser, LeaderUser } from './dataset.js';
import type { Query } from './floor.js';

/*
 * Each floor statement answers with one plan row (year, terms, target, windows as json; the student
 * columns null) followed by one row per student with plain columns — rows, not one json_agg document:
 * aggregating ~800 nested objects into one json value costs PostgreSQL more than sending the rows.
 */

/** the school year of $today and the school's plan (none: the default plan) */
const planCtes = (owner: string, school: string, today: string) => `
  y as (select id, starts_on, ends_on from school_year where owner_id = ${owner} and starts_on <= ${today}::date and ends_on >= ${today}::date
        order by starts_on desc limit 1),
  pl as (select cp.id, cp.conversations_per_year from conversation_plan cp
         where cp.owner_id = ${owner} and cp.school_id = ${school} and cp.school_year_id = (select id from y))`;

/** the plan row's json: year, terms, target and windows; `extra` adds keys (school name, …) */
const planJson = (owner: string, extra = '') => `json_build_object(
    'year', (select json_build_object('startsOn', y.starts_on, 'endsOn', y.ends_on) from y),
    'terms', (select json_agg(json_build_object('kind', t.kind, 'startsOn', t.starts_on, 'endsOn', t.ends_on) order by t.starts_on)
       from term t where t.owner_id = ${owner} and t.school_year_id = (select id from y)),
    'conversationsPerYear', (select conversations_per_year from pl),
    'windows', (select json_agg(json_build_object('kind', w.kind, 'opensOn', w.opens_on, 'closesOn', w.closes_on, 'appliesTo', w.applies_to)
        order by w.position, w.opens_on)
       from conversation_window w where w.owner_id = ${owner} and w.plan_id = (select id from pl))${extra})`;

/** the plan row names the columns of the union (its students' columns are null) */
const planRowNulls = `null::uuid as id, null::text as stage, null::text as level, null::text as birth_date, null::bigint as consents,
  null::json as conversations, null::bigint as subject_groups_held, null::json as offered_on, null::boolean as all_declined,
  null::bigint as teaching_groups, null::uuid as group_id, null::text as group_name, null::uuid as department_id, null::text as department_name`;

/** a student's columns after id, stage and level: what the status needs */
const studentFacts = (today: string) => `p.birth_date::text,
  (select count(*) from consent k where k.owner_id = s.owner_id and k.student_id = s.id and k.withdrawn_at is null),
  coalesce(cv.list, '[]'::json), cv.subject_groups_held, coalesce(gco.offered_on, '[]'::json), coalesce(gco.all_declined, false),
  (select count(*) from enrolment te where te.owner_id = s.owner_id and te.student_id = s.id and te.teaching_group_id is not null
    and te.starts_on <= ${today}::date and (te.ends_on is null or te.ends_on > ${today}::date))`;

/** per student: the year's conversations (one probe for the list and the subject count) and guardian-conference offers */
const studentLaterals = `
  left join lateral (
    select json_agg(json_build_object('id', c.id, 'kind', c.kind,
        'plannedOn', (c.planned_at at time zone 'Europe/Oslo')::date, 'heldOn', (c.held_at at time zone 'Europe/Oslo')::date,
        'studentTakesPart', c.student_takes_part)) as list,
      count(distinct c.teaching_group_id) filter (where c.kind = 'subject' and c.held_at is not null) as subject_groups_held
    from conversation c where c.owner_id = s.owner_id and c.student_id = s.id and c.school_year_id = (select id from y) and c.cancelled_at is null) cv on true
  left join lateral (
    select json_agg((o.offered_at at time zone 'Europe/Oslo')::date) as offered_on, bool_and(o.declined_at is not null) as all_declined
    from guardian_conference_offer o where o.owner_id = s.owner_id and o.student_id = s.id and o.school_year_id = (select id from y)) gco on true`;

/**
 * The class plan: the plan, and the basis group's students today with their conversation facts.
 * $1 owner, $2 basis group, $3 today
 */
export const CLASS_PLAN_FLOOR_SQL = `
with g as (select school_id from basis_group where owner_id = $1 and id = $2),
${planCtes('$1', '(select school_id from g)', '$3')}
select ${planJson('$1')} as plan, ${planRowNulls}
union all
select null, s.id, sc.stage, s.level, ${studentFacts('$3')}, null, null, null, null
from enrolment e
join student s on s.owner_id = e.owner_id and s.id = e.student_id
join person p on p.owner_id = s.owner_id and p.id = s.person_id
join school sc on sc.owner_id = s.owner_id and sc.id = s.school_id
${studentLaterals}
where e.owner_id = $1 and e.basis_group_id = $2 and e.starts_on <= $3::date and (e.ends_on is null or e.ends_on > $3::date)`;

/**
 * Compliance: the plan with the school's stage and name and the department's name, and the school's
 * students who have not left — a department head's department only ($3) — with their department,
 * conversation facts and (per-class view only) current basis group.
 * $1 owner, $2 school, $3 department or null (principal: the whole school), $4 today
 */
export const COMPLIANCE_FLOOR_SQL = `
with ${planCtes('$1', '$2', '$4')}
select ${planJson('$1', `,
    'schoolName', (select sc.name from school sc where sc.owner_id = $1 and sc.id = $2),
    'stage', (select sc.stage from school sc where sc.owner_id = $1 and sc.id = $2),
    'departmentName', (select d.name from department d where d.owner_id = $1 and d.id = $3::uuid)`)} as plan, ${planRowNulls}
union all
select null, s.id, null, s.level, ${studentFacts('$4')}, bg.id, bg.name, s.department_id, d.name
from student s
join lateral (select p.birth_date from person p where p.owner_id = s.owner_id and p.id = s.person_id offset 0) p on true
left join department d on d.owner_id = s.owner_id and d.id = s.department_id
left join lateral (select bg.id, bg.name from enrolment e join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
  where $3::uuid is not null and e.owner_id = s.owner_id and e.student_id = s.id
    and e.starts_on <= $4::date and (e.ends_on is null or e.ends_on > $4::date) limit 1) bg on true
${studentLaterals}
where s.owner_id = $1 and s.school_id = $2 and s.status <> 'left' and ($3::uuid is null or s.department_id = $3::uuid)`;

type Stage = 'upperSecondary' | 'compulsory';

interface FloorPlan {
  year: { startsOn: string; endsOn: string } | null;
  terms: TermFacts[] | null;
  conversationsPerYear: number | null;
  windows: PlanWindowFacts[] | null;
  schoolName?: string;
  stage?: Stage;
  departmentName?: string | null;
}

interface FloorStudent {
  id: string; stage: Stage | null; level: string; birthDate: string | null; consents: number; conversations: ConversationFact[];
  subjectGroupsHeld: number; offeredOn: string[]; allDeclined: boolean; teachingGroups: number;
  groupId: string | null; groupName: string | null; departmentId: string | null; departmentName: string | null;
}

interface Plan { conversationsPerYear: number; windows: PlanWindowFacts[]; terms: TermFacts[]; raw: FloorPlan }

/** the plan row and the student rows of a floor statement */
async function floorRows(q: Query, text: string, params: unknown[]): Promise<{ plan: Plan; students: FloorStudent[] }> {
  const rows = (await q(text, params)) as Array<Record<string, unknown>>;
  let raw: FloorPlan | null = null;
  const students: FloorStudent[] = [];
  for (const r of rows) {
    if (r.plan !== null) {
      raw = r.plan as FloorPlan;
      continue;
    }
    students.push({
      id: r.id as string, stage: r.stage as Stage | null, level: r.level as string, birthDate: r.birth_date as string | null,
      consents: Number(r.consents), conversations: r.conversations as ConversationFact[],
      subjectGroupsHeld: Number(r.subject_groups_held ?? 0), offeredOn: r.offered_on as string[], allDeclined: r.all_declined as boolean,
      teachingGroups: Number(r.teaching_groups), groupId: r.group_id as string | null, groupName: r.group_name as string | null,
      departmentId: r.department_id as string | null, departmentName: r.department_name as string | null,
    });
  }
  if (!raw?.year) throw new Error('the floor found no school year for today');
  return {
    plan: { conversationsPerYear: raw.conversationsPerYear ?? 3, windows: raw.windows ?? defaultWindows(raw.year.startsOn), terms: raw.terms ?? [], raw },
    students,
  };
}

/** the status of every student of one plan (the same pure function as the app's) */
function statusesOf(students: FloorStudent[], stage: (st: FloorStudent) => Stage, plan: Plan, today: string): StudentPlanStatus[] {
  const status = planEvaluator(plan, plan.terms, today);
  return students.map((st) => {
    const adult = isAdult(st.birthDate, today);
    return status({
      level: st.level, stage: stage(st), adult, conferenceEligible: !adult || st.consents > 0,
      conversations: st.conversations, offeredOn: st.offeredOn, allOffersDeclined: st.allDeclined,
      teachingGroupCount: st.teachingGroups, subjectGroupsHeld: st.subjectGroupsHeld,
    });
  });
}

/** What the bench compares of one student's plan row (not the matched conversation's id: ties in date may pick either). */
const comparable = (studentId: string, s: Pick<StudentPlanStatus, 'held' | 'target' | 'cells' | 'law' | 'guardianConference' | 'next'>) => ({
  studentId, held: s.held, target: s.target,
  cells: s.cells.map((c) => [c.kind, c.status, c.date, c.closesOn, c.progress?.held ?? null, c.progress?.of ?? null]),
  law: s.law, guardianConference: s.guardianConference, next: s.next,
});

export type ClassPlanAnswer = ReturnType<typeof comparable>[];

/** The class plan from the floor: the rows the screen shows (students, by id). */
export async function floorClassPlan(q: Query, ownerId: string, u: BenchUser, today: string): Promise<ClassPlanAnswer> {
  const { plan, students } = await floorRows(q, CLASS_PLAN_FLOOR_SQL, [ownerId, u.basisGroupId, today]);
  const statuses = statusesOf(students, (st) => st.stage!, plan, today);
  return students.map((st, i) => comparable(st.id, statuses[i]!)).sort((a, b) => a.studentId.localeCompare(b.studentId));
}

/** The same from the app's JSON answer. */
export function appClassPlan(body: unknown): ClassPlanAnswer {
  const b = body as { students: Array<StudentPlanStatus & { studentId: string }> };
  return b.students.map((s) => comparable(s.studentId, s)).sort((a, b2) => a.studentId.localeCompare(b2.studentId));
}

export interface ComplianceRow {
  id: string; name: string; scope: 'department' | 'basisGroup'; students: number; startOfYearHeld: number;
  guardianConferenceHeld: number; guardianConferenceEligible: number; overdue: number; targetMet: number; l01Missing: number; l02Missing: number;
}
export interface ComplianceAnswer { title: string; rows: ComplianceRow[] }

const byName = new Intl.Collator('nb');

/**
 * Compliance from the floor: per class (department head) or per department (principal), the counts the
 * screen shows. Written apart from the app's grouping, so the comparison checks the app's counting too.
 */
export async function floorCompliance(q: Query, ownerId: string, u: LeaderUser, today: string): Promise<ComplianceAnswer> {
  const { plan, students } = await floorRows(q, COMPLIANCE_FLOOR_SQL, [ownerId, u.schoolId, u.departmentId, today]);
  const statuses = statusesOf(students, () => plan.raw.stage!, plan, today);
  const byClass = u.departmentId !== null;
  const groups = new Map<string, { name: string; statuses: StudentPlanStatus[] }>();
  students.forEach((st, i) => {
    const id = (byClass ? st.groupId : st.departmentId) ?? 'none';
    const g = groups.get(id) ?? { name: (byClass ? st.groupName : st.departmentName) ?? '–', statuses: [] };
    g.statuses.push(statuses[i]!);
    groups.set(id, g);
  });
  const rows = [...groups].map(([id, g]): ComplianceRow => {
    let startOfYearHeld = 0, guardianConferenceHeld = 0, guardianConferenceEligible = 0, overdue = 0, targetMet = 0, l01Missing = 0, l02Missing = 0;
    for (const s of g.statuses) {
      if (s.cells.some((c) => c.kind === 'startOfYear' && c.status === 'held')) startOfYearHeld++;
      if (s.guardianConference === 'held') guardianConferenceHeld++;
      if (s.guardianConference !== 'notApplicable') guardianConferenceEligible++;
      if (s.cells.some((c) => c.status === 'overdue')) overdue++;
      if (s.held >= s.target) targetMet++;
      if (s.law.l01Autumn === 'missed' || s.law.l01Spring === 'missed') l01Missing++;
      if (s.law.l02 === 'missed') l02Missing++;
    }
    return {
      id, name: g.name, scope: byClass ? 'basisGroup' : 'department', students: g.statuses.length,
      startOfYearHeld, guardianConferenceHeld, guardianConferenceEligible, overdue, targetMet, l01Missing, l02Missing,
    };
  });
  return { title: plan.raw.departmentName ?? plan.raw.schoolName!, rows: rows.sort((a, b) => byName.compare(a.name, b.name) || a.id.localeCompare(b.id)) };
}

export function appCompliance(body: unknown): ComplianceAnswer {
  const b = body as { title: string; rows: ComplianceRow[] };
  const rows = b.rows.map((r) => ({
    id: r.id, name: r.name, scope: r.scope, students: r.students, startOfYearHeld: r.startOfYearHeld,
    guardianConferenceHeld: r.guardianConferenceHeld, guardianConferenceEligible: r.guardianConferenceEligible, overdue: r.overdue,
    targetMet: r.targetMet, l01Missing: r.l01Missing, l02Missing: r.l02Missing,
  }));
  return { title: b.title, rows: rows.sort((a, c) => byName.compare(a.name, c.name) || a.id.localeCompare(c.id)) };
}

/** number of students an answer covers (the floor loop refuses an empty answer) */
export const studentsIn = (a: ClassPlanAnswer | ComplianceAnswer): number =>
  Array.isArray(a) ? a.length : a.rows.reduce((n, r) => n + r.students, 0);

/** the first difference between two answers, as a path and both values, or null when equal */
export function firstDifference(app: unknown, floor: unknown, path = ''): string | null {
  if (Object.is(app, floor)) return null;
  if (typeof app !== 'object' || typeof floor !== 'object' || app === null || floor === null) {
    return `${path || '(answer)'}: app ${JSON.stringify(app)}, floor ${JSON.stringify(floor)}`;
  }
  if (Array.isArray(app) !== Array.isArray(floor)) return `${path}: app ${JSON.stringify(app)}, floor ${JSON.stringify(floor)}`;
  const keys = new Set([...Object.keys(app), ...Object.keys(floor)]);
  if (Array.isArray(app) && app.length !== (floor as unknown[]).length) {
    return `${path}.length: app ${app.length}, floor ${(floor as unknown[]).length}`;
  }
  for (const k of keys) {
    const d = firstDifference((app as Record<string, unknown>)[k], (floor as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return null;
}
