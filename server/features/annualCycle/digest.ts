/**
 * The weekly digest (R-30…R-33): each Monday, every staff member with overdue tasks gets one e-mail with
 * the count per routine and a link — no student names or other student data. Off per person
 * (routine_digest_preference); one per person per ISO week (routine_digest_sent), so a retry never resends.
 */
import type { Config } from '../../core/config.js';
import type { Database } from '../../core/db/client.js';
import { t } from '../../core/i18n/messages.js';
import type { Locale } from '../../core/i18n/locale.js';
import { scheduleOnce, type JobHandler } from '../../core/jobs/queue.js';
import { sendMail, type SmtpSettings } from '../../core/mail/mailer.js';
import { today as todayNow } from '../../core/time.js';
import { weekStart } from '../../core/calendar/calendar.js';
import { currentCycles, membersOf, queryTasks, taskSql } from './service.js';

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
    const ts = taskSql(ctx, overdueRoutines, {}, members);
    const n = ts.params.length;
    // who is responsible for each overdue task, set-based (the same rules as a person's own tasks)
    const rows = await queryTasks<{ person_id: string; routine_id: string; count: number }>(database,
      `with x as (${ts.text}), od as (select * from x where x.done_on is null),
       resp as (
         select sm.person_id, od.routine_id from od
           join contact_teacher_assignment c on od.responsible_role = 'contactTeacher' and c.owner_id = $${n + 1}::uuid and c.basis_group_id = od.basis_group_id
           join staff_member sm on sm.owner_id = c.owner_id and sm.id = c.staff_member_id
         union all
         select sm.person_id, od.routine_id from od
           join staff_member sm on od.responsible_role = 'subjectTeacher' and sm.owner_id = $${n + 1}::uuid and sm.id = od.staff_id
         union all
         select sm.person_id, od.routine_id from od
           join staff_role sr on od.responsible_role = 'departmentHead' and sr.owner_id = $${n + 1}::uuid and sr.role = 'departmentHead' and sr.department_id = od.department_id
           join staff_member sm on sm.owner_id = sr.owner_id and sm.id = sr.staff_member_id
         union all
         select sm.person_id, od.routine_id from od
           join staff_role sr on od.responsible_role in ('counsellor', 'principal') and sr.owner_id = $${n + 1}::uuid and sr.role = od.responsible_role
           join staff_member sm on sm.owner_id = sr.owner_id and sm.id = sr.staff_member_id and sm.school_id = $${n + 2}::uuid
       )
       select resp.person_id, resp.routine_id, count(*)::int as count from resp
       where not exists (select 1 from routine_digest_preference p where p.owner_id = $${n + 1}::uuid and p.person_id = resp.person_id and not p.weekly_digest)
         and not exists (select 1 from routine_digest_sent s where s.owner_id = $${n + 1}::uuid and s.person_id = resp.person_id and s.week_start = $${n + 3}::date)
       group by resp.person_id, resp.routine_id`,
      [...ts.params, ctx.ownerId, ctx.schoolId, monday], members);
    const byPerson = new Map<string, { routineId: string; count: number }[]>();
    for (const r of rows) byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), { routineId: r.routine_id, count: r.count }]);
    if (!byPerson.size) continue;
    const people = await database.query<{ id: string; given_name: string; email: string | null; preferred_locale: Locale }>(
      'select id, given_name, email, preferred_locale from person where owner_id = $1 and id = any($2::uuid[])', [ctx.ownerId, [...byPerson.keys()]]);
    const titles = new Map(routines.map((r) => [r.id, r]));
    for (const p of people) {
      const email = p.email?.trim();
      if (!email) continue;
      const items = byPerson.get(p.id)!;
      const total = items.reduce((s, x) => s + x.count, 0);
      const claimed = await database.query(
        `insert into routine_digest_sent (owner_id, person_id, week_start, overdue_count) values ($1, $2, $3, $4) on conflict do nothing returning person_id`,
        [ctx.ownerId, p.id, monday, total]);
      if (!claimed.length) continue;
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
        await database.query('delete from routine_digest_sent where owner_id = $1 and person_id = $2 and week_start = $3', [ctx.ownerId, p.id, monday]);
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
