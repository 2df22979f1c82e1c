import { Button, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { PageHeading } from '../../core/ui/PageHeading';
import { preparationCsvUrl, preparationQuery } from './api';
import './conduct.css';

/** R-25: the grade preparation for the class's grade meeting — on screen, printed, or as CSV. */
export function PreparationPage({ basisGroupId }: { basisGroupId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(preparationQuery(basisGroupId));
  const captionId = useId();
  const none = t('conduct.preparation.none');
  return (
    <div className="stack conduct-print">
      <div>
        <PageHeading title={t('conduct.preparation.title', { name: data.group.name })} />
        <Paragraph className="muted">{t(`conduct.term.${data.term.kind}`, { year: data.term.schoolYearName })}</Paragraph>
        <AccessReason access={data.access} />
      </div>
      <Paragraph>{t('conduct.preparation.intro')}</Paragraph>
      <div className="conduct-row no-print">
        <Link href={preparationCsvUrl(basisGroupId)} download>{t('conduct.preparation.csv')}</Link>
        <Button type="button" variant="secondary" data-size="sm" onClick={() => window.print()}>{t('conduct.preparation.print')}</Button>
      </div>
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <Table zebra border data-color="neutral">
          <caption id={captionId}>{t('conduct.preparation.caption', { name: data.group.name })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('conduct.preparation.student')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('conduct.preparation.absenceRisk')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('conduct.preparation.notAssessed')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('conduct.preparation.inputs')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('conduct.preparation.conductWarnings')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('conduct.preparation.grade')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.students.map((s) => (
              <Table.Row key={s.studentId}>
                <Table.HeaderCell scope="row">{s.familyName}, {s.givenName}</Table.HeaderCell>
                <Table.Cell>
                  {s.absenceRisks.length === 0 ? none : s.absenceRisks.map((r) => (
                    <span key={r.subjectCode} className="nowrap">
                      {r.subjectCode} {r.percent.toLocaleString(format.locale)} %{' '}
                      <Tag data-size="sm" data-color={r.status === 'overLimit' ? 'danger' : 'warning'}>{t(`conduct.preparation.status.${r.status}`)}</Tag>{' '}
                    </span>
                  ))}
                </Table.Cell>
                <Table.Cell>{s.notAssessedWarnings.length === 0 ? none : s.notAssessedWarnings.map((w) => `${w.subjectCode} ${format.date(w.sentAt)}`).join('; ')}</Table.Cell>
                <Table.Cell>
                  {s.inputs.count === 0 ? none : t('conduct.preparation.inputsSummary', { count: s.inputs.count, order: s.inputs.lowestOrder, behaviour: s.inputs.lowestBehaviour })}
                </Table.Cell>
                <Table.Cell>{s.conductWarnings.length === 0 ? none : s.conductWarnings.map((w) => `${t(`conduct.aspect.${w.aspect}`)} ${format.date(w.sentAt)}`).join('; ')}</Table.Cell>
                <Table.Cell>{s.grade ? `${s.grade.order} / ${s.grade.behaviour}` : none}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </div>
  );
}
