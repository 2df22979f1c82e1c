import { Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="loading">
      <Spinner aria-hidden data-size="md" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}
