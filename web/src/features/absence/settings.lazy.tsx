// The school's absence rules and calendar, for the principal and the school administration.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../core/auth/session';
import { NotForYouPage } from '../../core/layout/ErrorPages';
import { AbsenceSettingsPage } from './SettingsPage';

export const settingsRoute = createLazyRoute('/authed/settings/absence')({
  component: function SettingsRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    return hasRole(me, 'principal', 'schoolAdmin') ? <AbsenceSettingsPage /> : <NotForYouPage text={t('errors.onlyForLeaders')} />;
  },
});
