// This feature's pages, under the logged-in parent route; router.tsx adds them to the tree.
import { createRoute, redirect } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../core/auth/session';
import { NotForYouPage } from '../../core/layout/ErrorPages';
import { authedRoute } from '../../core/router/base';
import { myRoundsQuery, roundQuery, studentBookingQuery } from './api';
import './booking.css';
import { MyRoundsPage } from './MyRoundsPage';
import { PublishRoundPage } from './PublishRoundPage';
import { RoundPage } from './RoundPage';
import { StudentBookingPage } from './StudentBookingPage';

const publishForClassRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/booking-rounds/new',
  component: function PublishForClassRoute(): ReactNode {
    const { basisGroupId } = publishForClassRoute.useParams();
    return <PublishRoundPage key={basisGroupId} group={{ type: 'basisGroup', id: basisGroupId }} />;
  },
});

const publishForTeachingGroupRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'teaching-groups/$teachingGroupId/booking-rounds/new',
  component: function PublishForTeachingGroupRoute(): ReactNode {
    const { teachingGroupId } = publishForTeachingGroupRoute.useParams();
    return <PublishRoundPage key={teachingGroupId} group={{ type: 'teachingGroup', id: teachingGroupId }} />;
  },
});

const myRoundsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me/booking-rounds',
  loader: ({ context }) => context.queryClient.ensureQueryData(myRoundsQuery),
  component: MyRoundsPage,
});

const roundRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'booking-rounds/$roundId',
  validateSearch: (raw: Record<string, unknown>): { published?: boolean } =>
    raw.published === true || raw.published === 'true' ? { published: true } : {},
  loader: ({ context, params }) => context.queryClient.ensureQueryData(roundQuery(params.roundId)),
  component: function RoundRoute(): ReactNode {
    const { roundId } = roundRoute.useParams();
    const { published } = roundRoute.useSearch();
    return <RoundPage key={roundId} roundId={roundId} published={published ?? false} />;
  },
});

const myBookingRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me/booking',
  loader: ({ context }) =>
    context.me.studentId ? context.queryClient.ensureQueryData(studentBookingQuery(context.me.studentId)) : null,
  component: function MyBookingRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    return me.studentId ? (
      <StudentBookingPage studentId={me.studentId} viewer="self" />
    ) : (
      <NotForYouPage text={t('errors.onlyForStudents')} />
    );
  },
});

const childBookingRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'children/$studentId/booking',
  loader: ({ context, params }) =>
    hasRole(context.me, 'guardian') ? context.queryClient.ensureQueryData(studentBookingQuery(params.studentId)) : null,
  component: function ChildBookingRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    const { studentId } = childBookingRoute.useParams();
    return hasRole(me, 'guardian') ? (
      <StudentBookingPage key={studentId} studentId={studentId} viewer="guardian" />
    ) : (
      <NotForYouPage text={t('errors.onlyForGuardians')} />
    );
  },
});

/**
 * The link in every booking e-mail to a family (server/features/booking/notify.ts familyLink): the
 * student and their guardians land on their own page; the school (a contact teacher booking on the
 * student's behalf) sees the student's rounds here.
 */
const studentBookingRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'students/$studentId/booking',
  beforeLoad: ({ context, params }) => {
    if (context.me.studentId === params.studentId) throw redirect({ to: '/me/booking' });
    if (context.me.children.some((c) => c.studentId === params.studentId)) {
      throw redirect({ to: '/children/$studentId/booking', params: { studentId: params.studentId } });
    }
  },
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentBookingQuery(params.studentId)),
  component: function StudentBookingRoute(): ReactNode {
    const { studentId } = studentBookingRoute.useParams();
    return <StudentBookingPage key={studentId} studentId={studentId} viewer="staff" />;
  },
});

export const bookingRoutes = [
  publishForClassRoute,
  publishForTeachingGroupRoute,
  myRoundsRoute,
  roundRoute,
  myBookingRoute,
  childBookingRoute,
  studentBookingRoute,
] as const;
