import { Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AppLink } from '../../core/ui/AppLink';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { Loading } from '../../core/ui/Loading';
import { PageHeading } from '../../core/ui/PageHeading';
import { procedureQuery, reportsQuery } from './api';
import { ProcedureView } from './ProcedureView';

/** the procedure, and the reports the person may read (their own; the principal's all). */
export function DutyToReportPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const id = useId();
  const { data: p } = useSuspenseQuery(procedureQuery(i18n.language));
  const reports = useQuery(reportsQuery);
  return (
    <div className="stack">
      <PageHeading title={t('dutyToReport.title')} />
      <section className="panel stack" aria-label={t('dutyToReport.procedure')}>
        <ProcedureView p={p} />
        {p.canEdit && <Paragraph><AppLink to="/duty-to-report/settings">{t('dutyToReport.settings')}</AppLink></Paragraph>}
      </section>
      <section aria-labelledby={id} className="panel stack">
        <Heading level={2} data-size="sm" id={id}>{t('dutyToReport.reports')}</Heading>
        <Paragraph data-size="sm" className="muted">{t('dutyToReport.reportsIntro')}</Paragraph>
        {reports.isPending ? <Loading /> : reports.isError ? <ErrorAlert error={reports.error} /> : reports.data.reports.length === 0 ? (
          <Paragraph>{t('dutyToReport.noReports')}</Paragraph>
        ) : (
          <List.Unordered>
            {reports.data.reports.map((r) => (
              <List.Item key={r.id}>
                {t('dutyToReport.reportLine', { student: r.studentName, date: format.date(r.sentOn), reporter: r.reporter.name })}
                {' – '}{t(`dutyToReport.categories.${r.category}`)}
                {r.note && <span className="pre-line"><br />{r.note}</span>}
              </List.Item>
            ))}
          </List.Unordered>
        )}
      </section>
    </div>
  );
}
