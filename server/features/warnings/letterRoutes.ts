/**
 * A student's warning letters (R-22, L-20): the contact teacher merges proposed warnings into one letter
 * and sends it (one immutable copy per recipient, in-app and e-mail notice); a letter with its copies
 * and delivery for the staff, or one's own copy for the student and a guardian; the read receipt, a POST
 * the letter's page sends when the recipient has it in front of them (a GET could be set off by any other
 * site through an image tag, and the receipt is the legal proof of delivery); the PDF as sent; the signed
 * paper copy as delivery proof.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { accessOf, requireActor } from '../../core/http/access.js';
import { HttpError } from '../../core/http/errors.js';
import { studentParams } from '../../core/http/schemas.js';
import { enqueueLetterMails } from './mail.js';
import { copiesOf, copyPdf, letterStudent, lettersOf, markRead } from './queries/letters.js';
import { personName, recipientRows } from './queries/people.js';
import { approveBody, copyParams, createdSchema, letterParams, letterSchema, okSchema, signedCopyBody } from './schemas.js';
import { addSignedCopy, approveLetter, contentFor, letterDraft, sendLetter } from './service.js';
import { allowed, viewerOf } from './visibility.js';

const tags = ['warnings'];

export async function letterRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.database;
  const q = db.query;

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
    schema: { tags, summary: 'One letter: its copies and delivery (staff), or your own copy (student, guardian)', params: letterParams, response: { 200: letterSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    const viewer = viewerOf(actor, s, req.today);
    const letter = (await lettersOf(q, actor.ownerId, [s.studentId])).find((l) => l.id === req.params.letterId);
    if (!letter || !viewer || viewer === 'subjectTeacher') throw new HttpError(404, 'error.notFound');
    const family = viewer === 'self' || viewer === 'guardian';
    if (family && (!letter.sentAt || !letter.recipientPersonIds.includes(actor.personId))) throw new HttpError(404, 'error.notFound');
    let copies = await copiesOf(q, actor.ownerId, letter.id);
    if (family) copies = copies.filter((c) => c.recipientPersonId === actor.personId);
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
      studentName: await personName(q, s.ownerId, s.personId) ?? '',
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
    const letter = await letterStudent(q, actor.ownerId, req.params.letterId);
    if (!copy || letter?.student_id !== s.studentId || !viewer || viewer === 'subjectTeacher') throw new HttpError(404, 'error.notFound');
    if ((viewer === 'self' || viewer === 'guardian') && copy.recipientPersonId !== actor.personId) throw new HttpError(404, 'error.notFound');
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="varsel-${req.params.copyId.slice(0, 8)}.pdf"`)
      .header('x-content-sha256', copy.sha256)
      .send(copy.pdf);
  });

  r.post('/api/students/:studentId/warning-letters/:letterId/copies/:copyId/read', {
    config: { access: { kind: 'student', action: 'warning.read', audit: 'write' } },
    schema: { tags, summary: 'The read receipt: the recipient (the student or a guardian) has opened their own copy; recorded once', params: copyParams, response: { 200: okSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    const viewer = viewerOf(actor, s, req.today);
    const letter = await letterStudent(q, actor.ownerId, req.params.letterId);
    const copy = letter?.student_id === s.studentId ? await copyPdf(q, actor.ownerId, req.params.letterId, req.params.copyId) : undefined;
    // only the copy's own recipient can have read it; anyone else is told nothing
    if (!copy || (viewer !== 'self' && viewer !== 'guardian') || copy.recipientPersonId !== actor.personId) throw new HttpError(404, 'error.notFound');
    await markRead(q, actor.ownerId, req.params.copyId, actor.personId);
    return { ok: true as const };
  });

  r.post('/api/students/:studentId/warning-letters/:letterId/copies/:copyId/signed-copy', {
    config: { access: { kind: 'student', action: 'warning.coordinate', audit: 'write' } },
    bodyLimit: 8 * 1024 * 1024,
    schema: { tags, summary: 'Delivery proof on paper: upload the scanned copy signed by the recipient (PDF, PNG or JPEG, ≤ 5 MB)', params: copyParams, body: signedCopyBody, response: { 200: okSchema } },
  }, async (req) => {
    await addSignedCopy(q, requireActor(req), req.student!.studentId, req.params.letterId, req.params.copyId, req.body);
    return { ok: true as const };
  });
}
