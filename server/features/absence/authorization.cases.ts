/** This feature's rows in the authorization matrix (server/test/authorization-matrix.test.ts). */
import { expect } from 'vitest';
import type { MatrixFeature, Who } from '../../test/matrix.js';

const STAFF: Who[] = ['contactTeacher', 'contactTeacherOther', 'subjectTeacher', 'subjectTeacherOther', 'departmentHead', 'departmentHeadOther', 'counsellor', 'principal', 'schoolAdmin'];
/** L-03/R-71: the subject teacher (own subject), the contact teacher, leaders, the student, guardians with insight; not the counsellor */
const READERS: Who[] = ['contactTeacher', 'subjectTeacher', 'departmentHead', 'principal', 'student', 'guardian'];
const DOCUMENTERS: Who[] = ['contactTeacher', 'departmentHead', 'principal'];

export const absenceMatrix: MatrixFeature = {
  async setup({ t, clients }) {
    const h = t.demo.hardCases;
    const fag = clients.get('subjectTeacher')!;
    const register = (await fag.get(`/api/teaching-groups/${h.teachingGroup2STAMATId}/register?day=2026-11-24`)).json();
    expect(register.lesson, 'a 2STA-MAT lesson on Tuesday 24 November').toBeTruthy();
    const [undocumented] = await t.database.query<{ day: string }>(
      `select day::text as day from absence where student_id = $1 and reason = 'undocumented' and not late order by day limit 1`, [h.elevStudentId]);
    const [math] = await t.database.query<{ subject_id: string }>('select subject_id from teaching_group where id = $1', [h.teachingGroup2STAMATId]);
    // a full day to remove again
    const day = await clients.get('contactTeacher')!.request('POST', `/api/students/${h.elevStudentId}/absence/days`, { from: '2026-11-19' });
    expect(day.statusCode, day.body).toBe(200);
    return { matLessonId: register.lesson.id, elevUndocumentedDay: undocumented!.day, mathSubjectId: math!.subject_id };
  },
  own: {
    'GET /api/me/lessons': () => ({ url: '/api/me/lessons?day=2026-11-24' }),
  },
  cases: {
    'GET /api/students/:studentId/absence': { target: 'minor', allowed: READERS, request: (i) => ({ url: `/api/students/${i.studentId}/absence` }) },
    'POST /api/students/:studentId/absence/days': {
      target: 'minor', allowed: ['contactTeacher'], request: (i) => ({ url: `/api/students/${i.studentId}/absence/days`, body: { from: '2026-11-20', reason: 'undocumented' } }),
    },
    'DELETE /api/students/:studentId/absence/days/:day': {
      target: 'minor', allowed: ['contactTeacher'], request: (i) => ({ url: `/api/students/${i.studentId}/absence/days/2026-11-19` }),
    },
    'POST /api/students/:studentId/absence/documentation': {
      target: 'minor', allowed: DOCUMENTERS,
      request: (i) => ({ url: `/api/students/${i.studentId}/absence/documentation`, body: { items: [{ day: '2026-10-14' }], reason: 'health', documentedOn: '2026-10-15' } }),
    },
    'POST /api/students/:studentId/absence/self-certification': {
      // L-12: the student, or for a student under 18 a parent with parental responsibility
      target: 'minor', allowed: ['student', 'guardian'],
      request: (i) => ({ url: `/api/students/${i.studentId}/absence/self-certification`, body: { items: [{ day: i.elevUndocumentedDay }] } }),
    },
    'PUT /api/students/:studentId/absence/higher-risk': {
      target: 'minor', allowed: DOCUMENTERS, request: (i) => ({ url: `/api/students/${i.studentId}/absence/higher-risk`, body: { documentedOn: '2026-11-02' } }),
    },
    'DELETE /api/students/:studentId/absence/higher-risk': {
      target: 'minor', allowed: DOCUMENTERS, request: (i) => ({ url: `/api/students/${i.studentId}/absence/higher-risk` }),
    },
    'POST /api/students/:studentId/absence/decisions': {
      // L-13: the principal personally
      target: 'minor', allowed: ['principal'],
      request: (i) => ({ url: `/api/students/${i.studentId}/absence/decisions`, body: { subjectId: i.mathSubjectId, granted: false, ground: 'other', reasons: 'Vilkårene for å gi karakter er ikke oppfylt.' } }),
    },
    'GET /api/students/:studentId/absence/diploma': {
      target: 'minor', allowed: ['student', 'guardian', 'contactTeacher', 'departmentHead', 'principal'], request: (i) => ({ url: `/api/students/${i.studentId}/absence/diploma` }),
    },
    'PUT /api/students/:studentId/absence/diploma': {
      target: 'minor', allowed: ['student', 'contactTeacher'],
      request: (i) => ({ url: `/api/students/${i.studentId}/absence/diploma`, body: { excludedDays: [], reasonsAttached: true } }),
    },
    'GET /api/students/:studentId/absence/changes': {
      target: 'minor', allowed: DOCUMENTERS, request: (i) => ({ url: `/api/students/${i.studentId}/absence/changes` }),
    },
    'GET /api/teaching-groups/:teachingGroupId/register': {
      target: 'minor', allowed: ['subjectTeacher'], request: (i) => ({ url: `/api/teaching-groups/${i.teachingGroupId}/register?day=2026-11-24` }),
    },
    'PUT /api/teaching-groups/:teachingGroupId/register': {
      target: 'minor', allowed: ['subjectTeacher'],
      request: (i) => ({ url: `/api/teaching-groups/${i.teachingGroupId}/register`, body: { day: '2026-11-24', lessonId: i.matLessonId, students: [] } }),
    },
    'GET /api/teaching-groups/:teachingGroupId/absence': {
      target: 'minor', allowed: ['subjectTeacher', 'principal'], request: (i) => ({ url: `/api/teaching-groups/${i.teachingGroupId}/absence` }),
    },
    'GET /api/basis-groups/:basisGroupId/absence': {
      target: 'minor', allowed: DOCUMENTERS, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/absence` }),
    },
    'GET /api/basis-groups/:basisGroupId/absence/week': {
      target: 'minor', allowed: ['contactTeacher'], request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/absence/week` }),
    },
    'PUT /api/basis-groups/:basisGroupId/absence/week/:weekStart/students/:studentId': {
      target: 'minor', allowed: ['contactTeacher'],
      request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/absence/week/2026-11-16/students/${i.studentId}`, body: { checked: true } }),
    },
    'GET /api/school-calendar': { target: 'minor', allowed: STAFF, request: () => ({ url: '/api/school-calendar' }) },
    'GET /api/emerging-absence-rules': { target: 'minor', allowed: STAFF, request: () => ({ url: '/api/emerging-absence-rules' }) },
    'PUT /api/emerging-absence-rules': {
      target: 'minor', allowed: ['principal', 'schoolAdmin'],
      request: () => ({ url: '/api/emerging-absence-rules', body: { rules: [{ kind: 'lateArrivals', enabled: true, threshold: 5, windowWeeks: 4 }] } }),
    },
    'POST /api/timetable/import': {
      target: 'minor', allowed: ['principal', 'schoolAdmin'],
      request: () => ({ url: '/api/timetable/import?from=2026-11-30', body: { csv: 'gruppe;ukedag;start;minutter\n2STA-NOR;3;14:00;45\n' } }),
    },
  },
};
