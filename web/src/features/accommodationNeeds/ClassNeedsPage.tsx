import { Button, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { PageHeading } from '../../core/ui/PageHeading';
import { classNeedsQuery, useRemind } from './api';
import './studentForms.css';

/** The contact teacher's view: who of the subject teachers has not confirmed, flagged after the deadline; reminders. */
export function ClassNeedsPage({ basisGroupId }: { basisGroupId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(classNeedsQuery(basisGroupId));
  const remind = useRemind(basisGroupId);
  const [sent, setSent] = useState<string>('');
  const pending = data.students.some((s) => s.notConfirmed > 0);
  const send = async (ids?: string[]) => {
    setSent('');
    const res = await remind.mutateAsync(ids);
    setSent(t('accommodationNeeds.class.reminded', { count: res.reminded }));
  };
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('accommodationNeeds.class.title', { group: data.group.name })} />
        <AccessReason access={data.access} />
      </div>
      <Paragraph>{t('accommodationNeeds.class.intro', { date: data.schoolStartDueOn ? format.date(data.schoolStartDueOn) : '–' })}</Paragraph>
      {remind.isError && <ErrorAlert error={remind.error} />}
      <Paragraph role="status">{sent}</Paragraph>
      {data.students.length === 0 ? <Paragraph>{t('accommodationNeeds.class.none')}</Paragraph> : (
        <>
          {data.canRemind && pending && (
            <div><Button variant="secondary" loading={remind.isPending} onClick={() => void send()}>{t('accommodationNeeds.class.remindAll')}</Button></div>
          )}
          <div className="table-scroll" role="region" aria-label={t('accommodationNeeds.class.title', { group: data.group.name })} tabIndex={0}>
            <Table>
              <caption className="ds-sr-only">{t('accommodationNeeds.class.title', { group: data.group.name })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('accommodationNeeds.class.student')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('accommodationNeeds.class.needs')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('accommodationNeeds.class.notConfirmed')}</Table.HeaderCell>
                  {data.canRemind && <Table.HeaderCell><span className="ds-sr-only">{t('accommodationNeeds.class.remindAll')}</span></Table.HeaderCell>}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.students.map((s) => {
                  const name = `${s.student.givenName} ${s.student.familyName}`;
                  const missing = s.teachers.filter((x) => x.confirmedAt === null);
                  return (
                    <Table.Row key={s.student.id} data-overdue={s.overdue || undefined}>
                      <Table.HeaderCell scope="row">
                        <AppLink to="/students/$studentId/accommodation-needs" params={{ studentId: s.student.id }}>{s.student.familyName}, {s.student.givenName}</AppLink>
                      </Table.HeaderCell>
                      <Table.Cell>{s.needCount}</Table.Cell>
                      <Table.Cell>
                        {missing.length === 0 ? t('accommodationNeeds.class.allConfirmed') : (
                          <ul className="needs-missing" aria-label={t('accommodationNeeds.class.notConfirmed')}>
                            {s.overdue && <li><Tag data-color="warning" data-size="sm">{t('accommodationNeeds.class.overdue')}</Tag></li>}
                            {missing.map((x) => (
                              <li key={x.personId}>
                                {x.name} <span className="muted">({x.groups.join(', ')}){x.lastRemindedAt ? ` · ${t('accommodationNeeds.class.lastReminded', { date: format.date(x.lastRemindedAt) })}` : ''}</span>
                              </li>
                            ))}
                          </ul>
                        )}
                      </Table.Cell>
                      {data.canRemind && (
                        <Table.Cell>
                          {missing.length > 0 && (
                            <Button variant="tertiary" data-size="sm" disabled={remind.isPending} onClick={() => void send([s.student.id])}>
                              {t('accommodationNeeds.class.remindOne', { name })}
                            </Button>
                          )}
                        </Table.Cell>
                      )}
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
    </div>
  );
}
