// The school admin's import pages: upload and history, one import, the FINT connection.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ImportDetailPage } from './ImportDetailPage';
import { ImportPage } from './ImportPage';
import { SchedulePage } from './SchedulePage';

export const importRoute = createLazyRoute('/authed/admin/import')({ component: ImportPage });

export const detailRoute = createLazyRoute('/authed/admin/import/$importId')({
  component: function DetailRoute(): ReactNode {
    const { importId } = detailRoute.useParams();
    // a new import is a new page: nothing of the last one's confirm steps carries over
    return <ImportDetailPage key={importId} importId={importId} />;
  },
});

export const scheduleRoute = createLazyRoute('/authed/admin/import/fint')({ component: SchedulePage });
