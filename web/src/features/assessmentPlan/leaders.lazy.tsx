// The school's rules for assessment plans and its events for a level or the whole school.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../core/auth/session';
import { NotForYouPage } from '../../core/layout/ErrorPages';
import { RulesPage, SchoolEventsPage } from './LeaderPages';
import { plansSchoolEvents, readsRules } from './roles';

export const rulesRoute = createLazyRoute('/authed/assessment-plan/rules')({
  component: function RulesRoute(): ReactNode {
    const { t } = useTranslation();
    return readsRules(useMe()) ? <RulesPage /> : <NotForYouPage text={t('assessmentPlan.rules.onlyStaff')} />;
  },
});

export const schoolEventsRoute = createLazyRoute('/authed/assessment-plan/school-events')({
  component: function SchoolEventsRoute(): ReactNode {
    const { t } = useTranslation();
    return plansSchoolEvents(useMe()) ? <SchoolEventsPage /> : <NotForYouPage text={t('assessmentPlan.events.onlyLeaders')} />;
  },
});
