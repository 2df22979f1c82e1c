/** …R-74: absence by student, by teaching group, by class, and the school's calendar, rules and timetable. */
import type { FastifyInstance } from 'fastify';
import { basisGroupAbsenceRoutes } from './basisGroupRoutes.js';
import { schoolAbsenceRoutes } from './schoolRoutes.js';
import { studentAbsenceRoutes } from './studentRoutes.js';
import { teachingGroupAbsenceRoutes } from './teachingGroupRoutes.js';

export async function absenceRoutes(app: FastifyInstance): Promise<void> {
  await app.register(studentAbsenceRoutes);
  await app.register(teachingGroupAbsenceRoutes);
  await app.register(basisGroupAbsenceRoutes);
  await app.register(schoolAbsenceRoutes);
}
