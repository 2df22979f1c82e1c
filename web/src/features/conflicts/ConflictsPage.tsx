import { Paragraph } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { PageHeading } from '../../core/ui/PageHeading';
import { conflictsQuery } from './api';
import { ConflictList } from './ConflictList';
import './conflicts.css';

export function ConflictsPage() {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(conflictsQuery);
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('conflicts.title')} />
        <AccessReason access={data.access} />
      </div>
      <Paragraph>{t('conflicts.list.intro')}</Paragraph>
      <Paragraph><AppLink to="/conflicts/new">{t('conflicts.list.new')}</AppLink></Paragraph>
      {data.conflicts.length === 0 ? <Paragraph>{t('conflicts.list.none')}</Paragraph> : <ConflictList conflicts={data.conflicts} />}
    </div>
  );
}
