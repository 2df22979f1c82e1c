/** Reading Feide's groups and holding them up against the school's data (pure functions; generated names). */
import { describe, expect, it } from 'vitest';
import { compareGroups, groupsDiffer, parseFeideGroups } from './groups.js';
import { feideOrganisation, goGroup } from './testIdp.js';

const TODAY = '2026-11-25';
const teacherAt = (name: string, kind: 'basis' | 'teaching' = 'basis') => ({ id: `id-${name}`, name, kind, role: 'teacher' as const });

describe('reading the groups API', () => {
  it('keeps only basis and teaching groups valid today, with the person\'s role in each', () => {
    const feide = parseFeideGroups([
      goGroup('b', '2STA', 'faculty'),
      goGroup('u', '2STA-MAT', 'student'),
      goGroup('b', '1STA', 'faculty', { from: '2025-08-01', to: '2026-07-31' }),
      goGroup('b', '3STA', 'faculty', { from: '2027-08-01', to: '2028-07-31' }),
      { ...goGroup('u', 'Kor', 'student'), go_type: 'a' },
      { ...goGroup('u', 'Vikar', 'faculty'), membership: { basic: 'member', affiliation: 'affiliate' } },
      feideOrganisation(['employee', 'faculty', 'member']),
    ], TODAY);
    expect(feide.groups.map((g) => [g.name, g.kind, g.role])).toEqual([['2STA', 'basis', 'teacher'], ['2STA-MAT', 'teaching', 'student']]);
    expect(feide.affiliations).toEqual(['employee', 'faculty', 'member']);
    expect(feide.hasOrganisation).toBe(true);
  });

  it('skips malformed entries and refuses an answer that is not a list', () => {
    const feide = parseFeideGroups([null, 7, { id: 5 }, { type: 'fc:gogroup' }, goGroup('b', '2STA', 'faculty')], TODAY);
    expect(feide.groups.map((g) => g.name)).toEqual(['2STA']);
    expect(feide.hasOrganisation).toBe(false);
    expect(() => parseFeideGroups({ groups: [] }, TODAY)).toThrow();
  });
});

describe('comparing with the school\'s data', () => {
  it('matches a group on Feide\'s display name or on the school\'s own group id inside Feide\'s id, whatever the case and spaces', () => {
    const byCode = { ...goGroup('u', '2sta mat', 'faculty'), displayName: 'Matematikk R1 for 2STA' };
    const feide = parseFeideGroups([goGroup('b', '2sta', 'faculty'), byCode], TODAY);
    const c = compareGroups(feide, { groups: [teacherAt('2STA'), teacherAt('2STA MAT', 'teaching')], affiliations: ['staff'] });
    expect(c).toMatchObject({ matched: 2, onlyInFeide: [], onlyInSchool: [] });
    expect(groupsDiffer(c)).toBe(false);
  });

  it('does not take a class the person is a student of in Feide for one they teach', () => {
    const feide = parseFeideGroups([goGroup('b', '2STA', 'student')], TODAY);
    const c = compareGroups(feide, { groups: [teacherAt('2STA')], affiliations: ['staff'] });
    expect(c.onlyInFeide.map((g) => g.role)).toEqual(['student']);
    expect(c.onlyInSchool.map((g) => g.role)).toEqual(['teacher']);
    expect(groupsDiffer(c)).toBe(true);
  });

  it('compares affiliations only when Feide named an organisation', () => {
    const none = compareGroups(parseFeideGroups([], TODAY), { groups: [], affiliations: ['staff'] });
    expect(none.affiliations.differ).toBe(false);
    const student = compareGroups(parseFeideGroups([feideOrganisation(['member', 'student'])], TODAY), { groups: [], affiliations: ['staff'] });
    expect(student.affiliations.differ).toBe(true);
    const both = compareGroups(parseFeideGroups([feideOrganisation(['member', 'student', 'employee'])], TODAY), { groups: [], affiliations: ['staff', 'student'] });
    expect(both.affiliations.differ).toBe(false);
  });
});
