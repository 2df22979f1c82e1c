import { Paragraph } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../core/ui/PageHeading';
import { accessLogQuery } from './accessLogApi';
import { AccessLogTable } from './AccessLogTable';

/** "Who has seen my information": the student's own view of the audit trail (or a guardian's, with insight). */
export function AccessLogPage({ studentId, title }: { studentId: string; title: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(accessLogQuery(studentId));
  return (
    <div className="stack">
      <PageHeading title={title} />
      <Paragraph>{t('accessLog.intro')}</Paragraph>
      <AccessLogTable entries={data.entries} />
    </div>
  );
}
