import { Heading, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { Loading } from '../../core/ui/Loading';
import { consentsQuery } from './consentApi';
import { ConsentStatus } from './ConsentStatus';

/** R-16 as staff see it: which guardians an adult student has let in. */
export function ConsentSummary({ studentId, isAdult, action }: { studentId: string; isAdult: boolean; action?: ReactNode }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="panel stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('students.consent')}
      </Heading>
      {isAdult ? <AdultConsents studentId={studentId} /> : <Paragraph>{t('students.consentUnder18')}</Paragraph>}
      {action}
    </section>
  );
}

function AdultConsents({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const consents = useQuery(consentsQuery(studentId));
  if (consents.isPending) return <Loading />;
  if (consents.isError) return <ErrorAlert error={consents.error} />;
  return (
    <>
      <Paragraph>{t('students.consentAdult')}</Paragraph>
      {consents.data.guardians.length > 0 && (
        <List.Unordered className="plain-list">
          {consents.data.guardians.map((g) => (
            <List.Item key={g.guardianPersonId} className="consent-row">
              <span className="consent-row__name">{g.name}</span>
              <Tag data-size="sm" data-color={g.active ? 'success' : 'neutral'}>
                {g.active ? t('students.hasInsight') : t('students.noInsight')}
              </Tag>
              <span className="muted">
                <ConsentStatus consent={g.consent} active={g.active} neverText={t('students.consentNever')} />
              </span>
            </List.Item>
          ))}
        </List.Unordered>
      )}
    </>
  );
}
