// The conversation templates, which every staff member may read and some may write.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { NewTemplatePage, TemplatePage } from './TemplatePage';
import { TemplatesPage } from './TemplatesPage';

export const templatesRoute = createLazyRoute('/authed/conversation-templates')({ component: TemplatesPage });

export const newTemplateRoute = createLazyRoute('/authed/conversation-templates/new')({ component: NewTemplatePage });

export const templateRoute = createLazyRoute('/authed/conversation-templates/$templateId')({
  component: function TemplateRoute(): ReactNode {
    const { templateId } = templateRoute.useParams();
    const { version, edit } = templateRoute.useSearch();
    return <TemplatePage templateId={templateId} versionId={version} edit={edit ?? false} />;
  },
});
