import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { auditRoles, hasRole, useMe } from '../../core/auth/session';
import { NotForYouPage } from '../../core/layout/ErrorPages';
import { AuditPage } from './AuditPage';

export const auditRoute = createLazyRoute('/authed/audit')({
  component: function AuditRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    const search = auditRoute.useSearch();
    return hasRole(me, ...auditRoles) ? <AuditPage search={search} /> : <NotForYouPage text={t('errors.onlyForLeaders')} />;
  },
});
