/**
 * Conversations (R-10… ): the plan against the school's target and the law's floor,
 * versioned templates with conditional sections, preparation, notes and their visibility, held
 * check-off with the department head notified, delegation, guardian-conference offers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLogin, testApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let kt: Client;
let h: TestApp['demo']['hardCases'];
type Row = { studentId: string; cells: { kind: string; status: string; date: string | null; conversationId: string | null }[]; law: Record<string, string>; guardianConference: string; held: number; target: number };

beforeAll(async () => {
  t = await testApp();
  h = t.demo.hardCases;
  kt = await t.login('kontaktlarer');
});
afterAll(async () => t?.close());

const planUrl = () => `/api/basis-groups/${h.basisGroup2STAId}/conversation-plan`;
const rowOf = (rows: Row[], id: string) => rows.find((r) => r.studentId === id)!;
const cell = (r: Row, kind: string) => r.cells.find((c) => c.kind === kind)!;

async function plan(kind: string, studentId: string, client = kt, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await client.request('POST', `/api/students/${studentId}/conversations`, { kind, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('the conversation plan (R-10, L-01, L-02)', () => {
  it('the contact teacher sees per student what is held, planned and overdue, with ISO weeks, and the law apart from the school\'s target', async () => {
    const res = await kt.get(planUrl());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.access.reason).toBe('kontaktlærer for 2STA');
    expect(body.plan.conversationsPerYear).toBe(3);
    const startWindow = body.plan.windows.find((w: { kind: string }) => w.kind === 'startOfYear');
    expect(startWindow).toMatchObject({ opensOn: '2026-08-19', closesOn: '2026-09-30', opensWeek: 34, closesWeek: 40 });
    const elev = rowOf(body.students, h.elevStudentId);
    expect(cell(elev, 'startOfYear')).toMatchObject({ status: 'held', date: '2026-09-03' });
    expect(cell(elev, 'student')).toMatchObject({ status: 'planned', date: '2026-12-02', conversationId: h.elevPlannedConversationId });
    expect(elev.law).toMatchObject({ l01Autumn: 'met', l01Spring: 'due', l02: 'met' });
    expect(elev.guardianConference).toBe('offered');
    // the minority-language student has had no start-of-year conversation: overdue since 30 September
    expect(cell(rowOf(body.students, h.minorityLanguageStudentId), 'startOfYear').status).toBe('overdue');
    // L-02 requires nothing for adults; the guardian window does not apply to them either
    const adult = rowOf(body.students, h.adultWithoutConsentStudentId);
    expect(adult.law.l02).toBe('notRequired');
    expect(cell(adult, 'guardian').status).toBe('notApplicable');
    expect(adult.guardianConference).toBe('notApplicable');
  });

  it('the class plan is a CSV download in the reader\'s language, one line per student', async () => {
    const res = await kt.get(`${planUrl()}.csv`, { 'accept-language': 'nn' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toMatch(/^Elev;Trinn;Oppstartsamtale/);
    const students = (await kt.get(planUrl())).json().students.length;
    expect(lines.length).toBe(students + 1);
    expect(res.body).toMatch(/forfalle/);
  });

  it('the principal changes the target and a deadline; a window outside the school year is refused with its field named and nothing changes', async () => {
    const rektor = await t.login('rektor');
    const current = (await rektor.get('/api/conversation-plan')).json();
    const windows = current.windows.map((w: { kind: string; opensOn: string; closesOn: string; appliesTo: string }) => ({ kind: w.kind, opensOn: w.opensOn, closesOn: w.closesOn, appliesTo: w.appliesTo }));
    const bad = await rektor.request('PUT', '/api/conversation-plan', { conversationsPerYear: 4, windows: [...windows, { kind: 'adHoc', opensOn: '2025-01-01', closesOn: '2025-02-01' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'windows.4.opensOn', message: 'Må ligge innenfor skoleåret (2026-08-19–2027-06-18).' });
    expect((await rektor.get('/api/conversation-plan')).json().conversationsPerYear).toBe(3);

    windows[0].closesOn = '2026-12-18';
    const ok = await rektor.request('PUT', '/api/conversation-plan', { conversationsPerYear: 4, windows });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = (await kt.get(planUrl())).json();
    expect(after.plan.conversationsPerYear).toBe(4);
    // with the later deadline the minority student's start-of-year conversation is due, not overdue
    expect(cell(rowOf(after.students, h.minorityLanguageStudentId), 'startOfYear').status).toBe('due');
    expect((await kt.request('PUT', '/api/conversation-plan', { conversationsPerYear: 1, windows })).statusCode).toBe(403);
    // back to the default deadline for the rest of the file
    windows[0].closesOn = '2026-09-30';
    expect((await rektor.request('PUT', '/api/conversation-plan', { conversationsPerYear: 3, windows })).statusCode).toBe(200);
  });

  it('the department head sees compliance per class of their department, the principal per department with drill-down; a teacher is refused', async () => {
    const head = await t.login('avdelingsleder');
    const mine = (await head.get('/api/conversation-compliance')).json();
    expect(mine.scope).toBe('department');
    const sta = mine.rows.find((r: { name: string }) => r.name === '2STA');
    expect(sta).toMatchObject({ scope: 'basisGroup' });
    expect(sta.students).toBeGreaterThan(20);
    expect(sta.overdue).toBeGreaterThanOrEqual(1);
    expect(sta.startOfYearHeld).toBeLessThan(sta.students);
    const rektor = await t.login('rektor');
    const school = (await rektor.get('/api/conversation-compliance')).json();
    expect(school.scope).toBe('school');
    expect(school.rows.map((r: { scope: string }) => r.scope)).toEqual(school.rows.map(() => 'department'));
    const drill = (await rektor.get(`/api/conversation-compliance?departmentId=${h.studiespesialiseringDepartmentId}`)).json();
    expect(drill.rows.find((r: { name: string }) => r.name === '2STA').students).toBe(sta.students);
    expect((await (await t.login('faglarer')).get('/api/conversation-compliance')).statusCode).toBe(403);
  });
});

describe('templates (R-12)', () => {
  it('the built-in templates exist in nb and nn; editing saves a new version and a planned conversation keeps its version', async () => {
    const rektor = await t.login('rektor');
    const list = (await rektor.get('/api/conversation-templates')).json().templates;
    const start = list.find((x: { builtinKey: string }) => x.builtinKey === 'startOfYear');
    expect(start.title.nn).toBeTruthy();
    const before = (await rektor.get(`/api/conversation-templates/${start.id}`)).json();
    const conversationId = await plan('startOfYear', h.minorityLanguageStudentId);
    const extra = { key: 'transport', title: { nb: 'Skolevei', nn: 'Skuleveg' }, questions: [], rule: null };
    const edited = { title: { nb: 'Oppstartsamtale 2027', nn: 'Oppstartsamtale 2027' }, sections: [...before.current.sections, extra] };
    const res = await rektor.request('POST', `/api/conversation-templates/${start.id}/versions`, edited);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().currentVersion).toBe(before.currentVersion + 1);
    expect(res.json().versions).toHaveLength(before.versions.length + 1);
    const meeting = (await kt.get(`/api/conversations/${conversationId}`)).json();
    expect(meeting.template.version).toBe(before.currentVersion);
    expect(meeting.template.sections.length).toBe(before.current.sections.length);
    // the old version is still readable as it was
    expect((await rektor.get(`/api/conversation-template-versions/${before.currentVersionId}`)).json().title.nb).toBe(before.current.title.nb);
  });

  it('an unknown section rule is refused with 400 and no version is saved; a teacher may not edit templates', async () => {
    const rektor = await t.login('rektor');
    const start = (await rektor.get('/api/conversation-templates')).json().templates.find((x: { builtinKey: string }) => x.builtinKey === 'student');
    const res = await rektor.request('POST', `/api/conversation-templates/${start.id}/versions`, {
      title: { nb: 'Elevsamtale' }, sections: [{ key: 'a', title: { nb: 'A' }, questions: [], rule: { kind: 'zodiacSign', sign: 'leo' } }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toMatch(/^sections\.0\.rule/);
    expect((await rektor.get(`/api/conversation-templates/${start.id}`)).json().versionCount).toBe(start.versionCount);
    expect((await kt.request('POST', `/api/conversation-templates/${start.id}/versions`, { title: { nb: 'x' }, sections: [{ key: 'a', title: { nb: 'A' }, questions: [] }] })).statusCode).toBe(403);
  });

  it('page 2 of the start-of-year template applies to a minority-language student with ≤ 6 years\' residence, not to other students', async () => {
    const minority = await plan('startOfYear', h.minorityLanguageStudentId);
    const other = await plan('startOfYear', h.strictlyConfidentialStudentId);
    const page2 = async (id: string) => (await kt.get(`/api/conversations/${id}`)).json().template.sections.find((s: { key: string }) => s.key === 'minorityLanguage');
    expect((await page2(minority)).applies).toBe(true);
    expect((await page2(other)).applies).toBe(false);
  });
});

describe('preparing and holding a conversation (R-13, R-14, R-60)', () => {
  it('the student prepares; the contact teacher sees the answers in the meeting view, a subject teacher of the student does not', async () => {
    const elev = await t.login('elev');
    const id = h.elevPlannedConversationId;
    const answers = { pleasedWith: 'Norsk', wantToImprove: 'Matte', needHelpWith: 'Planlegging', raiseWithGuardians: 'Valg av fag', notCovered: '' };
    const res = await elev.request('PUT', `/api/conversations/${id}/preparation`, answers);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().permissions.prepare).toBe(true);
    const meeting = (await kt.get(`/api/conversations/${id}`)).json();
    expect(meeting.preparation).toMatchObject(answers);
    expect(meeting.access.reason).toBe('kontaktlærer for 2STA');
    // the maths teacher teaches elev but this is not their conversation
    expect((await (await t.login('faglarer')).get(`/api/conversations/${id}`)).statusCode).toBe(403);
    // another student cannot even learn that the conversation exists
    const other = await t.login('elev.myndig');
    expect((await other.get(`/api/conversations/${id}`)).statusCode).toBe(404);
  });

  it('a note narrowed to the contact teacher and leaders is hidden from the family; a note shared on purpose and shared follow-ups reach the student and guardian', async () => {
    const id = await plan('guardian', h.elevStudentId);
    const staffOnly = await kt.request('PUT', `/api/conversations/${id}/notes/challenges`, { text: 'Vanskelig hjemmesituasjon, følges opp.' });
    expect(staffOnly.json()).toMatchObject({ visibility: 'contactTeacherAndLeaders', sharedWithFamily: false });
    await kt.request('PUT', `/api/conversations/${id}/notes/succeedsBest`, { text: 'Engasjert i norsk.', sharedWithFamily: true });
    const fu = await kt.request('POST', `/api/conversations/${id}/follow-ups`, { description: 'Ukentlig plan', responsible: 'student', dueOn: '2026-12-10' });
    expect(fu.statusCode, fu.body).toBe(201);
    await kt.request('POST', `/api/conversations/${id}/follow-ups`, { description: 'Kontakt helsesykepleier', responsible: 'school', sharedWithFamily: false });
    for (const who of ['foresatt', 'elev']) {
      const view = (await (await t.login(who)).get(`/api/conversations/${id}`)).json();
      expect(view.notes.map((n: { text: string }) => n.text), who).toEqual(['Engasjert i norsk.']);
      expect(view.followUps.map((f: { description: string }) => f.description), who).toEqual(['Ukentlig plan']);
      expect(view.template, who).toBeNull();
      expect(JSON.stringify(view)).not.toMatch(/hjemmesituasjon|helsesykepleier/);
    }
    const shared = (await (await t.login('foresatt')).get(`/api/students/${h.elevStudentId}/shared-follow-ups`)).json();
    expect(shared.followUps.map((f: { description: string }) => f.description)).toContain('Prøve studietime i matematikk på onsdager fram til jul');
    expect(shared.followUps.map((f: { description: string }) => f.description)).not.toContain('Kontakt helsesykepleier');
    // a parent without parental responsibility sees none of it
    expect((await (await t.login('foresatt.uten')).get(`/api/conversations/${id}`)).statusCode).toBe(404);
  });

  it('a time that is not whole is refused with 400 naming plannedAt in the reader\'s language, never stored as midnight, when planning and when changing', async () => {
    const whole = '2026-12-03T13:15:00+01:00';
    const id = await plan('student', h.confidentialStudentId, kt, { plannedAt: whole });
    for (const [plannedAt, lang] of [['2026-12-03', 'nb'], ['2026-12-03T', 'nn'], ['2026-12-03T13', 'en'], ['2026-02-30T10:00:00+01:00', 'nb']] as const) {
      const bad = await kt.request('PATCH', `/api/conversations/${id}`, { plannedAt }, { 'accept-language': lang });
      expect(bad.statusCode, plannedAt).toBe(400);
      expect(bad.json().errors[0].field).toBe('plannedAt');
      expect(bad.json().errors[0].message).toMatch({ nb: /^Har feil format/, nn: /^Har feil format \(venta/, en: /^Has the wrong format/ }[lang]);
    }
    const planned = (await kt.get(`/api/conversations/${id}`)).json().conversation.plannedAt;
    expect(new Date(planned).toISOString()).toBe(new Date(whole).toISOString());
    const create = await kt.request('POST', `/api/students/${h.confidentialStudentId}/conversations`, { kind: 'student', plannedAt: '2026-12-04' });
    expect(create.statusCode).toBe(400);
    expect(create.json().errors[0].field).toBe('plannedAt');
  });

  it('the student takes part in the guardian conference unless a reason is recorded: no reason, 400 and nothing changes', async () => {
    const id = await plan('guardian', h.confidentialStudentId);
    const bad = await kt.request('PATCH', `/api/conversations/${id}`, { studentTakesPart: false });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('studentAbsentReason');
    expect((await kt.get(`/api/conversations/${id}`)).json().conversation.studentTakesPart).toBe(true);
    const ok = await kt.request('PATCH', `/api/conversations/${id}`, { studentTakesPart: false, studentAbsentReason: 'Eleven ønsker at foresatte får snakke alene først.', videoLink: 'https://teams.microsoft.com/l/meetup-join/abc' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().conversation).toMatchObject({ studentTakesPart: false, videoLink: 'https://teams.microsoft.com/l/meetup-join/abc' });
    expect((await kt.request('PATCH', `/api/conversations/${id}`, { videoLink: 'http://example.com' })).statusCode).toBe(400);
  });

  it('held with new important information: the department head gets a link without content and can open it; the head of another department cannot', async () => {
    const id = await plan('adHoc', h.accommodationStudentIds[0]!);
    const held = await kt.request('POST', `/api/conversations/${id}/held`, { newImportantInformation: true });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json().conversation).toMatchObject({ status: 'held', newImportantInformation: true });
    expect((await kt.request('POST', `/api/conversations/${id}/held`, {})).statusCode).toBe(409);
    const head = await t.login('avdelingsleder');
    const notes = (await head.get('/api/me/notifications')).json().notifications;
    const n = notes.find((x: { link: string }) => x.link === `/conversations/${id}`);
    expect(n).toEqual({ id: expect.any(String), kind: 'conversation.newImportantInformation', link: `/conversations/${id}`, createdAt: expect.any(String), readAt: null });
    const open = await head.get(n.link.replace('/conversations', '/api/conversations'));
    expect(open.statusCode).toBe(200);
    expect(open.json().access.reasonCode).toBe('departmentHead');
    expect((await head.request('POST', `/api/me/notifications/${n.id}/read`)).statusCode).toBe(204);
    const [other] = await t.database.query<{ person_id: string }>(
      `select sm.person_id from staff_role r join staff_member sm on sm.id = r.staff_member_id where r.role = 'departmentHead' and r.department_id <> $1 limit 1`,
      [h.studiespesialiseringDepartmentId]);
    await addLogin(t.database, t.demo.ownerId, other!.person_id, 'dh.annen');
    expect((await (await t.login('dh.annen')).get(`/api/conversations/${id}`)).statusCode).toBe(404);
    // after held, the student can no longer change the preparation
    const elevHeld = await plan('student', h.elevStudentId);
    await kt.request('POST', `/api/conversations/${elevHeld}/held`, {});
    expect((await (await t.login('elev')).request('PUT', `/api/conversations/${elevHeld}/preparation`, { pleasedWith: 'x', wantToImprove: '', needHelpWith: '', raiseWithGuardians: '', notCovered: '' })).statusCode).toBe(403);
  });

  it('reads of a conversation\'s notes are in the audit log with the relationship', async () => {
    const head = await t.login('avdelingsleder');
    await head.get(`/api/conversations/${h.elevStartOfYearConversationId}`);
    const rows = await t.database.query<{ action: string; reason_code: string; resource_type: string }>(
      `select a.action, a.reason_code, a.resource_type from audit_log a join account ac on ac.person_id = a.actor_person_id
       where ac.username = 'avdelingsleder' and a.resource_id = $1`, [h.elevStartOfYearConversationId]);
    expect(rows).toContainEqual({ action: 'conversation.read', reason_code: 'departmentHead', resource_type: 'conversation' });
  });
});

describe('delegation and subject conversations (R-11)', () => {
  it('the contact teacher delegates a student conversation to the student\'s subject teacher, who then holds it but sees only the notes meant for them', async () => {
    const id = await plan('student', h.elevStudentId);
    await kt.request('PUT', `/api/conversations/${id}/notes/wellbeing`, { text: 'Skjermet notat', visibility: 'contactTeacherAndLeaders' });
    const choices = (await kt.get(`/api/conversations/${id}`)).json().delegateChoices;
    const [fag] = await t.database.query<{ person_id: string }>('select person_id from staff_member where id = $1', [h.subjectTeacherStaffMemberId]);
    expect(choices.map((c: { personId: string }) => c.personId)).toContain(fag!.person_id);
    const [stranger] = await t.database.query<{ person_id: string }>(
      `select sm.person_id from staff_member sm where sm.id not in (select staff_member_id from subject_teacher_assignment a join enrolment e on e.teaching_group_id = a.teaching_group_id where e.student_id = $1) limit 1`,
      [h.elevStudentId]);
    const refused = await kt.request('POST', `/api/conversations/${id}/delegate`, { subjectTeacherPersonId: stranger!.person_id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('subjectTeacherPersonId');
    const ok = await kt.request('POST', `/api/conversations/${id}/delegate`, { subjectTeacherPersonId: fag!.person_id });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().conversation.delegated).toBe(true);
    const faglarer = await t.login('faglarer');
    const view = await faglarer.get(`/api/conversations/${id}`);
    expect(view.statusCode).toBe(200);
    expect(view.json().access.reasonCode).toBe('delegatedHolder');
    expect(view.json().notes).toEqual([]);
    expect((await faglarer.request('PUT', `/api/conversations/${id}/notes/academic`, { text: 'God framgang i matte.' })).statusCode).toBe(200);
    expect((await faglarer.request('POST', `/api/conversations/${id}/held`, {})).statusCode).toBe(200);
    // the delegated conversation counts for the student's plan
    const [{ n }] = await t.database.query<{ n: number }>(
      `select count(*)::int as n from conversation where student_id = $1 and held_at is not null and kind in ('startOfYear', 'student')`, [h.elevStudentId]) as [{ n: number }];
    const row = rowOf((await kt.get(planUrl())).json().students, h.elevStudentId);
    expect(row.held).toBe(n);
    expect(cell(row, 'student').status).toBe('held');
  });

  it('a subject teacher plans a subject conversation only in their own group; the contact teacher cannot plan or hold it', async () => {
    const faglarer = await t.login('faglarer');
    const own = await plan('subject', h.elevStudentId, faglarer, { teachingGroupId: h.teachingGroup2STAMATId });
    const notTheirs = await faglarer.request('POST', `/api/students/${h.elevStudentId}/conversations`, { kind: 'subject', teachingGroupId: h.teachingGroup2STANORId });
    expect(notTheirs.statusCode).toBe(403);
    expect((await kt.request('POST', `/api/conversations/${own}/held`, {})).statusCode).toBe(403);
    const missing = await faglarer.request('POST', `/api/students/${h.elevStudentId}/conversations`, { kind: 'subject' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('teachingGroupId');
    const list = (await faglarer.get(`/api/students/${h.elevStudentId}/conversations`)).json();
    // the maths teacher sees subject conversations and the one delegated to them, nothing else
    const [fag] = await t.database.query<{ person_id: string }>('select person_id from staff_member where id = $1', [h.subjectTeacherStaffMemberId]);
    expect(list.conversations.length).toBeGreaterThan(0);
    expect(list.conversations.every((c: { kind: string; holder: { personId: string } }) => c.kind === 'subject' || c.holder.personId === fag!.person_id)).toBe(true);
    expect(list.conversations.some((c: { kind: string }) => c.kind === 'startOfYear')).toBe(false);
    expect(list.canPlan).toEqual([{ kind: 'subject', teachingGroups: [expect.objectContaining({ id: h.teachingGroup2STAMATId })] }]);
  });
});

describe('guardian conference offers (R-15, R-16, L-02, L-06)', () => {
  it('offers go to guardians with insight: the adult\'s consented guardian yes, the one without consent is refused; the tracker shows it', async () => {
    const url = `/api/students/${h.adultWithConsentStudentId}/guardian-conference/offers`;
    const refused = await kt.request('POST', url, { guardianPersonIds: [h.adultNoConsentGuardianPersonId] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('guardianPersonIds.0');
    const ok = await kt.request('POST', url, {});
    expect(ok.json()).toEqual({ offered: 1 });
    const tracker = (await kt.get(`/api/basis-groups/${h.basisGroup2STAId}/guardian-conferences`)).json();
    const row = tracker.rows.find((r: { studentId: string }) => r.studentId === h.adultWithConsentStudentId);
    expect(row.guardians.map((g: { personId: string }) => g.personId)).toEqual([h.adultConsentGuardianPersonId]);
    expect(row.guardians[0]).toMatchObject({ toldOfRight: true, insightReasonCode: 'guardianByConsent' });
    const noConsent = tracker.rows.find((r: { studentId: string }) => r.studentId === h.adultWithoutConsentStudentId);
    expect(noConsent.status).toBe('notApplicable');
    // a parent without parental responsibility is not offered it (L-06)
    const noPr = tracker.rows.find((r: { studentId: string }) => r.studentId === h.noResponsibilityStudentId);
    expect(noPr.guardians.map((g: { personId: string }) => g.personId)).not.toContain(h.noResponsibilityGuardianPersonId);
  });

  it('a guardian declines for themself; once every offered guardian has declined, the tracker shows declined', async () => {
    // the guardian conversation planned earlier in this file is called off first
    const planned = (await kt.get(`/api/students/${h.elevStudentId}/conversations`)).json().conversations
      .filter((c: { kind: string; status: string }) => c.kind === 'guardian' && c.status === 'planned');
    for (const c of planned) expect((await kt.request('POST', `/api/conversations/${c.id}/cancel`)).statusCode).toBe(200);
    const foresatt = await t.login('foresatt');
    const own = `/api/students/${h.elevStudentId}/guardian-conference`;
    // the guardian sees their own offer, told of the right; the student and staff have none of their own
    expect((await foresatt.get(own)).json().offer).toMatchObject({ toldOfRight: true, declinedAt: null });
    expect((await kt.get(own)).json().offer).toBeNull();
    expect((await foresatt.request('POST', `/api/students/${h.elevStudentId}/guardian-conference/decline`, {})).statusCode).toBe(204);
    expect((await foresatt.get(own)).json().offer.declinedAt).not.toBeNull();
    // a parent without parental responsibility learns nothing: not found
    const uten = await t.login('foresatt.uten');
    expect((await uten.get(`/api/students/${h.noResponsibilityStudentId}/guardian-conference`)).statusCode).toBe(404);
    const partly = (await kt.get(`/api/basis-groups/${h.basisGroup2STAId}/guardian-conferences`)).json().rows
      .find((r: { studentId: string }) => r.studentId === h.elevStudentId);
    expect(partly.guardians.filter((g: { declinedAt: string | null }) => g.declinedAt)).toHaveLength(1);
    expect((await kt.request('POST', `/api/students/${h.elevStudentId}/guardian-conference/decline`, { guardianPersonId: h.elevGuardianPersonIds[1] })).statusCode).toBe(204);
    const row = (await kt.get(`/api/basis-groups/${h.basisGroup2STAId}/guardian-conferences`)).json().rows
      .find((r: { studentId: string }) => r.studentId === h.elevStudentId);
    expect(row.status).toBe('declined');
    expect(row.guardians.every((g: { declinedAt: string | null }) => g.declinedAt)).toBe(true);
  });
});
