/**
 * The import and sync (issue 13), for the school admin: upload the files (a zip, or one CSV file) →
 * the read job makes the preview → apply (all, or only the valid rows) or cancel → the apply job with
 * its progress → the log. The templates of the plain CSV set, and the school's nightly FINT sync.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { zipSync } from 'fflate';
import { writeAudit } from '../../core/audit/audit.js';
import { accessOf, requireActor, staffSchool } from '../../core/http/access.js';
import { HttpError, badField } from '../../core/http/errors.js';
import { t } from '../../core/i18n/messages.js';
import { MAX_UPLOAD_BYTES } from './adapters/index.js';
import { TEMPLATES } from './adapters/csv/templates.js';
import { templateCsv, templatesZip, fileName } from './adapters/csv/write.js';
import { enqueueApply, enqueueRead, registerNightlyJob, startFintSync } from './jobs.js';
import * as imports from './queries/imports.js';
import { fintSettingOf, upsertFintSetting } from './queries/settings.js';
import { setAnnualHours, subjectsOfSchool } from './queries/subjects.js';
import {
  applyBody, createdSchema, importDetailSchema, importListSchema, importParams, langQuery, scheduleBody, scheduleSchema, subjectHoursBody,
  subjectParams, subjectsSchema, templateParams, templatesSchema, uploadQuery,
} from './schemas.js';
import { detailOf, summaryOf } from './view.js';

const tags = ['rosterImport'];
const UPLOAD_TYPES = ['application/zip', 'application/x-zip-compressed', 'application/octet-stream', 'text/csv'];

export async function rosterImportRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;
  registerNightlyJob(app.database);

  // the files arrive as they are (not as JSON); only this plugin's routes take them
  app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body));

  const nameOf = (actor: { givenName: string; familyName: string }) => `${actor.givenName} ${actor.familyName}`;
  const audit = (actorPersonId: string, ownerId: string, action: string, importId: string, schoolName: string) => writeAudit(app.database, [{
    ownerId, actorPersonId, action, resourceType: 'rosterImport', resourceId: importId, studentId: null, decision: 'allow',
    reason: { code: 'schoolAdmin', params: { school: schoolName } },
  }]);

  r.get('/api/roster-import/templates', {
    config: { access: { kind: 'school', action: 'rosterImport.templates' } },
    schema: { tags, summary: 'The plain CSV set: one template per kind, its columns (nb, nn and English headers), what each holds and an example', response: { 200: templatesSchema } },
  }, async (req) => ({
    access: accessOf(req),
    templates: TEMPLATES.map((tm) => ({
      kind: tm.kind, file: tm.file, title: tm.title,
      columns: tm.columns.map((c) => ({ headers: c.headers, required: c.required, help: c.help, example: c.example })),
    })),
  }));

  r.get('/api/roster-import/templates/:kind.csv', {
    config: { access: { kind: 'school', action: 'rosterImport.templates' } },
    schema: { tags, summary: "One kind's template (UTF-8 with BOM, semicolons), headers in the chosen language (default: the caller's)", params: templateParams, querystring: langQuery, produces: ['text/csv'] },
  }, async (req, reply) => {
    const lang = req.query.lang ?? req.locale;
    const tm = TEMPLATES.find((x) => x.kind === req.params.kind)!;
    const name = fileName(tm, lang);
    return reply.type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${tm.kind}.csv"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(templateCsv(tm.kind, lang));
  });

  r.get('/api/roster-import/templates.zip', {
    config: { access: { kind: 'school', action: 'rosterImport.templates' } },
    schema: { tags, summary: 'Every template in one zip', querystring: langQuery, produces: ['application/zip'] },
  }, async (req, reply) => {
    const lang = req.query.lang ?? req.locale;
    return reply.type('application/zip').header('content-disposition', `attachment; filename="elevlos-maler-${lang}.zip"`).send(Buffer.from(templatesZip(lang)));
  });

  r.post('/api/roster-import/imports', {
    bodyLimit: MAX_UPLOAD_BYTES,
    config: { access: { kind: 'school', action: 'rosterImport.upload' } },
    schema: {
      tags, querystring: uploadQuery, response: { 202: createdSchema },
      summary: 'Upload the files to import (application/zip: the CSV set or a OneRoster 1.2 zip; or one CSV file as text/csv with ?file=elever.csv). Nothing is written: the preview follows',
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const { schoolId } = staffSchool(req);
    const body = req.body as unknown;
    if (!Buffer.isBuffer(body) || body.length === 0) throw badField('body', 'rosterImport.wrongContentType');
    const isCsv = String(req.headers['content-type'] ?? '').startsWith('text/csv');
    if (isCsv && !req.query.file) throw badField('file', 'rosterImport.fileName');
    const content = isCsv ? zipSync({ [req.query.file!]: new Uint8Array(body) }) : new Uint8Array(body);
    const id = randomUUID();
    await app.database.transaction(async (tx) => {
      await imports.insertImport(tx, actor.ownerId, id, {
        schoolId, source: 'csv', trigger: 'upload', createdByPersonId: actor.personId,
        log: [{ at: new Date().toISOString(), key: 'rosterImport.log.uploaded', params: { name: nameOf(actor), bytes: body.length } }],
      });
      await imports.insertUpload(tx, actor.ownerId, id, content);
    });
    await enqueueRead(app.database, { ownerId: actor.ownerId, importId: id });
    await audit(actor.personId, actor.ownerId, 'rosterImport.upload', id, staffSchool(req).schoolName);
    return reply.code(202).send({ id });
  });

  r.get('/api/roster-import/imports', {
    config: { access: { kind: 'school', action: 'rosterImport.list' } },
    schema: { tags, summary: "The log of the school's imports, newest first", response: { 200: importListSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const adminOf = actor.staff.filter((s) => s.roles.some((x) => x.role === 'schoolAdmin')).map((s) => s.schoolId);
    const rows = await imports.importsOfSchools(q, actor.ownerId, adminOf, 100);
    return { access: accessOf(req), imports: rows.map(summaryOf) };
  });

  r.get('/api/roster-import/imports/:importId', {
    config: { access: { kind: 'rosterImport', action: 'rosterImport.read' } },
    schema: { tags, summary: 'One import: its progress, the preview per kind with the first rows, the errors by file, line and field, and its log', params: importParams, response: { 200: importDetailSchema } },
  }, async (req) => {
    const row = await imports.importById(q, requireActor(req).ownerId, req.params.importId);
    if (!row) throw new HttpError(404, 'error.notFound');
    return detailOf(row, req.locale, accessOf(req));
  });

  r.post('/api/roster-import/imports/:importId/apply', {
    config: { access: { kind: 'rosterImport', action: 'rosterImport.apply' } },
    schema: {
      tags, params: importParams, body: applyBody, response: { 202: importDetailSchema },
      summary: 'Apply the previewed import (a background job; poll the import for progress). With errors, only when onlyValid: the rows with errors, and those that point at them, are left out',
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const imp = await imports.importById(q, actor.ownerId, req.params.importId);
    if (!imp) throw new HttpError(404, 'error.notFound');
    const onlyValid = req.body.onlyValid;
    if (imp.status !== 'ready') throw new HttpError(409, 'rosterImport.notReady', { status: t(req.locale, `rosterImport.status.${imp.status}`) });
    if (imp.errorCount > 0 && !onlyValid) throw badField('onlyValid', 'rosterImport.hasErrors');
    const key = onlyValid && imp.errorCount > 0 ? 'rosterImport.log.applyValidRequested' : 'rosterImport.log.applyRequested';
    if (!await imports.markApplying(q, actor.ownerId, imp.id, actor.personId, onlyValid, [{ at: new Date().toISOString(), key, params: { name: nameOf(actor) } }])) {
      throw new HttpError(409, 'rosterImport.notReady', { status: t(req.locale, `rosterImport.status.${(await imports.statusOf(q, actor.ownerId, imp.id)) ?? 'failed'}`) });
    }
    await enqueueApply(app.database, { ownerId: actor.ownerId, importId: imp.id });
    await audit(actor.personId, actor.ownerId, 'rosterImport.apply', imp.id, imp.schoolName);
    return reply.code(202).send(detailOf((await imports.importById(q, actor.ownerId, imp.id))!, req.locale, accessOf(req)));
  });

  r.post('/api/roster-import/imports/:importId/cancel', {
    config: { access: { kind: 'rosterImport', action: 'rosterImport.cancel' } },
    schema: { tags, summary: 'Cancel an import that waits for its preview or for the decision: nothing is written, the uploaded files are deleted', params: importParams, response: { 200: importDetailSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const imp = await imports.importById(q, actor.ownerId, req.params.importId);
    if (!imp) throw new HttpError(404, 'error.notFound');
    const done = await imports.markCancelled(q, actor.ownerId, imp.id, [{ at: new Date().toISOString(), key: 'rosterImport.log.cancelled', params: { name: nameOf(actor) } }]);
    if (!done) throw new HttpError(409, 'rosterImport.notReady', { status: t(req.locale, `rosterImport.status.${imp.status}`) });
    await imports.deleteUpload(q, actor.ownerId, imp.id);
    await audit(actor.personId, actor.ownerId, 'rosterImport.cancel', imp.id, imp.schoolName);
    return detailOf((await imports.importById(q, actor.ownerId, imp.id))!, req.locale, accessOf(req));
  });

  const scheduleView = async (ownerId: string, schoolId: string) => {
    const s = await fintSettingOf(q, ownerId, schoolId);
    const present = (name: string | null) => name === null || !!process.env[name];
    return {
      fintAvailable: true,
      fint: s ? {
        baseUrl: s.baseUrl, tokenUrl: s.tokenUrl, clientId: s.clientId, orgId: s.orgId, clientSecretEnv: s.clientSecretEnv, usernameEnv: s.usernameEnv,
        passwordEnv: s.passwordEnv, nightly: s.nightly, hour: s.hour, pageSize: s.pageSize, timetable: s.timetable, schools: s.schools,
        secretsPresent: present(s.clientSecretEnv) && present(s.usernameEnv) && present(s.passwordEnv),
      } : null,
    };
  };

  r.get('/api/roster-import/schedule', {
    config: { access: { kind: 'school', action: 'rosterImport.schedule' } },
    schema: { tags, summary: "The school's connection to FINT and its nightly sync (the secrets' variable names, never their values)", response: { 200: scheduleSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    return { access: accessOf(req), ...await scheduleView(actor.ownerId, staffSchool(req).schoolId) };
  });

  r.put('/api/roster-import/schedule', {
    config: { access: { kind: 'school', action: 'rosterImport.schedule' } },
    schema: { tags, summary: "Set the school's FINT connection and whether it syncs every night (at `hour`, UTC)", body: scheduleBody, response: { 200: scheduleSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const { schoolId } = staffSchool(req);
    await upsertFintSetting(q, actor.ownerId, { schoolId, ...req.body, usernameEnv: req.body.usernameEnv ?? null, passwordEnv: req.body.passwordEnv ?? null }, actor.personId);
    return { access: accessOf(req), ...await scheduleView(actor.ownerId, schoolId) };
  });

  // FINT has no annual hours: the admin gives them to the subjects the sync brought without, and a later sync keeps them
  r.get('/api/roster-import/subjects', {
    config: { access: { kind: 'school', action: 'rosterImport.subjects' } },
    schema: { tags, summary: "The school's subjects with their annual hours (årstimer), those unknown (0) first", response: { 200: subjectsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    return { access: accessOf(req), subjects: await subjectsOfSchool(q, actor.ownerId, staffSchool(req).schoolId) };
  });

  r.put('/api/roster-import/subjects/:subjectId', {
    config: { access: { kind: 'school', action: 'rosterImport.subjects' } },
    schema: {
      tags, params: subjectParams, body: subjectHoursBody, response: { 200: subjectsSchema },
      summary: "Set a subject's annual hours (a subject the school teaches); a sync whose source has none keeps them",
    },
  }, async (req) => {
    const actor = requireActor(req);
    const { schoolId, schoolName } = staffSchool(req);
    const before = await setAnnualHours(q, actor.ownerId, schoolId, req.params.subjectId, req.body.annualHours);
    if (!before) throw new HttpError(404, 'error.notFound');
    await writeAudit(app.database, [{
      ownerId: actor.ownerId, actorPersonId: actor.personId, action: 'rosterImport.subjectHours', resourceType: 'subject', resourceId: before.id, studentId: null,
      decision: 'allow', reason: { code: 'schoolAdmin', params: { school: schoolName, subject: before.code, from: String(before.annualHours), to: String(req.body.annualHours) } },
    }]);
    return { access: accessOf(req), subjects: await subjectsOfSchool(q, actor.ownerId, schoolId) };
  });

  r.post('/api/roster-import/schedule/run', {
    config: { access: { kind: 'school', action: 'rosterImport.schedule' } },
    schema: { tags, summary: "Sync from FINT now, as the nightly sync would (a preview first; without errors it applies itself)", response: { 202: createdSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const { schoolId, schoolName } = staffSchool(req);
    const id = await startFintSync(app.database, actor.ownerId, schoolId, { personId: actor.personId, name: nameOf(actor) });
    await audit(actor.personId, actor.ownerId, 'rosterImport.fintSync', id, schoolName);
    return reply.code(202).send({ id });
  });
}
