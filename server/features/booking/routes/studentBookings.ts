/** A student's bookings: the open rounds and free slots, booking, rebooking and cancelling, each change mailed. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { accessOf, requireActor } from '../../../core/http/access.js';
import type { Decision } from '../../../core/policy/types.js';
import { afterBookingChange } from '../notify.js';
import { bookBody, bookingParams, bookingResultSchema, studentBookingSchema, studentParams } from '../schemas.js';
import { book, bookerRole, cancel, rebook } from '../service.js';
import { studentView } from '../views.js';

const tags = ['booking'];

const allowed = (req: FastifyRequest) => req.decision as Extract<Decision, { allow: true }>;

export async function studentBookingRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app;

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
}
