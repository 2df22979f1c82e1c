/** The warnings API (server/features/warnings) as the warning pages use it; shapes mirror server/features/warnings/schemas.ts. */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { Access } from '../../core/api/types';

const enc = encodeURIComponent;

export type WarningKind = 'notAssessed' | 'conduct';
export type ConductAspect = 'order' | 'behaviour';
export type WarningState = 'proposed' | 'approved' | 'sent' | 'withdrawn' | 'rejected';

export interface Deadline {
  termId: string; termKind: 'autumn' | 'spring'; assessedOn: string; configured: boolean; minimumNoticeDays: number; daysLeft: number; tooLate: boolean;
}

export interface Warning {
  id: string; kind: WarningKind; subjectId: string | null; subjectCode: string | null; subjectName: string | null; conductAspect: ConductAspect | null;
  grounds: string; requirement: string; dueOn: string; state: WarningState; raisedBy: string; raisedByMe: boolean; raisedAt: string;
  reviewNote: string | null; letterId: string | null; sentAt: string | null; withdrawnAt: string | null; withdrawalReason: string | null;
  decision: { id: string; reasons: string; decidedAt: string; decidedBy: string; appealedOn: string | null; appealNote: string | null; forwardedOn: string | null } | null;
}

export interface LetterSummary {
  id: string; locale: 'nb' | 'nn'; channel: 'digital' | 'paper'; approvedAt: string; approvedBy: string; sentAt: string | null;
  state: 'approved' | 'sent' | 'withdrawn'; warningIds: string[]; delivered: boolean;
}

export interface LetterContent {
  locale: 'nb' | 'nn'; date: string; schoolName: string; recipientName: string; addressLines: string[]; title: string; regarding: string;
  intro: string[]; items: { heading: string; grounds: string; requirement: string; due: string }[]; closing: string[]; signature: string[];
  labels?: { grounds: string; requirement: string };
}

export interface Delivery { sentAt: string | null; postedAt: string | null; emailedAt: string | null; readAt: string | null; signedCopyAt: string | null }

export interface Letter extends LetterSummary {
  access: Access; studentId: string; studentName: string; canCoordinate: boolean; preview: LetterContent | null;
  copies: { id: string; recipientName: string; recipientRole: 'student' | 'guardian'; sha256: string; createdAt: string; delivery: Delivery; content: LetterContent | null }[];
}

export interface StudentWarnings {
  access: Access;
  student: { id: string; name: string; isAdult: boolean };
  today: string;
  deadline: Deadline | null;
  warnings: Warning[];
  letters: LetterSummary[];
  permissions: { raiseConduct: boolean; raiseSubjects: { id: string; code: string; name: string }[]; coordinate: boolean; decide: boolean; recordAppeal: boolean };
}

export interface Prefill {
  access: Access;
  student: { id: string; name: string };
  deadline: Deadline | null;
  suggestedDueOn: string;
  letterLocale: 'nb' | 'nn';
  subjects: {
    id: string; code: string; name: string; grounds: string; requirement: string;
    absence: { plannedHours: number; heldHours: number; countingHours: number; absenceHours: number; percent: number; heldPercent: number; days: string[] };
  }[];
  conduct: { requirement: string };
}

export interface Queue {
  access: Access;
  group: { id: string; name: string };
  today: string;
  deadline: Deadline | null;
  canCoordinate: boolean;
  students: { studentId: string; name: string; isAdult: boolean; warnings: Warning[]; letters: LetterSummary[] }[];
}

export interface SchoolWarnings {
  access: Access;
  warnings: (Warning & { studentId: string; studentName: string; group: string })[];
}

export interface AssessmentDates {
  terms: { termId: string; kind: 'autumn' | 'spring'; startsOn: string; endsOn: string; assessedOn: string; configured: boolean; minimumNoticeDays: number }[];
}

export const studentWarningsQuery = (studentId: string) =>
  queryOptions({
    queryKey: ['warnings', 'student', studentId],
    queryFn: ({ signal }) => api<StudentWarnings>(`/api/students/${enc(studentId)}/warnings`, { signal }),
  });

export const prefillQuery = (studentId: string) =>
  queryOptions({
    queryKey: ['warnings', 'prefill', studentId],
    queryFn: ({ signal }) => api<Prefill>(`/api/students/${enc(studentId)}/warnings/prefill`, { signal }),
  });

export const letterQuery = (studentId: string, letterId: string) =>
  queryOptions({
    queryKey: ['warnings', 'letter', studentId, letterId],
    queryFn: ({ signal }) => api<Letter>(`/api/students/${enc(studentId)}/warning-letters/${enc(letterId)}`, { signal }),
  });

export const queueQuery = (basisGroupId: string) =>
  queryOptions({
    queryKey: ['warnings', 'queue', basisGroupId],
    queryFn: ({ signal }) => api<Queue>(`/api/basis-groups/${enc(basisGroupId)}/warnings`, { signal }),
  });

export const schoolWarningsQuery = queryOptions({
  queryKey: ['warnings', 'school'],
  queryFn: ({ signal }) => api<SchoolWarnings>('/api/warnings', { signal, query: { kind: 'notAssessed' } }),
});

export const assessmentDatesQuery = queryOptions({
  queryKey: ['warnings', 'assessmentDates'],
  queryFn: ({ signal }) => api<AssessmentDates>('/api/warnings/assessment-dates', { signal }),
});

export const pdfUrl = (studentId: string, letterId: string, copyId: string) =>
  `/api/students/${enc(studentId)}/warning-letters/${enc(letterId)}/copies/${enc(copyId)}/pdf`;

export const warningApi = {
  raise: (studentId: string, body: unknown) => api<{ id: string }>(`/api/students/${enc(studentId)}/warnings`, { method: 'POST', body }),
  edit: (studentId: string, warningId: string, body: { grounds: string; requirement: string; dueOn: string }) =>
    api(`/api/students/${enc(studentId)}/warnings/${enc(warningId)}`, { method: 'PATCH', body }),
  reject: (studentId: string, warningId: string, note: string) =>
    api(`/api/students/${enc(studentId)}/warnings/${enc(warningId)}/reject`, { method: 'POST', body: { note } }),
  approve: (studentId: string, warningIds: string[], channel: 'digital' | 'paper') =>
    api<{ id: string }>(`/api/students/${enc(studentId)}/warning-letters`, { method: 'POST', body: { warningIds, channel } }),
  send: (studentId: string, letterId: string) => api(`/api/students/${enc(studentId)}/warning-letters/${enc(letterId)}/send`, { method: 'POST' }),
  withdraw: (studentId: string, warningId: string, reason: string) =>
    api(`/api/students/${enc(studentId)}/warnings/${enc(warningId)}/withdraw`, { method: 'POST', body: { reason } }),
  decide: (studentId: string, warningId: string, reasons: string) =>
    api(`/api/students/${enc(studentId)}/warnings/${enc(warningId)}/decision`, { method: 'POST', body: { reasons } }),
  appeal: (studentId: string, warningId: string, body: { appealedOn: string; note: string; forwardedOn?: string }) =>
    api(`/api/students/${enc(studentId)}/warnings/${enc(warningId)}/decision/appeal`, { method: 'POST', body }),
  signedCopy: (studentId: string, letterId: string, copyId: string, body: { fileName: string; fileType: string; data: string }) =>
    api(`/api/students/${enc(studentId)}/warning-letters/${enc(letterId)}/copies/${enc(copyId)}/signed-copy`, { method: 'POST', body }),
  setAssessmentDate: (body: { termId: string; assessedOn: string; minimumNoticeDays: number }) =>
    api<AssessmentDates>('/api/warnings/assessment-dates', { method: 'PUT', body }),
};
