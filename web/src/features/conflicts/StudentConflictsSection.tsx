import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, leaderRoles, useMe } from '../../core/auth/session';
import { studentConflictsQuery } from './api';
import { ConflictList } from './ConflictList';

/** On the student page, for the contact teacher and the leaders only (R-24: internal, not for the family). */
export function StudentConflictsSection({ studentId }: { studentId: string }) {
  const me = useMe();
  const mayRead = hasRole(me, 'contactTeacher', ...leaderRoles);
  return mayRead ? <Section studentId={studentId} /> : null;
}

function Section({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const uid = useId();
  const { data } = useQuery(studentConflictsQuery(studentId));
  if (!data) return null;
  return (
    <section aria-labelledby={uid} className="stack">
      <Heading level={2} data-size="sm" id={uid}>{t('conflicts.section.heading')}</Heading>
      {data.conflicts.length === 0 ? <Paragraph data-size="sm">{t('conflicts.section.none')}</Paragraph> : <ConflictList conflicts={data.conflicts} />}
    </section>
  );
}
