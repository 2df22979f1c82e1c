/**
 * The annual cycle (årshjul, R-30…R-33): the school's routines and the tasks they make, computed from the
 * data. Every staff member reads the cycle; the principal and the school admin edit it; each person sees
 * their own tasks this week and overdue; the department head (own department) and the principal (school)
 * see compliance per routine, class and teacher, with drill-down to the class and the student.
 */
import type { FastifyInstance } from 'fastify';
import { registerComplianceJob, settleCompliance } from './compliance.js';
import { registerDigestMail } from './digest.js';
import { complianceRoutes } from './routes/compliance.js';
import { cycleRoutes } from './routes/cycle.js';
import { digestPreferenceRoutes } from './routes/digest.js';
import { taskRoutes } from './routes/tasks.js';

/** The cycle and its routines, a person's tasks and ticks, the leaders' compliance, the digest preference: in that order. */
export async function annualCycleRoutes(app: FastifyInstance): Promise<void> {
  registerDigestMail(app.database, app.config);
  registerComplianceJob(app.database);
  app.addHook('onClose', async () => settleCompliance(app.database));
  await cycleRoutes(app);
  await taskRoutes(app);
  await complianceRoutes(app);
  await digestPreferenceRoutes(app);
}
