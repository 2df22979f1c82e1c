/** R-10…R-17: the conversation plan, templates, guardian conferences, conversations, notes, follow-ups, notifications. */
import type { FastifyInstance } from 'fastify';
import { conferenceRoutes } from './conferences.js';
import { planRoutes } from './planRoutes.js';
import { meetingRoutes } from './routes/meeting.js';
import { personalRoutes } from './routes/personal.js';
import { studentConversationRoutes } from './routes/studentConversations.js';
import { templateRoutes } from './templates.js';

export async function conversationRoutes(app: FastifyInstance): Promise<void> {
  await app.register(planRoutes);
  await app.register(templateRoutes);
  await app.register(conferenceRoutes);
  await app.register(studentConversationRoutes);
  await app.register(meetingRoutes);
  await app.register(personalRoutes);
}
