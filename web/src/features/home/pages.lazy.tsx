import { createLazyRoute } from '@tanstack/react-router';
import { HomePage } from './HomePage';

export const homeRoute = createLazyRoute('/authed/')({ component: HomePage });
