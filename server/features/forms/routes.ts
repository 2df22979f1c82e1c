/**
 * Forms: the school (principal, school administrator, department head) defines the forms it
 * tracks — registration form, consents, agreements — for every student or one level, with a due date.
 * The contact teacher marks each student's form missing → received → checked on one page for the whole
 * class; the class checklist shows per form how many are in and who is missing; the student (and
 * guardians with insight) see the student's own outstanding forms.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { accessOf, requireActor, staffSchool } from '../../core/http/access.js';
import { HttpError, badField } from '../../core/http/errors.js';
import { can } from '../../core/policy/can.js';
import type { Actor, BasisGroupFacts } from '../../core/policy/types.js';
import { studentParams } from '../../core/http/schemas.js';
import { basisParams, classFormsSchema, formBody, formParams, formSchema, retireResultSchema, schoolFormsSchema, statusBody, studentFormsSchema, type ClassForms } from './schemas.js';
import {
  checklistStudents, formById, formsOfSchool, insertForm, retiredFormsOfSchool, schoolCounts, schoolStage, statusesOf, studentLevelAndName, updateForm,
} from './queries.js';
import { applies, applyChanges, setRetired } from './service.js';

const tags = ['forms'];
const byName = new Intl.Collator('nb');

export async function formRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  /** A level of the other stage (a grade at an upper secondary school) would make a form that applies to nobody. */
  async function checkLevel(actor: Actor, schoolId: string, level: string | null) {
    if (level === null) return;
    const ofStage = await schoolStage(q, actor.ownerId, schoolId) === 'upperSecondary' ? level.startsWith('vg') : level.startsWith('grade');
    if (!ofStage) throw badField('level', 'form.levelMismatch');
  }

  r.get('/api/forms', {
    config: { access: { kind: 'school', action: 'form.manage' } },
    schema: { tags, summary: "The school's forms, with how many students have handed each in", response: { 200: schoolFormsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const { schoolId } = staffSchool(req);
    const [forms, retired, counts] = await Promise.all([
      formsOfSchool(q, actor.ownerId, schoolId), retiredFormsOfSchool(q, actor.ownerId, schoolId), schoolCounts(q, actor.ownerId, schoolId)]);
    const withCounts = <F extends { id: string }>(f: F) => {
      const c = counts.get(f.id) ?? { students: 0, received: 0, checked: 0 };
      return { ...f, counts: { ...c, missing: Math.max(0, c.students - c.received - c.checked) } };
    };
    return { access: accessOf(req), forms: forms.map(withCounts), retired: retired.map(withCounts) };
  });

  r.post('/api/forms', {
    config: { access: { kind: 'school', action: 'form.manage' } },
    schema: { tags, summary: 'Define a form the school tracks per student (for every student or one level, with a due date)', body: formBody, response: { 201: formSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const { schoolId } = staffSchool(req);
    const id = randomUUID();
    const b = req.body;
    await checkLevel(actor, schoolId, b.level);
    await insertForm(q, actor.ownerId, id, schoolId, b, actor.personId);
    return reply.code(201).send({ id, nameNb: b.nameNb, nameNn: b.nameNn, level: b.level, dueOn: b.dueOn });
  });

  r.put('/api/forms/:formId', {
    config: { access: { kind: 'school', action: 'form.manage' } },
    schema: { tags, summary: "Change a form's names, level or due date (statuses already recorded are kept)", params: formParams, body: formBody, response: { 200: formSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const { schoolId } = staffSchool(req);
    const b = req.body;
    await checkLevel(actor, schoolId, b.level);
    if (!await updateForm(q, actor.ownerId, req.params.formId, schoolId, b)) throw new HttpError(404, 'error.notFound');
    return { id: req.params.formId, nameNb: b.nameNb, nameNn: b.nameNn, level: b.level, dueOn: b.dueOn };
  });

  /** Two verbs rather than a flag: each is one deliberate act the principal confirms, and both are idempotent. */
  for (const [verb, retired] of [['retire', true], ['reinstate', false]] as const) {
    r.post(`/api/forms/:formId/${verb}`, {
      config: { access: { kind: 'school', action: 'form.manage' } },
      schema: {
        tags, params: formParams, response: { 200: retireResultSchema },
        summary: retired
          ? 'Retire a form the school no longer uses: it leaves class checklists, students\' lists and the annual cycle; statuses recorded are kept'
          : 'Take a retired form into use again',
      },
    }, async (req) => {
      const actor = requireActor(req);
      const { schoolId } = staffSchool(req);
      if (!await setRetired(q, actor.ownerId, schoolId, req.params.formId, actor.personId, retired)) throw new HttpError(404, 'error.notFound');
      return (await formById(q, actor.ownerId, req.params.formId))!;
    });
  }

  async function checklist(actor: Actor, g: BasisGroupFacts, today: string) {
    const rows = await checklistStudents(app.database, actor.ownerId, g.basisGroupId, today);
    const members = rows
      .filter(({ facts, row }) => row.student_status === 'active' && can(actor, 'form.read', { type: 'student', student: facts }, today).allow)
      .map(({ facts, row }) => ({ facts, id: facts.studentId, givenName: row.given_name, familyName: row.family_name, level: row.student_level }))
      .sort((a, b) => byName.compare(a.familyName, b.familyName) || byName.compare(a.givenName, b.givenName));
    const [forms, statuses] = await Promise.all([formsOfSchool(q, actor.ownerId, g.schoolId), statusesOf(q, actor.ownerId, members.map((m) => m.id))]);
    const relevant = forms.filter((f) => members.some((m) => applies(f, m.level)));
    const key = (formId: string, studentId: string) => `${formId}|${studentId}`;
    const byKey = new Map(statuses.map((s) => [key(s.formId, s.studentId), s]));
    const cell = (formId: string, studentId: string) => {
      const s = byKey.get(key(formId, studentId));
      return { formId, status: s?.status ?? ('missing' as const), receivedOn: s?.receivedOn ?? null, receivedBy: s?.receivedBy ?? null, checkedAt: s?.checkedAt ?? null, checkedBy: s?.checkedBy ?? null };
    };
    const view: Omit<ClassForms, 'access' | 'canSet'> = {
      group: { id: g.basisGroupId, name: g.name },
      today,
      forms: relevant.map((f) => {
        const who = members.filter((m) => applies(f, m.level));
        const cells = who.map((m) => cell(f.id, m.id));
        return {
          ...f,
          counts: { students: who.length, missing: cells.filter((c) => c.status === 'missing').length, received: cells.filter((c) => c.status === 'received').length, checked: cells.filter((c) => c.status === 'checked').length },
          missing: who.filter((_, i) => cells[i]!.status === 'missing').map(({ id, givenName, familyName }) => ({ id, givenName, familyName })),
        };
      }),
      students: members.map((m) => ({ id: m.id, givenName: m.givenName, familyName: m.familyName, cells: relevant.filter((f) => applies(f, m.level)).map((f) => cell(f.id, m.id)) })),
    };
    return { view, members, relevant };
  }

  r.get('/api/basis-groups/:basisGroupId/forms', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.readForms' } },
    schema: { tags, summary: "The class's form checklist: per form the counts and who is missing; per student the status of each form", params: basisParams, response: { 200: classFormsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const g = req.group!;
    const { view, members } = await checklist(actor, g, req.today);
    await writeAudit(app.database, members.map((m) => studentEntry(actor, 'basisGroup.readForms', m.id, req.decision!.reason, { resourceType: 'basisGroup', resourceId: g.basisGroupId })));
    return { access: accessOf(req), canSet: can(actor, 'basisGroup.setFormStatus', { type: 'basisGroup', group: g }, req.today).allow, ...view };
  });

  r.put('/api/basis-groups/:basisGroupId/forms/statuses', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.setFormStatus' } },
    schema: { tags, summary: 'Set students\' form statuses (missing, received, checked) for the class in one go; all or nothing', params: basisParams, body: statusBody, response: { 200: classFormsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const g = req.group!;
    const { members, relevant } = await checklist(actor, g, req.today);
    const memberById = new Map(members.map((m) => [m.id, m]));
    const formById = new Map(relevant.map((f) => [f.id, f]));
    const seen = new Set<string>();
    req.body.changes.forEach((c, i) => {
      const form = formById.get(c.formId);
      const m = memberById.get(c.studentId);
      if (!form) throw badField(`changes.${i}.formId`, 'form.unknownForm');
      if (!m) throw badField(`changes.${i}.studentId`, 'form.notInClass');
      if (!applies(form, m.level)) throw badField(`changes.${i}.formId`, 'form.notForStudent');
      const k = `${c.formId}|${c.studentId}`;
      if (seen.has(k)) throw badField(`changes.${i}`, 'form.duplicate');
      seen.add(k);
    });
    await applyChanges(q, actor.ownerId, actor.personId, req.today, req.body.changes);
    await writeAudit(app.database, [...new Set(req.body.changes.map((c) => c.studentId))].map((id) =>
      studentEntry(actor, 'basisGroup.setFormStatus', id, req.decision!.reason, { resourceType: 'basisGroup', resourceId: g.basisGroupId })));
    const { view } = await checklist(actor, g, req.today);
    return { access: accessOf(req), canSet: true, ...view };
  });

  r.get('/api/students/:studentId/forms', {
    config: { access: { kind: 'student', action: 'form.read', audit: 'read' } },
    schema: { tags, summary: "A student's forms and their status, outstanding first (the student's own view)", params: studentParams, response: { 200: studentFormsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    const row = await studentLevelAndName(q, actor.ownerId, s.studentId);
    const [forms, statuses] = await Promise.all([formsOfSchool(q, actor.ownerId, s.schoolId), statusesOf(q, actor.ownerId, [s.studentId])]);
    const status = new Map(statuses.map((x) => [x.formId, x.status]));
    const rank = { missing: 0, received: 1, checked: 2 } as const;
    const list = forms.filter((f) => applies(f, row!.level)).map((f) => {
      const st = status.get(f.id) ?? ('missing' as const);
      return { ...f, status: st, overdue: st === 'missing' && req.today > f.dueOn };
    }).sort((a, b) => rank[a.status] - rank[b.status] || a.dueOn.localeCompare(b.dueOn));
    return { access: accessOf(req), student: { id: s.studentId, givenName: row!.given_name, familyName: row!.family_name }, forms: list };
  });
}
