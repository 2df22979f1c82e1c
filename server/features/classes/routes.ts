/** The contact teacher's class overview: every student of a basis group on one screen. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { accessOf, requireActor } from '../../core/http/access.js';
import { can } from '../../core/policy/can.js';
import { guardiansWithInsight } from '../../core/policy/guardianInsight.js';
import { ageOn, isAdult } from '../../core/time.js';
import { classOverviewStudents } from './queries.js';
import { basisGroupParams, classOverviewSchema } from './schemas.js';

const byName = new Intl.Collator('nb');

export async function classRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/basis-groups/:basisGroupId/overview', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.readOverview' } },
    schema: { tags: ['classes'], summary: 'Class overview for a basis group', params: basisGroupParams, response: { 200: classOverviewSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const group = req.group!;
    const { database } = app;
    const students = await classOverviewStudents(database, actor.ownerId, group.basisGroupId, req.today, actor.personId);
    // the group decision lets the caller in; each student is still decided on its own
    const decided = students.map(({ facts: s, row }) => ({ s, row, d: can(actor, 'student.read', { type: 'student', student: s }, req.today) }))
      .filter((x) => x.d.allow);
    decided.sort((a, b) => byName.compare(a.row.family_name, b.row.family_name) || byName.compare(a.row.given_name, b.row.given_name));
    await writeAudit(database, decided.map(({ s, d }) =>
      studentEntry(actor, 'basisGroup.readOverview', s.studentId, d.reason, { resourceType: 'basisGroup', resourceId: group.basisGroupId })));
    return {
      group: { id: group.basisGroupId, name: group.name, level: group.level, schoolName: group.schoolName },
      access: accessOf(req),
      students: decided.map(({ s, row: r }) => {
        const adult = isAdult(r.birth_date, req.today);
        return {
          studentId: r.id, givenName: r.given_name, familyName: r.family_name,
          age: r.birth_date ? ageOn(r.birth_date, req.today) : null, isAdult: adult,
          accommodationNeed: r.accommodation_need, minorityLanguage: r.minority_language, status: r.status,
          guardiansWithInsight: guardiansWithInsight(s, req.today).length,
          consent: !adult ? ('notAdult' as const) : s.consentedGuardianIds.length ? ('granted' as const) : ('none' as const),
          lastContactOn: r.last_contact_on, addressProtected: s.addressProtection !== 'none',
        };
      }),
    };
  });
}
