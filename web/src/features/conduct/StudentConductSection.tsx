import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AppLink } from '../../core/ui/AppLink';
import { studentCasesQuery } from '../discipline';
import { studentConductQuery } from './api';

/**
 * On the student record (staff, the student, a guardian with insight): the conduct grades set per
 * half-year (L-22; the teachers' inputs stay with the staff) and the disciplinary cases this reader may
 * see — the family only those with a decision addressed to them (R-23). What the policy refuses is left out.
 */
export function StudentConductSection({ studentId, grades: showGrades, cases: showCases }: { studentId: string; grades: boolean; cases: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const captionId = useId();
  const conduct = useQuery({ ...studentConductQuery(studentId), retry: false, enabled: showGrades });
  const cases = useQuery({ ...studentCasesQuery(studentId), retry: false, enabled: showCases });
  const grades = conduct.data?.grades ?? [];
  const caseList = cases.data?.cases ?? [];
  if (!conduct.data && caseList.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="stack">
      <Heading level={2} data-size="sm" id={headingId}>{t('conduct.studentSection.title')}</Heading>
      {conduct.data && (grades.length === 0 ? (
        <Paragraph data-size="sm">{t('conduct.studentSection.noGrades')}</Paragraph>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <Table border data-size="sm" data-color="neutral">
            <caption id={captionId}>{t('conduct.studentSection.gradesCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('conduct.studentSection.term')}</Table.HeaderCell>
                <Table.HeaderCell>{t('conduct.aspect.order')}</Table.HeaderCell>
                <Table.HeaderCell>{t('conduct.aspect.behaviour')}</Table.HeaderCell>
                <Table.HeaderCell>{t('conduct.studentSection.setOn')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {grades.map((g) => (
                <Table.Row key={g.termId}>
                  <Table.Cell>{t(`conduct.term.${g.termKind}`, { year: g.schoolYearName })}</Table.Cell>
                  <Table.Cell>{t(`conduct.grade.${g.order}`)}</Table.Cell>
                  <Table.Cell>{t(`conduct.grade.${g.behaviour}`)}</Table.Cell>
                  <Table.Cell>{format.date(g.setAt)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ))}
      {cases.data && caseList.length > 0 && (
        <>
          <Heading level={3} data-size="2xs">{t('conduct.studentSection.cases')}</Heading>
          <ul className="plain-list">
            {caseList.map((c) => (
              <li key={c.id}>
                <AppLink to="/disciplinary-cases/$caseId" params={{ caseId: c.id }}>
                  {t('conduct.studentSection.openCase', { date: format.date(c.openedAt) })}
                </AppLink>{' '}
                {c.suspension !== 'none' && <Tag data-size="sm" data-color="warning">{t(`discipline.status.${c.suspension}`)}</Tag>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
