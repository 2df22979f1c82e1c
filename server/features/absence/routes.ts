/** …R-74: absence by student, by group, and the school's calendar, rules and timetable. */
import type { FastifyInstance } from 'fastify';
import { groupAbsenceRoutes } from './groupRoutes.js';
import { schoolAbsenceRoutes } from './schoolRoutes.js';
import { studentAbsenceRoutes } from './studentRoutes.js';

export async function absenceRoutes(app: FastifyInstance): Promise<void> {
  await app.register(studentAbsenceRoutes);
  await app.register(groupAbsenceRoutes);
  await app.register(schoolAbsenceRoutes);
}
