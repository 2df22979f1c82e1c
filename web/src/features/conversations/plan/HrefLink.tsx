import { Link as DsLink } from '@digdir/designsystemet-react';
import { useRouter } from '@tanstack/react-router';
import type { MouseEvent, ReactNode } from 'react';

/**
 * A link to an app path given as a string (a conversation's page, a notification's link): navigates
 * inside the app like a router link, but needs no typed route, so it works for pages other parts build.
 */
export function HrefLink({
  href,
  children,
  onNavigate,
  className,
}: {
  href: string;
  children: ReactNode;
  onNavigate?: () => void;
  className?: string;
}) {
  const router = useRouter();
  const inApp = href.startsWith('/') && !href.startsWith('//') && !href.startsWith('/api/');
  return (
    <DsLink
      href={href}
      className={className}
      data-color="accent"
      onClick={(e: MouseEvent<HTMLAnchorElement>) => {
        onNavigate?.();
        // A new tab or window (ctrl/cmd/shift/middle click) is the browser's business.
        if (!inApp || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        void router.navigate({ href });
      }}
    >
      {children}
    </DsLink>
  );
}
