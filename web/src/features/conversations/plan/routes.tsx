// The conversation plan pages, under the logged-in parent route (web/src/core/router/base.tsx).
import { createRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { authedRoute } from '../../../core/router/base';
import { complianceQuery, conferencesQuery, classPlanQuery, planQuery, templateQuery, templatesQuery, templateVersionQuery } from './api';
import { ClassPlanPage } from './ClassPlanPage';
import { CompliancePage } from './CompliancePage';
import { GuardianConferencesPage } from './GuardianConferencesPage';
import { PlanSettingsPage } from './PlanSettingsPage';
import { NewTemplatePage, TemplatePage } from './TemplatePage';
import { TemplatesPage } from './TemplatesPage';

const classPlanRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/conversations',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(classPlanQuery(params.basisGroupId)),
  component: function ClassPlanRoute(): ReactNode {
    const { basisGroupId } = classPlanRoute.useParams();
    return <ClassPlanPage basisGroupId={basisGroupId} />;
  },
});

const conferencesRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/guardian-conferences',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(conferencesQuery(params.basisGroupId)),
  component: function ConferencesRoute(): ReactNode {
    const { basisGroupId } = conferencesRoute.useParams();
    return <GuardianConferencesPage basisGroupId={basisGroupId} />;
  },
});

const complianceRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'conversation-compliance',
  validateSearch: (raw: Record<string, unknown>): { departmentId?: string } =>
    typeof raw.departmentId === 'string' && raw.departmentId ? { departmentId: raw.departmentId } : {},
  loaderDeps: ({ search }) => ({ departmentId: search.departmentId }),
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(complianceQuery(deps.departmentId)),
  component: function ComplianceRoute(): ReactNode {
    const { departmentId } = complianceRoute.useSearch();
    return <CompliancePage departmentId={departmentId} />;
  },
});

const planSettingsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'settings/conversation-plan',
  loader: ({ context }) => context.queryClient.ensureQueryData(planQuery),
  component: PlanSettingsPage,
});

const templatesRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'conversation-templates',
  loader: ({ context }) => context.queryClient.ensureQueryData(templatesQuery),
  component: TemplatesPage,
});

const newTemplateRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'conversation-templates/new',
  component: NewTemplatePage,
});

interface TemplateSearch {
  version?: string;
  edit?: boolean;
}

const templateRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'conversation-templates/$templateId',
  validateSearch: (raw: Record<string, unknown>): TemplateSearch => {
    const out: TemplateSearch = {};
    if (typeof raw.version === 'string' && raw.version) out.version = raw.version;
    if (raw.edit === true || raw.edit === 'true') out.edit = true;
    return out;
  },
  loaderDeps: ({ search }) => ({ version: search.version }),
  loader: async ({ context, params, deps }) => {
    const detail = await context.queryClient.ensureQueryData(templateQuery(params.templateId));
    if (deps.version && deps.version !== detail.currentVersionId) {
      await context.queryClient.ensureQueryData(templateVersionQuery(deps.version));
    }
    return null;
  },
  component: function TemplateRoute(): ReactNode {
    const { templateId } = templateRoute.useParams();
    const { version, edit } = templateRoute.useSearch();
    return <TemplatePage templateId={templateId} versionId={version} edit={edit ?? false} />;
  },
});

export const planRoutes = [
  classPlanRoute,
  conferencesRoute,
  complianceRoute,
  planSettingsRoute,
  templatesRoute,
  newTemplateRoute,
  templateRoute,
] as const;
