/**
 * Warnings (R-22, R-73, L-20, L-21): one student's warnings and letters, the subject teacher's
 * pre-filled form, the contact teacher's review/merge/approve/send, delivery proof, withdrawal, and the
 * principal's decision with appeal. Who sees what is narrowed here after the policy's gate:
 * a subject teacher their own subjects' and own raised warnings, the student only what was sent,
 * a guardian only letters addressed to them.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { accessOf, requireActor } from '../../core/http/access.js';
import { HttpError } from '../../core/http/errors.js';
import { can } from '../../core/policy/can.js';
import type { Action, Actor, StudentFacts } from '../../core/policy/types.js';
import { narrow, viewerOf } from './visibility.js';
import { isAdult } from '../../core/time.js';
import { absenceRows, hours, percentOf, subjectStats, yearContext } from '../absence/index.js';
import { studentParams } from '../../core/http/schemas.js';
import { enqueueLetterMails, registerWarningMail } from './mail.js';
import { copiesOf, copyPdf, lettersOf, warningsOf, type LetterSummary } from './queries.js';
import {
  appealBody, approveBody, copyParams, createdSchema, decisionBody, editBody, letterParams, letterSchema, okSchema, prefillQuery, prefillSchema,
  raiseBody, rejectBody, signedCopyBody, studentWarningsSchema, warningParams, withdrawBody, type StudentWarnings, type WarningView,
} from './schemas.js';
import {
  addSignedCopy, approveLetter, letterLocaleOf, contentFor, deadlineFor, decideNoGrade, editWarning, letterDraft, markRead, ownSubjectCodes, raiseWarning,
  recipientRows, recordAppeal, rejectWarning, sendLetter, studentSubjects, suggestedDueOn, withdrawWarning,
} from './service.js';
import { groupWarningRoutes } from './groupRoutes.js';

const tags = ['warnings'];
const allowed = (actor: Actor, action: Action, s: StudentFacts, today: string) => can(actor, action, { type: 'student', student: s }, today);
const publicWarning = <W extends WarningView & { raisedByPersonId: string; studentId: string }>(w: W): WarningView => {
  const { raisedByPersonId: _r, studentId: _s, ...rest } = w;
  return rest;
};
const publicLetter = (l: LetterSummary) => {
  const { recipientPersonIds: _r, studentId: _s, ...rest } = l;
  return rest;
};

async function studentName(app: FastifyInstance, s: StudentFacts): Promise<string> {
  const [p] = await app.database.query<{ name: string }>(`select given_name || ' ' || family_name as name from person where owner_id = $1 and id = $2`, [s.ownerId, s.personId]);
  return p?.name ?? '';
}

async function studentWarnings(app: FastifyInstance, req: FastifyRequest): Promise<StudentWarnings> {
  const q = app.database.query;
  const actor = requireActor(req);
  const s = req.student!;
  const today = req.today;
  const viewer = viewerOf(actor, s, today);
  if (!viewer) throw new HttpError(403, 'error.forbidden');
  const [all, letters, deadline, subjects] = await Promise.all([
    warningsOf(q, actor.ownerId, [s.studentId], actor.personId),
    lettersOf(q, actor.ownerId, [s.studentId]),
    deadlineFor(q, actor.ownerId, s.schoolId, today),
    studentSubjects(q, actor.ownerId, s),
  ]);
  const shown = narrow(viewer, actor, s, all, letters);
  const mayRaise = allowed(actor, 'warning.raise', s, today).allow;
  const own = ownSubjectCodes(actor, s);
  return {
    access: accessOf(req),
    student: { id: s.studentId, name: await studentName(app, s), isAdult: isAdult(s.birthDate, today) },
    today,
    deadline: viewer === 'leader' || viewer === 'subjectTeacher' ? deadline : null,
    warnings: shown.warnings.map(publicWarning),
    letters: shown.letters.map(publicLetter),
    permissions: {
      raiseConduct: mayRaise,
      raiseSubjects: mayRaise ? subjects.filter((x) => own.has(x.code)) : [],
      coordinate: allowed(actor, 'warning.coordinate', s, today).allow,
      decide: allowed(actor, 'warning.decide', s, today).allow,
      recordAppeal: allowed(actor, 'warning.recordAppeal', s, today).allow,
    },
  };
}

const PREFILL = {
  nb: {
    grounds: (h: number, p: number, planned: number, days: string) =>
      `Eleven har ${decimal(h)} timer fravær som teller mot fraværsgrensen i faget, ${decimal(p)} % av de ${decimal(planned)} timene faget har i år (grensen er 10 %).${days ? ` Fraværet er fra ${days}.` : ''} Uten mer oppmøte har faglæreren ikke nok grunnlag for å sette karakter.`,
    requirement: 'Eleven må møte i alle timene i faget framover, og levere det arbeidet faglæreren har avtalt med eleven, innen fristen.',
    conduct: 'Eleven må følge skolens ordensreglement framover. Kontaktlæreren følger opp i elevsamtale innen fristen.',
  },
  nn: {
    grounds: (h: number, p: number, planned: number, days: string) =>
      `Eleven har ${decimal(h)} timar fråvær som tel mot fråværsgrensa i faget, ${decimal(p)} % av dei ${decimal(planned)} timane faget har i år (grensa er 10 %).${days ? ` Fråværet er frå ${days}.` : ''} Utan meir oppmøte har faglæraren ikkje nok grunnlag for å setje karakter.`,
    requirement: 'Eleven må møte i alle timane i faget framover, og levere det arbeidet faglæraren har avtalt med eleven, innan fristen.',
    conduct: 'Eleven må følgje ordensreglementet til skulen framover. Kontaktlæraren følgjer opp i elevsamtale innan fristen.',
  },
} as const;

const shortDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
/** Norwegian decimals: 4,8 */
const decimal = (n: number) => String(n).replace('.', ',');

export async function warningRoutes(app: FastifyInstance): Promise<void> {
  registerWarningMail(app.database, app.config);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.database;
  const q = db.query;

  r.get('/api/students/:studentId/warnings', {
    config: { access: { kind: 'student', action: 'warning.read', audit: 'read' } },
    schema: { tags, summary: "A student's warnings and letters, with the deadline check (narrowed to what the reader may see)", params: studentParams, response: { 200: studentWarningsSchema } },
  }, async (req) => studentWarnings(app, req));

  r.get('/api/students/:studentId/warnings/prefill', {
    config: { access: { kind: 'student', action: 'warning.raise', audit: 'read' } },
    schema: { tags, summary: "The raise form pre-filled from the student's absence in the teacher's own subjects", params: studentParams, querystring: prefillQuery, response: { 200: prefillSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    const own = ownSubjectCodes(actor, s);
    const subjects = (await studentSubjects(q, actor.ownerId, s)).filter((x) => own.has(x.code) && (!req.query.subjectId || x.id === req.query.subjectId));
    const ctx = await yearContext(q, actor.ownerId, req.today);
    const [stats, rows, deadline, locale] = await Promise.all([
      subjectStats(q, actor.ownerId, ctx.calendar, req.today, [s.studentId]),
      absenceRows(q, actor.ownerId, [s.studentId], ctx.year.startsOn, ctx.year.endsOn),
      deadlineFor(q, actor.ownerId, s.schoolId, req.today),
      letterLocaleOf(q, actor.ownerId, s.personId),
    ]);
    const words = PREFILL[locale];
    return {
      access: accessOf(req),
      student: { id: s.studentId, name: await studentName(app, s) },
      deadline,
      suggestedDueOn: suggestedDueOn(req.today, deadline?.assessedOn ?? ctx.year.endsOn),
      letterLocale: locale,
      subjects: subjects.map((sub) => {
        const st = stats.find((x) => x.subjectId === sub.id);
        const planned = st?.plannedMinutes ?? 0;
        // only absence that counts toward the limit (no documented reasons, no health details: L-42)
        const days = [...new Set(rows.filter((x) => x.subjectId === sub.id && x.documentedOn === null && x.reason !== 'schoolHealthService').map((x) => x.day))];
        const absence = {
          plannedHours: hours(planned), heldHours: hours(st?.heldMinutes ?? 0), countingHours: hours(st?.countingMinutes ?? 0),
          absenceHours: hours(st?.absenceMinutes ?? 0), percent: percentOf(st?.countingMinutes ?? 0, planned),
          heldPercent: percentOf(st?.countingMinutes ?? 0, st?.heldMinutes ?? 0), days,
        };
        return {
          id: sub.id, code: sub.code, name: sub.name, absence,
          grounds: words.grounds(absence.countingHours, absence.percent, absence.plannedHours, days.map(shortDate).join(', ')),
          requirement: words.requirement,
        };
      }),
      conduct: { requirement: words.conduct },
    };
  });

  r.post('/api/students/:studentId/warnings', {
    config: { access: { kind: 'student', action: 'warning.raise', audit: 'write' } },
    schema: { tags, summary: 'Raise a warning: IV in your own subject, or order/behaviour (any teacher of the student); the contact teacher reviews it', params: studentParams, body: raiseBody, response: { 201: createdSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const id = await db.transaction((tx) => raiseWarning(tx, actor, req.student!, req.today, req.body));
    return reply.code(201).send({ id });
  });

  r.patch('/api/students/:studentId/warnings/:warningId', {
    config: { access: { kind: 'student', action: 'warning.raise', audit: 'write' } },
    schema: { tags, summary: 'Correct a warning before it is sent (a sent warning is an immutable document: 409)', params: warningParams, body: editBody, response: { 200: okSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    const deadline = await deadlineFor(q, actor.ownerId, s.schoolId, req.today);
    await db.transaction(async (tx) => {
      const [w] = await tx<{ raised_by_person_id: string }>('select raised_by_person_id from warning_notice where owner_id = $1 and id = $2', [actor.ownerId, req.params.warningId]);
      // the teacher who raised it or the coordinating contact teacher
      if (w && w.raised_by_person_id !== actor.personId && !allowed(actor, 'warning.coordinate', s, req.today).allow) throw new HttpError(403, 'error.forbidden');
      await editWarning(tx, actor.ownerId, s.studentId, req.params.warningId, req.today, deadline?.assessedOn ?? '9999-12-31', req.body);
    });
    return { ok: true as const };
  });

  r.post('/api/students/:studentId/warnings/:warningId/reject', {
    config: { access: { kind: 'student', action: 'warning.coordinate', audit: 'write' } },
    schema: { tags, summary: 'The contact teacher does not send a proposed warning (with a note)', params: warningParams, body: rejectBody, response: { 200: okSchema } },
  }, async (req) => {
    await db.transaction((tx) => rejectWarning(tx, requireActor(req), req.student!.studentId, req.params.warningId, req.body.note));
    return { ok: true as const };
  });

  r.post('/api/students/:studentId/warning-letters', {
    config: { access: { kind: 'student', action: 'warning.coordinate', audit: 'write' } },
    schema: { tags, summary: "Merge a student's proposed warnings into one letter and approve it", params: studentParams, body: approveBody, response: { 201: createdSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const id = await db.transaction((tx) => approveLetter(tx, actor, req.student!, req.body.warningIds, req.body.channel, req.body.locale));
    return reply.code(201).send({ id });
  });

  r.post('/api/students/:studentId/warning-letters/:letterId/send', {
    config: { access: { kind: 'student', action: 'warning.coordinate', audit: 'write' } },
    schema: { tags, summary: 'Send an approved letter: one immutable copy (PDF + SHA-256) per recipient, in-app and e-mail notice', params: letterParams, response: { 200: okSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    const sent = await db.transaction((tx) => sendLetter(tx, actor, s, req.params.letterId, req.today));
    if (sent.channel === 'digital') await enqueueLetterMails(db, actor.ownerId, s.studentId, req.params.letterId, sent.copies.map((c) => c.copyId));
    return { ok: true as const };
  });

  r.get('/api/students/:studentId/warning-letters/:letterId', {
    config: { access: { kind: 'student', action: 'warning.read', audit: 'read' } },
    schema: { tags, summary: 'One letter: its copies and delivery (staff), or your own copy (student, guardian: opening it is the read receipt)', params: letterParams, response: { 200: letterSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    const viewer = viewerOf(actor, s, req.today);
    const letter = (await lettersOf(q, actor.ownerId, [s.studentId])).find((l) => l.id === req.params.letterId);
    if (!letter || !viewer || viewer === 'subjectTeacher') throw new HttpError(404, 'error.notFound');
    const family = viewer === 'self' || viewer === 'guardian';
    if (family && (!letter.sentAt || !letter.recipientPersonIds.includes(actor.personId))) throw new HttpError(404, 'error.notFound');
    let copies = await copiesOf(q, actor.ownerId, letter.id);
    if (family) {
      copies = copies.filter((c) => c.recipientPersonId === actor.personId);
      for (const c of copies) await markRead(q, actor.ownerId, c.id, actor.personId);
      copies = (await copiesOf(q, actor.ownerId, letter.id)).filter((c) => c.recipientPersonId === actor.personId);
    }
    let preview = null;
    if (!letter.sentAt) {
      const draft = await letterDraft(q, actor.ownerId, s, letter.id);
      const person = (await recipientRows(q, actor.ownerId, [s.personId])).get(s.personId)!;
      preview = contentFor(draft, req.today, person, 'student');
    }
    const { recipientPersonIds: _r, studentId: _s, ...summary } = letter;
    return {
      ...summary,
      access: accessOf(req),
      studentId: s.studentId,
      studentName: await studentName(app, s),
      copies: copies.map(({ recipientPersonId: _p, content, ...c }) => ({ ...c, content: content as never })),
      preview,
      canCoordinate: allowed(actor, 'warning.coordinate', s, req.today).allow,
    };
  });

  r.get('/api/students/:studentId/warning-letters/:letterId/copies/:copyId/pdf', {
    config: { access: { kind: 'student', action: 'warning.read', audit: 'read' } },
    schema: { tags, summary: 'The PDF of one copy exactly as sent (the student and guardians: only their own)', params: copyParams },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const s = req.student!;
    const viewer = viewerOf(actor, s, req.today);
    const copy = await copyPdf(q, actor.ownerId, req.params.letterId, req.params.copyId);
    const [letter] = await q<{ student_id: string }>('select student_id from warning_letter where owner_id = $1 and id = $2', [actor.ownerId, req.params.letterId]);
    if (!copy || letter?.student_id !== s.studentId || !viewer || viewer === 'subjectTeacher') throw new HttpError(404, 'error.notFound');
    if ((viewer === 'self' || viewer === 'guardian') && copy.recipientPersonId !== actor.personId) throw new HttpError(404, 'error.notFound');
    if (viewer === 'self' || viewer === 'guardian') await markRead(q, actor.ownerId, req.params.copyId, actor.personId);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="varsel-${req.params.copyId.slice(0, 8)}.pdf"`)
      .header('x-content-sha256', copy.sha256)
      .send(copy.pdf);
  });

  r.post('/api/students/:studentId/warning-letters/:letterId/copies/:copyId/signed-copy', {
    config: { access: { kind: 'student', action: 'warning.coordinate', audit: 'write' } },
    bodyLimit: 8 * 1024 * 1024,
    schema: { tags, summary: 'Delivery proof on paper: upload the scanned copy signed by the recipient (PDF, PNG or JPEG, ≤ 5 MB)', params: copyParams, body: signedCopyBody, response: { 200: okSchema } },
  }, async (req) => {
    await addSignedCopy(q, requireActor(req), req.student!.studentId, req.params.letterId, req.params.copyId, req.body);
    return { ok: true as const };
  });

  r.post('/api/students/:studentId/warnings/:warningId/withdraw', {
    config: { access: { kind: 'student', action: 'warning.coordinate', audit: 'write' } },
    schema: { tags, summary: 'Withdraw a sent warning with a reason (the sent letter stays as it was)', params: warningParams, body: withdrawBody, response: { 200: okSchema } },
  }, async (req) => {
    await db.transaction((tx) => withdrawWarning(tx, requireActor(req), req.student!.studentId, req.params.warningId, req.body.reason));
    return { ok: true as const };
  });

  r.post('/api/students/:studentId/warnings/:warningId/decision', {
    config: { access: { kind: 'student', action: 'warning.decide', audit: 'write' } },
    schema: { tags, summary: 'L-21: the principal decides that no grade is given after a sent IV warning (reasons; appealable)', params: warningParams, body: decisionBody, response: { 201: createdSchema } },
  }, async (req, reply) => {
    const id = await db.transaction((tx) => decideNoGrade(tx, requireActor(req), req.student!.studentId, req.params.warningId, req.body.reasons));
    return reply.code(201).send({ id });
  });

  r.post('/api/students/:studentId/warnings/:warningId/decision/appeal', {
    config: { access: { kind: 'student', action: 'warning.recordAppeal', audit: 'write' } },
    schema: { tags, summary: 'Record an appeal of the decision and when the warning went to the county governor (§ 10-5)', params: warningParams, body: appealBody, response: { 200: okSchema } },
  }, async (req) => {
    await db.transaction((tx) => recordAppeal(tx, requireActor(req), req.student!.studentId, req.params.warningId, req.today, req.body));
    return { ok: true as const };
  });

  await app.register(groupWarningRoutes);
}
