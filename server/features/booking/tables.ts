/** Booking: rounds of slots a teacher publishes, and the bookings. */
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../../core/db/columns.js';
import { basisGroup, school, student, teachingGroup } from '../../core/db/tables.js';
import { conversation, conversationKinds } from '../conversations/index.js';

/** A set of slots a teacher publishes for one kind of conversation, e.g. "guardian conferences 2STA, autumn". */
export const bookingRound = pgTable('booking_round', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  schoolId: uuid().notNull(),
  schoolYearId: uuid().notNull(),
  basisGroupId: uuid(),
  teachingGroupId: uuid(),
  kind: text({ enum: conversationKinds }).notNull(),
  hostPersonId: uuid().notNull(),
  title: text().notNull(),
  /** booking, cancelling and rebooking close this many hours before a slot starts */
  cutoffHours: integer().notNull().default(24),
  createdAt: tz().notNull().defaultNow(),
  closedAt: tz(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
  foreignKey({ columns: [t.ownerId, t.basisGroupId], foreignColumns: [basisGroup.ownerId, basisGroup.id] }),
  foreignKey({ columns: [t.ownerId, t.teachingGroupId], foreignColumns: [teachingGroup.ownerId, teachingGroup.id] }),
  index().on(t.ownerId, t.hostPersonId),
  check('round_cutoff_range', sql`${t.cutoffHours} between 0 and 336`),
]);

export const slot = pgTable('slot', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  roundId: uuid().notNull(),
  hostPersonId: uuid().notNull(),
  startsAt: tz().notNull(),
  endsAt: tz().notNull(),
  place: text(),
  videoLink: text(),
  cancelledAt: tz(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.roundId], foreignColumns: [bookingRound.ownerId, bookingRound.id] }),
  index().on(t.ownerId, t.roundId, t.startsAt),
  index().on(t.ownerId, t.hostPersonId, t.startsAt),
  check('slot_times_ordered', sql`${t.endsAt} > ${t.startsAt}`),
]);

/**
 * Who took a slot, for which student. The partial unique indexes make double booking impossible even
 * for two clicks at the same instant: one live booking per slot, one per student per round.
 */
export const booking = pgTable('booking', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  slotId: uuid().notNull(),
  roundId: uuid().notNull(),
  studentId: uuid().notNull(),
  bookedByPersonId: uuid().notNull(),
  conversationId: uuid(),
  bookedAt: tz().notNull().defaultNow(),
  cancelledAt: tz(),
  reminderSentAt: tz(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.slotId], foreignColumns: [slot.ownerId, slot.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  foreignKey({ columns: [t.ownerId, t.conversationId], foreignColumns: [conversation.ownerId, conversation.id] }),
  uniqueIndex('booking_one_per_slot').on(t.ownerId, t.slotId).where(sql`${t.cancelledAt} is null`),
  uniqueIndex('booking_one_per_student_round').on(t.ownerId, t.roundId, t.studentId).where(sql`${t.cancelledAt} is null`),
  index().on(t.ownerId, t.studentId),
]);
