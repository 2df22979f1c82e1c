// The leaders' overview of warnings and their decisions.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../core/auth/session';
import { NotForYouPage } from '../../core/layout/ErrorPages';
import { DecisionsPage } from './DecisionsPage';

export const decisionsRoute = createLazyRoute('/authed/warnings/decisions')({
  component: function DecisionsRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    return hasRole(me, 'principal', 'departmentHead') ? <DecisionsPage /> : <NotForYouPage text={t('errors.onlyForLeaders')} />;
  },
});
