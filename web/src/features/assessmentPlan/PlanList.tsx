import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import type { Conflict, Entry } from './api';

/** ISO week "2026-W49" of a day, for grouping the list. */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - weekday + 3);
  const year = d.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4, 12));
  const week = 1 + Math.round(((d.getTime() - jan4.getTime()) / 86_400_000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const KIND_COLOR: Record<Entry['kind'], 'danger' | 'warning' | 'info' | 'success' | 'neutral'> = {
  test: 'warning', fullDayTest: 'danger', project: 'info', excursion: 'success', culturalEvent: 'neutral',
};

/** The plan as a list by week — one column, readable on a phone. */
export function PlanList({ entries, conflictDays, onEdit, onRemove, actions }: {
  entries: Entry[]; conflictDays?: Set<string>; onEdit?: (e: Entry) => void; onRemove?: (e: Entry) => void;
  /** instead of the edit and remove buttons: the page's own actions for an editable entry (a confirmed removal) */
  actions?: (e: Entry) => ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (entries.length === 0) return <Paragraph>{t('assessmentPlan.list.none')}</Paragraph>;
  const weeks = new Map<string, Entry[]>();
  for (const e of entries) weeks.set(isoWeek(e.startsOn), [...(weeks.get(isoWeek(e.startsOn)) ?? []), e]);
  return (
    <div className="ap-weeks">
      {[...weeks].map(([week, list]) => (
        <section key={week} aria-label={t('assessmentPlan.list.week', { week: Number(week.slice(6)) })}>
          <Heading level={3} data-size="2xs">{t('assessmentPlan.list.week', { week: Number(week.slice(6)) })}</Heading>
          <ul className="ap-list">
            {list.map((e) => (
              <li key={e.id} className={conflictDays?.has(e.startsOn) ? 'ap-item ap-item--conflict' : 'ap-item'}>
                <div className="ap-item__when">
                  {format.date(e.startsOn)}{e.endsOn && e.endsOn !== e.startsOn ? ` ${t('assessmentPlan.list.until', { date: format.date(e.endsOn) })}` : ''}
                </div>
                <div className="ap-item__what">
                  <Tag data-size="sm" data-color={KIND_COLOR[e.kind]}>{t(`assessmentPlan.kinds.${e.kind}`)}</Tag>{' '}
                  <strong>{e.title}</strong>
                  <div className="muted">
                    {e.scope === 'school' ? t('assessmentPlan.list.wholeSchool') : e.scope === 'level' ? t('assessmentPlan.list.level', { level: format.level(e.level ?? '') }) : e.groupName}
                    {e.subjectName ? ` · ${e.subjectName}` : ''}
                  </div>
                  {e.description && <div>{e.description}</div>}
                </div>
                {e.editable && actions && <div className="ap-item__actions">{actions(e)}</div>}
                {e.editable && !actions && (onEdit || onRemove) && (
                  <div className="ap-item__actions">
                    {onEdit && <Button type="button" variant="tertiary" data-size="sm" onClick={() => onEdit(e)} aria-label={t('assessmentPlan.list.editLabel', { title: e.title })}>{t('assessmentPlan.list.edit')}</Button>}
                    {onRemove && <Button type="button" variant="tertiary" data-size="sm" onClick={() => onRemove(e)} aria-label={t('assessmentPlan.list.removeLabel', { title: e.title })}>{t('assessmentPlan.list.remove')}</Button>}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** Conflicts with the school's rules: the rule, when, the students affected and what collides. */
export function ConflictList({ conflicts, headingLevel = 2, showNone = true }: { conflicts: Conflict[]; headingLevel?: 2 | 3; showNone?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const uid = useId();
  if (conflicts.length === 0) return showNone ? <Paragraph data-size="sm">{t('assessmentPlan.conflicts.none')}</Paragraph> : null;
  return (
    <div>
    <Heading level={headingLevel} data-size="xs" id={`${uid}-h`} className="ds-sr-only">{t('assessmentPlan.conflicts.heading')}</Heading>
    <ul className="ap-conflicts" aria-labelledby={`${uid}-h`}>
      {conflicts.map((c, i) => (
        <li key={i} className={c.warningOnly ? 'ap-conflict ap-conflict--warning' : 'ap-conflict'}>
          <Tag data-size="sm" data-color={c.warningOnly ? 'warning' : 'danger'}>{c.warningOnly ? t('assessmentPlan.conflicts.warningOnly') : t('assessmentPlan.conflicts.hard')}</Tag>{' '}
          <span>{c.message}</span>
          <div className="muted">
            {t('assessmentPlan.conflicts.entries')}: {c.entries.map((e) => `${e.title}${e.proposed ? ` (${t('assessmentPlan.conflicts.proposed')})` : ''}${e.groupName ? `, ${e.groupName}` : ''} ${format.date(e.startsOn)}`).join(' · ')}
          </div>
        </li>
      ))}
    </ul>
    </div>
  );
}
