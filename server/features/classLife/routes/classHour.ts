/** The class hour: the week's agenda with live data, the notes of the hours held, the year's topic plan, and the class's cases. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addDays, weekStart } from '../../../core/calendar/calendar.js';
import { accessOf, requireActor } from '../../../core/http/access.js';
import { HttpError, badField } from '../../../core/http/errors.js';
import {
  absenceThisWeek, chooseTopic, chosenTopicOfWeek, chosenTopics, classHourCases, classHoursBetween, insertClassHourCase, saveClassHour,
  unchooseTopic, updateClassHourCase, type CaseFields,
} from '../queries/classHour.js';
import { classMembers } from '../queries/members.js';
import {
  agendaQuery, agendaSchema, basisParams, caseBody, caseParams, classHourBody, dayParams, standingItems, topicBody, topicPlanSchema, weekParams, type Agenda,
} from '../schemas.js';
import { isoWeekLabel, schoolYearSpan, schoolYearWeeks, suggestedTopic, upcomingForClass, weekNumber } from '../service.js';
import { MANAGE, READ, created, groupOf, iso, tags, who } from './common.js';

function checkCase(b: z.infer<typeof caseBody>, today: string) {
  if (b.decision && !b.decidedOn) throw badField('decidedOn', 'classLife.decisionNeedsDate');
  if (!b.decision && b.decidedOn) throw badField('decision', 'classLife.dateNeedsDecision');
  if (b.decidedOn && b.decidedOn > today) throw badField('decidedOn', 'classLife.inFuture', { today });
}

/** What is stored of a case: a decision only with its date. */
const caseFields = (b: z.infer<typeof caseBody>): CaseFields =>
  ({ title: b.title, background: b.background, decision: b.decision || null, decidedOn: b.decision ? b.decidedOn : null });

export async function classHourRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  async function agenda(req: FastifyRequest, monday: string): Promise<Agenda> {
    const w = who(req);
    const { actor, group } = w;
    const staff = !w.isStudent;
    const span = await schoolYearSpan(q, actor.ownerId, req.today);
    const members = await classMembers(q, actor.ownerId, group.basisGroupId, req.today);
    const ids = members.map((m) => m.studentId);
    const [absence, upcoming, chosen, hours, cases] = await Promise.all([
      staff ? absenceThisWeek(q, actor.ownerId, ids, monday) : Promise.resolve(null),
      upcomingForClass(app.database, actor.ownerId, group.basisGroupId, monday, addDays(monday, 20)),
      chosenTopicOfWeek(q, actor.ownerId, group.basisGroupId, monday),
      classHoursBetween(q, actor.ownerId, group.basisGroupId, span.startsOn, span.endsOn),
      staff ? classHourCases(q, actor.ownerId, group.basisGroupId) : Promise.resolve([]),
    ]);
    const suggested = suggestedTopic(span.startsOn, monday);
    return {
      access: accessOf(req),
      group: groupOf(req),
      today: req.today,
      canManage: w.canManage,
      week: { start: monday, end: addDays(monday, 6), number: weekNumber(monday), previous: addDays(monday, -7), next: addDays(monday, 7) },
      standingItems: [...standingItems],
      absence: absence && { studentsWithUndocumented: absence.withUndocumented, studentsChecked: absence.checked, students: ids.length, isoWeek: isoWeekLabel(monday) },
      upcoming: upcoming.filter((u) => u.date <= addDays(monday, 20)),
      topic: { topic: chosen[0]?.topic ?? suggested, suggested, chosen: chosen.length > 0 },
      classHours: hours.map((h) => ({
        heldOn: h.held_on, topic: h.topic, notes: staff || h.notes_shared ? h.notes : null, notesShared: h.notes_shared, updatedBy: h.updated_by, updatedAt: iso(h.updated_at),
      })),
      cases: cases.map((c) => ({ id: c.id, title: c.title, background: c.background, decision: c.decision, decidedOn: c.decided_on, preparedBy: c.prepared_by, createdAt: iso(c.created_at) })),
    };
  }

  r.get('/api/basis-groups/:basisGroupId/class-hour', {
    config: { access: READ },
    schema: { tags, summary: "The class hour's agenda for a week: standing items, this week's absence check, the next two weeks' tests and events, the week's topic, notes and cases", params: basisParams, querystring: agendaQuery, response: { 200: agendaSchema } },
  }, async (req) => {
    const monday = req.query.week ?? weekStart(req.today);
    if (weekStart(monday) !== monday) throw badField('week', 'classLife.notMonday');
    return agenda(req, monday);
  });

  r.put('/api/basis-groups/:basisGroupId/class-hour/:heldOn', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Save the notes (and topic) of the class hour held on a day; shared notes are read by the class', params: dayParams, body: classHourBody, response: { 200: agendaSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const span = await schoolYearSpan(q, actor.ownerId, req.today);
    const day = req.params.heldOn;
    if (day < span.startsOn || day > span.endsOn) throw badField('heldOn', 'classLife.outsideSchoolYear', { from: span.startsOn, to: span.endsOn });
    await saveClassHour(q, actor.ownerId, req.group!.basisGroupId, day, req.body, actor.personId);
    return agenda(req, weekStart(day));
  });

  r.get('/api/basis-groups/:basisGroupId/class-hour/topics', {
    config: { access: READ },
    schema: { tags, summary: "The year's topic plan: one topic a week, suggested by the school year's progress or chosen by the contact teacher", params: basisParams, response: { 200: topicPlanSchema } },
  }, async (req) => {
    const w = who(req);
    const span = await schoolYearSpan(q, w.actor.ownerId, req.today);
    const chosen = new Map((await chosenTopics(q, w.actor.ownerId, w.group.basisGroupId)).map((x) => [x.week_start, x.topic]));
    return {
      access: accessOf(req), group: groupOf(req), canManage: w.canManage,
      weeks: schoolYearWeeks(span).map((m) => {
        const suggested = suggestedTopic(span.startsOn, m);
        return { weekStart: m, number: weekNumber(m), topic: chosen.get(m) ?? suggested, suggested, chosen: chosen.has(m) };
      }),
    };
  });

  r.put('/api/basis-groups/:basisGroupId/class-hour/topics/:weekStart', {
    config: { access: MANAGE },
    schema: { tags, summary: "Choose the week's topic (a topic of the plan or own words); empty returns to the plan's suggestion", params: weekParams, body: topicBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const monday = req.params.weekStart;
    if (weekStart(monday) !== monday) throw badField('weekStart', 'classLife.notMonday');
    if (req.body.topic === '') {
      await unchooseTopic(q, actor.ownerId, req.group!.basisGroupId, monday);
    } else {
      await chooseTopic(q, actor.ownerId, req.group!.basisGroupId, monday, req.body.topic);
    }
    return reply.code(204).send(null);
  });

  r.post('/api/basis-groups/:basisGroupId/class-hour/cases', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Prepare a case for the class hour that needs a decision (title, background), or document one decided', params: basisParams, body: caseBody, response: { 201: created } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    checkCase(req.body, req.today);
    const id = randomUUID();
    await insertClassHourCase(q, actor.ownerId, id, req.group!.basisGroupId, caseFields(req.body), actor.personId);
    return reply.code(201).send({ id });
  });

  r.put('/api/basis-groups/:basisGroupId/class-hour/cases/:caseId', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Update a case: its background, and the decision with its date once made', params: caseParams, body: caseBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    checkCase(req.body, req.today);
    if (!(await updateClassHourCase(q, actor.ownerId, req.group!.basisGroupId, req.params.caseId, caseFields(req.body)))) throw new HttpError(404, 'classLife.caseNotFound');
    return reply.code(204).send(null);
  });
}
