/** School-environment cases (R-70; L-33 law § 12-4, L-34 § 12-5/12-6): concern, investigation, activity plan, measures, log. */
import type { Feature } from '../../core/feature.js';
import { schoolEnvironmentMessages } from './messages.js';
import { schoolEnvironmentPolicy } from './policy.js';
import { schoolEnvironmentCaseResource } from './resource.js';
import { schoolEnvironmentRoutes } from './routes.js';
import * as tables from './tables.js';

export const schoolEnvironment: Feature = {
  name: 'schoolEnvironment',
  policy: schoolEnvironmentPolicy,
  resources: [schoolEnvironmentCaseResource],
  tables,
  messages: schoolEnvironmentMessages,
  routes: schoolEnvironmentRoutes,
  matrix: () => import('./authorization.cases.js').then((m) => m.schoolEnvironmentMatrix),
};
