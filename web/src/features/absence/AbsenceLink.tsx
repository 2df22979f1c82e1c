import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../core/auth/session';
import { AppLink } from '../../core/ui/AppLink';

/** From the student record to the student's absence, for each kind of viewer; the absence page asks the policy itself. */
export function AbsenceLink({ studentId, viewer }: { studentId: string; viewer: 'staff' | 'self' | 'guardian' }) {
  const { t } = useTranslation();
  const me = useMe();
  // the counsellor and the school's administration do not read absence (server/core/policy/can.ts)
  if (viewer === 'staff' && !hasRole(me, 'contactTeacher', 'teacher', 'departmentHead', 'principal')) return null;
  return (
    <Paragraph>
      {viewer === 'self' ? (
        <AppLink to="/me/absence">{t('absence.recordLink')}</AppLink>
      ) : viewer === 'guardian' ? (
        <AppLink to="/children/$studentId/absence" params={{ studentId }}>{t('absence.recordLink')}</AppLink>
      ) : (
        <AppLink to="/students/$studentId/absence" params={{ studentId }}>{t('absence.recordLink')}</AppLink>
      )}
    </Paragraph>
  );
}
