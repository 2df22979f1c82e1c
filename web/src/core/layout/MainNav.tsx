import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Me, Role } from '../api/types';
import { auditRoles, hasRole } from '../auth/session';
import { BookingNavItems } from '../../features/booking/BookingNav';
import { AbsenceNavItems } from '../../features/absence/NavItems';
import { FormativeNavItems } from '../../features/formativeAssessment/NavItems';
import { AnnualCycleNavItems } from '../../features/annualCycle/NavItems';
import { AssessmentPlanNavItems } from '../../features/assessmentPlan/NavItems';
import { ClassLifeNavItems } from '../../features/classLife/NavItems';
import { FormNavItems } from '../../features/forms/NavItems';
import { ConflictNavItems } from '../../features/conflicts/NavItems';
import { ConductNavItems } from '../../features/conduct/NavItems';
import { WarningNavItems } from '../../features/warnings/NavItems';
import { ConversationNavItems } from '../../features/conversations/meeting/NavItems';

// A contact teacher usually has one or two classes: put them straight in the menu, the rest stay on the front page.
const MAX_CLASSES_IN_NAV = 3;
/** Everyone who works at a school: they may read the conversation templates. */
const staffRoles: readonly Role[] = ['contactTeacher', 'teacher', 'departmentHead', 'counsellor', 'principal', 'schoolAdmin', 'nurse'];

export function MainNav({ me }: { me: Me }) {
  const { t } = useTranslation();
  const isStudent = me.studentId !== null;
  const classes = me.basisGroups.slice(0, MAX_CLASSES_IN_NAV);
  return (
    <nav aria-label={t('shell.mainNav')} className="main-nav">
      <ul>
        <li>
          <Link to="/" activeOptions={{ exact: true }}>
            {t('nav.home')}
          </Link>
        </li>
        {classes.map((g) => (
          <li key={g.id}>
            {/* not exact: the class's own pages (its sub-menu) keep the class marked as where the user is */}
            <Link to="/classes/$basisGroupId" params={{ basisGroupId: g.id }} activeOptions={{ exact: false }}>
              {g.name}
            </Link>
          </li>
        ))}
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
        {isStudent && (
          <>
            <li>
              <Link to="/me" activeOptions={{ exact: true }}>
                {t('nav.myPage')}
              </Link>
            </li>
            <li>
              <Link to="/me/consent">{t('nav.consent')}</Link>
            </li>
            <li>
              <Link to="/me/access-log">{t('nav.accessLog')}</Link>
            </li>
          </>
        )}
        <ConversationNavItems me={me} />
        <BookingNavItems me={me} />
        <AbsenceNavItems me={me} />
        <FormativeNavItems me={me} />
        <AnnualCycleNavItems me={me} />
        <AssessmentPlanNavItems me={me} />
        <ClassLifeNavItems me={me} />
        <FormNavItems me={me} />
        <ConflictNavItems me={me} />
        <ConductNavItems me={me} />
        <WarningNavItems me={me} />
        {hasRole(me, 'guardian') && (
          <li>
            <Link to="/children">{t('nav.children')}</Link>
          </li>
        )}
        {hasRole(me, ...auditRoles) && (
          <li>
            <Link to="/audit">{t('nav.audit')}</Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
