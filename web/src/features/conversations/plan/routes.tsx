// The conversation plan pages, under the logged-in parent route. Only what the router needs before it
// shows a page stays here (path, search, the data to load); the pages come in lazily (*.lazy.tsx).
import { createRoute } from '@tanstack/react-router';
import { authedRoute } from '../../../core/router/base';
import { complianceQuery, conferencesQuery, classPlanQuery, planQuery, templateQuery, templatesQuery, templateVersionQuery } from './api';

const classPlanRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/conversations',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(classPlanQuery(params.basisGroupId)),
}).lazy(() => import('./classPages.lazy').then((d) => d.classPlanRoute));

const conferencesRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/guardian-conferences',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(conferencesQuery(params.basisGroupId)),
}).lazy(() => import('./classPages.lazy').then((d) => d.conferencesRoute));

const complianceRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'conversation-compliance',
  validateSearch: (raw: Record<string, unknown>): { departmentId?: string } =>
    typeof raw.departmentId === 'string' && raw.departmentId ? { departmentId: raw.departmentId } : {},
  loaderDeps: ({ search }) => ({ departmentId: search.departmentId }),
  loader: ({ context, deps }) => context.queryClient.ensureQueryData(complianceQuery(deps.departmentId)),
}).lazy(() => import('./leaders.lazy').then((d) => d.complianceRoute));

const planSettingsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'settings/conversation-plan',
  loader: ({ context }) => context.queryClient.ensureQueryData(planQuery),
}).lazy(() => import('./leaders.lazy').then((d) => d.planSettingsRoute));

const templatesRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'conversation-templates',
  loader: ({ context }) => context.queryClient.ensureQueryData(templatesQuery),
}).lazy(() => import('./templates.lazy').then((d) => d.templatesRoute));

const newTemplateRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'conversation-templates/new',
}).lazy(() => import('./templates.lazy').then((d) => d.newTemplateRoute));

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
}).lazy(() => import('./templates.lazy').then((d) => d.templateRoute));

export const planRoutes = [
  classPlanRoute,
  conferencesRoute,
  complianceRoute,
  planSettingsRoute,
  templatesRoute,
  newTemplateRoute,
  templateRoute,
] as const;
