/**
 * The live preview of a slot plan: the same cutting of each day into slots that the server does
 * (server/features/booking/service.ts planSlots), in wall-clock minutes. The server decides again;
 * what only it can know (the clock it runs on, the host's slots in other rounds) it answers per field.
 */
import type { DayPlan, SlotPlan } from './api';

/** The server's limit per request. */
export const MAX_SLOTS = 300;

export interface PreviewSlot {
  from: string;
  to: string;
}

export interface PreviewDay {
  /** index in the form */
  index: number;
  date: string;
  slots: PreviewSlot[];
}

export type DayProblem = 'toBeforeFrom' | 'tooShort' | 'overlap';

export interface Preview {
  days: PreviewDay[];
  count: number;
  /** per day index: what is wrong with it (the form shows it at the day's fields) */
  problems: Map<number, DayProblem>;
}

const clock = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function minutesOf(time: string): number | null {
  const m = clock.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export const clockOf = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const isDate = (v: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T12:00:00Z`));

/** A day is complete when its date and both times are filled in. */
const complete = (d: DayPlan) => isDate(d.date) && minutesOf(d.from) !== null && minutesOf(d.to) !== null;

/** Cuts each complete day into slots of `length` minutes with `pause` minutes between; days are sorted by date and time. */
export function previewPlan(plan: Pick<SlotPlan, 'days' | 'lengthMinutes' | 'breakMinutes'>): Preview {
  const problems = new Map<number, DayProblem>();
  const days: PreviewDay[] = [];
  const length = plan.lengthMinutes;
  const step = length + Math.max(0, plan.breakMinutes);
  plan.days.forEach((d, index) => {
    if (!complete(d)) return;
    const from = minutesOf(d.from)!;
    const to = minutesOf(d.to)!;
    if (to <= from) {
      problems.set(index, 'toBeforeFrom');
      return;
    }
    const slots: PreviewSlot[] = [];
    if (length > 0) for (let t = from; t + length <= to; t += step) slots.push({ from: clockOf(t), to: clockOf(t + length) });
    if (length > 0 && slots.length === 0) problems.set(index, 'tooShort');
    days.push({ index, date: d.date, slots });
  });
  // two periods on the same date must not overlap (the later one in the form is marked)
  const periods = plan.days
    .map((d, index) => ({ index, date: d.date, from: minutesOf(d.from), to: minutesOf(d.to) }))
    .filter((p) => complete(plan.days[p.index]!) && p.to! > p.from!);
  for (const a of periods) {
    for (const b of periods) {
      if (b.index <= a.index || a.date !== b.date) continue;
      if (a.from! < b.to! && b.from! < a.to!) problems.set(b.index, 'overlap');
    }
  }
  days.sort((a, b) => a.date.localeCompare(b.date) || (a.slots[0]?.from ?? '').localeCompare(b.slots[0]?.from ?? ''));
  const count = days.filter((d) => !problems.has(d.index)).reduce((n, d) => n + d.slots.length, 0);
  return { days, count, problems };
}

/** The next weekday after `date` (a new day row starts there: conferences are held on school days). */
export function nextSchoolDay(date: string): string {
  if (!isDate(date)) return '';
  const d = new Date(`${date}T12:00:00Z`);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
  return d.toISOString().slice(0, 10);
}
