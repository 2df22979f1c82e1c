/** How the assessment plan is shown: an entry as the caller may change it, and a conflict in the reader's words. */
import { formatDay } from '../../../core/i18n/dates.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { t } from '../../../core/i18n/messages.js';
import type { FieldError } from '../../../core/http/errors.js';
import type { Actor } from '../../../core/policy/types.js';
import type { PlanEntry } from '../queries.js';
import { DEFAULT_RULES, type RuleSetting } from '../rules.js';
import type { ConflictView, EntryView } from '../schemas.js';
import type { Conflict, Plans } from '../service.js';

export const tags = ['assessmentPlan'];
export const byName = new Intl.Collator('nb');

/** Who may change an entry: its group's subject teachers, the class's planners, the leaders for level and school events. */
function mayEdit(actor: Actor, e: PlanEntry): boolean {
  if (e.teachingGroupId) return actor.subjectTeacherOf.some((g) => g.id === e.teachingGroupId);
  const roles = actor.staff.find((s) => s.schoolId === e.schoolId)?.roles ?? [];
  const leader = roles.some((r) => r.role === 'principal' || r.role === 'departmentHead');
  if (e.basisGroupId) return leader || actor.contactTeacherOf.some((g) => g.id === e.basisGroupId);
  return leader;
}

export const toView = (actor: Actor) => (e: PlanEntry): EntryView => ({
  id: e.id, kind: e.kind, title: e.title, description: e.description, startsOn: e.startsOn, endsOn: e.endsOn, scope: e.scope, level: e.level,
  subjectCode: e.subjectCode, subjectName: e.subjectName, groupName: e.groupName, teachingGroupId: e.teachingGroupId, basisGroupId: e.basisGroupId,
  editable: mayEdit(actor, e),
});

export function ruleText(locale: Locale, rule: RuleSetting | { rule: RuleSetting['rule']; maximum: number | null }): string {
  return t(locale, `assessmentPlan.rule.${rule.rule}`, { maximum: rule.maximum ?? '' });
}

function namesText(locale: Locale, names: string[]): string {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} ${t(locale, 'assessmentPlan.andMore', { count: names.length - 5 })}` : shown;
}

/** "mandag 7. desember" for a day's conflict, "i uke 49" for a week's (a school year has each week number once). */
function whenText(locale: Locale, c: { day: string | null; week: string | null }): string {
  return c.day
    ? t(locale, 'assessmentPlan.when.day', { day: formatDay(c.day, locale, { weekday: true }) })
    : t(locale, 'assessmentPlan.when.week', { week: c.week ? Number(c.week.slice(6)) : '' });
}

const DAY_PARAMS = ['day', 'from', 'to', 'startsOn'] as const;

/** A date problem's days in words in the reader's language, with the year (it may be outside the school year). */
export function withDays(locale: Locale, e: FieldError): FieldError {
  if (!e.params) return e;
  const params = { ...e.params };
  for (const k of DAY_PARAMS) {
    const v = params[k];
    if (typeof v === 'string') params[k] = formatDay(v, locale, { year: true });
  }
  return { ...e, params };
}

interface Names { get(id: string): { givenName: string; familyName: string } | undefined }

export function conflictView(c: Conflict, ctx: { locale: Locale; rules: readonly RuleSetting[]; plans: Plans; names: Names; proposal?: { id: string; title: string; kind: PlanEntry['kind']; startsOn: string; groupName: string | null } }): ConflictView {
  const rule = ctx.rules.find((r) => r.rule === c.rule) ?? DEFAULT_RULES.find((r) => r.rule === c.rule)!;
  const students = c.studentIds
    .map((id) => ({ id, n: ctx.names.get(id) }))
    .filter((x) => x.n)
    .sort((a, b) => byName.compare(a.n!.familyName, b.n!.familyName) || byName.compare(a.n!.givenName, b.n!.givenName))
    .map((x) => ({ id: x.id, name: `${x.n!.givenName} ${x.n!.familyName}` }));
  const when = whenText(ctx.locale, c);
  return {
    rule: c.rule, warningOnly: c.warningOnly, day: c.day, week: c.week,
    message: t(ctx.locale, 'assessmentPlan.conflict', { rule: ruleText(ctx.locale, rule), when, count: c.studentIds.length, students: namesText(ctx.locale, students.map((s) => s.name)) }),
    studentCount: c.studentIds.length,
    students,
    entries: c.entryIds.map((id) => {
      if (ctx.proposal && id === ctx.proposal.id) return { ...ctx.proposal, proposed: true };
      const e = ctx.plans.entries.get(id)!;
      return { id: e.id, title: e.title, kind: e.kind, startsOn: e.startsOn, groupName: e.groupName, proposed: false };
    }),
  };
}

/** the parts of the conflict's message (the field error is rendered in the caller's language by the problem handler) */
export function conflictParams(locale: Locale, rules: readonly RuleSetting[], c: ConflictView): Record<string, string | number> {
  const rule = rules.find((x) => x.rule === c.rule) ?? DEFAULT_RULES.find((x) => x.rule === c.rule)!;
  return { rule: ruleText(locale, rule), when: whenText(locale, c), count: c.studentCount, students: namesText(locale, c.students.map((x) => x.name)) };
}
