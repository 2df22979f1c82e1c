/**
 * conversation templates. A template's content lives in versions that never change: editing
 * saves a new version, and a conversation keeps the version it was planned and held with.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { QueryFn } from '../../core/db/client.js';
import { requireActor, staffSchool } from '../../core/http/access.js';
import { HttpError } from '../../core/http/errors.js';
import { builtinTemplates } from './builtinTemplates.js';
import {
  insertBuiltinTemplate, insertTemplate, insertTemplateVersion, templateSummaries, templateVersion, templateVersionHistory, type VersionRow,
} from './queries/templates.js';
import {
  newTemplateBody, templateContentSchema, templateDetailSchema, templateListSchema, templateVersionSchema, type SectionRule, type TemplateVersion,
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

const toVersion = (r: VersionRow): TemplateVersion => ({
  id: r.id, templateId: r.template_id, kind: r.kind, version: r.version, createdAt: new Date(r.created_at).toISOString(),
  title: r.title, sections: r.sections,
});

export async function loadTemplateVersion(q: QueryFn, ownerId: string, versionId: string): Promise<(TemplateVersion & { schoolId: string }) | null> {
  const r = await templateVersion(q, ownerId, versionId);
  return r ? { ...toVersion(r), schoolId: r.school_id } : null;
}

/** Gives a school the templates Elevlos ships, where it does not have them yet (idempotent). */
export async function ensureBuiltinTemplates(q: QueryFn, ownerId: string, schoolId: string): Promise<void> {
  for (const b of builtinTemplates) {
    const created = await insertBuiltinTemplate(q, ownerId, schoolId, b.kind, b.key);
    if (created) await insertTemplateVersion(q, ownerId, created, templateContentSchema.parse(b.content), null);
  }
}

const schoolOf = (req: FastifyRequest): string => staffSchool(req).schoolId;

async function summaries(q: QueryFn, ownerId: string, schoolId: string, templateId?: string) {
  const rows = await templateSummaries(q, ownerId, schoolId, templateId ?? null);
  return rows.map((r) => ({
    id: r.id, kind: r.kind, builtinKey: r.builtin_key, title: r.title, currentVersionId: r.current_id,
    currentVersion: r.current_version, versionCount: r.version_count, archived: r.archived,
  }));
}

async function detail(q: QueryFn, ownerId: string, schoolId: string, templateId: string) {
  const [summary] = await summaries(q, ownerId, schoolId, templateId);
  if (!summary) throw new HttpError(404, 'error.notFound');
  const versions = await templateVersionHistory(q, ownerId, templateId);
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
    schema: { tags: ['conversations'], summary: "The school's conversation templates", response: { 200: templateListSchema } },
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
      body: newTemplateBody, response: { 201: templateDetailSchema },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const schoolId = schoolOf(req);
    const id = randomUUID();
    const { kind, ...content } = req.body;
    await app.database.transaction(async (tx) => {
      await insertTemplate(tx, actor.ownerId, id, schoolId, kind);
      await insertTemplateVersion(tx, actor.ownerId, id, content, actor.personId);
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
    await insertTemplateVersion(q, actor.ownerId, summary.id, req.body, actor.personId);
    return reply.status(201).send(await detail(q, actor.ownerId, schoolId, summary.id));
  });
}
