import { Paragraph, Table } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { NoValue } from '../../core/ui/Facts';
import { PageHeading } from '../../core/ui/PageHeading';
import { classSummaryQuery, type Term } from './api';

export function termLabel(t: (k: string, o?: Record<string, unknown>) => string, term: Term | null): string {
  return term ? t(`formative.term.${term.kind}`, { year: term.startsOn.slice(0, 4) }) : t('formative.term.none');
}

/** The contact teacher's per-subject summary for the class this term. */
export function ClassSummaryPage({ basisGroupId }: { basisGroupId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(classSummaryQuery(basisGroupId));
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('formative.summary.title', { group: data.group.name })} />
        <Paragraph className="muted">{termLabel(t as never, data.term)}</Paragraph>
        <AccessReason access={data.access} />
      </div>
      <Paragraph>{t('formative.summary.intro')}</Paragraph>
      {data.subjects.length === 0 ? (
        <Paragraph>{t('formative.summary.noSubjects')}</Paragraph>
      ) : (
        <div className="table-scroll" role="region" aria-label={t('formative.summary.title', { group: data.group.name })} tabIndex={0}>
          <Table>
            <caption className="ds-sr-only">{t('formative.summary.title', { group: data.group.name })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('formative.summary.subject')}</Table.HeaderCell>
                <Table.HeaderCell>{t('formative.summary.students')}</Table.HeaderCell>
                <Table.HeaderCell>{t('formative.summary.count')}</Table.HeaderCell>
                <Table.HeaderCell>{t('formative.summary.latest')}</Table.HeaderCell>
                <Table.HeaderCell>{t('formative.summary.without')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.subjects.map((s) => (
                <Table.Row key={s.subjectCode}>
                  <Table.HeaderCell scope="row">{s.subjectName} <span className="muted">({s.subjectCode})</span></Table.HeaderCell>
                  <Table.Cell>{s.students}</Table.Cell>
                  <Table.Cell>{s.count}</Table.Cell>
                  <Table.Cell>{s.latestOn ? format.date(s.latestOn) : <NoValue label={t('formative.summary.none')} />}</Table.Cell>
                  <Table.Cell>
                    {s.withoutAssessment.length === 0 ? t('formative.summary.allHave') : s.count === 0 ? t('formative.summary.nobody') : (
                      <ul className="formative-history">
                        {s.withoutAssessment.map((x) => (
                          <li key={x.studentId}>
                            <AppLink to="/students/$studentId/formative" params={{ studentId: x.studentId }}>{x.familyName}, {x.givenName}</AppLink>
                          </li>
                        ))}
                      </ul>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </div>
  );
}
