/** The administration API's shapes (issue 13). The web app takes its types from here (`import type`). */
import { z } from 'zod';
import { staffRoles } from '../../core/db/tables.js';
import { accessSchema } from '../../core/http/schemas.js';

/** Why the admin makes the change: it goes into the audit log with who made it, and shows in the access log. */
const reason = z.string().max(500).refine((s) => s.trim().length >= 3, { params: { key: 'administration.reasonRequired' } });

export const schoolParams = z.object({ schoolId: z.uuid() });
export const staffParams = schoolParams.extend({ staffMemberId: z.uuid() });
export const roleParams = staffParams.extend({ roleId: z.uuid() });
export const groupParams = schoolParams.extend({ groupId: z.uuid() });
export const contactTeacherParams = groupParams.extend({ staffMemberId: z.uuid() });
export const enrolmentParams = schoolParams.extend({ enrolmentId: z.uuid() });

export const renameBody = z.strictObject({ name: z.string().trim().min(2).max(200), reason });
export type RenameInput = z.input<typeof renameBody>;

export const addRoleBody = z.strictObject({
  role: z.enum(staffRoles),
  /** the department a department head leads; required for that role, refused for the others */
  departmentId: z.uuid().nullable().default(null),
  reason,
});
export type AddRoleInput = z.input<typeof addRoleBody>;

export const reasonBody = z.strictObject({ reason });
export type ReasonInput = z.input<typeof reasonBody>;

export const addMemberBody = z.strictObject({ studentId: z.uuid(), startsOn: z.iso.date(), reason });
export type AddMemberInput = z.input<typeof addMemberBody>;

export const endMemberBody = z.strictObject({
  /** the first day the student is no longer in the group (the membership's end is exclusive) */
  endsOn: z.iso.date(),
  reason,
});
export type EndMemberInput = z.input<typeof endMemberBody>;

export const assignBody = z.strictObject({ staffMemberId: z.uuid(), reason });
export type AssignInput = z.input<typeof assignBody>;

export const studentSearchQuery = z.object({ q: z.string().trim().min(2).max(100) });

const schoolYearSchema = z.object({ id: z.string(), name: z.string(), startsOn: z.string(), endsOn: z.string() }).nullable();

export const schoolSchema = z.object({ id: z.string(), name: z.string(), stage: z.enum(['upperSecondary', 'compulsory']) });
export type School = z.infer<typeof schoolSchema>;

export const schoolsSchema = z.object({ access: accessSchema, schools: z.array(schoolSchema) });
export type Schools = z.infer<typeof schoolsSchema>;

const roleSchema = z.object({ id: z.string(), role: z.enum(staffRoles), departmentId: z.string().nullable(), departmentName: z.string().nullable() });

export const staffListSchema = z.object({
  access: accessSchema,
  school: schoolSchema,
  schoolYear: schoolYearSchema,
  staff: z.array(z.object({
    staffMemberId: z.string(),
    personId: z.string(),
    name: z.string(),
    title: z.string().nullable(),
    roles: z.array(roleSchema),
    /** from the assignments of the current school year, not from roles */
    contactTeacherOf: z.array(z.string()),
    subjectTeacherOf: z.array(z.string()),
    isMe: z.boolean(),
  })),
  departments: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type StaffList = z.infer<typeof staffListSchema>;
export type StaffEntry = StaffList['staff'][number];

export const roleResultSchema = roleSchema;
export type RoleResult = z.infer<typeof roleResultSchema>;

const groupSchema = z.object({
  id: z.string(),
  kind: z.enum(['basis', 'teaching']),
  name: z.string(),
  subjectName: z.string().nullable(),
  members: z.int(),
  contactTeachers: z.array(z.object({ staffMemberId: z.string(), name: z.string() })),
});
export type Group = z.infer<typeof groupSchema>;

export const groupsSchema = z.object({
  access: accessSchema,
  school: schoolSchema,
  schoolYear: schoolYearSchema,
  groups: z.array(groupSchema),
  /** whom a basis group's contact teacher can be: the school's staff */
  staff: z.array(z.object({ staffMemberId: z.string(), name: z.string() })),
});
export type Groups = z.infer<typeof groupsSchema>;

export const membersSchema = z.object({
  access: accessSchema,
  school: schoolSchema,
  group: groupSchema,
  today: z.string(),
  members: z.array(z.object({
    enrolmentId: z.string(), studentId: z.string(), name: z.string(), startsOn: z.string(), endsOn: z.string().nullable(),
    /** in the group today */
    current: z.boolean(),
  })),
});
export type Members = z.infer<typeof membersSchema>;
export type Member = Members['members'][number];

export const studentHitsSchema = z.object({
  students: z.array(z.object({ studentId: z.string(), name: z.string(), basisGroups: z.array(z.string()) })),
});
export type StudentHits = z.infer<typeof studentHitsSchema>;

export const createdSchema = z.object({ id: z.string() });
export const okSchema = z.object({ ok: z.literal(true) });
