import { Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../core/ui/AppLink';
import { groupsQuery, type Group } from './api';
import { AdminPageTop } from './parts';

// unsaved-guard: its one field filters the list; nothing typed there is kept
/** The year's basis and teaching groups; each opens its members. */
export function GroupsPage({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(groupsQuery(schoolId));
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLocaleLowerCase();
  const shown = needle ? data.groups.filter((g) => `${g.name} ${g.subjectName ?? ''}`.toLocaleLowerCase().includes(needle)) : data.groups;
  return (
    <div className="stack">
      <AdminPageTop schoolId={schoolId} title={`${t('administration.groups.title')} – ${data.school.name}`} access={data.access}
        intro={data.schoolYear ? t('administration.groups.intro', { year: data.schoolYear.name }) : t('administration.groups.noYear')} />
      <Textfield label={t('administration.groups.filter')} type="search" value={filter} maxLength={100} onChange={(e) => setFilter(e.target.value)} />
      <GroupTable schoolId={schoolId} kind="basis" groups={shown.filter((g) => g.kind === 'basis')} />
      <GroupTable schoolId={schoolId} kind="teaching" groups={shown.filter((g) => g.kind === 'teaching')} />
    </div>
  );
}

function GroupTable({ schoolId, kind, groups }: { schoolId: string; kind: Group['kind']; groups: Group[] }) {
  const { t } = useTranslation();
  const uid = useId();
  const basis = kind === 'basis';
  return (
    <section aria-labelledby={`${uid}-h`} className="stack">
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{basis ? t('administration.groups.basis') : t('administration.groups.teaching')}</Heading>
      {groups.length === 0 ? <Paragraph>{t('administration.groups.none')}</Paragraph> : (
        <div className="table-scroll" role="region" aria-labelledby={`${uid}-h`} tabIndex={0}>
          <Table className="stack-on-phone admin-table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('administration.groups.name')}</Table.HeaderCell>
                <Table.HeaderCell>{basis ? t('administration.groups.contactTeachers') : t('administration.groups.subject')}</Table.HeaderCell>
                <Table.HeaderCell className="numeric">{t('administration.groups.members')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {groups.map((g) => (
                <Table.Row key={g.id}>
                  <Table.Cell data-label={t('administration.groups.name')}>
                    <AppLink to="/admin/schools/$schoolId/groups/$groupId" params={{ schoolId, groupId: g.id }}>{g.name}</AppLink>
                  </Table.Cell>
                  <Table.Cell data-label={basis ? t('administration.groups.contactTeachers') : t('administration.groups.subject')}>
                    {basis ? (g.contactTeachers.map((c) => c.name).join(', ') || t('administration.groups.none')) : g.subjectName}
                  </Table.Cell>
                  <Table.Cell data-label={t('administration.groups.members')} className="numeric">{g.members}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
