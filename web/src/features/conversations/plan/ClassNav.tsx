import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** Between a class's overview, its conversation plan and its guardian conferences: links, not tabs, so each page has its own address. */
export function ClassNav({ basisGroupId, groupName }: { basisGroupId: string; groupName: string }) {
  const { t } = useTranslation();
  const params = { basisGroupId };
  return (
    <nav aria-label={t('conversations.plan.classNav.label', { name: groupName })} className="plan-subnav">
      <ul>
        <li>
          <Link to="/classes/$basisGroupId" params={params} activeOptions={{ exact: true }}>
            {t('conversations.plan.classNav.overview')}
          </Link>
        </li>
        <li>
          <Link to="/classes/$basisGroupId/conversations" params={params}>
            {t('conversations.plan.classNav.plan')}
          </Link>
        </li>
        <li>
          <Link to="/classes/$basisGroupId/guardian-conferences" params={params}>
            {t('conversations.plan.classNav.conferences')}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
