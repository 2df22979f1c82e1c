/** The absence API (server/features/absence) as the absence pages use it; shapes mirror server/features/absence/schemas.ts. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { Access } from '../../core/api/types';

const enc = encodeURIComponent;

export const absenceReasons = [
  'undocumented', 'selfCertification', 'health', 'welfare', 'religiousHoliday', 'requiredByLaw', 'electedRepresentative',
  'politicalWork', 'reliefWork', 'drivingTest', 'representation', 'schoolHealthService',
] as const;
export type AbsenceReason = (typeof absenceReasons)[number];
export type SubjectStatus = 'ok' | 'nearLimit' | 'overLimit' | 'gradeByDecision';
export type DayKind = 'schoolDay' | 'weekend' | 'publicHoliday' | 'schoolHoliday' | 'outsideSchoolYear';
export type SignalKind = 'subjectPercent' | 'fullDays' | 'sameWeekday' | 'lateArrivals';

export interface Lesson { id: string; startsAt: string; minutes: number }
export interface RegisterStudent {
  studentId: string; givenName: string; familyName: string; status: 'present' | 'absent' | 'late'; lateMinutes: number | null; fullDay: boolean; reason: AbsenceReason | null;
}
export interface Register {
  access: Access;
  group: { id: string; name: string; subjectCode: string; subjectName: string };
  day: string; dayKind: DayKind; holidayName: string | null;
  timetable: (Lesson & { weekday: number })[];
  lessons: Lesson[]; lesson: Lesson | null; canRegister: boolean;
  students: RegisterStudent[];
}
export interface RegisterEntry { studentId: string; status: 'present' | 'absent' | 'late'; lateMinutes?: number }

export interface MyLessons {
  day: string; dayKind: DayKind; holidayName: string | null;
  lessons: { lessonId: string; teachingGroupId: string; groupName: string; subjectCode: string; startsAt: string; minutes: number; absentCount: number }[];
}

export interface SubjectAbsence {
  subjectId: string; subjectCode: string; subjectName: string; plannedHours: number; heldHours: number; absenceHours: number; countingHours: number;
  selfCertifiedHours: number; percent: number; absencePercent: number; heldPercent: number; limitPercent: number; status: SubjectStatus; lateCount: number;
  selfCertificationAllowed: boolean;
  decision: { id: string; granted: boolean; limitPercent: number | null; ground: Ground; reasons: string | null; decidedAt: string; decidedBy: string } | null;
}
export type Ground = 'outsideStudentControl' | 'longTermCircumstances' | 'familyCircumstances' | 'other';
export const grounds: readonly Ground[] = ['outsideStudentControl', 'longTermCircumstances', 'familyCircumstances', 'other'];
export interface AbsenceEntry {
  day: string; lessonId: string; startsAt: string; groupName: string; subjectCode: string; subjectName: string; minutes: number; late: boolean; fullDay: boolean;
  reason: AbsenceReason; documentedOn: string | null; countsTowardLimit: boolean;
}
export interface StudentAbsence {
  access: Access;
  student: { id: string; givenName: string; familyName: string; isAdult: boolean };
  schoolYear: { id: string; name: string; startsOn: string; endsOn: string };
  today: string;
  scope: 'all' | 'ownSubject';
  subjects: SubjectAbsence[];
  entries: AbsenceEntry[];
  totals: { fullDays: number; lateCount: number; absenceHours: number };
  higherRiskCondition: { documentedOn: string } | null;
  permissions: { registerDay: boolean; document: boolean; selfCertify: boolean; recordHigherRisk: boolean; decideLimit: boolean; readDiploma: boolean; requestDiploma: boolean };
}
export interface Diploma {
  access: Access; schoolYear: { id: string; name: string }; days: number; hours: number;
  fullDays: { day: string; reason: AbsenceReason | 'mixed'; documented: boolean; eligible: boolean; ineligibleBecause: 'undocumented' | 'notExempt' | 'healthBeforeDay4' | null; excluded: boolean }[];
  excludedDays: string[]; reasonsAttached: boolean; byReason: { reason: AbsenceReason; days: number; hours: number }[] | null; maxExcludedDays: number; canRequest: boolean;
}
export interface Changes {
  access: Access;
  changes: { at: string; by: string; day: string; subjectCode: string; startsAt: string; minutes: number | null; late: boolean | null; fullDay: boolean | null; reason: AbsenceReason | null; documentedOn: string | null }[];
}
export interface Signal { kind: SignalKind; raisedOn: string; subjectCode: string | null; weekday: number | null; value: number; followedUp: boolean }
export interface Rule { kind: SignalKind; enabled: boolean; threshold: number; windowWeeks: number }
export interface ClassAbsence {
  access: Access; group: { id: string; name: string }; today: string; rules: Rule[];
  students: {
    studentId: string; givenName: string; familyName: string; absenceHours: number; fullDays: number; lateCount: number;
    highest: { subjectCode: string; subjectName: string; percent: number; status: SubjectStatus } | null;
    subjectsOverLimit: number; subjectsNearLimit: number; signals: Signal[]; lastFollowUpOn: string | null; needsFollowUp: boolean;
  }[];
}
export interface Week {
  access: Access; group: { id: string; name: string }; week: string; weekStart: string; weekEnd: string; previousWeek: string; nextWeek: string | null;
  schoolDays: string[];
  students: {
    studentId: string; givenName: string; familyName: string; undocumentedMinutes: number; lateCount: number;
    items: { day: string; startsAt: string; subjectCode: string; minutes: number; late: boolean; fullDay: boolean }[];
    checked: { at: string; by: string } | null;
  }[];
}

/** Without a day, the server's today (the app's clock, which demos pin). */
export const myLessonsQuery = (day?: string) =>
  queryOptions({ queryKey: ['me', 'lessons', day ?? ''], queryFn: ({ signal }) => api<MyLessons>('/api/me/lessons', { query: { day }, signal }) });

export const registerQuery = (teachingGroupId: string, day?: string, lessonId?: string) =>
  queryOptions({
    queryKey: ['teachingGroup', teachingGroupId, 'register', day ?? '', lessonId ?? ''],
    queryFn: ({ signal }) => api<Register>(`/api/teaching-groups/${enc(teachingGroupId)}/register`, { query: { day, lessonId }, signal }),
  });

/** Under ['student', id] so that anything that changes the student marks it stale too. */
export const studentAbsenceQuery = (studentId: string) =>
  queryOptions({ queryKey: ['student', studentId, 'absence'], queryFn: ({ signal }) => api<StudentAbsence>(`/api/students/${enc(studentId)}/absence`, { signal }) });

export const diplomaQuery = (studentId: string) =>
  queryOptions({ queryKey: ['student', studentId, 'absence', 'diploma'], queryFn: ({ signal }) => api<Diploma>(`/api/students/${enc(studentId)}/absence/diploma`, { signal }) });

export const changesQuery = (studentId: string) =>
  queryOptions({ queryKey: ['student', studentId, 'absence', 'changes'], queryFn: ({ signal }) => api<Changes>(`/api/students/${enc(studentId)}/absence/changes`, { signal }) });

export const classAbsenceQuery = (basisGroupId: string) =>
  queryOptions({ queryKey: ['basisGroup', basisGroupId, 'absence'], queryFn: ({ signal }) => api<ClassAbsence>(`/api/basis-groups/${enc(basisGroupId)}/absence`, { signal }) });

export const weekQuery = (basisGroupId: string, week?: string) =>
  queryOptions({
    queryKey: ['basisGroup', basisGroupId, 'absence', 'week', week ?? ''],
    queryFn: ({ signal }) => api<Week>(`/api/basis-groups/${enc(basisGroupId)}/absence/week`, { query: { week }, signal }),
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
    mutationFn: (body: { day: string; lessonId: string; students: RegisterEntry[] }) =>
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
      api<void>(`/api/basis-groups/${enc(basisGroupId)}/absence/week/${enc(v.weekStart)}/students/${enc(v.studentId)}`, { method: 'PUT', body: { checked: v.checked } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['basisGroup', basisGroupId, 'absence', 'week'] }),
  });
}

export const rulesQuery = queryOptions({ queryKey: ['absenceRules'], queryFn: ({ signal }) => api<{ rules: Rule[] }>('/api/emerging-absence-rules', { signal }) });

export interface SchoolCalendar {
  schoolYear: { id: string; name: string; startsOn: string; endsOn: string }; schoolDays: number;
  holidays: { name: string; startsOn: string; endsOn: string; kind: 'publicHoliday' | 'schoolHoliday' }[];
}
export const calendarQuery = queryOptions({ queryKey: ['schoolCalendar'], queryFn: ({ signal }) => api<SchoolCalendar>('/api/school-calendar', { signal }) });
