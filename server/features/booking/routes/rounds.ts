/** A teacher's booking rounds: publishing one for a class or a teaching group, and the host's view and changes of one round. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { studentEntry, writeAudit } from '../../../core/audit/audit.js';
import type { QueryFn } from '../../../core/db/client.js';
import { HttpError } from '../../../core/http/errors.js';
import { accessOf, requireActor } from '../../../core/http/access.js';
import type { ConversationKind } from '../../conversations/index.js';
import { nowMs } from '../clock.js';
import { afterBookingChange } from '../notify.js';
import { closeRound, groupSchoolYearId, insertRound, latestSlotPlace } from '../queries.js';
import {
  addSlotsBody, basisGroupParams, createRoundBody, hostRoundSchema, myRoundsSchema, roundParams, roundSummarySchema, slotParams,
  teachingGroupParams, type SlotPlan,
} from '../schemas.js';
import { authorizeRound, insertSlots, myRounds, planSlots, removeSlot, roundSummary } from '../service.js';
import { hostView } from '../views.js';

const BASIS_KINDS: ConversationKind[] = ['guardian', 'student', 'startOfYear', 'adHoc'];
const TEACHING_KINDS: ConversationKind[] = ['subject'];
const tags = ['booking'];

/** 400 with every bad field when the plan cannot be published; nothing is saved. */
function planOrThrow(plan: SlotPlan) {
  const { slots, errors } = planSlots(plan, nowMs());
  if (errors.length) throw new HttpError(400, 'error.badRequest', {}, errors);
  return slots;
}

const placeOf = (plan: SlotPlan) => ({ place: plan.place?.trim() || null, videoLink: plan.videoLink ?? null });

export async function roundRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app;

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
      const schoolYearId = await groupSchoolYearId(q, actor.ownerId, group);
      await insertRound(q, {
        ownerId: actor.ownerId, id: roundId, schoolId: group.schoolId, schoolYearId,
        basisGroupId: group.type === 'basisGroup' ? group.id : null, teachingGroupId: group.type === 'teachingGroup' ? group.id : null,
        kind: body.kind, hostPersonId: actor.personId, title: body.title, cutoffHours: body.cutoffHours,
      });
      await insertSlots(q, { ownerId: actor.ownerId, roundId, hostPersonId: actor.personId, slots: planned.slots, place, videoLink, locale: req.locale });
    });
    return roundOf(actor.ownerId, roundId);
  }

  const roundOf = (ownerId: string, roundId: string) => roundSummary(database.query.bind(database) as QueryFn, ownerId, roundId);

  r.post('/api/basis-groups/:basisGroupId/booking-rounds', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.manageBooking' } },
    schema: {
      tags, summary: 'Publish a round of conversation slots for a class (its contact teacher)',
      params: basisGroupParams, body: createRoundBody, response: { 201: roundSummarySchema },
    },
  }, async (req, reply) => {
    const g = req.group!;
    return reply.status(201).send(await createRound(req, req.body, { type: 'basisGroup', id: g.basisGroupId, schoolId: g.schoolId }));
  });

  r.post('/api/teaching-groups/:teachingGroupId/booking-rounds', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.manageBooking' } },
    schema: {
      tags, summary: 'Publish a round of subject-conversation slots for a teaching group (its subject teacher)',
      params: teachingGroupParams, body: createRoundBody, response: { 201: roundSummarySchema },
    },
  }, async (req, reply) => {
    const g = req.teachingGroup!;
    return reply.status(201).send(await createRound(req, req.body, { type: 'teachingGroup', id: g.teachingGroupId, schoolId: g.schoolId }));
  });

  r.get('/api/me/booking-rounds', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: 'The rounds the caller hosts or manages', response: { 200: myRoundsSchema } },
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
      const last = await latestSlotPlace(database.query, actor.ownerId, round.id);
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
    await closeRound(database.query, actor.ownerId, round.id);
    return roundOf(actor.ownerId, round.id);
  });
}
