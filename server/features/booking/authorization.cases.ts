/**
 * This feature's rows in the authorization matrix (server/test/authorization-matrix.test.ts).
 *
 * A write that succeeds changes what the next allowed actor can do (a booked student cannot book again in
 * the same round, a cancelled booking cannot be cancelled twice), so the setup creates a pool of rounds,
 * slots and bookings and each call takes the next one. Denied callers are refused before the handler
 * runs, so what they are handed does not matter.
 */
import { expect } from 'vitest';
import type { Client } from '../../test/harness.js';
import { EVERYONE, type MatrixFeature, type Who } from '../../test/matrix.js';

const POOL = EVERYONE.length;
const pools = { book: [] as string[], cancel: [] as string[], rebook: [] as { bookingId: string; slotId: string }[] };
const next = <T>(list: T[], counter: { n: number }): T => list[counter.n++ % list.length]!;
const counters = { book: { n: 0 }, cancel: { n: 0 }, rebook: { n: 0 } };

const day = (i: number) => `2027-01-${String(11 + Math.floor(i / 8)).padStart(2, '0')}`;
const hour = (i: number) => `${String(8 + (i % 8)).padStart(2, '0')}:00`;
const hourEnd = (i: number) => `${String(8 + (i % 8)).padStart(2, '0')}:40`;

async function round(kt: Client, basisGroupId: string, i: number, kind = 'guardian'): Promise<{ id: string; slots: string[] }> {
  const res = await kt.request('POST', `/api/basis-groups/${basisGroupId}/booking-rounds`, {
    kind, title: `Matrise ${i}`, cutoffHours: 0, place: 'Rom 101', lengthMinutes: 20, days: [{ date: day(i), from: hour(i), to: hourEnd(i) }],
  });
  expect(res.statusCode, res.body).toBe(201);
  const view = await kt.get(`/api/booking-rounds/${res.json().id}`);
  return { id: res.json().id as string, slots: view.json().slots.map((s: { id: string }) => s.id) };
}

const FAMILY_AND_CONTACT: Who[] = ['contactTeacher', 'student', 'guardian'];
const READERS: Who[] = ['contactTeacher', 'departmentHead', 'counsellor', 'principal', 'student', 'guardian'];

export const bookingMatrix: MatrixFeature = {
  own: {
    'GET /api/me/booking-rounds': () => ({ url: '/api/me/booking-rounds' }),
    'GET /api/me/calendar-feed': () => ({ url: '/api/me/calendar-feed' }),
    'POST /api/me/calendar-feed': () => ({ url: '/api/me/calendar-feed' }),
    'DELETE /api/me/calendar-feed': () => ({ url: '/api/me/calendar-feed' }),
  },
  async setup({ clients, ids }) {
    const kt = clients.get('contactTeacher')!;
    const elev = clients.get('student')!;
    const studentId = ids.minor.studentId;
    const basisGroupId = ids.minor.basisGroupId;
    let i = 0;
    const main = await round(kt, basisGroupId, i++);
    const closing = await round(kt, basisGroupId, i++);
    // a booking to read (.ics / view) in the main round
    const booked = await elev.request('POST', `/api/students/${studentId}/bookings`, { slotId: main.slots[0] });
    expect(booked.statusCode, booked.body).toBe(201);
    for (let k = 0; k < POOL; k++) pools.book.push((await round(kt, basisGroupId, i++)).slots[0]!);
    for (let k = 0; k < POOL; k++) {
      const r = await round(kt, basisGroupId, i++);
      const b = await elev.request('POST', `/api/students/${studentId}/bookings`, { slotId: r.slots[0] });
      expect(b.statusCode, b.body).toBe(201);
      pools.cancel.push(b.json().id as string);
    }
    for (let k = 0; k < POOL; k++) {
      const r = await round(kt, basisGroupId, i++);
      const b = await elev.request('POST', `/api/students/${studentId}/bookings`, { slotId: r.slots[0] });
      expect(b.statusCode, b.body).toBe(201);
      pools.rebook.push({ bookingId: b.json().id as string, slotId: r.slots[1]! });
    }
    return {
      roundId: main.id, freeSlotId: main.slots[1]!, bookingId: booked.json().id as string, closingRoundId: closing.id,
    };
  },
  cases: {
    'POST /api/basis-groups/:basisGroupId/booking-rounds': {
      target: 'minor', allowed: ['contactTeacher'],
      request: (i) => ({
        url: `/api/basis-groups/${i.basisGroupId}/booking-rounds`,
        body: { kind: 'student', title: 'Elevsamtaler', place: 'Rom 204', lengthMinutes: 20, breakMinutes: 5, days: [{ date: '2027-02-01', from: '12:00', to: '13:00' }] },
      }),
    },
    'POST /api/teaching-groups/:teachingGroupId/booking-rounds': {
      target: 'minor', allowed: ['subjectTeacher'],
      request: (i) => ({
        url: `/api/teaching-groups/${i.teachingGroupId}/booking-rounds`,
        body: { kind: 'subject', title: 'Fagsamtaler matematikk', videoLink: 'https://meet.example.no/mat', lengthMinutes: 15, days: [{ date: '2027-02-02', from: '12:00', to: '13:00' }] },
      }),
    },
    'GET /api/booking-rounds/:roundId': {
      target: 'minor', allowed: ['contactTeacher'], request: (i) => ({ url: `/api/booking-rounds/${i.roundId}` }),
    },
    'POST /api/booking-rounds/:roundId/slots': {
      target: 'minor', allowed: ['contactTeacher'],
      request: (i) => ({ url: `/api/booking-rounds/${i.roundId}/slots`, body: { lengthMinutes: 20, days: [{ date: '2027-02-03', from: '12:00', to: '13:00' }] } }),
    },
    'DELETE /api/booking-rounds/:roundId/slots/:slotId': {
      target: 'minor', allowed: ['contactTeacher'], request: (i) => ({ url: `/api/booking-rounds/${i.roundId}/slots/${i.freeSlotId}` }),
    },
    'POST /api/booking-rounds/:roundId/close': {
      target: 'minor', allowed: ['contactTeacher'], request: (i) => ({ url: `/api/booking-rounds/${i.closingRoundId}/close` }),
    },
    'GET /api/students/:studentId/booking': {
      target: 'minor', allowed: READERS, request: (i) => ({ url: `/api/students/${i.studentId}/booking` }),
    },
    'POST /api/students/:studentId/bookings': {
      target: 'minor', allowed: FAMILY_AND_CONTACT,
      request: (i) => ({ url: `/api/students/${i.studentId}/bookings`, body: { slotId: next(pools.book, counters.book) } }),
    },
    'PUT /api/students/:studentId/bookings/:bookingId': {
      target: 'minor', allowed: FAMILY_AND_CONTACT,
      request: (i) => {
        const b = next(pools.rebook, counters.rebook);
        return { url: `/api/students/${i.studentId}/bookings/${b.bookingId}`, body: { slotId: b.slotId } };
      },
    },
    'DELETE /api/students/:studentId/bookings/:bookingId': {
      target: 'minor', allowed: FAMILY_AND_CONTACT,
      request: (i) => ({ url: `/api/students/${i.studentId}/bookings/${next(pools.cancel, counters.cancel)}` }),
    },
  },
};
