/**
 * Warnings (R-22, R-73; L-20, L-21): the flow from a subject teacher's pre-filled IV warning to a sent
 * letter, the letter's words (read back from the PDF with pdftotext), one copy per recipient with
 * guardian insight and protected addresses respected, immutability after sending, withdrawal, the
 * principal's decision, and bad input — on PGlite (`npm test`) and PostgreSQL (`npm run test:pg`).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { runDueJobs } from '../../core/jobs/queue.js';
import { closeMailTransports, startMailCapture, type MailCapture } from '../../core/mail/mailer.js';
import { addLogin, testApp, type Client, type TestApp } from '../../test/harness.js';
import { sentWarnings } from './queries/warnings.js';
import { suggestedDueOn } from './service.js';

let t: TestApp;
let capture: MailCapture;
let kt: Client;
let fag: Client;
let rektor: Client;
const h = () => t.demo.hardCases;
const dir = mkdtempSync(join(tmpdir(), 'elevlos-warnings-'));

beforeAll(async () => {
  capture = await startMailCapture();
  t = await testApp({ smtp: { url: capture.url, from: 'Elevlos <ikke-svar@fjellvik.example>' }, publicUrl: 'https://elevlos.fjellvik.example' });
  [kt, fag, rektor] = await Promise.all([t.login('kontaktlarer'), t.login('faglarer'), t.login('rektor')]);
}, 120_000);

afterAll(async () => {
  await t?.close();
  await capture?.close();
  closeMailTransports();
});

async function subjectIdOf(teachingGroupId: string): Promise<string> {
  const [row] = await t.database.query<{ subject_id: string }>('select subject_id from teaching_group where id = $1', [teachingGroupId]);
  return row!.subject_id;
}

async function raise(c: Client, studentId: string, body: Record<string, unknown>) {
  return c.request('POST', `/api/students/${studentId}/warnings`, { grounds: 'Mye fravær.', requirement: 'Møt i timene.', dueOn: '2026-12-04', ...body });
}

/** Raise → approve → send; returns the letter with its copies as the contact teacher sees it. */
async function sendThrough(studentId: string, warningIds: string[], channel: 'digital' | 'paper' = 'digital') {
  const approved = await kt.request('POST', `/api/students/${studentId}/warning-letters`, { warningIds, channel });
  expect(approved.statusCode, approved.body).toBe(201);
  const letterId = approved.json().id as string;
  const sent = await kt.request('POST', `/api/students/${studentId}/warning-letters/${letterId}/send`);
  expect(sent.statusCode, sent.body).toBe(200);
  const letter = await kt.get(`/api/students/${studentId}/warning-letters/${letterId}`);
  expect(letter.statusCode, letter.body).toBe(200);
  return letter.json() as { id: string; copies: { id: string; recipientName: string; recipientRole: string; sha256: string; delivery: Record<string, string | null> }[] };
}

function pdfText(bytes: Buffer): string {
  const file = join(dir, `${createHash('sha1').update(bytes).digest('hex')}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

async function pdfOf(c: Client, studentId: string, letterId: string, copyId: string) {
  const res = await c.get(`/api/students/${studentId}/warning-letters/${letterId}/copies/${copyId}/pdf`);
  return { res, text: res.statusCode === 200 ? pdfText(res.rawPayload) : '' };
}

const drainJobs = () => runDueJobs(t.database);

async function personOf(personId: string) {
  const [p] = await t.database.query<{ given_name: string; family_name: string; street_address: string; email: string }>(
    'select given_name, family_name, street_address, email from person where id = $1', [personId]);
  return { ...p!, name: `${p!.given_name} ${p!.family_name}` };
}

describe('a warning goes from the subject teacher to a delivered letter (R-22, L-20)', () => {
  let letterId = '';
  let warningId = '';
  let copies: Awaited<ReturnType<typeof sendThrough>>['copies'] = [];
  let mails: ParsedMail[] = [];

  it('pre-fills the IV warning from the absence in the subject teacher\'s own subject only', async () => {
    const res = await fag.get(`/api/students/${h().absenceOverLimitStudentId}/warnings/prefill`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const mathId = await subjectIdOf(h().teachingGroup2STAMATId);
    const norId = await subjectIdOf(h().teachingGroup2STANORId);
    const ids = body.subjects.map((s: { id: string }) => s.id);
    expect(ids).toContain(mathId);
    expect(ids).not.toContain(norId);
    const math = body.subjects.find((s: { id: string }) => s.id === mathId);
    expect(math.absence.percent).toBeGreaterThan(10);
    expect(math.absence.days.length).toBeGreaterThan(3);
    expect(math.grounds).toContain(`${String(math.absence.percent).replace('.', ',')} %`);
    expect(body.deadline).toMatchObject({ assessedOn: '2026-12-18', daysLeft: 23, tooLate: false });
  });

  it('sends one copy to the student and one to each parent, separately, with an e-mail notice each', async () => {
    const mathId = await subjectIdOf(h().teachingGroup2STAMATId);
    const raised = await raise(fag, h().elevStudentId, { kind: 'notAssessed', subjectId: mathId, grounds: 'Eleven har 9 timer udokumentert fravær i matematikk.', requirement: 'Eleven må levere prosjektoppgaven og møte på prøven 3. desember.' });
    expect(raised.statusCode, raised.body).toBe(201);
    warningId = raised.json().id;
    const conduct = await raise(kt, h().elevStudentId, { kind: 'conduct', conductAspect: 'order', grounds: 'Kommer for sent til første time sju ganger.', requirement: 'Eleven må møte presis.' });
    expect(conduct.statusCode, conduct.body).toBe(201);

    const queue = (await kt.get(`/api/basis-groups/${h().basisGroup2STAId}/warnings`)).json();
    const elevInQueue = queue.students.find((s: { studentId: string }) => s.studentId === h().elevStudentId);
    expect(elevInQueue.warnings.filter((w: { state: string }) => w.state === 'proposed')).toHaveLength(2);

    const before = (await capture.messages()).length;
    const letter = await sendThrough(h().elevStudentId, [warningId, conduct.json().id]);
    letterId = letter.id;
    copies = letter.copies;
    await drainJobs();
    mails = (await capture.messages()).slice(before);
    expect(copies.map((c) => c.recipientRole).sort()).toEqual(['guardian', 'guardian', 'student']);
    expect(mails).toHaveLength(3);
    for (const m of mails) expect(m.text).toContain(`/students/${h().elevStudentId}/warning-letters/${letterId}`);
    // the notice carries no content of the warning
    for (const m of mails) expect(m.text).not.toContain('matematikk');
  });

  it('puts the warnings, the deadline and only its own recipient in each PDF (L-20)', async () => {
    const guardians = await Promise.all(h().elevGuardianPersonIds.map(personOf));
    for (const [i, g] of guardians.entries()) {
      const copy = copies.find((c) => c.recipientName === g.name)!;
      const { text } = await pdfOf(kt, h().elevStudentId, letterId, copy.id);
      expect(text).toContain('Varsel etter forskrift til opplæringslova § 9-7');
      expect(text).toContain('(IV) i Matematikk');
      expect(text).toContain('Nokså god eller Lite god i orden');
      expect(text).toContain('Frist: 4. desember 2026');
      expect(text).toContain('prosjektoppgaven');
      expect(text).toContain(g.name);
      expect(text).not.toContain(guardians[1 - i]!.name);
    }
  });

  it('records the read receipt only from the letter\'s page: a GET (which another site can set off) records nothing, a POST without the CSRF token is refused', async () => {
    const foresatt = await t.login('foresatt');
    const opened = await foresatt.get(`/api/students/${h().elevStudentId}/warning-letters/${letterId}`);
    expect(opened.statusCode, opened.body).toBe(200);
    const copyId = opened.json().copies[0].id as string;
    expect((await pdfOf(foresatt, h().elevStudentId, letterId, copyId)).res.statusCode).toBe(200);
    const receiptUrl = `/api/students/${h().elevStudentId}/warning-letters/${letterId}/copies/${copyId}/read`;
    expect((await foresatt.get(receiptUrl)).statusCode).toBe(404);
    const forged = await t.app.inject({ method: 'POST', url: receiptUrl, headers: { cookie: foresatt.cookie } });
    expect(forged.statusCode).toBe(403);
    const readAt = async () => (await foresatt.get(`/api/students/${h().elevStudentId}/warning-letters/${letterId}`)).json().copies[0].delivery.readAt;
    expect(await readAt()).toBeNull();
    // someone else's copy: not theirs to sign for
    const kontakt = await kt.request('POST', receiptUrl);
    expect(kontakt.statusCode).toBe(404);
    expect(await readAt()).toBeNull();
  });

  it('marks a copy read when the guardian\'s letter page sends the receipt, and the letter delivered once every copy is', async () => {
    const foresatt = await t.login('foresatt');
    const before = await foresatt.get(`/api/students/${h().elevStudentId}/warning-letters/${letterId}`);
    const receipt = await foresatt.request('POST', `/api/students/${h().elevStudentId}/warning-letters/${letterId}/copies/${before.json().copies[0].id}/read`);
    expect(receipt.statusCode, receipt.body).toBe(200);
    const opened = await foresatt.get(`/api/students/${h().elevStudentId}/warning-letters/${letterId}`);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().copies).toHaveLength(1);
    expect(opened.json().copies[0].delivery.readAt).not.toBeNull();
    // the other parent's copy is not the guardian's to open
    const other = copies.find((c) => c.recipientRole === 'guardian' && c.recipientName !== opened.json().copies[0].recipientName)!;
    expect((await pdfOf(foresatt, h().elevStudentId, letterId, other.id)).res.statusCode).toBe(404);

    const elev = await t.login('elev');
    const mine = (await elev.get(`/api/students/${h().elevStudentId}/warnings`)).json();
    expect(mine.warnings.map((w: { state: string }) => w.state)).toEqual(['sent', 'sent']);
    const ownCopy = (await elev.get(`/api/students/${h().elevStudentId}/warning-letters/${letterId}`)).json().copies[0];
    expect((await elev.request('POST', `/api/students/${h().elevStudentId}/warning-letters/${letterId}/copies/${ownCopy.id}/read`)).statusCode).toBe(200);
    expect((await pdfOf(elev, h().elevStudentId, letterId, ownCopy.id)).text).toContain('Skolen skal varsle deg skriftlig');

    const staffView = (await kt.get(`/api/students/${h().elevStudentId}/warning-letters/${letterId}`)).json();
    expect(staffView.copies.filter((c: { delivery: { readAt: string | null } }) => c.delivery.readAt)).toHaveLength(2);
    expect(staffView.copies.every((c: { delivery: { emailedAt: string | null } }) => c.delivery.emailedAt)).toBe(true);
    expect(staffView.delivered).toBe(false);
    const father = copies.find((c) => c.recipientRole === 'guardian' && c.id !== opened.json().copies[0].id)!;
    const upload = await kt.request('POST', `/api/students/${h().elevStudentId}/warning-letters/${letterId}/copies/${father.id}/signed-copy`,
      { fileName: 'signert.pdf', fileType: 'application/pdf', data: Buffer.from('%PDF-1.4 signed').toString('base64') });
    expect(upload.statusCode, upload.body).toBe(200);
    expect((await kt.get(`/api/students/${h().elevStudentId}/warning-letters/${letterId}`)).json().delivered).toBe(true);
  });

  it('audits reading the letter as a sensitive read', async () => {
    const rows = await t.database.query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'warning.read' and student_id = $1 and decision = 'allow'`, [h().elevStudentId]);
    expect(rows[0]!.n).toBeGreaterThan(3);
  });

  it('keeps a sent warning immutable: no edit, no second sending, the stored PDF matches its hash (L-20)', async () => {
    const edit = await fag.request('PATCH', `/api/students/${h().elevStudentId}/warnings/${warningId}`, { grounds: 'Endret.' });
    expect(edit.statusCode).toBe(409);
    const again = await kt.request('POST', `/api/students/${h().elevStudentId}/warning-letters/${letterId}/send`);
    expect(again.statusCode).toBe(409);
    const { res } = await pdfOf(kt, h().elevStudentId, letterId, copies[0]!.id);
    expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(copies[0]!.sha256);
  });

  it('the database itself refuses to change or delete a sent letter, whoever asks (L-20, L-43)', async () => {
    const id = copies[0]!.id;
    await expect(t.database.query(`update warning_letter_copy set content = '{}'::jsonb where id = $1`, [id])).rejects.toThrow(/cannot be changed/);
    await expect(t.database.query('delete from warning_letter_copy where id = $1', [id])).rejects.toThrow(/cannot be changed/);
    const [kept] = await t.database.query<{ sha256: string }>('select sha256 from warning_letter_copy where id = $1', [id]);
    expect(kept!.sha256).toBe(copies[0]!.sha256);
  });

  it('withdraws a sent warning with a reason while the letter stays as sent', async () => {
    const w = await kt.request('POST', `/api/students/${h().elevStudentId}/warnings/${warningId}/withdraw`, { reason: 'Fraværet er dokumentert i ettertid.' });
    expect(w.statusCode, w.body).toBe(200);
    expect((await kt.request('POST', `/api/students/${h().elevStudentId}/warnings/${warningId}/withdraw`, { reason: 'igjen' })).statusCode).toBe(409);
    const view = (await kt.get(`/api/students/${h().elevStudentId}/warnings`)).json();
    expect(view.warnings.find((x: { id: string }) => x.id === warningId)).toMatchObject({ state: 'withdrawn', withdrawalReason: 'Fraværet er dokumentert i ettertid.' });
    const after = (await kt.get(`/api/students/${h().elevStudentId}/warning-letters/${letterId}`)).json();
    expect(after.copies.map((c: { sha256: string }) => c.sha256).sort()).toEqual(copies.map((c) => c.sha256).sort());
    const sent = await sentWarnings(t.database.query, t.demo.ownerId, [h().elevStudentId]);
    expect(sent.map((s) => [s.kind, s.withdrawn]).sort()).toEqual([['conduct', false], ['notAssessed', true]]);
  });
});

describe('who gets a copy, and whose address it shows (L-05, L-07, L-20)', () => {
  it('sends the strictly-confidential family three letters; no copy shows the protected address', async () => {
    const s = h().strictlyConfidentialStudentId;
    const raised = await raise(kt, s, { kind: 'conduct', conductAspect: 'behaviour' });
    expect(raised.statusCode, raised.body).toBe(201);
    const letter = await sendThrough(s, [raised.json().id], 'paper');
    const mother = await personOf(h().strictlyConfidentialGuardianPersonId);
    const father = await personOf(h().strictlyConfidentialOtherGuardianPersonId);
    expect(letter.copies).toHaveLength(3);
    for (const c of letter.copies) {
      const { text } = await pdfOf(kt, s, letter.id, c.id);
      expect(text).not.toContain(mother.street_address);
    }
    const fathersCopy = letter.copies.find((c) => c.recipientName === father.name)!;
    const fathersText = (await pdfOf(kt, s, letter.id, fathersCopy.id)).text;
    expect(fathersText).toContain(father.street_address);
    expect(fathersText).not.toContain(mother.name);
    expect(letter.copies.every((c) => c.delivery.postedAt && !c.delivery.sentAt)).toBe(true);
  });

  it('sends an adult student\'s letter only to the student and the guardian they consented to', async () => {
    const adult = await raise(kt, h().adultWithConsentStudentId, { kind: 'conduct', conductAspect: 'order' });
    const letter = await sendThrough(h().adultWithConsentStudentId, [adult.json().id]);
    const consented = await personOf(h().adultConsentGuardianPersonId);
    expect(letter.copies).toHaveLength(2);
    expect(letter.copies.filter((c) => c.recipientRole === 'guardian').map((c) => c.recipientName)).toEqual([consented.name]);

    const noConsent = await raise(kt, h().adultWithoutConsentStudentId, { kind: 'conduct', conductAspect: 'order' });
    const alone = await sendThrough(h().adultWithoutConsentStudentId, [noConsent.json().id]);
    expect(alone.copies.map((c) => c.recipientRole)).toEqual(['student']);
  });

  it('shows a guardian without insight nothing (L-06)', async () => {
    const uten = await t.login('foresatt.uten');
    expect((await uten.get(`/api/students/${h().noResponsibilityStudentId}/warnings`)).statusCode).toBeGreaterThanOrEqual(403);
  });
});

describe('the principal decides L-21 alone, and the decision can be appealed (R-73, L-21)', () => {
  let warningId = '';
  beforeAll(async () => {
    const raised = await raise(fag, h().absenceOverLimitStudentId, { kind: 'notAssessed', subjectId: await subjectIdOf(h().teachingGroup2STAMATId) });
    warningId = raised.json().id;
  });

  it('refuses a decision before the warning was sent', async () => {
    expect((await rektor.request('POST', `/api/students/${h().absenceOverLimitStudentId}/warnings/${warningId}/decision`, { reasons: 'For tidlig.' })).statusCode).toBe(409);
  });

  it('writes each copy in its reader\'s language: a guardian who reads nynorsk gets nynorsk, the student the letter\'s bokmål', async () => {
    const [guardian] = await t.database.query<{ guardian_person_id: string }>(
      'select guardian_person_id from guardianship where student_id = $1 limit 1', [h().absenceOverLimitStudentId]);
    await t.database.query(`update person set preferred_locale = 'nn' where id = $1`, [guardian!.guardian_person_id]);
    const letter = await sendThrough(h().absenceOverLimitStudentId, [warningId]);
    const copies = (await t.database.query<{ recipient_person_id: string; recipient_role: string; content: unknown }>(
      'select recipient_person_id, recipient_role, content from warning_letter_copy where letter_id = $1', [letter.id]))
      .map((c) => ({ ...c, content: (typeof c.content === 'string' ? JSON.parse(c.content) : c.content) as { locale: string; title: string } }));
    const localeOf = (c: { content: { locale: string } }) => c.content.locale;
    expect(localeOf(copies.find((c) => c.recipient_role === 'student')!)).toBe('nb');
    const nn = copies.find((c) => c.recipient_person_id === guardian!.guardian_person_id)!;
    expect(localeOf(nn)).toBe('nn');
    expect(nn.content.title).toMatch(/varsel/i);
  });

  it('offers the principal the decision only once the deadline has passed (L-21)', async () => {
    const url = `/api/students/${h().absenceOverLimitStudentId}/warnings/${warningId}/decision`;
    const early = await rektor.request('POST', url, { reasons: 'Fristen er ikke ute ennå.' });
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json().detail).toContain('04.12.2026');
  });

  it('lets only the principal decide that no grade is given after the deadline, and records the appeal', async () => {
    // the day after the warning's deadline (2026-12-04)
    process.env.ELEVLOS_TODAY = '2026-12-07';
    onTestFinished(() => { process.env.ELEVLOS_TODAY = '2026-11-25'; });
    const view = (await rektor.get(`/api/students/${h().absenceOverLimitStudentId}/warnings`)).json();
    expect(view.warnings.find((w: { id: string }) => w.id === warningId).dueState).toBe('past');
    const url = `/api/students/${h().absenceOverLimitStudentId}/warnings/${warningId}/decision`;
    const body = { reasons: 'Eleven har ikke møtt til vurdering etter varselet, og det finnes ikke grunnlag for karakter.' };
    expect((await kt.request('POST', url, body)).statusCode).toBe(403);
    expect((await (await t.login('avdelingsleder')).request('POST', url, body)).statusCode).toBe(403);
    const decided = await rektor.request('POST', url, body);
    expect(decided.statusCode, decided.body).toBe(201);
    expect((await rektor.request('POST', url, body)).statusCode).toBe(409);
    const appeal = await rektor.request('POST', `${url}/appeal`, { appealedOn: '2026-11-25', note: 'Foresatte klager.', forwardedOn: '2026-11-25' });
    expect(appeal.statusCode, appeal.body).toBe(200);
    const list = (await rektor.get('/api/warnings?kind=notAssessed&state=sent')).json();
    expect(list.warnings.find((w: { id: string }) => w.id === warningId).decision).toMatchObject({ appealedOn: '2026-11-25', forwardedOn: '2026-11-25' });
  });
});

describe('bad input is refused with the field named, and nothing is saved (R-22)', () => {
  const count = async () => (await t.database.query<{ n: number }>('select count(*)::int as n from warning_notice'))[0]!.n;

  it('refuses an unknown subject, a subject the teacher does not teach, a past or too late deadline', async () => {
    const before = await count();
    const mathId = await subjectIdOf(h().teachingGroup2STAMATId);
    const norId = await subjectIdOf(h().teachingGroup2STANORId);
    const cases: [Client, Record<string, unknown>, string][] = [
      [fag, { kind: 'notAssessed', subjectId: '00000000-0000-4000-8000-000000000000' }, 'subjectId'],
      [fag, { kind: 'notAssessed', subjectId: norId }, 'subjectId'],
      [fag, { kind: 'notAssessed' }, 'subjectId'],
      [kt, { kind: 'conduct' }, 'conductAspect'],
      [fag, { kind: 'notAssessed', subjectId: mathId, dueOn: '2026-11-01' }, 'dueOn'],
      [fag, { kind: 'notAssessed', subjectId: mathId, dueOn: '2026-12-20' }, 'dueOn'],
    ];
    for (const [c, body, field] of cases) {
      const res = await raise(c, h().elevStudentId, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(JSON.stringify(res.json())).toContain(field);
    }
    expect(await count()).toBe(before);
  });

  it('refuses to merge another student\'s warning into a letter, naming the warning', async () => {
    const other = await raise(kt, h().confidentialStudentId, { kind: 'conduct', conductAspect: 'order' });
    const res = await kt.request('POST', `/api/students/${h().elevStudentId}/warning-letters`, { warningIds: [other.json().id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors?.[0]?.field ?? JSON.stringify(res.json())).toContain('warningIds');
  });

  it('hides a student outside the subject teacher\'s groups', async () => {
    const [outside] = await t.database.query<{ id: string }>(
      `select s.id from student s where s.school_id = $1 and s.status = 'active' and not exists (select 1 from enrolment e
         join subject_teacher_assignment a on a.teaching_group_id = e.teaching_group_id where e.student_id = s.id and a.staff_member_id = $2) limit 1`,
      [t.demo.schoolId, h().subjectTeacherStaffMemberId]);
    const res = await raise(fag, outside!.id, { kind: 'conduct', conductAspect: 'order' });
    expect([403, 404]).toContain(res.statusCode);
  });
});

describe('the deadline check (L-20: a real chance)', () => {
  it('warns the contact teacher when less than the school\'s notice remains before the assessment', async () => {
    const dates = (await rektor.get('/api/warnings/assessment-dates')).json();
    const autumn = dates.terms.find((x: { kind: string }) => x.kind === 'autumn');
    const set = await rektor.request('PUT', '/api/warnings/assessment-dates', { termId: autumn.termId, assessedOn: '2026-12-10', minimumNoticeDays: 21 });
    expect(set.statusCode, set.body).toBe(200);
    const queue = (await kt.get(`/api/basis-groups/${h().basisGroup2STAId}/warnings`)).json();
    expect(queue.deadline).toMatchObject({ assessedOn: '2026-12-10', daysLeft: 15, tooLate: true, configured: true });
    const bad = await rektor.request('PUT', '/api/warnings/assessment-dates', { termId: autumn.termId, assessedOn: '2027-02-01' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('warnings without traps: the default deadline, flags, order (L-20, R-22)', () => {
  it('defaults the deadline from the assessment date and the 21-day rule, never to today, a past day or the assessment itself', () => {
    expect(suggestedDueOn('2026-11-25', '2026-12-18', 21)).toBe('2026-12-09');
    expect(suggestedDueOn('2026-11-25', '2027-01-31', 28)).toBe('2026-12-16');
    expect(suggestedDueOn('2026-11-25', '2026-12-10', 21)).toBe('2026-12-03');
    expect(suggestedDueOn('2026-11-25', '2026-11-29', 21)).toBe('2026-11-28');
    expect(suggestedDueOn('2026-11-25', '2026-11-26', 21)).toBeNull();
    for (let d = 0; d < 80; d++) {
      const assessedOn = new Date(Date.UTC(2026, 10, 20 + d)).toISOString().slice(0, 10);
      const due = suggestedDueOn('2026-11-25', assessedOn, 21);
      if (due !== null) {
        expect(due > '2026-11-25', `${assessedOn}: ${due}`).toBe(true);
        expect(due < assessedOn, `${assessedOn}: ${due}`).toBe(true);
      }
    }
  });

  it('pre-fills a deadline the server accepts, and flags a warning due today', async () => {
    const mathId = await subjectIdOf(h().teachingGroup2STAMATId);
    const prefill = (await fag.get(`/api/students/${h().elevStudentId}/warnings/prefill`)).json();
    expect(prefill.suggestedDueOn).toBe(suggestedDueOn('2026-11-25', prefill.deadline.assessedOn, prefill.deadline.minimumNoticeDays));
    const accepted = await raise(fag, h().elevStudentId, { kind: 'notAssessed', subjectId: mathId, dueOn: prefill.suggestedDueOn });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const dueToday = await raise(kt, h().elevStudentId, { kind: 'conduct', conductAspect: 'behaviour', dueOn: '2026-11-25' });
    expect(dueToday.statusCode, dueToday.body).toBe(201);
    const view = (await kt.get(`/api/students/${h().elevStudentId}/warnings`)).json();
    const state = (id: string) => view.warnings.find((w: { id: string }) => w.id === id).dueState;
    expect(state(dueToday.json().id)).toBe('today');
    expect(state(accepted.json().id)).toBe('open');
  });

  it('puts the students with something still to send first in the class queue, and names who gets each letter', async () => {
    const queue = (await kt.get(`/api/basis-groups/${h().basisGroup2STAId}/warnings`)).json() as {
      students: { name: string; warnings: { state: string }[]; letters: { sentAt: string | null; recipients: string[] }[] }[];
    };
    const pending = queue.students.map((s) => s.warnings.some((w) => w.state === 'proposed') || s.letters.some((l) => l.sentAt === null));
    expect(pending).toContain(true);
    expect(pending.indexOf(false) === -1 || pending.lastIndexOf(true) < pending.indexOf(false)).toBe(true);
    for (const s of queue.students) {
      const sentAt = s.letters.map((l) => l.sentAt !== null);
      expect(sentAt.lastIndexOf(false) === -1 || sentAt.indexOf(true) === -1 || sentAt.lastIndexOf(false) < sentAt.indexOf(true)).toBe(true);
      for (const l of s.letters) expect(l.recipients).toContain(s.name);
    }
  });
});

describe('a subject teacher\'s view', () => {
  it('shows the subject teacher only their own subject\'s warnings, and no letters', async () => {
    const view = (await fag.get(`/api/students/${h().elevStudentId}/warnings`)).json();
    expect(view.warnings.every((w: { kind: string; raisedByMe: boolean }) => w.raisedByMe || w.kind === 'notAssessed')).toBe(true);
    expect(view.warnings.some((w: { kind: string }) => w.kind === 'conduct')).toBe(false);
    expect(view.letters).toEqual([]);
  });
});

describe('the demo school (generated people only)', () => {
  it('has warnings proposed, approved, sent and read, and withdrawn', async () => {
    const rows = await t.database.query<{ state: string }>(
      `select distinct w.state from warning_notice w join student s on s.id = w.student_id
       where w.student_id <> all($1::uuid[])`, [[h().elevStudentId, h().absenceOverLimitStudentId, h().strictlyConfidentialStudentId, h().adultWithConsentStudentId, h().adultWithoutConsentStudentId, h().confidentialStudentId]]);
    expect(rows.map((r) => r.state).sort()).toEqual(['approved', 'proposed', 'sent', 'withdrawn']);
    const [read] = await t.database.query<{ n: number }>(`select count(*)::int as n from warning_delivery_event where kind = 'read'`);
    expect(read!.n).toBeGreaterThan(0);
  });
});
