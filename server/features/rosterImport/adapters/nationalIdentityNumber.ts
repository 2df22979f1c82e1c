/**
 * The national identity number (fødselsnummer / D-number) as every adapter reads it: whether its two
 * modulus-11 control digits hold, and the birth date it carries. Synthetic test numbers (month + 40 for
 * H-numbers, + 80 for Skatteetaten's) pass, so generated people can be imported like real ones.
 */

const WEIGHTS_1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const WEIGHTS_2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function controlDigit(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += digits[i]! * weights[i]!;
  const k = 11 - (sum % 11);
  return k === 11 ? 0 : k;
}

/** Eleven digits whose two control digits hold (a remainder that gives 10 is no valid number). */
export function isNationalIdentityNumber(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  const d = [...value].map(Number);
  return controlDigit(d, WEIGHTS_1) === d[9] && controlDigit(d, WEIGHTS_2) === d[10];
}

/**
 * The birth date in the number: a D-number adds 40 to the day, a synthetic number 40 or 80 to the month;
 * the century follows from the individual number (000–499: 1900s; 500–749 with year 54–99: 1800s;
 * 900–999 with year 40–99: 1900s; 500–999 with year 00–39: 2000s). Null when it names no real day.
 */
export function birthDateOfNationalIdentityNumber(nin: string | null): string | null {
  if (!nin || !/^\d{11}$/.test(nin)) return null;
  let day = Number(nin.slice(0, 2));
  let month = Number(nin.slice(2, 4));
  const yy = Number(nin.slice(4, 6));
  const individual = Number(nin.slice(6, 9));
  if (day > 40) day -= 40;
  if (month > 80) month -= 80;
  else if (month > 40) month -= 40;
  let century: number;
  if (individual <= 499) century = 1900;
  else if (individual <= 749 && yy >= 54) century = 1800;
  else if (yy <= 39) century = 2000;
  else if (individual >= 900) century = 1900;
  else return null;
  const iso = `${century + yy}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const d = new Date(`${iso}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}
