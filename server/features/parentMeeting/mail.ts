/**
 * the guardians who were absent from a parent meeting are sent its information — an e-mail with a
 * link only (one recipient per mail, so no guardian sees another's address; the content stays behind the
 * login, where the policy decides again).
 */
import type { Config } from '../../core/config.js';
import type { Database } from '../../core/db/client.js';
import { enqueue, type JobHandler } from '../../core/jobs/queue.js';
import { sendMail, type SmtpSettings } from '../../core/mail/mailer.js';
import { personStillReadsStudent } from '../../core/policy/stillReads.js';
import { today } from '../../core/time.js';
import { informMailRecipient } from './queries.js';

const settingsByDatabase = new WeakMap<Database, { smtp: SmtpSettings | undefined; publicUrl: string }>();

export function registerParentMeetingMail(database: Database, config: Config): void {
  settingsByDatabase.set(database, { smtp: config.smtp, publicUrl: config.publicUrl });
}

export const familyLink = (studentId: string) => `/children/${studentId}/parent-meetings`;

const TEXTS = {
  nb: {
    subject: (g: string) => `Informasjon fra foreldremøtet i ${g}`,
    body: (g: string, link: string) => `Du var ikke på foreldremøtet i ${g}. Informasjonen fra møtet finner du i Elevlos.\n\nLes den her (du må logge inn): ${link}\n\nDenne e-posten er sendt automatisk og kan ikke besvares.`,
  },
  nn: {
    subject: (g: string) => `Informasjon frå foreldremøtet i ${g}`,
    body: (g: string, link: string) => `Du var ikkje på foreldremøtet i ${g}. Informasjonen frå møtet finn du i Elevlos.\n\nLes han her (du må logge inn): ${link}\n\nDenne e-posten er send automatisk og kan ikkje svarast på.`,
  },
  en: {
    subject: (g: string) => `Information from the parent meeting in ${g}`,
    body: (g: string, link: string) => `You were not at the parent meeting in ${g}. The information from the meeting is in Elevlos.\n\nRead it here (log in first): ${link}\n\nThis e-mail was sent automatically; please do not reply.`,
  },
} as const;

export async function enqueueInformMails(database: Database, ownerId: string, meetingId: string, items: readonly { personId: string; studentId: string }[]): Promise<void> {
  for (const i of items) await enqueue(database, 'parentMeeting.informMail', { ownerId, meetingId, personId: i.personId, studentId: i.studentId }, { ownerId });
}

export const parentMeetingMailJobs: Record<string, JobHandler> = {
  'parentMeeting.informMail': async (payload, database) => {
    const { ownerId, meetingId, personId, studentId } = payload as { ownerId: string; meetingId: string; personId: string; studentId: string };
    const row = await informMailRecipient(database.query, ownerId, personId, meetingId);
    const to = row?.email?.trim();
    if (!to) return;
    // insight may have ended since the meeting (consent withdrawn, an 18th birthday)
    if (!(await personStillReadsStudent(database, ownerId, personId, studentId, today()))) return;
    const settings = settingsByDatabase.get(database);
    const texts = TEXTS[row!.preferred_locale] ?? TEXTS.nb;
    await sendMail(settings?.smtp, { to, subject: texts.subject(row!.group_name), text: texts.body(row!.group_name, `${settings?.publicUrl ?? ''}${familyLink(studentId)}`) });
  },
};
