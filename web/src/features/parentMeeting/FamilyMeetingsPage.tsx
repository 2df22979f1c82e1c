import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { PageHeading } from '../../core/ui/PageHeading';
import { studentMeetingsQuery } from './api';

/** What the absent guardians are linked to: the information from the class's parent meetings. Phone-friendly. */
export function FamilyMeetingsPage({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(studentMeetingsQuery(studentId));
  return (
    <div className="stack">
      <PageHeading title={t('parentMeeting.family.title', { name: `${data.student.givenName} ${data.student.familyName}` })} />
      <Paragraph>{t('parentMeeting.family.intro')}</Paragraph>
      {data.meetings.length === 0 ? <Paragraph>{t('parentMeeting.family.none')}</Paragraph> : data.meetings.map((m) => (
        <section key={m.id} aria-labelledby={`fm-${m.id}`} className="panel stack">
          <Heading level={2} data-size="sm" id={`fm-${m.id}`}>{m.topic}</Heading>
          <Paragraph data-size="sm" className="muted">{t('parentMeeting.family.held', { group: m.className, date: format.date(m.heldOn) })}</Paragraph>
          <Paragraph className="pre-wrap">{m.information}</Paragraph>
        </section>
      ))}
    </div>
  );
}
