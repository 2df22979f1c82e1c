/**
 * Absence seen by group: the subject teacher's register for a lesson (the whole group on
 * one screen, everyone present unless marked), the subject teacher's view of their subject, and the
 * contact teacher's class overview with emerging-absence signals and the weekly check.
 * Every student of a group is still decided on its own with can(), and each read is audited.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { accessOf, requireActor } from '../../core/http/access.js';
import { badField } from '../../core/http/errors.js';
import { can } from '../../core/policy/can.js';
import { loadGroupStudents } from '../../core/policy/facts.js';
import type { Actor, StudentFacts } from '../../core/policy/types.js';
import { addDays, isoWeek, mondayOfIsoWeek, weekStart } from '../../core/calendar/calendar.js';
import { hours, loadRules, yearContext } from './context.js';
import {
  emergingSignals, followedUp, isAbsence, percentOf, subjectStatus,
} from './rules.js';
import {
  checkBody, checkParams, classAbsenceSchema, groupAbsenceSchema, myLessonsQuery, myLessonsSchema, registerBody, registerQuery,
  registerSchema, weekQuery, weekSchema, type Register,
} from './schemas.js';
import { applyChanges, assertSchoolDay, lessonsOn, notifyGuardians, storedRows, type Change } from './service.js';
import { absenceRows, subjectStats } from './stats.js';

const tags = ['absence'];
const byName = new Intl.Collator('nb');
const teachingParams = z.object({ teachingGroupId: z.uuid() });
const basisParams = z.object({ basisGroupId: z.uuid() });

interface Named { facts: StudentFacts; givenName: string; familyName: string }

function groupBy<T>(list: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) {
    const k = key(x);
    const l = out.get(k);
    if (l) l.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/** The group's students today that the actor may read, sorted by name. */
async function groupStudents(app: FastifyInstance, actor: Actor, group: { kind: 'basis' | 'teaching'; id: string }, day: string, today: string): Promise<Named[]> {
  const rows = await loadGroupStudents(app.database, actor.ownerId, group, day, { columns: ', p.given_name, p.family_name', params: [] });
  return rows
    .filter(({ facts }) => can(actor, 'absence.read', { type: 'student', student: facts }, today).allow)
    .map(({ facts, row }) => ({ facts, givenName: row.given_name as string, familyName: row.family_name as string }))
    .sort((a, b) => byName.compare(a.familyName, b.familyName) || byName.compare(a.givenName, b.givenName));
}

async function audit(app: FastifyInstance, actor: Actor, action: string, students: readonly Named[], today: string, resource: { type: string; id: string }) {
  const entries = students.flatMap(({ facts }) => {
    const d = can(actor, 'absence.read', { type: 'student', student: facts }, today);
    return d.allow ? [studentEntry(actor, action, facts.studentId, d.reason, { resourceType: resource.type, resourceId: resource.id })] : [];
  });
  await writeAudit(app.database, entries);
}


async function register(app: FastifyInstance, req: FastifyRequest, dayArg: string | undefined, lessonArg: string | undefined): Promise<{ view: Register; students: Named[] }> {
  const q = app.database.query;
  const actor = requireActor(req);
  const g = req.teachingGroup!;
  const day = dayArg ?? req.today;
  const ctx = await yearContext(q, actor.ownerId, req.today);
  const kind = ctx.calendar.kindOf(day);
  const timetable = await q<{ id: string; weekday: number; starts_at: string; minutes: number }>(
    `select id, weekday, starts_at::text as starts_at, minutes from lesson where owner_id = $1 and teaching_group_id = $2
       and starts_on <= $3::date and (ends_on is null or ends_on > $3::date) order by weekday, starts_at`,
    [actor.ownerId, g.teachingGroupId, day],
  );
  const lessons = kind === 'schoolDay' ? await lessonsOn(q, actor.ownerId, [g.teachingGroupId], day) : [];
  const lesson = lessons.find((l) => l.id === lessonArg) ?? lessons[0] ?? null;
  const students = await groupStudents(app, actor, { kind: 'teaching', id: g.teachingGroupId }, day, req.today);
  const stored = lesson ? await storedRows(q, actor.ownerId, students.map((s) => s.facts.studentId), [day]) : [];
  const mine = new Map(stored.filter((r) => r.lessonId === lesson?.id).map((r) => [r.studentId, r]));
  const [subject] = await q<{ name: string }>('select su.name from teaching_group tg join subject su on su.owner_id = tg.owner_id and su.id = tg.subject_id where tg.owner_id = $1 and tg.id = $2', [actor.ownerId, g.teachingGroupId]);
  const view: Register = {
    access: accessOf(req),
    group: { id: g.teachingGroupId, name: g.name, subjectCode: g.subjectCode, subjectName: subject?.name ?? g.subjectName },
    day,
    dayKind: kind,
    holidayName: ctx.calendar.holidayName(day),
    timetable: timetable.map((l) => ({ id: l.id, weekday: Number(l.weekday), startsAt: l.starts_at.slice(0, 5), minutes: Number(l.minutes) })),
    lessons: lessons.map((l) => ({ id: l.id, startsAt: l.startsAt.slice(0, 5), minutes: l.minutes })),
    lesson: lesson ? { id: lesson.id, startsAt: lesson.startsAt.slice(0, 5), minutes: lesson.minutes } : null,
    canRegister: lesson !== null && day <= req.today && can(actor, 'teachingGroup.registerAbsence', { type: 'teachingGroup', group: g }, req.today).allow,
    students: students.map((s) => {
      const row = mine.get(s.facts.studentId);
      return {
        studentId: s.facts.studentId, givenName: s.givenName, familyName: s.familyName,
        status: !row ? ('present' as const) : row.late ? ('late' as const) : ('absent' as const),
        lateMinutes: row?.late ? row.minutes : null, fullDay: row?.fullDay ?? false, reason: row?.reason ?? null,
      };
    }),
  };
  return { view, students };
}

export async function groupAbsenceRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/teaching-groups/:teachingGroupId/register', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.registerAbsence' } },
    schema: { tags, summary: "A lesson's register: the group's students, present unless marked absent or late", params: teachingParams, querystring: registerQuery, response: { 200: registerSchema } },
  }, async (req) => {
    const { view, students } = await register(app, req, req.query.day, req.query.lessonId);
    await audit(app, requireActor(req), 'teachingGroup.registerAbsence', students, req.today, { type: 'teachingGroup', id: req.teachingGroup!.teachingGroupId });
    return view;
  });

  r.put('/api/teaching-groups/:teachingGroupId/register', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.registerAbsence' } },
    schema: { tags, summary: "Save a lesson's register: absent and late students; students not listed stay as they are", params: teachingParams, body: registerBody, response: { 200: registerSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const g = req.teachingGroup!;
    const b = req.body;
    const ctx = await yearContext(q, actor.ownerId, req.today);
    assertSchoolDay(ctx.calendar, b.day, req.today, 'day');
    const [owner] = await q<{ teaching_group_id: string }>('select teaching_group_id from lesson where owner_id = $1 and id = $2', [actor.ownerId, b.lessonId]);
    if (!owner || owner.teaching_group_id !== g.teachingGroupId) throw badField('lessonId', 'absence.lessonNotInGroup');
    const lesson = (await lessonsOn(q, actor.ownerId, [g.teachingGroupId], b.day)).find((l) => l.id === b.lessonId);
    if (!lesson) throw badField('lessonId', 'absence.noLessonThatDay', { day: b.day });
    const students = await groupStudents(app, actor, { kind: 'teaching', id: g.teachingGroupId }, b.day, req.today);
    const inGroup = new Map(students.map((s) => [s.facts.studentId, s]));
    const seen = new Set<string>();
    b.students.forEach((e, i) => {
      if (!inGroup.has(e.studentId)) throw badField(`students.${i}.studentId`, 'absence.notInGroup', { day: b.day });
      if (seen.has(e.studentId)) throw badField(`students.${i}.studentId`, 'absence.duplicateStudent');
      seen.add(e.studentId);
      if (e.status === 'late' && e.lateMinutes === undefined) throw badField(`students.${i}.lateMinutes`, 'absence.lateMinutesRequired');
      if (e.status === 'late' && e.lateMinutes! >= lesson.minutes) throw badField(`students.${i}.lateMinutes`, 'absence.lateTooLong', { minutes: lesson.minutes });
    });
    const stored = await storedRows(q, actor.ownerId, b.students.map((e) => e.studentId), [b.day]);
    const changes: Change[] = [];
    for (const e of b.students) {
      const old = stored.find((x) => x.studentId === e.studentId && x.lessonId === lesson.id);
      const sameDay = stored.filter((x) => x.studentId === e.studentId && x.lessonId !== lesson.id);
      const wasFullDay = old?.fullDay ?? false;
      const keep = { reason: old?.reason ?? ('undocumented' as const), documentedOn: old?.documentedOn ?? null };
      if (e.status === 'present') {
        if (old) changes.push({ studentId: e.studentId, day: b.day, lessonId: lesson.id, row: null });
      } else if (e.status === 'absent') {
        changes.push({ studentId: e.studentId, day: b.day, lessonId: lesson.id, row: { minutes: lesson.minutes, late: false, fullDay: wasFullDay, ...keep } });
      } else {
        changes.push({ studentId: e.studentId, day: b.day, lessonId: lesson.id, row: { minutes: e.lateMinutes!, late: true, fullDay: false, ...keep } });
      }
      // a student who came to one of the day's lessons was not away the full day: the rest become single lessons
      if (wasFullDay && e.status !== 'absent') {
        for (const x of sameDay.filter((y) => y.fullDay)) changes.push({ studentId: x.studentId, day: x.day, lessonId: x.lessonId, row: { ...x, fullDay: false } });
      }
    }
    await app.database.transaction(async (tx) => {
      const { newAbsenceDays } = await applyChanges(tx, actor.ownerId, actor.personId, changes);
      const told = new Set(newAbsenceDays.map((d) => d.studentId));
      if (told.size) await notifyGuardians(tx, students.filter((s) => told.has(s.facts.studentId)).map((s) => s.facts), req.today);
    });
    await writeAudit(app.database, b.students.map((e) => studentEntry(actor, 'teachingGroup.registerAbsence', e.studentId, req.decision!.allow ? req.decision!.reason : { code: 'noRelationship', params: {} },
      { resourceType: 'teachingGroup', resourceId: g.teachingGroupId })));
    return (await register(app, req, b.day, b.lessonId)).view;
  });

  r.get('/api/teaching-groups/:teachingGroupId/absence', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.readAbsence' } },
    schema: { tags, summary: "The group's absence in its subject, per student (across a mid-year group change)", params: teachingParams, response: { 200: groupAbsenceSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const g = req.teachingGroup!;
    const ctx = await yearContext(q, actor.ownerId, req.today);
    const students = await groupStudents(app, actor, { kind: 'teaching', id: g.teachingGroupId }, req.today, req.today);
    const stats = await subjectStats(q, actor.ownerId, ctx.calendar, req.today, students.map((s) => s.facts.studentId));
    const [subject] = await q<{ id: string; name: string }>('select su.id, su.name from teaching_group tg join subject su on su.owner_id = tg.owner_id and su.id = tg.subject_id where tg.owner_id = $1 and tg.id = $2', [actor.ownerId, g.teachingGroupId]);
    const decisions = await q<{ student_id: string; granted: boolean; limit_percent: number | null }>(
      `select distinct on (student_id) student_id, granted, limit_percent from absence_limit_decision
       where owner_id = $1 and subject_id = $2 and school_year_id = $3 and student_id = any($4::uuid[]) order by student_id, decided_at desc`,
      [actor.ownerId, subject!.id, ctx.year.id, students.map((s) => s.facts.studentId)],
    );
    await audit(app, actor, 'teachingGroup.readAbsence', students, req.today, { type: 'teachingGroup', id: g.teachingGroupId });
    return {
      access: accessOf(req),
      group: { id: g.teachingGroupId, name: g.name, subjectCode: g.subjectCode, subjectName: subject?.name ?? g.subjectName },
      students: students.map((s) => {
        const x = stats.find((y) => y.studentId === s.facts.studentId && y.subjectId === subject!.id);
        const d = decisions.find((y) => y.student_id === s.facts.studentId);
        const m = x ?? { plannedMinutes: 0, heldMinutes: 0, absenceMinutes: 0, countingMinutes: 0, selfCertifiedMinutes: 0, lateCount: 0 };
        return {
          studentId: s.facts.studentId, givenName: s.givenName, familyName: s.familyName,
          plannedHours: hours(m.plannedMinutes), heldHours: hours(m.heldMinutes), absenceHours: hours(m.absenceMinutes),
          percent: percentOf(m.countingMinutes, m.plannedMinutes),
          status: subjectStatus(m, d ? { granted: d.granted, limitPercent: d.limit_percent } : null), lateCount: m.lateCount,
        };
      }),
    };
  });

  r.get('/api/me/lessons', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: "The caller's own lessons on a day (the teaching groups they teach), with how many are registered absent", querystring: myLessonsQuery, response: { 200: myLessonsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const day = req.query.day ?? req.today;
    const groups = actor.subjectTeacherOf;
    const year = await yearContext(q, actor.ownerId, req.today).catch(() => null);
    const kind = year ? year.calendar.kindOf(day) : 'outsideSchoolYear';
    const lessons = kind === 'schoolDay' ? await lessonsOn(q, actor.ownerId, groups.map((g) => g.id), day) : [];
    const counts = lessons.length ? await q<{ lesson_id: string; n: number }>(
      'select lesson_id, count(*)::int as n from absence where owner_id = $1 and day = $2::date and lesson_id = any($3::uuid[]) group by lesson_id',
      [actor.ownerId, day, lessons.map((l) => l.id)]) : [];
    return {
      day, dayKind: kind, holidayName: year?.calendar.holidayName(day) ?? null,
      lessons: lessons.map((l) => {
        const g = groups.find((x) => x.id === l.teachingGroupId)!;
        return { lessonId: l.id, teachingGroupId: g.id, groupName: g.name, subjectCode: g.subjectCode, startsAt: l.startsAt.slice(0, 5), minutes: l.minutes, absentCount: counts.find((c) => c.lesson_id === l.id)?.n ?? 0 };
      }),
    };
  });

  r.get('/api/basis-groups/:basisGroupId/absence', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.readAbsence' } },
    schema: { tags, summary: "The class's absence: each student's highest subject percentage, emerging-absence signals and whether they were followed up", params: basisParams, response: { 200: classAbsenceSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const group = req.group!;
    const ctx = await yearContext(q, actor.ownerId, req.today);
    const students = await groupStudents(app, actor, { kind: 'basis', id: group.basisGroupId }, req.today, req.today);
    const ids = students.map((s) => s.facts.studentId);
    const [stats, rows, rules, followUps] = await Promise.all([
      subjectStats(q, actor.ownerId, ctx.calendar, req.today, ids),
      absenceRows(q, actor.ownerId, ids, ctx.year.startsOn, req.today),
      loadRules(q, actor.ownerId, group.schoolId),
      q<{ student_id: string; last_on: string | null }>(
        `select s.id as student_id, greatest(
           (select max(c.occurred_on) from contact_log_entry c where c.owner_id = $1 and c.student_id = s.id
              and (c.visibility in ('staff', 'contactTeacherAndLeaders') or c.author_person_id = $3)),
           (select max((cv.held_at at time zone 'Europe/Oslo')::date) from conversation cv where cv.owner_id = $1 and cv.student_id = s.id
              and cv.cancelled_at is null and cv.held_at is not null)
         )::text as last_on
         from student s where s.owner_id = $1 and s.id = any($2::uuid[])`,
        [actor.ownerId, ids, actor.personId]),
    ]);
    const codeOf = new Map(stats.map((x) => [x.subjectId, x.subjectCode]));
    // by student once: a class has a year's rows (thousands), and filtering them per student was quadratic
    const statsOf = groupBy(stats, (x) => x.studentId);
    const rowsOf = groupBy(rows, (x) => x.studentId);
    const followUpOf = new Map(followUps.map((f) => [f.student_id, f.last_on]));
    await audit(app, actor, 'basisGroup.readAbsence', students, req.today, { type: 'basisGroup', id: group.basisGroupId });
    return {
      access: accessOf(req),
      group: { id: group.basisGroupId, name: group.name },
      today: req.today,
      rules,
      students: students.map((s) => {
        const mine = statsOf.get(s.facts.studentId) ?? [];
        const myRows = rowsOf.get(s.facts.studentId) ?? [];
        const absence = myRows.filter(isAbsence);
        const last = followUpOf.get(s.facts.studentId) ?? null;
        const signals = emergingSignals(myRows, mine.map((x) => ({ subjectId: x.subjectId, heldMinutes: x.heldMinutes })), ctx.calendar, req.today, rules)
          .map((sig) => ({ kind: sig.kind, raisedOn: sig.raisedOn, subjectCode: sig.subjectId ? codeOf.get(sig.subjectId) ?? null : null, weekday: sig.weekday, value: sig.value, followedUp: followedUp(sig, last) }));
        const ranked = mine.map((x) => ({ x, percent: percentOf(x.countingMinutes, x.plannedMinutes), status: subjectStatus(x, null) }))
          .sort((a, b) => b.percent - a.percent);
        const top = ranked[0];
        return {
          studentId: s.facts.studentId, givenName: s.givenName, familyName: s.familyName,
          absenceHours: hours(absence.reduce((m, x) => m + x.minutes, 0)),
          fullDays: new Set(absence.filter((x) => x.fullDay).map((x) => x.day)).size,
          lateCount: absence.filter((x) => x.late).length,
          highest: top && top.percent > 0 ? { subjectCode: top.x.subjectCode, subjectName: top.x.subjectName, percent: top.percent, status: top.status } : null,
          subjectsOverLimit: ranked.filter((x) => x.status === 'overLimit').length,
          subjectsNearLimit: ranked.filter((x) => x.status === 'nearLimit').length,
          signals,
          lastFollowUpOn: last,
          needsFollowUp: signals.some((x) => !x.followedUp),
        };
      }),
    };
  });

  r.get('/api/basis-groups/:basisGroupId/absence/week', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.checkAbsence' } },
    schema: { tags, summary: "The class hour's weekly check (R-20): each student's undocumented absence this week, and whether it was checked", params: basisParams, querystring: weekQuery, response: { 200: weekSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const group = req.group!;
    let monday = weekStart(req.today);
    if (req.query.week) {
      const [y, w] = req.query.week.split('-W').map(Number) as [number, number];
      if (w < 1 || w > 53) throw badField('week', 'absence.badWeek');
      monday = mondayOfIsoWeek(y, w);
    }
    const sunday = addDays(monday, 6);
    const ctx = await yearContext(q, actor.ownerId, req.today);
    const students = await groupStudents(app, actor, { kind: 'basis', id: group.basisGroupId }, monday > req.today ? req.today : sunday < req.today ? sunday : req.today, req.today);
    const ids = students.map((s) => s.facts.studentId);
    const [rows, checks] = await Promise.all([
      absenceRows(q, actor.ownerId, ids, monday, sunday),
      q<{ student_id: string; at: string; by: string }>(
        `select w.student_id, w.checked_at as at, p.given_name || ' ' || p.family_name as by from weekly_check w
         join person p on p.owner_id = w.owner_id and p.id = w.checked_by_person_id
         where w.owner_id = $1 and w.week_start = $2::date and w.student_id = any($3::uuid[])`,
        [actor.ownerId, monday, ids]),
    ]);
    await audit(app, actor, 'basisGroup.checkAbsence', students, req.today, { type: 'basisGroup', id: group.basisGroupId });
    const week = (d: string) => { const w = isoWeek(d); return `${w.year}-W${String(w.week).padStart(2, '0')}`; };
    const next = addDays(monday, 7);
    return {
      access: accessOf(req),
      group: { id: group.basisGroupId, name: group.name },
      week: week(monday), weekStart: monday, weekEnd: sunday,
      previousWeek: week(addDays(monday, -7)), nextWeek: next <= req.today ? week(next) : null,
      schoolDays: ctx.calendar.schoolDaysBetween(monday, sunday),
      students: students.map((s) => {
        const undocumented = rows.filter((x) => x.studentId === s.facts.studentId && isAbsence(x) && x.documentedOn === null);
        const c = checks.find((x) => x.student_id === s.facts.studentId);
        return {
          studentId: s.facts.studentId, givenName: s.givenName, familyName: s.familyName,
          undocumentedMinutes: undocumented.reduce((m, x) => m + x.minutes, 0),
          lateCount: undocumented.filter((x) => x.late).length,
          items: undocumented.map((x) => ({ day: x.day, startsAt: x.startsAt.slice(0, 5), subjectCode: x.subjectCode, minutes: x.minutes, late: x.late, fullDay: x.fullDay })),
          checked: c ? { at: new Date(c.at).toISOString(), by: c.by } : null,
        };
      }),
    };
  });

  r.put('/api/basis-groups/:basisGroupId/absence/week/:weekStart/students/:studentId', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.checkAbsence' } },
    schema: { tags, summary: 'Mark one student\'s absence as checked (or not) for the week', params: checkParams, body: checkBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const { weekStart: monday, studentId } = req.params;
    if (weekStart(monday) !== monday) throw badField('weekStart', 'absence.badWeek');
    const students = await groupStudents(app, actor, { kind: 'basis', id: req.group!.basisGroupId }, monday > req.today ? req.today : monday, req.today);
    const student = students.find((s) => s.facts.studentId === studentId);
    if (!student) throw badField('studentId', 'absence.studentNotInClass');
    if (req.body.checked) {
      await q(
        `insert into weekly_check (owner_id, student_id, week_start, checked_by_person_id) values ($1, $2, $3, $4)
         on conflict (owner_id, student_id, week_start) do update set checked_by_person_id = excluded.checked_by_person_id, checked_at = now()`,
        [actor.ownerId, studentId, monday, actor.personId]);
    } else {
      await q('delete from weekly_check where owner_id = $1 and student_id = $2 and week_start = $3::date', [actor.ownerId, studentId, monday]);
    }
    await writeAudit(app.database, [studentEntry(actor, 'basisGroup.checkAbsence', studentId, req.decision!.allow ? req.decision!.reason : { code: 'noRelationship', params: {} }, { resourceType: 'basisGroup', resourceId: req.group!.basisGroupId })]);
    return reply.status(204).send(null);
  });
}
