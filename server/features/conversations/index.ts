/** Conversations (R-10…R-18): the plan, templates, the conversations themselves and guardian conferences. */
import type { Feature } from '../../core/feature.js';
import { conversationEvidence } from './evidence.js';
import { conversationMessages } from './messages.js';
import { conversationExamples, conversationPolicy } from './policy.js';
import { conversationResource } from './resource.js';
import { conversationRoutes } from './routes.js';
import * as tables from './tables.js';

export const conversations: Feature = {
  name: 'conversations',
  policy: conversationPolicy,
  tables,
  resources: [{ ...conversationResource, examples: conversationExamples }],
  messages: conversationMessages,
  routes: conversationRoutes,
  evidence: conversationEvidence,
  matrix: () => import('./authorization.cases.js').then((m) => m.conversationMatrix),
};

/** what other features build on: booking's rounds are for one kind of conversation, and a booking plans one */
export { conversation, conversationKinds, type ConversationKind } from './tables.js';
export { insertConversation, schoolYearOn } from './queries/conversations.js';
