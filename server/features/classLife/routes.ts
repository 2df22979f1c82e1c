/**
 * Class life: the class hour's agenda with live data and the year's topic plan,
 * notes and prepared cases; the start-of-year checklist; class rules drafted with the students; the
 * election of student representatives with a secret ballot; and the fair duty rota. The class's own
 * contact teacher runs it (basisGroup.manageClassLife); its current students read and take part
 * (basisGroup.readClassLife, basisGroup.takePartInClassLife); the department head and principal read.
 */
import type { FastifyInstance } from 'fastify';
import { classHourRoutes } from './routes/classHour.js';
import { classRulesRoutes } from './routes/classRules.js';
import { dutyRotaRoutes } from './routes/dutyRota.js';
import { myClassesRoutes } from './routes/myClasses.js';
import { representativesRoutes } from './routes/representatives.js';
import { startOfYearRoutes } from './routes/startOfYear.js';

export async function classLifeRoutes(app: FastifyInstance): Promise<void> {
  await myClassesRoutes(app);
  await classHourRoutes(app);
  await startOfYearRoutes(app);
  await classRulesRoutes(app);
  await representativesRoutes(app);
  await dutyRotaRoutes(app);
}
