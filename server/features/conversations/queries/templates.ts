/** Every statement of conversation templates: a template, and its versions that never change. */
import { randomUUID } from 'node:crypto';
import type { QueryFn } from '../../../core/db/client.js';
import type { Localized, Section, TemplateContent } from '../schemas.js';
import type { ConversationKind } from '../tables.js';

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

export interface VersionRow {
  id: string; template_id: string; kind: ConversationKind; school_id: string; version: number; created_at: Date; title: Localized; sections: Section[];
}

const VERSION_SQL = `select v.id, v.template_id, t.kind, t.school_id, v.version, v.created_at, v.title, v.sections
  from conversation_template_version v join conversation_template t on t.owner_id = v.owner_id and t.id = v.template_id`;

/** One version of a template, with its template's kind and school. */
export async function templateVersion(q: QueryFn, ownerId: string, versionId: string): Promise<VersionRow | undefined> {
  const [row] = await q<VersionRow>(`${VERSION_SQL} where v.owner_id = $1 and v.id = $2`, [ownerId, versionId]);
  return row;
}

/** Saves content as the template's next version. */
export async function insertTemplateVersion(q: QueryFn, ownerId: string, templateId: string, content: TemplateContent, personId: string | null): Promise<void> {
  await q(
    `insert into conversation_template_version (owner_id, id, template_id, version, title, sections, created_by_person_id)
     select $1, $2, $3, coalesce(max(version), 0) + 1, $4, $5, $6 from conversation_template_version where owner_id = $1 and template_id = $3`,
    [ownerId, randomUUID(), templateId, JSON.stringify(content.title), JSON.stringify(content.sections), personId],
  );
}

export async function insertTemplate(q: QueryFn, ownerId: string, id: string, schoolId: string, kind: ConversationKind): Promise<void> {
  await q('insert into conversation_template (owner_id, id, school_id, kind) values ($1, $2, $3, $4)', [ownerId, id, schoolId, kind]);
}

/** Creates a built-in template for the school unless it has it; returns the new template's id, or null when it had it. */
export async function insertBuiltinTemplate(q: QueryFn, ownerId: string, schoolId: string, kind: ConversationKind, builtinKey: string): Promise<string | null> {
  const [created] = await q<{ id: string }>(
    `insert into conversation_template (owner_id, id, school_id, kind, builtin_key) values ($1, $2, $3, $4, $5)
       on conflict (owner_id, school_id, builtin_key) do nothing returning id`,
    [ownerId, randomUUID(), schoolId, kind, builtinKey],
  );
  return created?.id ?? null;
}

export interface TemplateSummaryRow {
  id: string; kind: ConversationKind; builtin_key: string | null; archived: boolean; current_id: string; current_version: number; title: Localized; version_count: number;
}

/** The school's templates (or the one with `templateId`) with their current version, in the order of a school year. */
export async function templateSummaries(q: QueryFn, ownerId: string, schoolId: string, templateId: string | null): Promise<TemplateSummaryRow[]> {
  return q<TemplateSummaryRow>(
    `select t.id, t.kind, t.builtin_key, t.archived_at is not null as archived, v.id as current_id, v.version as current_version, v.title,
       (select count(*)::int from conversation_template_version x where x.owner_id = t.owner_id and x.template_id = t.id) as version_count
     from conversation_template t
     join lateral (select id, version, title from conversation_template_version v where v.owner_id = t.owner_id and v.template_id = t.id
       order by version desc limit 1) v on true
     where t.owner_id = $1 and t.school_id = $2 and ($3::uuid is null or t.id = $3::uuid)
     order by array_position(array['startOfYear','student','subject','guardian','adHoc'], t.kind), t.created_at`,
    [ownerId, schoolId, templateId],
  );
}

export interface VersionHistoryRow { id: string; version: number; created_at: Date; created_by: string | null }

/** A template's versions, newest first, with who saved each. */
export async function templateVersionHistory(q: QueryFn, ownerId: string, templateId: string): Promise<VersionHistoryRow[]> {
  return q<VersionHistoryRow>(
    `select v.id, v.version, v.created_at, p.given_name || ' ' || p.family_name as created_by
     from conversation_template_version v left join person p on p.owner_id = v.owner_id and p.id = v.created_by_person_id
     where v.owner_id = $1 and v.template_id = $2 order by v.version desc`,
    [ownerId, templateId],
  );
}
