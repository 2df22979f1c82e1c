import { Paragraph } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../core/ui/AppLink';
import { PageHeading } from '../../core/ui/PageHeading';
import { ChildBookingLink } from '../booking';
import { FamilySection } from '../conversations';
import { SharedMinutesSection } from '../meetings';
import { StudentRecordView, studentRecordQuery } from '../students';

/** A guardian's view of one child: the same StudentRecord, which the server narrows for a guardian. */
export function ChildPage({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(studentRecordQuery(studentId));
  return (
    <div className="stack">
      <PageHeading title={`${data.student.givenName} ${data.student.familyName}`} />
      <ChildBookingLink studentId={studentId} />
      <StudentRecordView record={data} viewer="guardian" />
      <FamilySection studentId={studentId} viewer="guardian" />
      <SharedMinutesSection studentId={studentId} />
      <Paragraph>
        <AppLink to="/children/$studentId/access-log" params={{ studentId }}>
          {t('accessLog.childLink')}
        </AppLink>
      </Paragraph>
    </div>
  );
}
