import { parseDay } from '../../../core/format';
import type { Level } from '../types';

/** The ISO 8601 week of a calendar day (the school plans in weeks: "uke 34–39"), or null for a bad date. */
export function isoWeek(iso: string): number | null {
  const day = parseDay(iso);
  if (!day) return null;
  // The Thursday of the same week decides the year, and so the week number.
  const thursday = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 3 - ((day.getDay() + 6) % 7));
  const firstThursday = new Date(thursday.getFullYear(), 0, 4);
  const firstWeekThursday = new Date(
    firstThursday.getFullYear(),
    0,
    4 + 3 - ((firstThursday.getDay() + 6) % 7),
  );
  return 1 + Math.round((thursday.getTime() - firstWeekThursday.getTime()) / (7 * 24 * 3600 * 1000));
}

/** Monday and Sunday of the ISO week a day falls in, as ISO dates. */
export function weekBounds(iso: string): { from: string; to: string } | null {
  const day = parseDay(iso);
  if (!day) return null;
  const monday = new Date(day.getFullYear(), day.getMonth(), day.getDate() - ((day.getDay() + 6) % 7));
  const sunday = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 6);
  const fmt = (d: Date) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { from: fmt(monday), to: fmt(sunday) };
}

/** The levels a section rule can name, in school order. */
export const allLevels: readonly Level[] = [
  'grade1', 'grade2', 'grade3', 'grade4', 'grade5', 'grade6', 'grade7', 'grade8', 'grade9', 'grade10', 'vg1', 'vg2', 'vg3',
];

/** A share as a whole percentage, or null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100) : null;
}

/** A key for a new section or question: the server wants a letter first and at most 40 characters. */
export function newKey(prefix: 's' | 'q'): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
