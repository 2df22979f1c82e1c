import type { TFunction } from 'i18next';

/**
 * The audit log stores action codes ("student.read"); people read sentences. A code this app does not
 * know yet is shown as it is rather than hidden, so a new kind of access never disappears from view.
 */
export function actionLabel(t: TFunction, action: string): string {
  switch (action) {
    case 'student.read':
      return t('actions.studentRead');
    case 'basisGroup.readOverview':
      return t('actions.classOverviewRead');
    case 'teachingGroup.readStudents':
      return t('actions.teachingGroupRead');
    case 'contactLog.read':
      return t('actions.contactLogRead');
    case 'contactLog.write':
      return t('actions.contactLogWrite');
    case 'consent.read':
      return t('actions.consentRead');
    case 'consent.manage':
      return t('actions.consentManage');
    case 'accessLog.read':
      return t('actions.accessLogRead');
    case 'audit.search':
      return t('actions.auditSearch');
    case 'informationDecision.write':
      return t('actions.informationDecision');
    // conversations and booking (R-10…R-18); their words live with the conversations feature
    case 'conversation.read':
      return t('conversations.plan.actions.conversationRead');
    case 'conversation.hold':
      return t('conversations.plan.actions.conversationHold');
    case 'conversation.plan':
      return t('conversations.plan.actions.conversationPlan');
    case 'conversation.delegate':
      return t('conversations.plan.actions.conversationDelegate');
    case 'conversation.prepare':
      return t('conversations.plan.actions.conversationPrepare');
    case 'conversation.readPreparation':
      return t('conversations.plan.actions.conversationReadPreparation');
    case 'guardianConference.offer':
      return t('conversations.plan.actions.guardianConferenceOffer');
    case 'basisGroup.readConversationPlan':
      return t('conversations.plan.actions.basisGroupReadConversationPlan');
    case 'conversationPlan.manage':
      return t('conversations.plan.actions.conversationPlanManage');
    case 'conversationPlan.readCompliance':
      return t('conversations.plan.actions.conversationPlanReadCompliance');
    case 'conversationTemplate.read':
      return t('conversations.plan.actions.conversationTemplateRead');
    case 'conversationTemplate.manage':
      return t('conversations.plan.actions.conversationTemplateManage');
    case 'booking.book':
      return t('conversations.plan.actions.bookingBook');
    case 'booking.read':
      return t('conversations.plan.actions.bookingRead');
    case 'basisGroup.manageBooking':
      return t('conversations.plan.actions.basisGroupManageBooking');
    case 'teachingGroup.manageBooking':
      return t('conversations.plan.actions.teachingGroupManageBooking');
    default:
      return action;
  }
}

export function resourceLabel(t: TFunction, resourceType: string): string {
  if (resourceType === 'student') return t('actions.resourceStudent');
  if (resourceType === 'auditLog') return t('actions.resourceAuditLog');
  if (resourceType === 'basisGroup') return t('actions.resourceBasisGroup');
  if (resourceType === 'teachingGroup') return t('actions.resourceTeachingGroup');
  if (resourceType === 'school') return t('actions.resourceSchool');
  if (resourceType === 'conversation') return t('conversations.plan.actions.resourceConversation');
  return resourceType;
}
