/**
 * The weekly digest (R-30…R-33): each Monday, every staff member with overdue tasks gets one e-mail with
 * the count per routine and a link — no student names or other student data. Off per person
 * (routine_digest_preference); one per person per ISO week (routine_digest_sent), so a retry never resends.
 */
import type { Config } from '../../core/config.js';
import type { Database } from '../../core/db/client.js';
import { t } from '../../core/i18n/messages.js';
import { scheduleOnce, type JobHandler } from '../../core/jobs/queue.js';
import { sendMail, type SmtpSettings } from '../../core/mail/mailer.js';
import { today as todayNow } from '../../core/time.js';
import { weekStart } from '../../core/calendar/calendar.js';
import { claimDigestWeek, digestRecipients, overdueCountsByPerson, releaseDigestWeek } from './queries/digest.js';
import { membersOf } from './queries/tasks.js';
import { currentCycles } from './service.js';

const settingsByDatabase = new WeakMap<Database, { smtp: SmtpSettings | undefined; publicUrl: string }>();

export const DIGEST_JOB = 'annualCycle.digest';

/** Each app registers its mail settings; the weekly job is scheduled once for the database. */
export function registerDigestMail(database: Database, config: Config): void {
  settingsByDatabase.set(database, { smtp: config.smtp, publicUrl: config.publicUrl });
  void scheduleOnce(database, DIGEST_JOB, nextMondayMorning(new Date())).catch(() => {});
}

function nextMondayMorning(now: Date): Date {
  const d = new Date(now);
  d.setUTCHours(5, 0, 0, 0); // 07:00 in Norway in summer, 06:00 in winter
  const day = (d.getUTCDay() + 6) % 7; // 0 = Monday
  d.setUTCDate(d.getUTCDate() + (7 - day));
  return d;
}

/** Sends this week's digests for every school of every owner; returns the people who got one. */
export async function sendWeeklyDigests(database: Database, day: string): Promise<string[]> {
  const settings = settingsByDatabase.get(database);
  const sentTo: string[] = [];
  const monday = weekStart(day);
  for (const { ctx, routines } of await currentCycles(database, day)) {
    const overdueRoutines = routines.filter((r) => r.closesOn < day);
    if (!overdueRoutines.length) continue;
    const members = await membersOf(database.query, ctx, {});
    const rows = await overdueCountsByPerson(database, ctx, overdueRoutines, monday, members);
    const byPerson = new Map<string, { routineId: string; count: number }[]>();
    for (const r of rows) byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), { routineId: r.routine_id, count: r.count }]);
    if (!byPerson.size) continue;
    const people = await digestRecipients(database.query, ctx.ownerId, [...byPerson.keys()]);
    const titles = new Map(routines.map((r) => [r.id, r]));
    for (const p of people) {
      const email = p.email?.trim();
      if (!email) continue;
      const items = byPerson.get(p.id)!;
      const total = items.reduce((s, x) => s + x.count, 0);
      if (!await claimDigestWeek(database.query, ctx.ownerId, p.id, monday, total)) continue;
      const locale = p.preferred_locale ?? 'nb';
      const lines = items.map((x) => {
        const r = titles.get(x.routineId)!;
        return `- ${locale === 'nn' ? r.titleNn : r.titleNb}: ${x.count}`;
      }).join('\n');
      const link = `${settings?.publicUrl ?? ''}/`;
      try {
        await sendMail(settings?.smtp, {
          to: email,
          subject: t(locale, 'annualCycle.digest.subject', { count: total }),
          text: t(locale, 'annualCycle.digest.body', { name: p.given_name, count: total, lines, link }),
        });
      } catch (e) {
        await releaseDigestWeek(database.query, ctx.ownerId, p.id, monday);
        throw e;
      }
      sentTo.push(p.id);
    }
  }
  return sentTo;
}

export const digestJobs: Record<string, JobHandler> = {
  [DIGEST_JOB]: async (_payload, database) => {
    await sendWeeklyDigests(database, todayNow());
    await scheduleOnce(database, DIGEST_JOB, nextMondayMorning(new Date()));
  },
};
