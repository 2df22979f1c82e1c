/** The student's record: one view, narrowed by the server for staff, the student and a guardian. */
import type { WebFeature } from '../../core/feature';
import { StudentNavItems } from './NavItems';
import { studentRoutes } from './routes';

export const studentsFeature = {
  routes: studentRoutes,
  nav: [{ order: 40, Items: StudentNavItems }],
} satisfies WebFeature;

export { StudentRecordView } from './StudentRecordView';
export { studentRecordQuery } from './studentsApi';
