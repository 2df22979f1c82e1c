/**
 * The e-mail notice of a sent letter (L-20: sent digitally): one mail per recipient, through the job
 * queue so a slow mail server never holds up sending. The mail says only that a letter has come and
 * links to it — the content stays behind the login, where opening it is the read receipt.
 */
import { randomUUID } from 'node:crypto';
import type { Config } from '../../core/config.js';
import type { Database } from '../../core/db/client.js';
import { enqueue, type JobHandler } from '../../core/jobs/queue.js';
import { sendMail, type SmtpSettings } from '../../core/mail/mailer.js';
import { personStillReadsStudent } from '../../core/policy/stillReads.js';
import { today } from '../../core/time.js';
import { insertEmailedEvent, mailRecipient } from './queries/letters.js';

const settingsByDatabase = new WeakMap<Database, { smtp: SmtpSettings | undefined; publicUrl: string }>();

export function registerWarningMail(database: Database, config: Config): void {
  settingsByDatabase.set(database, { smtp: config.smtp, publicUrl: config.publicUrl });
}

const TEXTS = {
  nb: { subject: (school: string) => `Brev fra ${school}`, body: (school: string, link: string) => `Du har fått et brev fra ${school} i Elevlos.\n\nLes det her (du må logge inn): ${link}\n\nDenne e-posten er sendt automatisk og kan ikke besvares.` },
  nn: { subject: (school: string) => `Brev frå ${school}`, body: (school: string, link: string) => `Du har fått eit brev frå ${school} i Elevlos.\n\nLes det her (du må logge inn): ${link}\n\nDenne e-posten er send automatisk og kan ikkje svarast på.` },
  en: { subject: (school: string) => `A letter from ${school}`, body: (school: string, link: string) => `You have a letter from ${school} in Elevlos.\n\nRead it here (log in first): ${link}\n\nThis e-mail was sent automatically; please do not reply.` },
} as const;

export async function enqueueLetterMails(database: Database, ownerId: string, studentId: string, letterId: string, copyIds: string[]): Promise<void> {
  for (const copyId of copyIds) await enqueue(database, 'warning.mail', { ownerId, studentId, letterId, copyId }, { ownerId });
}

export const warningMailJobs: Record<string, JobHandler> = {
  'warning.mail': async (payload, database) => {
    const { ownerId, studentId, letterId, copyId } = payload as { ownerId: string; studentId: string; letterId: string; copyId: string };
    const row = await mailRecipient(database.query, ownerId, copyId);
    // a retry never resends; a recipient without an e-mail address reads it in the app (or gets it on paper)
    if (!row || row.emailed || !row.email) return;
    // insight may have ended since the letter was sent (consent withdrawn): no e-mail naming the student then
    if (!(await personStillReadsStudent(database, ownerId, row.person_id, studentId, today()))) return;
    const settings = settingsByDatabase.get(database);
    const texts = TEXTS[row.preferred_locale] ?? TEXTS.nb;
    const link = `${settings?.publicUrl ?? ''}/students/${studentId}/warning-letters/${letterId}`;
    await sendMail(settings?.smtp, { to: row.email, subject: texts.subject(row.school), text: texts.body(row.school, link) });
    await insertEmailedEvent(database.query, ownerId, randomUUID(), copyId);
  },
};
