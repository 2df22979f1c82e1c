/**
 * The grade preparation: per student of the class, the risks of no grade (IV) from absence (read
 * from the absence feature, L-10/L-13) and from sent warnings (L-20), the conduct inputs and grade, and the
 * conduct warnings sent — as JSON for the page and as CSV for the grade meeting.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ConductGrade } from './tables.js';
import { csvExport } from '../../core/csv/export.js';
import { accessOf, requireActor } from '../../core/http/access.js';
import { t, type MessageKey } from '../../core/i18n/messages.js';
import { percentOf, subjectStats, subjectStatus, yearContext } from '../absence/index.js';
import { sentWarnings } from '../warnings/index.js';
import { auditGroup, conductStudents, gradesOf, termView } from './groups.js';
import { inputGrades, latestLimitDecisions, ownerSubjects, termIdsOfYear } from './queries.js';
import { basisGroupParams as basisParams, preparationSchema, termQuery } from './schemas.js';
import { termFor } from './service.js';

type Preparation = z.infer<typeof preparationSchema>;
const tags = ['conduct'];
const RANK: Record<ConductGrade, number> = { G: 0, Ng: 1, Lg: 2 };
const lowest = (grades: ConductGrade[]): ConductGrade | null => grades.reduce<ConductGrade | null>((m, g) => (m === null || RANK[g] > RANK[m] ? g : m), null);

async function build(app: FastifyInstance, req: FastifyRequest, termId: string | undefined): Promise<Preparation> {
  const q = app.database.query;
  const actor = requireActor(req);
  const group = req.group!;
  const term = await termFor(q, actor.ownerId, req.today, termId);
  const students = await conductStudents(app, actor, { kind: 'basis', id: group.basisGroupId }, req.today);
  const ids = students.map((s) => s.facts.studentId);
  const ctx = await yearContext(q, actor.ownerId, req.today);
  const [stats, decisions, warnings, inputs, grades, subjects] = await Promise.all([
    subjectStats(q, actor.ownerId, ctx.calendar, req.today, ids),
    latestLimitDecisions(q, actor.ownerId, ctx.year.id, ids),
    sentWarnings(q, actor.ownerId, ids),
    inputGrades(q, actor.ownerId, term.id, ids),
    gradesOf(q, actor.ownerId, term.id, ids),
    ownerSubjects(q, actor.ownerId),
  ]);
  const termsOfYear = await termIdsOfYear(q, actor.ownerId, term.schoolYearId);
  const subjectOf = new Map(subjects.map((s) => [s.id, s]));
  const live = warnings.filter((w) => !w.withdrawn && termsOfYear.has(w.termId));
  await auditGroup(app, actor, 'basisGroup.readGradePreparation', students, req.decision!.reason, { type: 'basisGroup', id: group.basisGroupId });
  return {
    access: accessOf(req),
    group: { id: group.basisGroupId, name: group.name },
    term: termView(term),
    students: students.map((s) => {
      const id = s.facts.studentId;
      const mine = inputs.filter((i) => i.student_id === id);
      const g = grades.get(id);
      return {
        studentId: id, givenName: s.givenName, familyName: s.familyName,
        absenceRisks: stats.filter((x) => x.studentId === id).flatMap((x) => {
          const d = decisions.find((y) => y.student_id === id && y.subject_id === x.subjectId);
          const status = subjectStatus(x, d ? { granted: d.granted, limitPercent: d.limit_percent } : null);
          return status === 'overLimit' || status === 'nearLimit'
            ? [{ subjectCode: x.subjectCode, subjectName: x.subjectName, percent: percentOf(x.countingMinutes, x.plannedMinutes), status }] : [];
        }),
        notAssessedWarnings: live.filter((w) => w.studentId === id && w.kind === 'notAssessed' && w.subjectId).map((w) => ({
          subjectCode: subjectOf.get(w.subjectId!)?.code ?? '', subjectName: subjectOf.get(w.subjectId!)?.name ?? '', sentAt: w.sentAt,
        })),
        conductWarnings: live.filter((w) => w.studentId === id && w.kind === 'conduct' && w.conductAspect).map((w) => ({ aspect: w.conductAspect!, sentAt: w.sentAt })),
        inputs: { count: mine.length, lowestOrder: lowest(mine.map((i) => i.order)), lowestBehaviour: lowest(mine.map((i) => i.behaviour)) },
        grade: g ? { order: g.order, behaviour: g.behaviour } : null,
      };
    }),
  };
}

const CSV_COLUMNS: MessageKey[] = [
  'conduct.csv.student', 'conduct.csv.absenceRisk', 'conduct.csv.notAssessedWarnings', 'conduct.csv.conductWarnings',
  'conduct.csv.inputs', 'conduct.csv.lowestOrder', 'conduct.csv.lowestBehaviour', 'conduct.csv.order', 'conduct.csv.behaviour',
];

function toCsv(p: Preparation, locale: FastifyRequest['locale']): string {
  const aspect = (a: 'order' | 'behaviour') => t(locale, a === 'order' ? 'conduct.csv.order' : 'conduct.csv.behaviour');
  const rows = p.students.map((s) => [
    `${s.familyName}, ${s.givenName}`,
    s.absenceRisks.map((r) => `${r.subjectCode} ${String(r.percent).replace('.', locale === 'en' ? '.' : ',')} %`).join('; '),
    s.notAssessedWarnings.map((w) => `${w.subjectCode} ${w.sentAt.slice(0, 10)}`).join('; '),
    s.conductWarnings.map((w) => `${aspect(w.aspect)} ${w.sentAt.slice(0, 10)}`).join('; '),
    s.inputs.count, s.inputs.lowestOrder ?? '', s.inputs.lowestBehaviour ?? '', s.grade?.order ?? '', s.grade?.behaviour ?? '',
  ]);
  return csvExport([CSV_COLUMNS.map((k) => t(locale, k)), ...rows]);
}

export async function preparationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/basis-groups/:basisGroupId/grade-preparation', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.readGradePreparation' } },
    schema: { tags, summary: 'Grade preparation for the class (R-25): IV risks from absence and warnings, conduct inputs, grades and warnings', params: basisParams, querystring: termQuery, response: { 200: preparationSchema } },
  }, async (req) => build(app, req, req.query.termId));

  r.get('/api/basis-groups/:basisGroupId/grade-preparation.csv', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.readGradePreparation' } },
    schema: { tags, summary: 'The grade preparation as CSV for the grade meeting', params: basisParams, querystring: termQuery, produces: ['text/csv'] },
  }, async (req, reply) => {
    const p = await build(app, req, req.query.termId);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${p.group.name}-karakterforberedelse.csv"`)
      .send(toCsv(p, req.locale));
  });
}
