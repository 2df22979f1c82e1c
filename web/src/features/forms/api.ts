/** The forms API (server/features/forms); its types come from the server's schemas.ts. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type {
  ClassForms, Form, FormInput, FormStatusValue, RetireResult, SchoolForms, StatusInput, StudentForms,
} from '@server/features/forms/schemas.js';

export type { Cell, ClassForms, Form, FormInput, FormStatusValue as FormStatus, SchoolForms } from '@server/features/forms/schemas.js';

const enc = encodeURIComponent;
export const formStatuses = ['missing', 'received', 'checked'] as const satisfies readonly FormStatusValue[];
export const levels = ['vg1', 'vg2', 'vg3', 'grade1', 'grade2', 'grade3', 'grade4', 'grade5', 'grade6', 'grade7', 'grade8', 'grade9', 'grade10'] as const satisfies readonly NonNullable<FormInput['level']>[];

export const classFormsQuery = (basisGroupId: string) => queryOptions({
  queryKey: ['forms', 'class', basisGroupId],
  queryFn: ({ signal }) => api<ClassForms>(`/api/basis-groups/${enc(basisGroupId)}/forms`, { signal }),
});
export const schoolFormsQuery = queryOptions({ queryKey: ['forms', 'school'], queryFn: ({ signal }) => api<SchoolForms>('/api/forms', { signal }) });
export const studentFormsQuery = (studentId: string) => queryOptions({
  queryKey: ['forms', 'student', studentId],
  queryFn: ({ signal }) => api<StudentForms>(`/api/students/${enc(studentId)}/forms`, { signal }),
});

export function useSetStatuses(basisGroupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (changes: StatusInput['changes']) =>
      api<ClassForms>(`/api/basis-groups/${enc(basisGroupId)}/forms/statuses`, { method: 'PUT', body: { changes } }),
    onSuccess: (data) => {
      qc.setQueryData(classFormsQuery(basisGroupId).queryKey, data);
      void qc.invalidateQueries({ queryKey: ['forms', 'student'] });
    },
  });
}

export function useCreateForm() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: FormInput) => api<Form>('/api/forms', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['forms'] }),
  });
}

/** Statuses already recorded are kept when a form's names, level or due date change. */
export function useUpdateForm() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: FormInput & { id: string }) => api<Form>(`/api/forms/${enc(id)}`, { method: 'PUT', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['forms'] }),
  });
}

/** Retiring takes a form out of every checklist (statuses recorded are kept); reinstating brings it back. */
export function useRetireForm() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, retired }: { id: string; retired: boolean }) =>
      api<RetireResult>(`/api/forms/${enc(id)}/${retired ? 'retire' : 'reinstate'}`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['forms'] }),
  });
}

/** The form's name in the reader's language (nynorsk readers get the nynorsk name). */
export const formName = (f: Pick<Form, 'nameNb' | 'nameNn'>, language: string) => (language === 'nn' ? f.nameNn : f.nameNb);
