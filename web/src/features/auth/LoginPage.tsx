import { Alert, Button, Card, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../core/api/client';
import { setMe, syncLocale } from '../../core/auth/session';
import { AppLink } from '../../core/ui/AppLink';
import { problemText } from '../../core/ui/ErrorAlert';
import { PageHeading } from '../../core/ui/PageHeading';
import { login } from './authApi';
import { OidcButtons, OidcSigninAlert } from './OidcButtons';
import type { OidcSignin } from './oidcApi';

type Field = 'username' | 'password';

// unsaved-guard: the login; a password is never kept, and leaving it means the person chose not to log in
export function LoginPage({ redirect, signin, ended = false }: { redirect?: string; signin?: OidcSignin; ended?: boolean }) {
  const { t } = useTranslation();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ username: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const refs = { username: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };

  const mutation = useMutation({
    mutationFn: login,
    onSuccess: async (me) => {
      setMe(queryClient, me);
      await syncLocale(queryClient, me);
      router.history.push(redirect ?? '/');
    },
    onError: (err) => {
      setValues((v) => ({ ...v, password: '' }));
      // A 400 names the field it is about; put the message there, as for our own checks.
      if (isApiError(err) && err.status === 400) {
        const byField = err.fieldErrors();
        setFieldErrors({ username: byField.username, password: byField.password });
      }
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const errors: Partial<Record<Field, string>> = {};
    if (!values.username.trim()) errors.username = t('auth.usernameRequired');
    if (!values.password) errors.password = t('auth.passwordRequired');
    setFieldErrors(errors);
    const first = (Object.keys(errors) as Field[])[0];
    if (first) {
      refs[first].current?.focus();
      return;
    }
    mutation.mutate({ username: values.username.trim(), password: values.password });
  }

  const error = mutation.error;
  let errorText: string | null = null;
  if (isApiError(error) && error.status === 401) errorText = t('auth.wrongCredentials');
  else if (isApiError(error) && error.status === 429)
    errorText = !error.retryAfter
      ? t('auth.rateLimited')
      : error.retryAfter > 90
        ? t('auth.rateLimitedMinutes', { count: Math.ceil(error.retryAfter / 60) })
        : t('auth.rateLimitedSeconds', { count: error.retryAfter });
  else if (isApiError(error) && error.status === 400 && (fieldErrors.username || fieldErrors.password)) errorText = null;
  else if (error) errorText = problemText(t, error);

  return (
    <div className="login">
      <Card className="login__card">
        <PageHeading title={t('auth.title')} />
        <Paragraph>{ended ? t('auth.sessionEnded') : redirect ? t('auth.continue') : t('auth.intro')}</Paragraph>
        <OidcSigninAlert signin={signin} />
        {errorText && (
          <Alert data-color={isApiError(error) && error.status === 429 ? 'warning' : 'danger'} role="alert">
            {errorText}
          </Alert>
        )}
        <form noValidate onSubmit={submit} className="stack">
          <Textfield
            ref={refs.username}
            label={t('auth.username')}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={values.username}
            error={fieldErrors.username}
            onChange={(e) => setValues((v) => ({ ...v, username: e.target.value }))}
          />
          <Textfield
            ref={refs.password}
            label={t('auth.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={values.password}
            error={fieldErrors.password}
            onChange={(e) => setValues((v) => ({ ...v, password: e.target.value }))}
          />
          <Button type="submit" loading={mutation.isPending} className="login__submit">
            {t('auth.submit')}
          </Button>
        </form>
        {/* the accounts feature's page: it never says whether the account exists */}
        <Paragraph data-size="sm">
          <AppLink to="/password-reset">{t('accounts.forgot.link')}</AppLink>
        </Paragraph>
        <OidcButtons redirect={redirect} />
      </Card>
    </div>
  );
}
