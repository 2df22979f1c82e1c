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
  return resourceType;
}
