import { Heading, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../core/format';
import { AppLink } from '../../../core/ui/AppLink';
import type { AppNotification } from '../types';
import { classPlanQuery, notificationsQuery, useMarkNotificationRead } from './api';
import { usePlanDates } from './dates';
import { HrefLink } from './HrefLink';
import { weekBounds } from './util';

/** "Samtaler: 2 forfalt, 1 i uka" for one of the contact teacher's classes, linking to its plan. */
export function ClassConversationFigures({ basisGroupId }: { basisGroupId: string }) {
  const { t } = useTranslation();
  const { data, isPending, isError } = useQuery(classPlanQuery(basisGroupId));
  if (isPending) return <Paragraph data-size="sm">{t('common.loading')}</Paragraph>;
  if (isError)
    return (
      <Paragraph data-size="sm" className="muted">
        {t('conversations.plan.home.figuresError')}{' '}
        <AppLink to="/classes/$basisGroupId/conversations" params={{ basisGroupId }}>
          {t('conversations.plan.classNav.plan')}
        </AppLink>
      </Paragraph>
    );
  const week = weekBounds(todayIso());
  let overdue = 0;
  let thisWeek = 0;
  for (const row of data.students) {
    for (const c of row.cells) {
      if (c.status === 'overdue') overdue += 1;
      const day = c.date?.slice(0, 10);
      if (c.status === 'planned' && week && day && day >= week.from && day <= week.to) thisWeek += 1;
    }
  }
  return (
    <Paragraph data-size="sm" className="plan-home-figures">
      <AppLink to="/classes/$basisGroupId/conversations" params={{ basisGroupId }}>
        {t('conversations.plan.home.classFigures', { overdue, thisWeek })}
      </AppLink>
    </Paragraph>
  );
}

/** Notices such as "new important information": only a kind and a link, never a student's data. */
export function Notifications() {
  const { t } = useTranslation();
  const dates = usePlanDates();
  const { data, isPending, isError } = useQuery(notificationsQuery);
  const markRead = useMarkNotificationRead();
  const unread = data?.notifications.filter((n) => !n.readAt).length ?? 0;

  return (
    <section aria-labelledby="home-notifications" className="panel">
      <Heading level={2} data-size="sm" id="home-notifications" className="plan-home-heading">
        {t('conversations.plan.home.notifications')}
        {unread > 0 && (
          <Tag data-color="warning" data-size="sm">
            {unread}
          </Tag>
        )}
      </Heading>
      {isPending ? (
        <Paragraph data-size="sm">{t('common.loading')}</Paragraph>
      ) : isError ? (
        <Paragraph data-size="sm" className="muted">
          {t('conversations.plan.home.notificationsError')}
        </Paragraph>
      ) : data.notifications.length === 0 ? (
        <Paragraph data-size="sm">{t('conversations.plan.home.noNotifications')}</Paragraph>
      ) : (
        <List.Unordered className="link-list plan-notifications">
          {data.notifications.map((n) => (
            <List.Item key={n.id} data-unread={!n.readAt || undefined}>
              <HrefLink href={n.link} onNavigate={() => !n.readAt && markRead.mutate(n.id)}>
                {notificationText(t, n)}
              </HrefLink>
              <br />
              <span className="muted plan-notifications__meta">
                {!n.readAt && (
                  <>
                    <strong>{t('conversations.plan.home.unread')}</strong>
                    {' · '}
                  </>
                )}
                <time dateTime={n.createdAt}>{dates.date(n.createdAt)}</time>
              </span>
            </List.Item>
          ))}
        </List.Unordered>
      )}
    </section>
  );
}

/** Each notice kind's text (a feature adds a line); a kind without one reads "new notification – open". */
const NOTICE_TEXT = {
  'conversation.newImportantInformation': 'conversations.plan.home.notificationImportant',
  'accommodationNeed.toConfirm': 'accommodationNeeds.notice.toConfirm',
  'accommodationNeed.reminder': 'accommodationNeeds.notice.reminder',
  'parentMeeting.information': 'parentMeeting.notice.information',
  'screening.belowThreshold': 'screening.notice.belowThreshold',
  'classTeam.note': 'screening.notice.note',
  'schoolEnvironmentCase.reported': 'schoolEnvironment.notice.reported',
  'schoolEnvironmentCase.assigned': 'schoolEnvironment.notice.assigned',
  'childWelfareReport.recorded': 'dutyToReport.notice',
  'statusChange.decision': 'statusChange.notice',
} as const;

function notificationText(t: TFunction, n: AppNotification): string {
  return n.kind in NOTICE_TEXT ? t(NOTICE_TEXT[n.kind as keyof typeof NOTICE_TEXT]) : t('conversations.plan.home.notificationOther');
}
