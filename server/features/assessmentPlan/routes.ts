/**
 * The assessment plan. Subject teachers plan tests, projects, full-day tests, trip days and
 * cultural events for their teaching groups; a contact teacher (or a leader) plans events for the whole
 * class; the principal and department heads plan for a level or the whole school. The school's conflict
 * rules are checked per student while the form is filled in (the check route) and again on save: a hard
 * rule refuses with 400 naming the rule and the students affected; a warning-only rule saves and warns.
 * Students, their teachers, leaders and guardians with insight read the combined plan; an ICS feed per
 * student and per teaching group uses the shared secret-token mechanism (core/calendarFeed).
 */
import type { FastifyInstance } from 'fastify';
import { classPlanRoutes } from './routes/classPlan.js';
import { feedRoutes } from './routes/feeds.js';
import { schoolEventRoutes } from './routes/schoolEvents.js';
import { schoolRulesRoutes } from './routes/schoolRules.js';
import { studentPlanRoutes } from './routes/studentPlan.js';
import { teachingGroupPlanRoutes } from './routes/teachingGroupPlan.js';

export async function assessmentPlanRoutes(app: FastifyInstance): Promise<void> {
  await studentPlanRoutes(app);
  await teachingGroupPlanRoutes(app);
  await classPlanRoutes(app);
  await schoolEventRoutes(app);
  await schoolRulesRoutes(app);
  await feedRoutes(app);
}
