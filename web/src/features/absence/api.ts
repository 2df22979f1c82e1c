/** The absence API (server/features/absence) as the absence pages use it; its shapes come from the server's zod schemas. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type {
  AbsenceChanges, AbsenceLimitGround, AbsenceReason, ClassAbsence, Diploma, EmergingAbsenceRules, MyLessons, MyLessonsQuery, Register,
  RegisterBody, RegisterQuery, SchoolCalendar, StudentAbsence, WeeklyCheck, WeeklyCheckBody, WeekQuery,
} from '@server/features/absence/schemas.js';

export type {
  AbsenceChanges as Changes, AbsenceEntry, AbsenceLimitDecisionBody, AbsenceLimitGround as Ground, AbsenceReason, ClassAbsence, DayKind,
  Diploma, DiplomaBody, DocumentationBody, EmergingAbsenceRule as Rule, EmergingAbsenceRuleKind as SignalKind, EmergingAbsenceRules,
  EmergingAbsenceRulesBody, EmergingAbsenceSignal as Signal, FullDayInput, HigherRiskBody, Lesson, MyLessons, Register, RegisterEntry,
  RegisterStudent, SchoolCalendar, SelfCertificationBody, StudentAbsence, SubjectAbsence, SubjectStatus, TimetableImport,
  TimetableImportBody, TimetableImportQuery, WeeklyCheck as Week,
} from '@server/features/absence/schemas.js';

const enc = encodeURIComponent;

/** The reasons a select offers, in this order; the server's enum is the truth (server/features/absence/tables.ts). */
export const absenceReasons = [
  'undocumented', 'selfCertification', 'health', 'welfare', 'religiousHoliday', 'requiredByLaw', 'electedRepresentative',
  'politicalWork', 'reliefWork', 'drivingTest', 'representation', 'schoolHealthService',
] as const satisfies readonly AbsenceReason[];
export const grounds = ['outsideStudentControl', 'longTermCircumstances', 'familyCircumstances', 'other'] as const satisfies readonly AbsenceLimitGround[];

/** Without a day, the server's today (the app's clock, which demos pin). */
export const myLessonsQuery = (day?: string) =>
  queryOptions({ queryKey: ['me', 'lessons', day ?? ''], queryFn: ({ signal }) => api<MyLessons>('/api/me/lessons', { query: { day } satisfies MyLessonsQuery, signal }) });

export const registerQuery = (teachingGroupId: string, day?: string, lessonId?: string) =>
  queryOptions({
    queryKey: ['teachingGroup', teachingGroupId, 'register', day ?? '', lessonId ?? ''],
    queryFn: ({ signal }) => api<Register>(`/api/teaching-groups/${enc(teachingGroupId)}/register`, { query: { day, lessonId } satisfies RegisterQuery, signal }),
  });

/** Under ['student', id] so that anything that changes the student marks it stale too. */
export const studentAbsenceQuery = (studentId: string) =>
  queryOptions({ queryKey: ['student', studentId, 'absence'], queryFn: ({ signal }) => api<StudentAbsence>(`/api/students/${enc(studentId)}/absence`, { signal }) });

export const diplomaQuery = (studentId: string) =>
  queryOptions({ queryKey: ['student', studentId, 'absence', 'diploma'], queryFn: ({ signal }) => api<Diploma>(`/api/students/${enc(studentId)}/absence/diploma`, { signal }) });

export const changesQuery = (studentId: string) =>
  queryOptions({ queryKey: ['student', studentId, 'absence', 'changes'], queryFn: ({ signal }) => api<AbsenceChanges>(`/api/students/${enc(studentId)}/absence/changes`, { signal }) });

export const classAbsenceQuery = (basisGroupId: string) =>
  queryOptions({ queryKey: ['basisGroup', basisGroupId, 'absence'], queryFn: ({ signal }) => api<ClassAbsence>(`/api/basis-groups/${enc(basisGroupId)}/absence`, { signal }) });

export const weekQuery = (basisGroupId: string, week?: string) =>
  queryOptions({
    queryKey: ['basisGroup', basisGroupId, 'absence', 'week', week ?? ''],
    queryFn: ({ signal }) => api<WeeklyCheck>(`/api/basis-groups/${enc(basisGroupId)}/absence/week`, { query: { week } satisfies WeekQuery, signal }),
  });

/** Registering changes the student pages, the class views and the teacher's lessons. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () => Promise.all([
    queryClient.invalidateQueries({ queryKey: ['student'] }),
    queryClient.invalidateQueries({ queryKey: ['basisGroup'] }),
    queryClient.invalidateQueries({ queryKey: ['me', 'lessons'] }),
  ]);
}

export function useSaveRegister(teachingGroupId: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: RegisterBody) =>
      api<Register>(`/api/teaching-groups/${enc(teachingGroupId)}/register`, { method: 'PUT', body }),
    onSuccess: async (data) => {
      queryClient.setQueryData(registerQuery(teachingGroupId, data.day, data.lesson?.id).queryKey, data);
      await invalidate();
    },
  });
}

export function useStudentAbsenceMutation<B>(studentId: string, path: string, method: 'POST' | 'PUT' | 'DELETE' = 'POST') {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: B) => api<unknown>(`/api/students/${enc(studentId)}/absence${path}`, { method, body: method === 'DELETE' ? undefined : body }),
    onSuccess: () => invalidate(),
  });
}

export function useCheckWeek(basisGroupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { weekStart: string; studentId: string; checked: boolean }) =>
      api<void>(`/api/basis-groups/${enc(basisGroupId)}/absence/week/${enc(v.weekStart)}/students/${enc(v.studentId)}`, { method: 'PUT', body: { checked: v.checked } satisfies WeeklyCheckBody }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['basisGroup', basisGroupId, 'absence', 'week'] }),
  });
}

export const rulesQuery = queryOptions({ queryKey: ['absenceRules'], queryFn: ({ signal }) => api<EmergingAbsenceRules>('/api/emerging-absence-rules', { signal }) });

export const calendarQuery = queryOptions({ queryKey: ['schoolCalendar'], queryFn: ({ signal }) => api<SchoolCalendar>('/api/school-calendar', { signal }) });
