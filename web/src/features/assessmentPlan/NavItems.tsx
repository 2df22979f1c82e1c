import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';

/** The main menu's "Prøveplan": the student's own plan, a guardian's children's, a subject teacher's groups. */
export function AssessmentPlanNavItems({ me }: { me: Me }) {
  const { t } = useTranslation();
  if (me.studentId === null && me.children.length === 0 && me.teachingGroups.length === 0) return null;
  return <li><Link to="/assessment-plan">{t('assessmentPlan.nav')}</Link></li>;
}
