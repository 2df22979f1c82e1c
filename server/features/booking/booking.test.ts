/** R-18 booking of conversation slots: publishing, booking at the same instant, cut-offs, L-07, consent, e-mail, calendar. */
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueJobs, runOneJob } from '../../core/jobs/queue.js';
import { closeMailTransports, startMailCapture, type MailCapture } from '../../core/mail/mailer.js';
import { addLogin, testApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let capture: MailCapture;
let kt: Client;
let elev: Client;
let foresatt: Client;
let h: TestApp['demo']['hardCases'];

beforeAll(async () => {
  capture = await startMailCapture();
  t = await testApp({ smtp: { url: capture.url, from: 'Elevlos <ikke-svar@fjellvik.example>' }, publicUrl: 'https://elevlos.fjellvik.example' });
  h = t.demo.hardCases;
  kt = await t.login('kontaktlarer');
  elev = await t.login('elev');
  foresatt = await t.login('foresatt');
});
afterAll(async () => {
  await t?.close();
  closeMailTransports();
  await capture?.close();
});

/** Every test gets its own days, so that the contact teacher's slots never clash across tests. */
let dayCounter = 0;
function nextDay(): string {
  const d = new Date(Date.UTC(2026, 11, 1 + dayCounter++));
  return d.toISOString().slice(0, 10);
}

interface Published { id: string; slots: { id: string; startsAt: string; endsAt: string }[] }

async function publish(client: Client, body: Record<string, unknown>, group = `/api/basis-groups/${h.basisGroup2STAId}`): Promise<Published> {
  const res = await client.request('POST', `${group}/booking-rounds`, {
    kind: 'guardian', title: 'Foreldresamtaler 2STA', place: 'Rom 204', lengthMinutes: 20, breakMinutes: 0, ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  const view = await client.get(`/api/booking-rounds/${res.json().id}`);
  expect(view.statusCode, view.body).toBe(200);
  return { id: res.json().id, slots: view.json().slots };
}

const bookUrl = (studentId: string) => `/api/students/${studentId}/bookings`;
const viewOf = async (c: Client, studentId: string) => {
  const res = await c.get(`/api/students/${studentId}/booking`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { rounds: { id: string; kind: string; canBook: boolean; freeSlots: { id: string }[]; booking: null | Record<string, unknown> & { id: string; bookedBy: string; ics: string } }[] };
};

const drainJobs = () => runDueJobs(t.database);

/** The mails sent by `fn` (after running the jobs it queued). */
async function mailsDuring(fn: () => Promise<unknown>): Promise<ParsedMail[]> {
  await drainJobs();
  const before = (await capture.messages()).length;
  await fn();
  await drainJobs();
  return (await capture.messages()).slice(before);
}

const addressesOf = (m: ParsedMail) => [m.to, m.cc, m.bcc].flat().filter(Boolean)
  .flatMap((a) => (a as { value: { address?: string }[] }).value.map((v) => v.address ?? ''));
/** the .ics attachment, with folded lines joined (RFC 5545 3.1), so that no address hides across a fold */
const icsOf = (m: ParsedMail) => (m.attachments.find((a) => a.filename?.endsWith('.ics') || a.contentType.includes('calendar'))?.content.toString('utf8') ?? '')
  .replace(/\r?\n[ \t]/g, '');

async function emailOf(personId: string): Promise<string> {
  const [p] = await t.database.query<{ email: string }>('select email from person where id = $1', [personId]);
  return p!.email;
}

async function personIdOf(studentId: string): Promise<string> {
  const [p] = await t.database.query<{ person_id: string }>('select person_id from student where id = $1', [studentId]);
  return p!.person_id;
}

describe('publishing slots', () => {
  it('the contact teacher publishes a round: each day is cut into slots of the given length with the break between, in Norwegian time', async () => {
    const date = nextDay();
    const round = await publish(kt, { days: [{ date, from: '14:00', to: '15:00' }], lengthMinutes: 15, breakMinutes: 5, title: 'Høst' });
    // 14:00, 14:20, 14:40 (14:40–14:55 still fits); December is UTC+1
    expect(round.slots.map((s) => [s.startsAt, s.endsAt])).toEqual([
      [`${date}T13:00:00.000Z`, `${date}T13:15:00.000Z`],
      [`${date}T13:20:00.000Z`, `${date}T13:35:00.000Z`],
      [`${date}T13:40:00.000Z`, `${date}T13:55:00.000Z`],
    ]);
    const mine = (await kt.get('/api/me/booking-rounds')).json().rounds;
    expect(mine.find((r: { id: string }) => r.id === round.id)).toMatchObject({ kind: 'guardian', title: 'Høst', slotCount: 3, bookedCount: 0, group: { type: 'basisGroup', name: '2STA' } });
  });

  it('a slot in the past is refused with 400 naming the day\'s date, and nothing is saved', async () => {
    const rounds = Number((await t.database.query<{ n: number }>('select count(*)::int as n from booking_round'))[0]!.n);
    const res = await kt.request('POST', `/api/basis-groups/${h.basisGroup2STAId}/booking-rounds`, {
      kind: 'guardian', title: 'For sent', place: 'Rom 204', lengthMinutes: 20, days: [{ date: nextDay(), from: '10:00', to: '11:00' }, { date: '2026-11-20', from: '10:00', to: '11:00' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'days.1.date', message: 'Tiden har allerede vært.' }]);
    expect(Number((await t.database.query<{ n: number }>('select count(*)::int as n from booking_round'))[0]!.n)).toBe(rounds);
  });

  it('slots overlapping the teacher\'s own slots in another round, or each other, are refused with 400 naming the field, and nothing is saved', async () => {
    const date = nextDay();
    await publish(kt, { days: [{ date, from: '09:00', to: '10:00' }] });
    const slotsBefore = Number((await t.database.query<{ n: number }>('select count(*)::int as n from slot'))[0]!.n);

    const clash = await kt.request('POST', `/api/basis-groups/${h.basisGroup2STAId}/booking-rounds`, {
      kind: 'student', title: 'Elevsamtaler', place: 'Rom 204', lengthMinutes: 20, days: [{ date: nextDay(), from: '09:00', to: '10:00' }, { date, from: '09:40', to: '11:00' }],
    }, { 'accept-language': 'en' });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().errors).toHaveLength(1);
    expect(clash.json().errors[0].field).toBe('days.1.from');
    expect(clash.json().errors[0].message).toMatch(/^Clashes with another slot of yours at .*09:40/);

    const selfOverlap = await kt.request('POST', `/api/basis-groups/${h.basisGroup2STAId}/booking-rounds`, {
      kind: 'student', title: 'Elevsamtaler', place: 'Rom 204', lengthMinutes: 20, days: [{ date: '2027-03-01', from: '09:00', to: '10:00' }, { date: '2027-03-01', from: '09:30', to: '10:30' }],
    }, { 'accept-language': 'nn' });
    expect(selfOverlap.statusCode).toBe(400);
    expect(selfOverlap.json().errors).toEqual([{ field: 'days.1.from', message: 'Tidsrommet overlappar eit anna tidsrom i skjemaet.' }]);
    expect(Number((await t.database.query<{ n: number }>('select count(*)::int as n from slot'))[0]!.n)).toBe(slotsBefore);
  });

  it('a period ending before it starts, one too short for a slot, a subject round for a class, an http video link and no place are each named in the 400', async () => {
    const res = await kt.request('POST', `/api/basis-groups/${h.basisGroup2STAId}/booking-rounds`, {
      kind: 'subject', title: 'Feil', lengthMinutes: 30, days: [{ date: nextDay(), from: '10:00', to: '09:00' }, { date: nextDay(), from: '10:00', to: '10:20' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['days.0.to', 'days.1.to', 'kind', 'place']);
    const http = await kt.request('POST', `/api/basis-groups/${h.basisGroup2STAId}/booking-rounds`, {
      kind: 'guardian', title: 'Video', videoLink: 'http://meet.example.no/x', lengthMinutes: 20, days: [{ date: nextDay(), from: '10:00', to: '11:00' }],
    });
    expect(http.statusCode).toBe(400);
    expect(http.json().errors.map((e: { field: string }) => e.field)).toEqual(['videoLink']);
  });

  it('the subject teacher publishes subject-conversation slots for a teaching group; a guardian conference there is refused', async () => {
    const fag = await t.login('faglarer');
    const round = await publish(fag, { kind: 'subject', title: 'Fagsamtaler MAT', place: undefined, videoLink: 'https://meet.example.no/mat', days: [{ date: nextDay(), from: '12:00', to: '12:40' }] },
      `/api/teaching-groups/${h.teachingGroup2STAMATId}`);
    expect(round.slots).toHaveLength(2);
    const wrong = await fag.request('POST', `/api/teaching-groups/${h.teachingGroup2STAMATId}/booking-rounds`, {
      kind: 'guardian', title: 'x', place: 'Rom 1', lengthMinutes: 20, days: [{ date: nextDay(), from: '12:00', to: '12:40' }],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('kind');
    // elev takes 2STA-MAT: the student sees and books it; the guardian does not see subject conversations
    const round2 = (await viewOf(elev, h.elevStudentId)).rounds.find((r) => r.id === round.id)!;
    expect(round2.canBook).toBe(true);
    expect((await viewOf(foresatt, h.elevStudentId)).rounds.some((r) => r.id === round.id)).toBe(false);
    const byGuardian = await foresatt.request('POST', bookUrl(h.elevStudentId), { slotId: round.slots[0]!.id });
    expect(byGuardian.statusCode).toBe(400);
    expect(byGuardian.json().errors[0].field).toBe('slotId');
    const byStudent = await elev.request('POST', bookUrl(h.elevStudentId), { slotId: round.slots[0]!.id });
    expect(byStudent.statusCode).toBe(201);
    const [c] = await t.database.query<{ kind: string; teaching_group_id: string; holder_person_id: string }>(
      'select kind, teaching_group_id, holder_person_id from conversation where id = $1', [byStudent.json().conversationId]);
    expect(c).toMatchObject({ kind: 'subject', teaching_group_id: h.teachingGroup2STAMATId });
  });
});

describe('booking', () => {
  it('two students booking the same slot at the same instant: exactly one 201 and one 409, and one booking row', async () => {
    const round = await publish(kt, { kind: 'student', title: 'Elevsamtaler', days: [{ date: nextDay(), from: '08:00', to: '08:40' }] });
    const adult = await t.login('elev.myndig');
    const slotId = round.slots[0]!.id;
    const [a, b] = await Promise.all([
      elev.request('POST', bookUrl(h.elevStudentId), { slotId }),
      adult.request('POST', bookUrl(h.adultWithConsentStudentId), { slotId }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.headers['content-type']).toContain('application/problem+json');
    expect(loser.json().title).toBe('Noen andre har nettopp bestilt denne tiden. Velg en annen tid.');
    const rows = await t.database.query('select id from booking where slot_id = $1 and cancelled_at is null', [slotId]);
    expect(rows).toHaveLength(1);
    // and no planned conversation was left behind by the loser
    const planned = await t.database.query('select id from conversation where planned_at = $1 and cancelled_at is null', [round.slots[0]!.startsAt]);
    expect(planned).toHaveLength(1);
  });

  it('six families racing for one slot: one wins, five get 409, one row', async () => {
    const round = await publish(kt, { kind: 'student', title: 'Elevsamtaler', days: [{ date: nextDay(), from: '08:00', to: '08:20' }] });
    const slotId = round.slots[0]!.id;
    const students = await t.database.query<{ student_id: string }>(
      `select e.student_id from enrolment e where e.basis_group_id = $1 and e.ends_on is null and e.student_id <> $2 limit 5`, [h.basisGroup2STAId, h.elevStudentId]);
    // the contact teacher books for five families that phoned, the student for themself, all at once
    const results = await Promise.all([
      elev.request('POST', bookUrl(h.elevStudentId), { slotId }),
      ...students.map((s) => kt.request('POST', bookUrl(s.student_id), { slotId })),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(await t.database.query('select id from booking where slot_id = $1 and cancelled_at is null', [slotId])).toHaveLength(1);
  });

  it('two guardians of one student booking at the same instant share one booking: one 201, one 409, and each sees it as booked', async () => {
    const round = await publish(kt, { days: [{ date: nextDay(), from: '15:00', to: '16:00' }] });
    await addLogin(t.database, t.demo.ownerId, h.elevGuardianPersonIds[1], 'foresatt.to');
    const other = await t.login('foresatt.to');
    const [a, b] = await Promise.all([
      foresatt.request('POST', bookUrl(h.elevStudentId), { slotId: round.slots[0]!.id }),
      other.request('POST', bookUrl(h.elevStudentId), { slotId: round.slots[1]!.id }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().title).toBe('Eleven har allerede en bestilt tid i denne runden. Bytt eller avbestill den i stedet.');
    expect(await t.database.query('select id from booking where round_id = $1 and cancelled_at is null', [round.id])).toHaveLength(1);
    const winner = a.statusCode === 201 ? foresatt : other;
    const second = a.statusCode === 201 ? other : foresatt;
    expect((await viewOf(winner, h.elevStudentId)).rounds.find((r) => r.id === round.id)!.booking!.bookedBy).toBe('you');
    const seen = (await viewOf(second, h.elevStudentId)).rounds.find((r) => r.id === round.id)!;
    expect(seen.booking).toMatchObject({ bookedBy: 'otherGuardian', canChange: true });
    // the other guardian may move it: guardians of one student share the booking
    const moved = await second.request('PUT', `${bookUrl(h.elevStudentId)}/${seen.booking!.id}`, { slotId: round.slots[2]!.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await viewOf(winner, h.elevStudentId)).rounds.find((r) => r.id === round.id)!.booking).toMatchObject({ bookedBy: 'otherGuardian', slotId: round.slots[2]!.id });
  });

  it('one booking per student per round: a second one is 409 and changes nothing; a taken slot is 409 too', async () => {
    const round = await publish(kt, { kind: 'student', title: 'Elevsamtaler', days: [{ date: nextDay(), from: '10:00', to: '11:00' }] });
    expect((await elev.request('POST', bookUrl(h.elevStudentId), { slotId: round.slots[0]!.id })).statusCode).toBe(201);
    const again = await elev.request('POST', bookUrl(h.elevStudentId), { slotId: round.slots[1]!.id }, { 'accept-language': 'nn' });
    expect(again.statusCode).toBe(409);
    expect(again.json().title).toBe('Eleven har alt ei bestilt tid i denne runden. Byt eller avbestill ho i staden.');
    const adult = await t.login('elev.myndig');
    const taken = await adult.request('POST', bookUrl(h.adultWithConsentStudentId), { slotId: round.slots[0]!.id }, { 'accept-language': 'en' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().title).toBe('Someone else has just booked this time. Choose another time.');
    const rows = await t.database.query<{ slot_id: string }>('select slot_id from booking where round_id = $1 and cancelled_at is null', [round.id]);
    expect(rows).toEqual([{ slot_id: round.slots[0]!.id }]);
  });

  it('a booking plans a conversation of the round\'s kind at the slot\'s start, held by the host; cancelling cancels it', async () => {
    const round = await publish(kt, { kind: 'startOfYear', title: 'Oppstartsamtaler', days: [{ date: nextDay(), from: '10:00', to: '10:40' }] });
    const res = await elev.request('POST', bookUrl(h.elevStudentId), { slotId: round.slots[1]!.id });
    expect(res.statusCode).toBe(201);
    const [kt1] = await t.database.query<{ person_id: string }>('select person_id from account where username = $1', ['kontaktlarer']);
    const [c] = await t.database.query<{ kind: string; planned_at: Date; holder_person_id: string; place: string; cancelled_at: Date | null; student_id: string }>(
      'select kind, planned_at, holder_person_id, place, cancelled_at, student_id from conversation where id = $1', [res.json().conversationId]);
    expect(c).toMatchObject({ kind: 'startOfYear', holder_person_id: kt1!.person_id, place: 'Rom 204', cancelled_at: null, student_id: h.elevStudentId });
    expect(new Date(c!.planned_at).toISOString()).toBe(round.slots[1]!.startsAt);
    expect((await elev.request('DELETE', `${bookUrl(h.elevStudentId)}/${res.json().id}`)).statusCode).toBe(204);
    const [after] = await t.database.query<{ cancelled_at: Date | null }>('select cancelled_at from conversation where id = $1', [res.json().conversationId]);
    expect(after!.cancelled_at).not.toBeNull();
  });

  it('cancel and rebook work until the cut-off and are refused with 400 after it, changing nothing; the school may still change it', async () => {
    // within two weeks, so that a two-week cut-off lies behind us (no other test uses this day)
    const round = await publish(kt, { days: [{ date: '2026-11-30', from: '12:00', to: '13:00' }] });
    const booked = await foresatt.request('POST', bookUrl(h.elevStudentId), { slotId: round.slots[0]!.id });
    expect(booked.statusCode).toBe(201);
    const moved = await foresatt.request('PUT', `${bookUrl(h.elevStudentId)}/${booked.json().id}`, { slotId: round.slots[1]!.id });
    expect(moved.statusCode).toBe(200);
    // the same planned conversation moves with it (the student's preparation stays attached)
    expect(moved.json().conversationId).toBe(booked.json().conversationId);
    const [c] = await t.database.query<{ planned_at: Date }>('select planned_at from conversation where id = $1', [booked.json().conversationId]);
    expect(new Date(c!.planned_at).toISOString()).toBe(round.slots[1]!.startsAt);
    expect((await foresatt.request('DELETE', `${bookUrl(h.elevStudentId)}/${moved.json().id}`)).statusCode).toBe(204);
    const again = await foresatt.request('POST', bookUrl(h.elevStudentId), { slotId: round.slots[2]!.id });
    expect(again.statusCode).toBe(201);

    // time passes: the cut-off (two weeks before) is now behind us
    await t.database.query('update booking_round set cutoff_hours = 336 where id = $1', [round.id]);
    const late = await foresatt.request('PUT', `${bookUrl(h.elevStudentId)}/${again.json().id}`, { slotId: round.slots[0]!.id });
    expect(late.statusCode).toBe(400);
    expect(late.json().title).toMatch(/^Fristen for å bestille, bytte eller avbestille denne tiden gikk ut /);
    expect((await foresatt.request('DELETE', `${bookUrl(h.elevStudentId)}/${again.json().id}`)).statusCode).toBe(400);
    const view = (await viewOf(foresatt, h.elevStudentId)).rounds.find((r) => r.id === round.id)!;
    expect(view.booking).toMatchObject({ id: again.json().id, slotId: round.slots[2]!.id, canChange: false });
    expect(view.freeSlots).toEqual([]);
    // a family that phones the contact teacher can still be helped
    const bySchool = await kt.request('PUT', `${bookUrl(h.elevStudentId)}/${again.json().id}`, { slotId: round.slots[0]!.id });
    expect(bySchool.statusCode, bySchool.body).toBe(200);
    expect((await viewOf(foresatt, h.elevStudentId)).rounds.find((r) => r.id === round.id)!.booking!.bookedBy).toBe('school');
  });

  it('a closed round takes no bookings; the bookings made stay', async () => {
    const round = await publish(kt, { days: [{ date: nextDay(), from: '12:00', to: '12:40' }] });
    expect((await foresatt.request('POST', bookUrl(h.elevStudentId), { slotId: round.slots[0]!.id })).statusCode).toBe(201);
    expect((await kt.request('POST', `/api/booking-rounds/${round.id}/close`)).json().closedAt).not.toBeNull();
    const adult = await t.login('elev.myndig');
    const res = await adult.request('POST', bookUrl(h.adultWithConsentStudentId), { slotId: round.slots[1]!.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().title).toBe('Timebestillingen er stengt. Ta kontakt med skolen.');
    expect((await viewOf(foresatt, h.elevStudentId)).rounds.find((r) => r.id === round.id)).toMatchObject({ closed: true, canBook: false, booking: { canChange: false } });
  });

  it('the host sees who booked for which student (by role, never a guardian\'s name) and who has not booked, and each student shown is audited', async () => {
    const round = await publish(kt, { days: [{ date: nextDay(), from: '12:00', to: '12:40' }] });
    expect((await foresatt.request('POST', bookUrl(h.elevStudentId), { slotId: round.slots[1]!.id })).statusCode).toBe(201);
    const view = await kt.get(`/api/booking-rounds/${round.id}`);
    expect(view.statusCode).toBe(200);
    const body = view.json();
    expect(body.access.reason).toBe('kontaktlærer for 2STA');
    expect(body.slots[0].booking).toBeNull();
    expect(body.slots[1].booking).toMatchObject({ studentId: h.elevStudentId, bookedBy: 'guardian' });
    expect(body.slots[1].booking.studentName).not.toBe('');
    expect(body.notBooked.some((s: { studentId: string }) => s.studentId === h.elevStudentId)).toBe(false);
    expect(body.notBooked.some((s: { studentId: string }) => s.studentId === h.adultWithConsentStudentId)).toBe(true);
    const audited = await t.database.query('select 1 from audit_log where action = $1 and resource_id = $2 and student_id = $3', ['bookingRound.read', round.id, h.elevStudentId]);
    expect(audited.length).toBeGreaterThan(0);
    // another class's contact teacher learns nothing (404), the department head is refused (403)
    const dh = await t.login('avdelingsleder');
    expect((await dh.get(`/api/booking-rounds/${round.id}`)).statusCode).toBe(403);
    expect((await elev.get(`/api/booking-rounds/${round.id}`)).statusCode).toBe(404);
  });

  it('the host removes a free slot, and cancels a booked one: the conversation is cancelled and the family told by e-mail (METHOD:CANCEL)', async () => {
    const round = await publish(kt, { days: [{ date: nextDay(), from: '12:00', to: '12:40' }] });
    const booked = await elev.request('POST', bookUrl(h.elevStudentId), { slotId: round.slots[1]!.id });
    expect(booked.statusCode).toBe(201);
    expect((await kt.request('DELETE', `/api/booking-rounds/${round.id}/slots/${round.slots[0]!.id}`)).statusCode).toBe(204);
    const mails = await mailsDuring(async () => {
      expect((await kt.request('DELETE', `/api/booking-rounds/${round.id}/slots/${round.slots[1]!.id}`)).statusCode).toBe(204);
    });
    expect((await kt.get(`/api/booking-rounds/${round.id}`)).json().slots).toEqual([]);
    const [c] = await t.database.query<{ cancelled_at: Date | null }>('select cancelled_at from conversation where id = $1', [booked.json().conversationId]);
    expect(c!.cancelled_at).not.toBeNull();
    const toStudent = await emailOf(await personIdOf(h.elevStudentId));
    const mail = mails.find((m) => addressesOf(m).includes(toStudent))!;
    expect(mail.subject).toMatch(/^Avlyst: /);
    expect(icsOf(mail)).toContain('METHOD:CANCEL');
    expect(icsOf(mail)).toContain('STATUS:CANCELLED');
  });
});

describe('who may see and book (L-06, L-07, adult students)', () => {
  it('an adult student\'s guardian without consent can neither see nor book (404); the consented guardian can', async () => {
    const round = await publish(kt, { days: [{ date: nextDay(), from: '13:00', to: '13:40' }] });
    await addLogin(t.database, t.demo.ownerId, h.adultNoConsentGuardianPersonId, 'foresatt.uten.samtykke');
    const without = await t.login('foresatt.uten.samtykke');
    expect((await without.get(`/api/students/${h.adultWithConsentStudentId}/booking`)).statusCode).toBe(404);
    expect((await without.request('POST', bookUrl(h.adultWithConsentStudentId), { slotId: round.slots[0]!.id })).statusCode).toBe(404);
    const withConsent = await t.login('foresatt.myndig');
    const view = await viewOf(withConsent, h.adultWithConsentStudentId);
    expect(view.rounds.find((r) => r.id === round.id)!.canBook).toBe(true);
    expect((await withConsent.request('POST', bookUrl(h.adultWithConsentStudentId), { slotId: round.slots[0]!.id })).statusCode).toBe(201);
    expect(await t.database.query('select id from booking where round_id = $1 and cancelled_at is null', [round.id])).toHaveLength(1);
  });

  it('the e-mails already queued when the adult student withdraws consent go to the student and the host, not to that guardian', async () => {
    const round = await publish(kt, { days: [{ date: nextDay(), from: '14:00', to: '14:40' }] });
    const withConsent = await t.login('foresatt.myndig');
    await drainJobs();
    expect((await withConsent.request('POST', bookUrl(h.adultWithConsentStudentId), { slotId: round.slots[0]!.id })).statusCode).toBe(201);
    // the fan-out runs while the consent stands: one mail job per recipient waits in the queue
    expect(await runOneJob(t.database)).toBe(true);
    expect(await t.database.query(`select id from job where kind = 'booking.mail' and done_at is null and payload->>'personId' = $1`, [h.adultConsentGuardianPersonId])).toHaveLength(1);
    const elevMyndig = await t.login('elev.myndig');
    const consentUrl = `/api/students/${h.adultWithConsentStudentId}/consents/${h.adultConsentGuardianPersonId}`;
    expect((await elevMyndig.request('PUT', consentUrl, { granted: false })).statusCode).toBe(200);
    try {
      const before = (await capture.messages()).length;
      await drainJobs();
      const to = (await capture.messages()).slice(before).flatMap(addressesOf);
      expect(to).not.toContain(await emailOf(h.adultConsentGuardianPersonId));
      expect(to).toContain(await emailOf(await personIdOf(h.adultWithConsentStudentId)));
    } finally {
      expect((await elevMyndig.request('PUT', consentUrl, { granted: true })).statusCode).toBe(200);
    }
  });

  it('the guardian\'s calendar feed drops the adult student\'s booking once consent is withdrawn, and shows it again when it is given back', async () => {
    const withConsent = await t.login('foresatt.myndig');
    const created = await withConsent.request('POST', '/api/me/calendar-feed');
    expect(created.statusCode).toBe(200);
    const feed = async () => (await t.app.inject({ method: 'GET', url: new URL(created.json().url as string).pathname })).body;
    expect(await feed()).toContain('BEGIN:VEVENT');
    const elevMyndig = await t.login('elev.myndig');
    const consentUrl = `/api/students/${h.adultWithConsentStudentId}/consents/${h.adultConsentGuardianPersonId}`;
    expect((await elevMyndig.request('PUT', consentUrl, { granted: false })).statusCode).toBe(200);
    try {
      const after = await feed();
      expect(after).toContain('BEGIN:VCALENDAR');
      expect(after).not.toContain('BEGIN:VEVENT');
      expect(after).not.toContain(h.adultWithConsentStudentId);
    } finally {
      expect((await elevMyndig.request('PUT', consentUrl, { granted: true })).statusCode).toBe(200);
    }
    expect(await feed()).toContain('BEGIN:VEVENT');
  });

  it('a parent without parental responsibility cannot see or book (404)', async () => {
    const round = await publish(kt, { days: [{ date: nextDay(), from: '13:00', to: '13:40' }] });
    const uten = await t.login('foresatt.uten');
    expect((await uten.get(`/api/students/${h.noResponsibilityStudentId}/booking`)).statusCode).toBe(404);
    expect((await uten.request('POST', bookUrl(h.noResponsibilityStudentId), { slotId: round.slots[0]!.id })).statusCode).toBe(404);
  });

  it('strictly confidential address: the father sees "booked" but nothing identifying the mother, and vice versa; each gets a separate e-mail with no other guardian\'s address', async () => {
    const round = await publish(kt, { days: [{ date: nextDay(), from: '14:00', to: '15:00' }] });
    const motherId = h.strictlyConfidentialGuardianPersonId;
    const fatherId = h.strictlyConfidentialOtherGuardianPersonId;
    await addLogin(t.database, t.demo.ownerId, motherId, 'mor.sf');
    await addLogin(t.database, t.demo.ownerId, fatherId, 'far.sf');
    const mother = await t.login('mor.sf');
    const father = await t.login('far.sf');
    const [m] = await t.database.query<{ given_name: string; family_name: string; email: string; phone: string; street_address: string }>(
      'select given_name, family_name, email, phone, street_address from person where id = $1', [motherId]);
    const [f] = await t.database.query<{ given_name: string; family_name: string; email: string; phone: string; street_address: string }>(
      'select given_name, family_name, email, phone, street_address from person where id = $1', [fatherId]);
    expect(m!.email && f!.email).toBeTruthy();
    const secretsOf = (p: typeof m) => [p!.email, p!.phone, p!.street_address, `${p!.given_name} ${p!.family_name}`].filter(Boolean) as string[];

    const sid = h.strictlyConfidentialStudentId;
    const mails = await mailsDuring(async () => {
      expect((await mother.request('POST', bookUrl(sid), { slotId: round.slots[0]!.id })).statusCode).toBe(201);
    });
    const fatherView = await father.get(`/api/students/${sid}/booking`);
    const fatherRound = fatherView.json().rounds.find((r: { id: string }) => r.id === round.id);
    expect(fatherRound.booking.bookedBy).toBe('otherGuardian');
    for (const secret of [...secretsOf(m), motherId]) expect(fatherView.body).not.toContain(secret);

    // one mail per recipient; the mother's and the father's each name only their own address
    for (const msg of mails) expect(addressesOf(msg)).toHaveLength(1);
    const toMother = mails.filter((x) => addressesOf(x).includes(m!.email));
    const toFather = mails.filter((x) => addressesOf(x).includes(f!.email));
    expect(toMother).toHaveLength(1);
    expect(toFather).toHaveLength(1);
    const whole = (x: ParsedMail) => `${[...x.headerLines.map((l) => l.line)].join('\n')}\n${x.text}\n${icsOf(x)}`;
    for (const secret of secretsOf(m)) expect(whole(toFather[0]!)).not.toContain(secret);
    for (const secret of secretsOf(f)) expect(whole(toMother[0]!)).not.toContain(secret);
    expect(icsOf(toFather[0]!)).toContain('METHOD:REQUEST');
    expect(icsOf(toFather[0]!).toLowerCase()).toContain(`mailto:${f!.email.toLowerCase()}`);

    // and the other way round: the father books, the mother sees only "the other guardian"
    const round2 = await publish(kt, { days: [{ date: nextDay(), from: '14:00', to: '14:40' }] });
    expect((await father.request('POST', bookUrl(sid), { slotId: round2.slots[1]!.id })).statusCode).toBe(201);
    const motherView = await mother.get(`/api/students/${sid}/booking`);
    expect(motherView.json().rounds.find((r: { id: string }) => r.id === round2.id).booking.bookedBy).toBe('otherGuardian');
    for (const secret of [...secretsOf(f), fatherId]) expect(motherView.body).not.toContain(secret);
  });
});

describe('e-mail and calendar', () => {
  it('a booking mails the student, each guardian with insight and the host, one e-mail each in their own language, with an .ics invitation', async () => {
    const round = await publish(kt, { days: [{ date: nextDay(), from: '16:00', to: '16:40' }], title: 'Foreldresamtaler høst' });
    await t.database.query(`update person set preferred_locale = 'nn' where id = $1`, [h.elevGuardianPersonIds[1]]);
    const mails = await mailsDuring(async () => {
      expect((await foresatt.request('POST', bookUrl(h.elevStudentId), { slotId: round.slots[0]!.id })).statusCode).toBe(201);
    });
    const [ktPerson] = await t.database.query<{ person_id: string }>('select person_id from account where username = $1', ['kontaktlarer']);
    const expected = [await personIdOf(h.elevStudentId), ...h.elevGuardianPersonIds, ktPerson!.person_id];
    const addresses = await Promise.all(expected.map(emailOf));
    expect(mails.map((x) => addressesOf(x)[0]).sort()).toEqual([...addresses].sort());
    const nn = mails.find((x) => addressesOf(x)[0] === addresses[2])!;
    expect(nn.subject).toMatch(/^Stadfesta: Elev- og føresettesamtale: Foreldresamtaler høst – /);
    expect(nn.text).toContain('Kvar: Rom 204');
    expect(nn.text).toContain(`https://elevlos.fjellvik.example/students/${h.elevStudentId}/booking`);
    const nb = mails.find((x) => addressesOf(x)[0] === addresses[1])!;
    expect(nb.subject).toMatch(/^Bekreftet: /);
    const ics = icsOf(nb);
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toMatch(/DTSTART:\d{8}T150000Z/);
    const host = mails.find((x) => addressesOf(x)[0] === addresses[3])!;
    expect(host.text).toContain(`/booking-rounds/${round.id}`);
    // no student name in any mail: what, when, where and a link only
    const [student] = await t.database.query<{ given_name: string; family_name: string }>('select given_name, family_name from person where id = $1', [expected[0]]);
    for (const x of mails) expect(`${x.subject}\n${x.text}\n${icsOf(x)}`).not.toContain(student!.family_name);
  });

  it('a rebooking keeps the calendar event\'s UID with a higher SEQUENCE, and a cancellation sends METHOD:CANCEL for the same UID', async () => {
    const round = await publish(kt, { kind: 'student', title: 'Elevsamtaler', days: [{ date: nextDay(), from: '09:00', to: '09:40' }] });
    const first = await mailsDuring(() => elev.request('POST', bookUrl(h.elevStudentId), { slotId: round.slots[0]!.id }));
    const bookingId = (await viewOf(elev, h.elevStudentId)).rounds.find((r) => r.id === round.id)!.booking!.id;
    const second = await mailsDuring(() => elev.request('PUT', `${bookUrl(h.elevStudentId)}/${bookingId}`, { slotId: round.slots[1]!.id }));
    const newId = (await viewOf(elev, h.elevStudentId)).rounds.find((r) => r.id === round.id)!.booking!.id;
    const third = await mailsDuring(() => elev.request('DELETE', `${bookUrl(h.elevStudentId)}/${newId}`));
    const uid = (m: ParsedMail) => /UID:(.+)/.exec(icsOf(m))?.[1]?.trim();
    const seq = (m: ParsedMail) => Number(/SEQUENCE:(\d+)/.exec(icsOf(m))?.[1]);
    // student kind: the student and the host, not the guardians
    expect(first).toHaveLength(2);
    expect(second).toHaveLength(2);
    expect(third).toHaveLength(2);
    expect(uid(second[0]!)).toBe(uid(first[0]!));
    expect(uid(third[0]!)).toBe(uid(first[0]!));
    expect(seq(first[0]!)).toBe(0);
    expect(seq(second[0]!)).toBe(1);
    expect(seq(third[0]!)).toBe(2);
    expect(second[0]!.subject).toMatch(/^Ny tid: /);
    expect(icsOf(third[0]!)).toContain('METHOD:CANCEL');
  });

  it('the reminder job mails an .ics 24 hours before, once; nothing for a cancelled booking', async () => {
    const round = await publish(kt, { days: [{ date: nextDay(), from: '11:00', to: '11:40' }] });
    const booked = await foresatt.request('POST', bookUrl(h.elevStudentId), { slotId: round.slots[0]!.id });
    expect(booked.statusCode).toBe(201);
    const [job] = await t.database.query<{ id: number; run_at: Date }>(
      `select id, run_at from job where kind = 'booking.reminder' and payload->>'bookingId' = $1`, [booked.json().id]);
    expect(new Date(job!.run_at).toISOString()).toBe(new Date(new Date(round.slots[0]!.startsAt).getTime() - 24 * 3600_000).toISOString());
    await drainJobs();
    const mails = await mailsDuring(() => t.database.query('update job set run_at = now() - interval \'1 second\' where id = $1', [job!.id]));
    expect(mails.length).toBeGreaterThanOrEqual(2);
    for (const x of mails) {
      expect(x.subject).toMatch(/^(Påminnelse|Påminning|Reminder): /);
      expect(icsOf(x)).toContain('METHOD:REQUEST');
    }
    const [b] = await t.database.query<{ reminder_sent_at: Date | null }>('select reminder_sent_at from booking where id = $1', [booked.json().id]);
    expect(b!.reminder_sent_at).not.toBeNull();

    // a cancelled booking's reminder is a no-op
    const second = await elev.request('PUT', `${bookUrl(h.elevStudentId)}/${booked.json().id}`, { slotId: round.slots[1]!.id });
    expect(second.statusCode).toBe(200);
    await drainJobs();
    await elev.request('DELETE', `${bookUrl(h.elevStudentId)}/${second.json().id}`);
    await drainJobs();
    const none = await mailsDuring(() => t.database.query(
      `update job set run_at = now() - interval '1 second' where kind = 'booking.reminder' and payload->>'bookingId' = $1`, [second.json().id]));
    expect(none).toEqual([]);
  });

  it('the calendar feed lists the caller\'s booked conversations as VEVENTs (host, student, guardian); a wrong or replaced token is 404', async () => {
    const round = await publish(kt, { days: [{ date: nextDay(), from: '08:00', to: '08:40' }], title: 'Feed-runde' });
    const booked = await foresatt.request('POST', bookUrl(h.elevStudentId), { slotId: round.slots[1]!.id });
    expect(booked.statusCode).toBe(201);
    for (const client of [foresatt, elev, kt]) {
      const created = await client.request('POST', '/api/me/calendar-feed');
      expect(created.statusCode).toBe(200);
      const url = new URL(created.json().url as string);
      expect(url.pathname).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{40,}\.ics$/);
      const feed = await t.app.inject({ method: 'GET', url: url.pathname });
      expect(feed.statusCode).toBe(200);
      expect(feed.headers['content-type']).toContain('text/calendar');
      expect(feed.body).toContain('BEGIN:VEVENT');
      expect(feed.body).toContain('Feed-runde');
      expect(feed.body).toMatch(new RegExp(`DTSTART:${round.slots[1]!.startsAt.slice(0, 10).replace(/-/g, '')}T072000Z`));
      // only the hash is stored
      const stored = await t.database.query<{ token_hash: string }>('select token_hash from calendar_feed');
      const token = url.pathname.split('/').pop()!.replace(/\.ics$/, '');
      expect(stored.some((s) => s.token_hash === token)).toBe(false);
      // a new URL replaces the old one
      const again = await client.request('POST', '/api/me/calendar-feed');
      expect((await t.app.inject({ method: 'GET', url: url.pathname })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: new URL(again.json().url as string).pathname })).statusCode).toBe(200);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar/not-a-real-token-0123456789abcdefghij.ics' })).statusCode).toBe(404);
  });

  it('the booking page offers the booking as an .ics to add to a calendar, and a guardian of an adult student sees it only with consent', async () => {
    const round = await publish(kt, { days: [{ date: nextDay(), from: '08:00', to: '08:40' }], title: 'Ics-runde' });
    expect((await elev.request('POST', bookUrl(h.elevStudentId), { slotId: round.slots[0]!.id })).statusCode).toBe(201);
    const mine = (await viewOf(elev, h.elevStudentId)).rounds.find((r) => r.id === round.id)!;
    expect(mine.booking!.bookedBy).toBe('you');
    expect(mine.booking!.ics).toContain('BEGIN:VEVENT');
    expect(mine.booking!.ics).toContain('Ics-runde');
    expect((await viewOf(foresatt, h.elevStudentId)).rounds.find((r) => r.id === round.id)!.booking!.bookedBy).toBe('student');
  });
});
