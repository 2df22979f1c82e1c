import { Button, Card, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../core/auth/session';
import { useFormat } from '../../core/format';
import { Fact, Facts } from '../../core/ui/Facts';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import { InlineConfirm } from '../../core/ui/InlineConfirm';
import { PageHeading } from '../../core/ui/PageHeading';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { ownAccountQuery, useChangePassword, useEndOtherSessions, useEndOwnSession, type OwnAccount, type OwnSession } from './api';
import { deviceText } from './device';
import { NewPasswordFields, newPasswordErrors } from './PasswordFields';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';

/** A person's own account: the username, a new password, and where they are logged in. */
export function MyAccountPage() {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(ownAccountQuery);
  return (
    <div className="stack narrow">
      <PageHeading title={t('accounts.own.title')} />
      <Facts>
        <Fact label={t('accounts.own.username')}>{data.username}</Fact>
      </Facts>
      {data.hasPassword ? <ChangePassword username={data.username} /> : <Paragraph>{t('accounts.own.noPassword')}</Paragraph>}
      <Sessions account={data} />
    </div>
  );
}

type PasswordField = 'current' | 'password' | 'repeat';
const PASSWORD_FIELDS: PasswordField[] = ['current', 'password', 'repeat'];
const EMPTY = { current: '', password: '', repeat: '' };

function ChangePassword({ username }: { username: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const uid = useId();
  const idFor = (f: PasswordField) => `${uid}-${f}`;
  const [v, setV] = useState(EMPTY);
  const [note, setNote] = useState('');
  const form = useFormErrors<PasswordField>(PASSWORD_FIELDS);
  const change = useChangePassword();
  const guard = <UnsavedGuard dirty={v.current !== '' || v.password !== '' || v.repeat !== ''} />;

  function submit(e: FormEvent) {
    e.preventDefault();
    setNote('');
    const required = t('accounts.required');
    const found = { ...(v.current ? {} : { current: required }), ...newPasswordErrors(v, required, t('accounts.password.repeatMismatch')) };
    if (!form.check(found)) return;
    change.mutate({ currentPassword: v.current, newPassword: v.password }, {
      onSuccess: ({ endedSessions }) => {
        setV(EMPTY);
        form.clear();
        setNote(endedSessions ? t('accounts.own.changed', { count: endedSessions }) : t('accounts.own.changedAlone'));
      },
      onError: (err) => form.fromServer(err, { currentPassword: 'current', newPassword: 'password' }),
    });
  }

  return (
    <Card className="stack">
      <Heading level={2} data-size="xs" id={`${uid}-h`}>{t('accounts.own.passwordHeading')}</Heading>
      <form noValidate onSubmit={submit} className="stack" aria-labelledby={`${uid}-h`}>
        <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} order={PASSWORD_FIELDS} idFor={idFor} />
        {/* lets a password manager store the new password under the right username */}
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
        <Textfield id={idFor('current')} label={t('accounts.own.current')} type="password" autoComplete="current-password"
          value={v.current} error={form.errors.current} onChange={(e) => setV({ ...v, current: e.target.value })} />
        <NewPasswordFields idPrefix={uid} labels={{ password: t('accounts.own.password'), repeat: t('accounts.own.repeat') }}
          value={v} onChange={(p) => setV({ ...v, ...p })} errors={form.errors}
          personal={[me.person.givenName, me.person.familyName, username, ...me.basisGroups.map((g) => g.schoolName)]} />
        <div>
          <Button type="submit" loading={change.isPending}>{t('accounts.own.submit')}</Button>
        </div>
      </form>
      <Paragraph role="status" data-size="sm">{note}</Paragraph>
      {guard}
    </Card>
  );
}

function Sessions({ account }: { account: OwnAccount }) {
  const { t } = useTranslation();
  const format = useFormat();
  const uid = useId();
  const [note, setNote] = useState('');
  const endOne = useEndOwnSession();
  const endOthers = useEndOtherSessions();
  const others = account.sessions.filter((s) => !s.current);
  // this session's device as the browser says it now; another's as it was when that session began
  const device = (s: OwnSession) => deviceText(t, s.current ? account.currentDevice : s.device);
  const title = (s: OwnSession) => (s.current ? t('accounts.own.thisDevice') : t('accounts.own.otherDevice'));
  return (
    <section aria-labelledby={`${uid}-h`} className="stack">
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('accounts.own.sessionsHeading')}</Heading>
      <Paragraph data-size="sm">{t('accounts.own.sessionsIntro')}</Paragraph>
      <ul className="card-list">
        {account.sessions.map((s) => (
          <li key={s.id}>
            <Card className="stack session-card" data-color={s.current ? 'accent' : 'neutral'}>
              <Heading level={3} data-size="2xs">
                {title(s)}
                {device(s) && <> <Tag data-size="sm" data-color={s.current ? 'info' : 'neutral'}>{device(s)}</Tag></>}
              </Heading>
              <Paragraph data-size="sm">
                {t('accounts.own.started', { date: format.dateTime(s.createdAt) })}
                <br />
                {t('accounts.own.lastSeen', { date: format.dateTime(s.lastSeenAt) })}
              </Paragraph>
              {!s.current && (
                <div>
                  <Button variant="secondary" data-size="sm" loading={endOne.isPending && endOne.variables === s.id}
                    aria-label={t('accounts.own.endOneFor', { date: format.dateTime(s.createdAt) })}
                    onClick={() => endOne.mutate(s.id, { onSuccess: () => setNote(t('accounts.own.endedOne')) })}>
                    {t('accounts.own.endOne')}
                  </Button>
                </div>
              )}
            </Card>
          </li>
        ))}
      </ul>
      {endOne.isError && <ErrorAlert error={endOne.error} />}
      {endOthers.isError && <ErrorAlert error={endOthers.error} />}
      {others.length > 0 ? (
        <InlineConfirm ask={t('accounts.own.endOthers')} question={t('accounts.own.endOthersQuestion')} yes={t('accounts.own.endOthersYes')}
          no={t('accounts.own.endOthersNo')} danger pending={endOthers.isPending}
          onYes={() => endOthers.mutate(undefined, { onSuccess: ({ endedSessions }) => setNote(t('accounts.own.endedOthers', { count: endedSessions })) })} />
      ) : (
        <Paragraph data-size="sm">{t('accounts.own.onlyThis')}</Paragraph>
      )}
      <Paragraph role="status" data-size="sm">{note}</Paragraph>
    </section>
  );
}
