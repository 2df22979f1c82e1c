import { Alert, Button, Card, Field, Fieldset, Heading, Label, Paragraph, Radio, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useState, type FormEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';
import { setMe } from '../../core/auth/session';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { FormErrorSummary, useFormErrors, type Errors } from '../../core/ui/forms';
import { Loading } from '../../core/ui/Loading';
import { PageHeading } from '../../core/ui/PageHeading';
import { checkSetup, runSetup, type SetupBody, type SetupCheck } from './api';
import { NewPasswordFields, newPasswordErrors } from './PasswordFields';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';
import { IMPORT_PATH, tokenFromHash } from './links';

const FIELDS = ['ownerName', 'ownerKind', 'schoolName', 'stage', 'schoolId', 'givenName', 'familyName', 'username', 'email', 'password', 'repeat'] as const;
type F = (typeof FIELDS)[number];
const isField = (p: string): p is F => (FIELDS as readonly string[]).includes(p);

/** The server's field paths (setupBody's shape) → this form's fields. */
const SERVER_FIELDS: Partial<Record<string, F>> = {
  'owner.name': 'ownerName', 'owner.kind': 'ownerKind', 'school.name': 'schoolName', 'school.stage': 'stage',
  'admin.givenName': 'givenName', 'admin.familyName': 'familyName', 'admin.username': 'username', 'admin.email': 'email', 'admin.password': 'password',
};

type Values = Record<F, string>;
const EMPTY: Values = {
  ownerName: '', ownerKind: 'county', schoolName: '', stage: 'upperSecondary', schoolId: '',
  givenName: '', familyName: '', username: '', email: '', password: '', repeat: '',
};
const idFor = (f: F) => `setup-${f}`;

/**
 * The first start without the demo: the link printed on the console opens this page with its token
 * after '#'. It makes the school owner, the first school and the first admin, logs the admin in and
 * points on to the import.
 */
export function SetupPage() {
  const { t } = useTranslation();
  const [token] = useState(tokenFromHash);
  const check = useQuery({ queryKey: ['accounts', 'setupCheck', token], queryFn: () => checkSetup(token), enabled: token !== '', retry: false, staleTime: Infinity });
  const [done, setDone] = useState<{ me: Me; school: string } | null>(null);

  let body;
  if (done) body = <SetupDone me={done.me} school={done.school} />;
  else if (!token) body = <Alert data-color="warning">{t('accounts.setup.noToken')}</Alert>;
  else if (check.isPending) body = <Loading />;
  else if (check.isError) body = <ErrorAlert error={check.error} />;
  else if (!check.data.valid) body = <InvalidLink />;
  else body = <SetupForm token={token} check={check.data} onDone={(me, school) => setDone({ me, school })} />;

  return (
    <div className="stack narrow">
      <PageHeading title={done ? t('accounts.setup.doneTitle') : t('accounts.setup.title')} />
      {body}
    </div>
  );
}

function InvalidLink() {
  const { t } = useTranslation();
  const router = useRouter();
  return (
    <>
      <Alert data-color="danger">{t('accounts.setup.invalid')}</Alert>
      <div>
        <Button variant="secondary" asChild>
          <a href="/login" onClick={(e) => { e.preventDefault(); router.history.push('/login'); }}>{t('accounts.setup.toLogin')}</a>
        </Button>
      </div>
    </>
  );
}

function SetupDone({ me, school }: { me: Me; school: string }) {
  const { t } = useTranslation();
  const router = useRouter();
  const go = (path: string) => (e: MouseEvent) => { e.preventDefault(); router.history.push(path); };
  return (
    <>
      <Alert data-color="success">
        <Paragraph>{t('accounts.setup.doneText', { name: `${me.person.givenName} ${me.person.familyName}`, school })}</Paragraph>
      </Alert>
      <Paragraph>{t('accounts.setup.next')}</Paragraph>
      <div className="button-row">
        <Button asChild>
          <a href={IMPORT_PATH} onClick={go(IMPORT_PATH)}>{t('accounts.setup.toImport')}</a>
        </Button>
        <Button asChild variant="secondary">
          <a href="/" onClick={go('/')}>{t('accounts.setup.toHome')}</a>
        </Button>
      </div>
    </>
  );
}

function clientErrors(v: Values, existing: boolean, t: (k: 'accounts.required' | 'accounts.password.repeatMismatch') => string): Errors<F> {
  const required = t('accounts.required');
  const missing = (f: F) => (v[f].trim() ? {} : { [f]: required });
  return {
    ...(existing ? missing('schoolId') : { ...missing('ownerName'), ...missing('schoolName') }),
    ...missing('givenName'), ...missing('familyName'), ...missing('username'),
    ...newPasswordErrors(v, required, t('accounts.password.repeatMismatch')),
  };
}

function bodyOf(token: string, v: Values, existing: boolean): SetupBody {
  const admin = { givenName: v.givenName, familyName: v.familyName, username: v.username, email: v.email.trim(), password: v.password };
  if (existing) return { token, schoolId: v.schoolId, admin };
  return {
    token, admin,
    owner: { name: v.ownerName, kind: v.ownerKind as 'county' | 'municipality' },
    school: { name: v.schoolName, stage: v.stage as 'upperSecondary' | 'compulsory' },
  };
}

function SetupForm({ token, check, onDone }: { token: string; check: SetupCheck; onDone: (me: Me, school: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [v, setV] = useState<Values>(EMPTY);
  const form = useFormErrors<F>(isField);
  const existing = check.schools.length > 0;
  const set = (f: F) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [f]: e.target.value }));
  const dirty = Object.entries(v).some(([k, x]) => x !== EMPTY[k as F]);
  const schoolName = existing ? (check.schools.find((s) => s.id === v.schoolId)?.name ?? '') : v.schoolName;
  const setup = useMutation({
    mutationFn: runSetup,
    onSuccess: (me) => {
      setMe(queryClient, me);
      onDone(me, schoolName);
    },
    onError: (err) => form.fromServer(err, SERVER_FIELDS),
  });
  const guard = <UnsavedGuard dirty={dirty && !setup.isSuccess} />;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.check(clientErrors(v, existing, t))) return;
    setup.mutate(bodyOf(token, v, existing));
  }

  const personal = [v.givenName, v.familyName, v.username, v.email, schoolName, v.ownerName];
  return (
    <form noValidate onSubmit={submit} className="stack">
      <Paragraph>{t('accounts.setup.intro')}</Paragraph>
      <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} order={FIELDS} idFor={idFor} level={2} />
      {existing ? (
        <Card className="stack">
          <Heading level={2} data-size="xs">{t('accounts.setup.schoolHeading')}</Heading>
          <Paragraph>{t('accounts.setup.existingIntro')}</Paragraph>
          <Field>
            <Label htmlFor={idFor('schoolId')}>{t('accounts.setup.existingSchool')}</Label>
            <Select id={idFor('schoolId')} value={v.schoolId} onChange={set('schoolId')} aria-invalid={!!form.errors.schoolId}>
              <Select.Option value="">{t('accounts.setup.chooseSchool')}</Select.Option>
              {check.schools.map((s) => <Select.Option key={s.id} value={s.id}>{`${s.name} (${s.ownerName})`}</Select.Option>)}
            </Select>
            {form.errors.schoolId && <ValidationMessage>{form.errors.schoolId}</ValidationMessage>}
          </Field>
        </Card>
      ) : (
        <>
          <Card className="stack">
            <Heading level={2} data-size="xs">{t('accounts.setup.ownerHeading')}</Heading>
            <Textfield id={idFor('ownerName')} label={t('accounts.setup.ownerName')} description={t('accounts.setup.ownerNameHelp')}
              value={v.ownerName} maxLength={200} onChange={set('ownerName')} error={form.errors.ownerName} />
            <Fieldset>
              <Fieldset.Legend>{t('accounts.setup.ownerKind')}</Fieldset.Legend>
              {(['county', 'municipality'] as const).map((k) => (
                <Radio key={k} id={k === 'county' ? idFor('ownerKind') : undefined} name="ownerKind" value={k} label={t(`accounts.setup.ownerKinds.${k}`)}
                  checked={v.ownerKind === k} onChange={set('ownerKind')} />
              ))}
            </Fieldset>
          </Card>
          <Card className="stack">
            <Heading level={2} data-size="xs">{t('accounts.setup.schoolHeading')}</Heading>
            <Textfield id={idFor('schoolName')} label={t('accounts.setup.schoolName')} value={v.schoolName} maxLength={200}
              onChange={set('schoolName')} error={form.errors.schoolName} />
            <Fieldset>
              <Fieldset.Legend>{t('accounts.setup.stage')}</Fieldset.Legend>
              {(['upperSecondary', 'compulsory'] as const).map((s) => (
                <Radio key={s} id={s === 'upperSecondary' ? idFor('stage') : undefined} name="stage" value={s} label={t(`accounts.setup.stages.${s}`)}
                  checked={v.stage === s} onChange={set('stage')} />
              ))}
            </Fieldset>
          </Card>
        </>
      )}
      <Card className="stack">
        <Heading level={2} data-size="xs">{t('accounts.setup.adminHeading')}</Heading>
        <Paragraph data-size="sm">{t('accounts.setup.adminIntro')}</Paragraph>
        <Textfield id={idFor('givenName')} label={t('accounts.setup.givenName')} autoComplete="given-name" value={v.givenName} maxLength={200}
          onChange={set('givenName')} error={form.errors.givenName} />
        <Textfield id={idFor('familyName')} label={t('accounts.setup.familyName')} autoComplete="family-name" value={v.familyName} maxLength={200}
          onChange={set('familyName')} error={form.errors.familyName} />
        <Textfield id={idFor('username')} label={t('accounts.setup.username')} description={t('accounts.setup.usernameHelp')} autoComplete="username"
          autoCapitalize="none" spellCheck={false} value={v.username} maxLength={64} onChange={set('username')} error={form.errors.username} />
        <Textfield id={idFor('email')} label={t('accounts.setup.email')} description={t('accounts.setup.emailHelp')} type="email" autoComplete="email"
          value={v.email} maxLength={320} onChange={set('email')} error={form.errors.email} />
        <NewPasswordFields idPrefix="setup" labels={{ password: t('accounts.setup.password'), repeat: t('accounts.setup.repeat') }}
          value={{ password: v.password, repeat: v.repeat }} onChange={(p) => setV((old) => ({ ...old, ...p }))}
          errors={{ password: form.errors.password, repeat: form.errors.repeat }} personal={personal} />
      </Card>
      <div>
        <Button type="submit" loading={setup.isPending}>{t('accounts.setup.submit')}</Button>
      </div>
      {guard}
    </form>
  );
}
