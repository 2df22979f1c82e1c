import { Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { NoValue } from '../../core/ui/Facts';
import { PageHeading } from '../../core/ui/PageHeading';
import { GroupPlanLink } from '../assessmentPlan';
import { PublishSlotsLink } from '../booking';
import { teachingGroupQuery } from './classesApi';

/** A subject teacher's way to their students; accommodation needs are flagged because every subject teacher must know them. */
export function TeachingGroupPage({ teachingGroupId }: { teachingGroupId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(teachingGroupQuery(teachingGroupId));
  const captionId = useId();
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('teachingGroups.title', { name: data.group.name })} />
        <Paragraph className="muted">
          {t('teachingGroups.subtitle', { subject: data.group.subjectName, code: data.group.subjectCode, school: data.group.schoolName })}
        </Paragraph>
        <AccessReason access={data.access} />
      </div>
      <GroupPlanLink teachingGroupId={teachingGroupId} name={data.group.name} />
      <PublishSlotsLink group={{ type: 'teachingGroup', id: teachingGroupId }} />
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <Table zebra border data-color="neutral">
          <caption id={captionId}>{t('teachingGroups.caption', { name: data.group.name })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('classes.name')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('teachingGroups.basisGroup')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('classes.accommodationNeed')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.students.map((s) => (
              <Table.Row key={s.studentId}>
                <Table.HeaderCell scope="row">
                  <AppLink to="/students/$studentId" params={{ studentId: s.studentId }} data-color="accent">
                    {s.familyName}, {s.givenName}
                  </AppLink>
                  {s.adaptedArrangement && (
                    <>
                      {' '}
                      <Tag data-color="info" data-size="sm">{t('individualPlan.arrangements.badge')}</Tag>
                    </>
                  )}
                </Table.HeaderCell>
                <Table.Cell>{s.basisGroupName ?? <NoValue />}</Table.Cell>
                <Table.Cell>
                  {s.accommodationNeed ? (
                    <Tag data-color="warning" data-size="sm">
                      {t('common.yes')}
                    </Tag>
                  ) : (
                    <NoValue />
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {data.students.length === 0 && <Paragraph>{t('classes.empty')}</Paragraph>}
    </div>
  );
}
