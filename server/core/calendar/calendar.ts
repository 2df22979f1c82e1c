/**
 * School days: Monday–Friday of the school year, less Norwegian public holidays (date-holidays) and the
 * owner's own school holidays (autumn, Christmas, winter, Easter breaks). Lessons happen only on school
 * days, so absence can only be registered on them, and a subject's planned hours are counted over them.
 */
import Holidays from 'date-holidays';
import type { QueryFn } from '../db/client.js';

const DAY_MS = 86_400_000;
export const dayNumber = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
export const isoDay = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
export const addDays = (iso: string, days: number): string => isoDay(dayNumber(iso) + days);
/**
 * Memoised per date: the emerging-absence rules ask for the weekday and the week of the same few hundred
 * school-year dates thousands of times per class, and parsing a date each time was most of their cost.
 */
const memo = <T>(f: (iso: string) => T): ((iso: string) => T) => {
  const cache = new Map<string, T>();
  return (iso) => {
    let v = cache.get(iso);
    if (v === undefined) {
      v = f(iso);
      if (cache.size < 20_000) cache.set(iso, v);
    }
    return v;
  };
};
/** ISO weekday, 1 = Monday … 7 = Sunday */
export const isoWeekday = memo((iso: string): number => ((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7) + 1);
/** the Monday of the ISO week the day falls in */
export const weekStart = memo((iso: string): string => addDays(iso, 1 - isoWeekday(iso)));

/** ISO week number and its year ("2026-W48"). */
export function isoWeek(iso: string): { year: number; week: number } {
  const thursday = addDays(iso, 4 - isoWeekday(iso));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((dayNumber(thursday) - dayNumber(`${year}-01-01`)) / 7) + 1;
  return { year, week };
}

/** The Monday of ISO week `week` of `year`. */
export function mondayOfIsoWeek(year: number, week: number): string {
  const jan4 = `${year}-01-04`;
  return addDays(weekStart(jan4), (week - 1) * 7);
}

const publicHolidayCache = new Map<number, Map<string, string>>();

/** Norwegian public holidays (type "public": the days off by law) of a calendar year, by date. */
export function publicHolidays(year: number): Map<string, string> {
  let out = publicHolidayCache.get(year);
  if (!out) {
    out = new Map();
    for (const h of new Holidays('NO').getHolidays(year)) {
      if (h.type === 'public') out.set(h.date.slice(0, 10), h.name);
    }
    publicHolidayCache.set(year, out);
  }
  return out;
}

export interface SchoolYearFacts {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
}

export interface OwnerHoliday {
  name: string;
  startsOn: string;
  endsOn: string;
}

export type DayKind = 'schoolDay' | 'weekend' | 'publicHoliday' | 'schoolHoliday' | 'outsideSchoolYear';

export class SchoolCalendar {
  /** every school day of the year, in order */
  readonly schoolDays: string[] = [];
  private readonly closed = new Map<string, { kind: DayKind; name: string }>();
  private readonly index = new Map<string, number>();

  constructor(readonly year: SchoolYearFacts, ownerHolidays: readonly OwnerHoliday[]) {
    for (const h of ownerHolidays) {
      for (let d = dayNumber(h.startsOn); d <= dayNumber(h.endsOn); d++) this.closed.set(isoDay(d), { kind: 'schoolHoliday', name: h.name });
    }
    // public holidays win over the owner's break of the same day: they are days off in any case
    for (const y of [Number(year.startsOn.slice(0, 4)), Number(year.endsOn.slice(0, 4))]) {
      for (const [day, name] of publicHolidays(y)) this.closed.set(day, { kind: 'publicHoliday', name });
    }
    for (let d = dayNumber(year.startsOn); d <= dayNumber(year.endsOn); d++) {
      const day = isoDay(d);
      if (this.kindOf(day) === 'schoolDay') {
        this.index.set(day, this.schoolDays.length);
        this.schoolDays.push(day);
      }
    }
  }

  kindOf(day: string): DayKind {
    if (day < this.year.startsOn || day > this.year.endsOn) return 'outsideSchoolYear';
    if (isoWeekday(day) > 5) return 'weekend';
    return this.closed.get(day)?.kind ?? 'schoolDay';
  }

  /** the holiday's name on a closed day (for the error message), or null */
  holidayName(day: string): string | null {
    return this.closed.get(day)?.name ?? null;
  }

  isSchoolDay(day: string): boolean {
    return this.index.has(day);
  }

  /** school days from `from` to `to`, both inclusive */
  schoolDaysBetween(from: string, to: string): string[] {
    return this.schoolDays.filter((d) => d >= from && d <= to);
  }

  /** the number of school days up to and including `day` */
  schoolDaysUpTo(day: string): number {
    let lo = 0;
    let hi = this.schoolDays.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.schoolDays[mid]! <= day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** the school day before `day` (for consecutive runs of full days across weekends and breaks) */
  previousSchoolDay(day: string): string | null {
    const i = this.index.get(day);
    return i !== undefined && i > 0 ? this.schoolDays[i - 1]! : null;
  }
}

/** The school year a day falls in, or null. */
export async function schoolYearOf(q: QueryFn, ownerId: string, day: string): Promise<SchoolYearFacts | null> {
  const [row] = await q<{ id: string; name: string; starts_on: string; ends_on: string }>(
    `select id, name, starts_on::text, ends_on::text from school_year
     where owner_id = $1 and starts_on <= $2::date and ends_on >= $2::date order by starts_on desc limit 1`,
    [ownerId, day],
  );
  return row ? { id: row.id, name: row.name, startsOn: row.starts_on, endsOn: row.ends_on } : null;
}

/** The school year of `day`, or the nearest one before it (between two years, the one just ended). */
export async function currentSchoolYear(q: QueryFn, ownerId: string, day: string): Promise<SchoolYearFacts | null> {
  const [row] = await q<{ id: string; name: string; starts_on: string; ends_on: string }>(
    `select id, name, starts_on::text, ends_on::text from school_year
     where owner_id = $1 and starts_on <= $2::date order by starts_on desc limit 1`,
    [ownerId, day],
  );
  return row ? { id: row.id, name: row.name, startsOn: row.starts_on, endsOn: row.ends_on } : null;
}

export async function loadCalendar(q: QueryFn, ownerId: string, year: SchoolYearFacts): Promise<SchoolCalendar> {
  const holidays = await q<{ name: string; starts_on: string; ends_on: string }>(
    `select name, starts_on::text, ends_on::text from school_holiday
     where owner_id = $1 and ends_on >= $2::date and starts_on <= $3::date order by starts_on`,
    [ownerId, year.startsOn, year.endsOn],
  );
  return new SchoolCalendar(year, holidays.map((h) => ({ name: h.name, startsOn: h.starts_on, endsOn: h.ends_on })));
}
