/**
 * Lists that name or link a student are decided when they are read or sent, not only when they were
 * made (L-05, L-06, R-14, R-16): a guardian whose insight ended — the adult student withdrew consent, or
 * the child turned 18 — no longer gets the old notices or the e-mails still in the queue; a guardian who
 * still has insight does. On PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue, runDueJobs } from '../core/jobs/queue.js';
import { closeMailTransports, startMailCapture, type MailCapture } from '../core/mail/mailer.js';
import { testApp, type Client, type TestApp } from './harness.js';

let t: TestApp;
let capture: MailCapture;
const h = () => t.demo.hardCases;

async function plantNotice(personId: string, link: string): Promise<void> {
  await t.database.query(
    `insert into notification (owner_id, id, recipient_person_id, kind, link) values ($1, gen_random_uuid(), $2, 'absence.registered', $3)`,
    [t.demo.ownerId, personId, link]);
}
const linksOf = async (c: Client) => {
  const res = await c.get('/api/me/notifications');
  expect(res.statusCode, res.body).toBe(200);
  return { body: res.body, links: (res.json().notifications as { link: string }[]).map((n) => n.link) };
};
async function emailOf(personId: string): Promise<string> {
  const address = `person-${personId.slice(0, 8)}@fjellvik.example`;
  await t.database.query('update person set email = $2 where id = $1', [personId, address]);
  return address;
}
const mailsTo = async (address: string) => (await capture.messages()).filter((m) => m.to && !Array.isArray(m.to) && m.to.value.some((v) => v.address === address));

beforeAll(async () => {
  capture = await startMailCapture();
  t = await testApp({ smtp: { url: capture.url, from: 'Elevlos <ikke-svar@fjellvik.example>' }, publicUrl: 'https://elevlos.fjellvik.example' });
}, 120_000);
afterAll(async () => {
  await t?.close();
  await capture?.close();
  closeMailTransports();
});

describe('an adult student withdraws a guardian\'s consent', () => {
  let consented: Client;
  let foresatt: Client;
  const adultLinks = () => [`/children/${h().adultWithConsentStudentId}/absence`, `/students/${h().adultWithConsentStudentId}/warning-letters/${h().adultWithConsentStudentId}`];

  beforeAll(async () => {
    consented = await t.login('foresatt.myndig');
    foresatt = await t.login('foresatt');
    for (const link of adultLinks()) await plantNotice(h().adultConsentGuardianPersonId, link);
    await plantNotice(h().elevGuardianPersonIds[0], `/children/${h().elevStudentId}/absence`);
  });

  it('the guardian sees the notices about the student while the consent stands', async () => {
    const { links } = await linksOf(consented);
    expect(links).toEqual(expect.arrayContaining(adultLinks()));
  });

  it('after the withdrawal the guardian gets none of the old notices, and nothing in the answer carries the student\'s id', async () => {
    const elevMyndig = await t.login('elev.myndig');
    const res = await elevMyndig.request('PUT', `/api/students/${h().adultWithConsentStudentId}/consents/${h().adultConsentGuardianPersonId}`, { granted: false });
    expect(res.statusCode, res.body).toBe(200);
    const { body, links } = await linksOf(consented);
    expect(links).toEqual([]);
    expect(body).not.toContain(h().adultWithConsentStudentId);
  });

  it('a guardian who still has insight still sees their notices', async () => {
    expect((await linksOf(foresatt)).links).toContain(`/children/${h().elevStudentId}/absence`);
  });

  it('an e-mail still in the queue is not sent to the guardian who lost insight, and is sent to one who has it', async () => {
    const [meeting] = await t.database.query<{ id: string }>('select id from parent_meeting where basis_group_id = $1 limit 1', [h().basisGroup2STAId]);
    expect(meeting).toBeDefined();
    const lost = await emailOf(h().adultConsentGuardianPersonId);
    const kept = await emailOf(h().elevGuardianPersonIds[0]);
    const before = { lost: (await mailsTo(lost)).length, kept: (await mailsTo(kept)).length };
    await enqueue(t.database, 'parentMeeting.informMail', { ownerId: t.demo.ownerId, meetingId: meeting!.id, personId: h().adultConsentGuardianPersonId, studentId: h().adultWithConsentStudentId }, { ownerId: t.demo.ownerId });
    await enqueue(t.database, 'parentMeeting.informMail', { ownerId: t.demo.ownerId, meetingId: meeting!.id, personId: h().elevGuardianPersonIds[0], studentId: h().elevStudentId }, { ownerId: t.demo.ownerId });
    await runDueJobs(t.database);
    expect((await mailsTo(lost)).length).toBe(before.lost);
    const sent = await mailsTo(kept);
    expect(sent.length).toBe(before.kept + 1);
    expect(sent.at(-1)!.text).toContain(`/children/${h().elevStudentId}/parent-meetings`);
  });

  it('a reminder e-mail to a teacher is sent only about a student they still teach', async () => {
    const [faglarer] = await t.database.query<{ person_id: string }>(
      `select sm.person_id from staff_member sm join account a on a.owner_id = sm.owner_id and a.person_id = sm.person_id where a.username = 'faglarer'`);
    const address = await emailOf(faglarer!.person_id);
    const before = (await mailsTo(address)).length;
    // a student in none of faglarer's teaching groups
    const [stranger] = await t.database.query<{ id: string }>(
      `select s.id from student s where s.owner_id = $1 and not exists (
         select 1 from enrolment e join subject_teacher_assignment a on a.owner_id = e.owner_id and a.teaching_group_id = e.teaching_group_id
           join staff_member sm on sm.owner_id = a.owner_id and sm.id = a.staff_member_id
         where e.owner_id = s.owner_id and e.student_id = s.id and sm.person_id = $2) limit 1`, [t.demo.ownerId, faglarer!.person_id]);
    await enqueue(t.database, 'accommodationNeed.reminderMail', { ownerId: t.demo.ownerId, personId: faglarer!.person_id, studentId: stranger!.id }, { ownerId: t.demo.ownerId });
    await enqueue(t.database, 'accommodationNeed.reminderMail', { ownerId: t.demo.ownerId, personId: faglarer!.person_id, studentId: h().elevStudentId }, { ownerId: t.demo.ownerId });
    await runDueJobs(t.database);
    const sent = (await mailsTo(address)).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain(`/students/${h().elevStudentId}/accommodation-needs`);
  });
});

describe('a department head\'s notice links a conversation', () => {
  it('is shown while they lead the student\'s department, and not once the student is in no department of theirs', async () => {
    const [conv] = await t.database.query<{ id: string }>('select id from conversation where student_id = $1 limit 1', [h().elevStudentId]);
    const [head] = await t.database.query<{ person_id: string }>('select person_id from staff_member where id = $1', [h().departmentHeadStaffMemberId]);
    await plantNotice(head!.person_id, `/conversations/${conv!.id}`);
    const avd = await t.login('avdelingsleder');
    expect((await linksOf(avd)).links).toContain(`/conversations/${conv!.id}`);
    await t.database.query('update staff_role set department_id = null where staff_member_id = $1 and role = $2', [h().departmentHeadStaffMemberId, 'departmentHead']);
    expect((await linksOf(avd)).links).not.toContain(`/conversations/${conv!.id}`);
  });
});

describe('a letter\'s e-mail still in the queue when the student turns 18', () => {
  it('is not sent to the guardian whose insight ended, and is sent to the student', async () => {
    // a sent letter of another student, with a copy to a parent with parental responsibility and one to the student
    const [row] = await t.database.query<{ student_id: string; letter_id: string; guardian_copy: string; self_copy: string; guardian: string; self: string }>(
      `select g.student_id, g.letter_id, g.id as guardian_copy, c.id as self_copy, g.recipient_person_id as guardian, c.recipient_person_id as self
         from warning_letter_copy g
         join warning_letter_copy c on c.owner_id = g.owner_id and c.letter_id = g.letter_id and c.recipient_role = 'student'
         join guardianship gs on gs.owner_id = g.owner_id and gs.student_id = g.student_id and gs.guardian_person_id = g.recipient_person_id and gs.parental_responsibility
         join student st on st.owner_id = g.owner_id and st.id = g.student_id
         join person p on p.owner_id = st.owner_id and p.id = st.person_id
        where g.owner_id = $1 and g.recipient_role = 'guardian' and p.birth_date > '2008-11-25' and g.student_id <> $2
        limit 1`, [t.demo.ownerId, h().elevStudentId]);
    expect(row).toBeDefined();
    const guardian = await emailOf(row!.guardian);
    const self = await emailOf(row!.self);
    const before = { guardian: (await mailsTo(guardian)).length, self: (await mailsTo(self)).length };
    // neither copy e-mailed yet: the queue still holds both
    await t.database.query(`delete from warning_delivery_event where copy_id = any($1::uuid[]) and kind = 'emailed'`, [[row!.guardian_copy, row!.self_copy]]);
    await t.database.query('update person set birth_date = $2 where id = $1', [row!.self, '2008-11-25']);
    for (const copyId of [row!.guardian_copy, row!.self_copy]) {
      await enqueue(t.database, 'warning.mail', { ownerId: t.demo.ownerId, studentId: row!.student_id, letterId: row!.letter_id, copyId }, { ownerId: t.demo.ownerId });
    }
    await runDueJobs(t.database);
    expect((await mailsTo(guardian)).length).toBe(before.guardian);
    const sent = await mailsTo(self);
    expect(sent.length).toBe(before.self + 1);
    expect(sent.at(-1)!.text).toContain(`/students/${row!.student_id}/warning-letters/${row!.letter_id}`);
  });
});

describe('a child turns 18 without having consented', () => {
  it('the guardian with parental responsibility stops seeing the notices about them on the birthday', async () => {
    const foresatt = await t.login('foresatt');
    expect((await linksOf(foresatt)).links).toContain(`/children/${h().elevStudentId}/absence`);
    // the pinned "today" is 2026-11-25: born on that day 18 years earlier
    await t.database.query('update person set birth_date = $2 where id = (select person_id from student where id = $1)', [h().elevStudentId, '2008-11-25']);
    const { body, links } = await linksOf(foresatt);
    expect(links).not.toContain(`/children/${h().elevStudentId}/absence`);
    expect(body).not.toContain(h().elevStudentId);
  });
});
