/** A conversation as a resource the access hook loads for `:conversationId` routes. */
import type { Database } from '../../core/db/client.js';
import type { ResourceKind } from '../../core/http/access.js';
import { isUuid, toStudentFacts } from '../../core/policy/facts.js';
import type { ConversationFacts } from './policy.js';
import { conversationFactsRow } from './queries/conversations.js';

/** A conversation's facts with its student's, in one round trip. */
export async function loadConversationFacts(database: Database, ownerId: string, conversationId: string, today: string): Promise<ConversationFacts | null> {
  if (!isUuid(conversationId)) return null;
  const r = await conversationFactsRow(database.query, ownerId, conversationId, today);
  if (!r) return null;
  return {
    conversationId: r.conversation_id,
    kind: r.kind,
    holderPersonId: r.holder_person_id,
    delegated: r.delegated,
    teachingGroupId: r.teaching_group_id ?? null,
    held: r.held,
    student: toStudentFacts(ownerId, r),
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    conversation: ConversationFacts | null;
  }
}

declare module '../../core/http/access.js' {
  interface AccessKinds {
    /** one conversation: `:conversationId` in the path; reads of notes and preparation are audited */
    conversation: { audit: 'read' | 'write' | 'none' };
  }
}

export const conversationResource: ResourceKind<'conversation'> = {
  type: 'conversation',
  load: async ({ database, actor, params, today }) => {
    const conversation = await loadConversationFacts(database, actor.ownerId, params.conversationId ?? '', today);
    return conversation && { type: 'conversation', conversation };
  },
  studentOf: (r) => r.conversation.student,
  auditAs: (r) => ({ resourceType: 'conversation', resourceId: r.conversation.conversationId }),
  attach: { property: 'conversation', value: (r) => r.conversation },
};
