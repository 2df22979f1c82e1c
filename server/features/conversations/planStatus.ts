/**
 * Where one student stands with the year's conversations (R-10): the school's own plan (windows and
 * target) and, separately, the law's floor (L-01, L-02), which no school setting can lower.
 * Pure functions: the class plan, the leaders' compliance view and the bench share them.
 */
import type { ConversationKind } from '../../core/db/schema.js';

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
 * Conversations are matched to the windows of their kind in date order: each window takes the first
 * conversation dated before the next window of the same kind opens, so one held late still counts.
 */
function matchWindows(windows: PlanWindowFacts[], conversations: ConversationFact[]): Map<PlanWindowFacts, ConversationFact | undefined> {
  const out = new Map<PlanWindowFacts, ConversationFact | undefined>();
  const used = new Set<string>();
  const sorted = [...conversations].sort((a, b) => (dateOf(a) ?? '9999').localeCompare(dateOf(b) ?? '9999'));
  for (const w of windows) {
    const sameKind = windows.filter((x) => x.kind === w.kind);
    const next = sameKind.find((x) => x.opensOn > w.opensOn);
    const c = sorted.find((x) => x.kind === w.kind && !used.has(x.id) && (!next || (dateOf(x) ?? '0000') < next.opensOn));
    if (c) used.add(c.id);
    out.set(w, c);
  }
  return out;
}

function cellFor(w: PlanWindowFacts, c: ConversationFact | undefined, s: StudentPlanFacts, today: string): Cell {
  const base = { kind: w.kind, closesOn: w.closesOn, progress: null };
  if (w.appliesTo === 'under18' && s.adult) return { ...base, status: 'notApplicable', date: null, conversationId: null };
  if (w.kind === 'guardian' && !s.conferenceEligible) return { ...base, status: 'notApplicable', date: null, conversationId: null };
  if (w.kind === 'subject') {
    const progress = { held: s.subjectGroupsHeld, of: s.teachingGroupCount };
    const done = progress.of > 0 && progress.held >= progress.of;
    const status: CellStatus = done ? 'held' : today > w.closesOn ? 'overdue' : today >= w.opensOn ? 'due' : 'upcoming';
    return { ...base, status, date: null, conversationId: null, progress };
  }
  if (c?.heldOn) return { ...base, status: 'held', date: c.heldOn, conversationId: c.id };
  if (c?.plannedOn) {
    return { ...base, status: today > w.closesOn && c.plannedOn < today ? 'overdue' : 'planned', date: c.plannedOn, conversationId: c.id };
  }
  const status: CellStatus = today > w.closesOn ? 'overdue' : today >= w.opensOn ? 'due' : 'upcoming';
  return { ...base, status, date: null, conversationId: null };
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
function l02(terms: TermFacts[], s: StudentPlanFacts, today: string): LawStatus {
  if (s.adult) return 'notRequired';
  const invitedIn = (t: TermFacts) =>
    s.offeredOn.some((d) => d >= t.startsOn && d <= t.endsOn)
    || s.conversations.some((c) => c.kind === 'guardian' && (dateOf(c) ?? '') >= t.startsOn && (dateOf(c) ?? '') <= t.endsOn);
  const autumn = terms.find((t) => t.kind === 'autumn');
  const spring = terms.find((t) => t.kind === 'spring');
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

export function studentPlanStatus(
  s: StudentPlanFacts, plan: { conversationsPerYear: number; windows: PlanWindowFacts[] }, terms: TermFacts[], today: string,
): StudentPlanStatus {
  const windows = [...plan.windows].sort((a, b) => a.opensOn.localeCompare(b.opensOn));
  const matched = matchWindows(windows, s.conversations);
  const cells = windows.map((w) => cellFor(w, matched.get(w), s, today));
  const next = cells
    .filter((c) => c.status === 'due' || c.status === 'overdue' || c.status === 'upcoming')
    .sort((a, b) => a.closesOn.localeCompare(b.closesOn))[0];
  return {
    held: s.conversations.filter((c) => aboutProgress(c) && c.heldOn).length,
    target: plan.conversationsPerYear,
    cells,
    law: {
      l01Autumn: l01(terms.find((t) => t.kind === 'autumn'), s, today),
      l01Spring: l01(terms.find((t) => t.kind === 'spring'), s, today),
      l02: l02(terms, s, today),
    },
    guardianConference: conference(s),
    next: next ? { kind: next.kind, closesOn: next.closesOn } : null,
  };
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
