import { Heading, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../core/api/client';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { Loading } from '../../core/ui/Loading';
import { consentsQuery } from './consentApi';
import { ConsentStatus } from './ConsentStatus';

/** R-16 as staff see it: which guardians an adult student has let in. */
interface Props {
  studentId: string;
  isAdult: boolean;
  /** The student reading about themself is addressed as "you", staff read about "the student". */
  perspective: 'staff' | 'self';
  action?: ReactNode;
}

export function ConsentSummary({ studentId, isAdult, perspective, action }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="panel stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('students.consent')}
      </Heading>
      {isAdult ? (
        <AdultConsents studentId={studentId} perspective={perspective} />
      ) : (
        <Paragraph>{perspective === 'self' ? t('consent.under18') : t('students.consentUnder18')}</Paragraph>
      )}
      {action}
    </section>
  );
}

function AdultConsents({ studentId, perspective }: Pick<Props, 'studentId' | 'perspective'>) {
  const { t } = useTranslation();
  const consents = useQuery(consentsQuery(studentId));
  if (consents.isPending) return <Loading />;
  if (consents.isError) {
    // Not every staff role may see who consented; then the general rule is all there is to say.
    if (isApiError(consents.error) && [403, 404].includes(consents.error.status)) {
      return <Paragraph>{t('students.consentAdult')}</Paragraph>;
    }
    return <ErrorAlert error={consents.error} />;
  }
  return (
    <>
      <Paragraph>{perspective === 'self' ? t('consent.adultIntro') : t('students.consentAdult')}</Paragraph>
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
