/**
 * conversation templates. A template's content lives in versions that never change: editing
 * saves a new version, and a conversation keeps the version it was planned and held with.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { QueryFn } from '../../core/db/client.js';
import type { ConversationKind } from './tables.js';
import { requireActor, staffSchool } from '../../core/http/access.js';
import { HttpError } from '../../core/http/errors.js';
import { builtinTemplates } from './builtinTemplates.js';
import {
  kindSchema, templateContentSchema, templateDetailSchema, templateSummarySchema, templateVersionSchema,
  type Localized, type Section, type SectionRule, type TemplateContent, type TemplateVersion,
} from './schemas.js';

/** What a section rule looks at (R-12: seed 003's page 2 is for minority-language students with ≤ 6 years' residence). */
export interface RuleSubject { minorityLanguage: boolean; yearsOfResidence: number | null; level: string; adult: boolean }

export function sectionApplies(rule: SectionRule | null, s: RuleSubject): boolean {
  if (!rule) return true;
  switch (rule.kind) {
    case 'minorityLanguageResidence':
      return s.minorityLanguage && s.yearsOfResidence !== null && s.yearsOfResidence <= rule.maxYears;
    case 'level':
      return (rule.levels as string[]).includes(s.level);
    case 'under18':
      return !s.adult;
  }
}

interface VersionRow { id: string; template_id: string; kind: ConversationKind; version: number; created_at: Date; title: Localized; sections: Section[] }

const VERSION_SQL = `select v.id, v.template_id, t.kind, v.version, v.created_at, v.title, v.sections
  from conversation_template_version v join conversation_template t on t.owner_id = v.owner_id and t.id = v.template_id`;

const toVersion = (r: VersionRow): TemplateVersion => ({
  id: r.id, templateId: r.template_id, kind: r.kind, version: r.version, createdAt: new Date(r.created_at).toISOString(),
  title: r.title, sections: r.sections,
});

export async function loadTemplateVersion(q: QueryFn, ownerId: string, versionId: string): Promise<(TemplateVersion & { schoolId: string }) | null> {
  const [r] = await q<VersionRow & { school_id: string }>(`${VERSION_SQL.replace('t.kind,', 't.kind, t.school_id,')} where v.owner_id = $1 and v.id = $2`, [ownerId, versionId]);
  return r ? { ...toVersion(r), schoolId: r.school_id } : null;
}

async function insertVersion(q: QueryFn, ownerId: string, templateId: string, content: TemplateContent, personId: string | null): Promise<void> {
  await q(
    `insert into conversation_template_version (owner_id, id, template_id, version, title, sections, created_by_person_id)
     select $1, $2, $3, coalesce(max(version), 0) + 1, $4, $5, $6 from conversation_template_version where owner_id = $1 and template_id = $3`,
    [ownerId, randomUUID(), templateId, JSON.stringify(content.title), JSON.stringify(content.sections), personId],
  );
}

/** Gives a school the templates Elevlos ships, where it does not have them yet (idempotent). */
export async function ensureBuiltinTemplates(q: QueryFn, ownerId: string, schoolId: string): Promise<void> {
  for (const b of builtinTemplates) {
    const [created] = await q<{ id: string }>(
      `insert into conversation_template (owner_id, id, school_id, kind, builtin_key) values ($1, $2, $3, $4, $5)
       on conflict (owner_id, school_id, builtin_key) do nothing returning id`,
      [ownerId, randomUUID(), schoolId, b.kind, b.key],
    );
    if (created) await insertVersion(q, ownerId, created.id, templateContentSchema.parse(b.content), null);
  }
}

const schoolOf = (req: FastifyRequest): string => staffSchool(req).schoolId;

async function summaries(q: QueryFn, ownerId: string, schoolId: string, templateId?: string) {
  const rows = await q<{ id: string; kind: ConversationKind; builtin_key: string | null; archived: boolean; current_id: string; current_version: number; title: Localized; version_count: number }>(
    `select t.id, t.kind, t.builtin_key, t.archived_at is not null as archived, v.id as current_id, v.version as current_version, v.title,
       (select count(*)::int from conversation_template_version x where x.owner_id = t.owner_id and x.template_id = t.id) as version_count
     from conversation_template t
     join lateral (select id, version, title from conversation_template_version v where v.owner_id = t.owner_id and v.template_id = t.id
       order by version desc limit 1) v on true
     where t.owner_id = $1 and t.school_id = $2 and ($3::uuid is null or t.id = $3::uuid)
     order by array_position(array['startOfYear','student','subject','guardian','adHoc'], t.kind), t.created_at`,
    [ownerId, schoolId, templateId ?? null],
  );
  return rows.map((r) => ({
    id: r.id, kind: r.kind, builtinKey: r.builtin_key, title: r.title, currentVersionId: r.current_id,
    currentVersion: r.current_version, versionCount: r.version_count, archived: r.archived,
  }));
}

async function detail(q: QueryFn, ownerId: string, schoolId: string, templateId: string) {
  const [summary] = await summaries(q, ownerId, schoolId, templateId);
  if (!summary) throw new HttpError(404, 'error.notFound');
  const versions = await q<{ id: string; version: number; created_at: Date; created_by: string | null }>(
    `select v.id, v.version, v.created_at, p.given_name || ' ' || p.family_name as created_by
     from conversation_template_version v left join person p on p.owner_id = v.owner_id and p.id = v.created_by_person_id
     where v.owner_id = $1 and v.template_id = $2 order by v.version desc`,
    [ownerId, templateId],
  );
  const current = await loadTemplateVersion(q, ownerId, summary.currentVersionId);
  return {
    ...summary,
    versions: versions.map((v) => ({ id: v.id, version: v.version, createdAt: new Date(v.created_at).toISOString(), createdBy: v.created_by })),
    current: { ...current!, schoolId: undefined },
  };
}

const templateParams = z.object({ templateId: z.uuid() });

export async function templateRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/conversation-templates', {
    config: { access: { kind: 'school', action: 'conversationTemplate.read' } },
    schema: { tags: ['conversations'], summary: "The school's conversation templates", response: { 200: z.object({ templates: z.array(templateSummarySchema) }) } },
  }, async (req) => ({ templates: await summaries(q, requireActor(req).ownerId, schoolOf(req)) }));

  r.get('/api/conversation-templates/:templateId', {
    config: { access: { kind: 'school', action: 'conversationTemplate.read' } },
    schema: { tags: ['conversations'], summary: 'A template with its version history', params: templateParams, response: { 200: templateDetailSchema } },
  }, async (req) => detail(q, requireActor(req).ownerId, schoolOf(req), req.params.templateId));

  r.get('/api/conversation-template-versions/:versionId', {
    config: { access: { kind: 'school', action: 'conversationTemplate.read' } },
    schema: { tags: ['conversations'], summary: 'One version of a template, as it was', params: z.object({ versionId: z.uuid() }), response: { 200: templateVersionSchema } },
  }, async (req) => {
    const v = await loadTemplateVersion(q, requireActor(req).ownerId, req.params.versionId);
    if (!v || v.schoolId !== schoolOf(req)) throw new HttpError(404, 'error.notFound');
    const { schoolId: _school, ...version } = v;
    return version;
  });

  r.post('/api/conversation-templates', {
    config: { access: { kind: 'school', action: 'conversationTemplate.manage' } },
    schema: {
      tags: ['conversations'], summary: 'Create a template (version 1)',
      body: templateContentSchema.extend({ kind: kindSchema }), response: { 201: templateDetailSchema },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const schoolId = schoolOf(req);
    const id = randomUUID();
    const { kind, ...content } = req.body;
    await app.database.transaction(async (tx) => {
      await tx('insert into conversation_template (owner_id, id, school_id, kind) values ($1, $2, $3, $4)', [actor.ownerId, id, schoolId, kind]);
      await insertVersion(tx, actor.ownerId, id, content, actor.personId);
    });
    return reply.status(201).send(await detail(q, actor.ownerId, schoolId, id));
  });

  r.post('/api/conversation-templates/:templateId/versions', {
    config: { access: { kind: 'school', action: 'conversationTemplate.manage' } },
    schema: {
      tags: ['conversations'], summary: 'Save an edit as a new version; earlier versions and the conversations held with them stay as they were',
      params: templateParams, body: templateContentSchema, response: { 201: templateDetailSchema },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const schoolId = schoolOf(req);
    const [summary] = await summaries(q, actor.ownerId, schoolId, req.params.templateId);
    if (!summary) throw new HttpError(404, 'error.notFound');
    await insertVersion(q, actor.ownerId, summary.id, req.body, actor.personId);
    return reply.status(201).send(await detail(q, actor.ownerId, schoolId, summary.id));
  });
}
