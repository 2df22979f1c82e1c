import { Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../core/api/client';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { Loading } from '../../core/ui/Loading';
import { PageHeading } from '../../core/ui/PageHeading';
import { auditQuery, type AuditSearch } from './auditApi';
import { AuditForm } from './AuditForm';
import { AuditTable } from './AuditTable';

export function AuditPage({ search }: { search: AuditSearch }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const result = useQuery(auditQuery(search));
  const serverErrors = isApiError(result.error) ? result.error.fieldErrors() : {};
  const onlyFieldErrors = Object.keys(serverErrors).length > 0;

  return (
    <div className="stack">
      <PageHeading title={t('audit.title')} />
      <Paragraph>{t('audit.intro')}</Paragraph>
      <AuditForm
        initial={search}
        serverErrors={serverErrors}
        pending={result.isFetching}
        onSearch={(next) => void navigate({ to: '/audit', search: next })}
      />
      {/* A short spoken status instead of a live table: reading out every row would drown the user. */}
      <Paragraph role="status" data-size="sm" className="muted">
        {result.isFetching && !result.isPending ? t('common.loading') : result.isSuccess ? t('audit.results', { count: result.data.entries.length }) : ''}
      </Paragraph>
      {result.isPending ? (
        <Loading />
      ) : result.isError ? (
        onlyFieldErrors ? null : <ErrorAlert error={result.error} />
      ) : result.data.entries.length === 0 ? (
        <Paragraph>{t('audit.empty')}</Paragraph>
      ) : (
        <AuditTable entries={result.data.entries} />
      )}
    </div>
  );
}
