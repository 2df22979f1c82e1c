/**
 * Creating conversations and finding the school year and template they belong to: shared by the
 * conversation routes and by booking (a booked slot plans a conversation).
 */
import { randomUUID } from 'node:crypto';
import type { QueryFn } from '../../core/db/client.js';
import type { ConversationKind } from './tables.js';

/** The school year a day falls in (the owner's calendar), or null outside every school year. */
export async function schoolYearOn(q: QueryFn, ownerId: string, day: string): Promise<{ id: string; name: string; startsOn: string; endsOn: string } | null> {
  const [row] = await q<{ id: string; name: string; starts_on: string; ends_on: string }>(
    `select id, name, starts_on::text, ends_on::text from school_year
     where owner_id = $1 and starts_on <= $2::date and ends_on >= $2::date order by starts_on desc limit 1`,
    [ownerId, day],
  );
  return row ? { id: row.id, name: row.name, startsOn: row.starts_on, endsOn: row.ends_on } : null;
}

/** The current version of the school's template for a kind (the built-in one first), or null when none exists. */
export async function currentTemplateVersionId(q: QueryFn, ownerId: string, schoolId: string, kind: ConversationKind): Promise<string | null> {
  const [row] = await q<{ id: string }>(
    `select v.id from conversation_template t
     join conversation_template_version v on v.owner_id = t.owner_id and v.template_id = t.id
     where t.owner_id = $1 and t.school_id = $2 and t.kind = $3 and t.archived_at is null
     order by (t.builtin_key is null), t.created_at, v.version desc limit 1`,
    [ownerId, schoolId, kind],
  );
  return row?.id ?? null;
}

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
