import { Button, Card, Field, Heading, Label, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { Fact, Facts } from '../../core/ui/Facts';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import { PageHeading } from '../../core/ui/PageHeading';
import { ReasonField as CoreReasonField, reasonMissing, type ReasonFieldProps } from '../../core/ui/ReasonField';
import { useSettled } from '../../core/ui/settled';
import {
  accountDetailQuery, accountListQuery, useEndAccountSessions, useSetAccountStatus, type AccountDetail, type AccountSearch, type AccountSummary,
} from './api';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';
import { deviceText } from './device';

type T = TFunction;

const kindsText = (t: T, a: AccountSummary) => a.kinds.map((k) => t(`accounts.admin.kind.${k}`)).join(', ');

function loginText(t: T, a: AccountSummary): string {
  const ways = [...(a.hasPassword ? [t('accounts.admin.loginPassword')] : []), ...(a.hasFederatedLogin ? [t('accounts.admin.loginFederated')] : [])];
  return ways.length ? ways.join(', ') : t('accounts.admin.loginNone');
}

function StatusTag({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  return <Tag data-size="sm" data-color={disabled ? 'danger' : 'success'}>{disabled ? t('accounts.admin.disabled') : t('accounts.admin.active')}</Tag>;
}

// unsaved-guard: its form is a search; nothing typed there is kept
/** The school admin's accounts: find one by name or username, see who is disabled and who is logged in. */
export function AccountsAdminPage() {
  const { t } = useTranslation();
  const uid = useId();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<NonNullable<AccountSearch['status']>>('all');
  // only the typed text waits for a pause; a new object each render would re-arm the timer forever
  const settledQ = useSettled(q.trim());
  const search: AccountSearch = { q: settledQ || undefined, status };
  const { data, isFetching } = useQuery(accountListQuery(search));
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('accounts.admin.title')} />
        {data && <AccessReason access={data.access} />}
      </div>
      <Paragraph>{t('accounts.admin.intro')}</Paragraph>
      <form className="toolbar" role="search" onSubmit={(e) => e.preventDefault()}>
        <Textfield className="toolbar__filter" label={t('accounts.admin.search')} type="search" value={q} maxLength={100} onChange={(e) => setQ(e.target.value)} />
        <Field>
          <Label htmlFor={`${uid}-status`}>{t('accounts.admin.show')}</Label>
          <Select id={`${uid}-status`} value={status} onChange={(e) => setStatus(e.target.value === 'disabled' ? 'disabled' : 'all')}>
            <Select.Option value="all">{t('accounts.admin.statusAll')}</Select.Option>
            <Select.Option value="disabled">{t('accounts.admin.statusDisabled')}</Select.Option>
          </Select>
        </Field>
      </form>
      <Paragraph data-size="sm" role="status" aria-busy={isFetching}>
        {data && t('accounts.admin.count', { shown: data.accounts.length, total: data.total })}
      </Paragraph>
      {data && (data.accounts.length === 0 ? <Paragraph>{t('accounts.admin.none')}</Paragraph> : <AccountTable accounts={data.accounts} labelId={`${uid}-table`} />)}
    </div>
  );
}

function AccountTable({ accounts, labelId }: { accounts: AccountSummary[]; labelId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="table-scroll account-table" role="region" aria-labelledby={labelId} tabIndex={0}>
        <Table>
          <caption id={labelId} className="ds-sr-only">{t('accounts.admin.title')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('accounts.admin.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('accounts.admin.username')}</Table.HeaderCell>
              <Table.HeaderCell>{t('accounts.admin.kinds')}</Table.HeaderCell>
              <Table.HeaderCell>{t('accounts.admin.login')}</Table.HeaderCell>
              <Table.HeaderCell>{t('accounts.admin.status')}</Table.HeaderCell>
              <Table.HeaderCell className="numeric">{t('accounts.admin.sessions')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {accounts.map((a) => (
              <Table.Row key={a.id}>
                <Table.HeaderCell scope="row">
                  <AppLink to="/admin/accounts/$accountId" params={{ accountId: a.id }}>{a.name}</AppLink>
                </Table.HeaderCell>
                <Table.Cell>{a.username}</Table.Cell>
                <Table.Cell>{kindsText(t, a)}</Table.Cell>
                <Table.Cell>{loginText(t, a)}</Table.Cell>
                <Table.Cell><StatusTag disabled={a.disabled} /></Table.Cell>
                <Table.Cell className="numeric">{a.liveSessions}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <AccountCards accounts={accounts} />
    </>
  );
}

/** The same accounts on a phone, where six columns do not fit: one card each (CSS shows one or the other). */
function AccountCards({ accounts }: { accounts: AccountSummary[] }) {
  const { t } = useTranslation();
  return (
    <ul className="card-list account-cards">
      {accounts.map((a) => (
        <li key={a.id}>
          <Card className="stack account-card" data-color="neutral">
            <Heading level={2} data-size="2xs">
              <AppLink to="/admin/accounts/$accountId" params={{ accountId: a.id }}>{a.name}</AppLink>
            </Heading>
            <Paragraph data-size="sm">{`${a.username} · ${kindsText(t, a)} · ${loginText(t, a)}`}</Paragraph>
            <div className="button-row">
              <StatusTag disabled={a.disabled} />
              {a.liveSessions > 0 && <Tag data-size="sm" data-color="info">{`${t('accounts.admin.sessions')}: ${a.liveSessions}`}</Tag>}
            </div>
          </Card>
        </li>
      ))}
    </ul>
  );
}

/** One account: its status, where it is logged in, what was done to it; disable, enable, log out everywhere. */
export function AccountAdminPage({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(accountDetailQuery(accountId));
  const [statusNote, setStatusNote] = useState('');
  const a = data.account;
  return (
    <div className="stack narrow">
      <div>
        <AppLink to="/admin/accounts">{t('accounts.admin.back')}</AppLink>
        <PageHeading title={a.name} />
        <AccessReason access={data.access} />
      </div>
      <Facts>
        <Fact label={t('accounts.admin.username')}>{a.username}</Fact>
        <Fact label={t('accounts.admin.kinds')}>{kindsText(t, a)}</Fact>
        <Fact label={t('accounts.admin.login')}>{loginText(t, a)}</Fact>
        <Fact label={t('accounts.admin.status')}><StatusTag disabled={a.disabled} /></Fact>
      </Facts>
      <section aria-labelledby="account-sessions" className="stack">
        <Heading level={2} data-size="sm" id="account-sessions">{t('accounts.admin.sessionsHeading')}</Heading>
        {data.sessions.length === 0 ? <Paragraph>{t('accounts.admin.noSessions')}</Paragraph> : (
          <ul className="plain-list">
            {data.sessions.map((s) => (
              <li key={s.id}>
                {deviceText(t, s.device) && <><Tag data-size="sm" data-color="neutral">{deviceText(t, s.device)}</Tag>{' '}</>}
                {t('accounts.admin.sessionLine', { started: format.dateTime(s.createdAt), seen: format.dateTime(s.lastSeenAt) })}
              </li>
            ))}
          </ul>
        )}
      </section>
      {/* a new form after each change (its key follows the status); the note of what was done stays here */}
      <StatusForm key={`status-${a.disabled}`} detail={data} onDone={setStatusNote} />
      <Paragraph role="status" data-size="sm">{statusNote}</Paragraph>
      {!a.disabled && data.sessions.length > 0 && <EndSessionsForm accountId={a.id} />}
      <History detail={data} />
    </div>
  );
}

/** A reason the admin must give, kept in the audit log with their name; checked here before the server does. */
function useReasonForm() {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const form = useFormErrors<'reason'>(['reason']);
  const valid = () => form.check(reasonMissing(reason) ? { reason: t('accounts.admin.reasonRequired') } : {});
  return { reason, setReason, form, valid };
}

function ReasonField(props: ReasonFieldProps) {
  const { t } = useTranslation();
  return <CoreReasonField {...props} label={t('accounts.admin.reason')} help={t('accounts.admin.reasonHelp')} rows={3} />;
}

function StatusForm({ detail, onDone }: { detail: AccountDetail; onDone: (note: string) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const a = detail.account;
  const disabling = !a.disabled;
  const { reason, setReason, form, valid } = useReasonForm();
  const setStatus = useSetAccountStatus(a.id);
  const guard = <UnsavedGuard dirty={reason !== '' && !setStatus.isPending} />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!valid()) return;
    // awaited rather than a callback to mutate(): the answer remounts this form, and mutate's callbacks die with it
    try {
      await setStatus.mutateAsync({ disabled: disabling, reason: reason.trim() });
    } catch (err) {
      form.fromServer(err);
      return;
    }
    onDone(disabling ? t('accounts.admin.disabledDone') : t('accounts.admin.enabledDone'));
  }

  return (
    <Card className="stack">
      <Heading level={2} data-size="xs" id={`${uid}-h`}>{disabling ? t('accounts.admin.disableHeading') : t('accounts.admin.enableHeading')}</Heading>
      <Paragraph data-size="sm">{disabling ? t('accounts.admin.disableIntro') : t('accounts.admin.enableIntro')}</Paragraph>
      <form noValidate onSubmit={(e) => void submit(e)} className="stack" aria-labelledby={`${uid}-h`}>
        <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} idFor={() => `${uid}-reason`} />
        <ReasonField id={`${uid}-reason`} value={reason} onChange={setReason} error={form.errors.reason} />
        <div>
          <Button type="submit" data-color={disabling ? 'danger' : undefined} loading={setStatus.isPending}>
            {disabling ? t('accounts.admin.disable') : t('accounts.admin.enable')}
          </Button>
        </div>
      </form>
      {guard}
    </Card>
  );
}

function EndSessionsForm({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const uid = useId();
  const { reason, setReason, form, valid } = useReasonForm();
  const [note, setNote] = useState('');
  const end = useEndAccountSessions(accountId);
  const guard = <UnsavedGuard dirty={reason !== '' && !end.isPending} />;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!valid()) return;
    end.mutate({ reason: reason.trim() }, {
      onSuccess: ({ endedSessions }) => {
        setReason('');
        setNote(t('accounts.admin.endedDone', { count: endedSessions }));
      },
      onError: (err) => form.fromServer(err),
    });
  }

  return (
    <Card className="stack">
      <Heading level={2} data-size="xs" id={`${uid}-h`}>{t('accounts.admin.endHeading')}</Heading>
      <Paragraph data-size="sm">{t('accounts.admin.endIntro')}</Paragraph>
      <form noValidate onSubmit={submit} className="stack" aria-labelledby={`${uid}-h`}>
        <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} idFor={() => `${uid}-reason`} />
        <ReasonField id={`${uid}-reason`} value={reason} onChange={setReason} error={form.errors.reason} />
        <div>
          <Button type="submit" variant="secondary" loading={end.isPending}>{t('accounts.admin.end')}</Button>
        </div>
      </form>
      <Paragraph role="status" data-size="sm">{note}</Paragraph>
      {guard}
    </Card>
  );
}

const KNOWN_ACTIONS = ['disable', 'enable', 'endSessions', 'createAdmin'] as const;

function actionText(t: T, action: string): string {
  const key = action.replace(/^account\./, '');
  return (KNOWN_ACTIONS as readonly string[]).includes(key) ? t(`accounts.admin.actions.${key as (typeof KNOWN_ACTIONS)[number]}`) : action;
}

function History({ detail }: { detail: AccountDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="account-history" className="stack">
      <Heading level={2} data-size="sm" id="account-history">{t('accounts.admin.historyHeading')}</Heading>
      {detail.history.length === 0 ? <Paragraph>{t('accounts.admin.historyNone')}</Paragraph> : (
        <ul className="log-list">
          {detail.history.map((h, i) => (
            <li key={`${h.at}-${i}`} className="log-entry">
              <Paragraph data-size="sm" className="log-entry__date">{format.dateTime(h.at)}</Paragraph>
              <Paragraph>{t('accounts.admin.historyLine', { action: actionText(t, h.action), actor: h.actorName || '–' })}</Paragraph>
              {h.note && <Paragraph data-size="sm">«{h.note}»</Paragraph>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
