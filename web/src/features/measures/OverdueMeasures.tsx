import { Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AppLink } from '../../core/ui/AppLink';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { Loading } from '../../core/ui/Loading';
import { overdueMeasuresQuery } from './api';

/** the home page's list of the person's own measures whose evaluation date has passed. */
export function OverdueMeasures() {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const q = useQuery(overdueMeasuresQuery());
  return (
    <section aria-labelledby={id} className="panel">
      <Heading level={2} data-size="sm" id={id}>{t('measures.homeTitle')}</Heading>
      {q.isPending ? <Loading /> : q.isError ? <ErrorAlert error={q.error} /> : q.data.measures.length === 0 ? (
        <Paragraph>{t('measures.homeEmpty')}</Paragraph>
      ) : (
        <List.Unordered className="link-list">
          {q.data.measures.map((m) => (
            <List.Item key={m.id}>
              <AppLink to="/students/$studentId" params={{ studentId: m.studentId }}>
                {t('measures.homeItem', { student: m.studentName, goal: m.goal, date: format.date(m.evaluateOn) })}
              </AppLink>
            </List.Item>
          ))}
        </List.Unordered>
      )}
    </section>
  );
}
