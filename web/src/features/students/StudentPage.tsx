import { useSuspenseQuery } from '@tanstack/react-query';
import { PageHeading } from '../../core/ui/PageHeading';
import { ConcernButton } from '../schoolEnvironment';
import { StudentRecordView } from './StudentRecordView';
import { studentRecordQuery } from './studentsApi';

export function StudentPage({ studentId }: { studentId: string }) {
  const { data } = useSuspenseQuery(studentRecordQuery(studentId));
  return (
    <div className="stack">
      <PageHeading title={`${data.student.givenName} ${data.student.familyName}`} />
      <div className="button-row page-actions">
        <ConcernButton studentId={studentId} />
      </div>
      <StudentRecordView record={data} viewer="staff" />
    </div>
  );
}
