// The staff's pages: a class's screening list, its class-team meeting, and the school's settings.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { MeetingPage } from './MeetingPage';
import { ScreeningPage } from './ScreeningPage';
import { SettingsPage } from './SettingsPage';

export const screeningRoute = createLazyRoute('/authed/classes/$basisGroupId/screening')({
  component: function ScreeningRoute(): ReactNode {
    const { basisGroupId } = screeningRoute.useParams();
    return <ScreeningPage basisGroupId={basisGroupId} />;
  },
});

export const meetingRoute = createLazyRoute('/authed/classes/$basisGroupId/class-team-meeting')({
  component: function MeetingRoute(): ReactNode {
    const { basisGroupId } = meetingRoute.useParams();
    return <MeetingPage basisGroupId={basisGroupId} />;
  },
});

export const settingsRoute = createLazyRoute('/authed/screening/settings')({ component: SettingsPage });
