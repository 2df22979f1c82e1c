/**
 * The duty rota (R-41, ordenselever), generated fairly for a period: every student on duty the same
 * number of times (±1 when it does not divide), pairs that vary (no pair again before it must), and
 * students away for a longer period skipped — credited with the share they would have had, so they
 * are not put on duty week after week when they come back. Pure: no database.
 */
import { createHash } from 'node:crypto';

export interface RotaInput {
  /** the class's students */
  studentIds: readonly string[];
  /** the Mondays of the weeks to fill, in order */
  weeks: readonly string[];
  perWeek: number;
  /** per student, the periods they are away (from–to, both inclusive) */
  away: ReadonlyMap<string, readonly { fromOn: string; toOn: string }[]>;
  /** makes the order among equals differ between classes and rotas, yet repeatable */
  seed: string;
}

export interface RotaWeek { weekStart: string; studentIds: string[] }

const DAY_MS = 86_400_000;
const friday = (monday: string) => new Date(Date.parse(`${monday}T00:00:00Z`) + 4 * DAY_MS).toISOString().slice(0, 10);

/** Away in a week when the away period covers any school day (Monday–Friday) of it. */
export function isAwayInWeek(periods: readonly { fromOn: string; toOn: string }[] | undefined, monday: string): boolean {
  const fri = friday(monday);
  return (periods ?? []).some((p) => p.fromOn <= fri && p.toOn >= monday);
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const EPS = 1e-9;

export function generateRota({ studentIds, weeks, perWeek, away, seed }: RotaInput): RotaWeek[] {
  const order = new Map([...studentIds]
    .map((id) => [id, createHash('sha1').update(`${seed}:${id}`).digest('hex')] as const)
    .sort((a, b) => a[1].localeCompare(b[1]))
    .map(([id], i) => [id, i]));
  const count = new Map(studentIds.map((id) => [id, 0]));
  const credit = new Map(studentIds.map((id) => [id, 0]));
  const last = new Map(studentIds.map((id) => [id, -1]));
  const pairs = new Map<string, number>();
  const out: RotaWeek[] = [];

  weeks.forEach((monday, w) => {
    const available = studentIds.filter((id) => !isAwayInWeek(away.get(id), monday));
    const size = Math.min(perWeek, available.length);
    // those away are credited the share everyone available gets this week
    const share = available.length ? size / available.length : 0;
    for (const id of studentIds) if (!available.includes(id)) credit.set(id, credit.get(id)! + share);
    const score = (id: string) => count.get(id)! + credit.get(id)!;
    const chosen: string[] = [];
    // among the students tied lowest, plan a whole matching with the fewest repeated pairs and take its first pair,
    // so the last pairs of a round are not forced together (greedy alone gets stuck in small classes)
    const minScore = Math.min(...available.map(score));
    const tied = available.filter((id) => score(id) <= minScore + EPS);
    if (size === 2 && tied.length >= 2 && tied.length <= 12) {
      const pc = (a: string, b: string) => pairs.get(pairKey(a, b)) ?? 0;
      const rank = (id: string) => [last.get(id)!, order.get(id)!];
      const sorted = [...tied].sort((a, b) => (less(rank(a), rank(b)) ? -1 : less(rank(b), rank(a)) ? 1 : 0));
      const first = bestMatching(sorted, pc);
      chosen.push(...first);
    }
    while (chosen.length < size) {
      let best: string | null = null;
      let bestKey: number[] = [];
      for (const id of available) {
        if (chosen.includes(id)) continue;
        const key = [score(id), chosen.reduce((n, c) => n + (pairs.get(pairKey(id, c)) ?? 0), 0), last.get(id)!, order.get(id)!];
        if (best === null || less(key, bestKey)) { best = id; bestKey = key; }
      }
      chosen.push(best!);
    }
    for (const id of chosen) { count.set(id, count.get(id)! + 1); last.set(id, w); }
    for (let i = 0; i < chosen.length; i++) for (let j = i + 1; j < chosen.length; j++) {
      const k = pairKey(chosen[i]!, chosen[j]!);
      pairs.set(k, (pairs.get(k) ?? 0) + 1);
    }
    out.push({ weekStart: monday, studentIds: chosen });
  });
  return out;
}

function less(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (Math.abs(a[i]! - b[i]!) > EPS) return a[i]! < b[i]!;
  }
  return false;
}

/**
 * The pairing of `ids` (in preference order; one left over when odd) with the fewest repeated pairs;
 * returns the pair that contains the first id. Branch and bound over at most 12 students.
 */
function bestMatching(ids: readonly string[], pairCount: (a: string, b: string) => number): [string, string] {
  let best = Infinity;
  let bestFirst: [string, string] = [ids[0]!, ids[1]!];
  const used = new Set<string>();
  const odd = ids.length % 2 === 1;
  const walk = (cost: number, first: [string, string] | null, skipped: boolean) => {
    if (cost >= best) return;
    const i = ids.findIndex((id) => !used.has(id));
    if (i < 0) { best = cost; bestFirst = first!; return; }
    const a = ids[i]!;
    used.add(a);
    for (let j = i + 1; j < ids.length; j++) {
      const b = ids[j]!;
      if (used.has(b)) continue;
      used.add(b);
      walk(cost + pairCount(a, b), first ?? [a, b], skipped);
      used.delete(b);
      if (best === 0) break;
    }
    // in an odd group one student waits for the next round; never the first (they are due)
    if (odd && !skipped && first !== null) walk(cost, first, true);
    used.delete(a);
  };
  walk(0, null, false);
  return bestFirst;
}
