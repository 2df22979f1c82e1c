import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me, Role } from '../../../core/api/types';
import { hasRole } from '../../../core/auth/session';

/** Everyone who works at a school: they may read the conversation templates. */
const staffRoles: readonly Role[] = ['contactTeacher', 'teacher', 'departmentHead', 'counsellor', 'principal', 'schoolAdmin', 'nurse'];

/** The main menu's entries for the plan: the leaders' overview of held conversations, and the templates. */
export function PlanNavItems({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      {hasRole(me, 'principal', 'departmentHead') && (
        <li>
          <Link to="/conversation-compliance">{t('nav.conversationCompliance')}</Link>
        </li>
      )}
      {hasRole(me, ...staffRoles) && (
        <li>
          <Link to="/conversation-templates">{t('nav.conversationTemplates')}</Link>
        </li>
      )}
    </>
  );
}
