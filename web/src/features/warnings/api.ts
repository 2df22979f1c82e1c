/** The warnings API (server/features/warnings) as the warning pages use it; its shapes come from the server's zod schemas. */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type {
  AppealBody, ApproveLetterInput, AssessmentDateInput, AssessmentDates, Created, DecisionBody, EditWarningBody, Ok, RaiseWarningBody,
  RejectWarningBody, SchoolWarnings, SchoolWarningsQuery, SignedCopyBody, StudentWarnings, WarningLetter, WarningPrefill, WarningQueue,
  WithdrawWarningBody,
} from '@server/features/warnings/schemas.js';

export type {
  AssessmentDates, ConductAspect, LetterContent, LetterDelivery as Delivery, RaiseWarningBody, SchoolWarnings, SignedCopyBody, StudentWarnings,
  WarningDeadline as Deadline, WarningKind, WarningLetter as Letter, WarningLetterSummary as LetterSummary, WarningPrefill as Prefill,
  WarningQueue as Queue, WarningState, WarningView as Warning,
} from '@server/features/warnings/schemas.js';

const enc = encodeURIComponent;

export const studentWarningsQuery = (studentId: string) =>
  queryOptions({
    queryKey: ['warnings', 'student', studentId],
    queryFn: ({ signal }) => api<StudentWarnings>(`/api/students/${enc(studentId)}/warnings`, { signal }),
  });

export const prefillQuery = (studentId: string) =>
  queryOptions({
    queryKey: ['warnings', 'prefill', studentId],
    queryFn: ({ signal }) => api<WarningPrefill>(`/api/students/${enc(studentId)}/warnings/prefill`, { signal }),
  });

export const letterQuery = (studentId: string, letterId: string) =>
  queryOptions({
    queryKey: ['warnings', 'letter', studentId, letterId],
    queryFn: ({ signal }) => api<WarningLetter>(`/api/students/${enc(studentId)}/warning-letters/${enc(letterId)}`, { signal }),
  });

export const queueQuery = (basisGroupId: string) =>
  queryOptions({
    queryKey: ['warnings', 'queue', basisGroupId],
    queryFn: ({ signal }) => api<WarningQueue>(`/api/basis-groups/${enc(basisGroupId)}/warnings`, { signal }),
  });

export const schoolWarningsQuery = queryOptions({
  queryKey: ['warnings', 'school'],
  queryFn: ({ signal }) => api<SchoolWarnings>('/api/warnings', { signal, query: { kind: 'notAssessed' } satisfies SchoolWarningsQuery }),
});

export const assessmentDatesQuery = queryOptions({
  queryKey: ['warnings', 'assessmentDates'],
  queryFn: ({ signal }) => api<AssessmentDates>('/api/warnings/assessment-dates', { signal }),
});

export const pdfUrl = (studentId: string, letterId: string, copyId: string) =>
  `/api/students/${enc(studentId)}/warning-letters/${enc(letterId)}/copies/${enc(copyId)}/pdf`;

export const warningApi = {
  raise: (studentId: string, body: RaiseWarningBody) => api<Created>(`/api/students/${enc(studentId)}/warnings`, { method: 'POST', body }),
  edit: (studentId: string, warningId: string, body: EditWarningBody) =>
    api<Ok>(`/api/students/${enc(studentId)}/warnings/${enc(warningId)}`, { method: 'PATCH', body }),
  reject: (studentId: string, warningId: string, note: string) =>
    api<Ok>(`/api/students/${enc(studentId)}/warnings/${enc(warningId)}/reject`, { method: 'POST', body: { note } satisfies RejectWarningBody }),
  approve: (studentId: string, warningIds: string[], channel: NonNullable<ApproveLetterInput['channel']>) =>
    api<Created>(`/api/students/${enc(studentId)}/warning-letters`, { method: 'POST', body: { warningIds, channel } satisfies ApproveLetterInput }),
  send: (studentId: string, letterId: string) => api<Ok>(`/api/students/${enc(studentId)}/warning-letters/${enc(letterId)}/send`, { method: 'POST' }),
  withdraw: (studentId: string, warningId: string, reason: string) =>
    api<Ok>(`/api/students/${enc(studentId)}/warnings/${enc(warningId)}/withdraw`, { method: 'POST', body: { reason } satisfies WithdrawWarningBody }),
  decide: (studentId: string, warningId: string, reasons: string) =>
    api<Created>(`/api/students/${enc(studentId)}/warnings/${enc(warningId)}/decision`, { method: 'POST', body: { reasons } satisfies DecisionBody }),
  appeal: (studentId: string, warningId: string, body: AppealBody) =>
    api<Ok>(`/api/students/${enc(studentId)}/warnings/${enc(warningId)}/decision/appeal`, { method: 'POST', body }),
  /** the read receipt, sent by the letter's page when the recipient has their copy in front of them */
  markRead: (studentId: string, letterId: string, copyId: string) =>
    api<Ok>(`/api/students/${enc(studentId)}/warning-letters/${enc(letterId)}/copies/${enc(copyId)}/read`, { method: 'POST' }),
  signedCopy: (studentId: string, letterId: string, copyId: string, body: SignedCopyBody) =>
    api<Ok>(`/api/students/${enc(studentId)}/warning-letters/${enc(letterId)}/copies/${enc(copyId)}/signed-copy`, { method: 'POST', body }),
  setAssessmentDate: (body: AssessmentDateInput) =>
    api<AssessmentDates>('/api/warnings/assessment-dates', { method: 'PUT', body }),
};
