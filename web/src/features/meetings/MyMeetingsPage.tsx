import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../core/ui/PageHeading';
import { myMeetingsQuery } from './api';
import { MeetingList } from './MeetingList';

/** "Mine møter": the meetings the staff member takes part in, upcoming first. */
export function MyMeetingsPage() {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(myMeetingsQuery);
  const up = useId();
  const past = useId();
  return (
    <div className="stack">
      <PageHeading title={t('meetings.myTitle')} />
      <section aria-labelledby={up} className="panel stack">
        <Heading level={2} data-size="sm" id={up}>{t('meetings.upcoming')}</Heading>
        {data.upcoming.length ? <MeetingList meetings={data.upcoming} label={t('meetings.upcoming')} showStudents /> : <Paragraph>{t('meetings.noneUpcoming')}</Paragraph>}
      </section>
      <section aria-labelledby={past} className="panel stack">
        <Heading level={2} data-size="sm" id={past}>{t('meetings.past')}</Heading>
        {data.past.length ? <MeetingList meetings={data.past} label={t('meetings.past')} showStudents /> : <Paragraph>{t('meetings.nonePast')}</Paragraph>}
      </section>
    </div>
  );
}
