/** Counts in server texts take the language's plural form (Intl.PluralRules): "1 minutt", never "1 minutter". */
import { describe, expect, it } from 'vitest';
import '../features/index.js';
import { t } from '../core/i18n/messages.js';

describe('counts in server texts', () => {
  it('the login limit says "1 minutt" / "1 minute" for one and "15 minutter" / "15 minutt" / "15 minutes" for many', () => {
    expect(t('nb', 'error.rateLimited', { minutes: 1 })).toBe('For mange innloggingsforsøk. Prøv igjen om 1 minutt.');
    expect(t('nb', 'error.rateLimited', { minutes: 15 })).toBe('For mange innloggingsforsøk. Prøv igjen om 15 minutter.');
    expect(t('nn', 'error.rateLimited', { minutes: 1 })).toBe('For mange innloggingsforsøk. Prøv igjen om 1 minutt.');
    expect(t('nn', 'error.rateLimited', { minutes: 15 })).toBe('For mange innloggingsforsøk. Prøv igjen om 15 minutt.');
    expect(t('en', 'error.rateLimited', { minutes: 1 })).toBe('Too many login attempts. Try again in 1 minute.');
    expect(t('en', 'error.rateLimited', { minutes: 15 })).toBe('Too many login attempts. Try again in 15 minutes.');
  });

  it('a count given as text, and one of zero, take the plural form', () => {
    expect(t('en', 'accounts.error.rateLimited', { minutes: '1' })).toBe('Too many attempts. Try again in 1 minute.');
    expect(t('nb', 'rosterImport.log.errorsFound', { count: 0 })).toBe('0 rader har feil.');
  });

  it('the weekly digest, an import log line and a conflict name one thing in the singular in nb, nn and en', () => {
    expect(t('nb', 'annualCycle.digest.subject', { count: 1 })).toBe('Elevlos: 1 forfalt oppgave i årshjulet');
    expect(t('nn', 'annualCycle.digest.subject', { count: 1 })).toBe('Elevlos: 1 forfallen oppgåve i årshjulet');
    expect(t('en', 'annualCycle.digest.subject', { count: 3 })).toBe('Elevlos: 3 overdue tasks in the annual cycle');
    expect(t('en', 'rosterImport.log.read', { files: 1, rows: 1 })).toBe('Read 1 file with 1 row.');
    expect(t('nn', 'rosterImport.log.read', { files: 4, rows: 200 })).toBe('Las 4 filer med 200 rader.');
    expect(t('nb', 'assessmentPlan.conflict', { rule: 'R', when: 'i dag', count: 1, students: 'Kari' })).toBe('Bryter regelen «R» i dag for 1 elev: Kari.');
    expect(t('en', 'warning.tooLate', { assessedOn: '2026-12-01', days: 1, minimum: 21 })).toContain('only 1 day remains');
  });

  it('other parameters in the same text are filled in as before', () => {
    expect(t('en', 'annualCycle.digest.body', { name: 'Kari', count: 2, lines: '- A: 2', link: 'https://x.example/' }))
      .toMatch(/^Hello Kari,\n\nYou have 2 overdue tasks in the annual cycle:\n- A: 2\n/);
  });
});
