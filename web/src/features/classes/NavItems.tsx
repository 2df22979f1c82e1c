import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { Me } from '../../core/api/types';

// A contact teacher usually has one or two classes: put them straight in the menu, the rest stay on the front page.
const MAX_CLASSES_IN_NAV = 3;

/** The person's own classes, each one entry; a class's pages are in its sub-menu. */
export function ClassNavItems({ me }: { me: Me }): ReactNode {
  return me.basisGroups.slice(0, MAX_CLASSES_IN_NAV).map((g) => (
    <li key={g.id}>
      {/* not exact: the class's own pages (its sub-menu) keep the class marked as where the user is */}
      <Link to="/classes/$basisGroupId" params={{ basisGroupId: g.id }} activeOptions={{ exact: false }}>
        {g.name}
      </Link>
    </li>
  ));
}
