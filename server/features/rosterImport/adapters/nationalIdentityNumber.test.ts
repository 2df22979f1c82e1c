import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticNin } from '../fixtures.js';
import { birthDateOfNationalIdentityNumber, isNationalIdentityNumber } from './nationalIdentityNumber.js';

const isoDay = fc.date({ min: new Date('1900-01-01T12:00:00Z'), max: new Date('2039-12-31T12:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** The same person as a D-number: day + 40, control digits found again. */
function dNumberOf(nin: string): string {
  const base = `${String(Number(nin.slice(0, 2)) + 40)}${nin.slice(2, 9)}`;
  for (let c = 0; c < 100; c++) {
    const candidate = `${base}${String(c).padStart(2, '0')}`;
    if (isNationalIdentityNumber(candidate)) return candidate;
  }
  return '';
}

describe('a national identity number as every import adapter reads it', () => {
  it('a synthetic number for any birth date from 1900 to 2039 is valid and gives that birth date back', () => {
    fc.assert(fc.property(isoDay, fc.nat(400), (day, seq) => {
      const nin = syntheticNin(day, seq);
      expect(isNationalIdentityNumber(nin)).toBe(true);
      expect(birthDateOfNationalIdentityNumber(nin)).toBe(day);
    }), { numRuns: 200 });
  });

  it('a D-number (day + 40) gives the same birth date', () => {
    // not every individual number has valid control digits as a D-number: take the first that has
    const d = Array.from({ length: 50 }, (_, seq) => dNumberOf(syntheticNin('2009-02-28', seq))).find((x) => x !== '');
    expect(d).toMatch(/^68/);
    expect(birthDateOfNationalIdentityNumber(d!)).toBe('2009-02-28');
  });

  it('a wrong control digit, a wrong length or letters are not a number; a day that does not exist has no birth date', () => {
    const nin = syntheticNin('2010-03-14', 1);
    const wrong = `${nin.slice(0, 10)}${(Number(nin[10]) + 1) % 10}`;
    expect(isNationalIdentityNumber(wrong)).toBe(false);
    expect(isNationalIdentityNumber(nin.slice(0, 10))).toBe(false);
    expect(isNationalIdentityNumber(`${nin.slice(0, 10)}x`)).toBe(false);
    expect(birthDateOfNationalIdentityNumber('31029012345')).toBeNull();
    expect(birthDateOfNationalIdentityNumber(null)).toBeNull();
  });
});
