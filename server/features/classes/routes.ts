/** The contact teacher's class overview: every student of a basis group on one screen. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { accessOf, requireActor } from '../../core/http/access.js';
import { can } from '../../core/policy/can.js';
import { loadGroupStudentFacts } from '../../core/policy/facts.js';
import { guardiansWithInsight } from '../../core/policy/guardianInsight.js';
import { ageOn, isAdult } from '../../core/time.js';
import { accessSchema } from '../students/schemas.js';

const overviewSchema = z.object({
  group: z.object({ id: z.string(), name: z.string(), level: z.string(), schoolName: z.string() }),
  access: accessSchema,
  students: z.array(z.object({
    studentId: z.string(), givenName: z.string(), familyName: z.string(),
    age: z.number().nullable(), isAdult: z.boolean(),
    accommodationNeed: z.boolean(), minorityLanguage: z.boolean(), status: z.enum(['active', 'changed', 'left']),
    guardiansWithInsight: z.number(), consent: z.enum(['notAdult', 'granted', 'none']),
    lastContactOn: z.string().nullable(), addressProtected: z.boolean(),
  })),
});

interface Row {
  id: string; given_name: string; family_name: string; birth_date: string | null; status: 'active' | 'changed' | 'left';
  minority_language: boolean; accommodation_need: boolean; last_contact_on: string | null; level: string;
}

export async function classRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/basis-groups/:basisGroupId/overview', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.readOverview' } },
    schema: { tags: ['classes'], summary: 'Class overview for a basis group', params: z.object({ basisGroupId: z.uuid() }), response: { 200: overviewSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const group = req.group!;
    const { database } = app;
    const facts = await loadGroupStudentFacts(database, actor.ownerId, { kind: 'basis', id: group.basisGroupId }, req.today);
    // the group decision lets the caller in; each student is still decided on its own
    const decided = facts.map((s) => ({ s, d: can(actor, 'student.read', { type: 'student', student: s }, req.today) }))
      .filter((x) => x.d.allow);
    const rows = decided.length === 0 ? [] : await database.query<Row>(
      `select s.id, p.given_name, p.family_name, p.birth_date::text as birth_date, s.status, s.minority_language, s.level,
              exists(select 1 from accommodation_need a where a.owner_id = s.owner_id and a.student_id = s.id) as accommodation_need,
              (select max(c.occurred_on)::text from contact_log_entry c where c.owner_id = s.owner_id and c.student_id = s.id
                 and (c.visibility in ('staff', 'contactTeacherAndLeaders') or c.author_person_id = $3)) as last_contact_on
       from student s join person p on p.owner_id = s.owner_id and p.id = s.person_id
       where s.owner_id = $1 and s.id = any($2::uuid[])
       order by p.family_name, p.given_name`,
      [actor.ownerId, decided.map((x) => x.s.studentId), actor.personId],
    );
    const byId = new Map(decided.map((x) => [x.s.studentId, x]));
    await writeAudit(database, decided.map(({ s, d }) =>
      studentEntry(actor, 'basisGroup.readOverview', s.studentId, d.reason, { resourceType: 'basisGroup', resourceId: group.basisGroupId })));
    return {
      group: { id: group.basisGroupId, name: group.name, level: rows[0]?.level ?? '', schoolName: group.schoolName },
      access: accessOf(req),
      students: rows.map((r) => {
        const s = byId.get(r.id)!.s;
        const adult = isAdult(r.birth_date, req.today);
        return {
          studentId: r.id, givenName: r.given_name, familyName: r.family_name,
          age: r.birth_date ? ageOn(r.birth_date, req.today) : null, isAdult: adult,
          accommodationNeed: r.accommodation_need, minorityLanguage: r.minority_language, status: r.status,
          guardiansWithInsight: guardiansWithInsight(s, req.today),
          consent: !adult ? ('notAdult' as const) : s.consentedGuardianIds.length ? ('granted' as const) : ('none' as const),
          lastContactOn: r.last_contact_on, addressProtected: s.addressProtection !== 'none',
        };
      }),
    };
  });
}
