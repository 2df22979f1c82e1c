/**
 * Conversations: the school's plan of conversations with students and families (plan/) and each
 * conversation as it is prepared, held and followed up (meeting/).
 */
import type { WebFeature } from '../../core/feature';
import { conversationsEn, conversationsNb, conversationsNn } from './i18n';
import { ConversationNavItems } from './meeting/NavItems';
import { meetingRoutes } from './meeting/routes';
import { PlanNavItems } from './plan/NavItems';
import { planRoutes } from './plan/routes';
// Loaded with the app, as every feature's styles are (see core/feature.ts).
import './conversations.css';

export const conversationsFeature = {
  routes: [...planRoutes, ...meetingRoutes],
  nav: [
    { order: 30, Items: PlanNavItems },
    { order: 70, Items: ConversationNavItems },
  ],
  texts: { nb: { conversations: conversationsNb }, nn: { conversations: conversationsNn }, en: { conversations: conversationsEn } },
  classSections: [
    { segment: 'conversations', labelKey: 'classSections.conversations', group: 'followUp', order: 20 },
    { segment: 'guardian-conferences', labelKey: 'classSections.guardianConferences', group: 'followUp', order: 30 },
  ],
} satisfies WebFeature;

export { FamilySection } from './meeting/FamilySection';
export { StudentConversationsSection } from './meeting/StudentConversationsSection';
export { ClassConversationFigures, Notifications } from './plan/HomeParts';
export type { ConversationKind } from './types';
