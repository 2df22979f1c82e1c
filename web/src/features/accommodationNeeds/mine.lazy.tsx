// The student's (or a guardian's) own page about the needs they have told the school.
import { createLazyRoute } from '@tanstack/react-router';
import { MyNeedsPage } from './MyNeedsPage';

export const mineRoute = createLazyRoute('/authed/me/accommodation-needs')({ component: MyNeedsPage });
