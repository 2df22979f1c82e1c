/**
 * booking of conversation slots. The teacher publishes a round of slots for a class or a teaching
 * group; the student, a guardian with insight or the contact teacher books one per student per round,
 * and may cancel or rebook until the cut-off. Every change is mailed (with an .ics) to the student, the
 * guardians with insight (guardian conferences) and the host, each separately; a reminder goes 24 h
 * before. A personal calendar feed URL with a secret token lists the person's booked conversations.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import type { QueryFn } from '../../core/db/client.js';
import type { ConversationKind } from '../conversations/index.js';
import { HttpError } from '../../core/http/errors.js';
import { accessOf, requireActor } from '../../core/http/access.js';
import type { Decision } from '../../core/policy/types.js';
import { nowMs } from './clock.js';
import { afterBookingChange, registerMailSettings } from './notify.js';
import {
  addSlotsBody, bookBody, bookingParams, bookingResultSchema, calendarFeedSchema, createRoundBody, hostRoundSchema,
  roundParams, roundSummarySchema, slotParams, studentBookingSchema, studentParams, type SlotPlan,
} from './schemas.js';
import { authorizeRound, book, bookerRole, cancel, insertSlots, myRounds, planSlots, rebook, removeSlot, roundSummary } from './service.js';
import { BOOKING_FEED_SCOPE, feedFor, hostView, rotateFeedToken, studentView } from './views.js';

const BASIS_KINDS: ConversationKind[] = ['guardian', 'student', 'startOfYear', 'adHoc'];
const TEACHING_KINDS: ConversationKind[] = ['subject'];

const allowed = (req: FastifyRequest) => req.decision as Extract<Decision, { allow: true }>;

/** 400 with every bad field when the plan cannot be published; nothing is saved. */
function planOrThrow(plan: SlotPlan) {
  const { slots, errors } = planSlots(plan, nowMs());
  if (errors.length) throw new HttpError(400, 'error.badRequest', {}, errors);
  return slots;
}

const placeOf = (plan: SlotPlan) => ({ place: plan.place?.trim() || null, videoLink: plan.videoLink ?? null });

export async function bookingRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app;
  registerMailSettings(database, app.config);
  const tags = ['booking'];

  /* ───────────── publishing rounds ───────────── */

  async function createRound(req: FastifyRequest, body: z.infer<typeof createRoundBody>, group: { type: 'basisGroup' | 'teachingGroup'; id: string; schoolId: string }) {
    const actor = requireActor(req);
    const kinds = group.type === 'basisGroup' ? BASIS_KINDS : TEACHING_KINDS;
    const errors = [];
    if (!kinds.includes(body.kind)) errors.push({ field: 'kind', key: 'booking.kindNotForGroup' as const });
    const { place, videoLink } = placeOf(body);
    if (!place && !videoLink) errors.push({ field: 'place', key: 'booking.placeOrVideo' as const });
    const planned = planSlots(body, nowMs());
    errors.push(...planned.errors);
    if (errors.length) throw new HttpError(400, 'error.badRequest', {}, errors);
    const roundId = randomUUID();
    await database.transaction(async (q) => {
      const table = group.type === 'basisGroup' ? 'basis_group' : 'teaching_group';
      const [g] = await q<{ school_year_id: string }>(`select school_year_id from ${table} where owner_id = $1 and id = $2`, [actor.ownerId, group.id]);
      await q(
        `insert into booking_round (owner_id, id, school_id, school_year_id, basis_group_id, teaching_group_id, kind, host_person_id, title, cutoff_hours)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [actor.ownerId, roundId, group.schoolId, g!.school_year_id, group.type === 'basisGroup' ? group.id : null,
          group.type === 'teachingGroup' ? group.id : null, body.kind, actor.personId, body.title, body.cutoffHours],
      );
      await insertSlots(q, { ownerId: actor.ownerId, roundId, hostPersonId: actor.personId, slots: planned.slots, place, videoLink, locale: req.locale });
    });
    return roundOf(actor.ownerId, roundId);
  }

  const roundOf = (ownerId: string, roundId: string) => roundSummary(database.query.bind(database) as QueryFn, ownerId, roundId);

  r.post('/api/basis-groups/:basisGroupId/booking-rounds', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.manageBooking' } },
    schema: {
      tags, summary: 'Publish a round of conversation slots for a class (its contact teacher)',
      params: z.object({ basisGroupId: z.uuid() }), body: createRoundBody, response: { 201: roundSummarySchema },
    },
  }, async (req, reply) => {
    const g = req.group!;
    return reply.status(201).send(await createRound(req, req.body, { type: 'basisGroup', id: g.basisGroupId, schoolId: g.schoolId }));
  });

  r.post('/api/teaching-groups/:teachingGroupId/booking-rounds', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.manageBooking' } },
    schema: {
      tags, summary: 'Publish a round of subject-conversation slots for a teaching group (its subject teacher)',
      params: z.object({ teachingGroupId: z.uuid() }), body: createRoundBody, response: { 201: roundSummarySchema },
    },
  }, async (req, reply) => {
    const g = req.teachingGroup!;
    return reply.status(201).send(await createRound(req, req.body, { type: 'teachingGroup', id: g.teachingGroupId, schoolId: g.schoolId }));
  });

  r.get('/api/me/booking-rounds', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: 'The rounds the caller hosts or manages', response: { 200: z.object({ rounds: z.array(roundSummarySchema) }) } },
  }, async (req) => ({ rounds: await myRounds(database, requireActor(req)) }));

  /* ───────────── one round, for its host ───────────── */

  r.get('/api/booking-rounds/:roundId', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: 'The host\'s view: every slot and who booked it for which student; who has not booked', params: roundParams, response: { 200: hostRoundSchema } },
  }, async (req) => {
    const { round, actor, decision } = await authorizeRound(req, req.params.roundId);
    return hostView(database, actor, round, decision, req.today, accessOf(req));
  });

  r.post('/api/booking-rounds/:roundId/slots', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: 'Add more slots to a round', params: roundParams, body: addSlotsBody, response: { 201: roundSummarySchema } },
  }, async (req, reply) => {
    const { round, actor } = await authorizeRound(req, req.params.roundId);
    if (round.closed_at) throw new HttpError(400, 'booking.roundClosed');
    const slots = planOrThrow(req.body);
    let { place, videoLink } = placeOf(req.body);
    if (!place && !videoLink) {
      // the round's usual place, from its latest slot
      const [last] = await database.query<{ place: string | null; video_link: string | null }>(
        'select place, video_link from slot where owner_id = $1 and round_id = $2 order by starts_at desc limit 1', [actor.ownerId, round.id]);
      place = last?.place ?? null;
      videoLink = last?.video_link ?? null;
    }
    await database.transaction((q) => insertSlots(q, { ownerId: actor.ownerId, roundId: round.id, hostPersonId: round.host_person_id, slots, place, videoLink, locale: req.locale }));
    return reply.status(201).send(await roundOf(actor.ownerId, round.id));
  });

  r.delete('/api/booking-rounds/:roundId/slots/:slotId', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: 'Remove a free slot, or cancel a booked one (the family is told by e-mail)', params: slotParams },
  }, async (req, reply) => {
    const { round, actor, decision } = await authorizeRound(req, req.params.roundId);
    const cancelled = await removeSlot(database, actor.ownerId, round.id, req.params.slotId);
    if (cancelled) {
      await writeAudit(database, [studentEntry(actor, 'bookingRound.cancelSlot', cancelled.studentId, decision.reason, { resourceType: 'booking', resourceId: cancelled.bookingId })]);
      await afterBookingChange(database, actor.ownerId, { event: 'cancelled', bookingId: cancelled.bookingId });
    }
    return reply.status(204).send();
  });

  r.post('/api/booking-rounds/:roundId/close', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: 'Close the round: no more booking, cancelling or rebooking by families; bookings stay', params: roundParams, response: { 200: roundSummarySchema } },
  }, async (req) => {
    const { round, actor } = await authorizeRound(req, req.params.roundId);
    await database.query('update booking_round set closed_at = coalesce(closed_at, now()) where owner_id = $1 and id = $2', [actor.ownerId, round.id]);
    return roundOf(actor.ownerId, round.id);
  });

  /* ───────────── a student's bookings ───────────── */

  r.get('/api/students/:studentId/booking', {
    config: { access: { kind: 'student', action: 'booking.read', audit: 'read' } },
    schema: { tags, summary: 'Open rounds for the student, the free slots the caller may book, and the student\'s bookings', params: studentParams, response: { 200: studentBookingSchema } },
  }, async (req) => studentView(database, {
    actor: requireActor(req), student: req.student!, readDecision: allowed(req), today: req.today, locale: req.locale,
    publicUrl: app.config.publicUrl, access: accessOf(req),
  }));

  r.post('/api/students/:studentId/bookings', {
    config: { access: { kind: 'student', action: 'booking.book', audit: 'write' } },
    schema: { tags, summary: 'Book a slot for the student (one per student per round)', params: studentParams, body: bookBody, response: { 201: bookingResultSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const booked = await book(database, { actor, student: req.student!, role: bookerRole(allowed(req).reason), slotId: req.body.slotId, locale: req.locale });
    await afterBookingChange(database, actor.ownerId, { event: 'booked', bookingId: booked.id, startsAt: booked.startsAt });
    return reply.status(201).send({ id: booked.id, roundId: booked.roundId, conversationId: booked.conversationId, slot: booked.slot });
  });

  r.put('/api/students/:studentId/bookings/:bookingId', {
    config: { access: { kind: 'student', action: 'booking.book', audit: 'write' } },
    schema: { tags, summary: 'Rebook: move the booking to another slot of the same round (cancel + book in one transaction)', params: bookingParams, body: bookBody, response: { 200: bookingResultSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const moved = await rebook(database, {
      actor, student: req.student!, role: bookerRole(allowed(req).reason), bookingId: req.params.bookingId, slotId: req.body.slotId, locale: req.locale,
    });
    if (moved.previousBookingId) await afterBookingChange(database, actor.ownerId, { event: 'rebooked', bookingId: moved.id, startsAt: moved.startsAt });
    return { id: moved.id, roundId: moved.roundId, conversationId: moved.conversationId, slot: moved.slot };
  });

  r.delete('/api/students/:studentId/bookings/:bookingId', {
    config: { access: { kind: 'student', action: 'booking.book', audit: 'write' } },
    schema: { tags, summary: 'Cancel the booking (until the cut-off); its planned conversation is cancelled too', params: bookingParams },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await cancel(database, { actor, student: req.student!, role: bookerRole(allowed(req).reason), bookingId: req.params.bookingId, locale: req.locale });
    await afterBookingChange(database, actor.ownerId, { event: 'cancelled', bookingId: req.params.bookingId });
    return reply.status(204).send();
  });

  /* ───────────── the personal calendar feed ───────────── */

  r.get('/api/me/calendar-feed', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: 'Whether the caller has a calendar feed (the URL itself is shown only when created)', response: { 200: calendarFeedSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const [row] = await database.query<{ created_at: Date }>('select created_at from calendar_feed where owner_id = $1 and person_id = $2 and scope = $3', [actor.ownerId, actor.personId, BOOKING_FEED_SCOPE]);
    return { url: null, exists: !!row, createdAt: row ? new Date(row.created_at).toISOString() : null };
  });

  r.post('/api/me/calendar-feed', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: 'Create the caller\'s calendar feed URL, or replace it (the old URL stops working)', response: { 200: calendarFeedSchema } },
  }, async (req) => {
    const { token, createdAt } = await rotateFeedToken(database, requireActor(req));
    return { url: `${feedOrigin(req)}/api/calendar/${token}.ics`, exists: true, createdAt: new Date(createdAt).toISOString() };
  });

  r.delete('/api/me/calendar-feed', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: 'Turn the caller\'s calendar feed off' },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await database.query('delete from calendar_feed where owner_id = $1 and person_id = $2 and scope = $3', [actor.ownerId, actor.personId, BOOKING_FEED_SCOPE]);
    return reply.status(204).send();
  });

  r.get('/api/calendar/:token.ics', {
    // the token in the URL is the secret (calendar apps cannot log in); unknown tokens are 404
    config: { access: { kind: 'public' } },
    schema: { tags, summary: 'A person\'s booked conversations as an iCalendar feed', params: z.object({ token: z.string().max(200) }) },
  }, async (req, reply) => {
    const body = await feedFor(database, req.params.token, req.today, app.config.publicUrl);
    if (body === null) throw new HttpError(404, 'error.notFound');
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('cache-control', 'private, max-age=300')
      .header('content-disposition', 'inline; filename="elevlos.ics"')
      .send(body);
  });

  /** Where the caller reached the app (behind a proxy: the forwarded host); PUBLIC_URL when set. */
  function feedOrigin(req: FastifyRequest): string {
    if (process.env.PUBLIC_URL) return app.config.publicUrl;
    return `${req.protocol}://${req.host}`;
  }
}
