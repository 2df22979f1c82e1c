/**
 * Formative assessment. Subject teachers record assessments for the students of their own
 * teaching groups (a whole group on one page, or a CSV from the school's other register); the student
 * and guardians with insight read them; the contact teacher sees a per-subject summary of the class;
 * the department head and the principal read within their scope. Every student is decided with can()
 * and every read of student data is audited.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { accessOf, requireActor } from '../../core/http/access.js';
import { HttpError, badField, type FieldError } from '../../core/http/errors.js';
import { can } from '../../core/policy/can.js';
import type { Action, Actor, StudentFacts } from '../../core/policy/types.js';
import { studentParams } from '../../core/http/schemas.js';
import {
  assessmentParams, basisParams, classSummarySchema, editBody, groupAssessmentsSchema, importBody, importSchema, recordBody, studentAssessmentsSchema,
  teachingParams, type ClassSummary, type GroupAssessments,
} from './schemas.js';
import {
  assessmentOfGroup, assessmentsOfGroup, assessmentsOfStudent, assessmentsOfStudentInGroups, assessmentsOfStudentsBetween, correctAssessment, deleteAssessment,
  groupStudentsWithContact, insertAssessments, personName, subjectIdOf, subjectsByCode, termOn, type AssessmentRow,
} from './queries.js';
import { exportCsv, parseImport, type GroupMember } from './service.js';

const tags = ['formativeAssessment'];
const byName = new Intl.Collator('nb');

interface Member extends GroupMember { facts: StudentFacts }

/** Current students of a group whom the actor may read formative assessments of, by name. */
async function members(app: FastifyInstance, actor: Actor, group: { kind: 'basis' | 'teaching'; id: string }, today: string): Promise<Member[]> {
  const rows = await groupStudentsWithContact(app.database, actor.ownerId, group, today);
  return rows
    .filter(({ facts }) => can(actor, 'formativeAssessment.read', { type: 'student', student: facts }, today).allow)
    .map(({ facts, givenName, familyName, email }) => ({ facts, studentId: facts.studentId, givenName, familyName, email }))
    .sort((a, b) => byName.compare(a.familyName, b.familyName) || byName.compare(a.givenName, b.givenName));
}

async function audit(app: FastifyInstance, actor: Actor, action: Action, students: readonly { facts: StudentFacts }[], today: string, resource: { type: string; id: string }) {
  await writeAudit(app.database, students.flatMap(({ facts }) => {
    const d = can(actor, 'formativeAssessment.read', { type: 'student', student: facts }, today);
    return d.allow ? [studentEntry(actor, action, facts.studentId, d.reason, { resourceType: resource.type, resourceId: resource.id })] : [];
  }));
}

const publicRow = ({ id, assessedOn, kind, feedback, subjectCode, subjectName, groupName, recordedBy }: AssessmentRow) =>
  ({ id, assessedOn, kind, feedback, subjectCode, subjectName, groupName, recordedBy });

async function groupView(app: FastifyInstance, req: FastifyRequest): Promise<{ view: GroupAssessments; students: Member[]; rows: AssessmentRow[] }> {
  const q = app.database.query;
  const actor = requireActor(req);
  const g = req.teachingGroup!;
  const [students, term, rows] = await Promise.all([
    members(app, actor, { kind: 'teaching', id: g.teachingGroupId }, req.today),
    termOn(q, actor.ownerId, req.today),
    assessmentsOfGroup(q, actor.ownerId, g.teachingGroupId),
  ]);
  const inTerm = (day: string) => term !== null && day >= term.startsOn && day <= term.endsOn;
  const view: GroupAssessments = {
    access: accessOf(req),
    group: { id: g.teachingGroupId, name: g.name, subjectCode: g.subjectCode, subjectName: g.subjectName },
    term,
    today: req.today,
    canRecord: can(actor, 'teachingGroup.recordFormativeAssessment', { type: 'teachingGroup', group: g }, req.today).allow,
    students: students.map((s) => {
      const own = rows.filter((r) => r.studentId === s.studentId);
      return {
        studentId: s.studentId, givenName: s.givenName, familyName: s.familyName,
        countThisTerm: own.filter((r) => inTerm(r.assessedOn)).length,
        assessments: own.map((r) => ({ ...publicRow(r), mine: r.recordedByPersonId === actor.personId })),
      };
    }),
  };
  return { view, students, rows };
}

export async function formativeAssessmentRoutes(app: FastifyInstance): Promise<void> {
  /** An assessment of this group that the actor recorded: others may not change or delete it. */
  async function ownAssessment(actor: Actor, teachingGroupId: string, assessmentId: string): Promise<{ student_id: string }> {
    const row = await assessmentOfGroup(app.database.query, actor.ownerId, assessmentId, teachingGroupId);
    if (!row) throw new HttpError(404, 'error.notFound');
    if (row.recorded_by_person_id !== actor.personId) throw new HttpError(403, 'formative.notYours');
    return row;
  }

  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/students/:studentId/formative-assessments', {
    config: { access: { kind: 'student', action: 'formativeAssessment.read', audit: 'read' } },
    schema: { tags, summary: "A student's formative assessments, newest first (a subject teacher sees their own groups' subjects)", params: studentParams, response: { 200: studentAssessmentsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    const ownGroups = req.decision!.allow && req.decision!.reason.code === 'subjectTeacher';
    const groupIds = actor.subjectTeacherOf.map((g) => g.id);
    const rows = ownGroups
      ? await assessmentsOfStudentInGroups(q, actor.ownerId, s.studentId, groupIds)
      : await assessmentsOfStudent(q, actor.ownerId, s.studentId);
    const person = await personName(q, actor.ownerId, s.personId);
    return {
      access: accessOf(req),
      student: { id: s.studentId, givenName: person?.given_name ?? '', familyName: person?.family_name ?? '' },
      scope: ownGroups ? ('ownGroups' as const) : ('all' as const),
      assessments: rows.map(publicRow),
    };
  });

  r.get('/api/teaching-groups/:teachingGroupId/formative-assessments', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.readFormativeAssessments' } },
    schema: { tags, summary: "A teaching group's students with their formative assessments this school year: the page for fast entry", params: teachingParams, response: { 200: groupAssessmentsSchema } },
  }, async (req) => {
    const { view, students } = await groupView(app, req);
    await audit(app, requireActor(req), 'teachingGroup.readFormativeAssessments', students, req.today, { type: 'teachingGroup', id: req.teachingGroup!.teachingGroupId });
    return view;
  });

  r.post('/api/teaching-groups/:teachingGroupId/formative-assessments', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.recordFormativeAssessment' } },
    schema: { tags, summary: 'Record one formative assessment (date, kind) for several students of the group, each with their own feedback', params: teachingParams, body: recordBody, response: { 200: groupAssessmentsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const g = req.teachingGroup!;
    const b = req.body;
    if (b.assessedOn > req.today) throw badField('assessedOn', 'formative.inFuture', { today: req.today });
    const inGroup = new Map((await members(app, actor, { kind: 'teaching', id: g.teachingGroupId }, req.today)).map((m) => [m.studentId, m]));
    const seen = new Set<string>();
    b.entries.forEach((e, i) => {
      if (!inGroup.has(e.studentId)) throw badField(`entries.${i}.studentId`, 'formative.notInGroup');
      if (seen.has(e.studentId)) throw badField(`entries.${i}.studentId`, 'formative.duplicateStudent');
      seen.add(e.studentId);
    });
    await insertAssessments(q, actor.ownerId, { id: g.teachingGroupId, subjectId: await subjectIdOf(q, actor.ownerId, g.teachingGroupId) }, actor.personId,
      b.entries.map((e) => ({ studentId: e.studentId, assessedOn: b.assessedOn, kind: b.kind, feedback: e.feedback })));
    await audit(app, actor, 'teachingGroup.recordFormativeAssessment', b.entries.map((e) => inGroup.get(e.studentId)!), req.today, { type: 'teachingGroup', id: g.teachingGroupId });
    return (await groupView(app, req)).view;
  });

  r.patch('/api/teaching-groups/:teachingGroupId/formative-assessments/:assessmentId', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.recordFormativeAssessment' } },
    schema: { tags, summary: 'Correct a formative assessment (only the teacher who recorded it); the student sees the corrected text', params: assessmentParams, body: editBody, response: { 200: groupAssessmentsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const g = req.teachingGroup!;
    const row = await ownAssessment(actor, g.teachingGroupId, req.params.assessmentId);
    const b = req.body;
    if (b.assessedOn && b.assessedOn > req.today) throw badField('assessedOn', 'formative.inFuture', { today: req.today });
    await correctAssessment(q, actor.ownerId, req.params.assessmentId, { feedback: b.feedback, assessedOn: b.assessedOn ?? null, kind: b.kind ?? null });
    await writeAudit(app.database, [studentEntry(actor, 'teachingGroup.recordFormativeAssessment', row.student_id, req.decision!.reason, { resourceType: 'teachingGroup', resourceId: g.teachingGroupId })]);
    return (await groupView(app, req)).view;
  });

  r.delete('/api/teaching-groups/:teachingGroupId/formative-assessments/:assessmentId', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.recordFormativeAssessment' } },
    schema: { tags, summary: 'Delete a formative assessment recorded by mistake (only the teacher who recorded it)', params: assessmentParams },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const g = req.teachingGroup!;
    const row = await ownAssessment(actor, g.teachingGroupId, req.params.assessmentId);
    await deleteAssessment(q, actor.ownerId, req.params.assessmentId);
    await writeAudit(app.database, [studentEntry(actor, 'teachingGroup.recordFormativeAssessment', row.student_id, req.decision!.reason, { resourceType: 'teachingGroup', resourceId: g.teachingGroupId })]);
    return reply.code(204).send();
  });

  r.get('/api/teaching-groups/:teachingGroupId/formative-assessments.csv', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.readFormativeAssessments' } },
    schema: { tags, summary: "The group's formative assessments as CSV (semicolons; the same columns the import reads)", params: teachingParams, produces: ['text/csv'] },
  }, async (req, reply) => {
    const { students, rows } = await groupView(app, req);
    const visible = new Set(students.map((s) => s.studentId));
    await audit(app, requireActor(req), 'teachingGroup.readFormativeAssessments', students, req.today, { type: 'teachingGroup', id: req.teachingGroup!.teachingGroupId });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${req.teachingGroup!.name.replace(/[^\w.-]/g, '_')}-underveisvurdering.csv"`)
      .send(exportCsv(req.locale, students, rows.filter((x) => visible.has(x.studentId))));
  });

  r.post('/api/teaching-groups/:teachingGroupId/formative-assessments/import', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.recordFormativeAssessment' } },
    schema: {
      tags, summary: 'Import formative assessments from CSV (student id or name; date; kind; feedback): every line is checked, and nothing is saved if any line is bad',
      params: teachingParams, body: importBody, response: { 200: importSchema },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const g = req.teachingGroup!;
    const group = await members(app, actor, { kind: 'teaching', id: g.teachingGroupId }, req.today);
    const { rows, errors } = parseImport(req.body.csv, req.locale, group, req.today);
    if (errors.length) throw new HttpError(400, 'error.badRequest', {}, errors.slice(0, 50) as FieldError[]);
    // a line identical to a stored assessment is not saved twice, so exporting and importing again changes nothing
    const existing = await assessmentsOfGroup(q, actor.ownerId, g.teachingGroupId);
    const key = (x: { studentId: string; assessedOn: string; kind: string; feedback: string }) => `${x.studentId}|${x.assessedOn}|${x.kind}|${x.feedback}`;
    const stored = new Set(existing.map(key));
    const fresh = rows.filter((x) => !stored.has(key(x)) && (stored.add(key(x)), true));
    // one statement: all lines or none
    await insertAssessments(q, actor.ownerId, { id: g.teachingGroupId, subjectId: await subjectIdOf(q, actor.ownerId, g.teachingGroupId) }, actor.personId, fresh);
    const touched = new Set(fresh.map((x) => x.studentId));
    await audit(app, actor, 'teachingGroup.recordFormativeAssessment', group.filter((m) => touched.has(m.studentId)), req.today, { type: 'teachingGroup', id: g.teachingGroupId });
    return { created: fresh.length, unchanged: rows.length - fresh.length };
  });

  r.get('/api/basis-groups/:basisGroupId/formative-assessments', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.readFormativeSummary' } },
    schema: { tags, summary: "The class's formative assessments this term per subject: how many, the latest, and who has none yet", params: basisParams, response: { 200: classSummarySchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const bg = req.group!;
    const [students, term] = await Promise.all([members(app, actor, { kind: 'basis', id: bg.basisGroupId }, req.today), termOn(q, actor.ownerId, req.today)]);
    const ids = students.map((s) => s.studentId);
    const [rows, subjects] = await Promise.all([
      term && ids.length ? assessmentsOfStudentsBetween(q, actor.ownerId, ids, term.startsOn, term.endsOn) : Promise.resolve([]),
      subjectsByCode(q, actor.ownerId, [...new Set(students.flatMap((s) => s.facts.teachingGroups.map((t) => t.subjectCode)))]),
    ]);
    const summary: ClassSummary['subjects'] = subjects.map((su) => {
      const taking = students.filter((s) => s.facts.teachingGroups.some((t) => t.subjectCode === su.code));
      const taken = new Set(taking.map((s) => s.studentId));
      const mine = rows.filter((x) => x.subjectCode === su.code && taken.has(x.studentId));
      const assessed = new Set(mine.map((x) => x.studentId));
      return {
        subjectCode: su.code, subjectName: su.name, students: taking.length, count: mine.length,
        latestOn: mine.reduce<string | null>((m, x) => (m === null || x.assessedOn > m ? x.assessedOn : m), null),
        withoutAssessment: taking.filter((s) => !assessed.has(s.studentId)).map(({ studentId, givenName, familyName }) => ({ studentId, givenName, familyName })),
      };
    }).sort((a, b) => byName.compare(a.subjectName, b.subjectName));
    await audit(app, actor, 'basisGroup.readFormativeSummary', students, req.today, { type: 'basisGroup', id: bg.basisGroupId });
    return { access: accessOf(req), group: { id: bg.basisGroupId, name: bg.name }, term, subjects: summary };
  });
}
