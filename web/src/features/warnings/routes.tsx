// This feature's pages, under the logged-in parent route; router.tsx adds them to the tree.
import { createRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../core/auth/session';
import { NotForYouPage } from '../../core/layout/ErrorPages';
import { authedRoute } from '../../core/router/base';
import { assessmentDatesQuery, letterQuery, prefillQuery, queueQuery, schoolWarningsQuery, studentWarningsQuery } from './api';
import { DecisionsPage } from './DecisionsPage';
import { LetterPage } from './LetterPage';
import { QueuePage } from './QueuePage';
import { RaiseWarningPage } from './RaiseWarningPage';

const raiseRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'students/$studentId/warnings/new',
  loader: ({ context, params }) => Promise.all([
    context.queryClient.ensureQueryData(prefillQuery(params.studentId)),
    context.queryClient.ensureQueryData(studentWarningsQuery(params.studentId)),
  ]),
  component: function RaiseRoute(): ReactNode {
    const { studentId } = raiseRoute.useParams();
    return <RaiseWarningPage studentId={studentId} />;
  },
});

const queueRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/warnings',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(queueQuery(params.basisGroupId)),
  component: function QueueRoute(): ReactNode {
    const { basisGroupId } = queueRoute.useParams();
    return <QueuePage basisGroupId={basisGroupId} />;
  },
});

const letterRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'students/$studentId/warning-letters/$letterId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(letterQuery(params.studentId, params.letterId)),
  component: function LetterRoute(): ReactNode {
    const { studentId, letterId } = letterRoute.useParams();
    return <LetterPage studentId={studentId} letterId={letterId} />;
  },
});

const decisionsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'warnings/decisions',
  loader: ({ context }) => (hasRole(context.me, 'principal', 'departmentHead')
    ? Promise.all([
      context.queryClient.ensureQueryData(schoolWarningsQuery),
      hasRole(context.me, 'principal') ? context.queryClient.ensureQueryData(assessmentDatesQuery) : null,
    ]) : null),
  component: function DecisionsRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    return hasRole(me, 'principal', 'departmentHead') ? <DecisionsPage /> : <NotForYouPage text={t('errors.onlyForLeaders')} />;
  },
});

export const warningRoutes = [raiseRoute, queueRoute, letterRoute, decisionsRoute] as const;
