import { Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AppLink } from '../../core/ui/AppLink';
import { PageHeading } from '../../core/ui/PageHeading';
import { resourceTeamCasesQuery } from './api';

/** the open cases registered for the resource team that the reader may see, decided per student by the server. */
export function ResourceTeamPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(resourceTeamCasesQuery);
  return (
    <div className="stack">
      <PageHeading title={t('cases.resourceTeam.title')} />
      <Paragraph>{t('cases.resourceTeam.intro')}</Paragraph>
      {data.cases.length === 0 ? <Paragraph>{t('cases.resourceTeam.empty')}</Paragraph> : (
        <div className="table-scroll">
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('cases.resourceTeam.student')}</Table.HeaderCell>
                <Table.HeaderCell>{t('cases.resourceTeam.case')}</Table.HeaderCell>
                <Table.HeaderCell>{t('cases.resourceTeam.registeredAt')}</Table.HeaderCell>
                <Table.HeaderCell>{t('cases.resourceTeam.outcome')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.cases.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell>
                    <AppLink to="/students/$studentId" params={{ studentId: c.studentId }}>{c.studentName}</AppLink>
                    {c.basisGroupName ? ` (${c.basisGroupName})` : ''}
                  </Table.Cell>
                  <Table.Cell><AppLink to="/cases/$caseId" params={{ caseId: c.id }}>{c.title}</AppLink></Table.Cell>
                  <Table.Cell>{format.date(c.resourceTeamRegisteredAt)}</Table.Cell>
                  <Table.Cell>{c.outcome ? <Tag data-color="neutral">{t(`cases.outcomes.${c.outcome}`)}</Tag> : t('cases.resourceTeam.none')}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </div>
  );
}
