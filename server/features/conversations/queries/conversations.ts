/**
 * Every statement about conversations themselves: the school year they belong to, planning one, the
 * meeting view's rows, and the holder's writes (time and place, held, delegated, cancelled).
 * `schoolYearOn` and `insertConversation` are also booking's (a booked slot plans a conversation).
 */
import { randomUUID } from 'node:crypto';
import type { QueryFn } from '../../../core/db/client.js';
import type { school } from '../../../core/db/tables.js';
import { STUDENT_FACTS_SQL } from '../../../core/policy/facts.js';
import type { StudentFacts } from '../../../core/policy/types.js';
import type { ConversationKind } from '../tables.js';
import { currentTemplateVersionId } from './templates.js';

/* ───────────── the school year ───────────── */

export interface SchoolYear { id: string; name: string; startsOn: string; endsOn: string }

/** The school year a day falls in (the owner's calendar), or null outside every school year. */
export async function schoolYearOn(q: QueryFn, ownerId: string, day: string): Promise<SchoolYear | null> {
  const [row] = await q<{ id: string; name: string; starts_on: string; ends_on: string }>(
    `select id, name, starts_on::text, ends_on::text from school_year
     where owner_id = $1 and starts_on <= $2::date and ends_on >= $2::date order by starts_on desc limit 1`,
    [ownerId, day],
  );
  return row ? { id: row.id, name: row.name, startsOn: row.starts_on, endsOn: row.ends_on } : null;
}

/* ───────────── planning one ───────────── */

export interface NewConversation {
  ownerId: string;
  studentId: string;
  schoolId: string;
  schoolYearId: string;
  kind: ConversationKind;
  holderPersonId: string;
  createdByPersonId: string;
  teachingGroupId?: string | null;
  templateVersionId?: string | null;
  plannedAt?: string | Date | null;
  place?: string | null;
  videoLink?: string | null;
}

/** Inserts a planned conversation; the template defaults to the school's current one for the kind. */
export async function insertConversation(q: QueryFn, c: NewConversation): Promise<string> {
  const id = randomUUID();
  const templateVersionId = c.templateVersionId ?? (await currentTemplateVersionId(q, c.ownerId, c.schoolId, c.kind));
  await q(
    `insert into conversation (owner_id, id, student_id, school_year_id, kind, template_version_id, teaching_group_id,
       holder_person_id, planned_at, place, video_link, created_by_person_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [c.ownerId, id, c.studentId, c.schoolYearId, c.kind, templateVersionId, c.teachingGroupId ?? null,
      c.holderPersonId, c.plannedAt ?? null, c.place ?? null, c.videoLink ?? null, c.createdByPersonId],
  );
  return id;
}

/* ───────────── reading ───────────── */

/** A conversation for the policy (its kind, holder, teaching group) beside the student facts core reads from the same row. */
export interface ConversationFactsRow {
  conversation_id: string; kind: ConversationKind; holder_person_id: string; delegated: boolean; teaching_group_id: string | null; held: boolean;
}

/**
 * A conversation's facts with its student's, in one round trip (the access hook's loader). The student
 * columns are core's (`toStudentFacts` reads them), hence the open record beside the typed ones.
 */
export async function conversationFactsRow(q: QueryFn, ownerId: string, conversationId: string, today: string): Promise<(ConversationFactsRow & Record<string, unknown>) | undefined> {
  const [row] = await q<ConversationFactsRow & Record<string, unknown>>(
    STUDENT_FACTS_SQL('cv.id = $3',
      `, cv.id as conversation_id, cv.kind, cv.holder_person_id, cv.delegated_by_person_id is not null as delegated,
         cv.teaching_group_id, cv.held_at is not null as held`,
      ' join conversation cv on cv.owner_id = s.owner_id and cv.student_id = s.id'),
    [ownerId, today, conversationId],
  );
  return row;
}

export interface ConversationRow {
  id: string; student_id: string; kind: ConversationKind; planned_at: Date | null; held_at: Date | null; cancelled_at: Date | null;
  place: string | null; video_link: string | null; holder_person_id: string; holder_name: string; delegated: boolean;
  teaching_group_id: string | null; subject_code: string | null; subject_name: string | null; new_important_information: boolean;
  preparation_started: boolean; student_takes_part: boolean; student_absent_reason: string | null; template_version_id: string | null;
}

const CONVERSATION_SQL = `select c.id, c.student_id, c.kind, c.planned_at, c.held_at, c.cancelled_at, c.place, c.video_link,
    c.holder_person_id, hp.given_name || ' ' || hp.family_name as holder_name, c.delegated_by_person_id is not null as delegated,
    c.teaching_group_id, su.code as subject_code, su.name as subject_name, c.new_important_information,
    exists (select 1 from conversation_preparation x where x.owner_id = c.owner_id and x.conversation_id = c.id) as preparation_started,
    c.student_takes_part, c.student_absent_reason, c.template_version_id
  from conversation c
  join person hp on hp.owner_id = c.owner_id and hp.id = c.holder_person_id
  left join teaching_group tg on tg.owner_id = c.owner_id and tg.id = c.teaching_group_id
  left join subject su on su.owner_id = tg.owner_id and su.id = tg.subject_id`;

export async function conversationRow(q: QueryFn, ownerId: string, conversationId: string): Promise<ConversationRow | undefined> {
  const [row] = await q<ConversationRow>(`${CONVERSATION_SQL} where c.owner_id = $1 and c.id = $2`, [ownerId, conversationId]);
  return row;
}

/** Every conversation of a student, cancelled ones too, latest first. */
export async function conversationsOfStudent(q: QueryFn, ownerId: string, studentId: string): Promise<ConversationRow[]> {
  return q<ConversationRow>(`${CONVERSATION_SQL} where c.owner_id = $1 and c.student_id = $2
      order by coalesce(c.held_at, c.planned_at, c.created_at) desc`, [ownerId, studentId]);
}

/** A student's conversations that were not cancelled (what shared notes and follow-ups hang on). */
export async function uncancelledConversationsOfStudent(q: QueryFn, ownerId: string, studentId: string): Promise<ConversationRow[]> {
  return q<ConversationRow>(`${CONVERSATION_SQL} where c.owner_id = $1 and c.student_id = $2 and c.cancelled_at is null`, [ownerId, studentId]);
}

export interface MyConversationRow extends ConversationRow { student_name: string }

/** A person's conversations: their own as a student, and those they hold; not held ones first, at most 200. */
export async function myConversations(q: QueryFn, ownerId: string, studentIds: string[], personId: string): Promise<MyConversationRow[]> {
  return q<MyConversationRow>(
    `${CONVERSATION_SQL.replace('from conversation c', `, sp.given_name || ' ' || sp.family_name as student_name from conversation c
        join student st on st.owner_id = c.owner_id and st.id = c.student_id join person sp on sp.owner_id = st.owner_id and sp.id = st.person_id`)}
       where c.owner_id = $1 and (c.student_id = any($2::uuid[]) or c.holder_person_id = $3) and c.cancelled_at is null
       order by c.held_at is not null, coalesce(c.planned_at, c.created_at) limit 200`,
    [ownerId, studentIds, personId],
  );
}

type School = typeof school.$inferSelect;

export interface ConversationStudentRow {
  name: string; level: string; minority_language: boolean; years_of_residence: number | null; stage: School['stage'];
}

/** What the meeting view shows of the student, and what the template's section rules look at. */
export async function conversationStudent(q: QueryFn, ownerId: string, studentId: string): Promise<ConversationStudentRow | undefined> {
  const [row] = await q<ConversationStudentRow>(
    `select p.given_name || ' ' || p.family_name as name, s.level, s.minority_language, s.years_of_residence, sc.stage
     from student s join person p on p.owner_id = s.owner_id and p.id = s.person_id join school sc on sc.owner_id = s.owner_id and sc.id = s.school_id
     where s.owner_id = $1 and s.id = $2`,
    [ownerId, studentId],
  );
  return row;
}

export interface StaffChoiceRow { personId: string; name: string; subjectCode: string | null; teaches: boolean }

/** Staff who teach or follow up the student: whom a follow-up can be given to. */
export async function staffChoices(q: QueryFn, ownerId: string, student: StudentFacts): Promise<StaffChoiceRow[]> {
  return q<StaffChoiceRow>(
    `select distinct on (p.id) p.id as "personId", p.given_name || ' ' || p.family_name as name, su.code as "subjectCode", tg.id is not null as teaches
     from staff_member sm join person p on p.owner_id = sm.owner_id and p.id = sm.person_id
     left join subject_teacher_assignment sta on sta.owner_id = sm.owner_id and sta.staff_member_id = sm.id and sta.teaching_group_id = any($3::uuid[])
     left join teaching_group tg on tg.owner_id = sta.owner_id and tg.id = sta.teaching_group_id
     left join subject su on su.owner_id = tg.owner_id and su.id = tg.subject_id
     where sm.owner_id = $1 and sm.school_id = $2 and (
       sta.teaching_group_id is not null
       or sm.id in (select staff_member_id from contact_teacher_assignment where owner_id = $1 and basis_group_id = any($4::uuid[]))
       or sm.id in (select staff_member_id from staff_role where owner_id = $1 and role in ('counsellor', 'principal')
                     or (role = 'departmentHead' and department_id = $5::uuid)))
     order by p.id, su.code`,
    [ownerId, student.schoolId, student.teachingGroups.map((g) => g.id), student.basisGroups.map((g) => g.id), student.departmentId],
  );
}

/** Whether the person is on the staff of the school. */
export async function isStaffOfSchool(q: QueryFn, ownerId: string, personId: string, schoolId: string): Promise<boolean> {
  const [staff] = await q('select 1 from staff_member where owner_id = $1 and person_id = $2 and school_id = $3', [ownerId, personId, schoolId]);
  return staff !== undefined;
}

/** The school's stage (delegation is for upper secondary only). */
export async function schoolStage(q: QueryFn, ownerId: string, schoolId: string): Promise<School['stage'] | undefined> {
  const [row] = await q<{ stage: School['stage'] }>('select stage from school where owner_id = $1 and id = $2', [ownerId, schoolId]);
  return row?.stage;
}

/** Whether the person is a subject teacher of any of these teaching groups. */
export async function teachesAnyOf(q: QueryFn, ownerId: string, personId: string, teachingGroupIds: string[]): Promise<boolean> {
  const [teaches] = await q(
    `select 1 from subject_teacher_assignment sta join staff_member sm on sm.owner_id = sta.owner_id and sm.id = sta.staff_member_id
       where sta.owner_id = $1 and sm.person_id = $2 and sta.teaching_group_id = any($3::uuid[])`,
    [ownerId, personId, teachingGroupIds],
  );
  return teaches !== undefined;
}

/* ───────────── the holder's writes ───────────── */

/** A change of time, place or video link (each only when `set`), and whether the student takes part. */
export interface ConversationArrangements {
  plannedAt: { set: boolean; value: string | null };
  place: { set: boolean; value: string | null };
  videoLink: { set: boolean; value: string | null };
  studentTakesPart: boolean;
  studentAbsentReason: string | null;
}

export async function updateConversationArrangements(q: QueryFn, ownerId: string, conversationId: string, a: ConversationArrangements): Promise<void> {
  await q(
    `update conversation set planned_at = case when $3 then $4::timestamptz else planned_at end, place = case when $5 then $6 else place end,
         video_link = case when $7 then $8 else video_link end, student_takes_part = $9, student_absent_reason = $10
       where owner_id = $1 and id = $2`,
    [ownerId, conversationId, a.plannedAt.set, a.plannedAt.value, a.place.set, a.place.value,
      a.videoLink.set, a.videoLink.value, a.studentTakesPart, a.studentAbsentReason],
  );
}

/**
 * Checks the conversation off as held (once). Checked off after the meeting: it was held at the agreed
 * time if that has passed, else now — "now" being the school's today when the clock is pinned (demo,
 * tests), so the annual cycle sees it held on time.
 */
export async function markConversationHeld(
  q: QueryFn, ownerId: string, conversationId: string, heldByPersonId: string, newImportantInformation: boolean, today: string,
): Promise<void> {
  await q(
    `with clock as (select case when now()::date > $5::date then ($5::date + time '12:00') at time zone 'Europe/Oslo' else now() end as now)
         update conversation set held_at = case when planned_at <= (select now from clock) then planned_at else (select now from clock) end, held_by_person_id = $3,
           new_important_information = $4, planned_at = coalesce(planned_at, (select now from clock))
         where owner_id = $1 and id = $2 and held_at is null`,
    [ownerId, conversationId, heldByPersonId, newImportantInformation, today],
  );
}

export async function delegateConversation(q: QueryFn, ownerId: string, conversationId: string, holderPersonId: string, delegatedByPersonId: string): Promise<void> {
  await q('update conversation set holder_person_id = $3, delegated_by_person_id = $4 where owner_id = $1 and id = $2',
    [ownerId, conversationId, holderPersonId, delegatedByPersonId]);
}

export async function cancelConversation(q: QueryFn, ownerId: string, conversationId: string): Promise<void> {
  await q('update conversation set cancelled_at = now() where owner_id = $1 and id = $2', [ownerId, conversationId]);
}
