/** A conversation as a resource the access hook loads for `:conversationId` routes. */
import type { Database } from '../../core/db/client.js';
import type { ResourceKind } from '../../core/http/access.js';
import { STUDENT_FACTS_SQL, isUuid, toStudentFacts } from '../../core/policy/facts.js';
import type { ConversationFacts } from './policy.js';

/** A conversation's facts with its student's, in one round trip. */
export async function loadConversationFacts(database: Database, ownerId: string, conversationId: string, today: string): Promise<ConversationFacts | null> {
  if (!isUuid(conversationId)) return null;
  const rows = await database.query<Record<string, unknown>>(
    STUDENT_FACTS_SQL('cv.id = $3',
      `, cv.id as conversation_id, cv.kind, cv.holder_person_id, cv.delegated_by_person_id is not null as delegated,
         cv.teaching_group_id, cv.held_at is not null as held`,
      ' join conversation cv on cv.owner_id = s.owner_id and cv.student_id = s.id'),
    [ownerId, today, conversationId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    conversationId: r.conversation_id as string,
    kind: r.kind as ConversationFacts['kind'],
    holderPersonId: r.holder_person_id as string,
    delegated: r.delegated as boolean,
    teachingGroupId: (r.teaching_group_id as string | null) ?? null,
    held: r.held as boolean,
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
