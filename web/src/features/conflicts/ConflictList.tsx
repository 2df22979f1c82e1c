import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AppLink } from '../../core/ui/AppLink';
import type { ConflictSummary, Involved } from './api';
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
