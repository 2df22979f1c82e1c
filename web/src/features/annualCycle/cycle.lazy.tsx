// The school's annual cycle, for every staff member.
import { createLazyRoute } from '@tanstack/react-router';
import { CyclePage } from './CyclePage';

export const cycleRoute = createLazyRoute('/authed/annual-cycle')({ component: CyclePage });
