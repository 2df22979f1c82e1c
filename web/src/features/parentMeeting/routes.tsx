// This feature's pages, under the logged-in parent route; router.tsx adds them to the tree.
import { createRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../core/auth/session';
import { NotForYouPage } from '../../core/layout/ErrorPages';
import { authedRoute } from '../../core/router/base';
import { classMeetingsQuery, studentMeetingsQuery } from './api';
import { ClassMeetingsPage } from './ClassMeetingsPage';
import { FamilyMeetingsPage } from './FamilyMeetingsPage';

const classRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/parent-meetings',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(classMeetingsQuery(params.basisGroupId)),
  component: function ClassRoute(): ReactNode {
    const { basisGroupId } = classRoute.useParams();
    return <ClassMeetingsPage basisGroupId={basisGroupId} />;
  },
});

/** The link in the notice and the e-mail to absent guardians points here. */
const childRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'children/$studentId/parent-meetings',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentMeetingsQuery(params.studentId)),
  component: function ChildRoute(): ReactNode {
    const { studentId } = childRoute.useParams();
    return <FamilyMeetingsPage studentId={studentId} />;
  },
});

const mineRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me/parent-meetings',
  loader: ({ context }) => (context.me.studentId ? context.queryClient.ensureQueryData(studentMeetingsQuery(context.me.studentId)) : null),
  component: function MineRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    return me.studentId ? <FamilyMeetingsPage studentId={me.studentId} /> : <NotForYouPage text={t('errors.onlyForStudents')} />;
  },
});

export const parentMeetingRoutes = [classRoute, childRoute, mineRoute] as const;
