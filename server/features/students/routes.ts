import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { accessOf, requireActor } from '../../core/http/access.js';
import { buildStudentRecord } from './record.js';
import { studentParams } from '../../core/http/schemas.js';
import { studentRecordSchema } from './schemas.js';

export async function studentRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/students/:studentId', {
    config: { access: { kind: 'student', action: 'student.read', audit: 'read' } },
    schema: { tags: ['students'], summary: 'The student page: profile, guardians (address protection honoured), permissions', params: studentParams, response: { 200: studentRecordSchema } },
  }, async (req) => ({
    access: accessOf(req),
    ...(await buildStudentRecord(app.database, requireActor(req), req.student!, req.today, req.locale)),
  }));
}
