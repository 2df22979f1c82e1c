// The conversation meeting pages, under the logged-in parent route. Only what the router needs before it
// shows a page stays here (path, the data to load); the pages come in lazily (pages.lazy.tsx).
import { createRoute } from '@tanstack/react-router';
import { authedRoute } from '../../../core/router/base';
import { conversationQuery, myConversationsQuery } from './api';
import { hasOwnConversations } from './NavItems';

const conversationRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'conversations/$conversationId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(conversationQuery(params.conversationId)),
}).lazy(() => import('./pages.lazy').then((d) => d.conversationRoute));

const myConversationsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me/conversations',
  loader: ({ context }) => (hasOwnConversations(context.me) ? context.queryClient.ensureQueryData(myConversationsQuery) : null),
}).lazy(() => import('./pages.lazy').then((d) => d.myConversationsRoute));

export const meetingRoutes = [conversationRoute, myConversationsRoute] as const;
