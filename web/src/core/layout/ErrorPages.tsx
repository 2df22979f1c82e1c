import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { AppLink } from '../ui/AppLink';
import { problemText } from '../ui/ErrorAlert';
import { PageHeading } from '../ui/PageHeading';

export function NotFoundPage() {
  const { t } = useTranslation();
  return <Message title={t('errors.notFoundTitle')} text={t('errors.notFoundText')} />;
}

/** A page the person's role has no use for (a teacher opening /me/consent): say so instead of failing. */
export function NotForYouPage({ text }: { text: string }) {
  const { t } = useTranslation();
  return <Message title={t('errors.forbiddenTitle')} text={text} />;
}

/**
 * Route error boundary. 404 and 403 from the API are ordinary answers (the server says 404 when the
 * user has no relation to the student at all), so they get a calm page, not an error.
 */
export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  const queryReset = useQueryErrorResetBoundary();

  useEffect(() => {
    queryReset.reset();
  }, [queryReset]);

  if (isApiError(error) && error.status === 404) return <NotFoundPage />;
  if (isApiError(error) && error.status === 403) {
    return <Message title={t('errors.forbiddenTitle')} text={error.problem?.detail ?? t('errors.forbiddenText')} />;
  }
  // 401 is already on its way to /login (see main.tsx); no need to flash an error first.
  if (isApiError(error) && error.status === 401) return null;

  return (
    <Message title={t('errors.errorTitle')} text={isApiError(error) ? problemText(t, error) : t('errors.errorText')}>
      <Button
        variant="secondary"
        onClick={() => {
          reset();
          void router.invalidate();
        }}
      >
        {t('common.retry')}
      </Button>
    </Message>
  );
}

function Message({ title, text, children }: { title: string; text: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="stack narrow message-page">
      <PageHeading title={title} />
      <Paragraph>{text}</Paragraph>
      <div className="button-row">
        {children}
        <AppLink to="/">{t('common.toHome')}</AppLink>
      </div>
    </div>
  );
}
