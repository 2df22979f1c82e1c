/** Student representatives: nominations, candidacies, the secret ballot and the count with its tie rule. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addDays } from '../../../core/calendar/calendar.js';
import { accessOf, requireActor } from '../../../core/http/access.js';
import { HttpError, badField } from '../../../core/http/errors.js';
import { classMembers } from '../queries/members.js';
import {
  acceptedCandidateCount, candidatesOfClass, closeElection, electionForClosing, electionOfClass, electionStatusForVote, electionsOfClass, insertBallot,
  insertElection, isAcceptedCandidate, nominateCandidate, openElection, recordVoter, saveCandidacy, saveCandidateResult, tallyOfElection, turnoutOfClass,
} from '../queries/representatives.js';
import { basisParams, candidacyBody, electionBody, electionParams, nominateBody, representativesSchema, voteBody } from '../schemas.js';
import { countVotes } from '../service.js';
import { MANAGE, READ, TAKE_PART, auditStudents, created, groupOf, tags, who } from './common.js';

/** stands in for "no student" when the caller is not one of the class, so `me` is never true */
const NO_STUDENT = '00000000-0000-0000-0000-000000000000';

export async function representativesRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  async function election(req: FastifyRequest, electionId: string, status?: 'draft' | 'open') {
    const actor = requireActor(req);
    const e = await electionOfClass(q, actor.ownerId, req.group!.basisGroupId, electionId);
    if (!e) throw new HttpError(404, 'classLife.electionNotFound');
    if (status === 'draft' && e.status !== 'draft') throw new HttpError(409, 'classLife.electionNotDraft');
    if (status === 'open' && e.status !== 'open') throw new HttpError(409, 'classLife.electionNotOpen');
    return { status: e.status, seats: Number(e.seats) };
  }

  r.get('/api/basis-groups/:basisGroupId/student-representatives', {
    config: { access: READ },
    schema: { tags, summary: "The class's elections of student representatives: candidates, turnout, and the result once closed (never who voted for whom)", params: basisParams, response: { 200: representativesSchema } },
  }, async (req) => {
    const w = who(req);
    const { actor, group } = w;
    const members = await classMembers(q, actor.ownerId, group.basisGroupId, req.today);
    const memberIds = members.map((m) => m.studentId);
    const [elections, candidates, voters] = await Promise.all([
      electionsOfClass(q, actor.ownerId, group.basisGroupId),
      candidatesOfClass(q, actor.ownerId, group.basisGroupId),
      turnoutOfClass(q, actor.ownerId, group.basisGroupId, w.myStudentId ?? NO_STUDENT),
    ]);
    const statusOf = (c: { accepted_at: unknown; declined_at: unknown }) => (c.accepted_at ? 'accepted' as const : c.declined_at ? 'declined' as const : 'nominated' as const);
    return {
      access: accessOf(req), group: groupOf(req), canManage: w.canManage, canVote: w.myStudentId !== null,
      students: members,
      elections: elections.map((e) => {
        const mine = candidates.find((c) => c.election_id === e.id && c.student_id === w.myStudentId);
        const v = voters.find((x) => x.election_id === e.id);
        const closed = e.status === 'closed';
        return {
          id: e.id, seats: Number(e.seats), termStartsOn: e.term_starts_on, termEndsOn: e.term_ends_on, status: e.status, closedOn: e.closed_on,
          candidates: candidates.filter((c) => c.election_id === e.id && (!w.isStudent || c.accepted_at || c.student_id === w.myStudentId))
            .map((c) => ({
              studentId: c.student_id, givenName: c.given_name, familyName: c.family_name, status: statusOf(c),
              votes: closed ? Number(c.votes ?? 0) : null, elected: closed && c.elected !== null ? Number(c.elected) : null, drawnByLot: closed && c.drawn_by_lot,
            }))
            .sort((a, b) => (a.elected ?? 99) - (b.elected ?? 99) || (b.votes ?? 0) - (a.votes ?? 0) || a.familyName.localeCompare(b.familyName, 'nb')),
          turnout: { voted: Number(v?.voted ?? 0), eligible: memberIds.length },
          me: w.myStudentId ? { voted: v?.me === true, candidacy: mine ? statusOf(mine) : ('none' as const) } : null,
        };
      }),
    };
  });

  r.post('/api/basis-groups/:basisGroupId/student-representatives/elections', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Start an election of student representatives for a term of office (seats: the representative and deputies)', params: basisParams, body: electionBody, response: { 201: created } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const b = req.body;
    if (b.termEndsOn < b.termStartsOn) throw badField('termEndsOn', 'classLife.termEndsBeforeStart');
    if (b.termEndsOn > addDays(b.termStartsOn, 366)) throw badField('termEndsOn', 'classLife.periodTooLong');
    const id = randomUUID();
    await insertElection(q, actor.ownerId, id, req.group!.basisGroupId, b, actor.personId);
    return reply.code(201).send({ id });
  });

  r.post('/api/basis-groups/:basisGroupId/student-representatives/elections/:electionId/candidates', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Nominate a student of the class; they stand once they accept', params: electionParams, body: nominateBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await election(req, req.params.electionId, 'draft');
    if (!(req.group!.memberStudentIds ?? []).includes(req.body.studentId)) throw badField('studentId', 'classLife.notInClass');
    if (!(await nominateCandidate(q, actor.ownerId, req.params.electionId, req.body.studentId))) throw badField('studentId', 'classLife.alreadyCandidate');
    await auditStudents(app, req, 'basisGroup.manageClassLife', [req.body.studentId], req.group!.basisGroupId);
    return reply.code(204).send(null);
  });

  r.put('/api/basis-groups/:basisGroupId/student-representatives/elections/:electionId/candidacy', {
    config: { access: TAKE_PART },
    schema: { tags, summary: 'A student accepts or declines standing (accepting without a nomination puts oneself forward)', params: electionParams, body: candidacyBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    const w = who(req);
    await election(req, req.params.electionId, 'draft');
    await saveCandidacy(q, w.actor.ownerId, req.params.electionId, w.myStudentId, req.body.accept);
    return reply.code(204).send(null);
  });

  r.post('/api/basis-groups/:basisGroupId/student-representatives/elections/:electionId/open', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Open the election for voting (needs as many accepted candidates as seats)', params: electionParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const e = await election(req, req.params.electionId, 'draft');
    if (await acceptedCandidateCount(q, actor.ownerId, req.params.electionId) < e.seats) throw new HttpError(409, 'classLife.tooFewCandidates', { min: e.seats });
    await openElection(q, actor.ownerId, req.params.electionId);
    return reply.code(204).send(null);
  });

  r.post('/api/basis-groups/:basisGroupId/student-representatives/elections/:electionId/votes', {
    config: { access: TAKE_PART },
    schema: { tags, summary: 'Cast the one secret vote (409 if the student has already voted): that the student voted and the ballot are stored apart', params: electionParams, body: voteBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    const w = who(req);
    const { electionId } = req.params;
    await app.database.transaction(async (tx) => {
      const e = await electionStatusForVote(tx, w.actor.ownerId, w.group.basisGroupId, electionId);
      if (!e) throw new HttpError(404, 'classLife.electionNotFound');
      if (e.status !== 'open') throw new HttpError(409, 'classLife.electionNotOpen');
      if (!(await isAcceptedCandidate(tx, w.actor.ownerId, electionId, req.body.candidateStudentId))) throw badField('candidateStudentId', 'classLife.notACandidate');
      if (!(await recordVoter(tx, w.actor.ownerId, electionId, w.myStudentId))) throw new HttpError(409, 'classLife.alreadyVoted');
      await insertBallot(tx, w.actor.ownerId, electionId, req.body.candidateStudentId);
    });
    return reply.code(204).send(null);
  });

  r.post('/api/basis-groups/:basisGroupId/student-representatives/elections/:electionId/close', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Close the election and count the votes; a tie for a place is settled by drawing lots, and the result says so', params: electionParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const { electionId } = req.params;
    await app.database.transaction(async (tx) => {
      const e = await electionForClosing(tx, actor.ownerId, req.group!.basisGroupId, electionId);
      if (!e) throw new HttpError(404, 'classLife.electionNotFound');
      if (e.status !== 'open') throw new HttpError(409, 'classLife.electionNotOpen');
      const tally = await tallyOfElection(tx, actor.ownerId, electionId);
      const results = countVotes(tally.map((t) => ({ studentId: t.student_id, votes: Number(t.votes) })), Number(e.seats));
      for (const res of results) await saveCandidateResult(tx, actor.ownerId, electionId, res);
      await closeElection(tx, actor.ownerId, electionId, req.today);
    });
    return reply.code(204).send(null);
  });
}
