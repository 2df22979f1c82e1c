/**
 * The web's counts take the language's plural form through i18next (`_one` / `_other` and `count`):
 * "om 1 dag", "1 minutt", "1 time" — never "1 dager". The web has no test runner of its own for texts, so the
 * feature catalogues are read here, as the browser's i18next reads them.
 */
import i18next, { type i18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookingEn, bookingNb, bookingNn } from '../../web/src/features/booking/i18n.js';
import { disciplineEn, disciplineNb, disciplineNn } from '../../web/src/features/discipline/i18n.js';
import { rosterImportEn, rosterImportNb, rosterImportNn } from '../../web/src/features/rosterImport/i18n.js';
import { warningsEn, warningsNb, warningsNn } from '../../web/src/features/warnings/i18n.js';

let web: i18n;
beforeAll(async () => {
  web = i18next.createInstance();
  const catalogue = (w: unknown, b: unknown, d: unknown, r: unknown) => ({ translation: { warnings: w, booking: b, discipline: d, rosterImport: r } });
  await web.init({
    lng: 'nb', fallbackLng: false, interpolation: { escapeValue: false },
    resources: { nb: catalogue(warningsNb, bookingNb, disciplineNb, rosterImportNb), nn: catalogue(warningsNn, bookingNn, disciplineNn, rosterImportNn), en: catalogue(warningsEn, bookingEn, disciplineEn, rosterImportEn) },
  });
});
// the web's key types are not this test's concern: any key, any parameters
const tr = (lng: string, key: string, params: Record<string, unknown>) => (web.t as unknown as (k: string, o: object) => string)(key, { lng, ...params });

describe('counts in the web\'s texts', () => {
  it('the warning\'s deadline says one day and many days in nb, nn and en, the school\'s minimum too', () => {
    expect(tr('nb', 'warnings.deadline.ok', { date: '4. des.', count: 1 })).toBe('Vurderingen er 4. des., om 1 dag.');
    expect(tr('nb', 'warnings.deadline.ok', { date: '4. des.', count: 9 })).toBe('Vurderingen er 4. des., om 9 dager.');
    expect(tr('nn', 'warnings.deadline.ok', { date: '4. des.', count: 1 })).toBe('Vurderinga er 4. des., om 1 dag.');
    expect(tr('en', 'warnings.deadline.ok', { date: '4 Dec', count: 1 })).toBe('The assessment is on 4 Dec, in 1 day.');
    const late = tr('en', 'warnings.deadline.tooLate', { date: '4 Dec', count: 1, minimum: 21 });
    expect(late).toContain('only 1 day away');
    expect(late).toContain('at least 21 days');
    expect(tr('nn', 'warnings.deadline.tooLate', { date: '4. des.', count: 3, minimum: 1 })).toContain('berre 3 dagar unna');
    expect(tr('nn', 'warnings.deadline.tooLate', { date: '4. des.', count: 3, minimum: 1 })).toContain('minst 1 dag.');
  });

  it('minutes, hours and rows say one and many', () => {
    expect(tr('nb', 'discipline.case.minutes', { count: 1, group: '2STA' })).toBe('1 minutt fra 2STA');
    expect(tr('nb', 'discipline.case.minutes', { count: 20, group: '2STA' })).toBe('20 minutter fra 2STA');
    expect(tr('en', 'discipline.case.minutes', { count: 1, group: '2STA' })).toBe('1 minute from 2STA');
    expect(tr('nb', 'warnings.raise.absence', { count: 1, planned: 60, percent: 1.7, days: '' })).toContain('1 time av 60');
    expect(tr('en', 'warnings.raise.absence', { count: 12, planned: 60, percent: 20, days: '' })).toContain('12 hours of 60');
    expect(tr('en', 'booking.form.errors.tooShort', { count: 1 })).toBe('The period is too short for one conversation of 1 minute.');
    expect(tr('nb', 'booking.form.errors.tooShort', { count: 15 })).toBe('Tidsrommet er for kort til én samtale på 15 minutter.');
    expect(tr('en', 'rosterImport.detail.progressText', { phase: 'Reading', done: 0, count: 1 })).toBe('Reading: 0 of 1 row');
    expect(tr('nn', 'rosterImport.detail.progressText', { phase: 'Les', done: 10, count: 500 })).toBe('Les: 10 av 500 rader');
  });
});
