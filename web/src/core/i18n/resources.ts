/**
 * All UI texts: the core dictionaries plus one namespace-like block per feature, each kept in its
 * feature folder (web/src/features/<feature>/i18n.ts) so a feature's words live with its code.
 */
import { absenceEn, absenceNb, absenceNn } from '../../features/absence/i18n';
import { bookingEn, bookingNb, bookingNn } from '../../features/booking/i18n';
import { conductEn, conductNb, conductNn } from '../../features/conduct/i18n';
import { disciplineEn, disciplineNb, disciplineNn } from '../../features/discipline/i18n';
import { conversationsEn, conversationsNb, conversationsNn } from '../../features/conversations/i18n';
import { warningsEn, warningsNb, warningsNn } from '../../features/warnings/i18n';
import { conflictsEn, conflictsNb, conflictsNn } from '../../features/conflicts/i18n';
import { formativeEn, formativeNb, formativeNn } from '../../features/formativeAssessment/i18n';
import { annualCycleEn, annualCycleNb, annualCycleNn } from '../../features/annualCycle/i18n';
import { accommodationNeedsEn, accommodationNeedsNb, accommodationNeedsNn } from '../../features/accommodationNeeds/i18n';
import { formsEn, formsNb, formsNn } from '../../features/forms/i18n';
import { parentMeetingEn, parentMeetingNb, parentMeetingNn } from '../../features/parentMeeting/i18n';
import { classLifeEn, classLifeNb, classLifeNn } from '../../features/classLife/i18n';
import { assessmentPlanEn, assessmentPlanNb, assessmentPlanNn } from '../../features/assessmentPlan/i18n';
import { en } from './en';
import { nb } from './nb';
import { nn } from './nn';

export const resources = {
  nb: { translation: { ...nb, conduct: conductNb, discipline: disciplineNb, conversations: conversationsNb, booking: bookingNb, absence: absenceNb, warnings: warningsNb, formative: formativeNb, annualCycle: annualCycleNb, accommodationNeeds: accommodationNeedsNb, forms: formsNb, parentMeeting: parentMeetingNb, classLife: classLifeNb, assessmentPlan: assessmentPlanNb, conflicts: conflictsNb } },
  nn: { translation: { ...nn, conduct: conductNn, discipline: disciplineNn, conversations: conversationsNn, booking: bookingNn, absence: absenceNn, warnings: warningsNn, formative: formativeNn, annualCycle: annualCycleNn, accommodationNeeds: accommodationNeedsNn, forms: formsNn, parentMeeting: parentMeetingNn, classLife: classLifeNn, assessmentPlan: assessmentPlanNn, conflicts: conflictsNn } },
  en: { translation: { ...en, conduct: conductEn, discipline: disciplineEn, conversations: conversationsEn, booking: bookingEn, absence: absenceEn, warnings: warningsEn, formative: formativeEn, annualCycle: annualCycleEn, accommodationNeeds: accommodationNeedsEn, forms: formsEn, parentMeeting: parentMeetingEn, classLife: classLifeEn, assessmentPlan: assessmentPlanEn, conflicts: conflictsEn } },
};

export type AllMessages = (typeof resources)['nb']['translation'];
