import { Paragraph } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../core/ui/PageHeading';
import { DutyToReportPanel } from '../dutyToReport';
import { studentRecordQuery } from '../students';
import { ConcernForm } from './ConcernForm';

/**
 * "Jeg er bekymret": both paths a worried staff member may need — a concern about the school
 * environment, sent to the principal in one click, and the duty to report to the child welfare service.
 */
export function ConcernPage({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(studentRecordQuery(studentId));
  return (
    <div className="stack">
      <PageHeading title={t('schoolEnvironment.concernTitle', { name: `${data.student.givenName} ${data.student.familyName}` })} />
      <Paragraph>{t('schoolEnvironment.concernIntro')}</Paragraph>
      <section className="panel stack"><ConcernForm studentId={studentId} /></section>
      <DutyToReportPanel studentId={studentId} />
    </div>
  );
}
