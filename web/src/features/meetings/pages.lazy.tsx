// One meeting, the person's own meetings, and the resource team.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../core/auth/session';
import { NotForYouPage } from '../../core/layout/ErrorPages';
import { MeetingPage } from './MeetingPage';
import { MyMeetingsPage } from './MyMeetingsPage';
import { isStaff } from './NavItems';
import { ResourceTeamPage } from './ResourceTeamPage';

export const meetingRoute = createLazyRoute('/authed/meetings/$meetingId')({
  component: function MeetingRoute(): ReactNode {
    const { meetingId } = meetingRoute.useParams();
    return <MeetingPage meetingId={meetingId} />;
  },
});

function StaffOnly({ children }: { children: ReactNode }): ReactNode {
  const { t } = useTranslation();
  return isStaff(useMe()) ? children : <NotForYouPage text={t('meetings.notForGuardians')} />;
}

export const myMeetingsRoute = createLazyRoute('/authed/me/meetings')({
  component: () => <StaffOnly><MyMeetingsPage /></StaffOnly>,
});

export const resourceTeamRoute = createLazyRoute('/authed/resource-team')({
  component: () => <StaffOnly><ResourceTeamPage /></StaffOnly>,
});
