/** Every statement of in-app notifications: they carry no content, only a kind and a link the policy checks on opening. */
import type { QueryFn } from '../../../core/db/client.js';
import type { StudentFacts } from '../../../core/policy/types.js';

/** the department head of the student's department is told — a link only, no content. Returns how many were told. */
export async function notifyDepartmentHeads(q: QueryFn, student: StudentFacts, conversationId: string): Promise<number> {
  if (!student.departmentId) return 0;
  const rows = await q<{ id: string }>(
    `insert into notification (owner_id, id, recipient_person_id, kind, link)
     select distinct on (sm.person_id) sm.owner_id, gen_random_uuid(), sm.person_id, 'conversation.newImportantInformation', $3
     from staff_role r join staff_member sm on sm.owner_id = r.owner_id and sm.id = r.staff_member_id
     where r.owner_id = $1 and r.role = 'departmentHead' and r.department_id = $2 and sm.school_id = $4
     returning id`,
    [student.ownerId, student.departmentId, `/conversations/${conversationId}`, student.schoolId],
  );
  return rows.length;
}

export interface NotificationRow { id: string; kind: string; link: string; created_at: Date; read_at: Date | null }

/** A person's latest 50 notifications, newest first. */
export async function notificationsOf(q: QueryFn, ownerId: string, personId: string): Promise<NotificationRow[]> {
  return q<NotificationRow>(
    'select id, kind, link, created_at, read_at from notification where owner_id = $1 and recipient_person_id = $2 order by created_at desc limit 50',
    [ownerId, personId],
  );
}

/** Marks one of the person's notifications read (the first time only); false when it is not theirs or does not exist. */
export async function markNotificationRead(q: QueryFn, ownerId: string, notificationId: string, personId: string): Promise<boolean> {
  const rows = await q('update notification set read_at = coalesce(read_at, now()) where owner_id = $1 and id = $2 and recipient_person_id = $3 returning id',
    [ownerId, notificationId, personId]);
  return rows.length > 0;
}

/** The student each of these conversations is about (a department head's notice links to the conversation). */
export async function studentsOfConversations(q: QueryFn, ownerId: string, conversationIds: readonly string[]): Promise<Map<string, string>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await q<{ id: string; student_id: string }>(
    'select id, student_id from conversation where owner_id = $1 and id = any($2::uuid[])', [ownerId, conversationIds]);
  return new Map(rows.map((r) => [r.id, r.student_id]));
}
