/**
 * The reminder e-mail to a subject teacher who has not confirmed a student's accommodation needs:
 * one mail per teacher through the job queue. It names neither the student nor the need — only a link
 * behind the login, where the policy decides again.
 */
import type { Config } from '../../core/config.js';
import type { Database } from '../../core/db/client.js';
import { enqueue, type JobHandler } from '../../core/jobs/queue.js';
import { sendMail, type SmtpSettings } from '../../core/mail/mailer.js';
import { personStillReadsStudent } from '../../core/policy/stillReads.js';
import { today } from '../../core/time.js';
import { reminderRecipient } from './queries.js';
import { needLink } from './service.js';

const settingsByDatabase = new WeakMap<Database, { smtp: SmtpSettings | undefined; publicUrl: string }>();

export function registerAccommodationMail(database: Database, config: Config): void {
  settingsByDatabase.set(database, { smtp: config.smtp, publicUrl: config.publicUrl });
}

const TEXTS = {
  nb: {
    subject: 'Påminnelse: bekreft at du har lest et tilretteleggingsbehov',
    body: (link: string) => `Kontaktlæreren minner deg om å lese og bekrefte tilretteleggingsbehovet til en elev du underviser.\n\nLes og bekreft her (du må logge inn): ${link}\n\nDenne e-posten er sendt automatisk og kan ikke besvares.`,
  },
  nn: {
    subject: 'Påminning: stadfest at du har lese eit tilretteleggingsbehov',
    body: (link: string) => `Kontaktlæraren minner deg om å lese og stadfeste tilretteleggingsbehovet til ein elev du underviser.\n\nLes og stadfest her (du må logge inn): ${link}\n\nDenne e-posten er send automatisk og kan ikkje svarast på.`,
  },
  en: {
    subject: 'Reminder: confirm that you have read an accommodation need',
    body: (link: string) => `The contact teacher reminds you to read and confirm the accommodation need of a student you teach.\n\nRead and confirm here (log in first): ${link}\n\nThis e-mail was sent automatically; please do not reply.`,
  },
} as const;

export async function enqueueReminderMails(database: Database, ownerId: string, items: readonly { personId: string; studentId: string }[]): Promise<void> {
  for (const i of items) await enqueue(database, 'accommodationNeed.reminderMail', { ownerId, personId: i.personId, studentId: i.studentId }, { ownerId });
}

export const accommodationNeedMailJobs: Record<string, JobHandler> = {
  'accommodationNeed.reminderMail': async (payload, database) => {
    const { ownerId, personId, studentId } = payload as { ownerId: string; personId: string; studentId: string };
    const person = await reminderRecipient(database.query, ownerId, personId);
    const to = person?.email?.trim();
    if (!to) return;
    // the teacher may no longer teach the student by the time the queue gets to it
    if (!(await personStillReadsStudent(database, ownerId, personId, studentId, today()))) return;
    const settings = settingsByDatabase.get(database);
    const texts = TEXTS[person!.preferred_locale] ?? TEXTS.nb;
    await sendMail(settings?.smtp, { to, subject: texts.subject, text: texts.body(`${settings?.publicUrl ?? ''}${needLink(studentId)}`) });
  },
};
