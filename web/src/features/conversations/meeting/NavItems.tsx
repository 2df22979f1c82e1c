import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../core/api/types';

/** Students prepare for their conversations and staff hold theirs: both need to find them from the menu. */
export const hasOwnConversations = (me: Me): boolean => me.studentId !== null || me.roles.some((r) => r !== 'guardian' && r !== 'student');

/** The main menu's entry for "my conversations". */
export function ConversationNavItems({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation();
  if (!hasOwnConversations(me)) return null;
  return (
    <li>
      <Link to="/me/conversations">{t('conversations.meeting.myTitle')}</Link>
    </li>
  );
}
