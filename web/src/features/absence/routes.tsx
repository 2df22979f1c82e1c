// This feature's pages, under the logged-in parent route. Only what the router needs before it shows
// a page stays here (path, search, the data to load); the pages come in lazily from the *.lazy.tsx files.
import { createRoute } from '@tanstack/react-router';
import { hasRole } from '../../core/auth/session';
import { authedRoute } from '../../core/router/base';
import { calendarQuery, classAbsenceQuery, myLessonsQuery, registerQuery, rulesQuery, studentAbsenceQuery, weekQuery } from './api';

const isoDay = (v: unknown): string | undefined => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
const uuid = (v: unknown): string | undefined => (typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v) ? v : undefined);

const myLessonsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'absence/register',
  validateSearch: (raw: Record<string, unknown>): { day?: string } => (isoDay(raw.day) ? { day: isoDay(raw.day) } : {}),
  loaderDeps: ({ search }) => ({ day: search.day }),
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(myLessonsQuery(deps.day)),
}).lazy(() => import('./register.lazy').then((d) => d.myLessonsRoute));

const registerRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'teaching-groups/$teachingGroupId/register',
  validateSearch: (raw: Record<string, unknown>): { day?: string; lessonId?: string } => {
    const out: { day?: string; lessonId?: string } = {};
    if (isoDay(raw.day)) out.day = isoDay(raw.day);
    if (uuid(raw.lessonId)) out.lessonId = uuid(raw.lessonId);
    return out;
  },
  loaderDeps: ({ search }) => ({ day: search.day, lessonId: search.lessonId }),
  loader: ({ context, params, deps }) => context.queryClient.ensureQueryData(registerQuery(params.teachingGroupId, deps.day, deps.lessonId)),
}).lazy(() => import('./register.lazy').then((d) => d.registerRoute));

const classAbsenceRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/absence',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(classAbsenceQuery(params.basisGroupId)),
}).lazy(() => import('./classAbsence.lazy').then((d) => d.classAbsenceRoute));

const weekRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/absence/week',
  validateSearch: (raw: Record<string, unknown>): { week?: string } =>
    typeof raw.week === 'string' && /^\d{4}-W\d{2}$/.test(raw.week) ? { week: raw.week } : {},
  loaderDeps: ({ search }) => ({ week: search.week }),
  loader: ({ context, params, deps }) => context.queryClient.ensureQueryData(weekQuery(params.basisGroupId, deps.week)),
}).lazy(() => import('./classAbsence.lazy').then((d) => d.weekRoute));

const studentAbsenceRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'students/$studentId/absence',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentAbsenceQuery(params.studentId)),
}).lazy(() => import('./studentAbsence.lazy').then((d) => d.studentAbsenceRoute));

const myAbsenceRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me/absence',
  loader: ({ context }) => (context.me.studentId ? context.queryClient.ensureQueryData(studentAbsenceQuery(context.me.studentId)) : null),
}).lazy(() => import('./studentAbsence.lazy').then((d) => d.myAbsenceRoute));

const childAbsenceRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'children/$studentId/absence',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentAbsenceQuery(params.studentId)),
}).lazy(() => import('./studentAbsence.lazy').then((d) => d.childAbsenceRoute));

const settingsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'settings/absence',
  loader: ({ context }) => (hasRole(context.me, 'principal', 'schoolAdmin')
    ? Promise.all([context.queryClient.ensureQueryData(rulesQuery), context.queryClient.ensureQueryData(calendarQuery)]) : null),
}).lazy(() => import('./settings.lazy').then((d) => d.settingsRoute));

export const absenceRoutes = [settingsRoute, myLessonsRoute, registerRoute, classAbsenceRoute, weekRoute, studentAbsenceRoute, myAbsenceRoute, childAbsenceRoute] as const;
