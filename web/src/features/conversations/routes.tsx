// This feature's pages, under the logged-in parent route; router.tsx adds them to the tree.
import './conversations.css';
import { meetingRoutes } from './meeting/routes';
import { planRoutes } from './plan/routes';

export const conversationRoutes = [...planRoutes, ...meetingRoutes] as const;
