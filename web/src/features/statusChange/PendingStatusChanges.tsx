import { Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AppLink } from '../../core/ui/AppLink';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { Loading } from '../../core/ui/Loading';
import { pendingStatusChangesQuery } from './api';

/** the principal's home page lists the status changes awaiting their decision. */
export function PendingStatusChanges() {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const q = useQuery(pendingStatusChangesQuery());
  return (
    <section aria-labelledby={id} className="panel">
      <Heading level={2} data-size="sm" id={id}>{t('statusChange.homeTitle')}</Heading>
      {q.isPending ? <Loading /> : q.isError ? <ErrorAlert error={q.error} /> : q.data.statusChanges.length === 0 ? (
        <Paragraph>{t('statusChange.homeEmpty')}</Paragraph>
      ) : (
        <List.Unordered className="link-list">
          {q.data.statusChanges.map((c) => (
            <List.Item key={c.id}>
              <AppLink to="/students/$studentId" params={{ studentId: c.studentId }}>
                {t('statusChange.homeItem', { student: c.studentName, kind: t(`statusChange.kind.${c.kind}`), date: format.date(c.proposedOn) })}
              </AppLink>
            </List.Item>
          ))}
        </List.Unordered>
      )}
    </section>
  );
}
