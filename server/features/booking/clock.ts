/**
 * Booking's clock and Norway's wall-clock time. Slots are published in Europe/Oslo local time and
 * stored as instants (timestamptz); cut-offs and "in the past" are decided against `nowMs()`.
 */
import { today } from '../../core/time.js';

const TZ = 'Europe/Oslo';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

function osloParts(ms: number): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of partsFormat.formatToParts(new Date(ms))) {
    if (p.type in out) out[p.type as keyof typeof out] = Number(p.value);
  }
  return out;
}

/** Minutes Oslo is ahead of UTC at an instant (60 in winter, 120 in summer). */
function osloOffsetMinutes(ms: number): number {
  const p = osloParts(ms);
  return (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000) / 60_000;
}

/** "2026-12-03" + "14:20" in Oslo → the instant in ms. */
export function osloToInstant(date: string, time: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, h, mi);
  const first = guess - osloOffsetMinutes(guess) * 60_000;
  const second = guess - osloOffsetMinutes(first) * 60_000;
  return second;
}

/** The Oslo calendar day of an instant, "2026-12-03". */
export function osloDay(ms: number): string {
  const p = osloParts(ms);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/**
 * Now. When ELEVLOS_TODAY pins another day (tests, demos), the pinned day at the real time of day,
 * so that "in the past" and cut-offs agree with the rest of the app's idea of today.
 */
export function nowMs(): number {
  const real = Date.now();
  const pinned = today();
  const realDay = osloDay(real);
  if (pinned === realDay) return real;
  return real + (Date.parse(`${pinned}T00:00:00Z`) - Date.parse(`${realDay}T00:00:00Z`));
}
