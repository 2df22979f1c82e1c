import { useTranslation } from 'react-i18next';
import { parseDay, useFormat } from '../../../core/format';

/** Dates as the plan pages show them: short in tables ("12. sep."), in weeks where the school plans in weeks. */
export function usePlanDates() {
  const { t } = useTranslation();
  const format = useFormat();
  const short = new Intl.DateTimeFormat(format.locale, { day: 'numeric', month: 'short' });
  const long = new Intl.DateTimeFormat(format.locale, { day: 'numeric', month: 'long', year: 'numeric' });
  const toDate = (iso: string) => (iso.length <= 10 ? parseDay(iso) : new Date(iso));
  const fmt = (f: Intl.DateTimeFormat, iso: string | null | undefined) => {
    if (!iso) return '';
    const d = toDate(iso);
    return d && !Number.isNaN(d.getTime()) ? f.format(d) : iso;
  };
  return {
    /** "12. sep." */
    short: (iso: string | null | undefined) => fmt(short, iso),
    /** "12. september 2026" */
    long: (iso: string | null | undefined) => fmt(long, iso),
    /** "uke 34–39", or "uke 34" when a window is one week */
    weeks: (from: number, to: number) =>
      from === to ? t('conversations.plan.week', { week: from }) : t('conversations.plan.weeks', { from, to }),
    /** "17. august 2026–25. september 2026" */
    range: (from: string, to: string) => t('conversations.plan.dateRange', { from: fmt(long, from), to: fmt(long, to) }),
    date: format.date,
  };
}
