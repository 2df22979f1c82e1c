import { useTranslation } from 'react-i18next';
import type { Locale } from './api/types';
import { isLocale } from './i18n/i18n';

// Some browsers ship without Nynorsk date data; bokmål month names are the closest fallback (not en-US).
const intlLocale: Record<Locale, string[]> = { nb: ['nb-NO', 'no'], nn: ['nn-NO', 'nb-NO', 'no'], en: ['en-GB'] };

/** A calendar date ("2026-03-12") is a day, not an instant: build it in local time so no time zone shifts it. */
export function parseDay(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.slice(0, 10));
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const collators = new Map<string[], Intl.Collator>();
function collator(locale: string[]): Intl.Collator {
  let c = collators.get(locale);
  if (!c) collators.set(locale, (c = new Intl.Collator(locale, { sensitivity: 'base' })));
  return c;
}

export function useFormat() {
  const { i18n, t } = useTranslation();
  const locale = intlLocale[isLocale(i18n.language) ? i18n.language : 'nb'];
  return {
    locale,
    /** vg1 → Vg1, grade8 → 8. trinn */
    level(code: string): string {
      const grade = /^grade(\d+)$/.exec(code);
      if (grade) return t('levels.grade', { n: Number(grade[1]) });
      return code.replace(/^vg/, 'Vg');
    },
    date(iso: string | null | undefined): string {
      if (!iso) return '';
      const d = iso.length <= 10 ? parseDay(iso) : new Date(iso);
      return d && !Number.isNaN(d.getTime()) ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(d) : iso;
    },
    dateTime(iso: string | null | undefined): string {
      if (!iso) return '';
      const d = new Date(iso);
      return Number.isNaN(d.getTime())
        ? iso
        : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
    },
    /** Norwegian sorts Æ, Ø, Å after Z; a plain string compare would not. */
    compare: collator(locale).compare,
  };
}
