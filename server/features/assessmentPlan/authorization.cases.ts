/** This feature's rows in the authorization matrix (server/test/authorization-matrix.test.ts). R-42. */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { EVERYONE, type MatrixFeature } from '../../test/matrix.js';

const STAFF = ['contactTeacher', 'contactTeacherOther', 'subjectTeacher', 'subjectTeacherOther', 'departmentHead', 'departmentHeadOther', 'counsellor', 'principal', 'schoolAdmin'] as const;
const test = (startsOn: string) => ({ kind: 'test', title: 'Matriseprøve', startsOn });
const event = (startsOn: string) => ({ kind: 'culturalEvent', title: 'Konsert', startsOn });

/**
 * A DELETE row is tried once per actor in EVERYONE's order; each try gets its own entry, so that an
 * allowed actor after the first still finds something to remove.
 */
function oneEach(ids: string[]): () => string {
  let n = 0;
  return () => ids[n++ % ids.length]!;
}
let nextBasisEntry: () => string = () => '';
let nextSchoolEntry: () => string = () => '';

export const assessmentPlanMatrix: MatrixFeature = {
  async setup({ t, clients }) {
    const h = t.demo.hardCases;
    const fag = clients.get('subjectTeacher')!;
    const mat = await fag.request('POST', `/api/teaching-groups/${h.teachingGroup2STAMATId}/assessment-plan`, test('2027-01-19'));
    expect(mat.statusCode, mat.body).toBe(201);
    // one entry per try (straight into the table: the matrix is about access, not about planning)
    const basis: string[] = [];
    const school: string[] = [];
    const [g] = await t.database.query<{ owner_id: string; school_id: string; school_year_id: string }>(
      'select owner_id, school_id, school_year_id from basis_group where id = $1', [h.basisGroup2STAId]);
    for (let i = 0; i < EVERYONE.length; i++) {
      const [b, s] = [randomUUID(), randomUUID()];
      await t.database.query(
        `insert into assessment_plan_entry (owner_id, id, school_id, school_year_id, basis_group_id, level, kind, title, starts_on, created_by_person_id)
         values ($1, $2, $3, $4, $5, null, 'culturalEvent', 'Konsert', '2027-01-20', $7), ($1, $6, $3, $4, null, 'vg2', 'culturalEvent', 'Konsert', '2027-01-21', $7)`,
        [g!.owner_id, b, g!.school_id, g!.school_year_id, h.basisGroup2STAId, s, randomUUID()]);
      basis.push(b);
      school.push(s);
    }
    nextBasisEntry = oneEach(basis);
    nextSchoolEntry = oneEach(school);
    // a change leaves the event in place: one event serves every try
    const changed = await clients.get('principal')!.request('POST', '/api/assessment-plan/school-events', { ...event('2027-01-21'), level: 'vg2' });
    expect(changed.statusCode, changed.body).toBe(201);
    return { apTeachingEntryId: mat.json().entry.id as string, apSchoolEntryId: changed.json().entry.id as string };
  },
  own: {
    'GET /api/me/assessment-plan': () => ({ url: '/api/me/assessment-plan' }),
  },
  cases: {
    // made known to everyone affected — the student, their teachers, leaders and guardians with insight
    'GET /api/students/:studentId/assessment-plan': {
      target: 'minor', allowed: ['contactTeacher', 'subjectTeacher', 'departmentHead', 'counsellor', 'principal', 'student', 'guardian'],
      request: (i) => ({ url: `/api/students/${i.studentId}/assessment-plan` }),
    },
    'POST /api/students/:studentId/assessment-plan/feed': {
      target: 'adult', allowed: ['contactTeacher', 'subjectTeacher', 'departmentHead', 'counsellor', 'principal', 'student', 'guardian'],
      request: (i) => ({ url: `/api/students/${i.studentId}/assessment-plan/feed` }),
    },
    'GET /api/teaching-groups/:teachingGroupId/assessment-plan': {
      target: 'minor', allowed: ['subjectTeacher', 'counsellor', 'principal'], request: (i) => ({ url: `/api/teaching-groups/${i.teachingGroupId}/assessment-plan` }),
    },
    'POST /api/teaching-groups/:teachingGroupId/assessment-plan/feed': {
      target: 'minor', allowed: ['subjectTeacher', 'counsellor', 'principal'], request: (i) => ({ url: `/api/teaching-groups/${i.teachingGroupId}/assessment-plan/feed` }),
    },
    // only the group's own subject teachers plan its tests
    'POST /api/teaching-groups/:teachingGroupId/assessment-plan/check': {
      target: 'minor', allowed: ['subjectTeacher'], request: (i) => ({ url: `/api/teaching-groups/${i.teachingGroupId}/assessment-plan/check`, body: test('2027-01-26') }),
    },
    'POST /api/teaching-groups/:teachingGroupId/assessment-plan': {
      target: 'minor', allowed: ['subjectTeacher'], request: (i) => ({ url: `/api/teaching-groups/${i.teachingGroupId}/assessment-plan`, body: test('2027-01-26') }),
    },
    'PUT /api/teaching-groups/:teachingGroupId/assessment-plan/:entryId': {
      target: 'minor', allowed: ['subjectTeacher'], request: (i) => ({ url: `/api/teaching-groups/${i.teachingGroupId}/assessment-plan/${i.apTeachingEntryId}`, body: test('2027-01-19') }),
    },
    'DELETE /api/teaching-groups/:teachingGroupId/assessment-plan/:entryId': {
      target: 'minor', allowed: ['subjectTeacher'], request: (i) => ({ url: `/api/teaching-groups/${i.teachingGroupId}/assessment-plan/${i.apTeachingEntryId}` }),
    },
    'GET /api/basis-groups/:basisGroupId/assessment-plan': {
      target: 'minor', allowed: ['contactTeacher', 'departmentHead', 'counsellor', 'principal'], request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/assessment-plan` }),
    },
    // events for the whole class: its contact teacher, the department head and the principal (not the counsellor)
    'POST /api/basis-groups/:basisGroupId/assessment-plan/check': {
      target: 'minor', allowed: ['contactTeacher', 'departmentHead', 'principal'], request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/assessment-plan/check`, body: event('2027-01-27') }),
    },
    'POST /api/basis-groups/:basisGroupId/assessment-plan': {
      target: 'minor', allowed: ['contactTeacher', 'departmentHead', 'principal'], request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/assessment-plan`, body: event('2027-01-27') }),
    },
    'PUT /api/basis-groups/:basisGroupId/assessment-plan/:entryId': {
      target: 'minor', allowed: ['contactTeacher', 'departmentHead', 'principal'], request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/assessment-plan/${nextBasisEntry()}`, body: event('2027-01-28') }),
    },
    'DELETE /api/basis-groups/:basisGroupId/assessment-plan/:entryId': {
      target: 'minor', allowed: ['contactTeacher', 'departmentHead', 'principal'], request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/assessment-plan/${nextBasisEntry()}` }),
    },
    // a level or the whole school: the leaders
    'GET /api/assessment-plan/school-events': {
      target: 'minor', allowed: ['departmentHead', 'departmentHeadOther', 'principal'], request: () => ({ url: '/api/assessment-plan/school-events' }),
    },
    'POST /api/assessment-plan/school-events/check': {
      target: 'minor', allowed: ['departmentHead', 'departmentHeadOther', 'principal'], request: () => ({ url: '/api/assessment-plan/school-events/check', body: event('2027-01-27') }),
    },
    'POST /api/assessment-plan/school-events': {
      target: 'minor', allowed: ['departmentHead', 'departmentHeadOther', 'principal'], request: () => ({ url: '/api/assessment-plan/school-events', body: event('2027-01-27') }),
    },
    'PUT /api/assessment-plan/school-events/:entryId': {
      target: 'minor', allowed: ['departmentHead', 'departmentHeadOther', 'principal'],
      request: (i) => ({ url: `/api/assessment-plan/school-events/${i.apSchoolEntryId}`, body: { ...event('2027-01-28'), level: 'vg2' } }),
    },
    'DELETE /api/assessment-plan/school-events/:entryId': {
      target: 'minor', allowed: ['departmentHead', 'departmentHeadOther', 'principal'], request: () => ({ url: `/api/assessment-plan/school-events/${nextSchoolEntry()}` }),
    },
    // the rules: every staff member reads them; the principal (or the school's administrator) sets them
    'GET /api/assessment-plan/rules': {
      target: 'minor', allowed: [...STAFF], request: () => ({ url: '/api/assessment-plan/rules' }),
    },
    'PUT /api/assessment-plan/rules': {
      target: 'minor', allowed: ['principal', 'schoolAdmin'],
      request: () => ({ url: '/api/assessment-plan/rules', body: { rules: [{ rule: 'maxTestsPerDay', enabled: true, maximum: 1, warningOnly: false }] } }),
    },
  },
};
