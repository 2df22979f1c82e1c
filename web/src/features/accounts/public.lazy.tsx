// The pages without a session: the first start and the forgotten password.
import { createLazyRoute } from '@tanstack/react-router';
import { ForgotPasswordPage, ResetPasswordPage } from './PasswordResetPages';
import { SetupPage } from './SetupPage';

export const setupRoute = createLazyRoute('/setup')({ component: SetupPage });
export const forgotRoute = createLazyRoute('/password-reset')({ component: ForgotPasswordPage });
export const resetRoute = createLazyRoute('/password-reset/new')({ component: ResetPasswordPage });
