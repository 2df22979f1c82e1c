import { describe, expect, it } from 'vitest';
import { checkPasswordStrength, estimateStrength } from './passwordStrength.shared.js';

/** generated for this file; the personal words are a made-up person's */
const CASES: { password: string; personal?: string[]; verdict: ReturnType<typeof checkPasswordStrength> }[] = [
  { password: 'kort1!', verdict: { ok: false, reason: 'tooShort' } },
  { password: 'x'.repeat(257), verdict: { ok: false, reason: 'tooLong' } },
  { password: 'Sommer2024!', verdict: { ok: false, reason: 'guessable' } },
  { password: 'qwertyuiop123', verdict: { ok: false, reason: 'common' } },
  { password: 'aaaaaaaaaaaaaa', verdict: { ok: false, reason: 'repeats' } },
  { password: 'TirilAlbertsen2009!', personal: ['Tiril', 'Albertsen', 'tiril.albertsen'], verdict: { ok: false, reason: 'personal' } },
  { password: 'Kari Nordmann 1985', personal: ['Kari', 'Nordmann'], verdict: { ok: false, reason: 'personal' } },
  { password: 'tindrende-fjordlykt-sykkelbjelle-93', verdict: { ok: true } },
  { password: 'Rødstrupe på gjerdestolpen', personal: ['Sigrid', 'Eikeland'], verdict: { ok: true } },
];

describe('the password rule, shared by the server and the browser\'s strength meter', () => {
  it.each(CASES.map((c) => ({ ...c, shown: c.password.length > 40 ? `${c.password.slice(0, 8)}… (${c.password.length} characters)` : c.password })))(
    'decides $shown as the person is told', ({ password, personal, verdict }) => {
      expect(checkPasswordStrength(password, personal)).toEqual(verdict);
    });

  it('the meter never calls a password good that the server refuses, nor the other way round', () => {
    for (const { password, personal } of CASES) {
      const meter = estimateStrength(password, personal);
      const server = checkPasswordStrength(password, personal);
      expect(meter.reason === null, password).toBe(server.ok);
      if (!server.ok) expect(meter.reason).toBe(server.reason);
    }
  });

  it('a password built on the person\'s own name shows low on the meter, not just refused', () => {
    expect(estimateStrength('TirilAlbertsen2009!', ['Tiril', 'Albertsen']).score).toBeLessThanOrEqual(1);
  });
});
