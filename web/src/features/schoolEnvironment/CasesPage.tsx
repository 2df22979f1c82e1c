import { Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AppLink } from '../../core/ui/AppLink';
import { PageHeading } from '../../core/ui/PageHeading';
import { schoolCasesQuery } from './api';

/** the school-environment cases the staff member may open, open ones first. */
export function CasesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(schoolCasesQuery);
  return (
    <div className="stack">
      <PageHeading title={t('schoolEnvironment.listTitle')} />
      <Paragraph>{t('schoolEnvironment.listIntro')}</Paragraph>
      {data.cases.length === 0 ? <Paragraph>{t('schoolEnvironment.sectionEmpty')}</Paragraph> : (
        <div>
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('schoolEnvironment.concernLabel')}</Table.HeaderCell>
                <Table.HeaderCell>{t('schoolEnvironment.plan')}</Table.HeaderCell>
                <Table.HeaderCell>{t('schoolEnvironment.evaluateOn')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.cases.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell>
                    <AppLink to="/school-environment/$caseId" params={{ caseId: c.id }}>{c.studentName}</AppLink>{' '}
                    <span className="muted">{t('schoolEnvironment.reportedOn', { date: format.date(c.reportedOn) })}</span>{' '}
                    <Tag data-size="sm" data-color={c.status === 'open' ? 'warning' : 'neutral'}>{t(`schoolEnvironment.status.${c.status}`)}</Tag>
                  </Table.Cell>
                  <Table.Cell>{c.planVersion ? t('schoolEnvironment.planVersion', { version: c.planVersion }) : t(c.view === 'receipt' ? 'schoolEnvironment.view.receipt' : 'schoolEnvironment.noPlan')}</Table.Cell>
                  <Table.Cell>{c.evaluateNext ? format.date(c.evaluateNext) : '–'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </div>
  );
}
