import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../core/api/types';
import type { NavEntry } from '../core/feature';
import { features } from './features';

/**
 * Every feature's entries in one list, by their `order`: 10 home, 20 the person's classes, 30 the
 * conversation plan, 40–60 a student's own record, consent and access log, 70 my conversations,
 * 80 booking, 90 absence, 100 formative assessment, 110 annual cycle, 120 assessment plan, 130 class
 * life, 140 forms, 150 conflicts, 160 conduct, 165 discipline, 170 warnings, 180 a guardian's children,
 * 190 the audit log.
 */
const navEntries: readonly NavEntry[] = inOrder(features.flatMap((f): readonly NavEntry[] => ('nav' in f ? f.nav : [])));

function inOrder(entries: readonly NavEntry[]): readonly NavEntry[] {
  const sorted = [...entries].sort((a, b) => a.order - b.order);
  // Two entries at one place would be ordered by accident (and share a React key).
  const clash = sorted.find((e, i) => i > 0 && sorted[i - 1]?.order === e.order);
  if (clash) throw new Error(`Two main-menu entries have order ${clash.order}`);
  return sorted;
}

export function MainNav({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('shell.mainNav')} className="main-nav">
      <ul>
        {navEntries.map(({ order, Items }) => (
          <Items key={order} me={me} />
        ))}
      </ul>
    </nav>
  );
}
