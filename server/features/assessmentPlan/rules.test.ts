/** the conflict rules on one student's combined plan, hand-computed. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, violationsOf, weekKey, type RuleEntry } from './rules.js';

// Mon–Fri school days; 2027-01-22 is a Friday, so the day after the trip is Monday 2027-01-25
const next = (day: string) => ({ '2027-01-22': '2027-01-25', '2027-01-13': '2027-01-14' } as Record<string, string>)[day] ?? null;
const e = (id: string, kind: RuleEntry['kind'], startsOn: string, endsOn: string | null = null): RuleEntry => ({ id, kind, startsOn, endsOn });

describe('R-42 conflict rules for one student in several groups', () => {
  it('two tests on one day break "at most one test per day"; a full-day test counts as a test, a project does not', () => {
    const v = violationsOf([e('nor', 'test', '2027-01-12'), e('his', 'fullDayTest', '2027-01-12'), e('proj', 'project', '2027-01-04', '2027-01-12')], DEFAULT_RULES, next);
    expect(v).toEqual([{ rule: 'maxTestsPerDay', warningOnly: false, day: '2027-01-12', week: null, entryIds: ['his', 'nor'] }]);
  });

  it('four tests in one ISO week break "at most three per week"; three do not', () => {
    const three = [e('a', 'test', '2027-01-11'), e('b', 'test', '2027-01-12'), e('c', 'fullDayTest', '2027-01-15')];
    expect(violationsOf(three, DEFAULT_RULES, next)).toEqual([]);
    // Sunday 2027-01-17 is still week 2; Monday 2027-01-18 is week 3
    const v = violationsOf([...three, e('d', 'test', '2027-01-14'), e('w3', 'test', '2027-01-18')], DEFAULT_RULES, next);
    expect(v).toEqual([{ rule: 'maxTestsPerWeek', warningOnly: false, day: null, week: '2027-W02', entryIds: ['a', 'b', 'd', 'c'] }]);
    expect(weekKey('2027-01-17')).toBe('2027-W02');
    expect(weekKey('2027-01-18')).toBe('2027-W03');
  });

  it('a test on the first school day after a trip day breaks the rule, across the weekend', () => {
    const v = violationsOf([e('trip', 'excursion', '2027-01-22'), e('mon', 'test', '2027-01-25'), e('tue', 'test', '2027-01-26')], DEFAULT_RULES, next);
    expect(v).toEqual([{ rule: 'noTestAfterExcursion', warningOnly: false, day: '2027-01-25', week: null, entryIds: ['trip', 'mon'] }]);
    // a trip over two days: the day after its LAST day
    expect(violationsOf([e('trip', 'excursion', '2027-01-12', '2027-01-13'), e('t', 'test', '2027-01-13')], DEFAULT_RULES, next)).toEqual([]);
    expect(violationsOf([e('trip', 'excursion', '2027-01-12', '2027-01-13'), e('t', 'test', '2027-01-14')], DEFAULT_RULES, next)).toHaveLength(1);
  });

  it('a school\'s own setting changes the rule: a higher maximum, off, or a warning only', () => {
    const two = [e('a', 'test', '2027-01-12'), e('b', 'test', '2027-01-12')];
    expect(violationsOf(two, [{ rule: 'maxTestsPerDay', enabled: true, maximum: 2, warningOnly: false }], next)).toEqual([]);
    expect(violationsOf(two, [{ rule: 'maxTestsPerDay', enabled: false, maximum: 1, warningOnly: false }], next)).toEqual([]);
    expect(violationsOf(two, [{ rule: 'maxTestsPerDay', enabled: true, maximum: 1, warningOnly: true }], next)[0]!.warningOnly).toBe(true);
  });
});
