/**
 * The app's clock. ELEVLOS_TODAY pins "today" (tests, demos of a given date); otherwise the real date
 * in Norway's time zone, since school days begin and end there.
 */
export function today(): string {
  const pinned = process.env.ELEVLOS_TODAY;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
}

/** Whole years between a birth date and a day, both ISO dates. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** 18 or older on the day; a person without a known birth date is treated as a minor (the safe side for guardians' insight is consent, so unknown = not adult). */
export function isAdult(birthDate: string | null, day: string): boolean {
  return birthDate !== null && ageOn(birthDate, day) >= 18;
}
