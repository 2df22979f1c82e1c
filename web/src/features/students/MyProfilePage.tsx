import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../core/ui/PageHeading';
import { FamilySection } from '../conversations';
import { SharedMinutesSection } from '../meetings';
import { StudentRecordView } from './StudentRecordView';
import { studentRecordQuery } from './studentsApi';

/** The student's own record: the same endpoint as staff use, for their own studentId. */
export function MyProfilePage({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(studentRecordQuery(studentId));
  return (
    <div className="stack">
      <PageHeading title={t('nav.myPage')} />
      <StudentRecordView record={data} viewer="self" />
      <FamilySection studentId={studentId} viewer="self" />
      <SharedMinutesSection studentId={studentId} />
    </div>
  );
}
