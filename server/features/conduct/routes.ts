/**
 * Conduct grades (R-25, L-22): each teacher's input per group, the contact teacher's half-year grade
 * with every input side by side, the principal's review before final grades, and what the student and
 * guardians see. Group views decide each student again with can() and audit the reads.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { accessOf, requireActor } from '../../core/http/access.js';
import { badField } from '../../core/http/errors.js';
import { can } from '../../core/policy/can.js';
import { studentParams } from '../../core/http/schemas.js';
import { auditGroup, conductStudents, gradesOf, iso, termView, yearStart, type Named } from './groups.js';
import {
  basisGroupParams as basisParams, classConductSchema, groupInputsSchema, inputsBody, reviewBody, setGradeBody, setGradeParams, studentConductSchema,
  teachingGroupParams as teachingParams, termQuery,
} from './schemas.js';
import {
  classConductInputs, conductReview, deleteReviewOutcomes, insertReviewOutcomes, reviewOutcomes, singleIncidentMeasures, studentConductGrades,
  teacherInputs, teacherInputsFor, upsertConductGrade, upsertConductInputs, upsertConductReview, type TeacherInputRow,
} from './queries.js';
import { assertConductGradeAllowed, conductWarnings, termFor, type TermFacts } from './service.js';

const tags = ['conduct'];

/** A teacher's inputs for the students of their group, as the input page shows them. */
function groupInputsView(req: FastifyRequest, term: TermFacts, students: readonly Named[], inputs: readonly TeacherInputRow[]): z.infer<typeof groupInputsSchema> {
  const g = req.teachingGroup!;
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
}

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
    const inputs = await teacherInputsFor(q, actor.ownerId, term.id, actor.personId, students.map((s) => s.facts.studentId));
    return groupInputsView(req, term, students, inputs);
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
    await upsertConductInputs(q, actor.ownerId, term.id, actor.personId, g.teachingGroupId,
      list.map((e) => ({ studentId: e.studentId, order: e.order, behaviour: e.behaviour, reasons: e.reasons || null })));
    await writeAudit(app.database, list.map((e) => studentEntry(actor, 'teachingGroup.writeConduct', e.studentId, req.decision!.reason, { resourceType: 'teachingGroup', resourceId: g.teachingGroupId })));
    const inputs = await teacherInputs(q, actor.ownerId, term.id, actor.personId);
    return groupInputsView(req, term, students, inputs);
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
      classConductInputs(q, actor.ownerId, term.id, ids),
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
    await upsertConductGrade(q, actor.ownerId, {
      studentId, termId: term.id, order: b.order, behaviour: b.behaviour, reasons: b.reasons || null, measureId, setByPersonId: actor.personId,
    });
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
      const reviewId = await upsertConductReview(tx, actor.ownerId, {
        id: randomUUID(), basisGroupId: group.basisGroupId, termId: term.id, heldOn: b.heldOn, participants: b.participants || null, reviewedByPersonId: actor.personId,
      });
      await deleteReviewOutcomes(tx, actor.ownerId, reviewId);
      if (b.outcomes.length) {
        await insertReviewOutcomes(tx, actor.ownerId, reviewId, b.outcomes.map((o) => ({ studentId: o.studentId, outcome: o.outcome, note: o.note || null })));
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
    const rows = await studentConductGrades(q, actor.ownerId, req.student!.studentId);
    return {
      access: accessOf(req),
      grades: rows.map((g) => ({ termId: g.term_id, termKind: g.kind, schoolYearName: g.name, order: g.order, behaviour: g.behaviour, setAt: iso(g.set_at) })),
    };
  });

}

async function reviewOf(q: FastifyInstance['database']['query'], ownerId: string, basisGroupId: string, termId: string) {
  const rv = await conductReview(q, ownerId, basisGroupId, termId);
  if (!rv) return null;
  const outcomes = await reviewOutcomes(q, ownerId, rv.id);
  return { id: rv.id, heldOn: rv.held_on, participants: rv.participants, reviewedBy: rv.reviewed_by, outcomes: outcomes.map((o) => ({ studentId: o.student_id, outcome: o.outcome, note: o.note })) };
}
