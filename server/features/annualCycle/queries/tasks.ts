/**
 * The routine engine's task statement (R-30…R-33): one SELECT of every task of the chosen routines in a
 * slice, with the evidence that proves each done. Evidence sources (core/evidence/sources.ts, each feature's
 * evidence.ts) write their parts; this file composes them into the statement and runs it. The compliance
 * counts (./compliance.ts) and the weekly digest (./digest.ts) wrap the same statement.
 */
import type { Database, QueryFn } from '../../../core/db/client.js';
import type { StaffRole } from '../../../core/db/tables.js';
import { NIL_UUID, evidenceSource, isHandTicked, type TaskSubjectKind } from '../../../core/evidence/sources.js';
import { subjectKindOfScope } from '../evidence.js';
import type { RoutineResponsibleRole } from '../tables.js';
import type { RoutineRow } from './routines.js';

/** Binds values as $1, $2, … in the order a statement is assembled. */
function binder(): { params: unknown[]; p: (v: unknown) => string } {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  return { params, p };
}

export interface TaskSlice {
  /** only tasks this staff member is responsible for (home, digest) */
  responsible?: { staffMemberId: string; roles: StaffRole[]; departmentIds: string[] };
  /** a department head's compliance: tasks about the department's students and classes */
  departmentIds?: string[];
  basisGroupId?: string;
  studentId?: string;
  routineIds?: string[];
}

export interface TaskSql {
  text: string;
  params: unknown[];
}

export interface TaskContext { ownerId: string; schoolId: string; schoolYearId: string; cycleId: string; today: string }

/** The students, classes and teachers a task statement is about (bound as arrays: see evidence.ts). */
export interface SliceMembers { studentIds: string[]; classIds: string[]; teacherIds: string[] }

export interface TaskRow {
  routine_id: string;
  responsible_role: RoutineResponsibleRole;
  subject_kind: TaskSubjectKind;
  subject_id: string;
  teacher_id: string;
  student_id: string | null;
  basis_group_id: string | null;
  department_id: string | null;
  staff_id: string | null;
  opens_on: string;
  closes_on: string;
  done_on: string | null;
  hand_ticked: boolean;
}

/**
 * One SELECT of every task of the cycle's routines in the slice, with columns
 *   routine_id, responsible_role, subject_kind, subject_id, teacher_id, student_id, basis_group_id,
 *   department_id, staff_id, opens_on, closes_on, done_on (null: not done), hand_ticked
 * Enrolments are those current on `today`: a student who changed class has the task in the new class.
 */
export function taskSql(ctx: TaskContext, routines: RoutineRow[], slice: TaskSlice, members: SliceMembers): TaskSql {
  const { params, p } = binder();
  const o = `${p(ctx.ownerId)}::uuid`;
  const s = `${p(ctx.schoolId)}::uuid`;
  const y = `${p(ctx.schoolYearId)}::uuid`;
  const today = `${p(ctx.today)}::date`;
  const nil = `'${NIL_UUID}'::uuid`;
  const students = `${p(members.studentIds)}::uuid[]`;
  const classes = `${p(members.classIds)}::uuid[]`;
  const teachers = `${p(members.teacherIds)}::uuid[]`;
  const chosen = slice.routineIds ? routines.filter((r) => slice.routineIds!.includes(r.id)) : routines;

  // evidence: one subquery per (kind, param, subject), shared by the routines that ask for the same
  const evidenceKeys = new Map<string, string>();
  const evidenceParts: string[] = [];
  const keyOf = new Map<string, string>();
  const handIds: string[] = [];
  for (const r of chosen) {
    const subject: TaskSubjectKind = subjectKindOfScope[r.scope];
    if (isHandTicked(r.evidenceKind)) {
      keyOf.set(r.id, `h:${r.id}`);
      handIds.push(r.id);
      continue;
    }
    const k = `${r.evidenceKind}|${r.evidenceParam ?? ''}|${subject}`;
    let key = evidenceKeys.get(k);
    if (!key) {
      key = `e${evidenceKeys.size}`;
      evidenceKeys.set(k, key);
      const source = evidenceSource(r.evidenceKind);
      const inner = source.sql!({
        ownerId: ctx.ownerId, schoolId: ctx.schoolId, schoolYearId: ctx.schoolYearId, subject, param: r.evidenceParam, today: ctx.today,
        students, classes, teachers,
      }, p);
      evidenceParts.push(`select '${key}'::text as ek, x.subject_id, coalesce(x.teacher_id, ${nil}) as teacher_id, x.done_on from (${inner}) x`);
    }
    keyOf.set(r.id, key);
  }
  if (handIds.length) {
    evidenceParts.push(`select 'h:' || t.routine_id::text as ek, t.subject_id, t.teacher_id, t.ticked_on as done_on
      from routine_hand_tick t where t.owner_id = ${o} and t.routine_id = any(${p(handIds)}::uuid[])`);
  }
  if (!evidenceParts.length) evidenceParts.push(`select null::text as ek, null::uuid as subject_id, null::uuid as teacher_id, null::date as done_on where false`);
  const ids = [...keyOf.keys()];

  const filters: string[] = [];
  if (slice.basisGroupId) filters.push(`t.basis_group_id = ${p(slice.basisGroupId)}::uuid`);
  if (slice.studentId) filters.push(`t.student_id = ${p(slice.studentId)}::uuid`);
  if (slice.departmentIds) filters.push(`t.department_id = any(${p(slice.departmentIds)}::uuid[])`);
  if (slice.responsible) {
    const me = `${p(slice.responsible.staffMemberId)}::uuid`;
    filters.push(`(
      (r.responsible_role = 'contactTeacher' and t.basis_group_id in (select c.basis_group_id from contact_teacher_assignment c where c.owner_id = ${o} and c.staff_member_id = ${me}))
      or (r.responsible_role = 'subjectTeacher' and (t.staff_id = ${me} or (t.subject_kind = 'student' and exists (select 1 from tch where tch.student_id = t.student_id and tch.staff_id = ${me}))))
      or (r.responsible_role = 'departmentHead' and t.department_id = any(${p(slice.responsible.departmentIds)}::uuid[]))
      or (r.responsible_role in ('counsellor', 'principal') and r.responsible_role = any(${p(slice.responsible.roles)}::text[]))
    )`);
  }
  const current = (e: string) => `${e}.starts_on <= ${today} and (${e}.ends_on is null or ${e}.ends_on > ${today})`;
  const text = `with r as (
      select r.id, r.scope, r.level, r.programme, r.exclude_adults, r.responsible_role, r.opens_on, r.closes_on, k.ek, k.hand
      from routine r join unnest(${p(ids)}::uuid[], ${p(ids.map((id) => keyOf.get(id)!))}::text[], ${p(ids.map((id) => handIds.includes(id)))}::boolean[]) as k(id, ek, hand) on k.id = r.id
      where r.owner_id = ${o} and r.cycle_id = ${p(ctx.cycleId)}::uuid
    ),
    stu as (
      select s.id as student_id, s.level, s.programme, e.basis_group_id, coalesce(s.department_id, bg.department_id) as department_id,
        p.birth_date <= (${today} - interval '18 years')::date as adult
      from enrolment e
      join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
      join student s on s.owner_id = e.owner_id and s.id = e.student_id
      join person p on p.owner_id = s.owner_id and p.id = s.person_id
      where e.owner_id = ${o} and bg.school_id = ${s} and bg.school_year_id = ${y} and ${current('e')} and s.status = 'active'
        and s.id = any(${students})
    ),
    grp as (
      select bg.id as basis_group_id, bg.level, bg.department_id from basis_group bg
      where bg.owner_id = ${o} and bg.school_id = ${s} and bg.school_year_id = ${y} and bg.id = any(${classes})
    ),
    tch as (
      select distinct sta.staff_member_id as staff_id, e.student_id
      from subject_teacher_assignment sta
      join teaching_group tg on tg.owner_id = sta.owner_id and tg.id = sta.teaching_group_id
      join enrolment e on e.owner_id = tg.owner_id and e.teaching_group_id = tg.id
      where sta.owner_id = ${o} and tg.school_id = ${s} and tg.school_year_id = ${y} and ${current('e')}
        and e.student_id = any(${students}) and sta.staff_member_id = any(${teachers})
    ),
    tasks as (
      select r.id as routine_id, 'student'::text as subject_kind, stu.student_id as subject_id, ${nil} as teacher_id, stu.student_id,
        stu.basis_group_id, stu.department_id, null::uuid as staff_id
      from r join stu on r.scope = 'eachStudent' and (r.level is null or r.level = stu.level) and (r.programme is null or r.programme = stu.programme)
        and not (r.exclude_adults and stu.adult)
      union all
      select r.id, 'basisGroup', g.basis_group_id, ${nil}, null, g.basis_group_id, g.department_id, null
      from r join grp g on r.scope = 'eachBasisGroup' and (r.level is null or r.level = g.level)
        and (r.programme is null or exists (select 1 from stu where stu.basis_group_id = g.basis_group_id and stu.programme = r.programme))
      union all
      select r.id, 'teacher', x.staff_id, ${nil}, null, null, null, x.staff_id
      from r cross join lateral (
        select distinct tch.staff_id from tch join stu on stu.student_id = tch.student_id
        where (r.level is null or stu.level = r.level) and (r.programme is null or stu.programme = r.programme)
      ) x where r.scope = 'eachTeacher'
      union all
      select r.id, 'studentTeacher', stu.student_id, tch.staff_id, stu.student_id, stu.basis_group_id, stu.department_id, tch.staff_id
      from r join stu on r.scope = 'eachSubjectTeacherOfStudent' and (r.level is null or r.level = stu.level) and (r.programme is null or r.programme = stu.programme)
        and not (r.exclude_adults and stu.adult)
      join tch on tch.student_id = stu.student_id
    ),
    ev as materialized (${evidenceParts.join('\n      union all\n      ')})
    select t.routine_id, r.responsible_role, t.subject_kind, t.subject_id, t.teacher_id, t.student_id, t.basis_group_id, t.department_id, t.staff_id,
      r.opens_on::text as opens_on, r.closes_on::text as closes_on, min(ev.done_on)::text as done_on, r.hand as hand_ticked
    from tasks t join r on r.id = t.routine_id
    left join ev on ev.ek = r.ek and ev.subject_id = t.subject_id and ev.teacher_id = t.teacher_id and ev.done_on >= r.opens_on
    ${filters.length ? `where ${filters.join(' and ')}` : ''}
    group by t.routine_id, r.responsible_role, t.subject_kind, t.subject_id, t.teacher_id, t.student_id, t.basis_group_id, t.department_id, t.staff_id,
      r.opens_on, r.closes_on, r.hand`;
  return { text, params };
}

/**
 * The slice's students, classes and their current subject teachers, read before the task statement so that
 * it and every evidence source read only these. They only narrow: the slice's own filters still decide which
 * tasks are returned. A person responsible for school-wide routines (counsellor, principal) is not narrowed.
 */
export async function membersOf(q: QueryFn, ctx: TaskContext, slice: TaskSlice): Promise<SliceMembers> {
  const { params, p } = binder();
  const o = `${p(ctx.ownerId)}::uuid`;
  const today = `${p(ctx.today)}::date`;
  const students: string[] = [];
  const classes: string[] = [];
  if (slice.studentId) {
    const id = `${p(slice.studentId)}::uuid`;
    students.push(`s.id = ${id}`);
    classes.push(`bg.id in (select e2.basis_group_id from enrolment e2 where e2.owner_id = ${o} and e2.student_id = ${id} and e2.basis_group_id is not null)`);
  }
  if (slice.basisGroupId) {
    const id = `${p(slice.basisGroupId)}::uuid`;
    students.push(`e.basis_group_id = ${id}`);
    classes.push(`bg.id = ${id}`);
  }
  if (slice.departmentIds) {
    const ids = `${p(slice.departmentIds)}::uuid[]`;
    students.push(`coalesce(s.department_id, bg.department_id) = any(${ids})`);
    classes.push(`bg.department_id = any(${ids})`);
  }
  const me = slice.responsible;
  if (me && !me.roles.some((r) => r === 'counsellor' || r === 'principal')) {
    const staff = `${p(me.staffMemberId)}::uuid`;
    const depts = `${p(me.departmentIds)}::uuid[]`;
    const contact = `(select c.basis_group_id from contact_teacher_assignment c where c.owner_id = ${o} and c.staff_member_id = ${staff})`;
    students.push(`(e.basis_group_id in ${contact} or coalesce(s.department_id, bg.department_id) = any(${depts})
      or e.student_id in (select et.student_id from enrolment et join subject_teacher_assignment sa on sa.owner_id = et.owner_id
        and sa.teaching_group_id = et.teaching_group_id where et.owner_id = ${o} and sa.staff_member_id = ${staff}))`);
    classes.push(`(bg.id in ${contact} or bg.department_id = any(${depts}))`);
  }
  const and = (list: string[]) => list.map((c) => `and ${c}`).join(' ');
  const current = (e: string) => `${e}.starts_on <= ${today} and (${e}.ends_on is null or ${e}.ends_on > ${today})`;
  const school = `bg.owner_id = ${o} and bg.school_id = ${p(ctx.schoolId)}::uuid and bg.school_year_id = ${p(ctx.schoolYearId)}::uuid`;
  const [row] = await q<{ students: string[]; classes: string[]; teachers: string[] }>(
    `with stu as (
       select distinct s.id from enrolment e
       join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
       join student s on s.owner_id = e.owner_id and s.id = e.student_id
       where e.owner_id = ${o} and ${school} and ${current('e')} and s.status = 'active' ${and(students)}
     )
     select array(select id from stu) as students,
       array(select bg.id from basis_group bg where ${school} ${and(classes)}) as classes,
       array(select distinct sta.staff_member_id from subject_teacher_assignment sta
         join enrolment e on e.owner_id = sta.owner_id and e.teaching_group_id = sta.teaching_group_id
         where sta.owner_id = ${o} and ${current('e')} and e.student_id in (select id from stu)) as teachers`, params);
  return { studentIds: row!.students, classIds: row!.classes, teacherIds: row!.teachers };
}

/** For the rest of the transaction the planner uses hash joins instead of nested loops (see queryTasks). */
export async function disableNestedLoops(q: QueryFn): Promise<void> {
  await q('set local enable_nestloop = off');
}

/** For the rest of the transaction no JIT: a school's estimate passes jit_above_cost, and compiling took longer than running (bench/README.md). */
export async function disableJit(q: QueryFn): Promise<void> {
  await q('set local jit = off');
}

/** Up to this many students, a slice's statement reads its evidence by index (nested loops); see queryTasks. */
const NARROW_SLICE_STUDENTS = 300;

/**
 * Runs a task statement. For a school or a department the planner is told not to use nested loops: the
 * statement joins CTEs of thousands of rows whose sizes it cannot estimate, and a nested loop over them is
 * quadratic, while hash joins make it one pass over the school's data. A narrow slice (a class, a student,
 * a teacher's own) is the opposite: its evidence is best read by index, so the planner keeps nested loops
 * (the evidence is materialised once, so no loop repeats it). Measured on a 1 667-student school: a class
 * 30 ms with nested loops vs 100 ms without; a department 170 ms without vs 1.5 s with.
 */
export async function queryTasks<T = TaskRow>(database: Database, text: string, params: unknown[], members: SliceMembers): Promise<T[]> {
  const narrow = members.studentIds.length <= NARROW_SLICE_STUDENTS;
  return database.transaction(async (q) => {
    if (!narrow) await disableNestedLoops(q);
    await disableJit(q);
    return q<T>(text, params);
  });
}
