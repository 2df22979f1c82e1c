/** The absence rules as pure functions: the school calendar, the diploma's day-4 rule, emerging-absence signals (L-14, R-21). */
import { describe, expect, it } from 'vitest';
import { SchoolCalendar, isoWeek, mondayOfIsoWeek } from '../../core/calendar/calendar.js';
import { DEFAULT_RULES, diplomaFigures, emergingSignals, selfCertificationAllowed, subjectStatus, type AbsenceRowFacts } from './rules.js';
import { SCHOOL_HOLIDAYS } from '../../seed/absence.js';

const calendar = new SchoolCalendar({ id: 'y', name: '2026/27', startsOn: '2026-08-19', endsOn: '2027-06-18' }, SCHOOL_HOLIDAYS);
const row = (day: string, o: Partial<AbsenceRowFacts> = {}): AbsenceRowFacts =>
  ({ day, startsAt: '08:15:00', subjectId: 's', minutes: 90, late: false, fullDay: false, reason: 'undocumented', documentedOn: null, ...o });

describe('the school calendar', () => {
  it('has no lessons on weekends, public holidays (date-holidays) or the owner\'s breaks, and names the day off', () => {
    expect(calendar.kindOf('2026-11-21')).toBe('weekend');
    expect(calendar.kindOf('2026-12-25')).toBe('publicHoliday');
    expect(calendar.kindOf('2027-05-17')).toBe('publicHoliday');
    expect(calendar.kindOf('2026-09-30')).toBe('schoolHoliday');
    expect(calendar.holidayName('2026-09-30')).toBe('Høstferie');
    expect(calendar.kindOf('2027-06-21')).toBe('outsideSchoolYear');
    expect(calendar.isSchoolDay('2026-11-25')).toBe(true);
  });

  it('counts 36 school Mondays in 2026/27 (43 Mondays less 7 days off)', () => {
    expect(calendar.schoolDays.filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1)).toHaveLength(36);
  });

  it('knows ISO weeks: 25 November 2026 is in week 48, which begins on 23 November', () => {
    expect(isoWeek('2026-11-25')).toEqual({ year: 2026, week: 48 });
    expect(mondayOfIsoWeek(2026, 48)).toBe('2026-11-23');
    expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 });
  });
});

describe('the rules', () => {
  it('L-10: exactly 10 % is not over the limit; one minute more is', () => {
    expect(subjectStatus({ plannedMinutes: 3240, countingMinutes: 324, selfCertifiedMinutes: 0 }, null)).toBe('nearLimit');
    expect(subjectStatus({ plannedMinutes: 3240, countingMinutes: 325, selfCertifiedMinutes: 0 }, null)).toBe('overLimit');
  });

  it('L-13: a grant covers self-certified plus undocumented absence up to its limit, and no further', () => {
    const grant = { granted: true, limitPercent: 12 };
    expect(subjectStatus({ plannedMinutes: 1000, countingMinutes: 110, selfCertifiedMinutes: 10 }, grant)).toBe('gradeByDecision');
    expect(subjectStatus({ plannedMinutes: 1000, countingMinutes: 110, selfCertifiedMinutes: 20 }, grant)).toBe('overLimit');
  });

  it('L-12: documented welfare absence before a lesson does not use up self-certification', () => {
    const rows = [row('2026-09-07', { reason: 'welfare', documentedOn: '2026-09-08' }), row('2026-09-14', { reason: 'welfare', documentedOn: '2026-09-15' })];
    expect(selfCertificationAllowed(rows, { day: '2026-09-21', startsAt: '08:15:00' }, 1000, false)).toBe(true);
    expect(selfCertificationAllowed([row('2026-09-07', { minutes: 100 })], { day: '2026-09-21', startsAt: '08:15:00' }, 1000, false)).toBe(false);
  });

  it('L-14: health absence over a weekend counts its days in school days: Thursday to Tuesday, day 4 is Tuesday', () => {
    const days = ['2026-11-12', '2026-11-13', '2026-11-16', '2026-11-17'];
    const rows = days.map((d) => row(d, { fullDay: true, reason: 'health', documentedOn: '2026-11-18' }));
    const f = diplomaFigures(rows, calendar, [], false);
    expect(f.fullDays.map((d) => d.eligible)).toEqual([false, false, false, true]);
    expect(diplomaFigures(rows, calendar, [], true).fullDays.every((d) => d.eligible)).toBe(true);
    expect(f).toMatchObject({ days: 4, hours: 0 });
  });

  it('R-21: five late arrivals in four weeks, three full days in four weeks and the same weekday (Tuesday) three weeks running each raise a signal', () => {
    const lates = ['2026-11-02', '2026-11-05', '2026-11-10', '2026-11-16', '2026-11-24'].map((d) => row(d, { late: true, minutes: 10 }));
    const full = ['2026-11-03', '2026-11-10', '2026-11-17'].map((d) => row(d, { fullDay: true, subjectId: 'x', reason: 'selfCertification', documentedOn: d }));
    const signals = emergingSignals([...lates, ...full], [], calendar, '2026-11-25', DEFAULT_RULES);
    expect(signals).toContainEqual(expect.objectContaining({ kind: 'lateArrivals', raisedOn: '2026-11-24', value: 5 }));
    expect(signals).toContainEqual(expect.objectContaining({ kind: 'fullDays', raisedOn: '2026-11-17', value: 3 }));
    expect(signals).toContainEqual(expect.objectContaining({ kind: 'sameWeekday', weekday: 2, raisedOn: '2026-11-17' }));
    expect(emergingSignals(lates.slice(0, 4), [], calendar, '2026-11-25', DEFAULT_RULES)).toEqual([]);
  });
});
