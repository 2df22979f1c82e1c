/**
 * Every statement of parent meetings. Pass `database.query` or a transaction's query function.
 * Attendance rows are per guardian of a student; an absent guardian's row records when the information was sent.
 */
import type { Database, QueryFn } from '../../core/db/client.js';
import { loadGroupStudents } from '../../core/policy/facts.js';
import type { StudentFacts } from '../../core/policy/types.js';
import type { parentMeetingAttendance } from './tables.js';

type Attendance = typeof parentMeetingAttendance.$inferSelect;
/** One guardian's row to record: present or not. */
export type AttendanceInput = Pick<Attendance, 'studentId' | 'guardianPersonId' | 'present'>;
/** A student and guardian pair, as the attendance rows name them. */
export interface FamilyPair { studentId: string; personId: string }

export interface StudentNameRow { given_name: string; family_name: string }

/** The class's current students (core's statement) with their names. */
export async function classStudentsWithNames(database: Database, ownerId: string, basisGroupId: string, today: string): Promise<{ facts: StudentFacts; row: StudentNameRow }[]> {
  const rows = await loadGroupStudents(database, ownerId, { kind: 'basis', id: basisGroupId }, today, { columns: ', p.given_name, p.family_name', params: [] });
  return rows.map(({ facts, row }) => ({ facts, row: row as unknown as StudentNameRow }));
}

/** "Given Family" of each person, by id. */
export async function personNames(q: QueryFn, ownerId: string, personIds: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (personIds.length === 0) return [];
  return q<{ id: string; name: string }>(
    `select id, given_name || ' ' || family_name as name from person where owner_id = $1 and id = any($2::uuid[])`, [ownerId, personIds]);
}

export async function personName(q: QueryFn, ownerId: string, personId: string): Promise<StudentNameRow | undefined> {
  const [person] = await q<StudentNameRow>('select given_name, family_name from person where owner_id = $1 and id = $2', [ownerId, personId]);
  return person;
}

export interface ClassMeetingRow { id: string; held_on: string; topic: string; information: string; recorded_by: string }

/** The class's meetings, the latest first. */
export async function classMeetings(q: QueryFn, ownerId: string, basisGroupId: string): Promise<ClassMeetingRow[]> {
  return q<ClassMeetingRow>(
    `select m.id, m.held_on::text as held_on, m.topic, m.information, p.given_name || ' ' || p.family_name as recorded_by
       from parent_meeting m join person p on p.owner_id = m.owner_id and p.id = m.recorded_by_person_id
       where m.owner_id = $1 and m.basis_group_id = $2 order by m.held_on desc, m.recorded_at desc`, [ownerId, basisGroupId]);
}

export interface AttendanceRow { meeting_id: string; student_id: string; guardian_person_id: string; guardian_name: string; present: boolean; informed_at: string | Date | null }

/** Every attendance row of the meetings, by guardian's name. */
export async function meetingAttendance(q: QueryFn, ownerId: string, meetingIds: readonly string[]): Promise<AttendanceRow[]> {
  if (meetingIds.length === 0) return [];
  return q<AttendanceRow>(
    `select a.meeting_id, a.student_id, a.guardian_person_id, p.given_name || ' ' || p.family_name as guardian_name, a.present, a.informed_at
       from parent_meeting_attendance a join person p on p.owner_id = a.owner_id and p.id = a.guardian_person_id
       where a.owner_id = $1 and a.meeting_id = any($2::uuid[]) order by p.family_name, p.given_name`, [ownerId, meetingIds]);
}

/** Whether the class has the meeting. */
export async function meetingOfClassExists(q: QueryFn, ownerId: string, basisGroupId: string, meetingId: string): Promise<boolean> {
  const [m] = await q<{ id: string }>('select id from parent_meeting where owner_id = $1 and id = $2 and basis_group_id = $3', [ownerId, meetingId, basisGroupId]);
  return m !== undefined;
}

export interface MeetingFields { heldOn: string; topic: string; information: string }

export async function insertMeeting(q: QueryFn, ownerId: string, id: string, basisGroupId: string, m: MeetingFields, recordedByPersonId: string): Promise<void> {
  await q('insert into parent_meeting (owner_id, id, basis_group_id, held_on, topic, information, recorded_by_person_id) values ($1, $2, $3, $4, $5, $6, $7)',
    [ownerId, id, basisGroupId, m.heldOn, m.topic, m.information, recordedByPersonId]);
}

export async function updateMeeting(q: QueryFn, ownerId: string, meetingId: string, m: MeetingFields): Promise<void> {
  await q('update parent_meeting set held_on = $3, topic = $4, information = $5 where owner_id = $1 and id = $2',
    [ownerId, meetingId, m.heldOn, m.topic, m.information]);
}

/** Of the `editable` pairs, the rows no longer in `rows` go; other rows are kept as recorded. */
export async function deleteUnlistedAttendance(q: QueryFn, ownerId: string, meetingId: string, rows: readonly AttendanceInput[], editable: readonly FamilyPair[]): Promise<void> {
  await q(
    `delete from parent_meeting_attendance a where a.owner_id = $1 and a.meeting_id = $2
         and exists (select 1 from unnest($5::uuid[], $6::uuid[]) as e(s, p) where e.s = a.student_id and e.p = a.guardian_person_id)
         and not exists (select 1 from unnest($3::uuid[], $4::uuid[]) as x(s, p) where x.s = a.student_id and x.p = a.guardian_person_id)`,
    [ownerId, meetingId, rows.map((x) => x.studentId), rows.map((x) => x.guardianPersonId), editable.map((x) => x.studentId), editable.map((x) => x.personId)],
  );
}

/** Records present or absent per guardian; a row already recorded keeps when its information was sent. */
export async function upsertAttendance(q: QueryFn, ownerId: string, meetingId: string, rows: readonly AttendanceInput[]): Promise<void> {
  await q(
    `insert into parent_meeting_attendance (owner_id, meeting_id, student_id, guardian_person_id, present)
       select $1, $2, s, p, pr from unnest($3::uuid[], $4::uuid[], $5::boolean[]) as x(s, p, pr)
       on conflict (owner_id, meeting_id, student_id, guardian_person_id) do update set present = excluded.present`,
    [ownerId, meetingId, rows.map((x) => x.studentId), rows.map((x) => x.guardianPersonId), rows.map((x) => x.present)],
  );
}

/** The absent guardians who have not been sent the information yet. */
export async function absentNotInformed(q: QueryFn, ownerId: string, meetingId: string): Promise<{ student_id: string; guardian_person_id: string }[]> {
  return q<{ student_id: string; guardian_person_id: string }>(
    `select student_id, guardian_person_id from parent_meeting_attendance where owner_id = $1 and meeting_id = $2 and not present and informed_at is null`,
    [ownerId, meetingId]);
}

export async function markInformed(q: QueryFn, ownerId: string, meetingId: string, informedByPersonId: string, pairs: readonly FamilyPair[]): Promise<void> {
  await q(
    `update parent_meeting_attendance a set informed_at = now(), informed_by_person_id = $3
         from unnest($4::uuid[], $5::uuid[]) as x(s, p) where a.owner_id = $1 and a.meeting_id = $2 and a.student_id = x.s and a.guardian_person_id = x.p`,
    [ownerId, meetingId, informedByPersonId, pairs.map((x) => x.studentId), pairs.map((x) => x.personId)],
  );
}

/** In-app notices that hold only a link: the policy decides again when one is opened. */
export async function insertInformationNotices(q: QueryFn, ownerId: string, recipients: readonly { personId: string; link: string }[]): Promise<void> {
  await q(
    `insert into notification (owner_id, id, recipient_person_id, kind, link)
         select $1, gen_random_uuid(), p, 'parentMeeting.information', l from unnest($2::uuid[], $3::text[]) as x(p, l)`,
    [ownerId, recipients.map((x) => x.personId), recipients.map((x) => x.link)],
  );
}

export interface FamilyMeetingRow { id: string; held_on: string; topic: string; information: string; class_name: string }

/** The meetings of the classes, the latest first (the family's view). */
export async function meetingsOfClasses(q: QueryFn, ownerId: string, basisGroupIds: readonly string[]): Promise<FamilyMeetingRow[]> {
  if (basisGroupIds.length === 0) return [];
  return q<FamilyMeetingRow>(
    `select m.id, m.held_on::text as held_on, m.topic, m.information, bg.name as class_name from parent_meeting m
       join basis_group bg on bg.owner_id = m.owner_id and bg.id = m.basis_group_id
       where m.owner_id = $1 and m.basis_group_id = any($2::uuid[]) order by m.held_on desc`, [ownerId, basisGroupIds]);
}

export interface InformMailRow { email: string | null; preferred_locale: 'nb' | 'nn' | 'en'; group_name: string }

/** The guardian's address and language, and the meeting's class name, for one information e-mail. */
export async function informMailRecipient(q: QueryFn, ownerId: string, personId: string, meetingId: string): Promise<InformMailRow | undefined> {
  const [row] = await q<InformMailRow>(
    `select p.email, p.preferred_locale, bg.name as group_name from person p, parent_meeting m join basis_group bg on bg.owner_id = m.owner_id and bg.id = m.basis_group_id
       where p.owner_id = $1 and p.id = $2 and m.owner_id = $1 and m.id = $3`, [ownerId, personId, meetingId]);
  return row;
}
