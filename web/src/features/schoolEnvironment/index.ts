/**
 * School-environment cases (R-70; L-33, L-34): the "Jeg er bekymret" page with a concern sent to the
 * principal, the case with its activity plan and log, and a section of the student's record.
 */
import type { WebFeature } from '../../core/feature';
import { schoolEnvironmentEn, schoolEnvironmentNb, schoolEnvironmentNn } from './i18n';
import { SchoolEnvironmentNavItems } from './NavItems';
import { schoolEnvironmentRoutes } from './routes';
import './schoolEnvironment.css';

export const schoolEnvironmentFeature = {
  routes: schoolEnvironmentRoutes,
  nav: [{ order: 176, Items: SchoolEnvironmentNavItems }],
  texts: { nb: { schoolEnvironment: schoolEnvironmentNb }, nn: { schoolEnvironment: schoolEnvironmentNn }, en: { schoolEnvironment: schoolEnvironmentEn } },
} satisfies WebFeature;

export { ConcernButton } from './ConcernButton';
export { SchoolEnvironmentSection } from './SchoolEnvironmentSection';
