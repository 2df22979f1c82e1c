import { Alert, Paragraph } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';

/** The sentence to show for a failure: the server's own (localised) detail when it gave one. */
export function problemText(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    if (error.status === 0) return t('errors.network');
    if (error.status === 403 && !error.problem?.detail) return t('errors.forbiddenText');
    return error.problem?.detail ?? error.problem?.title ?? t('errors.generic');
  }
  return t('errors.generic');
}

export function ErrorAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{problemText(t, error)}</Paragraph>
      {children}
    </Alert>
  );
}
