// One conversation, and the person's own list of them.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../core/auth/session';
import { NotForYouPage } from '../../../core/layout/ErrorPages';
import { ConversationPage } from './ConversationPage';
import { MyConversationsPage } from './MyConversationsPage';
import { hasOwnConversations } from './NavItems';

export const conversationRoute = createLazyRoute('/authed/conversations/$conversationId')({
  component: function ConversationRoute(): ReactNode {
    const { conversationId } = conversationRoute.useParams();
    return <ConversationPage conversationId={conversationId} />;
  },
});

export const myConversationsRoute = createLazyRoute('/authed/me/conversations')({
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
