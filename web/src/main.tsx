import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-ext-400.css';
import '@fontsource/inter/latin-500.css';
import '@fontsource/inter/latin-ext-500.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-ext-600.css';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './core/layout/app.css';

import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { resources } from './app/resources';
import { createAppRouter } from './app/router';
import { recordLinks } from './app/recordLinks';
import { shellMenus } from './app/shellMenus';
import { setUnauthorizedHandler } from './core/api/client';
import { forgetSession, meQueryKey } from './core/auth/session';
import { i18n, startI18n } from './core/i18n/i18n';
import { ShellMenusContext } from './core/layout/shellMenus';
import { createQueryClient } from './core/query';
import { RecordLinksContext } from './core/ui/recordLinks';

startI18n(resources);
const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

// A session can end anywhere (expiry, logout in another tab): every 401 leads to the same login page,
// which brings the user back to where they were, and says the session ended when there was one.
setUnauthorizedHandler(() => {
  const hadSession = queryClient.getQueryData(meQueryKey) != null;
  forgetSession(queryClient);
  const here = router.state.location;
  if (here.pathname === '/login') return;
  void router.navigate({ to: '/login', search: { redirect: here.href, ...(hadSession ? { ended: true } : {}) } });
});

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <ShellMenusContext.Provider value={shellMenus}>
          <RecordLinksContext.Provider value={recordLinks}>
            <RouterProvider router={router} />
          </RecordLinksContext.Provider>
        </ShellMenusContext.Provider>
      </QueryClientProvider>
    </I18nextProvider>
  </StrictMode>,
);
