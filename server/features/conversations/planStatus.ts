/**
 * Where one student stands with the year's conversations (R-10): the school's own plan (windows and
 * target) and, separately, the law's floor (L-01, L-02), which no school setting can lower.
 * Pure functions: the class plan, the leaders' compliance view and the bench share them.
 */
import type { ConversationKind } from './tables.js';

export interface PlanWindowFacts { kind: ConversationKind; opensOn: string; closesOn: string; appliesTo: 'all' | 'under18' }
export interface TermFacts { kind: 'autumn' | 'spring'; startsOn: string; endsOn: string }

export interface ConversationFact {
  id: string;
  kind: ConversationKind;
  /** dates in Europe/Oslo, yyyy-mm-dd */
  plannedOn: string | null;
  heldOn: string | null;
  studentTakesPart: boolean;
}

export interface StudentPlanFacts {
  level: string;
  stage: 'upperSecondary' | 'compulsory';
  adult: boolean;
  /** under 18, or an adult who has consented to at least one guardian */
  conferenceEligible: boolean;
  conversations: ConversationFact[];
  /** days a guardian-conference offer was recorded, and whether every offer was declined */
  offeredOn: string[];
  allOffersDeclined: boolean;
  /** teaching groups the student is in, for the subject-conversation count */
  teachingGroupCount: number;
  subjectGroupsHeld: number;
}

export type CellStatus = 'held' | 'planned' | 'due' | 'overdue' | 'upcoming' | 'notApplicable';
export type LawStatus = 'met' | 'due' | 'missed' | 'notRequired';
export type ConferenceStatus = 'notOffered' | 'offered' | 'booked' | 'held' | 'declined' | 'notApplicable';

export interface Cell {
  kind: ConversationKind; status: CellStatus; date: string | null; conversationId: string | null; closesOn: string;
  progress: { held: number; of: number } | null;
}

export interface StudentPlanStatus {
  held: number;
  target: number;
  cells: Cell[];
  law: { l01Autumn: LawStatus; l01Spring: LawStatus; l02: LawStatus };
  guardianConference: ConferenceStatus;
  next: { kind: ConversationKind; closesOn: string } | null;
}

/** Kinds that are conversations with the student about their progress (L-01; delegated ones included). */
function aboutProgress(c: ConversationFact): boolean {
  return c.kind === 'startOfYear' || c.kind === 'student' || (c.kind === 'guardian' && c.studentTakesPart);
}

const dateOf = (c: ConversationFact) => c.heldOn ?? c.plannedOn;

/**
 * ISO dates (and the '0000'/'9999' stand-ins) order as plain strings; a code-unit comparison gives the
 * same order as localeCompare for them and is many times cheaper — a leader's view evaluates
 * thousands of students per request.
 */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A window with what matching needs, worked out once per plan instead of once per student. */
interface PreparedWindow {
  window: PlanWindowFacts;
  /** the next window of the same kind opens here: a conversation dated from then on belongs to that one */
  nextOpensOn: string | null;
}

/**
 * Conversations are matched to the windows of their kind in date order: each window takes the first
 * conversation dated before the next window of the same kind opens, so one held late still counts.
 */
function matchWindows(windows: PreparedWindow[], conversations: ConversationFact[]): (ConversationFact | undefined)[] {
  const used = new Set<string>();
  const sorted = conversations.length < 2 ? conversations
    : [...conversations].sort((a, b) => compare(dateOf(a) ?? '9999', dateOf(b) ?? '9999'));
  return windows.map(({ window: w, nextOpensOn }) => {
    const c = sorted.find((x) => x.kind === w.kind && !used.has(x.id) && (nextOpensOn === null || (dateOf(x) ?? '0000') < nextOpensOn));
    if (c) used.add(c.id);
    return c;
  });
}

/** every cell built with the same keys in the same order: one object shape, cheap to make by the thousand */
const makeCell = (w: PlanWindowFacts, status: CellStatus, date: string | null, conversationId: string | null, progress: Cell['progress'] = null): Cell =>
  ({ kind: w.kind, closesOn: w.closesOn, progress, status, date, conversationId });

function cellFor(w: PlanWindowFacts, c: ConversationFact | undefined, s: StudentPlanFacts, today: string): Cell {
  if (w.appliesTo === 'under18' && s.adult) return makeCell(w, 'notApplicable', null, null);
  if (w.kind === 'guardian' && !s.conferenceEligible) return makeCell(w, 'notApplicable', null, null);
  if (w.kind === 'subject') {
    const progress = { held: s.subjectGroupsHeld, of: s.teachingGroupCount };
    const done = progress.of > 0 && progress.held >= progress.of;
    return makeCell(w, done ? 'held' : today > w.closesOn ? 'overdue' : today >= w.opensOn ? 'due' : 'upcoming', null, null, progress);
  }
  if (c?.heldOn) return makeCell(w, 'held', c.heldOn, c.id);
  if (c?.plannedOn) return makeCell(w, today > w.closesOn && c.plannedOn < today ? 'overdue' : 'planned', c.plannedOn, c.id);
  return makeCell(w, today > w.closesOn ? 'overdue' : today >= w.opensOn ? 'due' : 'upcoming', null, null);
}

/** L-01: at least one conversation about academic progress in each half-year. */
function l01(term: TermFacts | undefined, s: StudentPlanFacts, today: string): LawStatus {
  if (!term) return 'notRequired';
  const met = s.conversations.some((c) => aboutProgress(c) && c.heldOn && c.heldOn >= term.startsOn && c.heldOn <= term.endsOn);
  return met ? 'met' : today > term.endsOn ? 'missed' : 'due';
}

/**
 * L-02: parents of under-18s are invited to a conversation — in Vg1 and Vg2 at least once in the first
 * half-year; in compulsory school twice a year (once per half-year). Not required for Vg3 or adults.
 * An offer, or a guardian conversation planned or held, is the invitation.
 */
function l02(autumn: TermFacts | undefined, spring: TermFacts | undefined, s: StudentPlanFacts, today: string): LawStatus {
  if (s.adult) return 'notRequired';
  const invitedIn = (t: TermFacts) =>
    s.offeredOn.some((d) => d >= t.startsOn && d <= t.endsOn)
    || s.conversations.some((c) => c.kind === 'guardian' && (dateOf(c) ?? '') >= t.startsOn && (dateOf(c) ?? '') <= t.endsOn);
  const needed = s.stage === 'compulsory' ? [autumn, spring] : s.level === 'vg1' || s.level === 'vg2' ? [autumn] : [];
  if (needed.length === 0) return 'notRequired';
  let status: LawStatus = 'met';
  for (const t of needed) {
    if (!t || invitedIn(t)) continue;
    if (today > t.endsOn) return 'missed';
    status = 'due';
  }
  return status;
}

function conference(s: StudentPlanFacts): ConferenceStatus {
  if (!s.conferenceEligible) return 'notApplicable';
  const guardianConversations = s.conversations.filter((c) => c.kind === 'guardian');
  if (guardianConversations.some((c) => c.heldOn)) return 'held';
  if (guardianConversations.some((c) => c.plannedOn)) return 'booked';
  if (s.offeredOn.length && s.allOffersDeclined) return 'declined';
  return s.offeredOn.length ? 'offered' : 'notOffered';
}

/**
 * The status function for one plan, school year and day: the windows' order, their matching limits and
 * the terms are worked out once, so a class or a whole school is evaluated student by student cheaply.
 */
export function planEvaluator(
  plan: { conversationsPerYear: number; windows: PlanWindowFacts[] }, terms: TermFacts[], today: string,
): (s: StudentPlanFacts) => StudentPlanStatus {
  const windows = [...plan.windows].sort((a, b) => compare(a.opensOn, b.opensOn));
  const prepared: PreparedWindow[] = windows.map((w) => ({
    window: w,
    nextOpensOn: windows.find((x) => x.kind === w.kind && x.opensOn > w.opensOn)?.opensOn ?? null,
  }));
  const autumn = terms.find((t) => t.kind === 'autumn');
  const spring = terms.find((t) => t.kind === 'spring');
  return (s) => {
    const matched = matchWindows(prepared, s.conversations);
    const cells = windows.map((w, i) => cellFor(w, matched[i], s, today));
    let next: Cell | undefined;
    for (const c of cells) {
      // the earliest deadline among what is still to do; the first of equal deadlines
      if ((c.status === 'due' || c.status === 'overdue' || c.status === 'upcoming') && (!next || c.closesOn < next.closesOn)) next = c;
    }
    return {
      held: s.conversations.filter((c) => aboutProgress(c) && c.heldOn).length,
      target: plan.conversationsPerYear,
      cells,
      law: { l01Autumn: l01(autumn, s, today), l01Spring: l01(spring, s, today), l02: l02(autumn, spring, s, today) },
      guardianConference: conference(s),
      next: next ? { kind: next.kind, closesOn: next.closesOn } : null,
    };
  };
}

/** One student's status (for many students of one plan, make a `planEvaluator` once). */
export function studentPlanStatus(
  s: StudentPlanFacts, plan: { conversationsPerYear: number; windows: PlanWindowFacts[] }, terms: TermFacts[], today: string,
): StudentPlanStatus {
  return planEvaluator(plan, terms, today)(s);
}

/** The plan Elevlos proposes for a school year (seeds 000/001/003): 3 conversations, dates by the seed's months. */
export function defaultWindows(schoolYearStart: string): PlanWindowFacts[] {
  const y = Number(schoolYearStart.slice(0, 4));
  return [
    { kind: 'startOfYear', opensOn: schoolYearStart, closesOn: `${y}-09-30`, appliesTo: 'all' },
    { kind: 'guardian', opensOn: `${y}-09-01`, closesOn: `${y}-10-31`, appliesTo: 'under18' },
    { kind: 'subject', opensOn: `${y}-10-01`, closesOn: `${y}-11-15`, appliesTo: 'all' },
    { kind: 'student', opensOn: `${y + 1}-01-04`, closesOn: `${y + 1}-03-31`, appliesTo: 'all' },
  ];
}
