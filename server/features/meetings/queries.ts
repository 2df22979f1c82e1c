/** Every statement of meetings. */
import type { QueryFn } from '../../core/db/client.js';
import type { MeetingKind, ParticipantKind, ShareRecipient } from './tables.js';

type Instant = Date | string;

export interface MeetingFactsRow {
  id: string; kind: MeetingKind; school_id: string; school_name: string;
  student_ids: string[]; staff_person_ids: string[]; team_person_ids: string[];
}

const FACTS = `select m.id, m.kind, m.school_id, sc.name as school_name,
    array(select ms.student_id from meeting_student ms where ms.owner_id = m.owner_id and ms.meeting_id = m.id) as student_ids,
    array(select mp.person_id from meeting_participant mp where mp.owner_id = m.owner_id and mp.meeting_id = m.id and mp.kind = 'staff') as staff_person_ids,
    array(select sm.person_id from resource_team_member r join staff_member sm on sm.owner_id = r.owner_id and sm.id = r.staff_member_id
      where r.owner_id = m.owner_id and r.school_id = m.school_id and m.kind = 'resourceTeam') as team_person_ids
  from meeting m join school sc on sc.owner_id = m.owner_id and sc.id = m.school_id`;

/** What the policy needs to know about meetings: their kind, school, students, staff taking part and the resource team. */
export async function meetingFactsRows(q: QueryFn, ownerId: string, meetingIds: string[]): Promise<MeetingFactsRow[]> {
  if (meetingIds.length === 0) return [];
  return q<MeetingFactsRow>(`${FACTS} where m.owner_id = $1 and m.id = any($2::uuid[])`, [ownerId, meetingIds]);
}

export interface MeetingRow {
  id: string; kind: MeetingKind; school_id: string; starts_at: Instant; place: string; minutes: string;
  minutes_updated_at: Instant | null; minutes_updated_by: string | null;
  participation_decided_by_person_id: string | null; participation_decided_by: string | null; participation_decided_on: string | null; participation_decision_note: string;
  consent_given_by_person_id: string | null; consent_given_by: string | null; consent_given_on: string | null; consent_covers_guardians: boolean; consent_note: string;
}

const NAME = (alias: string) => `${alias}.given_name || ' ' || ${alias}.family_name`;

export async function meetingRow(q: QueryFn, ownerId: string, meetingId: string): Promise<MeetingRow | undefined> {
  const [row] = await q<MeetingRow>(`select m.id, m.kind, m.school_id, m.starts_at, m.place, m.minutes, m.minutes_updated_at,
      ${NAME('mu')} as minutes_updated_by,
      m.participation_decided_by_person_id, ${NAME('pd')} as participation_decided_by, m.participation_decided_on::text as participation_decided_on,
      m.participation_decision_note,
      m.consent_given_by_person_id, ${NAME('cg')} as consent_given_by, m.consent_given_on::text as consent_given_on, m.consent_covers_guardians, m.consent_note
    from meeting m
    left join person mu on mu.owner_id = m.owner_id and mu.id = m.minutes_updated_by_person_id
    left join person pd on pd.owner_id = m.owner_id and pd.id = m.participation_decided_by_person_id
    left join person cg on cg.owner_id = m.owner_id and cg.id = m.consent_given_by_person_id
    where m.owner_id = $1 and m.id = $2`, [ownerId, meetingId]);
  return row;
}

export interface StudentNameRow { id: string; name: string; person_id: string }

export async function meetingStudents(q: QueryFn, ownerId: string, meetingId: string): Promise<StudentNameRow[]> {
  return q<StudentNameRow>(`select s.id, s.person_id, ${NAME('p')} as name from meeting_student ms
    join student s on s.owner_id = ms.owner_id and s.id = ms.student_id join person p on p.owner_id = s.owner_id and p.id = s.person_id
    where ms.owner_id = $1 and ms.meeting_id = $2 order by p.family_name, p.given_name`, [ownerId, meetingId]);
}

export interface ParticipantRow {
  id: string; kind: ParticipantKind; person_id: string | null; name: string; organisation: string; role: string; consent_covers: boolean;
}

export async function participantsOf(q: QueryFn, ownerId: string, meetingId: string): Promise<ParticipantRow[]> {
  return q<ParticipantRow>(`select mp.id, mp.kind, mp.person_id, coalesce(${NAME('p')}, mp.name) as name, mp.organisation, mp.role, mp.consent_covers
    from meeting_participant mp left join person p on p.owner_id = mp.owner_id and p.id = mp.person_id
    where mp.owner_id = $1 and mp.meeting_id = $2 order by array_position(array['staff','guardian','external'], mp.kind), mp.created_at`, [ownerId, meetingId]);
}

export interface AgendaRow { id: string; title: string; student_id: string | null; student_name: string | null; case_id: string | null }

export async function agendaOf(q: QueryFn, ownerId: string, meetingId: string): Promise<AgendaRow[]> {
  return q<AgendaRow>(`select a.id, a.title, a.student_id, ${NAME('p')} as student_name, a.case_id from meeting_agenda_item a
    left join student s on s.owner_id = a.owner_id and s.id = a.student_id left join person p on p.owner_id = s.owner_id and p.id = s.person_id
    where a.owner_id = $1 and a.meeting_id = $2 order by a.position`, [ownerId, meetingId]);
}

export interface DecisionRow { id: string; student_id: string; text: string; measure_id: string | null }

export async function decisionsOf(q: QueryFn, ownerId: string, meetingId: string): Promise<DecisionRow[]> {
  return q<DecisionRow>('select id, student_id, text, measure_id from meeting_decision where owner_id = $1 and meeting_id = $2 order by created_at', [ownerId, meetingId]);
}

export async function decisionOf(q: QueryFn, ownerId: string, meetingId: string, decisionId: string): Promise<DecisionRow | undefined> {
  const [row] = await q<DecisionRow>('select id, student_id, text, measure_id from meeting_decision where owner_id = $1 and meeting_id = $2 and id = $3', [ownerId, meetingId, decisionId]);
  return row;
}

export interface ActionRow {
  id: string; meeting_id: string; meeting_starts_at: Instant; student_id: string; description: string; responsible_name: string;
  due_on: string; done_at: Instant | null; done_by: string | null;
}

const ACTIONS = `select a.id, a.meeting_id, m.starts_at as meeting_starts_at, a.student_id, a.description, a.responsible_name, a.due_on::text as due_on,
    a.done_at, ${NAME('dp')} as done_by
  from meeting_action a join meeting m on m.owner_id = a.owner_id and m.id = a.meeting_id
  left join person dp on dp.owner_id = a.owner_id and dp.id = a.done_by_person_id`;

/**
 * The meeting's own actions, and those carried over: recorded at an earlier meeting of the same kind about
 * one of its students and still open, or closed at this meeting.
 */
export async function actionsFor(q: QueryFn, ownerId: string, meetingId: string): Promise<ActionRow[]> {
  return q<ActionRow>(`${ACTIONS}
    join meeting cur on cur.owner_id = a.owner_id and cur.id = $2
    where a.owner_id = $1 and (a.meeting_id = cur.id or (m.kind = cur.kind and m.starts_at < cur.starts_at
      and (a.done_at is null or a.done_in_meeting_id = cur.id)
      and a.student_id in (select ms.student_id from meeting_student ms where ms.owner_id = cur.owner_id and ms.meeting_id = cur.id)))
    order by (a.meeting_id = cur.id), m.starts_at, a.due_on, a.created_at`, [ownerId, meetingId]);
}

export interface ShareRow { id: string; recipient: ShareRecipient; participant_name: string | null; shared_by: string; shared_at: Instant }

export async function sharesOf(q: QueryFn, ownerId: string, meetingId: string): Promise<ShareRow[]> {
  return q<ShareRow>(`select sh.id, sh.recipient, mp.name as participant_name, ${NAME('p')} as shared_by, sh.shared_at
    from meeting_minutes_share sh join person p on p.owner_id = sh.owner_id and p.id = sh.shared_by_person_id
    left join meeting_participant mp on mp.owner_id = sh.owner_id and mp.id = sh.participant_id
    where sh.owner_id = $1 and sh.meeting_id = $2 order by sh.shared_at`, [ownerId, meetingId]);
}

export interface MeetingSummaryRow {
  id: string; kind: MeetingKind; starts_at: Instant; place: string; student_ids: string[]; student_names: string[];
  open_actions: number; shared: boolean;
}

const SUMMARY = `select m.id, m.kind, m.starts_at, m.place,
    array(select ms.student_id from meeting_student ms where ms.owner_id = m.owner_id and ms.meeting_id = m.id) as student_ids,
    array(select ${NAME('p')} from meeting_student ms join student s on s.owner_id = ms.owner_id and s.id = ms.student_id
      join person p on p.owner_id = s.owner_id and p.id = s.person_id where ms.owner_id = m.owner_id and ms.meeting_id = m.id order by p.family_name) as student_names,
    (select count(*)::int from meeting_action a where a.owner_id = m.owner_id and a.meeting_id = m.id and a.done_at is null) as open_actions,
    exists (select 1 from meeting_minutes_share sh where sh.owner_id = m.owner_id and sh.meeting_id = m.id and sh.recipient = 'guardians') as shared
  from meeting m`;

/** Every meeting about the student, the newest first; the caller's policy decides which are shown. */
export async function meetingsOfStudent(q: QueryFn, ownerId: string, studentId: string): Promise<MeetingSummaryRow[]> {
  return q<MeetingSummaryRow>(`${SUMMARY} where m.owner_id = $1
    and m.id in (select meeting_id from meeting_student where owner_id = $1 and student_id = $2) order by m.starts_at desc limit 200`, [ownerId, studentId]);
}

/** The meetings the person takes part in as staff, and the resource team's when they are a member. */
export async function meetingsOfPerson(q: QueryFn, ownerId: string, personId: string): Promise<MeetingSummaryRow[]> {
  return q<MeetingSummaryRow>(`${SUMMARY} where m.owner_id = $1 and (
      m.id in (select meeting_id from meeting_participant where owner_id = $1 and person_id = $2 and kind = 'staff')
      or (m.kind = 'resourceTeam' and m.school_id in (select r.school_id from resource_team_member r
        join staff_member sm on sm.owner_id = r.owner_id and sm.id = r.staff_member_id where r.owner_id = $1 and sm.person_id = $2)))
    order by m.starts_at desc limit 200`, [ownerId, personId]);
}

export async function resourceTeamMeetings(q: QueryFn, ownerId: string, schoolId: string): Promise<MeetingSummaryRow[]> {
  return q<MeetingSummaryRow>(`${SUMMARY} where m.owner_id = $1 and m.school_id = $2 and m.kind = 'resourceTeam' order by m.starts_at desc limit 100`, [ownerId, schoolId]);
}

export interface SharedMinutesRow { id: string; meeting_id: string; kind: MeetingKind; starts_at: Instant; text: string; shared_at: Instant; shared_by: string }

/** Minutes shared with the family of a meeting about this student alone (a meeting about several students is never shared). */
export async function sharedMinutesOf(q: QueryFn, ownerId: string, studentId: string): Promise<SharedMinutesRow[]> {
  return q<SharedMinutesRow>(`select sh.id, m.id as meeting_id, m.kind, m.starts_at, sh.text, sh.shared_at, ${NAME('p')} as shared_by
    from meeting_minutes_share sh join meeting m on m.owner_id = sh.owner_id and m.id = sh.meeting_id
    join person p on p.owner_id = sh.owner_id and p.id = sh.shared_by_person_id
    where sh.owner_id = $1 and sh.recipient = 'guardians'
      and (select array_agg(ms.student_id) from meeting_student ms where ms.owner_id = m.owner_id and ms.meeting_id = m.id) = array[$2::uuid]
    order by sh.shared_at desc`, [ownerId, studentId]);
}

export interface StaffOptionRow { staff_member_id: string; person_id: string; name: string; roles: string[] }

/** The school's staff with their roles: who can be added to a meeting or the resource team. */
export async function staffOfSchool(q: QueryFn, ownerId: string, schoolId: string): Promise<StaffOptionRow[]> {
  return q<StaffOptionRow>(`select sm.id as staff_member_id, sm.person_id, ${NAME('p')} as name,
      array(select r.role from staff_role r where r.owner_id = sm.owner_id and r.staff_member_id = sm.id order by r.role) as roles
    from staff_member sm join person p on p.owner_id = sm.owner_id and p.id = sm.person_id
    where sm.owner_id = $1 and sm.school_id = $2 order by p.family_name, p.given_name`, [ownerId, schoolId]);
}

export async function resourceTeamOf(q: QueryFn, ownerId: string, schoolId: string): Promise<StaffOptionRow[]> {
  return q<StaffOptionRow>(`select sm.id as staff_member_id, sm.person_id, ${NAME('p')} as name,
      array(select x.role from staff_role x where x.owner_id = sm.owner_id and x.staff_member_id = sm.id order by x.role) as roles
    from resource_team_member r join staff_member sm on sm.owner_id = r.owner_id and sm.id = r.staff_member_id
    join person p on p.owner_id = sm.owner_id and p.id = sm.person_id
    where r.owner_id = $1 and r.school_id = $2 order by p.family_name, p.given_name`, [ownerId, schoolId]);
}

export async function replaceResourceTeam(q: QueryFn, ownerId: string, schoolId: string, staffMemberIds: string[], byPersonId: string): Promise<void> {
  await q('delete from resource_team_member where owner_id = $1 and school_id = $2 and not (staff_member_id = any($3::uuid[]))', [ownerId, schoolId, staffMemberIds]);
  await q(`insert into resource_team_member (owner_id, school_id, staff_member_id, added_by_person_id)
    select $1, $2, x, $4 from unnest($3::uuid[]) as x on conflict do nothing`, [ownerId, schoolId, staffMemberIds, byPersonId]);
}

export interface NameRow { id: string; name: string }

export async function guardianNames(q: QueryFn, ownerId: string, personIds: string[]): Promise<NameRow[]> {
  if (personIds.length === 0) return [];
  return q<NameRow>(`select p.id, ${NAME('p')} as name from person p where p.owner_id = $1 and p.id = any($2::uuid[]) order by p.family_name, p.given_name`, [ownerId, personIds]);
}

export interface StudentHitRow { id: string; name: string; group_name: string | null }

/** Students at the school by name (at most 10): what it takes to put a student on the resource team's agenda. */
export async function studentsMatching(q: QueryFn, ownerId: string, schoolId: string, today: string, words: string[]): Promise<StudentHitRow[]> {
  return q<StudentHitRow>(`select s.id, ${NAME('p')} as name,
      (select bg.name from enrolment e join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
        where e.owner_id = s.owner_id and e.student_id = s.id and e.starts_on <= $3::date and (e.ends_on is null or e.ends_on > $3::date) limit 1) as group_name
    from student s join person p on p.owner_id = s.owner_id and p.id = s.person_id
    where s.owner_id = $1 and s.school_id = $2 and s.status = 'active'
      and (select bool_and(lower(p.given_name || ' ' || p.family_name) like '%' || w || '%') from unnest($4::text[]) as w)
    order by p.family_name, p.given_name limit 10`, [ownerId, schoolId, today, words]);
}

export async function studentAtSchool(q: QueryFn, ownerId: string, schoolId: string, studentId: string): Promise<boolean> {
  return (await q('select 1 from student where owner_id = $1 and school_id = $2 and id = $3', [ownerId, schoolId, studentId])).length > 0;
}

export async function staffMemberAt(q: QueryFn, ownerId: string, schoolId: string, staffMemberId: string): Promise<{ person_id: string } | undefined> {
  const [row] = await q<{ person_id: string }>('select person_id from staff_member where owner_id = $1 and school_id = $2 and id = $3', [ownerId, schoolId, staffMemberId]);
  return row;
}

// ---- writes

export interface NewMeeting { ownerId: string; id: string; schoolId: string; kind: MeetingKind; startsAt: string; place: string; byPersonId: string }

export async function insertMeeting(q: QueryFn, m: NewMeeting): Promise<void> {
  await q(`insert into meeting (owner_id, id, school_id, kind, starts_at, place, created_by_person_id) values ($1, $2, $3, $4, $5, $6, $7)`,
    [m.ownerId, m.id, m.schoolId, m.kind, m.startsAt, m.place, m.byPersonId]);
}

export async function addMeetingStudent(q: QueryFn, ownerId: string, meetingId: string, studentId: string): Promise<void> {
  await q('insert into meeting_student (owner_id, meeting_id, student_id) values ($1, $2, $3) on conflict do nothing', [ownerId, meetingId, studentId]);
}

export interface NewParticipant { kind: ParticipantKind; personId: string | null; name: string; organisation: string; role: string }

export async function insertParticipants(q: QueryFn, ownerId: string, meetingId: string, list: (NewParticipant & { id: string })[]): Promise<void> {
  for (const p of list) {
    await q(`insert into meeting_participant (owner_id, id, meeting_id, kind, person_id, name, organisation, role)
      select $1, $2, $3, $4, $5, $6, $7, $8
      where not exists (select 1 from meeting_participant where owner_id = $1 and meeting_id = $3 and $5::uuid is not null and person_id = $5)`,
    [ownerId, p.id, meetingId, p.kind, p.personId, p.name, p.organisation, p.role]);
  }
}

export async function deleteParticipant(q: QueryFn, ownerId: string, meetingId: string, participantId: string): Promise<number> {
  const rows = await q('delete from meeting_participant where owner_id = $1 and meeting_id = $2 and id = $3 returning id', [ownerId, meetingId, participantId]);
  return rows.length;
}

export async function updateMeetingFacts(q: QueryFn, ownerId: string, meetingId: string, startsAt: string, place: string): Promise<void> {
  await q('update meeting set starts_at = $3, place = $4, updated_at = now() where owner_id = $1 and id = $2', [ownerId, meetingId, startsAt, place]);
}

export async function saveParticipationDecision(q: QueryFn, ownerId: string, meetingId: string, byPersonId: string, on: string, note: string): Promise<void> {
  await q(`update meeting set participation_decided_by_person_id = $3, participation_decided_on = $4, participation_decision_note = $5, updated_at = now()
    where owner_id = $1 and id = $2`, [ownerId, meetingId, byPersonId, on, note]);
}

export async function saveConsent(q: QueryFn, ownerId: string, meetingId: string,
  c: { givenByPersonId: string; givenOn: string; guardians: boolean; externalParticipantIds: string[]; note: string }): Promise<void> {
  await q(`update meeting set consent_given_by_person_id = $3, consent_given_on = $4, consent_covers_guardians = $5, consent_note = $6, updated_at = now()
    where owner_id = $1 and id = $2`, [ownerId, meetingId, c.givenByPersonId, c.givenOn, c.guardians, c.note]);
  await q(`update meeting_participant set consent_covers = (id = any($3::uuid[])) where owner_id = $1 and meeting_id = $2`, [ownerId, meetingId, c.externalParticipantIds]);
}

/** Returns when the minutes were stored. */
export async function saveMinutes(q: QueryFn, ownerId: string, meetingId: string, text: string, byPersonId: string): Promise<Instant> {
  const [row] = await q<{ minutes_updated_at: Instant }>(`update meeting set minutes = $3, minutes_updated_at = now(), minutes_updated_by_person_id = $4
    where owner_id = $1 and id = $2 returning minutes_updated_at`, [ownerId, meetingId, text, byPersonId]);
  return row!.minutes_updated_at;
}

export async function insertAgendaItem(q: QueryFn, ownerId: string, meetingId: string, item: { id: string; title: string; studentId: string | null; caseId: string | null }): Promise<void> {
  await q(`insert into meeting_agenda_item (owner_id, id, meeting_id, position, title, student_id, case_id)
    values ($1, $2, $3, (select coalesce(max(position), 0) + 1 from meeting_agenda_item where owner_id = $1 and meeting_id = $3), $4, $5, $6)`,
  [ownerId, item.id, meetingId, item.title, item.studentId, item.caseId]);
}

export async function insertDecision(q: QueryFn, ownerId: string, meetingId: string, d: { id: string; studentId: string; text: string; byPersonId: string }): Promise<void> {
  await q('insert into meeting_decision (owner_id, id, meeting_id, student_id, text, created_by_person_id) values ($1, $2, $3, $4, $5, $6)',
    [ownerId, d.id, meetingId, d.studentId, d.text, d.byPersonId]);
}

export async function linkDecisionMeasure(q: QueryFn, ownerId: string, decisionId: string, measureId: string): Promise<void> {
  await q('update meeting_decision set measure_id = $3 where owner_id = $1 and id = $2', [ownerId, decisionId, measureId]);
}

export interface NewAction { id: string; studentId: string; description: string; responsibleParticipantId: string | null; responsibleName: string; dueOn: string; byPersonId: string }

export async function insertAction(q: QueryFn, ownerId: string, meetingId: string, a: NewAction): Promise<void> {
  await q(`insert into meeting_action (owner_id, id, meeting_id, student_id, description, responsible_participant_id, responsible_name, due_on, created_by_person_id)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [ownerId, a.id, meetingId, a.studentId, a.description, a.responsibleParticipantId, a.responsibleName, a.dueOn, a.byPersonId]);
}

export async function markAction(q: QueryFn, ownerId: string, actionId: string, done: boolean, byPersonId: string, inMeetingId: string): Promise<void> {
  await q(`update meeting_action set done_at = case when $3 then now() end, done_by_person_id = case when $3 then $4::uuid end,
      done_in_meeting_id = case when $3 then $5::uuid end where owner_id = $1 and id = $2`, [ownerId, actionId, done, byPersonId, inMeetingId]);
}

export async function insertShare(q: QueryFn, ownerId: string, meetingId: string, s: { id: string; recipient: ShareRecipient; participantId: string | null; text: string; byPersonId: string }): Promise<void> {
  await q(`insert into meeting_minutes_share (owner_id, id, meeting_id, recipient, participant_id, text, shared_by_person_id) values ($1, $2, $3, $4, $5, $6, $7)`,
    [ownerId, s.id, meetingId, s.recipient, s.participantId, s.text, s.byPersonId]);
}

/** The measure exists and is about the student (the measures feature made it; this only links to it). */
export async function measureAbout(q: QueryFn, ownerId: string, measureId: string, studentId: string): Promise<boolean> {
  return (await q('select 1 from measure where owner_id = $1 and id = $2 and student_id = $3', [ownerId, measureId, studentId])).length > 0;
}
