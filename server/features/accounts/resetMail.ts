/**
 * The password-reset e-mail, sent by the job queue so that the answer to "send me a link" takes the
 * same time whether or not an account was found. The job makes the token: it exists only in the mail
 * (and the link in it); the database keeps its sha256. The link puts the token after '#', which the
 * browser never sends to the server, so it is in no access log or proxy log either.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Config } from '../../core/config.js';
import type { Database } from '../../core/db/client.js';
import type { Locale } from '../../core/i18n/locale.js';
import { enqueue, type JobHandler } from '../../core/jobs/queue.js';
import { sendMail, type SmtpSettings } from '../../core/mail/mailer.js';
import { insertPasswordReset, resetRecipient, retireOpenResets, type ResetTarget } from './queries.js';

/** Long enough to reach the mail on a phone and read it; short enough that an old mail is no key. */
export const RESET_VALID_MINUTES = 60;
export const RESET_PATH = '/password-reset/new';

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

const settingsByDatabase = new WeakMap<Database, { smtp: SmtpSettings | undefined; publicUrl: string }>();

export function registerResetMail(database: Database, config: Config): void {
  settingsByDatabase.set(database, { smtp: config.smtp, publicUrl: config.publicUrl });
}

interface MailText { subject: string; body: (v: { name: string; username: string; link: string; minutes: number }) => string }

const TEXTS: Record<Locale, MailText> = {
  nb: {
    subject: 'Nytt passord i Elevlos',
    body: (v) => `Hei ${v.name},\n\nNoen, forhåpentlig du, har bedt om å få sette nytt passord for brukernavnet ${v.username} i Elevlos.\n\n`
      + `Sett nytt passord her:\n${v.link}\n\nLenken virker i ${v.minutes} minutter, og bare én gang. Når du har satt nytt passord, blir du logget ut på alle enheter.\n\n`
      + 'Har du ikke bedt om dette, kan du se bort fra e-posten. Passordet ditt er ikke endret.\n\nDenne e-posten er sendt automatisk og kan ikke besvares.',
  },
  nn: {
    subject: 'Nytt passord i Elevlos',
    body: (v) => `Hei ${v.name},\n\nNokon, forhåpentleg du, har bede om å få setje nytt passord for brukarnamnet ${v.username} i Elevlos.\n\n`
      + `Set nytt passord her:\n${v.link}\n\nLenkja verkar i ${v.minutes} minutt, og berre éin gong. Når du har sett nytt passord, blir du logga ut på alle einingar.\n\n`
      + 'Har du ikkje bede om dette, kan du sjå bort frå e-posten. Passordet ditt er ikkje endra.\n\nDenne e-posten er send automatisk og kan ikkje svarast på.',
  },
  en: {
    subject: 'A new password for Elevlos',
    body: (v) => `Hello ${v.name},\n\nSomeone, hopefully you, asked to set a new password for the username ${v.username} in Elevlos.\n\n`
      + `Set a new password here:\n${v.link}\n\nThe link works for ${v.minutes} minutes, and only once. When you have set a new password, you are logged out on every device.\n\n`
      + 'If you did not ask for this, you can ignore this e-mail. Your password has not changed.\n\nThis e-mail was sent automatically; please do not reply.',
  },
};

/** One job per request, found accounts or not: the answer's timing says nothing about what was found. */
export async function enqueueResetMails(database: Database, targets: ResetTarget[], locale: Locale): Promise<void> {
  await enqueue(database, 'accounts.resetMail', { targets: targets.map((t) => ({ ownerId: t.owner_id, accountId: t.id })), locale });
}

export const resetMailJobs: Record<string, JobHandler> = {
  'accounts.resetMail': async (payload, database) => {
    const { targets, locale } = payload as { targets: { ownerId: string; accountId: string }[]; locale: Locale };
    const settings = settingsByDatabase.get(database);
    const texts = TEXTS[locale] ?? TEXTS.nb;
    for (const { ownerId, accountId } of targets) {
      const to = await resetRecipient(database.query, ownerId, accountId);
      // disabled since, or no address to send to: an admin helps that person
      if (!to?.email) continue;
      const token = randomBytes(32).toString('base64url');
      await database.transaction(async (q) => {
        await retireOpenResets(q, ownerId, accountId);
        await insertPasswordReset(q, ownerId, randomUUID(), accountId, tokenHash(token), RESET_VALID_MINUTES);
      });
      const link = `${settings?.publicUrl ?? ''}${RESET_PATH}#${token}`;
      await sendMail(settings?.smtp, {
        to: to.email, subject: texts.subject, text: texts.body({ name: to.given_name, username: to.username, link, minutes: RESET_VALID_MINUTES }),
      });
    }
  },
};
