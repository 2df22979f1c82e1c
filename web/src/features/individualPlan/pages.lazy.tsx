// The IOP's pages: the staff's working view and a finalised version, and the family's reading of the latest version.
import { useSuspenseQuery } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../core/auth/session';
import { NotForYouPage } from '../../core/layout/ErrorPages';
import { planQuery } from './api';
import { PlanPage } from './PlanPage';
import { FamilyPlanPage, VersionPage } from './ReportView';

export const staffRoute = createLazyRoute('/authed/students/$studentId/individual-plan')({
  component: function StaffRoute(): ReactNode {
    const { studentId } = staffRoute.useParams();
    const { data } = useSuspenseQuery(planQuery(studentId));
    return <PlanPage key={studentId} studentId={studentId} studentName={data.studentName} />;
  },
});

export const versionRoute = createLazyRoute('/authed/students/$studentId/individual-plan/versions/$version')({
  component: function VersionRoute(): ReactNode {
    const { studentId, version } = versionRoute.useParams();
    return <VersionPage studentId={studentId} version={Number(version)} />;
  },
});

export const mineRoute = createLazyRoute('/authed/me/individual-plan')({
  component: function MineRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    return me.studentId ? <FamilyPlanPage studentId={me.studentId} /> : <NotForYouPage text={t('errors.onlyForStudents')} />;
  },
});

export const childRoute = createLazyRoute('/authed/children/$studentId/individual-plan')({
  component: function ChildRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    const { studentId } = childRoute.useParams();
    return hasRole(me, 'guardian') ? <FamilyPlanPage studentId={studentId} /> : <NotForYouPage text={t('errors.onlyForGuardians')} />;
  },
});
