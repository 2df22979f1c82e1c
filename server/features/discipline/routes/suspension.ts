/** Suspension (L-31), the principal's alone: advance notice, the decision after the student's hearing within the caps by stage, and the appeal. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../core/http/access.js';
import { HttpError, badField } from '../../../core/http/errors.js';
import {
  decideSuspension, hearingsSince, insertSuspensionMeasure, saveSuspensionAppeal, saveSuspensionNotice, studentLevel, suspensionDecidedOn,
  suspensionNoticeAndDecision,
} from '../queries.js';
import { assertSuspensionWithinCaps, stageOf } from '../rules.js';
import { appealBody, caseParams, caseSchema, decisionBody, noticeBody } from '../schemas.js';
import { notFuture, tags, view } from './common.js';

export async function suspensionRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.put('/api/disciplinary-cases/:caseId/suspension/notice', {
    config: { access: { kind: 'disciplinaryCase', action: 'disciplinaryCase.suspend', audit: 'write' } },
    schema: { tags, summary: 'The principal sends advance notice of a suspension (forvaltningsloven § 16)', params: caseParams, body: noticeBody, response: { 200: caseSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    notFuture('noticeSentOn', req.body.noticeSentOn, req.today);
    const existing = await suspensionDecidedOn(q, actor.ownerId, req.disciplinaryCase!.caseId);
    if (existing?.decided_on) throw new HttpError(409, 'discipline.noticeAfterDecision');
    await saveSuspensionNotice(q, actor.ownerId, req.disciplinaryCase!.caseId, req.body.noticeSentOn, actor.personId);
    return view(q, req);
  });

  r.put('/api/disciplinary-cases/:caseId/suspension/decision', {
    config: { access: { kind: 'disciplinaryCase', action: 'disciplinaryCase.suspend', audit: 'write' } },
    schema: {
      tags, summary: "The principal's suspension decision (L-31): after advance notice and the student's hearing (else 409), within the caps by stage, with reasons and notification",
      params: caseParams, body: decisionBody, response: { 200: caseSchema },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const c = req.disciplinaryCase!;
    const b = req.body;
    const s = await suspensionNoticeAndDecision(q, actor.ownerId, c.caseId);
    if (!s) throw new HttpError(409, 'discipline.noNotice');
    if (s.decided_on) throw new HttpError(409, 'discipline.alreadyDecided');
    if (!(await hearingsSince(q, actor.ownerId, c.caseId, s.notice_sent_on))) throw new HttpError(409, 'discipline.noHearing');
    if (b.decidedOn < s.notice_sent_on) throw badField('decidedOn', 'discipline.beforeNotice', { on: s.notice_sent_on });
    notFuture('decidedOn', b.decidedOn, req.today);
    if (b.startsOn < b.decidedOn) throw badField('startsOn', 'discipline.beforeDecision', { on: b.decidedOn });
    if (b.notifiedOn && b.notifiedOn < b.decidedOn) throw badField('notifiedOn', 'discipline.beforeDecision', { on: b.decidedOn });
    notFuture('notifiedOn', b.notifiedOn, req.today);
    const level = await studentLevel(q, actor.ownerId, c.student.studentId);
    assertSuspensionWithinCaps(stageOf(level!), b);
    const measureId = randomUUID();
    await app.database.transaction(async (tx) => {
      await insertSuspensionMeasure(tx, actor.ownerId, measureId, c.caseId, b.reasons, b.decidedOn, actor.personId, b.singleIncident ?? false);
      await decideSuspension(tx, actor.ownerId, c.caseId, {
        decidedOn: b.decidedOn, measureId, scope: b.scope, days: b.scope === 'days' ? b.days ?? null : null, lessons: b.scope === 'lessons' ? b.lessons ?? null : null,
        startsOn: b.startsOn, reasons: b.reasons, milderMeasures: b.milderMeasures, guardiansToldOn: b.guardiansToldOn ?? null, notifiedOn: b.notifiedOn ?? null,
      }, actor.personId);
    });
    return view(q, req);
  });

  r.put('/api/disciplinary-cases/:caseId/suspension/appeal', {
    config: { access: { kind: 'disciplinaryCase', action: 'disciplinaryCase.suspend', audit: 'write' } },
    schema: { tags, summary: 'Record an appeal of the suspension decision and its outcome (forvaltningsloven § 28)', params: caseParams, body: appealBody, response: { 200: caseSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const b = req.body;
    const s = await suspensionDecidedOn(q, actor.ownerId, req.disciplinaryCase!.caseId);
    if (!s?.decided_on) throw new HttpError(409, 'discipline.notDecided');
    if (b.receivedOn < s.decided_on) throw badField('receivedOn', 'discipline.beforeDecision', { on: s.decided_on });
    notFuture('receivedOn', b.receivedOn, req.today);
    if (b.outcome && !b.decidedOn) throw badField('decidedOn', 'discipline.outcomeNeedsDate');
    if (b.decidedOn && b.decidedOn < b.receivedOn) throw badField('decidedOn', 'discipline.beforeDate', { on: b.receivedOn });
    await saveSuspensionAppeal(q, actor.ownerId, req.disciplinaryCase!.caseId, { receivedOn: b.receivedOn, outcome: b.outcome ?? null, decidedOn: b.decidedOn ?? null });
    return view(q, req);
  });
}
