/**
 * The absence rules of the regulation as pure functions (L-10…L-15), shared by the routes, the seed and
 * the tests: what counts toward the 10 % limit, when self-certification is still allowed, the status
 * of a subject, the diploma's figures, and the signals of emerging absence.
 */
import type { AbsenceReason, EmergingAbsenceRuleKind } from './tables.js';
import { addDays, isoWeekday, weekStart, type SchoolCalendar } from '../../core/calendar/calendar.js';

/** L-10 § 9-8 (1): more than this share of a subject's hours → no grade */
export const ABSENCE_LIMIT_PERCENT = 10;
/** L-13 § 9-8 (4): the principal's discretion reaches this far */
export const DISCRETION_MAX_PERCENT = 15;
/** shown as "near the limit" from here */
export const NEAR_LIMIT_PERCENT = 8;
/** L-11 c: religious holidays other than public ones, at most 2 days a school year */
export const RELIGIOUS_HOLIDAY_MAX_DAYS = 2;
/** L-14 § 9-53: days the student may have left out of the diploma */
export const DIPLOMA_MAX_EXCLUDED_DAYS = 10;
/** L-14: health absence may be left out only from this day of an absence of more than three days */
export const DIPLOMA_HEALTH_FROM_DAY = 4;

/** L-11 a–i: reasons whose absence does not count toward the limit once documented */
export const EXEMPT_REASONS: readonly AbsenceReason[] = [
  'health', 'welfare', 'religiousHoliday', 'requiredByLaw', 'electedRepresentative', 'politicalWork', 'reliefWork', 'drivingTest', 'representation',
];
const HEALTH: ReadonlySet<AbsenceReason> = new Set(['health', 'selfCertification']);

export interface AbsenceRowFacts {
  day: string;
  /** the lesson's start, "08:15:00", to order the lessons of a day */
  startsAt: string;
  subjectId: string;
  minutes: number;
  late: boolean;
  fullDay: boolean;
  reason: AbsenceReason;
  documentedOn: string | null;
}

/** L-15: time with the school health service is recorded, but is not absence at all. */
export const isAbsence = (r: Pick<AbsenceRowFacts, 'reason'>): boolean => r.reason !== 'schoolHealthService';

/**
 * L-10/L-11: absence counts toward the limit unless it is documented (a–i) or self-certified (L-12).
 * A self-certification is the student's own documentation, so its row carries a documented date too.
 */
export const countsTowardLimit = (r: Pick<AbsenceRowFacts, 'reason' | 'documentedOn'>): boolean =>
  isAbsence(r) && r.documentedOn === null;

/** L-12: "health-related plus undocumented" absence, which self-certification may bring up to 10 %. */
export const healthOrUndocumented = (r: Pick<AbsenceRowFacts, 'reason' | 'documentedOn'>): boolean =>
  isAbsence(r) && (HEALTH.has(r.reason) || r.documentedOn === null);

const order = (a: Pick<AbsenceRowFacts, 'day' | 'startsAt'>, b: Pick<AbsenceRowFacts, 'day' | 'startsAt'>) =>
  a.day < b.day ? -1 : a.day > b.day ? 1 : a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0;

/**
 * L-12: an absence may be self-certified while the health-related and undocumented absence of the
 * subject BEFORE it is under 10 % of the subject's hours; once it has reached 10 %, further health
 * absence needs documentation from health personnel, unless a higher-risk condition is documented.
 * Judged by the lessons' order in time, so the answer does not depend on the order of registration.
 */
export function selfCertificationAllowed(
  subjectRows: readonly AbsenceRowFacts[], target: Pick<AbsenceRowFacts, 'day' | 'startsAt'>, plannedMinutes: number, higherRisk: boolean,
): boolean {
  if (higherRisk) return true;
  if (plannedMinutes <= 0) return false;
  const before = subjectRows.filter((r) => order(r, target) < 0 && healthOrUndocumented(r)).reduce((s, r) => s + r.minutes, 0);
  return before * 100 < ABSENCE_LIMIT_PERCENT * plannedMinutes;
}

export type SubjectStatus = 'ok' | 'nearLimit' | 'overLimit' | 'gradeByDecision';

export interface LimitDecisionFacts {
  granted: boolean;
  limitPercent: number | null;
}

export const percentOf = (minutes: number, plannedMinutes: number): number =>
  plannedMinutes > 0 ? Math.round((minutes * 1000) / plannedMinutes) / 10 : 0;

/**
 * L-10/L-13: over the limit when the counting absence is MORE than 10 % of the subject's hours; a
 * principal's grant covers it while self-certified plus undocumented absence stays within its limit.
 */
export function subjectStatus(s: { plannedMinutes: number; countingMinutes: number; selfCertifiedMinutes: number }, decision: LimitDecisionFacts | null): SubjectStatus {
  if (s.plannedMinutes <= 0) return 'ok';
  const over = s.countingMinutes * 100 > ABSENCE_LIMIT_PERCENT * s.plannedMinutes;
  if (over) {
    const covered = decision?.granted && decision.limitPercent !== null
      && (s.countingMinutes + s.selfCertifiedMinutes) * 100 <= decision.limitPercent * s.plannedMinutes;
    return covered ? 'gradeByDecision' : 'overLimit';
  }
  return s.countingMinutes * 100 >= NEAR_LIMIT_PERCENT * s.plannedMinutes ? 'nearLimit' : 'ok';
}

/* ───────────── The diploma (L-14) ───────────── */

export interface DiplomaDay {
  day: string;
  reason: AbsenceReason | 'mixed';
  documented: boolean;
  /** may be left out of the diploma on the student's request */
  eligible: boolean;
  /** why not, when not: undocumented, notExempt, healthBeforeDay4 */
  ineligibleBecause: 'undocumented' | 'notExempt' | 'healthBeforeDay4' | null;
}

export interface DiplomaFigures {
  /** full days of absence on the diploma (after the days left out) */
  days: number;
  /** single hours (lessons and late arrivals outside full days), never converted to days */
  hours: number;
  fullDays: DiplomaDay[];
  excludedDays: string[];
  /** per reason, for the attachment the student may ask for */
  byReason: { reason: AbsenceReason; days: number; hours: number }[];
}

/** Hours on the diploma are whole hours of 60 minutes. */
const wholeHours = (minutes: number) => Math.round(minutes / 60);

export function diplomaFigures(rows: readonly AbsenceRowFacts[], calendar: SchoolCalendar, excluded: readonly string[], higherRisk: boolean): DiplomaFigures {
  const absence = rows.filter(isAbsence);
  const byDay = new Map<string, AbsenceRowFacts[]>();
  for (const r of absence) if (r.fullDay) byDay.set(r.day, [...(byDay.get(r.day) ?? []), r]);
  const days = [...byDay.keys()].sort();
  const dayReason = (d: string): AbsenceReason | 'mixed' => {
    const reasons = new Set(byDay.get(d)!.map((r) => r.reason));
    return reasons.size === 1 ? [...reasons][0]! : 'mixed';
  };
  const isHealthDay = (d: string) => byDay.has(d) && HEALTH.has(dayReason(d) as AbsenceReason);
  /** position of a health day in its run of consecutive school days of full-day health absence */
  const runPosition = (d: string): number => {
    let n = 1;
    for (let p = calendar.previousSchoolDay(d); p && isHealthDay(p); p = calendar.previousSchoolDay(p)) n++;
    return n;
  };
  const fullDays: DiplomaDay[] = days.map((day) => {
    const dayRows = byDay.get(day)!;
    const reason = dayReason(day);
    const documented = dayRows.every((r) => r.documentedOn !== null);
    let because: DiplomaDay['ineligibleBecause'] = null;
    if (!documented) because = 'undocumented';
    else if (reason === 'mixed' || !(EXEMPT_REASONS.includes(reason) || reason === 'selfCertification')) because = 'notExempt';
    else if (HEALTH.has(reason) && !higherRisk && runPosition(day) < DIPLOMA_HEALTH_FROM_DAY) because = 'healthBeforeDay4';
    return { day, reason, documented, eligible: because === null, ineligibleBecause: because };
  });
  const left = new Set(excluded);
  const single = absence.filter((r) => !r.fullDay);
  const reasons = new Map<AbsenceReason, { days: number; minutes: number }>();
  // a day of mixed reasons is listed under the reason of most of its minutes
  const mainReason = (d: string): AbsenceReason => {
    const minutes = new Map<AbsenceReason, number>();
    for (const r of byDay.get(d)!) minutes.set(r.reason, (minutes.get(r.reason) ?? 0) + r.minutes);
    return [...minutes].sort((a, b) => b[1] - a[1])[0]![0];
  };
  for (const d of fullDays) {
    if (left.has(d.day)) continue;
    const e = reasons.get(mainReason(d.day)) ?? { days: 0, minutes: 0 };
    e.days += 1;
    reasons.set(mainReason(d.day), e);
  }
  for (const r of single) {
    const e = reasons.get(r.reason) ?? { days: 0, minutes: 0 };
    e.minutes += r.minutes;
    reasons.set(r.reason, e);
  }
  return {
    days: fullDays.filter((d) => !left.has(d.day)).length,
    hours: wholeHours(single.reduce((s, r) => s + r.minutes, 0)),
    fullDays,
    excludedDays: [...left].sort(),
    byReason: [...reasons].map(([reason, e]) => ({ reason, days: e.days, hours: wholeHours(e.minutes) })),
  };
}

/* ───────────── Emerging absence ───────────── */

export interface EmergingRule {
  kind: EmergingAbsenceRuleKind;
  enabled: boolean;
  threshold: number;
  windowWeeks: number;
}

/** Elevlos's defaults; a school changes them in its settings. */
export const DEFAULT_RULES: readonly EmergingRule[] = [
  { kind: 'subjectPercent', enabled: true, threshold: 5, windowWeeks: 0 },
  { kind: 'fullDays', enabled: true, threshold: 3, windowWeeks: 4 },
  { kind: 'sameWeekday', enabled: true, threshold: 3, windowWeeks: 6 },
  { kind: 'lateArrivals', enabled: true, threshold: 5, windowWeeks: 4 },
];

/** A subject's percentage is judged only once this much of it has been held, so one missed lesson in week one is no signal. */
export const SIGNAL_MIN_HELD_MINUTES = 600;

export interface Signal {
  kind: EmergingAbsenceRuleKind;
  /** when the signal arose: a follow-up on or after this day answers it */
  raisedOn: string;
  subjectId: string | null;
  weekday: number | null;
  /** the figure that crossed the threshold: percent, days, weeks or late arrivals */
  value: number;
}

export interface SubjectHeld {
  subjectId: string;
  heldMinutes: number;
}

/**
 * The signals of one student today. `rows` are the student's absence this school year up to today.
 * The subject rule compares the absence that counts toward the limit with the hours held so far; the held hours on an
 * earlier day are taken in proportion to the school days passed, to find when the signal arose.
 */
export function emergingSignals(rows: readonly AbsenceRowFacts[], subjects: readonly SubjectHeld[], calendar: SchoolCalendar, today: string, rules: readonly EmergingRule[]): Signal[] {
  const absence = rows.filter((r) => isAbsence(r) && r.day <= today).sort(order);
  const out: Signal[] = [];
  const rule = (k: EmergingAbsenceRuleKind) => rules.find((r) => r.kind === k && r.enabled);
  const since = (weeks: number) => addDays(today, -7 * weeks + 1);
  /** the day the n-th of sorted `days` came, when at least n lie in the window */
  const nth = (days: string[], n: number) => (days.length >= n ? days[n - 1]! : null);

  const pct = rule('subjectPercent');
  if (pct) {
    const daysToday = calendar.schoolDaysUpTo(today);
    for (const s of subjects) {
      // the absence that threatens the grade: what counts toward the limit (undocumented, documentation awaited)
      const mine = absence.filter((r) => r.subjectId === s.subjectId && countsTowardLimit(r));
      const total = mine.reduce((x, r) => x + r.minutes, 0);
      if (s.heldMinutes < SIGNAL_MIN_HELD_MINUTES || total * 100 < pct.threshold * s.heldMinutes) continue;
      const heldOn = (d: string) => (daysToday > 0 ? (s.heldMinutes * calendar.schoolDaysUpTo(d)) / daysToday : 0);
      const holds = (minutes: number, d: string) => heldOn(d) >= SIGNAL_MIN_HELD_MINUTES && minutes * 100 >= pct.threshold * heldOn(d);
      // walk the absence days: the signal arose on the last day it went from not holding to holding
      let cum = 0;
      let held = false;
      let raisedOn: string | null = null;
      const minutesOn = new Map<string, number>();
      for (const r of mine) minutesOn.set(r.day, (minutesOn.get(r.day) ?? 0) + r.minutes);
      for (const [day, minutes] of minutesOn) {
        const before = cum;
        cum += minutes;
        const now = holds(cum, day);
        if (now && (!held || !holds(before, day))) raisedOn = day;
        held = now;
      }
      out.push({ kind: 'subjectPercent', raisedOn: raisedOn ?? today, subjectId: s.subjectId, weekday: null, value: Math.round((total * 1000) / s.heldMinutes) / 10 });
    }
  }

  const full = rule('fullDays');
  if (full) {
    const from = since(full.windowWeeks);
    const days = [...new Set(absence.filter((r) => r.fullDay && r.day >= from).map((r) => r.day))];
    const raisedOn = nth(days, full.threshold);
    if (raisedOn) out.push({ kind: 'fullDays', raisedOn, subjectId: null, weekday: null, value: days.length });
  }

  const weekday = rule('sameWeekday');
  if (weekday) {
    const from = since(weekday.windowWeeks);
    const missed = absence.filter((r) => !r.late && r.day >= from).map((r) => ({ day: r.day, wd: isoWeekday(r.day) }));
    for (let wd = 1; wd <= 5; wd++) {
      const days = [...new Set(missed.filter((r) => r.wd === wd).map((r) => r.day))];
      const weeks = [...new Set(days.map(weekStart))];
      const raisedOn = weeks.length >= weekday.threshold ? days.find((d) => weekStart(d) === weeks[weekday.threshold - 1]) ?? null : null;
      if (raisedOn) out.push({ kind: 'sameWeekday', raisedOn, subjectId: null, weekday: wd, value: weeks.length });
    }
  }

  const late = rule('lateArrivals');
  if (late) {
    const from = since(late.windowWeeks);
    const days = absence.filter((r) => r.late && r.day >= from).map((r) => r.day);
    const raisedOn = nth(days, late.threshold);
    if (raisedOn) out.push({ kind: 'lateArrivals', raisedOn, subjectId: null, weekday: null, value: days.length });
  }
  return out;
}

/** A signal is answered by a follow-up (conversation, contact-log entry) on or after the day it arose. */
export const followedUp = (signal: Pick<Signal, 'raisedOn'>, lastFollowUpOn: string | null): boolean =>
  lastFollowUpOn !== null && lastFollowUpOn >= signal.raisedOn;
