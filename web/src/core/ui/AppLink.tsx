import { Link as DsLink } from '@digdir/designsystemet-react';
import { createLink } from '@tanstack/react-router';
import { forwardRef, type AnchorHTMLAttributes } from 'react';

const DsAnchor = forwardRef<HTMLAnchorElement, AnchorHTMLAttributes<HTMLAnchorElement>>(function DsAnchor(
  { children, ...rest },
  ref,
) {
  return (
    <DsLink ref={ref} {...rest}>
      {children}
    </DsLink>
  );
});

/** A router link (typed routes, client navigation) that looks like a Designsystemet link. */
export const AppLink = createLink(DsAnchor);
