import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { oidcProvidersQuery, type OidcProvider, type OidcSignin } from './oidcApi';

const startHref = (p: OidcProvider, redirect?: string) =>
  redirect ? `${p.startUrl}?redirect=${encodeURIComponent(redirect)}` : p.startUrl;

/**
 * One button per configured external login — Feide for staff and students, ID-porten for guardians —
 * each saying who it is for when both are offered. A full-page link: the login leaves the app and comes back.
 */
export function OidcButtons({ redirect }: { redirect?: string }) {
  const { t } = useTranslation();
  const providers = useQuery(oidcProvidersQuery).data?.providers ?? [];
  if (providers.length === 0) return null;
  const both = providers.length > 1;
  return (
    <>
      <Paragraph data-size="sm" className="login__or">
        {t('auth.or')}
      </Paragraph>
      {providers.map((p) => (
        <div key={p.id} className="stack">
          <Button asChild variant="secondary" className="login__submit">
            <a href={startHref(p, redirect)} aria-describedby={both ? `login-for-${p.id}` : undefined}>
              {t('auth.loginWith', { provider: p.label })}
            </a>
          </Button>
          {both && (
            <Paragraph data-size="sm" id={`login-for-${p.id}`}>
              {p.id === 'guardian' ? t('oidc.forGuardian') : t('oidc.forSchool')}
            </Paragraph>
          )}
        </div>
      ))}
    </>
  );
}

/** Why the last external login did not let the person in, in their own language. */
export function OidcSigninAlert({ signin }: { signin?: OidcSignin }) {
  const { t } = useTranslation();
  const providers = useQuery(oidcProvidersQuery).data?.providers ?? [];
  if (!signin) return null;
  const provider = providers.find((p) => p.id === signin.via)?.label ?? (signin.via === 'guardian' ? 'ID-porten' : 'Feide');
  const text = signin.reason === 'failed'
    ? t('oidc.signinFailed', { provider })
    : signin.via === 'guardian' ? t('oidc.signinUnknown.guardian') : t('oidc.signinUnknown.school', { provider });
  return (
    <Alert data-color={signin.reason === 'failed' ? 'warning' : 'danger'} role="alert">
      {text}
    </Alert>
  );
}
