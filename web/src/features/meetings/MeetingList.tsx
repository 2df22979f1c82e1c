import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AppLink } from '../../core/ui/AppLink';
import type { MeetingSummary } from './api';

/** Meetings as links, with the open actions and whether the minutes were shared. */
export function MeetingList({ meetings, label, showStudents }: { meetings: MeetingSummary[]; label: string; showStudents: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ul className="plain-list stack" aria-label={label}>
      {meetings.map((m) => (
        <li key={m.id} className="button-row">
          <AppLink to="/meetings/$meetingId" params={{ meetingId: m.id }}>
            {t(`meetings.kind.${m.kind}`)} {format.dateTime(m.startsAt)}
          </AppLink>
          {showStudents && m.students.length > 0 && <span>{t('meetings.about', { names: m.students.map((s) => s.name).join(', ') })}</span>}
          {m.openActions > 0 && <Tag data-color="warning" data-size="sm">{t('meetings.openActions', { count: m.openActions })}</Tag>}
          {m.sharedWithGuardians && <Tag data-color="info" data-size="sm">{t('meetings.shared')}</Tag>}
        </li>
      ))}
    </ul>
  );
}
