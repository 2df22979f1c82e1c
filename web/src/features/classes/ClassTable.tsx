import { Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassOverviewStudent } from './classesApi';
import { useFormat } from '../../core/format';
import { AppLink } from '../../core/ui/AppLink';
import { NoValue } from '../../core/ui/Facts';
import { ShieldIcon } from '../../core/ui/icons';
import { filterStudents, sortStudents, type Sort, type SortKey } from './sortStudents';
import { AbsenceCell, type useClassAbsenceSignals } from '../absence';

interface Props {
  groupName: string;
  students: readonly ClassOverviewStudent[];
  filter: string;
  /** the class's absence per student, when the viewer may see it */
  absence?: ReturnType<typeof useClassAbsenceSignals>;
}

export function ClassTable({ groupName, students, filter, absence }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const captionId = useId();
  const [sort, setSort] = useState<Sort>({ key: 'name', dir: 'ascending' });
  const rows = useMemo(
    () => sortStudents(filterStudents(students, filter), sort, format.compare),
    [students, filter, sort, format.compare],
  );

  const toggle = (key: SortKey) =>
    setSort((s) => ({ key, dir: s.key === key && s.dir === 'ascending' ? 'descending' : 'ascending' }));
  const ariaSort = (key: SortKey) => (sort.key === key ? sort.dir : 'none');

  return (
    <>
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <Table zebra border data-color="neutral" className="class-table">
          <caption id={captionId}>{t('classes.caption', { name: groupName })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col" sort={ariaSort('name')} onClick={() => toggle('name')}>
                {t('classes.name')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('classes.age')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('classes.accommodationNeed')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('classes.minorityLanguage')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('classes.guardiansWithInsight')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('classes.consent')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" sort={ariaSort('lastContact')} onClick={() => toggle('lastContact')}>
                {t('classes.lastContact')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('classes.addressProtected')}</Table.HeaderCell>
              {absence && <Table.HeaderCell scope="col">{t('absence.column.header')}</Table.HeaderCell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((s) => (
              <StudentRow key={s.studentId} student={s} absence={absence} />
            ))}
          </Table.Body>
        </Table>
      </div>
      {rows.length === 0 && <Paragraph>{students.length ? t('classes.noMatch') : t('classes.empty')}</Paragraph>}
    </>
  );
}

function StudentRow({ student: s, absence }: { student: ClassOverviewStudent; absence?: Props['absence'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.Row>
      <Table.HeaderCell scope="row" className="class-table__name">
        {/* The neutral table colour would otherwise turn the link grey. */}
        <AppLink to="/students/$studentId" params={{ studentId: s.studentId }} data-color="accent">
          {s.familyName}, {s.givenName}
        </AppLink>
        {s.status !== 'active' && (
          <Tag data-color="neutral" data-size="sm" variant="outline">
            {s.status === 'left' ? t('classes.statusLeft') : t('classes.statusChanged')}
          </Tag>
        )}
      </Table.HeaderCell>
      <Table.Cell>
        <span className="nowrap">
          {s.age}{' '}
          {s.isAdult && (
            <Tag data-color="info" data-size="sm" title={t('common.adultLong')}>
              {t('common.adult')}
            </Tag>
          )}
        </span>
      </Table.Cell>
      <Table.Cell>{s.accommodationNeed ? <YesTag color="warning" /> : <NoValue />}</Table.Cell>
      <Table.Cell>{s.minorityLanguage ? <YesTag color="info" /> : <NoValue />}</Table.Cell>
      <Table.Cell className="numeric">{s.guardiansWithInsight}</Table.Cell>
      <Table.Cell>
        {s.consent === 'notAdult' ? (
          <NoValue label={t('common.notApplicable')} />
        ) : s.consent === 'granted' ? (
          <Tag data-color="success" data-size="sm">
            {t('classes.consentGranted')}
          </Tag>
        ) : (
          <Tag data-color="warning" data-size="sm">
            {t('classes.consentNone')}
          </Tag>
        )}
      </Table.Cell>
      <Table.Cell className="nowrap">
        {s.lastContactOn ? format.date(s.lastContactOn) : <span className="muted">{t('classes.noneYet')}</span>}
      </Table.Cell>
      <Table.Cell>
        {s.addressProtected ? (
          <span className="protected">
            <ShieldIcon />
            {t('classes.protectedShort')}
          </span>
        ) : (
          <NoValue />
        )}
      </Table.Cell>
      {absence && (
        <Table.Cell>
          <AbsenceCell row={absence.get(s.studentId)} />
        </Table.Cell>
      )}
    </Table.Row>
  );
}

function YesTag({ color }: { color: 'warning' | 'info' }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={color} data-size="sm">
      {t('common.yes')}
    </Tag>
  );
}
