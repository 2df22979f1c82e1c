import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../core/auth/session';
import { AccessReason } from '../../core/ui/AccessReason';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { Loading } from '../../core/ui/Loading';
import { PageHeading } from '../../core/ui/PageHeading';
import { classCasesQuery, schoolCasesQuery } from './api';
import { CaseTable } from './parts';

/** the cases the caller may see — the school's for leaders and the counsellor, each class's for its contact teacher. */
export function DisciplineIndexPage() {
  const { t } = useTranslation();
  const me = useMe();
  const leader = hasRole(me, 'principal', 'departmentHead', 'counsellor');
  const schoolId = useId();
  const school = useQuery({ ...schoolCasesQuery, enabled: leader });
  return (
    <div className="stack">
      <PageHeading title={t('discipline.index.title')} />
      <Paragraph>{t('discipline.index.intro')}</Paragraph>
      {leader && (
        <section aria-labelledby={schoolId} className="stack">
          <Heading level={2} data-size="sm" id={schoolId}>{t('discipline.index.school')}</Heading>
          {school.isPending ? <Loading /> : school.isError ? <ErrorAlert error={school.error} /> : (
            <>
              <AccessReason access={school.data.access} />
              <CaseTable cases={school.data.cases} />
            </>
          )}
        </section>
      )}
      {me.basisGroups.map((g) => <ClassCases key={g.id} basisGroupId={g.id} name={g.name} />)}
      {!leader && me.basisGroups.length === 0 && <Paragraph>{t('discipline.index.teacherHelp')}</Paragraph>}
    </div>
  );
}

function ClassCases({ basisGroupId, name }: { basisGroupId: string; name: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const cases = useQuery(classCasesQuery(basisGroupId));
  return (
    <section aria-labelledby={headingId} className="stack">
      <Heading level={2} data-size="sm" id={headingId}>{t('discipline.index.classTitle', { name })}</Heading>
      {cases.isPending ? <Loading /> : cases.isError ? <ErrorAlert error={cases.error} /> : <CaseTable cases={cases.data.cases} />}
    </section>
  );
}
