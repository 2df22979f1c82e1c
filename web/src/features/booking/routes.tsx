// This feature's pages, under the logged-in parent route. Only what the router needs before it shows
// a page stays here (path, search, redirects, the data to load); the pages come in lazily (*.lazy.tsx).
import { createRoute, redirect } from '@tanstack/react-router';
import { hasRole } from '../../core/auth/session';
import { authedRoute } from '../../core/router/base';
import { myRoundsQuery, roundQuery, studentBookingQuery } from './api';

const publishForClassRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/booking-rounds/new',
}).lazy(() => import('./rounds.lazy').then((d) => d.publishForClassRoute));

const publishForTeachingGroupRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'teaching-groups/$teachingGroupId/booking-rounds/new',
}).lazy(() => import('./rounds.lazy').then((d) => d.publishForTeachingGroupRoute));

const myRoundsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me/booking-rounds',
  loader: ({ context }) => context.queryClient.ensureQueryData(myRoundsQuery),
}).lazy(() => import('./rounds.lazy').then((d) => d.myRoundsRoute));

const roundRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'booking-rounds/$roundId',
  validateSearch: (raw: Record<string, unknown>): { published?: boolean } =>
    raw.published === true || raw.published === 'true' ? { published: true } : {},
  loader: ({ context, params }) => context.queryClient.ensureQueryData(roundQuery(params.roundId)),
}).lazy(() => import('./rounds.lazy').then((d) => d.roundRoute));

const myBookingRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me/booking',
  loader: ({ context }) =>
    context.me.studentId ? context.queryClient.ensureQueryData(studentBookingQuery(context.me.studentId)) : null,
}).lazy(() => import('./studentBooking.lazy').then((d) => d.myBookingRoute));

const childBookingRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'children/$studentId/booking',
  loader: ({ context, params }) =>
    hasRole(context.me, 'guardian') ? context.queryClient.ensureQueryData(studentBookingQuery(params.studentId)) : null,
}).lazy(() => import('./studentBooking.lazy').then((d) => d.childBookingRoute));

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
}).lazy(() => import('./studentBooking.lazy').then((d) => d.studentBookingRoute));

export const bookingRoutes = [
  publishForClassRoute,
  publishForTeachingGroupRoute,
  myRoundsRoute,
  roundRoute,
  myBookingRoute,
  childBookingRoute,
  studentBookingRoute,
] as const;
