// This feature's pages, under the logged-in parent route; router.tsx adds them to the tree.
import { createRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../core/auth/session';
import { NotForYouPage } from '../../core/layout/ErrorPages';
import { authedRoute } from '../../core/router/base';
import { calendarQuery, classAbsenceQuery, myLessonsQuery, registerQuery, rulesQuery, studentAbsenceQuery, weekQuery } from './api';
import { ClassAbsencePage, WeekCheckPage } from './ClassAbsencePage';
import { MyLessonsPage, RegisterPage } from './RegisterPage';
import { AbsenceSettingsPage } from './SettingsPage';
import { StudentAbsencePage } from './StudentAbsencePage';

const isoDay = (v: unknown): string | undefined => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
const uuid = (v: unknown): string | undefined => (typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v) ? v : undefined);

const myLessonsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'absence/register',
  validateSearch: (raw: Record<string, unknown>): { day?: string } => (isoDay(raw.day) ? { day: isoDay(raw.day) } : {}),
  loaderDeps: ({ search }) => ({ day: search.day }),
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(myLessonsQuery(deps.day)),
  component: function MyLessonsRoute(): ReactNode {
    const { day } = myLessonsRoute.useSearch();
    return <MyLessonsPage day={day} />;
  },
});

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
  component: function RegisterRoute(): ReactNode {
    const { teachingGroupId } = registerRoute.useParams();
    const { day, lessonId } = registerRoute.useSearch();
    return <RegisterPage key={`${day}-${lessonId}`} teachingGroupId={teachingGroupId} day={day} lessonId={lessonId} />;
  },
});

const classAbsenceRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/absence',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(classAbsenceQuery(params.basisGroupId)),
  component: function ClassAbsenceRoute(): ReactNode {
    const { basisGroupId } = classAbsenceRoute.useParams();
    return <ClassAbsencePage basisGroupId={basisGroupId} />;
  },
});

const weekRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/absence/week',
  validateSearch: (raw: Record<string, unknown>): { week?: string } =>
    typeof raw.week === 'string' && /^\d{4}-W\d{2}$/.test(raw.week) ? { week: raw.week } : {},
  loaderDeps: ({ search }) => ({ week: search.week }),
  loader: ({ context, params, deps }) => context.queryClient.ensureQueryData(weekQuery(params.basisGroupId, deps.week)),
  component: function WeekRoute(): ReactNode {
    const { basisGroupId } = weekRoute.useParams();
    const { week } = weekRoute.useSearch();
    return <WeekCheckPage basisGroupId={basisGroupId} week={week} />;
  },
});

const studentAbsenceRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'students/$studentId/absence',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentAbsenceQuery(params.studentId)),
  component: function StudentAbsenceRoute(): ReactNode {
    const { studentId } = studentAbsenceRoute.useParams();
    return <StudentAbsencePage studentId={studentId} viewer="staff" />;
  },
});

const myAbsenceRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me/absence',
  loader: ({ context }) => (context.me.studentId ? context.queryClient.ensureQueryData(studentAbsenceQuery(context.me.studentId)) : null),
  component: function MyAbsenceRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    return me.studentId ? <StudentAbsencePage studentId={me.studentId} viewer="self" /> : <NotForYouPage text={t('errors.onlyForStudents')} />;
  },
});

const childAbsenceRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'children/$studentId/absence',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentAbsenceQuery(params.studentId)),
  component: function ChildAbsenceRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    const { studentId } = childAbsenceRoute.useParams();
    return hasRole(me, 'guardian') ? <StudentAbsencePage studentId={studentId} viewer="guardian" /> : <NotForYouPage text={t('errors.onlyForGuardians')} />;
  },
});

const settingsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'settings/absence',
  loader: ({ context }) => (hasRole(context.me, 'principal', 'schoolAdmin')
    ? Promise.all([context.queryClient.ensureQueryData(rulesQuery), context.queryClient.ensureQueryData(calendarQuery)]) : null),
  component: function SettingsRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    return hasRole(me, 'principal', 'schoolAdmin') ? <AbsenceSettingsPage /> : <NotForYouPage text={t('errors.onlyForLeaders')} />;
  },
});

export const absenceRoutes = [settingsRoute, myLessonsRoute, registerRoute, classAbsenceRoute, weekRoute, studentAbsenceRoute, myAbsenceRoute, childAbsenceRoute] as const;
