/**
 * booking of conversation slots. The teacher publishes a round of slots for a class or a teaching
 * group; the student, a guardian with insight or the contact teacher books one per student per round,
 * and may cancel or rebook until the cut-off. Every change is mailed (with an .ics) to the student, the
 * guardians with insight (guardian conferences) and the host, each separately; a reminder goes 24 h
 * before. A personal calendar feed URL with a secret token lists the person's booked conversations.
 */
import type { FastifyInstance } from 'fastify';
import { registerMailSettings } from './notify.js';
import { calendarFeedRoutes } from './routes/calendarFeed.js';
import { roundRoutes } from './routes/rounds.js';
import { studentBookingRoutes } from './routes/studentBookings.js';

export async function bookingRoutes(app: FastifyInstance): Promise<void> {
  registerMailSettings(app.database, app.config);
  await app.register(roundRoutes);
  await app.register(studentBookingRoutes);
  await app.register(calendarFeedRoutes);
}
