/** The personal calendar feed: a secret URL that lists the person's booked conversations. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HttpError } from '../../../core/http/errors.js';
import { requireActor } from '../../../core/http/access.js';
import { calendarFeedCreatedAt, deleteCalendarFeed } from '../queries.js';
import { calendarFeedSchema, calendarTokenParams } from '../schemas.js';
import { BOOKING_FEED_SCOPE, feedFor, rotateFeedToken } from '../views.js';

const tags = ['booking'];

export async function calendarFeedRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app;

  r.get('/api/me/calendar-feed', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: 'Whether the caller has a calendar feed (the URL itself is shown only when created)', response: { 200: calendarFeedSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const createdAt = await calendarFeedCreatedAt(database.query, actor.ownerId, actor.personId, BOOKING_FEED_SCOPE);
    return { url: null, exists: !!createdAt, createdAt: createdAt ? new Date(createdAt).toISOString() : null };
  });

  r.post('/api/me/calendar-feed', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: 'Create the caller\'s calendar feed URL, or replace it (the old URL stops working)', response: { 200: calendarFeedSchema } },
  }, async (req) => {
    const { token, createdAt } = await rotateFeedToken(database, requireActor(req));
    // PUBLIC_URL, never a request header: a forged Host must not put the secret link on someone else's server
    return { url: `${app.config.publicUrl}/api/calendar/${token}.ics`, exists: true, createdAt: new Date(createdAt).toISOString() };
  });

  r.delete('/api/me/calendar-feed', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: 'Turn the caller\'s calendar feed off' },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await deleteCalendarFeed(database.query, actor.ownerId, actor.personId, BOOKING_FEED_SCOPE);
    return reply.status(204).send();
  });

  r.get('/api/calendar/:token.ics', {
    // the token in the URL is the secret (calendar apps cannot log in); unknown tokens are 404
    config: { access: { kind: 'public' } },
    schema: { tags, summary: 'A person\'s booked conversations as an iCalendar feed', params: calendarTokenParams },
  }, async (req, reply) => {
    const body = await feedFor(database, req.params.token, req.today, app.config.publicUrl);
    if (body === null) throw new HttpError(404, 'error.notFound');
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', 'inline; filename="elevlos.ics"')
      .send(body);
  });
}
