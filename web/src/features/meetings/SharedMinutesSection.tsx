import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../core/api/client';
import { useFormat } from '../../core/format';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { Loading } from '../../core/ui/Loading';
import { sharedMinutesQuery } from './api';

/** the minutes the school shared with the family on purpose, on the guardian's (and the student's) page. */
export function SharedMinutesSection({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const q = useQuery(sharedMinutesQuery(studentId));
  if (q.isError && isApiError(q.error) && [403, 404].includes(q.error.status)) return null;
  return (
    <section aria-labelledby={headingId} className="panel stack">
      <Heading level={2} data-size="sm" id={headingId}>{t('meetings.familyTitle')}</Heading>
      {q.isPending ? <Loading /> : q.isError ? <ErrorAlert error={q.error} /> : q.data.minutes.length === 0 ? <Paragraph>{t('meetings.familyNone')}</Paragraph> : (
        <ul className="plain-list stack">
          {q.data.minutes.map((m) => (
            <li key={m.id} className="stack">
              <Heading level={3} data-size="2xs">{t('meetings.familyFrom', { kind: t(`meetings.kind.${m.kind}`), date: format.date(m.startsAt) })}</Heading>
              <Paragraph className="meeting-text">{m.text}</Paragraph>
              <Paragraph data-size="sm" className="muted">{t('meetings.familyShared', { name: m.sharedBy, date: format.date(m.sharedAt) })}</Paragraph>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
