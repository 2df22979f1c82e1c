/**
 * A person's own annual-cycle tasks this week and overdue (the home page, R-30…R-33).
 *
 * The task engine (service.ts) finds the tasks the person is responsible for; that is not a decision to
 * show a student's name. Every student a task is about is still decided by the policy (`student.read`, as
 * in every other list of students), a student it denies is left out of the counts too, and the names that
 * are shown are audited in one insert, one entry per student, as the class and teaching-group lists do.
 *
 * A teacher with several classes and groups gets one line per routine (not per class): the counts across
 * them, and the students left to do, with their class. Class-level tasks stay one line per class.
 */
import type { FastifyInstance } from 'fastify';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { can } from '../../core/policy/can.js';
import { loadStudentsFacts } from '../../core/policy/facts.js';
import type { Actor, Decision } from '../../core/policy/types.js';
import type { Locale } from '../../core/i18n/locale.js';
import { addDays } from '../../core/calendar/calendar.js';
import { weekOf } from './defaults.js';
import { NIL_UUID, isHandTicked } from '../../core/evidence/sources.js';
import type { MyTasks } from './schemas.js';
import { digestPreference } from './queries/digest.js';
import { basisGroupNames, staffNames, studentNames } from './queries/names.js';
import { routinesOf, schoolYearOn, type RoutineRow } from './queries/routines.js';
import type { TaskRow } from './queries/tasks.js';
import { ensureCycle, responsibilityOf, statusOf, tasksOf } from './service.js';

/** The audit code of the names read on the home page's task list (web: accessLog/actionLabel.ts). */
export const MY_TASKS_ACTION = 'annualCycle.readMyTasks';
/** The most names one line carries; the counts are always complete. */
const PENDING_CAP = 100;

const byName = new Intl.Collator('nb');
type Allowed = Extract<Decision, { allow: true }>;
type Group = MyTasks['groups'][number];
interface Names { student: Map<string, { given_name: string; family_name: string }>; staff: Map<string, string>; group: Map<string, string> }

/** Sunday of the ISO week `day` is in: "this week" is every window opened by then. */
const sundayOf = (day: string) => addDays(day, 6 - ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));

/**
 * The policy's decision for each student the tasks are about. A task about no student (a class, a
 * teacher) needs none; a task about a student the policy denies — or who no longer exists — is dropped.
 */
async function decideStudents(app: FastifyInstance, actor: Actor, rows: TaskRow[], today: string): Promise<{ visible: TaskRow[]; decisions: Map<string, Allowed> }> {
  const ids = [...new Set(rows.flatMap((t) => (t.student_id ? [t.student_id] : [])))];
  const facts = await loadStudentsFacts(app.database, actor.ownerId, ids, today);
  const decisions = new Map<string, Allowed>();
  for (const s of facts.values()) {
    const d = can(actor, 'student.read', { type: 'student', student: s }, today);
    if (d.allow) decisions.set(s.studentId, d);
  }
  return { visible: rows.filter((t) => !t.student_id || decisions.has(t.student_id)), decisions };
}

/** Names of the students, staff members and classes a task list shows (one query each). */
export async function namesOf(app: FastifyInstance, ownerId: string, studentIds: string[], staffIds: string[], groupIds: string[]): Promise<Names> {
  const q = app.database.query;
  const [students, staff, groups] = await Promise.all([
    studentNames(q, ownerId, studentIds), staffNames(q, ownerId, staffIds), basisGroupNames(q, ownerId, groupIds),
  ]);
  return {
    student: new Map(students.map((s) => [s.id, s])),
    staff: new Map(staff.map((s) => [s.id, `${s.given_name} ${s.family_name}`])),
    group: new Map(groups.map((g) => [g.id, g.name])),
  };
}

/** Class-level tasks keep one line per class; a routine's tasks about students or teachers share one line. */
const lineKey = (t: TaskRow) => (t.subject_kind === 'basisGroup' ? `${t.routine_id}|${t.basis_group_id}` : t.routine_id);

function pendingOf(tasks: TaskRow[], names: Names, today: string) {
  return tasks.filter((t) => !t.done_on).map((t) => {
    const student = t.student_id ? names.student.get(t.student_id) : undefined;
    const className = t.student_id && t.basis_group_id ? names.group.get(t.basis_group_id) ?? '' : '';
    return {
      subjectId: t.subject_id, teacherId: t.teacher_id === NIL_UUID ? null : t.teacher_id,
      name: student ? `${student.given_name} ${student.family_name}` : t.subject_kind === 'basisGroup' ? names.group.get(t.subject_id) ?? '' : names.staff.get(t.subject_id) ?? '',
      detail: t.student_id ? className : null, status: statusOf(t, today), doneOn: null, tickedBy: null,
      // a long list reads class by class
      sortKey: [className, student?.family_name ?? '', student?.given_name ?? ''],
    };
  }).sort((a, b) => a.sortKey.reduce((c, k, i) => c || byName.compare(k, b.sortKey[i]!), 0) || byName.compare(a.name, b.name))
    .map(({ sortKey: _s, ...x }) => x);
}

function lineOf(routine: RoutineRow, tasks: TaskRow[], names: Names, locale: Locale, today: string): Group {
  const classLevel = tasks[0]!.subject_kind === 'basisGroup';
  const groupIds = [...new Set(tasks.flatMap((t) => (t.basis_group_id ? [t.basis_group_id] : [])))];
  const classes = groupIds.map((id) => ({ id, name: names.group.get(id) ?? '' })).sort((a, b) => byName.compare(a.name, b.name));
  return {
    routineId: routine.id, title: locale === 'nn' ? routine.titleNn : routine.titleNb, description: locale === 'nn' ? routine.descriptionNn : routine.descriptionNb,
    scope: routine.scope, opensOn: routine.opensOn, closesOn: routine.closesOn, weeks: { from: weekOf(routine.opensOn), to: weekOf(routine.closesOn) },
    evidenceKind: routine.evidenceKind, evidenceParam: routine.evidenceParam, handTicked: isHandTicked(routine.evidenceKind),
    basisGroup: classLevel ? classes[0] ?? null : null,
    basisGroups: classes,
    total: tasks.length, done: tasks.filter((t) => t.done_on).length, overdue: tasks.filter((t) => statusOf(t, today) === 'overdue').length,
    pending: pendingOf(tasks, names, today).slice(0, PENDING_CAP),
  };
}

/** Overdue routines first, the longest overdue first; then this week's by when they close. */
const overdueFirst = (a: Group, b: Group) => Number(b.overdue > 0) - Number(a.overdue > 0) || a.closesOn.localeCompare(b.closesOn)
  || byName.compare(a.title, b.title) || byName.compare(a.basisGroup?.name ?? '', b.basisGroup?.name ?? '');

/** The person's tasks this week and overdue; staff only (everyone else has none). Audits the student names it returns. */
export async function myTasks(app: FastifyInstance, actor: Actor, locale: Locale, today: string): Promise<MyTasks> {
  const q = app.database.query;
  const base = { today, week: weekOf(today), weeklyDigest: await digestPreference(q, actor.ownerId, actor.personId) ?? true };
  const staff = actor.staff[0];
  const year = staff ? await schoolYearOn(q, actor.ownerId, today) : null;
  if (!staff || !year) return { ...base, groups: [] };
  const cycle = await ensureCycle(app.database, actor.ownerId, staff.schoolId, year.id, null);
  const sunday = sundayOf(today);
  const due = (await routinesOf(q, actor.ownerId, cycle.id)).filter((x) => x.opensOn <= sunday);
  if (!due.length) return { ...base, groups: [] };
  const tasks = await tasksOf(app.database, { ownerId: actor.ownerId, schoolId: staff.schoolId, schoolYearId: year.id, cycleId: cycle.id, today }, due,
    { responsible: responsibilityOf(actor, staff.schoolId)! });
  const { visible, decisions } = await decideStudents(app, actor, tasks, today);

  const lines = new Map<string, TaskRow[]>();
  for (const t of visible) lines.set(lineKey(t), [...(lines.get(lineKey(t)) ?? []), t]);
  const pendingRows = visible.filter((t) => !t.done_on);
  const names = await namesOf(app, actor.ownerId, [...new Set(pendingRows.flatMap((t) => (t.student_id ? [t.student_id] : [])))],
    [...new Set(pendingRows.flatMap((t) => (t.subject_kind === 'teacher' ? [t.subject_id] : [])))], [...new Set(visible.flatMap((t) => (t.basis_group_id ? [t.basis_group_id] : [])))]);
  const byId = new Map(due.map((x) => [x.id, x]));
  const groups = [...lines.values()].map((tasks) => lineOf(byId.get(tasks[0]!.routine_id)!, tasks, names, locale, today))
    .filter((g) => g.pending.length > 0).sort(overdueFirst);

  // the names the answer carries are on record before it leaves
  const shown = new Set(groups.filter((g) => g.scope === 'eachStudent' || g.scope === 'eachSubjectTeacherOfStudent').flatMap((g) => g.pending.map((p) => p.subjectId)));
  await writeAudit(app.database, [...shown].map((id) => studentEntry(actor, MY_TASKS_ACTION, id, decisions.get(id)!.reason)));
  return { ...base, groups };
}
