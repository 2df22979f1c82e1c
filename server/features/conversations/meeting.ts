/**
 * One conversation: what the caller may see of it (the meeting view) and the holder's writes —
 * notes per section with a visibility tier, follow-ups, held check-off with the department
 * head notified, delegation to a subject teacher, the student's preparation.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { QueryFn } from '../../core/db/client.js';
import type { ConversationKind } from './tables.js';
import type { Visibility } from '../../core/db/tables.js';
import { accessOf, requireActor } from '../../core/http/access.js';
import { HttpError, badField } from '../../core/http/errors.js';
import { can } from '../../core/policy/can.js';
import type { Actor, StudentFacts } from '../../core/policy/types.js';
import type { ConversationFacts } from './policy.js';
import { ageOn, isAdult } from '../../core/time.js';
import type { ConversationDetail, ConversationSummary } from './schemas.js';
import { loadTemplateVersion, sectionApplies } from './templates.js';

export interface ConversationRow {
  id: string; student_id: string; kind: ConversationKind; planned_at: Date | null; held_at: Date | null; cancelled_at: Date | null;
  place: string | null; video_link: string | null; holder_person_id: string; holder_name: string; delegated: boolean;
  teaching_group_id: string | null; subject_code: string | null; subject_name: string | null; new_important_information: boolean;
  preparation_started: boolean; student_takes_part: boolean; student_absent_reason: string | null; template_version_id: string | null;
}

export const CONVERSATION_SQL = `select c.id, c.student_id, c.kind, c.planned_at, c.held_at, c.cancelled_at, c.place, c.video_link,
    c.holder_person_id, hp.given_name || ' ' || hp.family_name as holder_name, c.delegated_by_person_id is not null as delegated,
    c.teaching_group_id, su.code as subject_code, su.name as subject_name, c.new_important_information,
    exists (select 1 from conversation_preparation x where x.owner_id = c.owner_id and x.conversation_id = c.id) as preparation_started,
    c.student_takes_part, c.student_absent_reason, c.template_version_id
  from conversation c
  join person hp on hp.owner_id = c.owner_id and hp.id = c.holder_person_id
  left join teaching_group tg on tg.owner_id = c.owner_id and tg.id = c.teaching_group_id
  left join subject su on su.owner_id = tg.owner_id and su.id = tg.subject_id`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function toSummary(r: ConversationRow): ConversationSummary {
  return {
    id: r.id, kind: r.kind,
    status: r.cancelled_at ? 'cancelled' : r.held_at ? 'held' : 'planned',
    plannedAt: iso(r.planned_at), heldAt: iso(r.held_at), place: r.place, videoLink: r.video_link,
    holder: { personId: r.holder_person_id, name: r.holder_name }, delegated: r.delegated,
    subject: r.teaching_group_id ? { teachingGroupId: r.teaching_group_id, code: r.subject_code ?? '', name: r.subject_name ?? '' } : null,
    newImportantInformation: r.new_important_information, preparationStarted: r.preparation_started,
  };
}

export function factsOf(r: ConversationRow, student: StudentFacts): ConversationFacts {
  return {
    conversationId: r.id, kind: r.kind, holderPersonId: r.holder_person_id, delegated: r.delegated,
    teachingGroupId: r.teaching_group_id, held: r.held_at !== null, student,
  };
}

/** Is the actor reading as the student or a guardian (the family), who see only what was shared? */
export function readsAsFamily(actor: Actor, student: StudentFacts): boolean {
  return actor.studentIds.includes(student.studentId) || actor.guardianOf.includes(student.studentId);
}

interface NoteRow { id: string; section_key: string; text: string; visibility: Visibility; shared_with_family: boolean; author_person_id: string; author_name: string; updated_at: Date }
interface FollowUpRow {
  id: string; conversation_id: string; description: string; responsible: 'student' | 'guardians' | 'school';
  responsible_person_id: string | null; responsible_name: string | null; due_on: string | null; done_at: Date | null; shared_with_family: boolean;
}

export const NOTE_SQL = `select n.id, n.section_key, n.text, n.visibility, n.shared_with_family, n.author_person_id,
    p.given_name || ' ' || p.family_name as author_name, n.updated_at
  from conversation_note n join person p on p.owner_id = n.owner_id and p.id = n.author_person_id`;

export const FOLLOW_UP_SQL = `select f.id, f.conversation_id, f.description, f.responsible, f.responsible_person_id,
    p.given_name || ' ' || p.family_name as responsible_name, f.due_on::text, f.done_at, f.shared_with_family
  from conversation_follow_up f left join person p on p.owner_id = f.owner_id and p.id = f.responsible_person_id`;

export const noteRecord = (n: { visibility: Visibility; author_person_id: string; shared_with_family: boolean }, student: StudentFacts) =>
  ({ type: 'record' as const, student, visibility: n.visibility, authorPersonId: n.author_person_id, sharedWithFamily: n.shared_with_family });

export function toNote(n: NoteRow, canEdit: boolean) {
  return {
    id: n.id, sectionKey: n.section_key, text: n.text, visibility: n.visibility, sharedWithFamily: n.shared_with_family,
    author: { personId: n.author_person_id, name: n.author_name }, updatedAt: new Date(n.updated_at).toISOString(), canEdit,
  };
}

export function toFollowUp(f: FollowUpRow) {
  return {
    id: f.id, conversationId: f.conversation_id, description: f.description, responsible: f.responsible,
    responsiblePerson: f.responsible_person_id ? { personId: f.responsible_person_id, name: f.responsible_name ?? '' } : null,
    dueOn: f.due_on, doneAt: iso(f.done_at), sharedWithFamily: f.shared_with_family,
  };
}

/** Follow-ups the caller may see: all of them for staff who may read the conversation, the shared ones for the family. */
export function visibleFollowUps(rows: FollowUpRow[], family: boolean) {
  return rows.filter((f) => !family || f.shared_with_family).map(toFollowUp);
}

export async function loadConversationRow(q: QueryFn, ownerId: string, conversationId: string): Promise<ConversationRow> {
  const [row] = await q<ConversationRow>(`${CONVERSATION_SQL} where c.owner_id = $1 and c.id = $2`, [ownerId, conversationId]);
  if (!row) throw new HttpError(404, 'error.notFound');
  return row;
}

/** Staff who teach or follow up the student: whom a follow-up can be given to. */
async function staffChoices(q: QueryFn, ownerId: string, student: StudentFacts) {
  return q<{ personId: string; name: string; subjectCode: string | null; teaches: boolean }>(
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

const DELEGABLE = new Set<ConversationKind>(['student', 'startOfYear', 'adHoc']);

/** Everything the caller may see about one conversation, and what they may do with it. */
export async function conversationDetail(app: FastifyInstance, req: FastifyRequest): Promise<ConversationDetail> {
  const actor = requireActor(req);
  const q = app.database.query;
  const student = req.student!;
  const row = await loadConversationRow(q, actor.ownerId, req.conversation!.conversationId);
  const facts = factsOf(row, student);
  const allowed = (action: Parameters<typeof can>[1]) => can(actor, action, { type: 'conversation', conversation: facts }, req.today).allow;
  const family = readsAsFamily(actor, student) && !allowed('conversation.hold');

  const [info] = await q<{ name: string; level: string; minority_language: boolean; years_of_residence: number | null; stage: string }>(
    `select p.given_name || ' ' || p.family_name as name, s.level, s.minority_language, s.years_of_residence, sc.stage
     from student s join person p on p.owner_id = s.owner_id and p.id = s.person_id join school sc on sc.owner_id = s.owner_id and sc.id = s.school_id
     where s.owner_id = $1 and s.id = $2`,
    [actor.ownerId, student.studentId],
  );
  const adult = isAdult(student.birthDate, req.today);
  const version = row.template_version_id ? await loadTemplateVersion(q, actor.ownerId, row.template_version_id) : null;
  const subject = { minorityLanguage: info!.minority_language, yearsOfResidence: info!.years_of_residence, level: info!.level, adult };

  const canReadPreparation = allowed('conversation.readPreparation');
  const [prep] = canReadPreparation
    ? await q<{ pleased_with: string; want_to_improve: string; need_help_with: string; raise_with_guardians: string; not_covered: string; updated_at: Date }>(
      'select * from conversation_preparation where owner_id = $1 and conversation_id = $2', [actor.ownerId, row.id])
    : [];
  const notes = (await q<NoteRow>(`${NOTE_SQL} where n.owner_id = $1 and n.conversation_id = $2 order by n.created_at`, [actor.ownerId, row.id]))
    .filter((n) => can(actor, 'record.read', noteRecord(n, student), req.today).allow);
  const followUps = await q<FollowUpRow>(`${FOLLOW_UP_SQL} where f.owner_id = $1 and f.conversation_id = $2 order by f.created_at`, [actor.ownerId, row.id]);

  const hold = allowed('conversation.hold') && !row.cancelled_at;
  const delegate = hold && info!.stage === 'upperSecondary' && DELEGABLE.has(row.kind) && !row.held_at
    && can(actor, 'conversation.delegate', { type: 'student', student }, req.today).allow;
  const choices = hold ? await staffChoices(q, actor.ownerId, student) : [];

  return {
    access: accessOf(req),
    conversation: { ...toSummary(row), studentTakesPart: row.student_takes_part, studentAbsentReason: family ? null : row.student_absent_reason },
    student: {
      id: student.studentId, name: info!.name, level: info!.level,
      age: student.birthDate ? ageOn(student.birthDate, req.today) : null, basisGroup: student.basisGroups[0]?.name ?? null,
    },
    template: version && !family
      ? { versionId: version.id, version: version.version, title: version.title, sections: version.sections.map((s) => ({ ...s, applies: sectionApplies(s.rule, subject) })) }
      : null,
    preparation: prep
      ? { pleasedWith: prep.pleased_with, wantToImprove: prep.want_to_improve, needHelpWith: prep.need_help_with,
          raiseWithGuardians: prep.raise_with_guardians, notCovered: prep.not_covered, updatedAt: iso(prep.updated_at) }
      : null,
    notes: notes.map((n) => toNote(n, hold)),
    followUps: visibleFollowUps(followUps, family),
    staffChoices: choices.map((c) => ({ personId: c.personId, name: c.name })),
    delegateChoices: delegate ? choices.filter((c) => c.teaches && c.personId !== actor.personId).map((c) => ({ personId: c.personId, name: c.name, subjectCode: c.subjectCode ?? '' })) : [],
    permissions: { hold, prepare: allowed('conversation.prepare') && !row.cancelled_at, readPreparation: canReadPreparation, delegate },
  };
}

/** The holder's writes refuse a cancelled conversation, and (except notes) a held one. */
export function assertOpen(row: ConversationRow, opts: { allowHeld?: boolean } = {}): void {
  if (row.cancelled_at) throw new HttpError(409, 'error.conversationCancelled');
  if (row.held_at && !opts.allowHeld) throw new HttpError(409, 'error.conversationHeld');
}

export async function upsertNote(q: QueryFn, req: FastifyRequest, row: ConversationRow, sectionKey: string, body: { text: string; visibility: Visibility; sharedWithFamily: boolean }) {
  const actor = requireActor(req);
  const student = req.student!;
  if (row.template_version_id) {
    const version = await loadTemplateVersion(q, actor.ownerId, row.template_version_id);
    if (version && !version.sections.some((s) => s.key === sectionKey) && sectionKey !== 'general') throw badField('sectionKey', 'field.unknownSection');
  }
  const [existing] = await q<NoteRow>(`${NOTE_SQL} where n.owner_id = $1 and n.conversation_id = $2 and n.section_key = $3`, [actor.ownerId, row.id, sectionKey]);
  // a note the holder cannot read (e.g. a counsellor's) is not theirs to overwrite
  if (existing && !can(actor, 'record.read', noteRecord(existing, student), req.today).allow) throw new HttpError(403, 'error.forbidden');
  if (body.text === '') {
    if (existing) await q('delete from conversation_note where owner_id = $1 and id = $2', [actor.ownerId, existing.id]);
    return null;
  }
  await q(
    `insert into conversation_note (owner_id, id, conversation_id, section_key, text, visibility, shared_with_family, author_person_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (owner_id, conversation_id, section_key) do update set text = excluded.text, visibility = excluded.visibility,
       shared_with_family = excluded.shared_with_family, author_person_id = excluded.author_person_id, updated_at = now()`,
    [actor.ownerId, randomUUID(), row.id, sectionKey, body.text, body.visibility, body.sharedWithFamily, actor.personId],
  );
  const [saved] = await q<NoteRow>(`${NOTE_SQL} where n.owner_id = $1 and n.conversation_id = $2 and n.section_key = $3`, [actor.ownerId, row.id, sectionKey]);
  return toNote(saved!, true);
}

/** the department head of the student's department is told — a link only, no content. */
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
