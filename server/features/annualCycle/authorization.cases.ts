/** The annual cycle's rows in the authorization matrix (server/test/authorization-matrix.test.ts), denials included. */
import { expect } from 'vitest';
import type { MatrixFeature } from '../../test/matrix.js';

const STAFF = ['contactTeacher', 'contactTeacherOther', 'subjectTeacher', 'subjectTeacherOther', 'departmentHead', 'departmentHeadOther', 'counsellor', 'principal'] as const;

export const annualCycleMatrix: MatrixFeature = {
  async setup({ t, clients }) {
    const res = await clients.get('principal')!.get('/api/annual-cycle');
    expect(res.statusCode, res.body).toBe(200);
    const routines = res.json().routines as { id: string; builtinKey: string | null }[];
    const id = (key: string) => routines.find((r) => r.builtinKey === key)!.id;
    // a routine the principal may remove without touching the others, and a school year to copy into
    const extra = await clients.get('principal')!.request('POST', '/api/annual-cycle/routines', {
      titleNb: 'Matrise', titleNn: 'Matrise', scope: 'eachBasisGroup', responsibleRole: 'contactTeacher',
      opensOn: '2026-11-23', closesOn: '2026-11-27', evidenceKind: 'handTicked',
    });
    expect(extra.statusCode, extra.body).toBe(201);
    // a routine with no data behind it, ticked by hand by the class's contact teacher
    const ticked = await clients.get('principal')!.request('POST', '/api/annual-cycle/routines', {
      titleNb: 'Matrise avkryssing', titleNn: 'Matrise avkryssing', scope: 'eachBasisGroup', responsibleRole: 'contactTeacher',
      opensOn: '2026-11-23', closesOn: '2026-11-27', evidenceKind: 'handTicked',
    });
    expect(ticked.statusCode, ticked.body).toBe(201);
    const [year] = await t.database.query<{ id: string }>(
      `insert into school_year (owner_id, id, name, starts_on, ends_on) values ($1, gen_random_uuid(), '2027/28', '2027-08-18', '2028-06-16') returning id`, [t.demo.ownerId]);
    return {
      classRulesRoutineId: id('classRules'),
      extraRoutineId: (extra.json().routines as { id: string; titleNb: string }[]).find((r) => r.titleNb === 'Matrise')!.id,
      handTickedRoutineId: (ticked.json().routines as { id: string; titleNb: string }[]).find((r) => r.titleNb === 'Matrise avkryssing')!.id,
      fromSchoolYearId: res.json().schoolYear.id as string,
      toSchoolYearId: year!.id,
    };
  },
  own: {
    'GET /api/annual-cycle/my-tasks': () => ({ url: '/api/annual-cycle/my-tasks' }),
    'GET /api/annual-cycle/digest-preference': () => ({ url: '/api/annual-cycle/digest-preference' }),
    'PUT /api/annual-cycle/digest-preference': () => ({ url: '/api/annual-cycle/digest-preference', body: { weeklyDigest: true } }),
  },
  cases: {
    // every staff member reads the cycle; students and guardians do not
    'GET /api/annual-cycle': { target: 'minor', allowed: [...STAFF], request: () => ({ url: '/api/annual-cycle' }) },
    // only the principal (and the school admin) edits it
    'POST /api/annual-cycle/routines': {
      target: 'minor', allowed: ['principal'],
      request: () => ({ url: '/api/annual-cycle/routines', body: { titleNb: 'Ny', titleNn: 'Ny', scope: 'eachStudent', responsibleRole: 'contactTeacher', opensOn: '2026-11-23', closesOn: '2026-12-04', evidenceKind: 'handTicked' } }),
    },
    'PUT /api/annual-cycle/routines/:routineId': {
      target: 'minor', allowed: ['principal'],
      request: (i) => ({ url: `/api/annual-cycle/routines/${i.classRulesRoutineId}`, body: { titleNb: 'Klassens regler', titleNn: 'Klassereglar', scope: 'eachBasisGroup', responsibleRole: 'contactTeacher', opensOn: '2026-08-19', closesOn: '2026-09-18', evidenceKind: 'classRulesPublished' } }),
    },
    'DELETE /api/annual-cycle/routines/:routineId': {
      target: 'minor', allowed: ['principal'], request: (i) => ({ url: `/api/annual-cycle/routines/${i.extraRoutineId}` }),
    },
    'POST /api/annual-cycle/copy': {
      target: 'minor', allowed: ['principal'], request: (i) => ({ url: '/api/annual-cycle/copy', body: { fromSchoolYearId: i.fromSchoolYearId, toSchoolYearId: i.toSchoolYearId } }),
    },
    // a hand tick: only the one responsible — the class rules of 2STA are its contact teacher's
    'POST /api/annual-cycle/routines/:routineId/ticks': {
      target: 'minor', allowed: ['contactTeacher'], request: (i) => ({ url: `/api/annual-cycle/routines/${i.handTickedRoutineId}/ticks`, body: { subjectId: i.basisGroupId } }),
    },
    'DELETE /api/annual-cycle/routines/:routineId/ticks/:subjectId': {
      target: 'minor', allowed: ['contactTeacher'], request: (i) => ({ url: `/api/annual-cycle/routines/${i.handTickedRoutineId}/ticks/${i.basisGroupId}` }),
    },
    // leaders' compliance: the principal and the department heads (narrowed to their department); not teachers or the counsellor
    'GET /api/annual-cycle/compliance': {
      target: 'minor', allowed: ['departmentHead', 'departmentHeadOther', 'principal'], request: () => ({ url: '/api/annual-cycle/compliance' }),
    },
    // drill-down to a class: its contact teacher, its department's head, the principal; not the counsellor
    'GET /api/annual-cycle/compliance/classes/:basisGroupId': {
      target: 'minor', allowed: ['contactTeacher', 'departmentHead', 'principal'], request: (i) => ({ url: `/api/annual-cycle/compliance/classes/${i.basisGroupId}` }),
    },
    'GET /api/students/:studentId/routine-tasks': {
      target: 'minor', allowed: ['contactTeacher', 'departmentHead', 'principal'], request: (i) => ({ url: `/api/students/${i.studentId}/routine-tasks` }),
    },
  },
};
