/**
 * L-02, L-06: the guardian conference — offered to every guardian with insight
 * (parental responsibility; a parent without it only after a decision to inform; an adult student's
 * guardians only with consent), that they were told of the right, and who declined.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { accessOf, requireActor } from '../../core/http/access.js';
import { HttpError, badField } from '../../core/http/errors.js';
import { can } from '../../core/policy/can.js';
import { guardianInsight } from '../../core/policy/guardianInsight.js';
import type { StudentFacts } from '../../core/policy/types.js';
import { ageOn, isAdult } from '../../core/time.js';
import { studentParams } from '../../core/http/schemas.js';
import { loadPlan } from './planData.js';
import { conferencesSchema, declineBody, myConferenceOfferSchema, offerBody, offerResultSchema } from './schemas.js';
import {
  classConferenceStudents, conferenceOfferTo, conferenceOffersOf, declineGuardianConference, offerGuardianConference, personNames,
} from './queries/conferences.js';
import { schoolYearOn } from './queries/conversations.js';

const byName = new Intl.Collator('nb');

/** Guardians who are offered the conference: those with insight in the student today. */
export function conferenceGuardians(s: StudentFacts, today: string) {
  return s.guardianships
    .map((g) => ({ g, insight: guardianInsight(s, g.guardianPersonId, today) }))
    .filter((x) => x.insight.insight);
}

export async function conferenceRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/basis-groups/:basisGroupId/guardian-conferences', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.readConversationPlan' } },
    schema: { tags: ['conversations'], summary: 'Guardian conferences of the class: offered, told of the right, booked, held, declined', params: z.object({ basisGroupId: z.uuid() }), response: { 200: conferencesSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const group = req.group!;
    const plan = await loadPlan(q, actor.ownerId, group.schoolId, req.today);
    if (!plan) throw new HttpError(404, 'error.noSchoolYear');
    const deadline = plan.windows.filter((w) => w.kind === 'guardian').map((w) => w.closesOn).sort()[0] ?? null;
    const students = await classConferenceStudents(app.database, actor.ownerId, group.basisGroupId, req.today, plan.schoolYear.id);
    const decided = students.map(({ facts, row }) => ({ facts, row, d: can(actor, 'student.read', { type: 'student', student: facts }, req.today) })).filter((x) => x.d.allow);
    const offers = await conferenceOffersOf(q, actor.ownerId, plan.schoolYear.id, decided.map((x) => x.facts.studentId));
    const names = await personNames(q, actor.ownerId, decided.flatMap((x) => x.facts.guardianships.map((g) => g.guardianPersonId)));
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    await writeAudit(app.database, decided.map(({ facts, d }) =>
      studentEntry(actor, 'basisGroup.readGuardianConferences', facts.studentId, d.reason, { resourceType: 'basisGroup', resourceId: group.basisGroupId })));
    const rows = decided.map(({ facts, row }) => {
      const guardians = conferenceGuardians(facts, req.today).map(({ g, insight }) => {
        const o = offers.find((x) => x.student_id === facts.studentId && x.guardian_person_id === g.guardianPersonId);
        return {
          personId: g.guardianPersonId, name: nameOf.get(g.guardianPersonId) ?? '', insightReasonCode: insight.reason.code,
          offeredAt: o ? new Date(o.offered_at).toISOString() : null, toldOfRight: o?.told_of_right ?? false,
          declinedAt: o?.declined_at ? new Date(o.declined_at).toISOString() : null,
        };
      });
      const conversations = row.guardian_conversations ?? [];
      const offered = guardians.filter((g) => g.offeredAt);
      const status = guardians.length === 0 ? 'notApplicable' as const
        : conversations.some((c) => c.held) ? 'held' as const
          : conversations.length ? 'booked' as const
            : offered.length && offered.every((g) => g.declinedAt) ? 'declined' as const
              : offered.length ? 'offered' as const : 'notOffered' as const;
      const age = facts.birthDate ? ageOn(facts.birthDate, req.today) : null;
      return {
        studentId: facts.studentId, name: `${row.given_name} ${row.family_name}`, age, isAdult: isAdult(facts.birthDate, req.today),
        status, studentMayTakePart: age === null || age >= 12, guardians,
        notOfferedByDeadline: status === 'notOffered' && deadline !== null && req.today > deadline,
      };
    });
    rows.sort((a, b) => byName.compare(a.name.split(' ').pop()!, b.name.split(' ').pop()!) || byName.compare(a.name, b.name));
    return { access: accessOf(req), deadline, rows };
  });

  r.post('/api/students/:studentId/guardian-conference/offers', {
    config: { access: { kind: 'student', action: 'guardianConference.offer', audit: 'write' } },
    schema: { tags: ['conversations'], summary: 'Offer the guardian conference and record that guardians were told of the right', params: studentParams, body: offerBody, response: { 200: offerResultSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const student = req.student!;
    const eligible = conferenceGuardians(student, req.today).map((x) => x.g.guardianPersonId);
    if (eligible.length === 0) throw badField('guardianPersonIds', 'field.notEligibleForConference');
    const chosen = req.body.guardianPersonIds ?? eligible;
    chosen.forEach((id, i) => {
      if (!eligible.includes(id)) throw badField(`guardianPersonIds.${i}`, 'field.guardianWithoutInsight');
    });
    const year = await schoolYearOn(q, actor.ownerId, req.today);
    if (!year) throw new HttpError(404, 'error.noSchoolYear');
    const offered = await offerGuardianConference(q, {
      ownerId: actor.ownerId, studentId: student.studentId, schoolYearId: year.id, offeredByPersonId: actor.personId,
      toldOfRight: req.body.toldOfRight, guardianPersonIds: chosen,
    });
    return { offered };
  });

  r.get('/api/students/:studentId/guardian-conference', {
    config: { access: { kind: 'student', action: 'conversation.list', audit: 'read' } },
    schema: { tags: ['conversations'], summary: "The calling guardian's own offer of the guardian conference: when, told of the right, declined", params: studentParams, response: { 200: myConferenceOfferSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const student = req.student!;
    const year = await schoolYearOn(q, actor.ownerId, req.today);
    // only a guardian with insight has an offer of their own; anyone else gets none
    const mine = conferenceGuardians(student, req.today).some((x) => x.g.guardianPersonId === actor.personId);
    const o = year && mine ? await conferenceOfferTo(q, actor.ownerId, student.studentId, year.id, actor.personId) : undefined;
    return {
      access: accessOf(req),
      offer: o ? { offeredAt: new Date(o.offered_at).toISOString(), toldOfRight: o.told_of_right, declinedAt: o.declined_at ? new Date(o.declined_at).toISOString() : null } : null,
    };
  });

  r.post('/api/students/:studentId/guardian-conference/decline', {
    config: { access: { kind: 'student', action: 'booking.book', audit: 'write' } },
    schema: { tags: ['conversations'], summary: 'A guardian declines the conference (or the contact teacher records it)', params: studentParams, body: declineBody },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const student = req.student!;
    const asGuardian = student.guardianships.some((g) => g.guardianPersonId === actor.personId);
    const code = req.decision!.reason.code;
    const guardianPersonId = asGuardian ? actor.personId : code === 'contactTeacher' ? req.body.guardianPersonId : undefined;
    if (!asGuardian && code !== 'contactTeacher') throw new HttpError(403, 'error.forbidden');
    if (!guardianPersonId) throw badField('guardianPersonId', 'field.required');
    if (!conferenceGuardians(student, req.today).some((x) => x.g.guardianPersonId === guardianPersonId)) throw badField('guardianPersonId', 'field.guardianWithoutInsight');
    const year = await schoolYearOn(q, actor.ownerId, req.today);
    if (!year) throw new HttpError(404, 'error.noSchoolYear');
    await declineGuardianConference(q, {
      ownerId: actor.ownerId, studentId: student.studentId, schoolYearId: year.id, guardianPersonId, recordedByPersonId: actor.personId,
    });
    return reply.status(204).send();
  });
}
