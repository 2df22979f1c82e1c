/**
 * Absence by teaching group: the subject teacher's register for a lesson (the whole group on one
 * screen, everyone present unless marked), the subject teacher's view of their subject, and the
 * teacher's own lessons of a day. Every student of a group is decided on its own, and each read is audited.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { accessOf, requireActor } from '../../core/http/access.js';
import { badField } from '../../core/http/errors.js';
import { can } from '../../core/policy/can.js';
import { hours, yearContext } from './context.js';
import { auditStudents, groupStudents, type Named } from './groupStudents.js';
import {
  absentCountsByLesson, groupTimetable, lessonGroup, subjectLimitDecisions, teachingGroupSubject, teachingGroupSubjectName,
} from './queries/groups.js';
import { lessonsOn, storedRows, type Change } from './queries/registration.js';
import { subjectStats } from './queries/stats.js';
import { percentOf, subjectStatus } from './rules.js';
import {
  groupAbsenceSchema, myLessonsQuery, myLessonsSchema, registerBody, registerQuery, registerSchema, teachingGroupParams as teachingParams, type Register,
} from './schemas.js';
import { applyChanges, assertSchoolDay, notifyGuardians } from './service.js';

const tags = ['absence'];

async function register(app: FastifyInstance, req: FastifyRequest, dayArg: string | undefined, lessonArg: string | undefined): Promise<{ view: Register; students: Named[] }> {
  const q = app.database.query;
  const actor = requireActor(req);
  const g = req.teachingGroup!;
  const day = dayArg ?? req.today;
  const ctx = await yearContext(q, actor.ownerId, req.today);
  const kind = ctx.calendar.kindOf(day);
  const timetable = await groupTimetable(q, actor.ownerId, g.teachingGroupId, day);
  const lessons = kind === 'schoolDay' ? await lessonsOn(q, actor.ownerId, [g.teachingGroupId], day) : [];
  const lesson = lessons.find((l) => l.id === lessonArg) ?? lessons[0] ?? null;
  const students = await groupStudents(app, actor, { kind: 'teaching', id: g.teachingGroupId }, day, req.today);
  const stored = lesson ? await storedRows(q, actor.ownerId, students.map((s) => s.facts.studentId), [day]) : [];
  const mine = new Map(stored.filter((r) => r.lessonId === lesson?.id).map((r) => [r.studentId, r]));
  const subject = await teachingGroupSubjectName(q, actor.ownerId, g.teachingGroupId);
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

export async function teachingGroupAbsenceRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/teaching-groups/:teachingGroupId/register', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.registerAbsence' } },
    schema: { tags, summary: "A lesson's register: the group's students, present unless marked absent or late", params: teachingParams, querystring: registerQuery, response: { 200: registerSchema } },
  }, async (req) => {
    const { view, students } = await register(app, req, req.query.day, req.query.lessonId);
    await auditStudents(app, requireActor(req), 'teachingGroup.registerAbsence', students, req.today, { type: 'teachingGroup', id: req.teachingGroup!.teachingGroupId });
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
    const owner = await lessonGroup(q, actor.ownerId, b.lessonId);
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
    const subject = await teachingGroupSubject(q, actor.ownerId, g.teachingGroupId);
    const decisions = await subjectLimitDecisions(q, actor.ownerId, subject!.id, ctx.year.id, students.map((s) => s.facts.studentId));
    await auditStudents(app, actor, 'teachingGroup.readAbsence', students, req.today, { type: 'teachingGroup', id: g.teachingGroupId });
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
    const counts = lessons.length ? await absentCountsByLesson(q, actor.ownerId, day, lessons.map((l) => l.id)) : [];
    return {
      day, dayKind: kind, holidayName: year?.calendar.holidayName(day) ?? null,
      lessons: lessons.map((l) => {
        const g = groups.find((x) => x.id === l.teachingGroupId)!;
        return { lessonId: l.id, teachingGroupId: g.id, groupName: g.name, subjectCode: g.subjectCode, startsAt: l.startsAt.slice(0, 5), minutes: l.minutes, absentCount: counts.find((c) => c.lesson_id === l.id)?.n ?? 0 };
      }),
    };
  });
}
