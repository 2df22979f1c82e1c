/** Administration's HTTP routes (issue 13): schools, staff and roles, group memberships, contact teachers. */
import type { FastifyInstance } from 'fastify';
import { contactTeacherRoutes } from './contactTeachers.js';
import { groupRoutes } from './groups.js';
import { schoolRoutes } from './schools.js';
import { staffRoutes } from './staff.js';

export async function administrationRoutes(app: FastifyInstance): Promise<void> {
  await schoolRoutes(app);
  await staffRoutes(app);
  await groupRoutes(app);
  await contactTeacherRoutes(app);
}
