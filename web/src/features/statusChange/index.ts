/** Status changes (endring av elevstatus, R-52): a section of the student's record, the family's decision letter and the principal's home list; no pages of their own. */
import type { WebFeature } from '../../core/feature';
import { statusChangeEn, statusChangeNb, statusChangeNn } from './i18n';

export const statusChangeFeature = {
  routes: [],
  texts: { nb: { statusChange: statusChangeNb }, nn: { statusChange: statusChangeNn }, en: { statusChange: statusChangeEn } },
} satisfies WebFeature;

export { PendingStatusChanges } from './PendingStatusChanges';
export { StatusChangeSection } from './StatusChangeSection';
export { StatusDecisionLetters } from './StatusDecisionLetters';
