import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { TaskStatus, Weeks } from './api';

const COLOR: Record<TaskStatus, 'success' | 'warning' | 'danger' | 'info' | 'neutral'> = {
  done: 'success', doneLate: 'warning', overdue: 'danger', open: 'info', upcoming: 'neutral',
};

/**
 * The language a routine's own text is written in: the school writes its cycle in bokmål and nynorsk, so an
 * English page shows the bokmål text, marked as such for screen readers (WCAG 3.1.2, language of parts).
 */
export function useRoutineLang(): 'nb' | 'nn' {
  const { i18n } = useTranslation();
  return i18n.language === 'nn' ? 'nn' : 'nb';
}

export function StatusTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return <Tag data-color={COLOR[status]} data-size="sm">{t(`annualCycle.status.${status}`)}</Tag>;
}

export function WeeksText({ weeks }: { weeks: Weeks }) {
  const { t } = useTranslation();
  return <>{weeks.from === weeks.to ? t('annualCycle.week', { week: weeks.from }) : t('annualCycle.weeks', { from: weeks.from, to: weeks.to })}</>;
}

/** What counts as done, in words: the evidence kind (and which conversation). */
export function EvidenceText({ kind, param }: { kind: string; param: string | null }) {
  const { t } = useTranslation();
  return <>{evidenceLabel(t as unknown as LooseT, kind, param)}</>;
}

export type LooseT = (key: string, options?: Record<string, unknown>) => string;

/** What counts as done, as text (the evidence kind, and which conversation). */
export function evidenceLabel(t: LooseT, kind: string, param: string | null): string {
  const base = t(`annualCycle.evidence.${kind}`);
  return kind === 'conversationHeld' && param ? `${base}: ${t(`annualCycle.conversationKind.${param}`)}` : base;
}
