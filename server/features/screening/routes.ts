/**
 * Screening of Vg1 students: the class list per class with the school's concern thresholds, a row
 * saved at a time from the grid or a whole CSV from the screening tool, and the link-only notice to the
 * department heads when the class's screening is complete. The school's thresholds and meeting weeks.
 * Each student is decided again with can() and every read of a student's results is audited.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import type { QueryFn } from '../../core/db/client.js';
import { accessOf, requireActor } from '../../core/http/access.js';
import { HttpError, badField, type FieldError } from '../../core/http/errors.js';
import { t } from '../../core/i18n/messages.js';
import { can } from '../../core/policy/can.js';
import { loadGroupStudents } from '../../core/policy/facts.js';
import type { Actor, Decision, StudentFacts } from '../../core/policy/types.js';
import { decideForTeam, type ClassTeamFacts, type ScreeningFacts } from './policy.js';
import {
  CLASS_STUDENT_COLUMNS, departmentHeads, departmentsOf, markNoticeSent, meetingWeeks, noticeSentAt, notify, resultsOf, saveResults, saveSettings,
  schoolYearName, screeningSettings, subjectTeachersOf, contactTeachersOf, type ClassStudentRow, type ResultRow, type SettingRow,
} from './queries.js';
import {
  DEFAULT_WEEKS, classParams, classScreeningSchema, classStudentParams, importBody, importSchema, rowBody, rowSavedSchema, settingsBody, settingsSchema,
  type ClassScreening, type ScreeningRow,
} from './schemas.js';
import { parseScreeningCsv } from './service.js';
import { screeningTests, type ScreeningTest } from './tables.js';
import { TEST_SUBJECT_PREFIX } from './policy.js';

const tags = ['screening'];
const byName = new Intl.Collator('nb');
export const NOTICE_KIND = 'screening.belowThreshold';

export interface ClassStudent { facts: StudentFacts; givenName: string; familyName: string; programme: 'general' | 'vocational' | null; nationalIdentityNumber: string | null; feideId: string | null }

/** The class's current students, by name, with what the screening needs. */
export async function classStudents(app: FastifyInstance, ownerId: string, basisGroupId: string, today: string): Promise<ClassStudent[]> {
  const rows = await loadGroupStudents(app.database, ownerId, { kind: 'basis', id: basisGroupId }, today, { columns: CLASS_STUDENT_COLUMNS, params: [] });
  return rows.map(({ facts, row }) => {
    const r = row as unknown as ClassStudentRow;
    return { facts, givenName: r.given_name, familyName: r.family_name, programme: r.programme, nationalIdentityNumber: r.national_identity_number, feideId: r.feide_id };
  }).sort((a, b) => byName.compare(a.familyName, b.familyName) || byName.compare(a.givenName, b.givenName));
}

export const thresholdsOf = (settings: readonly SettingRow[]) => new Map(settings.map((s) => [s.test, s]));
export const isBelow = (thresholds: Map<ScreeningTest, SettingRow>, test: ScreeningTest, score: number) => {
  const s = thresholds.get(test);
  return s !== undefined && score < s.concern_threshold;
};

export function screeningFacts(s: ClassStudent, test: ScreeningTest | null, belowThreshold: boolean, ct: ClassTeamFacts): { type: 'screeningResult'; screening: ScreeningFacts } {
  return { type: 'screeningResult', screening: { student: s.facts, programme: s.programme, test, belowThreshold, noticeDepartmentIds: ct.noticeDepartmentIds } };
}

interface ClassState {
  students: ClassStudent[];
  results: ResultRow[];
  thresholds: Map<ScreeningTest, SettingRow>;
  schoolYearId: string;
  schoolYear: string;
}

async function classState(app: FastifyInstance, req: FastifyRequest): Promise<ClassState> {
  const actor = requireActor(req);
  const ct = req.classTeam!;
  const q = app.database.query;
  const [year, students, settings] = await Promise.all([
    schoolYearName(q, actor.ownerId, ct.group.basisGroupId),
    classStudents(app, actor.ownerId, ct.group.basisGroupId, req.today),
    screeningSettings(q, actor.ownerId, ct.group.schoolId),
  ]);
  const results = await resultsOf(q, actor.ownerId, year!.school_year_id, students.map((s) => s.facts.studentId));
  return { students, results, thresholds: thresholdsOf(settings), schoolYearId: year!.school_year_id, schoolYear: year!.name };
}

/** One student's row as the actor may see it; null when the policy says no. */
function rowFor(actor: Actor, st: ClassState, s: ClassStudent, ct: ClassTeamFacts, today: string): { row: ScreeningRow; decision: Decision } | null {
  const own = st.results.filter((r) => r.student_id === s.facts.studentId);
  const below = own.some((r) => isBelow(st.thresholds, r.test, r.score));
  const decision = can(actor, 'screening.read', screeningFacts(s, null, below, ct), today);
  if (!decision.allow) return null;
  const canRecord = Object.fromEntries(screeningTests.map((test) => [test, can(actor, 'screening.record', screeningFacts(s, test, below, ct), today).allow])) as Record<ScreeningTest, boolean>;
  const result = (test: ScreeningTest) => {
    const r = own.find((x) => x.test === test);
    return r ? { score: r.score, givenBy: r.given_by, belowThreshold: isBelow(st.thresholds, test, r.score), canRecord: canRecord[test] } : null;
  };
  return {
    decision,
    row: {
      student: { id: s.facts.studentId, givenName: s.givenName, familyName: s.familyName },
      programme: s.programme,
      results: { norwegian: result('norwegian'), english: result('english'), maths: result('maths') },
      canRecord,
      belowThreshold: below,
    },
  };
}

const isComplete = (st: ClassState) => st.students.length > 0
  && st.students.every((s) => screeningTests.every((test) => st.results.some((r) => r.student_id === s.facts.studentId && r.test === test)));

/**
 * R-31: once every student of the class has all three results, the department heads the school named
 * per test and the students' own department heads get one notice each, with a link and nothing else.
 */
async function noticeIfComplete(app: FastifyInstance, ownerId: string, ct: ClassTeamFacts, st: ClassState): Promise<{ complete: boolean; noticeSent: boolean }> {
  const complete = isComplete(st);
  if (!complete) return { complete, noticeSent: false };
  const below = st.students.filter((s) => st.results.some((r) => r.student_id === s.facts.studentId && isBelow(st.thresholds, r.test, r.score)));
  if (below.length === 0) return { complete, noticeSent: false };
  const q = app.database.query;
  if (!(await markNoticeSent(q, ownerId, ct.group.basisGroupId))) return { complete, noticeSent: false };
  const departments = new Set([...[...st.thresholds.values()].flatMap((s) => (s.notice_department_id ? [s.notice_department_id] : [])),
    ...below.flatMap((s) => (s.facts.departmentId ? [s.facts.departmentId] : []))]);
  const recipients = await departmentHeads(q, ownerId, ct.group.schoolId, [...departments]);
  await notify(q, ownerId, recipients, NOTICE_KIND, `/classes/${ct.group.basisGroupId}/screening`);
  return { complete, noticeSent: true };
}

/** Who gave the test: the contact teacher for Norwegian on a vocational programme, else the subject's teacher. */
async function giversOf(q: QueryFn, actor: Actor, ct: ClassTeamFacts, students: readonly ClassStudent[], today: string): Promise<(s: ClassStudent, test: ScreeningTest) => string | null> {
  const [teachers, contacts] = await Promise.all([
    subjectTeachersOf(q, actor.ownerId, students.map((s) => s.facts.studentId), today),
    contactTeachersOf(q, actor.ownerId, ct.group.basisGroupId),
  ]);
  const contact = contacts.includes(actor.personId) ? actor.personId : (contacts[0] ?? null);
  return (s, test) => {
    if (test === 'norwegian' && s.programme === 'vocational') return contact;
    const mine = s.facts.teachingGroups.some((g) => g.subjectCode.startsWith(TEST_SUBJECT_PREFIX[test]) && actor.subjectTeacherOf.some((x) => x.id === g.id));
    if (mine) return actor.personId;
    return teachers.find((x) => x.student_id === s.facts.studentId && x.subject_code.startsWith(TEST_SUBJECT_PREFIX[test]))?.person_id ?? null;
  };
}

function view(req: FastifyRequest, st: ClassState, rows: ScreeningRow[], noticeAt: string | null): ClassScreening {
  const actor = requireActor(req);
  const ct = req.classTeam!;
  return {
    access: accessOf(req),
    group: { id: ct.group.basisGroupId, name: ct.group.name, level: ct.group.level },
    schoolYear: st.schoolYear,
    applies: ct.group.level === 'vg1',
    thresholds: [...st.thresholds.values()].map((s) => ({ test: s.test, concernThreshold: s.concern_threshold, maxScore: s.max_score, noticeDepartmentId: s.notice_department_id })),
    scope: decideForTeam(actor, ct).allow ? 'class' : 'belowThresholdOnly',
    students: rows,
    complete: isComplete(st),
    noticeSentAt: noticeAt,
  };
}

export async function screeningRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/basis-groups/:basisGroupId/screening', {
    config: { access: { kind: 'classTeam', action: 'classTeam.readScreening' } },
    schema: { tags, summary: "R-31: the class's screening list (Vg1): Norwegian, English and Maths per student, those below the school's concern threshold marked", params: classParams, response: { 200: classScreeningSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const ct = req.classTeam!;
    const st = await classState(app, req);
    const visible = st.students.flatMap((s) => rowFor(actor, st, s, ct, req.today) ?? []);
    await writeAudit(app.database, visible.map(({ row, decision }) => studentEntry(actor, 'screening.read', row.student.id, decision.reason, { resourceType: 'screening', resourceId: ct.group.basisGroupId })));
    return view(req, st, visible.map((v) => v.row), await noticeSentAt(q, actor.ownerId, ct.group.basisGroupId));
  });

  r.put('/api/basis-groups/:basisGroupId/screening/:studentId', {
    config: { access: { kind: 'classTeam', action: 'classTeam.recordScreening' } },
    schema: {
      tags, summary: 'R-31: save one row of the grid — the tests given; null clears a result. Only the one who gives a test (or the contact teacher) enters it',
      params: classStudentParams, body: rowBody, response: { 200: rowSavedSchema },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const ct = req.classTeam!;
    const st = await classState(app, req);
    const s = st.students.find((x) => x.facts.studentId === req.params.studentId);
    if (!s || !can(actor, 'screening.read', screeningFacts(s, null, false, ct), req.today).allow) throw new HttpError(404, 'error.notFound');
    const given = screeningTests.filter((test) => req.body[test] !== undefined);
    const decisions = new Map<ScreeningTest, Decision>();
    for (const test of given) {
      const d = can(actor, 'screening.record', screeningFacts(s, test, false, ct), req.today);
      if (!d.allow) throw new HttpError(403, 'screening.notYourTest', { test: t(req.locale, `screening.test.${test}`) });
      const score = req.body[test];
      const max = st.thresholds.get(test)?.max_score;
      if (score !== null && score !== undefined && max !== undefined && score > max) throw badField(test, 'screening.scoreOverMax', { max });
      decisions.set(test, d);
    }
    const giver = await giversOf(q, actor, ct, [s], req.today);
    await saveResults(q, actor.ownerId, st.schoolYearId, actor.personId, given.map((test) => ({ studentId: s.facts.studentId, test, score: req.body[test] ?? null, givenBy: giver(s, test) })));
    if (given.length) await writeAudit(app.database, [studentEntry(actor, 'screening.record', s.facts.studentId, decisions.get(given[0]!)!.reason, { resourceType: 'screening', resourceId: ct.group.basisGroupId })]);
    const after = await classState(app, req);
    const notice = await noticeIfComplete(app, actor.ownerId, ct, after);
    const row = rowFor(actor, after, s, ct, req.today)!.row;
    return { row, ...notice };
  });

  r.post('/api/basis-groups/:basisGroupId/screening/import', {
    config: { access: { kind: 'classTeam', action: 'classTeam.recordScreening' } },
    schema: {
      tags, summary: "R-31: import the screening tool's CSV (national identity number, Feide id or name and class; test; score). Any bad line: nothing is saved and every error is named with its line, unless onlyValid",
      params: classParams, body: importBody, response: { 200: importSchema },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const ct = req.classTeam!;
    const st = await classState(app, req);
    const members = st.students.filter((s) => can(actor, 'screening.read', screeningFacts(s, null, false, ct), req.today).allow);
    const parsed = parseScreeningCsv(req.body.csv, req.locale, ct.group.name, members.map((m) => ({
      studentId: m.facts.studentId, givenName: m.givenName, familyName: m.familyName, nationalIdentityNumber: m.nationalIdentityNumber, feideId: m.feideId,
    })), (test) => st.thresholds.get(test)?.max_score ?? 1000);
    const byId = new Map(members.map((m) => [m.facts.studentId, m]));
    const errors: FieldError[] = [...parsed.errors];
    // a line with a test the caller does not give is not theirs to enter: refused as a whole, whatever else is in the file
    const notYours = parsed.lines.filter((l) => !can(actor, 'screening.record', screeningFacts(byId.get(l.studentId)!, l.test, false, ct), req.today).allow);
    if (notYours.length) throw new HttpError(403, 'screening.notYourLines', { lines: notYours.slice(0, 20).map((l) => l.line).join(', ') });
    const lines = parsed.lines;
    const fileLevel = errors.some((e) => e.field === 'csv');
    if (errors.length && (!req.body.onlyValid || fileLevel)) throw new HttpError(400, 'error.badRequest', {}, errors.slice(0, 100));
    const giver = await giversOf(q, actor, ct, members, req.today);
    await saveResults(q, actor.ownerId, st.schoolYearId, actor.personId, lines.map((l) => ({ studentId: l.studentId, test: l.test, score: l.score, givenBy: giver(byId.get(l.studentId)!, l.test) })));
    const touched = [...new Set(lines.map((l) => l.studentId))];
    await writeAudit(app.database, touched.flatMap((id) => {
      const d = can(actor, 'screening.record', screeningFacts(byId.get(id)!, lines.find((l) => l.studentId === id)!.test, false, ct), req.today);
      return d.allow ? [studentEntry(actor, 'screening.record', id, d.reason, { resourceType: 'screening', resourceId: ct.group.basisGroupId })] : [];
    }));
    const notice = await noticeIfComplete(app, actor.ownerId, ct, await classState(app, req));
    const lineOf = (field: string) => Number(/^rows\.(\d+)\./.exec(field)?.[1] ?? 0);
    return {
      saved: lines.length,
      skipped: new Set(errors.map((e) => lineOf(e.field))).size,
      errors: errors.map((e) => ({ line: lineOf(e.field), field: e.field.replace(/^rows\.\d+\./, ''), message: t(req.locale, e.key, e.params) })).sort((a, b) => a.line - b.line),
      ...notice,
    };
  });

  r.get('/api/school/screening-settings', {
    config: { access: { kind: 'school', action: 'screening.readSettings' } },
    schema: { tags, summary: "R-31, R-32: the school's concern threshold per screening test, who receives the list, and the class-team meeting weeks", response: { 200: settingsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const schoolId = (req.resource as { schoolId: string }).schoolId;
    const [settings, weeks, departments] = await Promise.all([screeningSettings(q, actor.ownerId, schoolId), meetingWeeks(q, actor.ownerId, schoolId), departmentsOf(q, actor.ownerId, schoolId)]);
    return {
      access: accessOf(req),
      canConfigure: can(actor, 'screening.configure', req.resource as never, req.today).allow,
      tests: settings.map((s) => ({ test: s.test, concernThreshold: s.concern_threshold, maxScore: s.max_score, noticeDepartmentId: s.notice_department_id })),
      meetingWeeks: weeks ?? [...DEFAULT_WEEKS],
      departments,
    };
  });

  r.put('/api/school/screening-settings', {
    config: { access: { kind: 'school', action: 'screening.configure' } },
    schema: { tags, summary: "R-31, R-32: set the school's concern thresholds (principal or school administrator) and the meeting weeks", body: settingsBody, response: { 200: settingsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const schoolId = (req.resource as { schoolId: string }).schoolId;
    const b = req.body;
    const departments = await departmentsOf(q, actor.ownerId, schoolId);
    const seen = new Set<string>();
    b.tests.forEach((x, i) => {
      if (seen.has(x.test)) throw badField(`tests.${i}.test`, 'screening.duplicateTest');
      seen.add(x.test);
      if (x.concernThreshold > x.maxScore) throw badField(`tests.${i}.concernThreshold`, 'screening.thresholdOverMax', { max: x.maxScore });
      if (x.noticeDepartmentId && !departments.some((d) => d.id === x.noticeDepartmentId)) throw badField(`tests.${i}.noticeDepartmentId`, 'screening.unknownDepartment');
    });
    if (new Set(b.meetingWeeks).size !== b.meetingWeeks.length) throw badField('meetingWeeks', 'screening.duplicateWeek');
    await saveSettings(q, actor.ownerId, schoolId, actor.personId, b.tests, [...b.meetingWeeks].sort((x, y) => x - y));
    const settings = await screeningSettings(q, actor.ownerId, schoolId);
    return {
      access: accessOf(req), canConfigure: true,
      tests: settings.map((s) => ({ test: s.test, concernThreshold: s.concern_threshold, maxScore: s.max_score, noticeDepartmentId: s.notice_department_id })),
      meetingWeeks: (await meetingWeeks(q, actor.ownerId, schoolId)) ?? [...DEFAULT_WEEKS],
      departments,
    };
  });
}
