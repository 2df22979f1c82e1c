/**
 * Booking of conversation times in the browser: the contact teacher publishes the guardian
 * conference slots for 2STA with the keyboard (live preview; a time in the past and a clash are
 * refused at the field); the guardian books one on a phone in nynorsk, gets the confirmation e-mail
 * with its .ics, moves to a time a day ahead and gets the reminder e-mail; the student sees the booking
 * and makes a calendar feed; the teacher sees who booked for which student. axe runs on every page.
 *
 * E-mail: the app server (global-setup.ts) runs main.ts without SMTP_URL, which captures every mail as
 * an .eml file in DATA_DIR/mail; the journeys read them there. The reminder job runs 24 h before the
 * slot by the real clock (notify.ts), so the guardian moves to a slot a day and a minute or two from
 * now and the reminder arrives while the other journeys run.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bookingTexts } from '../server/features/booking/texts.js';
import { demo } from './demo';
import {
  check, classPage, exact, expectNoPageErrors, getJson, hasFocus, journey, login, menu, newContext, settled, tabTo, texts, typeDate,
  useBrowser,
} from './support';

const browser = useBrowser();
const nb = texts('nb');
const nn = texts('nn');

/** The teacher's round: published in the first journey, booked in the next ones. */
const TITLE = 'Elev- og foresattesamtaler høsten 2026';
const DAY = '2026-12-03';
let roundId = '';

interface HostRound {
  slots: { id: string; startsAt: string; booking: { studentId: string; bookedBy: string } | null }[];
  notBooked: { studentId: string }[];
}
interface StudentBooking {
  rounds: { id: string; booking: { slotId: string; startsAt: string; bookedBy: string } | null }[];
}

// ---------------------------------------------------------------------------------------------
// e-mail captured by the app

async function capturedMails(): Promise<{ mail: ParsedMail; raw: string }[]> {
  const dir = inject('mailDir');
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(files.map(async (f) => {
    const raw = await readFile(join(dir, f), 'utf8');
    return { mail: await simpleParser(raw), raw };
  }));
}

const recipients = (m: ParsedMail) => [m.to, m.cc, m.bcc].flat().filter(Boolean)
  .flatMap((a) => (a as { value: { address?: string }[] }).value.map((v) => v.address ?? ''));

/** the .ics attachment, with folded lines joined (RFC 5545 3.1) */
const icsOf = (m: ParsedMail) =>
  (m.attachments.find((a) => a.filename?.endsWith('.ics') || a.contentType.includes('calendar'))?.content.toString('utf8') ?? '')
    .replace(/\r?\n[ \t]/g, '');

/** Waits (polling the capture directory) for the first mail to `to` whose subject starts with `subject`. */
async function mailTo(to: string, subject: string, timeoutMs: number): Promise<{ mail: ParsedMail; raw: string }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = (await capturedMails()).find(({ mail }) => recipients(mail).includes(to) && (mail.subject ?? '').startsWith(subject));
    if (found) return found;
    if (Date.now() > until) throw new Error(`no mail "${subject}…" to ${to} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** "2026-12-03T13:25:00.000Z" → "20261203T132500Z", as DTSTART is written in the .ics */
const icsTime = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

// ---------------------------------------------------------------------------------------------
// keyboard input into <input type="time">

const timeModes = new WeakMap<BrowserContext, '24h' | '12h'>();

/**
 * Debian's chromium without chromium-l10n shows time fields as hh:mm AM/PM whatever the page's
 * language (as it does mm/dd/yyyy for dates, see typeDate): found once per context, as a person would
 * read it off the screen, by typing into a scratch field.
 */
async function timeMode(page: Page): Promise<'24h' | '12h'> {
  const known = timeModes.get(page.context());
  if (known) return known;
  const scratch = await page.context().newPage();
  try {
    await scratch.setContent('<input type="time" aria-label="probe">');
    await scratch.locator('input').focus();
    await scratch.keyboard.type('0205P');
    const mode = (await scratch.locator('input').inputValue()) === '14:05' ? '12h' : '24h';
    timeModes.set(page.context(), mode);
    return mode;
  } finally {
    await scratch.close();
  }
}

/** Type "14:25" into the focused time field with the keyboard. */
async function typeTime(page: Page, hhmm: string): Promise<void> {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  if ((await timeMode(page)) === '24h') {
    await page.keyboard.type(hhmm.replace(':', ''));
    return;
  }
  const h12 = h % 12 === 0 ? 12 : h % 12;
  await page.keyboard.type(`${String(h12).padStart(2, '0')}${String(m).padStart(2, '0')}${h < 12 ? 'A' : 'P'}`);
}

// ---------------------------------------------------------------------------------------------
// the slot the reminder is seen for

const osloParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});
function oslo(ms: number): { date: string; time: string } {
  const p = Object.fromEntries(osloParts.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/**
 * A five-minute slot starting a day and 40–100 s from now (whole minutes, Oslo time): the booking
 * enqueues its reminder for start − 24 h, which then falls due while the journeys go on. (The app's
 * pinned "today" is at most the real date, so the slot is in its future too.)
 */
function reminderSlot(now = Date.now()): { date: string; from: string; to: string; startsAt: string } {
  let start = Math.ceil((now + 24 * 3600_000 + 40_000) / 60_000) * 60_000;
  // a slot may not run past midnight: start at the next one instead
  const [h, m] = oslo(start).time.split(':').map(Number) as [number, number];
  if (h * 60 + m > 23 * 60 + 54) start += (24 * 60 - (h * 60 + m)) * 60_000;
  const from = oslo(start);
  return { date: from.date, from: from.time, to: oslo(start + 5 * 60_000).time, startsAt: new Date(start).toISOString() };
}

// ---------------------------------------------------------------------------------------------
// The contact teacher's browser stays open from publishing to the last look at the round.

let host: Page;
let hostCtx: BrowserContext;
beforeAll(async () => {
  hostCtx = await newContext(browser(), 'nb');
  host = await hostCtx.newPage();
});
afterAll(async () => {
  expectNoPageErrors(hostCtx);
  await hostCtx.close();
});

describe('the contact teacher publishes the guardian conference slots for 2STA, by keyboard (nb)', () => {
  const t = nb;

  it('finds "publish slots" on the class conversation plan', async () => {
    await login(host, 'kontaktlarer');
    await classPage(host, 'nb', '2STA', 'classSections.conversations');
    await host.getByRole('heading', { level: 1, name: t('conversations.plan.classPlan.title', { name: '2STA' }) }).waitFor();
    const publish = host.getByRole('link', { name: t('booking.publish.link') });
    await check(host, 'booking-class-plan');
    await tabTo(host, publish, 80);
    await host.keyboard.press('Enter');
    await host.getByRole('heading', { level: 1, name: t('booking.publish.title', { name: '2STA' }) }).waitFor();
    await settled(host);
  });

  it('fills in title, day, times and place, and sees the slots in the preview as it types', async () => {
    const title = host.getByLabel(t('booking.form.title'));
    await tabTo(host, title, 40);
    await host.keyboard.press('ControlOrMeta+A');
    await host.keyboard.type(TITLE);
    // the guardian conference is the kind chosen for a class
    expect(await host.getByRole('radio', { name: t('conversations.kinds.guardian') }).isChecked()).toBe(true);

    const day1 = host.getByRole('group', { name: t('booking.form.day', { n: 1 }) });
    await tabTo(host, day1.getByLabel(t('booking.form.date')), 10);
    await typeDate(host, '2026-11-20'); // in the past of the app's today (2026-11-25): refused by the server
    await tabTo(host, day1.getByLabel(t('booking.form.from')), 3);
    await typeTime(host, '14:00');
    await tabTo(host, day1.getByLabel(t('booking.form.to')), 3);
    await typeTime(host, '16:00');
    expect(await day1.getByLabel(t('booking.form.from')).inputValue()).toBe('14:00');
    expect(await day1.getByLabel(t('booking.form.to')).inputValue()).toBe('16:00');

    await tabTo(host, host.getByLabel(t('booking.form.place'), { exact: true }), 20);
    await host.keyboard.type('Rom 204');

    // 20 minutes and 5 minutes' break from 14:00 to 16:00: five slots
    const preview = host.getByRole('region', { name: t('booking.preview.title') }).first();
    await preview.getByText(t('booking.preview.summary', { slots: t('booking.preview.slots', { count: 5 }), days: t('booking.preview.days', { count: 1 }) })).first().waitFor();
    for (const slot of ['14:00–14:20', '14:25–14:45', '14:50–15:10', '15:15–15:35', '15:40–16:00']) {
      await preview.getByText(slot, { exact: true }).waitFor();
    }
    await check(host, 'booking-publish');
  });

  it('is told at the date field that the day has passed, and nothing is published', async () => {
    const submit = host.getByRole('button', { name: t('booking.publish.submit', { count: 5 }) });
    await tabTo(host, submit, 20);
    await host.keyboard.press('Enter');
    const past = 'Tiden har allerede vært.'; // the server's booking.slotInPast (server/core/i18n/messages.ts)
    const summary = host.getByRole('link', { name: t('booking.form.dayError', { n: 1, field: t('booking.form.date'), message: past }) });
    await summary.waitFor();
    const day1 = host.getByRole('group', { name: t('booking.form.day', { n: 1 }) });
    const date = day1.getByLabel(t('booking.form.date'));
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    await day1.getByText(past, { exact: true }).waitFor();
    await check(host, 'booking-publish-past');
    const mine = await getJson<{ rounds: unknown[] }>(host, '/api/me/booking-rounds');
    expect(mine.rounds).toEqual([]);

    // the summary's link takes the keyboard to the field; the typed values are all still there
    await tabTo(host, summary, 5);
    await host.keyboard.press('Enter');
    expect(await hasFocus(date)).toBe(true);
    await typeDate(host, DAY);
    expect(await date.inputValue()).toBe(DAY);
    expect(await host.getByLabel(t('booking.form.place'), { exact: true }).inputValue()).toBe('Rom 204');
  });

  it('publishes, and the round page lists the five free slots and every student as not booked yet', async () => {
    await tabTo(host, host.getByRole('button', { name: t('booking.publish.submit', { count: 5 }) }), 30);
    await host.keyboard.press('Enter');
    await host.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    roundId = /\/booking-rounds\/([0-9a-f-]{36})/.exec(host.url())?.[1] ?? '';
    expect(roundId).not.toBe('');
    await host.getByText(t('booking.round.published')).waitFor();
    const slots = host.getByRole('region', { name: t('booking.round.slotsTitle') });
    await slots.getByRole('heading', { level: 3, name: /3\. desember/ }).waitFor();
    expect(await slots.getByText(t('booking.round.free'), { exact: true }).count()).toBe(5);
    const view = await getJson<HostRound>(host, `/api/booking-rounds/${roundId}`);
    expect(view.notBooked.map((s) => s.studentId)).toContain(demo.elev.id);
    await host.getByRole('region', { name: t('booking.round.notBookedTitle', { count: view.notBooked.length }) }).getByRole('link', { name: demo.elev.name, exact: true }).waitFor();
    await check(host, 'booking-round');
  });

  it('adds slots that clash with its own and is told which one at the field; then adds two after them', async () => {
    const add = host.locator('details.booking-add');
    await tabTo(host, add.locator('summary'), 80);
    await host.keyboard.press('Enter');
    const day1 = add.getByRole('group', { name: t('booking.form.day', { n: 1 }) });
    await tabTo(host, day1.getByLabel(t('booking.form.date')), 5);
    await typeDate(host, DAY);
    await tabTo(host, day1.getByLabel(t('booking.form.from')), 3);
    await typeTime(host, '15:00');
    await tabTo(host, day1.getByLabel(t('booking.form.to')), 3);
    await typeTime(host, '16:00');
    await add.getByText(t('booking.preview.summary', { slots: t('booking.preview.slots', { count: 2 }), days: t('booking.preview.days', { count: 1 }) })).waitFor();
    await tabTo(host, add.getByRole('button', { name: t('booking.round.add.submit', { count: 2 }) }), 30);
    await host.keyboard.press('Enter');
    // server/core/i18n/messages.ts booking.overlapsOwnSlot, naming the first slot it clashes with
    const clash = /Krasjer med en annen samtaletid du har .*14:50/;
    await day1.getByText(clash).waitFor();
    expect(await day1.getByLabel(t('booking.form.from')).getAttribute('aria-invalid')).toBe('true');
    await check(host, 'booking-add-clash');

    await day1.getByLabel(t('booking.form.from')).focus();
    await typeTime(host, '16:00');
    await tabTo(host, day1.getByLabel(t('booking.form.to')), 3);
    await typeTime(host, '16:45');
    await tabTo(host, add.getByRole('button', { name: t('booking.round.add.submit', { count: 2 }) }), 30);
    await host.keyboard.press('Enter');
    await host.getByText(t('booking.round.add.done', { count: 2 })).waitFor();
    const view = await getJson<HostRound>(host, `/api/booking-rounds/${roundId}`);
    expect(view.slots).toHaveLength(7);
  });
});

describe('the guardian books on a phone, in nynorsk', () => {
  const t = nn;
  let page: Page;
  journey(browser, 'nn', { mobile: true }, (p) => { page = p; });

  it('finds the booking from the child page and sees the free times by day', async () => {
    await login(page, 'foresatt');
    await menu(page, 'nn', t('nav.children'));
    await page.getByRole('main').getByRole('link', { name: demo.elev.name }).click();
    await page.getByRole('heading', { level: 1, name: demo.elev.name }).waitFor();
    await page.getByRole('link', { name: t('booking.childLink') }).click();
    await page.getByRole('heading', { level: 1, name: t('booking.student.titleOther', { name: demo.elev.name.split(' ')[0]! }) }).waitFor();
    const round = page.getByRole('region', { name: TITLE });
    await round.getByRole('heading', { level: 3, name: t('booking.student.pick') }).waitFor();
    await round.getByRole('group', { name: /3\. desember/ }).waitFor();
    expect(await round.getByRole('radio').count()).toBe(7);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await check(page, 'booking-guardian');
  });

  it('books 14:25 with a tap, and sees the booked time with who booked it', async () => {
    const round = page.getByRole('region', { name: TITLE });
    await round.getByRole('radio', { name: /3\. desember 14:25/ }).check();
    await round.getByRole('button', { name: /^Bestill .*14:25$/ }).click();
    await round.getByText(t('booking.student.booked.guardian')).waitFor();
    const booked = round.locator('.booking-booked');
    await booked.getByText(/3\. desember kl\. 14:25–14:45/).waitFor();
    await booked.getByText(t('booking.bookedBy.you')).waitFor();
    // the booked time is where the guardian continues (and what a screen reader reads next)
    await expect.poll(() => hasFocus(booked.getByRole('heading', { name: t('booking.student.yourTime') }))).toBe(true);
    await booked.getByText('Rom 204').waitFor();
    // L-07: nothing about the other guardian, whoever booked
    expect(await page.locator('body').innerText()).not.toContain(demo.elevOtherGuardian.name);
    await check(page, 'booking-guardian-booked');
  });

  it('downloads the time as an .ics for the calendar', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: t('booking.student.addToCalendar') }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(t('booking.student.icsFile'));
    // the browser runs as a server of its own (global-setup.ts): the file comes over its connection
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const ics = Buffer.concat(chunks).toString('utf8').replace(/\r?\n[ \t]/g, '');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toMatch(/DTSTART[^:\r\n]*:20261203T132500Z/);
    expect(ics).not.toContain(demo.elev.name);
  });

  it('gets the confirmation by e-mail, in nynorsk, with the .ics attached and no one else in it', async () => {
    const { mail, raw } = await mailTo(demo.foresatt.email!, `${bookingTexts.nn.subject.booked}:`, 30_000);
    expect(recipients(mail)).toEqual([demo.foresatt.email]);
    const ics = icsOf(mail);
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toMatch(/DTSTART[^:\r\n]*:20261203T132500Z/);
    for (const other of [demo.elevOtherGuardian.email, demo.elevOtherGuardian.name, demo.elev.name]) {
      if (other) expect(raw).not.toContain(other);
    }
  });

  it('moves to a time a day ahead (a new slot the teacher just added) and is told by e-mail', async () => {
    const slot = reminderSlot();
    // the teacher adds the slot, in the teacher's own browser session
    const me = await getJson<{ csrfToken: string }>(host, '/api/me');
    const res = await host.request.post(`/api/booking-rounds/${roundId}/slots`, {
      data: { days: [{ date: slot.date, from: slot.from, to: slot.to }], lengthMinutes: 5, breakMinutes: 0 },
      headers: { 'x-csrf-token': me.csrfToken },
    });
    expect(res.status(), await res.text()).toBe(201);
    const view = await getJson<HostRound>(host, `/api/booking-rounds/${roundId}`);
    const target = view.slots.find((s) => s.startsAt === slot.startsAt);
    expect(target).toBeDefined();

    await page.reload();
    await settled(page);
    const round = page.getByRole('region', { name: TITLE });
    await round.getByRole('button', { name: t('booking.student.move') }).click();
    await round.getByRole('heading', { level: 3, name: t('booking.student.pickMove') }).waitFor();
    await round.locator(`input[type="radio"][value="${target!.id}"]`).check();
    await round.getByRole('button', { name: new RegExp(`^Flytt til .*${slot.from}$`) }).click();
    await round.getByText(t('booking.student.moved')).waitFor();
    await round.locator('.booking-booked').getByText(new RegExp(`kl\\. ${slot.from}–${slot.to}`)).waitFor();
    const mine = await getJson<StudentBooking>(page, `/api/students/${demo.elev.id}/booking`);
    expect(mine.rounds.find((r) => r.id === roundId)?.booking?.slotId).toBe(target!.id);
    await check(page, 'booking-guardian-moved');

    const { mail } = await mailTo(demo.foresatt.email!, `${bookingTexts.nn.subject.rebooked}:`, 30_000);
    expect(icsOf(mail)).toContain(`:${icsTime(slot.startsAt)}`);
    reminderFor = slot.startsAt;
  });
});

/** set when the guardian has moved to the slot a day ahead; its reminder is checked at the end */
let reminderFor = '';

describe('the student sees the booking on their phone (nb)', () => {
  const t = nb;
  let page: Page;
  journey(browser, 'nb', { mobile: true }, (p) => { page = p; });

  it('opens "book a conversation" and sees the time the guardian booked', async () => {
    await login(page, 'elev');
    await menu(page, 'nb', t('booking.nav.book'));
    await page.getByRole('heading', { level: 1, name: t('booking.student.titleSelf') }).waitFor();
    const round = page.getByRole('region', { name: TITLE });
    const booked = round.locator('.booking-booked');
    await booked.getByText(t('booking.bookedBy.guardian')).waitFor();
    const mine = await getJson<StudentBooking>(page, `/api/students/${demo.elev.id}/booking`);
    const booking = mine.rounds.find((r) => r.id === roundId)?.booking;
    expect(booking?.startsAt).toBe(reminderFor);
    // the student may change it too, until the cut-off
    await round.getByRole('button', { name: t('booking.student.move') }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain(demo.foresatt.name);
    await check(page, 'booking-student');
  });

  it('makes a calendar feed: the URL is shown once, lists the conversation without names, and stops when turned off', async () => {
    const feed = page.getByRole('region', { name: t('booking.feed.title') });
    await feed.getByText(t('booking.feed.none')).waitFor();
    await feed.getByRole('button', { name: t('booking.feed.create') }).click();
    const field = feed.getByRole('textbox', { name: t('booking.feed.urlLabel') });
    await field.waitFor();
    const url = await field.inputValue();
    expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{20,}\.ics$/);
    await check(page, 'booking-student-feed');

    const res = await page.request.get(url);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('text/calendar');
    const body = (await res.text()).replace(/\r?\n[ \t]/g, '');
    expect(body).toContain(`DTSTART:${icsTime(reminderFor)}`);
    for (const name of [demo.elev.name, demo.foresatt.name]) expect(body).not.toContain(name);

    // shown once: after a reload only "it is on"
    await page.reload();
    await settled(page);
    await page.getByRole('region', { name: t('booking.feed.title') }).getByRole('button', { name: t('booking.feed.replace') }).waitFor();
    expect(await page.getByRole('textbox', { name: t('booking.feed.urlLabel') }).count()).toBe(0);

    await page.getByRole('region', { name: t('booking.feed.title') }).getByRole('button', { name: t('booking.feed.turnOff') }).click();
    await page.getByText(t('booking.feed.turnedOff')).waitFor();
    expect((await page.request.get(url)).status()).toBe(404);
  });
});

describe('the contact teacher sees who booked (nb)', () => {
  const t = nb;

  it('sees the student at the new time, booked by a guardian, and the first time free again', async () => {
    await host.goto(`/booking-rounds/${roundId}`);
    await host.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await settled(host);
    const slots = host.getByRole('region', { name: t('booking.round.slotsTitle') });
    const row = slots.getByRole('listitem').filter({ has: host.getByRole('link', { name: demo.elev.name }) });
    await row.getByText(t('booking.bookedBy.guardian'), { exact: false }).waitFor();
    expect(await slots.getByText(t('booking.round.free'), { exact: true }).count()).toBe(7);
    const view = await getJson<HostRound>(host, `/api/booking-rounds/${roundId}`);
    expect(view.notBooked.map((s) => s.studentId)).not.toContain(demo.elev.id);
    expect(view.slots.find((s) => s.booking?.studentId === demo.elev.id)?.startsAt).toBe(reminderFor);
    await check(host, 'booking-round-booked');
  });

  it('the guardian gets the reminder with the .ics a day before the moved time', async () => {
    expect(reminderFor).not.toBe('');
    // due at most 100 s after the slot was added; the job worker looks every 2 s
    const { mail } = await mailTo(demo.foresatt.email!, `${bookingTexts.nn.subject.reminder}:`, 150_000);
    expect(recipients(mail)).toEqual([demo.foresatt.email]);
    const ics = icsOf(mail);
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain(`DTSTART:${icsTime(reminderFor)}`);
  }, 200_000);
});
