/**
 * Dates and times of slots in Norway's time (the slots are published in Oslo wall-clock time, so a
 * laptop set to another zone still shows what the school means), in the page's language via
 * core/format.ts's locale list.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';

const TZ = 'Europe/Oslo';
const dayKeyFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Oslo calendar day of an instant, "2026-12-03": slots are grouped by it. */
export const osloDay = (iso: string): string => dayKeyFormat.format(new Date(iso));

/** Calendar days ("2026-12-03") are formatted at noon UTC, which is the same date in Oslo. */
const noon = (day: string) => new Date(`${day}T12:00:00Z`);

export function useWhen() {
  const { t } = useTranslation();
  const { locale } = useFormat();
  return useMemo(() => {
    const f = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone: TZ, ...o });
    const dayLong = f({ weekday: 'long', day: 'numeric', month: 'long' });
    const dayShort = f({ weekday: 'short', day: 'numeric', month: 'short' });
    const clock = f({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const dateTime = f({ day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const capital = (s: string) => s.charAt(0).toLocaleUpperCase(locale) + s.slice(1);
    return {
      /** "Torsdag 3. desember" for a calendar day or the day of an instant */
      day: (dayOrIso: string) => capital(dayLong.format(dayOrIso.length <= 10 ? noon(dayOrIso) : new Date(dayOrIso))),
      /** "to. 3. des." */
      dayShort: (dayOrIso: string) => dayShort.format(dayOrIso.length <= 10 ? noon(dayOrIso) : new Date(dayOrIso)),
      /** "14:00" */
      time: (iso: string) => clock.format(new Date(iso)),
      /** "14:00–14:20" */
      range: (startIso: string, endIso: string) => `${clock.format(new Date(startIso))}–${clock.format(new Date(endIso))}`,
      /** "torsdag 3. desember kl. 14:00–14:20" */
      slot: (startIso: string, endIso: string) =>
        t('booking.when.slot', { day: dayLong.format(new Date(startIso)), from: clock.format(new Date(startIso)), to: clock.format(new Date(endIso)) }),
      /** "to. 3. des. kl. 14:00" */
      slotShort: (startIso: string) => t('booking.when.short', { day: dayShort.format(new Date(startIso)), time: clock.format(new Date(startIso)) }),
      /** "3. desember kl. 14:00" (deadlines) */
      moment: (iso: string) => dateTime.format(new Date(iso)),
    };
  }, [locale, t]);
}

/** Groups items with an instant by the Oslo day they fall on, in order. */
export function byDay<T>(items: T[], startOf: (item: T) => string): { day: string; items: T[] }[] {
  const out: { day: string; items: T[] }[] = [];
  for (const item of [...items].sort((a, b) => startOf(a).localeCompare(startOf(b)))) {
    const day = osloDay(startOf(item));
    const last = out[out.length - 1];
    if (last && last.day === day) last.items.push(item);
    else out.push({ day, items: [item] });
  }
  return out;
}
