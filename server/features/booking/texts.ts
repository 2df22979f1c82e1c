/**
 * What booking e-mails and calendar events say, in bokmål, nynorsk and English. They carry no sensitive
 * content: what (the kind of conversation and the round's title), when, where, and a link into Elevlos
 * where the policy decides again. Never a student's or a guardian's name, address or who booked.
 */
import type { ConversationKind } from '../conversations/index.js';
import type { Locale } from '../../core/i18n/locale.js';

export type MailEvent = 'booked' | 'cancelled' | 'rebooked' | 'reminder';
export type Audience = 'family' | 'host';

interface Texts {
  kind: Record<ConversationKind, string>;
  subject: Record<MailEvent, string>;
  lead: Record<Audience, Record<MailEvent, string>>;
  what: string;
  when: string;
  where: string;
  video: string;
  link: string;
  footer: string;
  feedName: string;
}

const nb: Texts = {
  kind: { startOfYear: 'Oppstartsamtale', student: 'Elevsamtale', subject: 'Fagsamtale', guardian: 'Elev- og foresattesamtale', adHoc: 'Samtale ved behov' },
  subject: { booked: 'Bekreftet', cancelled: 'Avlyst', rebooked: 'Ny tid', reminder: 'Påminnelse' },
  lead: {
    family: {
      booked: 'En samtaletid er bestilt.',
      cancelled: 'Samtaletiden er avbestilt.',
      rebooked: 'Samtaletiden er flyttet til en ny tid.',
      reminder: 'Husk samtaletiden.',
    },
    host: {
      booked: 'En av samtaletidene dine er bestilt.',
      cancelled: 'En bestilt samtaletid er avbestilt.',
      rebooked: 'En bestilt samtaletid er flyttet.',
      reminder: 'Husk samtaletiden.',
    },
  },
  what: 'Hva', when: 'Når', where: 'Hvor', video: 'Video',
  link: 'Se bestillingen i Elevlos',
  footer: 'Denne e-posten er sendt automatisk fra Elevlos. Du kan ikke svare på den.',
  feedName: 'Samtaler (Elevlos)',
};

const nn: Texts = {
  kind: { startOfYear: 'Oppstartsamtale', student: 'Elevsamtale', subject: 'Fagsamtale', guardian: 'Elev- og føresettesamtale', adHoc: 'Samtale ved behov' },
  subject: { booked: 'Stadfesta', cancelled: 'Avlyst', rebooked: 'Ny tid', reminder: 'Påminning' },
  lead: {
    family: {
      booked: 'Ei samtaletid er bestilt.',
      cancelled: 'Samtaletida er avbestilt.',
      rebooked: 'Samtaletida er flytta til ei ny tid.',
      reminder: 'Hugs samtaletida.',
    },
    host: {
      booked: 'Ei av samtaletidene dine er bestilt.',
      cancelled: 'Ei bestilt samtaletid er avbestilt.',
      rebooked: 'Ei bestilt samtaletid er flytta.',
      reminder: 'Hugs samtaletida.',
    },
  },
  what: 'Kva', when: 'Når', where: 'Kvar', video: 'Video',
  link: 'Sjå bestillinga i Elevlos',
  footer: 'Denne e-posten er send automatisk frå Elevlos. Du kan ikkje svare på han.',
  feedName: 'Samtalar (Elevlos)',
};

const en: Texts = {
  kind: { startOfYear: 'Start-of-year conversation', student: 'Student conversation', subject: 'Subject conversation', guardian: 'Student and guardian conference', adHoc: 'Conversation' },
  subject: { booked: 'Confirmed', cancelled: 'Cancelled', rebooked: 'New time', reminder: 'Reminder' },
  lead: {
    family: {
      booked: 'A conversation time has been booked.',
      cancelled: 'The conversation time has been cancelled.',
      rebooked: 'The conversation has been moved to a new time.',
      reminder: 'A reminder of your conversation time.',
    },
    host: {
      booked: 'One of your slots has been booked.',
      cancelled: 'A booked slot has been cancelled.',
      rebooked: 'A booked slot has been moved.',
      reminder: 'A reminder of your conversation time.',
    },
  },
  what: 'What', when: 'When', where: 'Where', video: 'Video',
  link: 'See the booking in Elevlos',
  footer: 'This e-mail was sent automatically by Elevlos. Replies are not read.',
  feedName: 'Conversations (Elevlos)',
};

export const bookingTexts: Record<Locale, Texts> = { nb, nn, en };

const intl: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** "torsdag 3. desember 2026 kl. 14:00–14:20" in Norway's time */
export function formatPeriod(start: Date, end: Date, locale: Locale): string {
  const day = new Intl.DateTimeFormat(intl[locale], { timeZone: 'Europe/Oslo', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(start);
  const time = new Intl.DateTimeFormat(intl[locale], { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' });
  return `${day} ${locale === 'en' ? 'at' : 'kl.'} ${time.format(start)}–${time.format(end)}`;
}

export interface MailContent {
  subject: string;
  text: string;
  summary: string;
}

export function mailContent(args: {
  locale: Locale; event: MailEvent; audience: Audience; kind: ConversationKind; title: string;
  start: Date; end: Date; place: string | null; videoLink: string | null; link: string;
}): MailContent {
  const x = bookingTexts[args.locale];
  const summary = `${x.kind[args.kind]}: ${args.title}`;
  const when = formatPeriod(args.start, args.end, args.locale);
  const lines = [
    x.lead[args.audience][args.event],
    '',
    `${x.what}: ${summary}`,
    `${x.when}: ${when}`,
    ...(args.place ? [`${x.where}: ${args.place}`] : []),
    ...(args.videoLink ? [`${x.video}: ${args.videoLink}`] : []),
    '',
    `${x.link}: ${args.link}`,
    '',
    '-- ',
    x.footer,
  ];
  return { subject: `${x.subject[args.event]}: ${summary} – ${when}`, text: `${lines.join('\n')}\n`, summary };
}
