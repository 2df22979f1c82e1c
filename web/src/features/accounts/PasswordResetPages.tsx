import { Alert, Button, Card, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useRef, useState, type FormEvent, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import { Loading } from '../../core/ui/Loading';
import { PageHeading } from '../../core/ui/PageHeading';
import { checkReset, completeReset, requestReset } from './api';
import { tokenFromHash } from './links';
import { NewPasswordFields, newPasswordErrors, type NewPassword } from './PasswordFields';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';

/** A link inside the app that works as a link (new tab, copy) and navigates without a reload. */
function InAppLink({ to, children, button }: { to: string; children: ReactNode; button?: 'primary' | 'secondary' }) {
  const router = useRouter();
  const onClick = (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    router.history.push(to);
  };
  const link = <a href={to} onClick={onClick}>{children}</a>;
  return button ? <Button asChild variant={button}>{link}</Button> : link;
}

/** The public pages' frame: the login page's card, so the way from the login and back looks the same. */
function PublicCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="login">
      <Card className="login__card">
        <PageHeading title={title} />
        {children}
      </Card>
    </div>
  );
}

/**
 * "Forgotten password": asks for a username or e-mail address and always gives the same answer, so
 * the page never tells anyone whether an account exists.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [identifier, setIdentifier] = useState('');
  const [error, setError] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);
  const request = useMutation({ mutationFn: requestReset });
  const guard = <UnsavedGuard dirty={identifier.trim() !== '' && !request.isSuccess && !request.isPending} />;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!identifier.trim()) {
      setError(t('accounts.required'));
      input.current?.focus();
      return;
    }
    setError(undefined);
    request.mutate({ identifier: identifier.trim() });
  }

  if (request.isSuccess) {
    return (
      <PublicCard title={t('accounts.forgot.sentTitle')}>
        <Alert data-color="info" role="status">
          <Paragraph>{t('accounts.forgot.sent', { minutes: request.data.validMinutes })}</Paragraph>
        </Alert>
        <Paragraph data-size="sm">{t('accounts.forgot.notArrived')}</Paragraph>
        <div className="button-row">
          <InAppLink to="/login" button="primary">{t('accounts.forgot.backToLogin')}</InAppLink>
          <Button variant="secondary" onClick={() => { setIdentifier(''); request.reset(); }}>{t('accounts.forgot.again')}</Button>
        </div>
      </PublicCard>
    );
  }
  return (
    <PublicCard title={t('accounts.forgot.title')}>
      <Paragraph>{t('accounts.forgot.intro')}</Paragraph>
      {request.isError && <ErrorAlert error={request.error} />}
      <form noValidate onSubmit={submit} className="stack">
        <Textfield ref={input} id="forgot-identifier" name="identifier" label={t('accounts.forgot.identifier')} autoComplete="username"
          autoCapitalize="none" spellCheck={false} value={identifier} maxLength={320} error={error}
          onChange={(e) => setIdentifier(e.target.value)} />
        <Button type="submit" loading={request.isPending} className="login__submit">{t('accounts.forgot.submit')}</Button>
        {guard}
      </form>
      <Paragraph data-size="sm">{t('accounts.forgot.federated')}</Paragraph>
      <Paragraph data-size="sm"><InAppLink to="/login">{t('accounts.forgot.backToLogin')}</InAppLink></Paragraph>
    </PublicCard>
  );
}

/** The e-mail's link: checks it first (so nobody types a new password into a dead link), then the new password. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [token] = useState(tokenFromHash);
  const [done, setDone] = useState(false);
  const check = useQuery({ queryKey: ['accounts', 'resetCheck', token], queryFn: () => checkReset(token), enabled: token !== '' && !done, retry: false, staleTime: Infinity });

  let body: ReactNode;
  if (done) {
    body = (
      <>
        <Alert data-color="success" role="status"><Paragraph>{t('accounts.reset.done')}</Paragraph></Alert>
        <InAppLink to="/login" button="primary">{t('accounts.reset.toLogin')}</InAppLink>
      </>
    );
  } else if (!token) body = <DeadLink text={t('accounts.reset.noToken')} />;
  else if (check.isPending) body = <Loading />;
  else if (check.isError) body = <ErrorAlert error={check.error} />;
  else if (!check.data.valid) body = <DeadLink text={t('accounts.reset.invalid')} />;
  else body = <ResetForm token={token} username={check.data.username ?? ''} onDone={() => setDone(true)} />;
  return <PublicCard title={done ? t('accounts.reset.doneTitle') : t('accounts.reset.title')}>{body}</PublicCard>;
}

function DeadLink({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert data-color="danger">{text}</Alert>
      <div className="button-row">
        <InAppLink to="/password-reset" button="primary">{t('accounts.reset.askNew')}</InAppLink>
        <InAppLink to="/login" button="secondary">{t('accounts.forgot.backToLogin')}</InAppLink>
      </div>
    </>
  );
}

type ResetField = 'password' | 'repeat' | 'token';

function ResetForm({ token, username, onDone }: { token: string; username: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState<NewPassword>({ password: '', repeat: '' });
  const form = useFormErrors<ResetField>(['password', 'repeat', 'token']);
  const complete = useMutation({
    mutationFn: completeReset,
    onSuccess: onDone,
    onError: (err) => form.fromServer(err, { newPassword: 'password' }),
  });
  const guard = <UnsavedGuard dirty={(v.password !== '' || v.repeat !== '') && !complete.isSuccess} />;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.check(newPasswordErrors(v, t('accounts.required'), t('accounts.password.repeatMismatch')))) return;
    complete.mutate({ token, newPassword: v.password });
  }

  return (
    <form noValidate onSubmit={submit} className="stack">
      <Paragraph>{t('accounts.reset.forUser', { username })}</Paragraph>
      {/* lets a password manager store the new password under the right username */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} order={['password', 'repeat']}
        idFor={(f) => `reset-${f}`} level={2} />
      {form.errors.token && (
        <Alert data-color="danger">
          <Heading level={2} data-size="2xs">{form.errors.token}</Heading>
          <InAppLink to="/password-reset">{t('accounts.reset.askNew')}</InAppLink>
        </Alert>
      )}
      <NewPasswordFields idPrefix="reset" labels={{ password: t('accounts.reset.password'), repeat: t('accounts.reset.repeat') }}
        value={v} onChange={setV} errors={form.errors} personal={[username]} />
      <Button type="submit" loading={complete.isPending} className="login__submit">{t('accounts.reset.submit')}</Button>
      {guard}
    </form>
  );
}
