/** Every statement of measures. */
import type { QueryFn } from '../../core/db/client.js';
import type { MeasureStatus } from './tables.js';

export interface MeasureRow {
  id: string; student_id: string; goal: string; actions: string; owner_staff_member_id: string; owner_person_id: string; owner_name: string;
  starts_on: string; evaluate_on: string; evaluation: string; next_step: string; evaluated_on: string | null; status: MeasureStatus;
  class_team_meeting_id: string | null; case_id: string | null; basis_group_id: string | null; basis_group_name: string | null; week: number | null;
}

const SELECT = `select m.id, m.student_id, m.goal, m.actions, m.owner_staff_member_id, sm.person_id as owner_person_id,
  p.given_name || ' ' || p.family_name as owner_name, m.starts_on::text as starts_on, m.evaluate_on::text as evaluate_on,
  m.evaluation, m.next_step, m.evaluated_on::text as evaluated_on, m.status, m.class_team_meeting_id, m.case_id,
  ctm.basis_group_id, bg.name as basis_group_name, ctm.week
  from measure m
  join staff_member sm on sm.owner_id = m.owner_id and sm.id = m.owner_staff_member_id
  join person p on p.owner_id = sm.owner_id and p.id = sm.person_id
  left join class_team_meeting ctm on ctm.owner_id = m.owner_id and ctm.id = m.class_team_meeting_id
  left join basis_group bg on bg.owner_id = ctm.owner_id and bg.id = ctm.basis_group_id`;

/** Every measure about the student, the open ones first; the caller's policy decides which are shown. */
export async function measuresOf(q: QueryFn, ownerId: string, studentId: string): Promise<MeasureRow[]> {
  return q<MeasureRow>(`${SELECT} where m.owner_id = $1 and m.student_id = $2
    order by (m.status = 'ended'), m.evaluate_on, m.created_at`, [ownerId, studentId]);
}

export async function measureOf(q: QueryFn, ownerId: string, studentId: string, measureId: string): Promise<MeasureRow | undefined> {
  const [row] = await q<MeasureRow>(`${SELECT} where m.owner_id = $1 and m.student_id = $2 and m.id = $3`, [ownerId, studentId, measureId]);
  return row;
}

/** The open measures the person owns whose evaluation date has passed. */
export async function overdueOwnedBy(q: QueryFn, ownerId: string, personId: string, today: string): Promise<(MeasureRow & { student_name: string })[]> {
  return q(`${SELECT.replace('from measure m', ", sp.given_name || ' ' || sp.family_name as student_name from measure m")}
    join student s on s.owner_id = m.owner_id and s.id = m.student_id
    join person sp on sp.owner_id = s.owner_id and sp.id = s.person_id
    where m.owner_id = $1 and sm.person_id = $2 and m.status <> 'ended' and m.evaluate_on < $3::date
    order by m.evaluate_on limit 50`, [ownerId, personId, today]);
}

/** The staff member is at the school (the owner of a new measure must be). */
export async function staffMemberAt(q: QueryFn, ownerId: string, staffMemberId: string, schoolId: string): Promise<{ person_id: string } | undefined> {
  const [row] = await q<{ person_id: string }>('select person_id from staff_member where owner_id = $1 and id = $2 and school_id = $3', [ownerId, staffMemberId, schoolId]);
  return row;
}

/** The meeting has the student on its follow-up list (a class-team concern row). */
export async function concernExists(q: QueryFn, ownerId: string, meetingId: string, studentId: string): Promise<boolean> {
  const rows = await q('select 1 from class_team_concern where owner_id = $1 and meeting_id = $2 and student_id = $3', [ownerId, meetingId, studentId]);
  return rows.length > 0;
}

export interface NewMeasureRow {
  ownerId: string; id: string; studentId: string; goal: string; actions: string; ownerStaffMemberId: string;
  startsOn: string; evaluateOn: string; classTeamMeetingId: string | null; caseId: string | null; byPersonId: string;
}

export async function insertMeasure(q: QueryFn, m: NewMeasureRow): Promise<void> {
  await q(`insert into measure (owner_id, id, student_id, goal, actions, owner_staff_member_id, starts_on, evaluate_on, class_team_meeting_id,
      case_id, created_by_person_id, updated_by_person_id) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
  [m.ownerId, m.id, m.studentId, m.goal, m.actions, m.ownerStaffMemberId, m.startsOn, m.evaluateOn, m.classTeamMeetingId, m.caseId, m.byPersonId]);
}

export interface MeasureChange {
  goal: string; actions: string; ownerStaffMemberId: string; startsOn: string; evaluateOn: string;
  evaluation: string; nextStep: string; evaluatedOn: string | null; status: MeasureStatus; byPersonId: string;
}

export async function updateMeasure(q: QueryFn, ownerId: string, measureId: string, c: MeasureChange): Promise<void> {
  await q(`update measure set goal = $3, actions = $4, owner_staff_member_id = $5, starts_on = $6, evaluate_on = $7, evaluation = $8,
      next_step = $9, evaluated_on = $10, status = $11, updated_by_person_id = $12, updated_at = now()
    where owner_id = $1 and id = $2`,
  [ownerId, measureId, c.goal, c.actions, c.ownerStaffMemberId, c.startsOn, c.evaluateOn, c.evaluation, c.nextStep, c.evaluatedOn, c.status, c.byPersonId]);
}

export interface ProposalRow {
  meeting_id: string; basis_group_id: string; basis_group_name: string; week: number; proposed_measures: string; follow_up_by: string | null;
}

/** The class-team meetings' follow-up rows about the student with proposed measures that no measure came from yet. */
export async function openProposals(q: QueryFn, ownerId: string, studentId: string): Promise<ProposalRow[]> {
  return q<ProposalRow>(`select c.meeting_id, ctm.basis_group_id, bg.name as basis_group_name, ctm.week, c.proposed_measures,
      c.follow_up_by_staff_member_id as follow_up_by
    from class_team_concern c
    join class_team_meeting ctm on ctm.owner_id = c.owner_id and ctm.id = c.meeting_id
    join basis_group bg on bg.owner_id = ctm.owner_id and bg.id = ctm.basis_group_id
    where c.owner_id = $1 and c.student_id = $2 and c.proposed_measures <> ''
      and not exists (select 1 from measure m where m.owner_id = c.owner_id and m.student_id = c.student_id and m.class_team_meeting_id = c.meeting_id)
    order by ctm.updated_at desc`, [ownerId, studentId]);
}
