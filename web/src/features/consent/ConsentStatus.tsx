import { useTranslation } from 'react-i18next';
import type { Consents } from './consentApi';
import { useFormat } from '../../core/format';

type Consent = Consents['guardians'][number]['consent'];

/** When consent was given or withdrawn: both dates matter to the student and to the school. */
export function ConsentStatus({ consent, active, neverText }: { consent: Consent; active: boolean; neverText: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!consent || (!consent.grantedAt && !consent.withdrawnAt)) return <>{neverText}</>;
  if (active || !consent.withdrawnAt) return <>{t('consent.grantedAt', { date: format.dateTime(consent.grantedAt) })}</>;
  return (
    <>
      {consent.grantedAt && <>{t('consent.grantedAt', { date: format.dateTime(consent.grantedAt) })}. </>}
      {t('consent.withdrawnAt', { date: format.dateTime(consent.withdrawnAt) })}
    </>
  );
}
