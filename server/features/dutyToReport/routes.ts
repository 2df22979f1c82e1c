/**
 * R-61, R-76 (L-41): "Jeg er bekymret" shows the school's procedure for the duty to report and the child
 * welfare contact; a person records the report they sent as theirs. The principal is told by a link-only
 * notice — nothing waits for anyone: the record is complete when it is saved, and no route changes it.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { accessOf, requireActor } from '../../core/http/access.js';
import { badField } from '../../core/http/errors.js';
import type { Locale } from '../../core/i18n/locale.js';
import { can } from '../../core/policy/can.js';
import { loadStudentsFacts } from '../../core/policy/facts.js';
import type { Actor } from '../../core/policy/types.js';
import { DEFAULT_PROCEDURE } from './defaultProcedure.js';
import { insertReport, notify, principalsOf, reportById, reportsOfSchool, reportsOfStudent, saveSetting, settingOf, type ReportRow, type SettingRow } from './queries.js';
import { procedureBody, procedureSchema, reportBody, reportListSchema, reportSchema, studentParams, type ChildWelfareReportView } from './schemas.js';

const tags = ['dutyToReport'];

const textIn = (s: SettingRow | undefined, locale: Locale): string | null =>
  (locale === 'nn' ? s?.procedure_nn : locale === 'en' ? s?.procedure_en : s?.procedure_nb) ?? null;

function toReport(r: ReportRow): ChildWelfareReportView {
  return {
    id: r.id, studentId: r.student_id, studentName: r.student_name, reporter: { personId: r.reporter_person_id, name: r.reporter_name },
    sentOn: r.sent_on, category: r.category, note: r.note, recordedAt: new Date(r.recorded_at).toISOString(),
  };
}

/** The reports the actor may read (their own; the principal's all), each decided on its own, audited as child welfare reports. */
async function readableReports(app: FastifyInstance, actor: Actor, rows: ReportRow[], action: string, today: string, audit: boolean): Promise<ChildWelfareReportView[]> {
  const students = await loadStudentsFacts(app.database, actor.ownerId, [...new Set(rows.map((r) => r.student_id))], today);
  const shown: { row: ReportRow; reason: ReturnType<typeof can>['reason'] }[] = [];
  for (const row of rows) {
    const student = students.get(row.student_id);
    if (!student) continue;
    const d = can(actor, 'childWelfareReport.read', { type: 'childWelfareReport', report: { student, reporterPersonId: row.reporter_person_id } }, today);
    if (d.allow) shown.push({ row, reason: d.reason });
  }
  if (audit) {
    await writeAudit(app.database, shown.map(({ row, reason }) => studentEntry(actor, action, row.student_id, reason, { resourceType: 'childWelfareReport', resourceId: row.id })));
  }
  return shown.map(({ row }) => toReport(row));
}

export async function dutyToReportRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/duty-to-report', {
    config: { access: { kind: 'school', action: 'dutyToReport.readProcedure' } },
    schema: { tags, summary: "The school's procedure for the duty to report (in the caller's language) and the child welfare contact (R-61)", response: { 200: procedureSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = await settingOf(q, actor.ownerId, actor.staff[0]!.schoolId);
    const own = textIn(s, req.locale);
    const canEdit = can(actor, 'dutyToReport.manage', req.resource!, req.today).allow;
    return {
      access: accessOf(req),
      today: req.today,
      procedure: own ?? DEFAULT_PROCEDURE[req.locale],
      isDefault: own === null,
      childWelfare: { name: s?.child_welfare_name ?? '', phone: s?.child_welfare_phone ?? '', email: s?.child_welfare_email ?? '' },
      canEdit,
      texts: canEdit ? { nb: s?.procedure_nb ?? null, nn: s?.procedure_nn ?? null, en: s?.procedure_en ?? null } : null,
      defaults: canEdit ? DEFAULT_PROCEDURE : null,
    };
  });

  r.put('/api/duty-to-report', {
    config: { access: { kind: 'school', action: 'dutyToReport.manage' } },
    schema: { tags, summary: "The school's own procedure text per language (null: the default from the law) and the municipality's child welfare contact", body: procedureBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const b = req.body;
    await saveSetting(q, actor.ownerId, actor.staff[0]!.schoolId, {
      nb: b.texts.nb, nn: b.texts.nn, en: b.texts.en, name: b.childWelfare.name, phone: b.childWelfare.phone, email: b.childWelfare.email, byPersonId: actor.personId,
    });
    return reply.status(204).send(null);
  });

  r.post('/api/students/:studentId/child-welfare-reports', {
    config: { access: { kind: 'childWelfareReporting', action: 'childWelfareReport.record', audit: 'write' } },
    schema: {
      tags, summary: 'Record a report I sent to the child welfare service (L-41): mine, complete when saved; the principal is informed, nobody approves it',
      params: studentParams, body: reportBody, response: { 201: reportSchema },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const s = req.student!;
    if (req.body.sentOn > req.today) throw badField('sentOn', 'dutyToReport.inFuture');
    const id = randomUUID();
    await app.database.transaction(async (tx) => {
      await insertReport(tx, {
        ownerId: actor.ownerId, id, studentId: s.studentId, schoolId: s.schoolId, reporterPersonId: actor.personId,
        sentOn: req.body.sentOn, category: req.body.category, note: req.body.note,
      });
      const principals = (await principalsOf(tx, actor.ownerId, s.schoolId)).filter((p) => p !== actor.personId);
      await notify(tx, actor.ownerId, principals, '/duty-to-report');
    });
    return reply.status(201).send(toReport((await reportById(q, actor.ownerId, id))!));
  });

  r.get('/api/students/:studentId/child-welfare-reports', {
    config: { access: { kind: 'childWelfareReporting', action: 'childWelfareReport.list', audit: 'read' } },
    schema: { tags, summary: "The student's reports to the child welfare service the caller may read: their own; the principal's all", params: studentParams, response: { 200: reportListSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await reportsOfStudent(q, actor.ownerId, req.student!.studentId);
    // the route's audit entry covers this read
    return { reports: await readableReports(app, actor, rows, 'childWelfareReport.list', req.today, false) };
  });

  r.get('/api/child-welfare-reports', {
    config: { access: { kind: 'school', action: 'childWelfareReport.listSchool' } },
    schema: { tags, summary: "The school's reports to the child welfare service the caller may read: the principal's all, anyone else's own", response: { 200: reportListSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await reportsOfSchool(q, actor.ownerId, actor.staff[0]!.schoolId);
    return { reports: await readableReports(app, actor, rows, 'childWelfareReport.listSchool', req.today, true) };
  });
}
