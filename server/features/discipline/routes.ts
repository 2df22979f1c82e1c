/**
 * Disciplinary cases (R-23, R-73; L-30…L-32): incidents against the school rules, the student's right to
 * be heard, measures, the principal's suspension decision (advance notice, hearing, reasons, notification,
 * appeal — within the law's caps by stage), a teacher's removal from their own lesson (≤ 2 hours), and
 * reports of physical interventions. Every read is audited on the case's student.
 */
import type { FastifyInstance } from 'fastify';
import { caseRoutes } from './routes/cases.js';
import { interventionRoutes } from './routes/interventions.js';
import { suspensionRoutes } from './routes/suspension.js';

export async function disciplineRoutes(app: FastifyInstance): Promise<void> {
  await caseRoutes(app);
  await suspensionRoutes(app);
  await interventionRoutes(app);
}
