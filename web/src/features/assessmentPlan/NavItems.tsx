import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';
import { hasRole } from '../../core/auth/session';

/**
 * The main menu's "Prøveplan": the student's own plan, a guardian's children's, a subject teacher's groups,
 * and for the leaders the school's rules and its events for a level or the whole school (linked from that page, as
 * the annual cycle links its compliance pages).
 */
export function AssessmentPlanNavItems({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation();
  const leader = hasRole(me, 'principal', 'departmentHead', 'schoolAdmin');
  if (!leader && me.studentId === null && me.children.length === 0 && me.teachingGroups.length === 0) return null;
  return <li><Link to="/assessment-plan">{t('assessmentPlan.nav')}</Link></li>;
}
