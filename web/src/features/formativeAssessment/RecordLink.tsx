import { Paragraph } from '@digdir/designsystemet-react';
import { hasRole, useMe } from '../../core/auth/session';
import { AppLink } from '../../core/ui/AppLink';
import type { RecordViewer } from '../../core/ui/recordLinks';
import { useTranslation } from 'react-i18next';

/**
 * From the student's record to their formative assessments, for each kind of reader; the page asks the
 * policy itself. The counsellor and the school's administration do not read them, so they get no dead link.
 */
export function FormativeRecordLink({ studentId, viewer }: { studentId: string; viewer: RecordViewer }) {
  const { t } = useTranslation();
  const me = useMe();
  if (viewer === 'self') return <Paragraph><AppLink to="/me/formative">{t('formative.student.link')}</AppLink></Paragraph>;
  if (viewer === 'guardian') return <Paragraph><AppLink to="/children/$studentId/formative" params={{ studentId }}>{t('formative.student.link')}</AppLink></Paragraph>;
  if (!hasRole(me, 'contactTeacher', 'teacher', 'departmentHead', 'principal')) return null;
  return <Paragraph><AppLink to="/students/$studentId/formative" params={{ studentId }}>{t('formative.student.link')}</AppLink></Paragraph>;
}
