import { Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { PageHeading } from '../../core/ui/PageHeading';
import { classOverviewQuery } from './classesApi';
import { ClassTable } from './ClassTable';
import { filterStudents } from './sortStudents';
import { useClassAbsenceSignals } from '../absence';

// unsaved-guard: its one field filters the class list; nothing typed there is kept
export function ClassOverviewPage({ basisGroupId }: { basisGroupId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(classOverviewQuery(basisGroupId));
  const format = useFormat();
  const [filter, setFilter] = useState('');
  const absence = useClassAbsenceSignals(basisGroupId);
  const shown = useMemo(() => filterStudents(data.students, filter).length, [data.students, filter]);

  return (
    <div className="stack">
      <div>
        <PageHeading title={t('classes.title', { name: data.group.name })} />
        <Paragraph className="muted">{t('classes.subtitle', { level: format.level(data.group.level), school: data.group.schoolName })}</Paragraph>
        <AccessReason access={data.access} />
      </div>
      <div className="toolbar">
        <Textfield
          label={t('classes.filterLabel')}
          type="search"
          autoComplete="off"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          className="toolbar__filter"
        />
        <Paragraph role="status" data-size="sm" className="toolbar__count">
          {t('classes.showing', { shown, count: data.students.length })}
        </Paragraph>
      </div>
      <ClassTable groupName={data.group.name} students={data.students} filter={filter} absence={absence} />
    </div>
  );
}
