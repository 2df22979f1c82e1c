/**
 * Calendar days in server texts, the Norwegian way in the reader's language: "mandag 7. desember",
 * "måndag 7. desember", "Monday 7 December" (en-GB, not the American order). A field or a message that
 * names a day should never show the ISO form ("2026-12-07") to a person.
 */
import type { Locale } from './locale.js';

export const intlLocale: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

export interface DayStyle {
  /** "mandag 7. desember"; for a day whose weekday matters (a test day, the day after a trip) */
  weekday?: boolean;
  /** "7. desember 2026"; where the day may lie in another school year */
  year?: boolean;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(locale: Locale, style: DayStyle): Intl.DateTimeFormat {
  const key = `${locale}|${style.weekday ? 'w' : ''}|${style.year ? 'y' : ''}`;
  let f = formats.get(key);
  if (!f) {
    // a calendar day is no instant: format it at noon UTC, in UTC, so no time zone moves it to another day
    f = new Intl.DateTimeFormat(intlLocale[locale], {
      timeZone: 'UTC', day: 'numeric', month: 'long', ...(style.weekday ? { weekday: 'long' } : {}), ...(style.year ? { year: 'numeric' } : {}),
    });
    formats.set(key, f);
  }
  return f;
}

/** An ISO day ("2026-12-07") as words; anything that is not an ISO day is returned as it came. */
export function formatDay(iso: string, locale: Locale, style: DayStyle = {}): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : formatOf(locale, style).format(d);
}
