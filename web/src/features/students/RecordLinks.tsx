import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../core/auth/session';
import { AppLink } from '../../core/ui/AppLink';

type Viewer = 'staff' | 'self' | 'guardian';

/**
 * From the student record to the student's absence and formative assessments, for each kind of viewer;
 * each page asks the policy itself. The counsellor and the school's administration read neither
 * (server/core/policy/can.ts), so they get no dead links.
 */
export function RecordLinks({ studentId, viewer }: { studentId: string; viewer: Viewer }) {
  const { t } = useTranslation();
  const me = useMe();
  if (viewer === 'staff' && !hasRole(me, 'contactTeacher', 'teacher', 'departmentHead', 'principal')) return null;
  const params = { studentId };
  return (
    <>
      <Paragraph>
        {viewer === 'self' ? (
          <AppLink to="/me/absence">{t('absence.recordLink')}</AppLink>
        ) : viewer === 'guardian' ? (
          <AppLink to="/children/$studentId/absence" params={params}>{t('absence.recordLink')}</AppLink>
        ) : (
          <AppLink to="/students/$studentId/absence" params={params}>{t('absence.recordLink')}</AppLink>
        )}
      </Paragraph>
      <Paragraph>
        {viewer === 'self' ? (
          <AppLink to="/me/formative">{t('formative.student.link')}</AppLink>
        ) : viewer === 'guardian' ? (
          <AppLink to="/children/$studentId/formative" params={params}>{t('formative.student.link')}</AppLink>
        ) : (
          <AppLink to="/students/$studentId/formative" params={params}>{t('formative.student.link')}</AppLink>
        )}
      </Paragraph>
    </>
  );
}
