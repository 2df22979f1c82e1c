/** "Who has looked at my data" for the student (and guardians with insight), and the leaders' search. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { storedReason, writeAudit } from '../../core/audit/audit.js';
import { requireActor } from '../../core/http/access.js';

const accessLogSchema = z.object({
  entries: z.array(z.object({ at: z.string(), actorName: z.string(), action: z.string(), reason: z.string() })),
});
const searchSchema = z.object({
  entries: z.array(z.object({
    at: z.string(), actorName: z.string(), action: z.string(), resourceType: z.string(),
    studentId: z.string().nullable(), studentName: z.string().nullable(), decision: z.enum(['allow', 'deny']), reason: z.string(),
  })),
});

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app;

  r.get('/api/students/:studentId/access-log', {
    config: { access: { kind: 'student', action: 'accessLog.read', audit: 'read' } },
    schema: {
      tags: ['audit'], summary: 'Who has read or changed my data, when and why',
      params: z.object({ studentId: z.uuid() }),
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(200) }),
      response: { 200: accessLogSchema },
    },
  }, async (req) => {
    const s = req.student!;
    const rows = await database.query<{ at: Date; actor_name: string | null; action: string; reason_code: string; reason_params: Record<string, string> }>(
      `select a.at, p.given_name || ' ' || p.family_name as actor_name, a.action, a.reason_code, a.reason_params
       from audit_log a left join person p on p.owner_id = a.owner_id and p.id = a.actor_person_id
       where a.owner_id = $1 and a.student_id = $2 and a.decision = 'allow'
         and a.actor_person_id is distinct from $4
       order by a.at desc, a.id desc limit $3`,
      [s.ownerId, s.studentId, req.query.limit, s.personId],
    );
    return { entries: rows.map((x) => ({ at: new Date(x.at).toISOString(), actorName: x.actor_name ?? '', action: x.action, reason: storedReason(x, req.locale) })) };
  });

  r.get('/api/audit', {
    config: { access: { kind: 'school', action: 'audit.search' } },
    schema: {
      tags: ['audit'], summary: 'Search the audit log (principal, school admin; department heads for their department)',
      querystring: z.object({
        studentId: z.uuid().optional(),
        actorPersonId: z.uuid().optional(),
        from: z.iso.date().optional(),
        to: z.iso.date().optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      response: { 200: searchSchema },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const q = req.query;
    const staff = actor.staff[0]!;
    const isLeader = staff.roles.some((x) => x.role === 'principal' || x.role === 'schoolAdmin');
    const departments = staff.roles.filter((x) => x.role === 'departmentHead' && x.departmentId).map((x) => x.departmentId!);
    const rows = await database.query<{ at: Date; actor_name: string | null; action: string; resource_type: string; student_id: string | null; student_name: string | null; decision: 'allow' | 'deny'; reason_code: string; reason_params: Record<string, string> }>(
      `select a.at, ap.given_name || ' ' || ap.family_name as actor_name, a.action, a.resource_type, a.student_id,
              sp.given_name || ' ' || sp.family_name as student_name, a.decision, a.reason_code, a.reason_params
       from audit_log a
       left join person ap on ap.owner_id = a.owner_id and ap.id = a.actor_person_id
       left join student s on s.owner_id = a.owner_id and s.id = a.student_id
       left join person sp on sp.owner_id = s.owner_id and sp.id = s.person_id
       where a.owner_id = $1
         and ($2::uuid is null or a.student_id = $2) and ($3::uuid is null or a.actor_person_id = $3)
         and ($4::date is null or a.at >= $4::date) and ($5::date is null or a.at < $5::date + 1)
         and (s.id is null or s.school_id = $6)
         and ($7::boolean or s.department_id = any($8::uuid[]))
       order by a.at desc, a.id desc limit $9`,
      [actor.ownerId, q.studentId ?? null, q.actorPersonId ?? null, q.from ?? null, q.to ?? null, staff.schoolId, isLeader, departments, q.limit],
    );
    // reading the log is itself on record
    await writeAudit(database, [{
      ownerId: actor.ownerId, actorPersonId: actor.personId, action: 'audit.search', resourceType: 'auditLog',
      resourceId: null, studentId: q.studentId ?? null, decision: 'allow', reason: req.decision!.reason,
    }]);
    return {
      entries: rows.map((x) => ({
        at: new Date(x.at).toISOString(), actorName: x.actor_name ?? '', action: x.action, resourceType: x.resource_type,
        studentId: x.student_id, studentName: x.student_name, decision: x.decision, reason: storedReason(x, req.locale),
      })),
    };
  });
}
