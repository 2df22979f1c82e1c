import { Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../core/auth/session';
import { AppLink } from '../../core/ui/AppLink';
import type { RecordViewer } from '../../core/ui/recordLinks';
import { finalisedQuery } from './api';

/**
 * From the student's record to the IOP. Staff who may work on plans get the link; the student and the
 * guardians get it only once a version is finalised (they never see drafts, and most students have no plan).
 */
export function IndividualPlanRecordLink({ studentId, viewer }: { studentId: string; viewer: RecordViewer }) {
  const me = useMe();
  if (viewer !== 'staff') return <FamilyLink studentId={studentId} viewer={viewer} />;
  if (!hasRole(me, 'contactTeacher', 'teacher', 'departmentHead', 'counsellor', 'principal')) return null;
  return <StaffLink studentId={studentId} />;
}

function StaffLink({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  return <Paragraph><AppLink to="/students/$studentId/individual-plan" params={{ studentId }}>{t('individualPlan.link')}</AppLink></Paragraph>;
}

function FamilyLink({ studentId, viewer }: { studentId: string; viewer: 'self' | 'guardian' }) {
  const { t } = useTranslation();
  const q = useQuery({ ...finalisedQuery(studentId), retry: false });
  if (!q.data?.report) return null;
  return (
    <Paragraph>
      {viewer === 'self'
        ? <AppLink to="/me/individual-plan">{t('individualPlan.link')}</AppLink>
        : <AppLink to="/children/$studentId/individual-plan" params={{ studentId }}>{t('individualPlan.link')}</AppLink>}
    </Paragraph>
  );
}
