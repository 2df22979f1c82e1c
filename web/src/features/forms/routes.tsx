// This feature's pages, under the logged-in parent route; router.tsx adds them to the tree.
import { createRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../core/auth/session';
import { NotForYouPage } from '../../core/layout/ErrorPages';
import { authedRoute } from '../../core/router/base';
import { classFormsQuery, schoolFormsQuery, studentFormsQuery } from './api';
import { ClassFormsPage } from './ClassFormsPage';
import { SchoolFormsPage } from './SchoolFormsPage';
import { StudentFormsPage } from './StudentFormsPage';

const classRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/forms',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(classFormsQuery(params.basisGroupId)),
  component: function ClassRoute(): ReactNode {
    const { basisGroupId } = classRoute.useParams();
    return <ClassFormsPage basisGroupId={basisGroupId} />;
  },
});

const schoolRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'forms',
  loader: ({ context }) => context.queryClient.ensureQueryData(schoolFormsQuery),
  component: SchoolFormsPage,
});

const mineRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me/forms',
  loader: ({ context }) => (context.me.studentId ? context.queryClient.ensureQueryData(studentFormsQuery(context.me.studentId)) : null),
  component: function MineRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    return me.studentId ? <StudentFormsPage studentId={me.studentId} viewer="self" /> : <NotForYouPage text={t('errors.onlyForStudents')} />;
  },
});

const childRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'children/$studentId/forms',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentFormsQuery(params.studentId)),
  component: function ChildRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    const { studentId } = childRoute.useParams();
    return hasRole(me, 'guardian') ? <StudentFormsPage studentId={studentId} viewer="guardian" /> : <NotForYouPage text={t('errors.onlyForGuardians')} />;
  },
});

export const formRoutes = [classRoute, schoolRoute, mineRoute, childRoute] as const;
