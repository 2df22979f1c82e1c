/**
 * One student's warnings (R-22, R-73, L-20): what the reader may see of them and of the letters, the
 * subject teacher's pre-filled form, raising, correcting and the contact teacher's rejection. Who sees
 * what is narrowed after the policy's gate: a subject teacher their own subjects' and own raised
 * warnings, the student only what was sent, a guardian only letters addressed to them.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { accessOf, requireActor } from '../../core/http/access.js';
import { HttpError } from '../../core/http/errors.js';
import { studentParams } from '../../core/http/schemas.js';
import { isAdult } from '../../core/time.js';
import { absenceRows, hours, percentOf, subjectStats, yearContext } from '../absence/index.js';
import { lettersOf, type LetterSummary } from './queries/letters.js';
import { longDate } from './letter.js';
import { personName } from './queries/people.js';
import { raisedBy, warningsOf } from './queries/warnings.js';
import {
  createdSchema, editBody, okSchema, prefillQuery, prefillSchema, raiseBody, rejectBody, studentWarningsSchema, warningParams,
  type StudentWarnings, type WarningView,
} from './schemas.js';
import {
  deadlineFor, editWarning, letterLocaleOf, ownSubjectCodes, raiseWarning, rejectWarning, studentSubjects, suggestedDueOn,
} from './service.js';
import { allowed, narrow, viewerOf } from './visibility.js';

const tags = ['warnings'];
const publicWarning = <W extends WarningView & { raisedByPersonId: string; studentId: string }>(w: W): WarningView => {
  const { raisedByPersonId: _r, studentId: _s, ...rest } = w;
  return rest;
};
const publicLetter = (l: LetterSummary) => {
  const { recipientPersonIds: _r, studentId: _s, ...rest } = l;
  return rest;
};

async function studentWarnings(app: FastifyInstance, req: FastifyRequest): Promise<StudentWarnings> {
  const q = app.database.query;
  const actor = requireActor(req);
  const s = req.student!;
  const today = req.today;
  const viewer = viewerOf(actor, s, today);
  if (!viewer) throw new HttpError(403, 'error.forbidden');
  const [all, letters, deadline, subjects] = await Promise.all([
    warningsOf(q, actor.ownerId, [s.studentId], actor.personId, today),
    lettersOf(q, actor.ownerId, [s.studentId]),
    deadlineFor(q, actor.ownerId, s.schoolId, today),
    studentSubjects(q, actor.ownerId, s),
  ]);
  const shown = narrow(viewer, actor, s, all, letters);
  const mayRaise = allowed(actor, 'warning.raise', s, today).allow;
  const own = ownSubjectCodes(actor, s);
  return {
    access: accessOf(req),
    student: { id: s.studentId, name: await personName(q, s.ownerId, s.personId) ?? '', isAdult: isAdult(s.birthDate, today) },
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

/** Norwegian decimals: 4,8 */
const decimal = (n: number) => String(n).replace('.', ',');

export async function studentWarningRoutes(app: FastifyInstance): Promise<void> {
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
      student: { id: s.studentId, name: await personName(q, s.ownerId, s.personId) ?? '' },
      deadline,
      suggestedDueOn: suggestedDueOn(req.today, deadline?.assessedOn ?? ctx.year.endsOn, deadline?.minimumNoticeDays),
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
          grounds: words.grounds(absence.countingHours, absence.percent, absence.plannedHours, days.map((d) => longDate(d, locale)).join(', ')),
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
      const w = await raisedBy(tx, actor.ownerId, req.params.warningId);
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
}
