/** Conversations (R-10…R-18): the plan, templates, the conversations themselves and guardian conferences. */
import type { Feature } from '../../core/feature.js';
import { conversationEvidence } from './evidence.js';
import { conversationMessages } from './messages.js';
import { conversationPolicy } from './policy.js';
import { conversationResource } from './resource.js';
import { conversationRoutes } from './routes.js';

export const conversations: Feature = {
  name: 'conversations',
  policy: conversationPolicy,
  resources: [conversationResource],
  messages: conversationMessages,
  routes: conversationRoutes,
  evidence: conversationEvidence,
  matrix: () => import('./authorization.cases.js').then((m) => m.conversationMatrix),
};
