import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { PageHeading } from '../../core/ui/PageHeading';
import { finalisedQuery, versionQuery, type PlanReport } from './api';

/** One finalised version as it was finalised: the subjects' parts and reports, then the contact teacher's summary. */
export function ReportView({ report }: { report: PlanReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const summaryId = useId();
  return (
    <div className="stack">
      <Paragraph>
        <strong>{t('individualPlan.periodOfYear', { period: t(`individualPlan.periods.${report.period}`), year: report.schoolYearName })}</strong>
        <br />
        <span className="muted">{t('individualPlan.finalisedOn', { date: format.date(report.finalisedAt), name: report.finalisedByName })}</span>
      </Paragraph>
      {report.parts.map((p) => (
        <section key={p.subjectId} className="panel stack" aria-label={p.subjectName}>
          <Heading level={2} data-size="xs">{p.subjectName}</Heading>
          {(['goals', 'content', 'organisation', 'report'] as const).map((f) => (p[f] ? (
            <div key={f}>
              <Heading level={3} data-size="2xs">{t(`individualPlan.${f}`)}</Heading>
              <Paragraph className="pre-wrap">{p[f]}</Paragraph>
            </div>
          ) : null))}
        </section>
      ))}
      {report.summary !== null && (
        <section className="panel stack" aria-labelledby={summaryId}>
          <Heading level={2} data-size="xs" id={summaryId}>{t('individualPlan.summary')}</Heading>
          <Paragraph className="pre-wrap">{report.summary}</Paragraph>
        </section>
      )}
    </div>
  );
}

/** The student's and the guardians' page (L-40, R-62): the latest finalised version, never a draft. */
export function FamilyPlanPage({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(finalisedQuery(studentId));
  return (
    <div className="stack">
      <PageHeading title={`${t('individualPlan.title')}: ${data.studentName}`} />
      <AccessReason access={data.access} />
      <Paragraph>{t('individualPlan.familyIntro')}</Paragraph>
      {data.report ? <ReportView report={data.report} /> : <Paragraph>{t('individualPlan.familyNone')}</Paragraph>}
    </div>
  );
}

/** An earlier (or the latest) finalised version, for the staff who may see the plan. */
export function VersionPage({ studentId, version }: { studentId: string; version: number }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(versionQuery(studentId, version));
  return (
    <div className="stack">
      <PageHeading title={t('individualPlan.versionTitle', { version: data.version })} />
      <Paragraph>
        <AppLink to="/students/$studentId/individual-plan" params={{ studentId }}>{t('individualPlan.backToPlan')}</AppLink>
      </Paragraph>
      <ReportView report={data} />
    </div>
  );
}
