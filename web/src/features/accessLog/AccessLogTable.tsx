import { Paragraph, Table } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessLogEntry } from './accessLogApi';
import { useFormat } from '../../core/format';
import { actionLabel } from './actionLabel';

export function AccessLogTable({ entries }: { entries: AccessLogEntry[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const captionId = useId();
  if (entries.length === 0) return <Paragraph>{t('accessLog.empty')}</Paragraph>;
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <Table zebra border data-color="neutral" className="stack-on-phone">
        <caption id={captionId}>{t('accessLog.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('accessLog.at')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('accessLog.who')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('accessLog.what')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('accessLog.reason')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {entries.map((e, i) => (
            <Table.Row key={`${e.at}-${i}`}>
              <Table.Cell className="nowrap" data-label={t('accessLog.at')}>
                <time dateTime={e.at}>{format.dateTime(e.at)}</time>
              </Table.Cell>
              <Table.Cell data-label={t('accessLog.who')}>{e.actorName}</Table.Cell>
              <Table.Cell data-label={t('accessLog.what')}>{actionLabel(t, e.action)}</Table.Cell>
              <Table.Cell data-label={t('accessLog.reason')}>{e.reason}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
