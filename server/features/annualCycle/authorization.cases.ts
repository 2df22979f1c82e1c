/** The annual cycle's rows in the authorization matrix (server/test/authorization-matrix.test.ts), denials included. */
import { expect } from 'vitest';
import type { MatrixFeature } from '../../test/matrix.js';

const STAFF = ['contactTeacher', 'contactTeacherOther', 'subjectTeacher', 'subjectTeacherOther', 'departmentHead', 'departmentHeadOther', 'counsellor', 'principal', 'schoolAdmin'] as const;

export const annualCycleMatrix: MatrixFeature = {
  async setup({ t, clients }) {
    const res = await clients.get('principal')!.get('/api/annual-cycle');
    expect(res.statusCode, res.body).toBe(200);
    const routines = res.json().routines as { id: string; builtinKey: string | null }[];
    const id = (key: string) => routines.find((r) => r.builtinKey === key)!.id;
    // a routine each of the principal and the school admin may remove without touching the others, and a school year each to copy into
    const addRoutine = async (title: string) => {
      const added = await clients.get('principal')!.request('POST', '/api/annual-cycle/routines', {
        titleNb: title, titleNn: title, scope: 'eachBasisGroup', responsibleRole: 'contactTeacher',
        opensOn: '2026-11-23', closesOn: '2026-11-27', evidenceKind: 'handTicked',
      });
      expect(added.statusCode, added.body).toBe(201);
      return (added.json().routines as { id: string; titleNb: string }[]).find((r) => r.titleNb === title)!.id;
    };
    const extraRoutineId = await addRoutine('Matrise');
    const adminRoutineId = await addRoutine('Matrise admin');
    // a routine with no data behind it, ticked by hand by the class's contact teacher
    const ticked = await clients.get('principal')!.request('POST', '/api/annual-cycle/routines', {
      titleNb: 'Matrise avkryssing', titleNn: 'Matrise avkryssing', scope: 'eachBasisGroup', responsibleRole: 'contactTeacher',
      opensOn: '2026-11-23', closesOn: '2026-11-27', evidenceKind: 'handTicked',
    });
    expect(ticked.statusCode, ticked.body).toBe(201);
    const addYear = async (name: string, startsOn: string, endsOn: string) => (await t.database.query<{ id: string }>(
      'insert into school_year (owner_id, id, name, starts_on, ends_on) values ($1, gen_random_uuid(), $2, $3, $4) returning id', [t.demo.ownerId, name, startsOn, endsOn]))[0]!.id;
    return {
      classRulesRoutineId: id('classRules'),
      extraRoutineId,
      adminRoutineId,
      handTickedRoutineId: (ticked.json().routines as { id: string; titleNb: string }[]).find((r) => r.titleNb === 'Matrise avkryssing')!.id,
      fromSchoolYearId: res.json().schoolYear.id as string,
      toSchoolYearId: await addYear('2027/28', '2027-08-18', '2028-06-16'),
      adminToSchoolYearId: await addYear('2028/29', '2028-08-17', '2029-06-15'),
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
      target: 'minor', allowed: ['principal', 'schoolAdmin'],
      request: () => ({ url: '/api/annual-cycle/routines', body: { titleNb: 'Ny', titleNn: 'Ny', scope: 'eachStudent', responsibleRole: 'contactTeacher', opensOn: '2026-11-23', closesOn: '2026-12-04', evidenceKind: 'handTicked' } }),
    },
    'PUT /api/annual-cycle/routines/:routineId': {
      target: 'minor', allowed: ['principal', 'schoolAdmin'],
      request: (i) => ({ url: `/api/annual-cycle/routines/${i.classRulesRoutineId}`, body: { titleNb: 'Klassens regler', titleNn: 'Klassereglar', scope: 'eachBasisGroup', responsibleRole: 'contactTeacher', opensOn: '2026-08-19', closesOn: '2026-09-18', evidenceKind: 'classRulesPublished' } }),
    },
    'DELETE /api/annual-cycle/routines/:routineId': {
      target: 'minor', allowed: ['principal', 'schoolAdmin'],
      request: (i, who) => ({ url: `/api/annual-cycle/routines/${who === 'schoolAdmin' ? i.adminRoutineId : i.extraRoutineId}` }),
    },
    'POST /api/annual-cycle/copy': {
      target: 'minor', allowed: ['principal', 'schoolAdmin'],
      request: (i, who) => ({ url: '/api/annual-cycle/copy', body: { fromSchoolYearId: i.fromSchoolYearId, toSchoolYearId: who === 'schoolAdmin' ? i.adminToSchoolYearId : i.toSchoolYearId } }),
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
