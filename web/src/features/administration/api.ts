/** The administration API (server/features/administration); its types come from the server's schemas.ts. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import { meQueryKey } from '../../core/auth/session';
import type {
  AddMemberInput, AddRoleInput, AssignInput, EndMemberInput, Groups, Members, ReasonInput, RenameInput, RoleResult, Schools, StaffList, StudentHits,
} from '@server/features/administration/schemas.js';

export type { Group, Groups, Member, Members, School, StaffEntry, StaffList } from '@server/features/administration/schemas.js';

const enc = encodeURIComponent;
const base = (schoolId: string) => `/api/administration/schools/${enc(schoolId)}`;

/** The roles the school admin gives; the contact and subject teachers come from the assignments. */
export const roles = ['teacher', 'departmentHead', 'counsellor', 'principal', 'schoolAdmin', 'nurse'] as const satisfies readonly AddRoleInput['role'][];
export type Role = (typeof roles)[number];

export const schoolsQuery = queryOptions({
  queryKey: ['administration', 'schools'],
  queryFn: ({ signal }) => api<Schools>('/api/administration/schools', { signal }),
});
export const staffQuery = (schoolId: string) => queryOptions({
  queryKey: ['administration', schoolId, 'staff'],
  queryFn: ({ signal }) => api<StaffList>(`${base(schoolId)}/staff`, { signal }),
});
export const groupsQuery = (schoolId: string) => queryOptions({
  queryKey: ['administration', schoolId, 'groups'],
  queryFn: ({ signal }) => api<Groups>(`${base(schoolId)}/groups`, { signal }),
});
export const membersQuery = (schoolId: string, groupId: string) => queryOptions({
  queryKey: ['administration', schoolId, 'members', groupId],
  queryFn: ({ signal }) => api<Members>(`${base(schoolId)}/groups/${enc(groupId)}/members`, { signal }),
});
export const studentSearchQuery = (schoolId: string, q: string) => queryOptions({
  queryKey: ['administration', schoolId, 'students', q],
  queryFn: ({ signal }) => api<StudentHits>(`${base(schoolId)}/students`, { query: { q }, signal }),
  enabled: q.trim().length >= 2,
});

/** Every change invalidates the school's administration pages (and the menu's `me`, whose roles may change). */
function useAdminMutation<V>(call: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['administration'] });
      await qc.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

export const useRenameSchool = (schoolId: string) =>
  useAdminMutation((body: RenameInput) => api(base(schoolId), { method: 'PUT', body }));

export const useAddRole = (schoolId: string) =>
  useAdminMutation(({ staffMemberId, ...body }: AddRoleInput & { staffMemberId: string }) =>
    api<RoleResult>(`${base(schoolId)}/staff/${enc(staffMemberId)}/roles`, { method: 'POST', body }));

export const useRemoveRole = (schoolId: string) =>
  useAdminMutation(({ staffMemberId, roleId, ...body }: ReasonInput & { staffMemberId: string; roleId: string }) =>
    api(`${base(schoolId)}/staff/${enc(staffMemberId)}/roles/${enc(roleId)}/remove`, { method: 'POST', body }));

export const useAddMember = (schoolId: string, groupId: string) =>
  useAdminMutation((body: AddMemberInput) => api(`${base(schoolId)}/groups/${enc(groupId)}/members`, { method: 'POST', body }));

export const useEndMember = (schoolId: string) =>
  useAdminMutation(({ enrolmentId, ...body }: EndMemberInput & { enrolmentId: string }) =>
    api(`${base(schoolId)}/memberships/${enc(enrolmentId)}/end`, { method: 'POST', body }));

export const useAssignContactTeacher = (schoolId: string) =>
  useAdminMutation(({ groupId, ...body }: AssignInput & { groupId: string }) =>
    api(`${base(schoolId)}/groups/${enc(groupId)}/contact-teachers`, { method: 'POST', body }));

export const useUnassignContactTeacher = (schoolId: string) =>
  useAdminMutation(({ groupId, staffMemberId, ...body }: ReasonInput & { groupId: string; staffMemberId: string }) =>
    api(`${base(schoolId)}/groups/${enc(groupId)}/contact-teachers/${enc(staffMemberId)}/remove`, { method: 'POST', body }));
