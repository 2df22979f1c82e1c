import type { FastifyInstance } from 'fastify';
import { annualCycleRoutes } from './annualCycle/routes.js';
import { studentRoutes } from './students/routes.js';
import { classRoutes } from './classes/routes.js';
import { classListRoutes } from './classes/list.js';
import { teachingGroupRoutes } from './classes/teachingGroup.js';
import { contactLogRoutes } from './contactLog/routes.js';
import { consentRoutes } from './consent/routes.js';
import { auditRoutes } from './audit/routes.js';
import { guardianRoutes } from './guardians/routes.js';
import { conversationRoutes } from './conversations/routes.js';
import { bookingRoutes } from './booking/routes.js';
import { absenceRoutes } from './absence/routes.js';
import { conductFeature } from './conduct/plugin.js';
import { disciplineRoutes } from './discipline/routes.js';
import { warningRoutes } from './warnings/routes.js';
import { formativeAssessmentRoutes } from './formativeAssessment/routes.js';
import { conflictRoutes } from './conflicts/routes.js';
import { assessmentPlanRoutes } from './assessmentPlan/routes.js';
import { classLifeRoutes } from './classLife/routes.js';
import { accommodationNeedRoutes } from './accommodationNeeds/routes.js';
import { formRoutes } from './forms/routes.js';
import { parentMeetingRoutes } from './parentMeeting/routes.js';

/** Each feature registers its own routes; every route declares its access (core/http/access.ts). */
export async function featureRoutes(app: FastifyInstance): Promise<void> {
  await app.register(studentRoutes);
  await app.register(classRoutes);
  await app.register(classListRoutes);
  await app.register(teachingGroupRoutes);
  await app.register(contactLogRoutes);
  await app.register(consentRoutes);
  await app.register(auditRoutes);
  await app.register(guardianRoutes);
  await app.register(conversationRoutes);
  await app.register(bookingRoutes);
  await app.register(absenceRoutes);
  await app.register(conductFeature);
  await app.register(disciplineRoutes);
  await app.register(warningRoutes);
  await app.register(formativeAssessmentRoutes);
  await app.register(conflictRoutes);
  await app.register(assessmentPlanRoutes);
  await app.register(classLifeRoutes);
  await app.register(accommodationNeedRoutes);
  await app.register(formRoutes);
  await app.register(parentMeetingRoutes);
  await app.register(annualCycleRoutes);
}
