/**
 * The one place that lists the server's features. Each folder describes itself in its index.ts (policy,
 * resources, messages, tables, routes, evidence, jobs, matrix rows); importing this list installs them into
 * core's registries, so the policy, the texts and the jobs are there for the app, the job worker and the tests.
 */
import { installFeatures, type Feature } from '../core/feature.js';
import { absence } from './absence/index.js';
import { accounts } from './accounts/index.js';
import { accommodationNeeds } from './accommodationNeeds/index.js';
import { administration } from './administration/index.js';
import { annualCycle } from './annualCycle/index.js';
import { assessmentPlan } from './assessmentPlan/index.js';
import { audit } from './audit/index.js';
import { booking } from './booking/index.js';
import { cases } from './cases/index.js';
import { classes } from './classes/index.js';
import { classLife } from './classLife/index.js';
import { conduct } from './conduct/index.js';
import { conflicts } from './conflicts/index.js';
import { consent } from './consent/index.js';
import { contactLog } from './contactLog/index.js';
import { conversations } from './conversations/index.js';
import { discipline } from './discipline/index.js';
import { dutyToReport } from './dutyToReport/index.js';
import { formativeAssessment } from './formativeAssessment/index.js';
import { forms } from './forms/index.js';
import { measures } from './measures/index.js';
import { meetings } from './meetings/index.js';
import { guardians } from './guardians/index.js';
import { individualPlan } from './individualPlan/index.js';
import { parentMeeting } from './parentMeeting/index.js';
import { rosterImport } from './rosterImport/index.js';
import { schoolEnvironment } from './schoolEnvironment/index.js';
import { screening } from './screening/index.js';
import { statusChange } from './statusChange/index.js';
import { students } from './students/index.js';
import { warnings } from './warnings/index.js';

/** In the order their routes are registered. */
export const features: readonly Feature[] = [
  students, classes, contactLog, consent, audit, guardians,
  conversations, booking, absence, conduct, discipline, warnings,
  formativeAssessment, conflicts, assessmentPlan, classLife,
  accommodationNeeds, forms, parentMeeting, annualCycle,
  accounts, rosterImport, administration, screening, measures, cases, meetings, statusChange,
  individualPlan, schoolEnvironment, dutyToReport,
];

installFeatures(features);
