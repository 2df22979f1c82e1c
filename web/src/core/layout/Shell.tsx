import { Button, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { forgetSession, logout, meQuery } from '../auth/session';
import { LanguagePicker } from '../i18n/LanguagePicker';
import { useShellMenus } from './shellMenus';

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // Only what the route guard already loaded: /login must not ask /api/me on its own.
  const { data: me } = useQuery({ ...meQuery, enabled: false });
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const pathname = useRouterState({ select: (s) => s.resolvedLocation?.pathname });
  const previousPath = useRef<string | undefined>(undefined);
  const { MainNav, PageNav } = useShellMenus();

  useEffect(() => {
    setMenuOpen(false);
    const previous = previousPath.current;
    previousPath.current = pathname;
    // After a client-side navigation (not the first load), move focus to the new page's h1 so
    // screen readers announce the page and keyboard users start from its top.
    if (!previous || !pathname || previous === pathname) return;
    const frame = requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
    return () => cancelAnimationFrame(frame);
  }, [pathname]);

  const signOut = useMutation({
    mutationFn: logout,
    onSettled: async () => {
      forgetSession(queryClient);
      await navigate({ to: '/login' });
    },
  });

  return (
    <div className="app">
      <SkipLink href="#main">{t('shell.skipLink')}</SkipLink>
      <header className="app-header">
        <div className="app-header__inner">
          <div className="app-header__bar">
            <Link to="/" className="app-brand">
              {t('app.name')}
            </Link>
            {me ? (
              <Button
                ref={menuButton}
                variant="secondary"
                data-size="sm"
                className="app-menu-toggle"
                aria-expanded={menuOpen}
                aria-controls="app-menu"
                onClick={() => setMenuOpen((o) => !o)}
              >
                {t('shell.menu')}
              </Button>
            ) : (
              <LanguagePicker />
            )}
          </div>
          {me && (
            <div
              id="app-menu"
              className="app-header__menu"
              data-open={menuOpen}
              onKeyDown={(e) => {
                // The usual way out of an open menu on a phone with a keyboard or switch control.
                if (e.key === 'Escape' && menuOpen) {
                  setMenuOpen(false);
                  menuButton.current?.focus();
                }
              }}
            >
              <MainNav me={me} />
              <div className="app-user">
                <Paragraph data-size="sm" className="app-user__name">
                  {t('shell.loggedInAs', { name: `${me.person.givenName} ${me.person.familyName}` })}
                </Paragraph>
                <LanguagePicker />
                <Button variant="tertiary" data-size="sm" loading={signOut.isPending} onClick={() => signOut.mutate()}>
                  {t('shell.logout')}
                </Button>
              </div>
            </div>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        {me && <PageNav me={me} />}
        {children}
      </main>
    </div>
  );
}
