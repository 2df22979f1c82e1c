/**
 * Class life: the class hour's agenda with live data and the year's topic plan,
 * notes and prepared cases; the start-of-year checklist; class rules drafted with the students; the
 * election of student representatives with a secret ballot; and the fair duty rota. The class's own
 * contact teacher runs it (basisGroup.manageClassLife); its current students read and take part
 * (basisGroup.readClassLife, basisGroup.takePartInClassLife); the department head and principal read.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { accessOf, requireActor } from '../../core/http/access.js';
import { HttpError, badField } from '../../core/http/errors.js';
import { can } from '../../core/policy/can.js';
import type { Action } from '../../core/policy/types.js';
import { startOfYearItems, type StartOfYearItem } from './tables.js';
import { addDays, weekStart } from '../../core/calendar/calendar.js';
import { generateRota } from './rota.js';
import {
  agendaQuery, agendaSchema, awayBody, awayParams, basisParams, candidacyBody, caseBody, caseParams, checkBody, checklistSchema,
  classHourBody, classHourTopics, classRulesSchema, commentBody, dayParams, draftBody, dutyRotaSchema, electionBody, electionParams,
  itemParams, nominateBody, proposalBody, proposalParams, representativesSchema, rotaBody, rotaParams, routinesBody, standingItems,
  topicBody, topicPlanSchema, voteBody, weekParams, type Agenda,
} from './schemas.js';
import {
  absenceThisWeek, classMembers, countVotes, defaultRoutines, isoWeekLabel, rotaWeeks, schoolYearSpan, schoolYearWeeks, suggestedTopic,
  upcomingForClass, weekNumber, type Member, type Topic,
} from './service.js';

const tags = ['classLife'];
const READ = { kind: 'basisGroup', action: 'basisGroup.readClassLife' } as const;
const MANAGE = { kind: 'basisGroup', action: 'basisGroup.manageClassLife' } as const;
const TAKE_PART = { kind: 'basisGroup', action: 'basisGroup.takePartInClassLife' } as const;
const created = z.object({ id: z.string() });
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

/** Who the caller is to the class: may they run it, and which of its students are they (if any). */
function who(req: FastifyRequest) {
  const actor = requireActor(req);
  const group = req.group!;
  const decide = (action: Action) => can(actor, action, { type: 'basisGroup', group }, req.today).allow;
  const members = new Set(group.memberStudentIds ?? []);
  return {
    actor, group, q: req.server.database.query,
    canManage: decide('basisGroup.manageClassLife'),
    isStudent: req.decision?.reason.code === 'classMember',
    myStudentId: actor.studentIds.find((id) => members.has(id)) ?? null,
  };
}

const groupOf = (req: FastifyRequest) => ({ id: req.group!.basisGroupId, name: req.group!.name });

async function auditStudents(app: FastifyInstance, req: FastifyRequest, action: Action, studentIds: readonly string[], resourceId: string) {
  const actor = requireActor(req);
  await writeAudit(app.database, [...new Set(studentIds)].map((id) => studentEntry(actor, action, id, req.decision!.reason, { resourceType: 'basisGroup', resourceId })));
}

export async function classLifeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/me/classes', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: "The caller's own current classes as a student (their way to the class's agenda, rules, election and rota)", response: { 200: z.object({ classes: z.array(z.object({ id: z.string(), name: z.string() })) }) } },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = actor.studentIds.length === 0 ? [] : await q<{ id: string; name: string }>(
      `select distinct bg.id, bg.name from enrolment e join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
       where e.owner_id = $1 and e.student_id = any($2::uuid[]) and e.starts_on <= $3::date and (e.ends_on is null or e.ends_on > $3::date) order by bg.name`,
      [actor.ownerId, actor.studentIds, req.today]);
    return { classes: rows };
  });

  /* ───────────── class hour ───────────── */

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
      q<{ topic: string }>('select topic from class_hour_topic where owner_id = $1 and basis_group_id = $2 and week_start = $3::date', [actor.ownerId, group.basisGroupId, monday]),
      q<{ held_on: string; topic: string; notes: string; notes_shared: boolean; updated_by: string; updated_at: unknown }>(
        `select h.held_on::text, h.topic, h.notes, h.notes_shared, p.given_name || ' ' || p.family_name as updated_by, h.updated_at
         from class_hour h join person p on p.owner_id = h.owner_id and p.id = h.updated_by_person_id
         where h.owner_id = $1 and h.basis_group_id = $2 and h.held_on between $3::date and $4::date order by h.held_on desc`,
        [actor.ownerId, group.basisGroupId, span.startsOn, span.endsOn]),
      staff ? q<{ id: string; title: string; background: string; decision: string | null; decided_on: string | null; prepared_by: string; created_at: unknown }>(
        `select c.id, c.title, c.background, c.decision, c.decided_on::text, p.given_name || ' ' || p.family_name as prepared_by, c.created_at
         from class_hour_case c join person p on p.owner_id = c.owner_id and p.id = c.prepared_by_person_id
         where c.owner_id = $1 and c.basis_group_id = $2 order by c.decided_on is not null, c.created_at desc`,
        [actor.ownerId, group.basisGroupId]) : Promise.resolve([]),
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
    const b = req.body;
    await q(
      `insert into class_hour (owner_id, id, basis_group_id, held_on, topic, notes, notes_shared, updated_by_person_id) values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (owner_id, basis_group_id, held_on) do update set topic = excluded.topic, notes = excluded.notes, notes_shared = excluded.notes_shared,
         updated_by_person_id = excluded.updated_by_person_id, updated_at = now()`,
      [actor.ownerId, randomUUID(), req.group!.basisGroupId, day, b.topic, b.notes, b.notesShared, actor.personId]);
    return agenda(req, weekStart(day));
  });

  r.get('/api/basis-groups/:basisGroupId/class-hour/topics', {
    config: { access: READ },
    schema: { tags, summary: "The year's topic plan: one topic a week, suggested by the school year's progress or chosen by the contact teacher", params: basisParams, response: { 200: topicPlanSchema } },
  }, async (req) => {
    const w = who(req);
    const span = await schoolYearSpan(q, w.actor.ownerId, req.today);
    const chosen = new Map((await q<{ week_start: string; topic: string }>(
      'select week_start::text, topic from class_hour_topic where owner_id = $1 and basis_group_id = $2', [w.actor.ownerId, w.group.basisGroupId])).map((x) => [x.week_start, x.topic]));
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
      await q('delete from class_hour_topic where owner_id = $1 and basis_group_id = $2 and week_start = $3::date', [actor.ownerId, req.group!.basisGroupId, monday]);
    } else {
      await q(`insert into class_hour_topic (owner_id, basis_group_id, week_start, topic) values ($1, $2, $3, $4)
        on conflict (owner_id, basis_group_id, week_start) do update set topic = excluded.topic`, [actor.ownerId, req.group!.basisGroupId, monday, req.body.topic]);
    }
    return reply.code(204).send(null);
  });

  function checkCase(b: z.infer<typeof caseBody>, today: string) {
    if (b.decision && !b.decidedOn) throw badField('decidedOn', 'classLife.decisionNeedsDate');
    if (!b.decision && b.decidedOn) throw badField('decision', 'classLife.dateNeedsDecision');
    if (b.decidedOn && b.decidedOn > today) throw badField('decidedOn', 'classLife.inFuture', { today });
  }

  r.post('/api/basis-groups/:basisGroupId/class-hour/cases', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Prepare a case for the class hour that needs a decision (title, background), or document one decided', params: basisParams, body: caseBody, response: { 201: created } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const b = req.body;
    checkCase(b, req.today);
    const id = randomUUID();
    await q(`insert into class_hour_case (owner_id, id, basis_group_id, title, background, decision, decided_on, prepared_by_person_id) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [actor.ownerId, id, req.group!.basisGroupId, b.title, b.background, b.decision || null, b.decision ? b.decidedOn : null, actor.personId]);
    return reply.code(201).send({ id });
  });

  r.put('/api/basis-groups/:basisGroupId/class-hour/cases/:caseId', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Update a case: its background, and the decision with its date once made', params: caseParams, body: caseBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const b = req.body;
    checkCase(b, req.today);
    const rows = await q(`update class_hour_case set title = $4, background = $5, decision = $6, decided_on = $7
      where owner_id = $1 and basis_group_id = $2 and id = $3 returning id`,
    [actor.ownerId, req.group!.basisGroupId, req.params.caseId, b.title, b.background, b.decision || null, b.decision ? b.decidedOn : null]);
    if (rows.length === 0) throw new HttpError(404, 'classLife.caseNotFound');
    return reply.code(204).send(null);
  });

  /* ───────────── start-of-year checklist ───────────── */

  async function checklist(req: FastifyRequest) {
    const w = who(req);
    const rows = await q<{ item: StartOfYearItem; checked_on: string; checked_by: string }>(
      `select c.item, c.checked_on::text, p.given_name || ' ' || p.family_name as checked_by from start_of_year_check c
       join person p on p.owner_id = c.owner_id and p.id = c.checked_by_person_id where c.owner_id = $1 and c.basis_group_id = $2`,
      [w.actor.ownerId, w.group.basisGroupId]);
    return {
      access: accessOf(req), group: groupOf(req), canManage: w.canManage,
      items: startOfYearItems.map((item) => {
        const c = rows.find((x) => x.item === item);
        return { item, checkedOn: c?.checked_on ?? null, checkedBy: c?.checked_by ?? null };
      }),
    };
  }

  r.get('/api/basis-groups/:basisGroupId/start-of-year', {
    config: { access: READ },
    schema: { tags, summary: 'The start-of-year checklist: what the class has been told (organisation and roles, school rules, absence rules, complaints about teaching), when and by whom', params: basisParams, response: { 200: checklistSchema } },
  }, async (req) => checklist(req));

  r.put('/api/basis-groups/:basisGroupId/start-of-year/:item', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Check off (or undo) one item of the start-of-year checklist, with the date it was done', params: itemParams, body: checkBody, response: { 200: checklistSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const on = req.body.checkedOn ?? req.today;
    if (on > req.today) throw badField('checkedOn', 'classLife.inFuture', { today: req.today });
    if (req.body.checked) {
      await q(`insert into start_of_year_check (owner_id, basis_group_id, item, checked_on, checked_by_person_id) values ($1, $2, $3, $4, $5)
        on conflict (owner_id, basis_group_id, item) do update set checked_on = excluded.checked_on, checked_by_person_id = excluded.checked_by_person_id`,
      [actor.ownerId, req.group!.basisGroupId, req.params.item, on, actor.personId]);
    } else {
      await q('delete from start_of_year_check where owner_id = $1 and basis_group_id = $2 and item = $3', [actor.ownerId, req.group!.basisGroupId, req.params.item]);
    }
    return checklist(req);
  });

  /* ───────────── class rules ───────────── */

  r.get('/api/basis-groups/:basisGroupId/class-rules', {
    config: { access: READ },
    schema: { tags, summary: "The class rules: the published version with its date, earlier versions, the students' proposals with comments, and the teacher's draft", params: basisParams, response: { 200: classRulesSchema } },
  }, async (req) => {
    const w = who(req);
    const { actor, group } = w;
    const [draft, versions, proposals, comments] = await Promise.all([
      w.isStudent ? Promise.resolve([]) : q<{ text: string; updated_at: unknown }>('select text, updated_at from class_rules_draft where owner_id = $1 and basis_group_id = $2', [actor.ownerId, group.basisGroupId]),
      q<{ version: number; text: string; published_on: string }>('select version, text, published_on::text from class_rules_version where owner_id = $1 and basis_group_id = $2 order by version desc', [actor.ownerId, group.basisGroupId]),
      q<{ id: string; text: string; student_id: string; author: string; created_at: unknown }>(
        `select pr.id, pr.text, pr.student_id, p.given_name || ' ' || p.family_name as author, pr.created_at from class_rule_proposal pr
         join student s on s.owner_id = pr.owner_id and s.id = pr.student_id join person p on p.owner_id = s.owner_id and p.id = s.person_id
         where pr.owner_id = $1 and pr.basis_group_id = $2 order by pr.created_at`, [actor.ownerId, group.basisGroupId]),
      q<{ id: string; proposal_id: string; text: string; author_person_id: string; author: string; created_at: unknown }>(
        `select c.id, c.proposal_id, c.text, c.author_person_id, p.given_name || ' ' || p.family_name as author, c.created_at from class_rule_comment c
         join class_rule_proposal pr on pr.owner_id = c.owner_id and pr.id = c.proposal_id join person p on p.owner_id = c.owner_id and p.id = c.author_person_id
         where c.owner_id = $1 and pr.basis_group_id = $2 order by c.created_at`, [actor.ownerId, group.basisGroupId]),
    ]);
    const [current, ...earlier] = versions.map((v) => ({ version: Number(v.version), text: v.text, publishedOn: v.published_on }));
    return {
      access: accessOf(req), group: groupOf(req), canManage: w.canManage, canPropose: w.myStudentId !== null,
      draft: w.isStudent ? null : { text: draft[0]?.text ?? '', updatedAt: draft[0] ? iso(draft[0].updated_at) : '' },
      current: current ?? null,
      earlier,
      proposals: proposals.map((p) => ({
        id: p.id, text: p.text, author: w.isStudent ? null : p.author, mine: p.student_id === w.myStudentId, createdAt: iso(p.created_at),
        comments: comments.filter((c) => c.proposal_id === p.id).map((c) => ({
          id: c.id, text: c.text, author: w.isStudent ? '' : c.author, mine: c.author_person_id === actor.personId, createdAt: iso(c.created_at),
        })),
      })),
    };
  });

  r.post('/api/basis-groups/:basisGroupId/class-rules/proposals', {
    config: { access: TAKE_PART },
    schema: { tags, summary: 'A student of the class proposes a rule', params: basisParams, body: proposalBody, response: { 201: created } },
  }, async (req, reply) => {
    const w = who(req);
    const id = randomUUID();
    await q('insert into class_rule_proposal (owner_id, id, basis_group_id, student_id, text) values ($1, $2, $3, $4, $5)',
      [w.actor.ownerId, id, w.group.basisGroupId, w.myStudentId, req.body.text]);
    return reply.code(201).send({ id });
  });

  r.post('/api/basis-groups/:basisGroupId/class-rules/proposals/:proposalId/comments', {
    config: { access: TAKE_PART },
    schema: { tags, summary: "A student of the class comments on a proposal", params: proposalParams, body: commentBody, response: { 201: created } },
  }, async (req, reply) => {
    const w = who(req);
    const [p] = await q('select 1 from class_rule_proposal where owner_id = $1 and basis_group_id = $2 and id = $3', [w.actor.ownerId, w.group.basisGroupId, req.params.proposalId]);
    if (!p) throw new HttpError(404, 'classLife.proposalNotFound');
    const id = randomUUID();
    await q('insert into class_rule_comment (owner_id, id, proposal_id, author_person_id, text) values ($1, $2, $3, $4, $5)',
      [w.actor.ownerId, id, req.params.proposalId, w.actor.personId, req.body.text]);
    return reply.code(201).send({ id });
  });

  r.put('/api/basis-groups/:basisGroupId/class-rules/draft', {
    config: { access: MANAGE },
    schema: { tags, summary: "The contact teacher edits the proposals into the draft", params: basisParams, body: draftBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await q(`insert into class_rules_draft (owner_id, basis_group_id, text, updated_by_person_id) values ($1, $2, $3, $4)
      on conflict (owner_id, basis_group_id) do update set text = excluded.text, updated_by_person_id = excluded.updated_by_person_id, updated_at = now()`,
    [actor.ownerId, req.group!.basisGroupId, req.body.text, actor.personId]);
    return reply.code(204).send(null);
  });

  r.post('/api/basis-groups/:basisGroupId/class-rules/versions', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Publish the draft as the agreed class rules, dated today; the earlier versions are kept', params: basisParams, response: { 201: z.object({ version: z.int(), publishedOn: z.string() }) } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const version = await app.database.transaction(async (tx) => {
      const [draft] = await tx<{ text: string }>('select text from class_rules_draft where owner_id = $1 and basis_group_id = $2 for update', [actor.ownerId, req.group!.basisGroupId]);
      if (!draft || draft.text.trim() === '') throw badField('text', 'classLife.emptyDraft');
      const [row] = await tx<{ version: number }>(
        `insert into class_rules_version (owner_id, basis_group_id, version, text, published_on, published_by_person_id)
         select $1, $2, coalesce(max(version), 0) + 1, $3, $4, $5 from class_rules_version where owner_id = $1 and basis_group_id = $2 returning version`,
        [actor.ownerId, req.group!.basisGroupId, draft.text, req.today, actor.personId]);
      return Number(row!.version);
    });
    return reply.code(201).send({ version, publishedOn: req.today });
  });

  /* ───────────── student representatives ───────────── */

  async function election(req: FastifyRequest, electionId: string, status?: 'draft' | 'open') {
    const actor = requireActor(req);
    const [e] = await q<{ status: string; seats: number }>('select status, seats from student_representative_election where owner_id = $1 and basis_group_id = $2 and id = $3',
      [actor.ownerId, req.group!.basisGroupId, electionId]);
    if (!e) throw new HttpError(404, 'classLife.electionNotFound');
    if (status === 'draft' && e.status !== 'draft') throw new HttpError(409, 'classLife.electionNotDraft');
    if (status === 'open' && e.status !== 'open') throw new HttpError(409, 'classLife.electionNotOpen');
    return { status: e.status, seats: Number(e.seats) };
  }

  r.get('/api/basis-groups/:basisGroupId/student-representatives', {
    config: { access: READ },
    schema: { tags, summary: "The class's elections of student representatives: candidates, turnout, and the result once closed (never who voted for whom)", params: basisParams, response: { 200: representativesSchema } },
  }, async (req) => {
    const w = who(req);
    const { actor, group } = w;
    const members = await classMembers(q, actor.ownerId, group.basisGroupId, req.today);
    const memberIds = members.map((m) => m.studentId);
    const [elections, candidates, voters] = await Promise.all([
      q<{ id: string; seats: number; term_starts_on: string; term_ends_on: string; status: 'draft' | 'open' | 'closed'; closed_on: string | null }>(
        `select id, seats, term_starts_on::text, term_ends_on::text, status, closed_on::text from student_representative_election
         where owner_id = $1 and basis_group_id = $2 order by created_at desc`, [actor.ownerId, group.basisGroupId]),
      q<{ election_id: string; student_id: string; given_name: string; family_name: string; accepted_at: unknown; declined_at: unknown; votes: number | null; elected: number | null; drawn_by_lot: boolean }>(
        `select c.election_id, c.student_id, p.given_name, p.family_name, c.accepted_at, c.declined_at, c.votes, c.elected, c.drawn_by_lot
         from student_representative_candidate c join student_representative_election e on e.owner_id = c.owner_id and e.id = c.election_id
         join student s on s.owner_id = c.owner_id and s.id = c.student_id join person p on p.owner_id = s.owner_id and p.id = s.person_id
         where c.owner_id = $1 and e.basis_group_id = $2`, [actor.ownerId, group.basisGroupId]),
      // only how many voted, and whether the caller did: the list of voters never leaves the database
      q<{ election_id: string; voted: string; me: boolean }>(
        `select v.election_id, count(*) as voted, bool_or(v.student_id = $3) as me from student_representative_voter v
         join student_representative_election e on e.owner_id = v.owner_id and e.id = v.election_id
         where v.owner_id = $1 and e.basis_group_id = $2 group by v.election_id`, [actor.ownerId, group.basisGroupId, w.myStudentId ?? '00000000-0000-0000-0000-000000000000']),
    ]);
    const statusOf = (c: { accepted_at: unknown; declined_at: unknown }) => (c.accepted_at ? 'accepted' as const : c.declined_at ? 'declined' as const : 'nominated' as const);
    return {
      access: accessOf(req), group: groupOf(req), canManage: w.canManage, canVote: w.myStudentId !== null,
      students: members,
      elections: elections.map((e) => {
        const mine = candidates.find((c) => c.election_id === e.id && c.student_id === w.myStudentId);
        const v = voters.find((x) => x.election_id === e.id);
        const closed = e.status === 'closed';
        return {
          id: e.id, seats: Number(e.seats), termStartsOn: e.term_starts_on, termEndsOn: e.term_ends_on, status: e.status, closedOn: e.closed_on,
          candidates: candidates.filter((c) => c.election_id === e.id && (!w.isStudent || c.accepted_at || c.student_id === w.myStudentId))
            .map((c) => ({
              studentId: c.student_id, givenName: c.given_name, familyName: c.family_name, status: statusOf(c),
              votes: closed ? Number(c.votes ?? 0) : null, elected: closed && c.elected !== null ? Number(c.elected) : null, drawnByLot: closed && c.drawn_by_lot,
            }))
            .sort((a, b) => (a.elected ?? 99) - (b.elected ?? 99) || (b.votes ?? 0) - (a.votes ?? 0) || a.familyName.localeCompare(b.familyName, 'nb')),
          turnout: { voted: Number(v?.voted ?? 0), eligible: memberIds.length },
          me: w.myStudentId ? { voted: v?.me === true, candidacy: mine ? statusOf(mine) : ('none' as const) } : null,
        };
      }),
    };
  });

  r.post('/api/basis-groups/:basisGroupId/student-representatives/elections', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Start an election of student representatives for a term of office (seats: the representative and deputies)', params: basisParams, body: electionBody, response: { 201: created } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const b = req.body;
    if (b.termEndsOn < b.termStartsOn) throw badField('termEndsOn', 'classLife.termEndsBeforeStart');
    if (b.termEndsOn > addDays(b.termStartsOn, 366)) throw badField('termEndsOn', 'classLife.periodTooLong');
    const id = randomUUID();
    await q(`insert into student_representative_election (owner_id, id, basis_group_id, seats, term_starts_on, term_ends_on, created_by_person_id) values ($1, $2, $3, $4, $5, $6, $7)`,
      [actor.ownerId, id, req.group!.basisGroupId, b.seats, b.termStartsOn, b.termEndsOn, actor.personId]);
    return reply.code(201).send({ id });
  });

  r.post('/api/basis-groups/:basisGroupId/student-representatives/elections/:electionId/candidates', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Nominate a student of the class; they stand once they accept', params: electionParams, body: nominateBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await election(req, req.params.electionId, 'draft');
    if (!(req.group!.memberStudentIds ?? []).includes(req.body.studentId)) throw badField('studentId', 'classLife.notInClass');
    const rows = await q(`insert into student_representative_candidate (owner_id, election_id, student_id) values ($1, $2, $3) on conflict do nothing returning student_id`,
      [actor.ownerId, req.params.electionId, req.body.studentId]);
    if (rows.length === 0) throw badField('studentId', 'classLife.alreadyCandidate');
    await auditStudents(app, req, 'basisGroup.manageClassLife', [req.body.studentId], req.group!.basisGroupId);
    return reply.code(204).send(null);
  });

  r.put('/api/basis-groups/:basisGroupId/student-representatives/elections/:electionId/candidacy', {
    config: { access: TAKE_PART },
    schema: { tags, summary: 'A student accepts or declines standing (accepting without a nomination puts oneself forward)', params: electionParams, body: candidacyBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    const w = who(req);
    await election(req, req.params.electionId, 'draft');
    await q(`insert into student_representative_candidate (owner_id, election_id, student_id, accepted_at, declined_at) values ($1, $2, $3, $4, $5)
      on conflict (owner_id, election_id, student_id) do update set accepted_at = excluded.accepted_at, declined_at = excluded.declined_at`,
    [w.actor.ownerId, req.params.electionId, w.myStudentId, req.body.accept ? new Date() : null, req.body.accept ? null : new Date()]);
    return reply.code(204).send(null);
  });

  r.post('/api/basis-groups/:basisGroupId/student-representatives/elections/:electionId/open', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Open the election for voting (needs as many accepted candidates as seats)', params: electionParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const e = await election(req, req.params.electionId, 'draft');
    const [n] = await q<{ n: string }>('select count(*) as n from student_representative_candidate where owner_id = $1 and election_id = $2 and accepted_at is not null', [actor.ownerId, req.params.electionId]);
    if (Number(n!.n) < e.seats) throw new HttpError(409, 'classLife.tooFewCandidates', { min: e.seats });
    await q(`update student_representative_election set status = 'open' where owner_id = $1 and id = $2 and status = 'draft'`, [actor.ownerId, req.params.electionId]);
    return reply.code(204).send(null);
  });

  r.post('/api/basis-groups/:basisGroupId/student-representatives/elections/:electionId/votes', {
    config: { access: TAKE_PART },
    schema: { tags, summary: 'Cast the one secret vote (409 if the student has already voted): that the student voted and the ballot are stored apart', params: electionParams, body: voteBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    const w = who(req);
    const { electionId } = req.params;
    await app.database.transaction(async (tx) => {
      // a share lock: closing waits for votes in progress, and no vote lands after the count
      const [e] = await tx<{ status: string }>('select status from student_representative_election where owner_id = $1 and basis_group_id = $2 and id = $3 for share',
        [w.actor.ownerId, w.group.basisGroupId, electionId]);
      if (!e) throw new HttpError(404, 'classLife.electionNotFound');
      if (e.status !== 'open') throw new HttpError(409, 'classLife.electionNotOpen');
      const [c] = await tx('select 1 from student_representative_candidate where owner_id = $1 and election_id = $2 and student_id = $3 and accepted_at is not null',
        [w.actor.ownerId, electionId, req.body.candidateStudentId]);
      if (!c) throw badField('candidateStudentId', 'classLife.notACandidate');
      // the primary key (election, student) makes a second vote impossible, also from two requests at once
      const first = await tx('insert into student_representative_voter (owner_id, election_id, student_id) values ($1, $2, $3) on conflict do nothing returning student_id',
        [w.actor.ownerId, electionId, w.myStudentId]);
      if (first.length === 0) throw new HttpError(409, 'classLife.alreadyVoted');
      await tx('insert into student_representative_ballot (owner_id, id, election_id, candidate_student_id) values ($1, $2, $3, $4)',
        [w.actor.ownerId, randomUUID(), electionId, req.body.candidateStudentId]);
    });
    return reply.code(204).send(null);
  });

  r.post('/api/basis-groups/:basisGroupId/student-representatives/elections/:electionId/close', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Close the election and count the votes; a tie for a place is settled by drawing lots, and the result says so', params: electionParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const { electionId } = req.params;
    await app.database.transaction(async (tx) => {
      const [e] = await tx<{ status: string; seats: number }>('select status, seats from student_representative_election where owner_id = $1 and basis_group_id = $2 and id = $3 for update',
        [actor.ownerId, req.group!.basisGroupId, electionId]);
      if (!e) throw new HttpError(404, 'classLife.electionNotFound');
      if (e.status !== 'open') throw new HttpError(409, 'classLife.electionNotOpen');
      const tally = await tx<{ student_id: string; votes: string }>(
        `select c.student_id, (select count(*) from student_representative_ballot b where b.owner_id = c.owner_id and b.election_id = c.election_id and b.candidate_student_id = c.student_id) as votes
         from student_representative_candidate c where c.owner_id = $1 and c.election_id = $2 and c.accepted_at is not null`, [actor.ownerId, electionId]);
      const results = countVotes(tally.map((t) => ({ studentId: t.student_id, votes: Number(t.votes) })), Number(e.seats));
      for (const res of results) {
        await tx('update student_representative_candidate set votes = $4, elected = $5, drawn_by_lot = $6 where owner_id = $1 and election_id = $2 and student_id = $3',
          [actor.ownerId, electionId, res.studentId, res.votes, res.elected, res.drawnByLot]);
      }
      await tx(`update student_representative_election set status = 'closed', closed_on = $3 where owner_id = $1 and id = $2`, [actor.ownerId, electionId, req.today]);
    });
    return reply.code(204).send(null);
  });

  /* ───────────── duty rota ───────────── */

  r.get('/api/basis-groups/:basisGroupId/duty-rota', {
    config: { access: READ },
    schema: { tags, summary: "The class's latest duty rota with the tidying routines and each student's count; the away periods for the contact teacher", params: basisParams, response: { 200: dutyRotaSchema } },
  }, async (req) => {
    const w = who(req);
    const { actor, group } = w;
    const members = await classMembers(q, actor.ownerId, group.basisGroupId, req.today);
    const [rota] = await q<{ id: string; starts_on: string; ends_on: string; per_week: number; routines: string[] }>(
      `select id, starts_on::text, ends_on::text, per_week, routines from duty_rota where owner_id = $1 and basis_group_id = $2 order by created_at desc limit 1`,
      [actor.ownerId, group.basisGroupId]);
    const [assignments, away] = await Promise.all([
      rota ? q<{ week_start: string; student_id: string; given_name: string; family_name: string }>(
        `select a.week_start::text, a.student_id, p.given_name, p.family_name from duty_rota_assignment a
         join student s on s.owner_id = a.owner_id and s.id = a.student_id join person p on p.owner_id = s.owner_id and p.id = s.person_id
         where a.owner_id = $1 and a.rota_id = $2 order by a.week_start, p.family_name, p.given_name`, [actor.ownerId, rota.id]) : Promise.resolve([]),
      w.canManage ? q<{ id: string; student_id: string; from_on: string; to_on: string }>(
        'select id, student_id, from_on::text, to_on::text from duty_rota_away where owner_id = $1 and basis_group_id = $2 order by from_on', [actor.ownerId, group.basisGroupId]) : Promise.resolve([]),
    ]);
    const byId = new Map(members.map((m) => [m.studentId, m]));
    const person = (a: { student_id: string; given_name: string; family_name: string }): Member => ({ studentId: a.student_id, givenName: a.given_name, familyName: a.family_name });
    const weeks = [...new Set(assignments.map((a) => a.week_start))];
    const counts = new Map<string, number>();
    for (const a of assignments) counts.set(a.student_id, (counts.get(a.student_id) ?? 0) + 1);
    if (away.length) await auditStudents(app, req, 'basisGroup.readClassLife', away.map((a) => a.student_id), group.basisGroupId);
    return {
      access: accessOf(req), group: groupOf(req), canManage: w.canManage, students: members,
      rota: rota ? {
        id: rota.id, startsOn: rota.starts_on, endsOn: rota.ends_on, perWeek: Number(rota.per_week), routines: rota.routines,
        weeks: weeks.map((m) => ({ weekStart: m, number: weekNumber(m), students: assignments.filter((a) => a.week_start === m).map(person) })),
        counts: members.map((m) => ({ ...m, count: counts.get(m.studentId) ?? 0 })),
      } : null,
      away: away.filter((a) => byId.has(a.student_id)).map((a) => ({ ...byId.get(a.student_id)!, id: a.id, fromOn: a.from_on, toOn: a.to_on })),
      defaultRoutines: defaultRoutines(req.locale),
    };
  });

  r.post('/api/basis-groups/:basisGroupId/duty-rota', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Generate a fair duty rota for a period (holiday weeks skipped, students away skipped), with the tidying routines', params: basisParams, body: rotaBody, response: { 201: created } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const b = req.body;
    const groupId = req.group!.basisGroupId;
    if (b.endsOn < b.startsOn) throw badField('endsOn', 'classLife.termEndsBeforeStart');
    if (b.endsOn > addDays(b.startsOn, 366)) throw badField('endsOn', 'classLife.periodTooLong');
    const members = await classMembers(q, actor.ownerId, groupId, b.startsOn > req.today ? b.startsOn : req.today);
    if (members.length < b.perWeek) throw badField('perWeek', 'classLife.perWeekTooMany', { count: members.length });
    const awayRows = await q<{ student_id: string; from_on: string; to_on: string }>(
      'select student_id, from_on::text, to_on::text from duty_rota_away where owner_id = $1 and basis_group_id = $2', [actor.ownerId, groupId]);
    const away = new Map<string, { fromOn: string; toOn: string }[]>();
    for (const a of awayRows) away.set(a.student_id, [...(away.get(a.student_id) ?? []), { fromOn: a.from_on, toOn: a.to_on }]);
    const weeks = await rotaWeeks(q, actor.ownerId, b.startsOn, b.endsOn);
    const id = randomUUID();
    const plan = generateRota({ studentIds: members.map((m) => m.studentId), weeks, perWeek: b.perWeek, away, seed: id });
    const rows = plan.flatMap((w) => w.studentIds.map((s) => [w.weekStart, s] as const));
    await app.database.transaction(async (tx) => {
      await tx('insert into duty_rota (owner_id, id, basis_group_id, starts_on, ends_on, per_week, routines, created_by_person_id) values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)',
        [actor.ownerId, id, groupId, b.startsOn, b.endsOn, b.perWeek, JSON.stringify(b.routines ?? defaultRoutines(req.locale)), actor.personId]);
      if (rows.length) {
        await tx(`insert into duty_rota_assignment (owner_id, rota_id, week_start, student_id) select $1, $2, x.w, x.s from unnest($3::date[], $4::uuid[]) as x(w, s)`,
          [actor.ownerId, id, rows.map((x) => x[0]), rows.map((x) => x[1])]);
      }
    });
    return reply.code(201).send({ id });
  });

  r.put('/api/basis-groups/:basisGroupId/duty-rota/:rotaId/routines', {
    config: { access: MANAGE },
    schema: { tags, summary: "Edit the rota's tidying routines", params: rotaParams, body: routinesBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const rows = await q('update duty_rota set routines = $4::jsonb where owner_id = $1 and basis_group_id = $2 and id = $3 returning id',
      [actor.ownerId, req.group!.basisGroupId, req.params.rotaId, JSON.stringify(req.body.routines)]);
    if (rows.length === 0) throw new HttpError(404, 'classLife.rotaNotFound');
    return reply.code(204).send(null);
  });

  r.post('/api/basis-groups/:basisGroupId/duty-rota/away', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Mark a student as away for a longer period (skipped by the rota); no reason is stored', params: basisParams, body: awayBody, response: { 201: created } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const b = req.body;
    if (!(req.group!.memberStudentIds ?? []).includes(b.studentId)) throw badField('studentId', 'classLife.notInClass');
    if (b.toOn < b.fromOn) throw badField('toOn', 'classLife.termEndsBeforeStart');
    if (b.toOn > addDays(b.fromOn, 366)) throw badField('toOn', 'classLife.periodTooLong');
    const id = randomUUID();
    await q('insert into duty_rota_away (owner_id, id, basis_group_id, student_id, from_on, to_on, set_by_person_id) values ($1, $2, $3, $4, $5, $6, $7)',
      [actor.ownerId, id, req.group!.basisGroupId, b.studentId, b.fromOn, b.toOn, actor.personId]);
    await auditStudents(app, req, 'basisGroup.manageClassLife', [b.studentId], req.group!.basisGroupId);
    return reply.code(201).send({ id });
  });

  r.delete('/api/basis-groups/:basisGroupId/duty-rota/away/:awayId', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Remove an away period', params: awayParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const rows = await q<{ student_id: string }>('delete from duty_rota_away where owner_id = $1 and basis_group_id = $2 and id = $3 returning student_id',
      [actor.ownerId, req.group!.basisGroupId, req.params.awayId]);
    if (rows.length === 0) throw new HttpError(404, 'classLife.awayNotFound');
    await auditStudents(app, req, 'basisGroup.manageClassLife', [rows[0]!.student_id], req.group!.basisGroupId);
    return reply.code(204).send(null);
  });

}
