/**
 * The one list of the web app's features. Adding a feature is a folder under features/ with an
 * index.ts that describes it (core/feature.ts), and one line here; app/ builds the router, the texts,
 * the main menu and a class's sub-menu from this list.
 */
import type { WebFeature } from '../core/feature';
import { absenceFeature } from '../features/absence';
import { accessLogFeature } from '../features/accessLog';
import { accommodationNeedsFeature } from '../features/accommodationNeeds';
import { administrationFeature } from '../features/administration';
import { accountsFeature } from '../features/accounts';
import { annualCycleFeature } from '../features/annualCycle';
import { assessmentPlanFeature } from '../features/assessmentPlan';
import { auditFeature } from '../features/audit';
import { authFeature } from '../features/auth';
import { bookingFeature } from '../features/booking';
import { casesFeature } from '../features/cases';
import { classesFeature } from '../features/classes';
import { classLifeFeature } from '../features/classLife';
import { conductFeature } from '../features/conduct';
import { conflictsFeature } from '../features/conflicts';
import { consentFeature } from '../features/consent';
import { contactLogFeature } from '../features/contactLog';
import { conversationsFeature } from '../features/conversations';
import { disciplineFeature } from '../features/discipline';
import { dutyToReportFeature } from '../features/dutyToReport';
import { formativeAssessmentFeature } from '../features/formativeAssessment';
import { formsFeature } from '../features/forms';
import { guardianFeature } from '../features/guardian';
import { measuresFeature } from '../features/measures';
import { meetingsFeature } from '../features/meetings';
import { homeFeature } from '../features/home';
import { individualPlanFeature } from '../features/individualPlan';
import { parentMeetingFeature } from '../features/parentMeeting';
import { rosterImportFeature } from '../features/rosterImport';
import { schoolEnvironmentFeature } from '../features/schoolEnvironment';
import { screeningFeature } from '../features/screening';
import { statusChangeFeature } from '../features/statusChange';
import { studentsFeature } from '../features/students';
import { warningsFeature } from '../features/warnings';

// `as const` keeps each feature's own route and text types, so links and texts stay type-checked.
export const features = [
  authFeature,
  homeFeature,
  classesFeature,
  studentsFeature,
  consentFeature,
  accessLogFeature,
  contactLogFeature,
  guardianFeature,
  auditFeature,
  conversationsFeature,
  bookingFeature,
  absenceFeature,
  formativeAssessmentFeature,
  annualCycleFeature,
  classLifeFeature,
  assessmentPlanFeature,
  conflictsFeature,
  accommodationNeedsFeature,
  formsFeature,
  parentMeetingFeature,
  conductFeature,
  disciplineFeature,
  warningsFeature,
  accountsFeature,
  rosterImportFeature,
  administrationFeature,
  screeningFeature,
  measuresFeature,
  meetingsFeature,
  statusChangeFeature,
  casesFeature,
  individualPlanFeature,
  schoolEnvironmentFeature,
  dutyToReportFeature,
] as const satisfies readonly WebFeature[];

export type AppFeature = (typeof features)[number];
