// Duty-to-report pages: the procedure with the reports, and the school's settings.
import { createLazyRoute } from '@tanstack/react-router';
import { DutyToReportPage } from './DutyToReportPage';
import { SettingsPage } from './SettingsPage';

export const pageRoute = createLazyRoute('/authed/duty-to-report')({ component: DutyToReportPage });
export const settingsRoute = createLazyRoute('/authed/duty-to-report/settings')({ component: SettingsPage });
