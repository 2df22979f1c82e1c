/**
 * Class life: the rules behind the routes — the year's topic plan, the school
 * year's span and weeks, the class's tests and events ahead, the election's count with its tie rule, and
 * the weeks the duty rota fills. The statements are in queries/.
 */
import { randomInt } from 'node:crypto';
import type { Database, QueryFn } from '../../core/db/client.js';
import type { Locale } from '../../core/i18n/locale.js';
import { addDays, currentSchoolYear, isoWeek, loadCalendar, weekStart } from '../../core/calendar/calendar.js';
import { assessmentsForBasisGroup } from '../assessmentPlan/index.js';
import { classHourTopics } from './schemas.js';

export type Topic = (typeof classHourTopics)[number];

export const isoWeekLabel = (monday: string) => { const w = isoWeek(monday); return `${w.year}-W${String(w.week).padStart(2, '0')}`; };
export const weekNumber = (monday: string) => isoWeek(monday).week;

/**
 * The year's topic plan (seed 001): from the first week of school, one topic a week — the registration
 * form first, then rules, the class environment, study technique and time management in the autumn;
 * future choices after New Year and when the choices are made before the deadline in spring.
 */
const PLAN: readonly [fromWeek: number, topic: Topic][] = [
  [0, 'registrationForm'], [1, 'rules'], [3, 'classEnvironment'], [6, 'studyTechnique'], [11, 'timeManagement'],
  [16, 'classEnvironment'], [20, 'futureChoices'], [26, 'whenChoicesAreMade'], [29, 'studyTechnique'], [34, 'timeManagement'],
];

export function suggestedTopic(schoolYearStartsOn: string, monday: string): Topic {
  const n = Math.floor((Date.parse(monday) - Date.parse(weekStart(schoolYearStartsOn))) / (7 * 86_400_000));
  let topic: Topic = PLAN[0]![1];
  for (const [from, t] of PLAN) if (n >= from) topic = t;
  return topic;
}

export interface SchoolYearSpan { startsOn: string; endsOn: string }
export async function schoolYearSpan(q: QueryFn, ownerId: string, day: string): Promise<SchoolYearSpan> {
  const y = await currentSchoolYear(q, ownerId, day);
  return y ? { startsOn: y.startsOn, endsOn: y.endsOn } : { startsOn: `${Number(day.slice(0, 4)) - (day.slice(5) < '08-01' ? 1 : 0)}-08-15`, endsOn: `${Number(day.slice(0, 4)) + (day.slice(5) < '08-01' ? 0 : 1)}-06-20` };
}

/** The Mondays of the school year. */
export function schoolYearWeeks(span: SchoolYearSpan): string[] {
  const out: string[] = [];
  for (let m = weekStart(span.startsOn); m <= span.endsOn; m = addDays(m, 7)) out.push(m);
  return out;
}

export interface Upcoming { date: string; kind: string; title: string; subject: string | null }

/** The assessment plan's entries for the class from `from` to `to` (R-42; feature assessmentPlan). */
export async function upcomingForClass(database: Database, ownerId: string, basisGroupId: string, from: string, to: string): Promise<Upcoming[]> {
  const rows = await assessmentsForBasisGroup(database, ownerId, basisGroupId, from, to);
  return rows.map((r) => ({ date: r.startsOn, kind: r.kind, title: r.title, subject: r.subjectName ?? null }));
}

/* ── elections ── */

export interface Tally { studentId: string; votes: number }
export interface Result { studentId: string; votes: number; elected: number | null; drawnByLot: boolean }

/**
 * Counts the votes: the most votes wins the first seat (representative), the next the deputy seats.
 * The stated tie rule: candidates with equal votes are ordered by drawing lots, and every candidate
 * whose place among the elected was decided by the lot is marked so.
 */
export function countVotes(tally: readonly Tally[], seats: number, draw: (n: number) => number = (n) => randomInt(n)): Result[] {
  const groups = new Map<number, Tally[]>();
  for (const t of tally) groups.set(t.votes, [...(groups.get(t.votes) ?? []), t]);
  const ordered: { t: Tally; lot: boolean }[] = [];
  for (const votes of [...groups.keys()].sort((a, b) => b - a)) {
    const g = [...groups.get(votes)!];
    // Fisher–Yates with a fair random source
    for (let i = g.length - 1; i > 0; i--) { const j = draw(i + 1); [g[i], g[j]] = [g[j]!, g[i]!]; }
    const start = ordered.length;
    const lot = g.length > 1 && start < seats && votes > 0;
    for (const t of g) ordered.push({ t, lot });
  }
  return ordered.map(({ t, lot }, i) => ({
    studentId: t.studentId, votes: t.votes, elected: i < seats && t.votes > 0 ? i + 1 : null, drawnByLot: lot,
  }));
}

/* ── duty rota ── */

/** The Mondays from `from` to `to` that have at least one school day (holiday weeks are skipped). */
export async function rotaWeeks(q: QueryFn, ownerId: string, from: string, to: string): Promise<string[]> {
  const year = await currentSchoolYear(q, ownerId, from);
  const calendar = year ? await loadCalendar(q, ownerId, year) : null;
  const out: string[] = [];
  for (let m = weekStart(from); m <= to; m = addDays(m, 7)) {
    if (!calendar || m > calendar.year.endsOn || calendar.schoolDaysBetween(m, addDays(m, 4)).length > 0) out.push(m);
  }
  return out;
}

/** Seed 000: tidying routines for the classroom and order routines for the school's indoor and outdoor areas. */
const ROUTINES: Record<Locale, string[]> = {
  nb: ['Tørke tavla og rydde kateteret etter siste time', 'Sette stolene opp på pultene på fredag', 'Lufte klasserommet i pausene', 'Tømme papir- og plastdunkene', 'Plukke søppel i gangen og skolegården utenfor klasserommet', 'Slå av lys og lukke vinduene når dagen er slutt'],
  nn: ['Tørke tavla og rydde kateteret etter siste time', 'Setje stolane opp på pultane på fredag', 'Lufte klasserommet i pausane', 'Tømme papir- og plastdunkane', 'Plukke søppel i gangen og skuleplassen utanfor klasserommet', 'Slå av lys og late att vindauga når dagen er slutt'],
  en: ['Wipe the board and tidy the teacher\'s desk after the last lesson', 'Put the chairs up on the desks on Friday', 'Air the classroom in the breaks', 'Empty the paper and plastic bins', 'Pick up litter in the corridor and schoolyard outside the classroom', 'Switch off the lights and close the windows at the end of the day'],
};
export const defaultRoutines = (locale: Locale) => ROUTINES[locale];
