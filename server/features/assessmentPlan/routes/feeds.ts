/**
 * The calendar feeds (ICS): a student's or a teaching group's plan behind a secret-token URL (the shared
 * mechanism in core/calendarFeed). Calendar apps cannot log in, so the token is the secret, and the
 * policy decides as the token's person on every fetch.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { studentEntry, writeAudit } from '../../../core/audit/audit.js';
import { addDays } from '../../../core/calendar/calendar.js';
import { resolveFeedToken } from '../../../core/calendarFeed/token.js';
import { HttpError } from '../../../core/http/errors.js';
import { t } from '../../../core/i18n/messages.js';
import { can } from '../../../core/policy/can.js';
import { loadActor, loadStudentFacts, loadTeachingGroupFacts } from '../../../core/policy/facts.js';
import { today as todayOf } from '../../../core/time.js';
import { planCalendar, type FeedEvent } from '../ics.js';
import { entriesOfTeachingGroup, type PlanEntry } from '../queries.js';
import { planOf, plansOfStudents } from '../service.js';
import { tags } from './views.js';

export const feedScope = { student: (id: string) => `assessmentPlan.student:${id}`, group: (id: string) => `assessmentPlan.group:${id}` };

/** A feed's address, always under PUBLIC_URL: a forged Host header must not put the secret link on someone else's server. */
export function feedUrl(app: FastifyInstance, token: string): string {
  return `${app.config.publicUrl}/api/assessment-plan/feeds/${token}.ics`;
}

export async function feedRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app;
  const q = database.query;

  r.get('/api/assessment-plan/feeds/:token.ics', {
    // the token in the URL is the secret (calendar apps cannot log in); decided by the policy as its person each time
    config: { access: { kind: 'public' } },
    schema: { tags, summary: "A student's or a teaching group's assessment plan as an iCalendar feed", params: z.object({ token: z.string().max(200) }) },
  }, async (req, reply) => {
    const body = await feedBody(req.params.token);
    if (body === null) throw new HttpError(404, 'error.notFound');
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', 'inline; filename="proveplan.ics"')
      .send(body);
  });

  async function feedBody(token: string): Promise<string | null> {
    const feed = await resolveFeedToken(q, token);
    const m = feed && /^assessmentPlan\.(student|group):([0-9a-f-]{36})$/.exec(feed.scope);
    if (!feed || !m) return null;
    const actor = await loadActor(database, feed.ownerId, feed.personId);
    if (!actor) return null;
    const today = todayOf();
    const from = addDays(today, -31);
    const to = addDays(today, 400);
    const locale = actor.locale;
    let entries: PlanEntry[];
    let name: string;
    let link: string;
    if (m[1] === 'student') {
      const facts = await loadStudentFacts(database, actor.ownerId, m[2]!, today);
      const d = facts && can(actor, 'assessmentPlan.read', { type: 'student', student: facts }, today);
      if (!facts || !d || !d.allow) return null;
      const plans = await plansOfStudents(q, actor.ownerId, [facts.studentId], from, to);
      entries = planOf(plans, facts.studentId);
      // no names in the feed: calendar services store it
      name = t(locale, 'assessmentPlan.feedName', { name: facts.basisGroups[0]?.name ?? '' }).trim();
      link = `${app.config.publicUrl}/students/${facts.studentId}/assessment-plan`;
      await writeAudit(database, [studentEntry(actor, 'assessmentPlan.readFeed', facts.studentId, d.reason)]);
    } else {
      const g = await loadTeachingGroupFacts(database, actor.ownerId, m[2]!);
      if (!g || !can(actor, 'teachingGroup.readAssessmentPlan', { type: 'teachingGroup', group: g }, today).allow) return null;
      entries = await entriesOfTeachingGroup(q, actor.ownerId, g.teachingGroupId, from, to);
      name = t(locale, 'assessmentPlan.feedName', { name: g.name });
      link = `${app.config.publicUrl}/teaching-groups/${g.teachingGroupId}/assessment-plan`;
    }
    const events: FeedEvent[] = entries.map((e) => ({
      id: e.id,
      summary: `${t(locale, `assessmentPlan.kind.${e.kind}`)}: ${e.title}${e.subjectCode ? ` (${e.subjectCode})` : ''}`,
      description: [e.groupName ?? (e.level ?? t(locale, 'assessmentPlan.wholeSchool')), e.description].filter(Boolean).join('\n'),
      startsOn: e.startsOn, endsOn: e.endsOn ?? e.startsOn, url: link,
    }));
    return planCalendar(name, events);
  }
}
