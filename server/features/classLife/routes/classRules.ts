/** Class rules: the students propose and comment, the contact teacher edits the draft and publishes it as a dated version. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessOf, requireActor } from '../../../core/http/access.js';
import { HttpError, badField } from '../../../core/http/errors.js';
import {
  classRuleComments, classRuleProposals, classRulesDraftForUpdate, classRulesDraftOf, classRulesVersions, insertClassRuleComment, insertClassRuleProposal,
  isClassRuleProposal, publishClassRulesVersion, saveClassRulesDraft,
} from '../queries/classRules.js';
import { basisParams, classRulesSchema, commentBody, draftBody, proposalBody, proposalParams, publishedSchema } from '../schemas.js';
import { MANAGE, READ, TAKE_PART, created, groupOf, iso, tags, who } from './common.js';

export async function classRulesRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/basis-groups/:basisGroupId/class-rules', {
    config: { access: READ },
    schema: { tags, summary: "The class rules: the published version with its date, earlier versions, the students' proposals with comments, and the teacher's draft", params: basisParams, response: { 200: classRulesSchema } },
  }, async (req) => {
    const w = who(req);
    const { actor, group } = w;
    const [draft, versions, proposals, comments] = await Promise.all([
      w.isStudent ? Promise.resolve([]) : classRulesDraftOf(q, actor.ownerId, group.basisGroupId),
      classRulesVersions(q, actor.ownerId, group.basisGroupId),
      classRuleProposals(q, actor.ownerId, group.basisGroupId),
      classRuleComments(q, actor.ownerId, group.basisGroupId),
    ]);
    const [current, ...earlier] = versions.map((v) => ({ version: Number(v.version), text: v.text, publishedOn: v.published_on }));
    return {
      access: accessOf(req), group: groupOf(req), canManage: w.canManage, canPropose: w.myStudentId !== null,
      draft: w.isStudent ? null : { text: draft[0]?.text ?? '', updatedAt: draft[0] ? iso(draft[0].updated_at) : '' },
      current: current ?? null,
      earlier,
      proposals: proposals.map((p) => ({
        id: p.id, text: p.text, author: w.isStudent ? null : p.author, mine: p.student_id === w.myStudentId, createdAt: iso(p.created_at),
        comments: comments.filter((c) => c.proposal_id === p.id).map((c) => ({
          id: c.id, text: c.text, author: w.isStudent ? '' : c.author, mine: c.author_person_id === actor.personId, createdAt: iso(c.created_at),
        })),
      })),
    };
  });

  r.post('/api/basis-groups/:basisGroupId/class-rules/proposals', {
    config: { access: TAKE_PART },
    schema: { tags, summary: 'A student of the class proposes a rule', params: basisParams, body: proposalBody, response: { 201: created } },
  }, async (req, reply) => {
    const w = who(req);
    const id = randomUUID();
    await insertClassRuleProposal(q, w.actor.ownerId, id, w.group.basisGroupId, w.myStudentId, req.body.text);
    return reply.code(201).send({ id });
  });

  r.post('/api/basis-groups/:basisGroupId/class-rules/proposals/:proposalId/comments', {
    config: { access: TAKE_PART },
    schema: { tags, summary: "A student of the class comments on a proposal", params: proposalParams, body: commentBody, response: { 201: created } },
  }, async (req, reply) => {
    const w = who(req);
    if (!(await isClassRuleProposal(q, w.actor.ownerId, w.group.basisGroupId, req.params.proposalId))) throw new HttpError(404, 'classLife.proposalNotFound');
    const id = randomUUID();
    await insertClassRuleComment(q, w.actor.ownerId, id, req.params.proposalId, w.actor.personId, req.body.text);
    return reply.code(201).send({ id });
  });

  r.put('/api/basis-groups/:basisGroupId/class-rules/draft', {
    config: { access: MANAGE },
    schema: { tags, summary: "The contact teacher edits the proposals into the draft", params: basisParams, body: draftBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await saveClassRulesDraft(q, actor.ownerId, req.group!.basisGroupId, req.body.text, actor.personId);
    return reply.code(204).send(null);
  });

  r.post('/api/basis-groups/:basisGroupId/class-rules/versions', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Publish the draft as the agreed class rules, dated today; the earlier versions are kept', params: basisParams, response: { 201: publishedSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const version = await app.database.transaction(async (tx) => {
      const draft = await classRulesDraftForUpdate(tx, actor.ownerId, req.group!.basisGroupId);
      if (!draft || draft.text.trim() === '') throw badField('text', 'classLife.emptyDraft');
      return publishClassRulesVersion(tx, actor.ownerId, req.group!.basisGroupId, draft.text, req.today, actor.personId);
    });
    return reply.code(201).send({ version, publishedOn: req.today });
  });
}
