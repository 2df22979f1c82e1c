/**
 * Accommodation needs — skjemaelever. The department head or the counsellor registers what a
 * student needs and what the teachers should do; it is sensitive, so only the student's current
 * teachers (contact teacher, subject teachers) and the leaders (department head, principal, counsellor)
 * read it — never the student or guardians through this feature, never other teachers. Every current
 * subject teacher confirms having read it (a receipt per teacher and revision); the contact teacher sees
 * who has not, flagged after the first three school weeks, and reminds them (notice + e-mail, recorded).
 * Every read of a need is audited, one entry per student.
 */
import type { FastifyInstance } from 'fastify';
import { registerAccommodationMail } from './mail.js';
import { classNeedRoutes } from './routes/class.js';
import { myNeedRoutes } from './routes/mine.js';
import { studentNeedRoutes } from './routes/student.js';

/** One student's needs, a class's, then the teacher's own list (the order they were always registered in). */
export async function accommodationNeedRoutes(app: FastifyInstance): Promise<void> {
  registerAccommodationMail(app.database, app.config);
  await studentNeedRoutes(app);
  await classNeedRoutes(app);
  await myNeedRoutes(app);
}
