import { Heading, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../core/api/client';
import { useFormat } from '../../core/format';
import { AppLink } from '../../core/ui/AppLink';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { Loading } from '../../core/ui/Loading';
import { studentCasesQuery } from './api';

/**
 * R-70: the student's school-environment cases the reader may open — the staff handling them, the reporter's
 * receipt, the student's and guardians' activity plans. Nothing at all when the reader has none.
 */
export function SchoolEnvironmentSection({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const q = useQuery(studentCasesQuery(studentId));
  if (q.isError && isApiError(q.error) && (q.error.status === 403 || q.error.status === 404)) return null;
  if (q.isSuccess && q.data.cases.length === 0) return null;
  return (
    <section aria-labelledby={id} className="panel stack">
      <Heading level={2} data-size="sm" id={id}>{t('schoolEnvironment.section')}</Heading>
      {q.isPending ? <Loading /> : q.isError ? <ErrorAlert error={q.error} /> : (
        <List.Unordered className="link-list">
          {q.data.cases.map((c) => (
            <List.Item key={c.id}>
              <AppLink to="/school-environment/$caseId" params={{ caseId: c.id }}>
                {t(`schoolEnvironment.view.${c.view}`)} – {t('schoolEnvironment.reportedOn', { date: format.date(c.reportedOn) })}
              </AppLink>{' '}
              <Tag data-size="sm" data-color={c.status === 'open' ? 'warning' : 'neutral'}>{t(`schoolEnvironment.status.${c.status}`)}</Tag>
              {c.view === 'family' && <Paragraph data-size="sm">{t('schoolEnvironment.countyGovernor', { date: format.date(c.countyGovernorFrom) })}</Paragraph>}
            </List.Item>
          ))}
        </List.Unordered>
      )}
    </section>
  );
}
