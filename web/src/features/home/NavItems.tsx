import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The front page, first in everyone's menu. */
export function HomeNavItems(): ReactNode {
  const { t } = useTranslation();
  return (
    <li>
      <Link to="/" activeOptions={{ exact: true }}>
        {t('nav.home')}
      </Link>
    </li>
  );
}
