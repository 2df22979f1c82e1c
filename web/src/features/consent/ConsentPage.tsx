import { Alert, Card, Heading, Paragraph, Switch } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { PageHeading } from '../../core/ui/PageHeading';
import { consentsQuery, useSetConsent, type Consents } from './consentApi';
import { ConsentStatus } from './ConsentStatus';

/** the adult student grants and withdraws each guardian's insight themself. */
export function ConsentPage({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(consentsQuery(studentId));

  return (
    <div className="stack narrow">
      <PageHeading title={t('consent.title')} />
      {data.isAdult ? (
        <>
          <Paragraph>{t('consent.adultIntro')}</Paragraph>
          <GuardianSwitches studentId={studentId} guardians={data.guardians} />
        </>
      ) : (
        <Alert data-color="info">
          <Paragraph>{t('consent.under18')}</Paragraph>
        </Alert>
      )}
    </div>
  );
}

// unsaved-guard: each switch is saved the moment it is turned; nothing waits to be saved
function GuardianSwitches({ studentId, guardians }: { studentId: string; guardians: Consents['guardians'] }) {
  const { t } = useTranslation();
  const setConsent = useSetConsent(studentId);
  const [status, setStatus] = useState('');

  if (guardians.length === 0) return <Paragraph>{t('consent.noGuardians')}</Paragraph>;

  async function toggle(guardianPersonId: string, name: string, granted: boolean) {
    setStatus('');
    await setConsent.mutateAsync({ guardianPersonId, granted });
    setStatus(granted ? t('consent.granted', { name }) : t('consent.withdrawn', { name }));
  }

  const busyFor = setConsent.isPending ? setConsent.variables?.guardianPersonId : null;

  return (
    <section aria-labelledby="consent-guardians" className="stack">
      <Heading level={2} data-size="sm" id="consent-guardians">
        {t('consent.guardians')}
      </Heading>
      <div role="status" className="status-message">
        {status}
      </div>
      {setConsent.isError && <ErrorAlert error={setConsent.error} />}
      {guardians.map((g) => (
        <Card key={g.guardianPersonId} className="consent-card">
          <Switch
            label={t('consent.grantLabel', { name: g.name })}
            description={<ConsentStatus consent={g.consent} active={g.active} neverText={t('consent.never')} />}
            // Shows the requested state while the server confirms it; not disabled, so focus stays put.
            checked={busyFor === g.guardianPersonId ? setConsent.variables?.granted : g.active}
            onChange={(e) => {
              if (setConsent.isPending) return;
              void toggle(g.guardianPersonId, g.name, e.target.checked).catch(() => undefined);
            }}
          />
        </Card>
      ))}
    </section>
  );
}
