// The conversation meeting pages, under the logged-in parent route (web/src/core/router/base.tsx).
import { createRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../core/auth/session';
import { NotForYouPage } from '../../../core/layout/ErrorPages';
import { authedRoute } from '../../../core/router/base';
import { conversationQuery, myConversationsQuery } from './api';
import { ConversationPage } from './ConversationPage';
import { MyConversationsPage } from './MyConversationsPage';
import { hasOwnConversations } from './NavItems';

const conversationRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'conversations/$conversationId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(conversationQuery(params.conversationId)),
  component: function ConversationRoute(): ReactNode {
    const { conversationId } = conversationRoute.useParams();
    return <ConversationPage conversationId={conversationId} />;
  },
});

const myConversationsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me/conversations',
  loader: ({ context }) => (hasOwnConversations(context.me) ? context.queryClient.ensureQueryData(myConversationsQuery) : null),
  component: function MyConversationsRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    return hasOwnConversations(me) ? (
      <MyConversationsPage />
    ) : (
      <NotForYouPage text={t('conversations.meeting.notForGuardians')} />
    );
  },
});

export const meetingRoutes = [conversationRoute, myConversationsRoute] as const;
