import { Heading } from '@digdir/designsystemet-react';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The page's one h1. It also names the browser tab (WCAG 2.4.2) and can take focus, so that the
 * shell can move focus here after a client-side navigation and screen readers hear the new page.
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.pageTitle', { title });
  }, [t, title]);
  return (
    <Heading level={1} data-size="lg" tabIndex={-1} className="page-heading">
      {children ?? title}
    </Heading>
  );
}
