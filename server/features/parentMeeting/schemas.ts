/** The parent-meeting API's shapes. The web app takes its types from here (`import type`). */
import { z } from 'zod';
import { accessSchema } from '../../core/http/schemas.js';

export const INFORMATION_MAX = 5000;
export const basisParams = z.object({ basisGroupId: z.uuid() });
export const meetingParams = z.object({ basisGroupId: z.uuid(), meetingId: z.uuid() });

export const meetingBody = z.strictObject({
  heldOn: z.iso.date(),
  topic: z.string().trim().min(1).max(200),
  /** the information given, or a short summary: what the absent guardians are sent a link to */
  information: z.string().trim().min(1).max(INFORMATION_MAX),
  /** one row per guardian with insight of a student of the class; guardians left out are not recorded */
  attendance: z.array(z.strictObject({ studentId: z.uuid(), guardianPersonId: z.uuid(), present: z.boolean() })).max(500),
});
export type MeetingInput = z.infer<typeof meetingBody>;

export const attendanceSchema = z.object({
  studentId: z.string(), guardianPersonId: z.string(), guardianName: z.string(), present: z.boolean(), informedAt: z.string().nullable(),
});
export const meetingSchema = z.object({
  id: z.string(), heldOn: z.string(), topic: z.string(), information: z.string(), recordedBy: z.string(),
  attendance: z.array(attendanceSchema),
  present: z.int(), absent: z.int(), informed: z.int(),
});
export type Attendance = z.infer<typeof attendanceSchema>;
export type Meeting = z.infer<typeof meetingSchema>;

export const classMeetingsSchema = z.object({
  access: accessSchema,
  group: z.object({ id: z.string(), name: z.string(), level: z.string() }),
  today: z.string(),
  canManage: z.boolean(),
  /** the class's students and, for each, the guardians with insight today (adult students: only those they consented to) */
  families: z.array(z.object({
    studentId: z.string(), givenName: z.string(), familyName: z.string(),
    guardians: z.array(z.object({ personId: z.string(), name: z.string() })),
  })),
  meetings: z.array(meetingSchema),
});
export type ClassMeetings = z.infer<typeof classMeetingsSchema>;

export const informResultSchema = z.object({ informed: z.int() });
export type InformResult = z.infer<typeof informResultSchema>;

export const studentMeetingsSchema = z.object({
  access: accessSchema,
  student: z.object({ id: z.string(), givenName: z.string(), familyName: z.string() }),
  meetings: z.array(z.object({ id: z.string(), heldOn: z.string(), topic: z.string(), information: z.string(), className: z.string() })),
});
export type StudentMeetings = z.infer<typeof studentMeetingsSchema>;
