import { Button, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../core/api/client';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { PageHeading } from '../../core/ui/PageHeading';
import type { CheckInput } from '@server/features/classLife/schemas.js';
import { checklistQuery, useClassLifeWrite, type Checklist } from './api';
import { DateField } from '../../core/ui/DateField';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';

/** what the class has been told at the start of the year, checked off per class with the date and who. */
export function StartOfYearPage({ basisGroupId }: { basisGroupId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(checklistQuery(basisGroupId));
  return (
    <div className="stack class-life">
      <div>
        <PageHeading title={t('classLife.start.title', { group: data.group.name })} />
        <AccessReason access={data.access} />
      </div>
      <Paragraph>{t('classLife.start.intro')}</Paragraph>
      <div className="table-scroll" role="region" aria-label={t('classLife.start.title', { group: data.group.name })} tabIndex={0}>
        <Table>
          <Table.Body>
            {data.items.map((i) => (
              <Table.Row key={i.item}>
                <Table.HeaderCell scope="row">{t(`classLife.start.items.${i.item}`)}</Table.HeaderCell>
                <Table.Cell>
                  {i.checkedOn ? <Tag data-color="success" data-size="sm">{t('classLife.start.done', { date: format.date(i.checkedOn), name: i.checkedBy })}</Tag>
                    : <Tag data-color="warning" data-size="sm">{t('classLife.start.notDone')}</Tag>}
                </Table.Cell>
                {data.canManage && <Table.Cell><CheckItem basisGroupId={basisGroupId} item={i} /></Table.Cell>}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </div>
  );
}

function CheckItem({ basisGroupId, item }: { basisGroupId: string; item: Checklist['items'][number] }) {
  const { t } = useTranslation();
  const write = useClassLifeWrite(basisGroupId);
  const [on, setOn] = useState('');
  const [error, setError] = useState<string | undefined>();
  const label = t(`classLife.start.items.${item.item}`);
  const send = (checked: boolean) => write.mutateAsync({ path: `/start-of-year/${item.item}`, method: 'PUT', body: (checked && on ? { checked, checkedOn: on } : { checked }) satisfies CheckInput })
    .then(() => setError(undefined), (err) => setError(isApiError(err) ? Object.values(err.fieldErrors())[0] ?? err.message : String(err)));
  if (item.checkedOn) return <Button variant="tertiary" data-size="sm" aria-label={`${t('classLife.start.undo')}: ${label}`} onClick={() => void send(false)}>{t('classLife.start.undo')}</Button>;
  return (
    <div className="class-life-inline">
      <UnsavedGuard dirty={on !== '' && !write.isPending} />
      <DateField data-size="sm" type="date" label={`${t('classLife.start.date')}: ${label}`} value={on} onChange={(e) => setOn(e.target.value)} error={error} />
      <Button data-size="sm" variant="secondary" aria-label={`${t('classLife.start.check')}: ${label}`} onClick={() => void send(true)} disabled={write.isPending}>{t('classLife.start.check')}</Button>
    </div>
  );
}
