/** The conversations API as the plan pages use it (web/src/features/conversations/API.md). */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../core/api/client';
import type {
  ClassPlan,
  Compliance,
  ComplianceQuery,
  Conferences,
  DeclineBody,
  NewTemplate,
  Notifications,
  OfferBody,
  OfferResult,
  Plan,
  PlanBody,
  TemplateContentBody,
  TemplateDetail,
  TemplateList,
  TemplateVersion,
} from '../types';

const enc = encodeURIComponent;

/** The school's plan for this school year (any staff member may read it). */
export const planQuery = queryOptions({
  queryKey: ['conversationPlan', 'settings'],
  queryFn: ({ signal }) => api<Plan>('/api/conversation-plan', { signal }),
});

/** One class's plan; the key sits under ['basisGroup'] so the meeting pages' writes mark it stale. */
export const classPlanQuery = (basisGroupId: string) =>
  queryOptions({
    queryKey: ['basisGroup', basisGroupId, 'conversationPlan'],
    queryFn: ({ signal }) => api<ClassPlan>(`/api/basis-groups/${enc(basisGroupId)}/conversation-plan`, { signal }),
  });

export const classPlanCsvHref = (basisGroupId: string) => `/api/basis-groups/${enc(basisGroupId)}/conversation-plan.csv`;

export const conferencesQuery = (basisGroupId: string) =>
  queryOptions({
    queryKey: ['basisGroup', basisGroupId, 'guardianConferences'],
    queryFn: ({ signal }) => api<Conferences>(`/api/basis-groups/${enc(basisGroupId)}/guardian-conferences`, { signal }),
  });

export const complianceQuery = (departmentId?: string) =>
  queryOptions({
    queryKey: ['conversationPlan', 'compliance', departmentId ?? null],
    queryFn: ({ signal }) => api<Compliance>('/api/conversation-compliance', { signal, query: { departmentId } satisfies ComplianceQuery }),
  });

export const templatesQuery = queryOptions({
  queryKey: ['conversationTemplates'],
  queryFn: ({ signal }) => api<TemplateList>('/api/conversation-templates', { signal }),
});

export const templateQuery = (templateId: string) =>
  queryOptions({
    queryKey: ['conversationTemplate', templateId],
    queryFn: ({ signal }) => api<TemplateDetail>(`/api/conversation-templates/${enc(templateId)}`, { signal }),
  });

/** Versions never change, so one fetched stays good. */
export const templateVersionQuery = (versionId: string) =>
  queryOptions({
    queryKey: ['conversationTemplateVersion', versionId],
    queryFn: ({ signal }) => api<TemplateVersion>(`/api/conversation-template-versions/${enc(versionId)}`, { signal }),
    staleTime: Infinity,
  });

export const notificationsQuery = queryOptions({
  queryKey: ['me', 'notifications'],
  queryFn: ({ signal }) => api<Notifications>('/api/me/notifications', { signal }),
});

export function useSavePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanBody) => api<Plan>('/api/conversation-plan', { method: 'PUT', body }),
    onSuccess: async (plan) => {
      queryClient.setQueryData(planQuery.queryKey, plan);
      // Every class plan and compliance count is measured against the plan.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['conversationPlan'] }),
        queryClient.invalidateQueries({ queryKey: ['basisGroup'] }),
      ]);
    },
  });
}

export function useCreateTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewTemplate) =>
      api<TemplateDetail>('/api/conversation-templates', { method: 'POST', body }),
    onSuccess: async (detail) => {
      queryClient.setQueryData(templateQuery(detail.id).queryKey, detail);
      await queryClient.invalidateQueries({ queryKey: templatesQuery.queryKey });
    },
  });
}

export function useNewTemplateVersion(templateId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TemplateContentBody) =>
      api<TemplateDetail>(`/api/conversation-templates/${enc(templateId)}/versions`, { method: 'POST', body }),
    onSuccess: async (detail) => {
      queryClient.setQueryData(templateQuery(templateId).queryKey, detail);
      await queryClient.invalidateQueries({ queryKey: templatesQuery.queryKey });
    },
  });
}

/** Offer the guardian conference for one student (default: every guardian with insight). */
export function useOfferConference(basisGroupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ studentId, toldOfRight, guardianPersonIds }: { studentId: string; toldOfRight: boolean; guardianPersonIds?: string[] }) =>
      api<OfferResult>(`/api/students/${enc(studentId)}/guardian-conference/offers`, {
        method: 'POST',
        body: (guardianPersonIds ? { guardianPersonIds, toldOfRight } : { toldOfRight }) satisfies OfferBody,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['basisGroup', basisGroupId] }),
  });
}

/** The contact teacher records that a named guardian declined. */
export function useRecordDeclined(basisGroupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ studentId, guardianPersonId }: { studentId: string; guardianPersonId: string }) =>
      api<void>(`/api/students/${enc(studentId)}/guardian-conference/decline`, { method: 'POST', body: { guardianPersonId } satisfies DeclineBody }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['basisGroup', basisGroupId] }),
  });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notificationId: string) => api<void>(`/api/me/notifications/${enc(notificationId)}/read`, { method: 'POST' }),
    onMutate: (notificationId) => {
      // Shown as read at once: the person is already on their way to the linked page.
      queryClient.setQueryData(notificationsQuery.queryKey, (old) =>
        old
          ? { notifications: old.notifications.map((n) => (n.id === notificationId ? { ...n, readAt: n.readAt ?? new Date().toISOString() } : n)) }
          : old,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsQuery.queryKey }),
  });
}
