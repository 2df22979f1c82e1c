/** the duty rota is fair over a term — counted, not eyeballed. */
import { describe, expect, it } from 'vitest';
import { generateRota, type RotaWeek } from './rota.js';

const students = (n: number) => Array.from({ length: n }, (_, i) => `s${String(i + 1).padStart(2, '0')}`);
const mondays = (from: string, n: number) => Array.from({ length: n }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 7 * 86_400_000).toISOString().slice(0, 10));
const counts = (rota: RotaWeek[]) => {
  const c = new Map<string, number>();
  for (const w of rota) for (const id of w.studentIds) c.set(id, (c.get(id) ?? 0) + 1);
  return c;
};
const pairCounts = (rota: RotaWeek[]) => {
  const c = new Map<string, number>();
  for (const w of rota) {
    const [a, b] = [...w.studentIds].sort();
    c.set(`${a}|${b}`, (c.get(`${a}|${b}`) ?? 0) + 1);
  }
  return c;
};

describe('R-41 duty rota: generated fairly', () => {
  it('puts each of 25 students on duty once or twice in an 18-week term (±1), two a week, and never the same pair twice', () => {
    const ids = students(25);
    const rota = generateRota({ studentIds: ids, weeks: mondays('2026-08-17', 18), perWeek: 2, away: new Map(), seed: '2STA' });
    expect(rota).toHaveLength(18);
    expect(rota.every((w) => w.studentIds.length === 2 && w.studentIds[0] !== w.studentIds[1])).toBe(true);
    const c = counts(rota);
    expect(ids.every((id) => c.has(id))).toBe(true);
    const values = [...c.values()];
    expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
    expect(values.reduce((a, b) => a + b, 0)).toBe(36);
    expect(Math.max(...pairCounts(rota).values())).toBe(1);
  });

  it('gives everyone exactly the same count when it divides: 12 students, 18 weeks, 2 a week → 3 each', () => {
    const rota = generateRota({ studentIds: students(12), weeks: mondays('2026-08-17', 18), perWeek: 2, away: new Map(), seed: 'x' });
    expect(new Set(counts(rota).values())).toEqual(new Set([3]));
    // 18 pairs out of 66 possible: no pair needs to repeat
    expect(Math.max(...pairCounts(rota).values())).toBe(1);
  });

  it('varies the pairs so that 6 students over 15 weeks meet each of the 15 possible partners exactly once', () => {
    const rota = generateRota({ studentIds: students(6), weeks: mondays('2026-08-17', 15), perWeek: 2, away: new Map(), seed: 'y' });
    expect(new Set(counts(rota).values())).toEqual(new Set([5]));
    const pairs = pairCounts(rota);
    expect(pairs.size).toBe(15);
    expect(Math.max(...pairs.values())).toBe(1);
  });

  it('skips a student on long absence in the weeks they are away, and does not make them catch up week after week', () => {
    const ids = students(20);
    const weeks = mondays('2026-08-17', 20);
    const away = new Map([['s05', [{ fromOn: '2026-08-17', toOn: '2026-10-16' }]]]); // the first nine weeks
    const rota = generateRota({ studentIds: ids, weeks, perWeek: 2, away, seed: 'z' });
    expect(rota.slice(0, 9).some((w) => w.studentIds.includes('s05'))).toBe(false);
    const c = counts(rota);
    const present = ids.filter((id) => id !== 's05').map((id) => c.get(id) ?? 0);
    expect(Math.max(...present) - Math.min(...present)).toBeLessThanOrEqual(1);
    // the 11 weeks after the return give about 22/20 ≈ 1 turn each: s05 is on duty once or twice, not every week
    expect(c.get('s05') ?? 0).toBeGreaterThanOrEqual(1);
    expect(c.get('s05') ?? 0).toBeLessThanOrEqual(2);
  });
});
