/**
 * The school's conflict rules for the assessment plan, evaluated per STUDENT: a student takes
 * several teaching groups, and a conflict is when the student's combined plan breaks a rule. Pure
 * functions over one student's entries; the service loads the plans and summarises per class/group.
 *
 * - maxTestsPerDay:        at most `maximum` tests on one day (default 1)
 * - maxTestsPerWeek:       at most `maximum` tests in one ISO week (default 3)
 * - noTestAfterExcursion:  no test on the first school day after an excursion (trip day) ends
 * Full-day tests count as tests. A rule the school marks `warningOnly` warns but does not refuse a save.
 */
import type { AssessmentPlanEntryKind, AssessmentPlanRuleKind } from './tables.js';
import { isoWeek } from '../../core/calendar/calendar.js';

export interface RuleSetting {
  rule: AssessmentPlanRuleKind;
  enabled: boolean;
  /** for the max rules */
  maximum: number | null;
  warningOnly: boolean;
}

export const DEFAULT_RULES: readonly RuleSetting[] = [
  { rule: 'maxTestsPerDay', enabled: true, maximum: 1, warningOnly: false },
  { rule: 'maxTestsPerWeek', enabled: true, maximum: 3, warningOnly: false },
  { rule: 'noTestAfterExcursion', enabled: true, maximum: null, warningOnly: false },
];

/** The entry facts the rules look at. */
export interface RuleEntry {
  id: string;
  kind: AssessmentPlanEntryKind;
  startsOn: string;
  /** inclusive; null for one day */
  endsOn: string | null;
}

export const countsAsTest = (kind: AssessmentPlanEntryKind) => kind === 'test' || kind === 'fullDayTest';

/** "2026-W48" */
export function weekKey(day: string): string {
  const { year, week } = isoWeek(day);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export interface Violation {
  rule: AssessmentPlanRuleKind;
  warningOnly: boolean;
  /** the day of a per-day or after-excursion conflict; null for a week */
  day: string | null;
  /** the ISO week of a per-week conflict ("2026-W48"); null otherwise */
  week: string | null;
  /** the entries that together break the rule, in date order */
  entryIds: string[];
}

/** A violation's identity across students (same rule, same day/week, same entries). */
export const violationKey = (v: Violation) => `${v.rule}|${v.day ?? ''}|${v.week ?? ''}|${[...v.entryIds].sort().join(',')}`;

/**
 * Every rule one student's combined plan breaks. `nextSchoolDay(day)` is the first school day after
 * `day` (skipping weekends and holidays), or null when the school year ends.
 */
export function violationsOf(entries: readonly RuleEntry[], rules: readonly RuleSetting[], nextSchoolDay: (day: string) => string | null): Violation[] {
  const out: Violation[] = [];
  const tests = entries.filter((e) => countsAsTest(e.kind)).sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.id.localeCompare(b.id));
  const group = (keyOf: (e: RuleEntry) => string) => {
    const m = new Map<string, RuleEntry[]>();
    for (const e of tests) m.set(keyOf(e), [...(m.get(keyOf(e)) ?? []), e]);
    return m;
  };
  for (const r of rules) {
    if (!r.enabled) continue;
    if (r.rule === 'maxTestsPerDay') {
      for (const [day, list] of group((e) => e.startsOn)) {
        if (list.length > (r.maximum ?? 1)) out.push({ rule: r.rule, warningOnly: r.warningOnly, day, week: null, entryIds: list.map((e) => e.id) });
      }
    } else if (r.rule === 'maxTestsPerWeek') {
      for (const [week, list] of group((e) => weekKey(e.startsOn))) {
        if (list.length > (r.maximum ?? 3)) out.push({ rule: r.rule, warningOnly: r.warningOnly, day: null, week, entryIds: list.map((e) => e.id) });
      }
    } else {
      for (const x of entries.filter((e) => e.kind === 'excursion')) {
        const after = nextSchoolDay(x.endsOn ?? x.startsOn);
        const hit = after ? tests.filter((e) => e.startsOn === after) : [];
        if (hit.length > 0) out.push({ rule: r.rule, warningOnly: r.warningOnly, day: after, week: null, entryIds: [x.id, ...hit.map((e) => e.id)] });
      }
    }
  }
  return out;
}
