/**
 * Conduct grades (R-25, L-22): each teacher's input per group, the contact teacher's half-year grade
 * with every input side by side, the principal's review before final grades, and what the student and
 * guardians see. Group views decide each student again with can() and audit the reads.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import type { ConductGrade } from './tables.js';
import { accessOf, requireActor } from '../../core/http/access.js';
import { badField } from '../../core/http/errors.js';
import { can } from '../../core/policy/can.js';
import { studentParams } from '../../core/http/schemas.js';
import { auditGroup, conductStudents, gradesOf, iso, termView, yearStart } from './groups.js';
import {
  classConductSchema, groupInputsSchema, inputsBody, reviewBody, setGradeBody, setGradeParams, studentConductSchema, termQuery,
} from './schemas.js';
import { assertConductGradeAllowed, conductWarnings, singleIncidentMeasures, termFor } from './service.js';

const tags = ['conduct'];
const teachingParams = z.object({ teachingGroupId: z.uuid() });
const basisParams = z.object({ basisGroupId: z.uuid() });

export async function conductRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/teaching-groups/:teachingGroupId/conduct-inputs', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.writeConduct' } },
    schema: { tags, summary: "A teacher's conduct input for the students of their group this half-year (L-22 § 9-14)", params: teachingParams, querystring: termQuery, response: { 200: groupInputsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const g = req.teachingGroup!;
    const term = await termFor(q, actor.ownerId, req.today, req.query.termId);
    const students = await conductStudents(app, actor, { kind: 'teaching', id: g.teachingGroupId }, req.today);
    const inputs = await q<{ student_id: string; order: ConductGrade; behaviour: ConductGrade; reasons: string | null; updated_at: string }>(
      `select student_id, "order", behaviour, reasons, updated_at from conduct_input
       where owner_id = $1 and term_id = $2 and teacher_person_id = $3 and student_id = any($4::uuid[])`,
      [actor.ownerId, term.id, actor.personId, students.map((s) => s.facts.studentId)]);
    return {
      access: accessOf(req),
      group: { id: g.teachingGroupId, name: g.name, subjectCode: g.subjectCode, subjectName: g.subjectName },
      term: termView(term),
      students: students.map((s) => {
        const i = inputs.find((x) => x.student_id === s.facts.studentId);
        return {
          studentId: s.facts.studentId, givenName: s.givenName, familyName: s.familyName,
          input: i ? { order: i.order, behaviour: i.behaviour, reasons: i.reasons, updatedAt: iso(i.updated_at) } : null,
        };
      }),
    };
  });

  r.put('/api/teaching-groups/:teachingGroupId/conduct-inputs', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.writeConduct' } },
    schema: { tags, summary: 'Give or change conduct input (order, behaviour, reasons) for students of the group', params: teachingParams, body: inputsBody, response: { 200: groupInputsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const g = req.teachingGroup!;
    const term = await termFor(q, actor.ownerId, req.today, req.body.termId);
    const students = await conductStudents(app, actor, { kind: 'teaching', id: g.teachingGroupId }, req.today);
    const inGroup = new Set(students.map((s) => s.facts.studentId));
    const seen = new Set<string>();
    req.body.inputs.forEach((e, i) => {
      if (seen.has(e.studentId)) throw badField(`inputs.${i}.studentId`, 'conduct.duplicateStudent');
      seen.add(e.studentId);
      if (!inGroup.has(e.studentId)) throw badField(`inputs.${i}.studentId`, 'conduct.notInGroup');
      if ((e.order !== 'G' || e.behaviour !== 'G') && !e.reasons) throw badField(`inputs.${i}.reasons`, 'conduct.reasonsRequired');
    });
    const list = req.body.inputs;
    await q(
      `insert into conduct_input (owner_id, id, student_id, term_id, teacher_person_id, teaching_group_id, "order", behaviour, reasons)
       select $1, gen_random_uuid(), s, $2, $3, $4, o, b, r from unnest($5::uuid[], $6::text[], $7::text[], $8::text[]) as x(s, o, b, r)
       on conflict (owner_id, student_id, term_id, teacher_person_id) do update set teaching_group_id = excluded.teaching_group_id,
         "order" = excluded."order", behaviour = excluded.behaviour, reasons = excluded.reasons, updated_at = now()`,
      [actor.ownerId, term.id, actor.personId, g.teachingGroupId, list.map((e) => e.studentId), list.map((e) => e.order), list.map((e) => e.behaviour), list.map((e) => e.reasons || null)],
    );
    await writeAudit(app.database, list.map((e) => studentEntry(actor, 'teachingGroup.writeConduct', e.studentId, req.decision!.reason, { resourceType: 'teachingGroup', resourceId: g.teachingGroupId })));
    const inputs = await q<{ student_id: string; order: ConductGrade; behaviour: ConductGrade; reasons: string | null; updated_at: string }>(
      `select student_id, "order", behaviour, reasons, updated_at from conduct_input where owner_id = $1 and term_id = $2 and teacher_person_id = $3`,
      [actor.ownerId, term.id, actor.personId]);
    return {
      access: accessOf(req),
      group: { id: g.teachingGroupId, name: g.name, subjectCode: g.subjectCode, subjectName: g.subjectName },
      term: termView(term),
      students: students.map((s) => {
        const i = inputs.find((x) => x.student_id === s.facts.studentId);
        return { studentId: s.facts.studentId, givenName: s.givenName, familyName: s.familyName, input: i ? { order: i.order, behaviour: i.behaviour, reasons: i.reasons, updatedAt: iso(i.updated_at) } : null };
      }),
    };
  });

  r.get('/api/basis-groups/:basisGroupId/conduct', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.readConduct' } },
    schema: { tags, summary: "The class's conduct this half-year: every teacher's input side by side, the grades, warnings sent and the principal's review", params: basisParams, querystring: termQuery, response: { 200: classConductSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const group = req.group!;
    const term = await termFor(q, actor.ownerId, req.today, req.query.termId);
    const students = await conductStudents(app, actor, { kind: 'basis', id: group.basisGroupId }, req.today);
    const ids = students.map((s) => s.facts.studentId);
    const [inputs, grades, warnings, measures, review] = await Promise.all([
      q<{ student_id: string; teacher: string; group_name: string | null; subject_code: string | null; order: ConductGrade; behaviour: ConductGrade; reasons: string | null; updated_at: string }>(
        `select ci.student_id, p.given_name || ' ' || p.family_name as teacher, tg.name as group_name, su.code as subject_code,
           ci."order", ci.behaviour, ci.reasons, ci.updated_at
         from conduct_input ci join person p on p.owner_id = ci.owner_id and p.id = ci.teacher_person_id
         left join teaching_group tg on tg.owner_id = ci.owner_id and tg.id = ci.teaching_group_id
         left join subject su on su.owner_id = tg.owner_id and su.id = tg.subject_id
         where ci.owner_id = $1 and ci.term_id = $2 and ci.student_id = any($3::uuid[]) order by su.code nulls last, teacher`,
        [actor.ownerId, term.id, ids]),
      gradesOf(q, actor.ownerId, term.id, ids),
      conductWarnings(q, actor.ownerId, term.schoolYearId, ids),
      singleIncidentMeasures(q, actor.ownerId, ids, yearStart(term)),
      reviewOf(q, actor.ownerId, group.basisGroupId, term.id),
    ]);
    await auditGroup(app, actor, 'basisGroup.readConduct', students, req.decision!.reason, { type: 'basisGroup', id: group.basisGroupId });
    return {
      access: accessOf(req),
      group: { id: group.basisGroupId, name: group.name },
      term: termView(term),
      canSet: can(actor, 'basisGroup.setConduct', { type: 'basisGroup', group }, req.today).allow,
      canReview: can(actor, 'basisGroup.reviewConduct', { type: 'basisGroup', group }, req.today).allow,
      review,
      students: students.map((s) => {
        const id = s.facts.studentId;
        const w = warnings.get(id)!;
        return {
          studentId: id, givenName: s.givenName, familyName: s.familyName,
          inputs: inputs.filter((i) => i.student_id === id).map((i) => ({
            teacherName: i.teacher, groupName: i.group_name, subjectCode: i.subject_code, order: i.order, behaviour: i.behaviour, reasons: i.reasons, updatedAt: iso(i.updated_at),
          })),
          grade: grades.get(id) ?? null,
          warnings: {
            order: w.order ? { warningId: w.order.warningId, sentAt: w.order.sentAt } : null,
            behaviour: w.behaviour ? { warningId: w.behaviour.warningId, sentAt: w.behaviour.sentAt } : null,
          },
          singleIncidentMeasures: measures.get(id) ?? [],
        };
      }),
    };
  });

  r.put('/api/basis-groups/:basisGroupId/conduct/:studentId', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.setConduct' } },
    schema: {
      tags, summary: "The contact teacher sets the half-year conduct grade (L-22 § 9-14); Ng/Lg without an earlier warning or a single-incident sanction is refused with 409 (§ 9-17)",
      params: setGradeParams, body: setGradeBody, response: { 200: classConductSchema.shape.students.element.shape.grade.unwrap() },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const group = req.group!;
    const { studentId } = req.params;
    const b = req.body;
    const term = await termFor(q, actor.ownerId, req.today, b.termId);
    const students = await conductStudents(app, actor, { kind: 'basis', id: group.basisGroupId }, req.today);
    const student = students.find((s) => s.facts.studentId === studentId);
    if (!student) throw badField('studentId', 'conduct.notInClass');
    if ((b.order !== 'G' || b.behaviour !== 'G') && !b.reasons) throw badField('reasons', 'conduct.reasonsRequired');
    const [warnings, measures] = await Promise.all([
      conductWarnings(q, actor.ownerId, term.schoolYearId, [studentId]),
      singleIncidentMeasures(q, actor.ownerId, [studentId], yearStart(term)),
    ]);
    const measureId = b.measureId ?? null;
    assertConductGradeAllowed({ order: b.order, behaviour: b.behaviour }, warnings.get(studentId)!, measureId, measures.get(studentId) ?? []);
    await q(
      `insert into conduct_grade (owner_id, student_id, term_id, "order", behaviour, reasons, measure_id, set_by_person_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (owner_id, student_id, term_id) do update set "order" = excluded."order", behaviour = excluded.behaviour,
         reasons = excluded.reasons, measure_id = excluded.measure_id, set_by_person_id = excluded.set_by_person_id, set_at = now()`,
      [actor.ownerId, studentId, term.id, b.order, b.behaviour, b.reasons || null, measureId, actor.personId]);
    await writeAudit(app.database, [studentEntry(actor, 'basisGroup.setConduct', studentId, req.decision!.reason, { resourceType: 'basisGroup', resourceId: group.basisGroupId })]);
    return (await gradesOf(q, actor.ownerId, term.id, [studentId])).get(studentId)!;
  });

  r.put('/api/basis-groups/:basisGroupId/conduct/review', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.reviewConduct' } },
    schema: { tags, summary: "The principal records the discussion of the class's conduct grades with the teachers before final grades (L-22 § 9-17): date and outcome per student", params: basisParams, body: reviewBody, response: { 200: classConductSchema.shape.review.unwrap() } },
  }, async (req) => {
    const actor = requireActor(req);
    const group = req.group!;
    const b = req.body;
    const term = await termFor(q, actor.ownerId, req.today, b.termId);
    if (b.heldOn > req.today) throw badField('heldOn', 'discipline.inFuture');
    const students = await conductStudents(app, actor, { kind: 'basis', id: group.basisGroupId }, req.today);
    const inClass = new Set(students.map((s) => s.facts.studentId));
    const seen = new Set<string>();
    b.outcomes.forEach((o, i) => {
      if (!inClass.has(o.studentId)) throw badField(`outcomes.${i}.studentId`, 'conduct.notInClass');
      if (seen.has(o.studentId)) throw badField(`outcomes.${i}.studentId`, 'conduct.duplicateStudent');
      seen.add(o.studentId);
    });
    await app.database.transaction(async (tx) => {
      const [row] = await tx<{ id: string }>(
        `insert into conduct_review (owner_id, id, basis_group_id, term_id, held_on, participants, reviewed_by_person_id)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (owner_id, basis_group_id, term_id) do update set held_on = excluded.held_on, participants = excluded.participants,
           reviewed_by_person_id = excluded.reviewed_by_person_id, recorded_at = now()
         returning id`,
        [actor.ownerId, randomUUID(), group.basisGroupId, term.id, b.heldOn, b.participants || null, actor.personId]);
      await tx('delete from conduct_review_outcome where owner_id = $1 and review_id = $2', [actor.ownerId, row!.id]);
      if (b.outcomes.length) {
        await tx(
          `insert into conduct_review_outcome (owner_id, review_id, student_id, outcome, note)
           select $1, $2, s, o, n from unnest($3::uuid[], $4::text[], $5::text[]) as x(s, o, n)`,
          [actor.ownerId, row!.id, b.outcomes.map((o) => o.studentId), b.outcomes.map((o) => o.outcome), b.outcomes.map((o) => o.note || null)]);
      }
    });
    await auditGroup(app, actor, 'basisGroup.reviewConduct', students.filter((s) => seen.has(s.facts.studentId)), req.decision!.reason, { type: 'basisGroup', id: group.basisGroupId });
    return (await reviewOf(q, actor.ownerId, group.basisGroupId, term.id))!;
  });

  r.get('/api/students/:studentId/conduct', {
    config: { access: { kind: 'student', action: 'conduct.read', audit: 'read' } },
    schema: { tags, summary: "A student's conduct grades as set (the inputs behind them stay with the staff)", params: studentParams, response: { 200: studentConductSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await q<{ term_id: string; kind: 'autumn' | 'spring'; name: string; order: ConductGrade; behaviour: ConductGrade; set_at: string }>(
      `select g.term_id, t.kind, y.name, g."order", g.behaviour, g.set_at from conduct_grade g
       join term t on t.owner_id = g.owner_id and t.id = g.term_id join school_year y on y.owner_id = t.owner_id and y.id = t.school_year_id
       where g.owner_id = $1 and g.student_id = $2 order by t.starts_on desc`,
      [actor.ownerId, req.student!.studentId]);
    return {
      access: accessOf(req),
      grades: rows.map((g) => ({ termId: g.term_id, termKind: g.kind, schoolYearName: g.name, order: g.order, behaviour: g.behaviour, setAt: iso(g.set_at) })),
    };
  });

}

async function reviewOf(q: FastifyInstance['database']['query'], ownerId: string, basisGroupId: string, termId: string) {
  const [rv] = await q<{ id: string; held_on: string; participants: string | null; reviewed_by: string }>(
    `select r.id, r.held_on::text as held_on, r.participants, p.given_name || ' ' || p.family_name as reviewed_by from conduct_review r
     join person p on p.owner_id = r.owner_id and p.id = r.reviewed_by_person_id
     where r.owner_id = $1 and r.basis_group_id = $2 and r.term_id = $3`,
    [ownerId, basisGroupId, termId]);
  if (!rv) return null;
  const outcomes = await q<{ student_id: string; outcome: 'confirmed' | 'changed' | 'followUp'; note: string | null }>(
    'select student_id, outcome, note from conduct_review_outcome where owner_id = $1 and review_id = $2', [ownerId, rv.id]);
  return { id: rv.id, heldOn: rv.held_on, participants: rv.participants, reviewedBy: rv.reviewed_by, outcomes: outcomes.map((o) => ({ studentId: o.student_id, outcome: o.outcome, note: o.note })) };
}
