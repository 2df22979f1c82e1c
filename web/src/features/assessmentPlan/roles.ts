import type { Me } from '../../core/api/types';
import { hasRole } from '../../core/auth/session';

/** Who reads the school's rules: the server policy's assessmentPlan.readRules (every staff member who plans). */
export const readsRules = (me: Me) => hasRole(me, 'principal', 'schoolAdmin', 'departmentHead', 'counsellor', 'teacher', 'contactTeacher');
/** Who plans for a level or the whole school: the policy's assessmentPlan.planSchoolEvent. */
export const plansSchoolEvents = (me: Me) => hasRole(me, 'principal', 'departmentHead');
