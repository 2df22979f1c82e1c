// The leaders' pages: whether the conversations were held, and the school's plan.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { CompliancePage } from './CompliancePage';
import { PlanSettingsPage } from './PlanSettingsPage';

export const complianceRoute = createLazyRoute('/authed/conversation-compliance')({
  component: function ComplianceRoute(): ReactNode {
    const { departmentId } = complianceRoute.useSearch();
    return <CompliancePage departmentId={departmentId} />;
  },
});

export const planSettingsRoute = createLazyRoute('/authed/settings/conversation-plan')({ component: PlanSettingsPage });
