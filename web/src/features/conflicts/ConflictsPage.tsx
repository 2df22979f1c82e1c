import { Paragraph, Tag } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { PageHeading } from '../../core/ui/PageHeading';
import { conflictsQuery, type ConflictSummary, type Involved } from './api';
import './conflicts.css';

/** "Ada Nilsen (2STA)", or — without a relationship to the student — "Another student in 2STB" (R-24). */
export function useInvolvedName() {
  const { t } = useTranslation();
  return (s: Involved) => (s.known
    ? `${s.givenName} ${s.familyName}${s.groupName ? ` (${s.groupName})` : ''}`
    : s.groupName ? t('conflicts.another', { group: s.groupName }) : t('conflicts.anotherNoClass'));
}

export function ConflictList({ conflicts }: { conflicts: ConflictSummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const nameOf = useInvolvedName();
  return (
    <ul className="conflict-list">
      {conflicts.map((c) => (
        <li key={c.id}>
          <AppLink to="/conflicts/$conflictId" params={{ conflictId: c.id }} aria-label={t('conflicts.list.open', { date: format.date(c.occurredOn) })}>
            {t('conflicts.list.occurred', { date: format.date(c.occurredOn) })}
          </AppLink>{' '}
          <Tag data-size="sm" data-color={c.status === 'open' ? 'warning' : 'success'}>
            {c.status === 'open' ? t('conflicts.status.open') : t('conflicts.status.resolved', { date: format.date(c.resolvedOn) })}
          </Tag>
          <div className="muted">{c.students.map(nameOf).join(' · ')}</div>
        </li>
      ))}
    </ul>
  );
}

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
