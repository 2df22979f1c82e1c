import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { Loading } from '../../core/ui/Loading';
import { procedureQuery } from './api';
import { ProcedureView } from './ProcedureView';
import { ReportForm } from './ReportForm';

/** on the "Jeg er bekymret" page — the procedure, whom to call, and the person's own record of a report. */
export function DutyToReportPanel({ studentId }: { studentId: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const q = useQuery(procedureQuery(i18n.language));
  return (
    <section aria-labelledby={id} className="panel stack">
      <Heading level={2} data-size="sm" id={id}>{t('dutyToReport.heading')}</Heading>
      <Paragraph data-size="sm">{t('dutyToReport.intro')}</Paragraph>
      {q.isPending ? <Loading /> : q.isError ? <ErrorAlert error={q.error} /> : (
        <>
          <ProcedureView p={q.data} />
          <ReportForm studentId={studentId} today={q.data.today} />
        </>
      )}
    </section>
  );
}
