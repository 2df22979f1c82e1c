import { Table, Tag } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from './auditApi';
import { useFormat } from '../../core/format';
import { AppLink } from '../../core/ui/AppLink';
import { NoValue } from '../../core/ui/Facts';
import { actionLabel, resourceLabel } from '../accessLog';

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <Table zebra border data-color="neutral">
        <caption id={captionId}>
          {t('audit.caption')} ({t('audit.results', { count: entries.length })})
        </caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('audit.at')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('audit.actor')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('audit.action')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('audit.resourceType')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('audit.student')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('audit.decision')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('audit.reason')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {entries.map((e, i) => (
            <Table.Row key={`${e.at}-${i}`}>
              <Table.Cell className="nowrap">
                <time dateTime={e.at}>{format.dateTime(e.at)}</time>
              </Table.Cell>
              <Table.Cell>{e.actorName}</Table.Cell>
              <Table.Cell>{actionLabel(t, e.action)}</Table.Cell>
              <Table.Cell>{resourceLabel(t, e.resourceType)}</Table.Cell>
              <Table.Cell>
                {e.studentId && e.studentName ? (
                  // Narrow the search to this student rather than open their record (which is itself a read).
                  <AppLink to="/audit" search={{ studentId: e.studentId }} data-color="accent">
                    {e.studentName}
                  </AppLink>
                ) : (
                  e.studentName ?? <NoValue label={t('common.notApplicable')} />
                )}
              </Table.Cell>
              <Table.Cell>
                <Decision decision={e.decision} />
              </Table.Cell>
              <Table.Cell>{e.reason}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function Decision({ decision }: { decision: string }) {
  const { t } = useTranslation();
  if (decision === 'allow')
    return (
      <Tag data-size="sm" data-color="success">
        {t('audit.allow')}
      </Tag>
    );
  if (decision === 'deny')
    return (
      <Tag data-size="sm" data-color="danger">
        {t('audit.deny')}
      </Tag>
    );
  return <>{decision}</>;
}
