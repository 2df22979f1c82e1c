import { Alert, Button, Field, Fieldset, Heading, Label, Paragraph, Select, Switch, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import { PageHeading } from '../../core/ui/PageHeading';
import { scheduleQuery, useSaveSchedule, useSyncNow, type Schedule, type ScheduleInput } from './api';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';
import { SubjectHours } from './SubjectHours';

const TEXT_FIELDS = ['baseUrl', 'tokenUrl', 'clientId', 'orgId', 'clientSecretEnv', 'usernameEnv', 'passwordEnv', 'schools', 'pageSize'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type FieldName = TextField | 'nightly' | 'hour' | 'timetable';
const FIELDS: readonly FieldName[] = [...TEXT_FIELDS, 'timetable', 'nightly', 'hour'];
const REQUIRED: readonly TextField[] = ['baseUrl', 'tokenUrl', 'clientId', 'orgId', 'clientSecretEnv'];

/** The form as typed: every text a string (an empty optional variable: none). */
interface Values extends Record<TextField, string> { nightly: boolean; hour: number; timetable: boolean }

function valuesOf(s: Schedule['fint']): Values {
  return {
    baseUrl: s?.baseUrl ?? '', tokenUrl: s?.tokenUrl ?? '', clientId: s?.clientId ?? '', orgId: s?.orgId ?? '',
    clientSecretEnv: s?.clientSecretEnv ?? '', usernameEnv: s?.usernameEnv ?? '', passwordEnv: s?.passwordEnv ?? '',
    nightly: s?.nightly ?? false, hour: s?.hour ?? 2,
    schools: (s?.schools ?? []).join(', '), pageSize: s?.pageSize ? String(s.pageSize) : '', timetable: s?.timetable ?? true,
  };
}

const same = (a: Values, b: Values) => FIELDS.every((f) => a[f] === b[f]);

function inputOf(v: Values): ScheduleInput {
  return {
    baseUrl: v.baseUrl.trim(), tokenUrl: v.tokenUrl.trim(), clientId: v.clientId.trim(), orgId: v.orgId.trim(), clientSecretEnv: v.clientSecretEnv.trim(),
    usernameEnv: v.usernameEnv.trim() || null, passwordEnv: v.passwordEnv.trim() || null, nightly: v.nightly, hour: v.hour,
    schools: v.schools.split(',').map((x) => x.trim()).filter((x) => x !== ''), pageSize: v.pageSize.trim() ? Number(v.pageSize.trim()) : null,
    timetable: v.timetable,
  };
}

/** The school's FINT connection (the secrets' variable names, never their values), the nightly sync, and "sync now". */
export function SchedulePage() {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(scheduleQuery);
  const uid = useId();
  const save = useSaveSchedule();
  const form = useFormErrors<FieldName>(FIELDS);
  const [saved, setSaved] = useState(() => valuesOf(data.fint));
  const [v, setV] = useState(saved);
  const [note, setNote] = useState('');
  const dirty = !same(v, saved);
  const set = <K extends keyof Values>(k: K, value: Values[K]) => { setNote(''); setV((old) => ({ ...old, [k]: value })); };
  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: Partial<Record<FieldName, string>> = Object.fromEntries(REQUIRED.filter((f) => !v[f].trim()).map((f) => [f, t('rosterImport.required')]));
    const pageSize = v.pageSize.trim();
    if (pageSize && !(/^\d+$/.test(pageSize) && Number(pageSize) >= 1 && Number(pageSize) <= 100_000)) missing.pageSize = t('rosterImport.settings.reading.pageSizeInvalid');
    if (!form.check(missing)) return;
    try {
      const answer = await save.mutateAsync(inputOf(v));
      const now = valuesOf(answer.fint);
      setSaved(now);
      setV(now);
      form.clear();
      setNote(t('rosterImport.schedule.saved'));
    } catch (err) {
      form.fromServer(err);
    }
  }
  const text = (f: TextField, opts: { help?: string; type?: 'text' | 'url'; label?: string; inputMode?: 'numeric' } = {}) => (
    <Textfield id={`${uid}-${f}`} label={opts.label ?? (t as (k: string) => string)(`rosterImport.schedule.${f}`)} description={opts.help} type={opts.type ?? 'text'} value={v[f]}
      onChange={(e) => set(f, e.target.value)} error={form.errors[f]} autoComplete="off" spellCheck={false} inputMode={opts.inputMode} />
  );
  return (
    <div className="stack narrow">
      <div>
        <AppLink to="/admin/import">{t('rosterImport.detail.back')}</AppLink>
        <PageHeading title={t('rosterImport.schedule.title')} />
        <AccessReason access={data.access} />
      </div>
      <Paragraph>{t('rosterImport.schedule.intro')}</Paragraph>
      {!data.fintAvailable && <Alert data-color="warning"><Paragraph>{t('rosterImport.schedule.unavailable')}</Paragraph></Alert>}
      <UnsavedGuard dirty={dirty} />
      <form onSubmit={submit} noValidate className="stack panel" aria-labelledby={`${uid}-h`}>
        <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('rosterImport.schedule.connection')}</Heading>
        <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} order={FIELDS} idFor={(f) => `${uid}-${f}`} />
        {text('baseUrl', { help: t('rosterImport.schedule.baseUrlHelp'), type: 'url' })}
        {text('tokenUrl', { help: t('rosterImport.schedule.tokenUrlHelp'), type: 'url' })}
        {text('clientId')}
        {text('orgId', { help: t('rosterImport.schedule.orgIdHelp') })}
        <Fieldset>
          <Fieldset.Legend>{t('rosterImport.schedule.secrets')}</Fieldset.Legend>
          <Fieldset.Description>{t('rosterImport.schedule.envHelp')}</Fieldset.Description>
          {text('clientSecretEnv')}
          {text('usernameEnv')}
          {text('passwordEnv')}
          {data.fint && !dirty && (
            <Paragraph data-size="sm" className={data.fint.secretsPresent ? 'status-message' : undefined}>
              {data.fint.secretsPresent ? t('rosterImport.schedule.secretsPresent') : t('rosterImport.schedule.secretsMissing')}
            </Paragraph>
          )}
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t('rosterImport.settings.reading.heading')}</Fieldset.Legend>
          <Fieldset.Description>{t('rosterImport.settings.reading.intro')}</Fieldset.Description>
          {text('schools', { label: t('rosterImport.settings.reading.schools'), help: t('rosterImport.settings.reading.schoolsHelp') })}
          {text('pageSize', { label: t('rosterImport.settings.reading.pageSize'), help: t('rosterImport.settings.reading.pageSizeHelp'), inputMode: 'numeric' })}
          <Switch id={`${uid}-timetable`} label={t('rosterImport.settings.reading.timetable')} description={t('rosterImport.settings.reading.timetableHelp')}
            checked={v.timetable} onChange={(e) => set('timetable', e.target.checked)} />
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t('rosterImport.schedule.nightlyHeading')}</Fieldset.Legend>
          <Fieldset.Description>{t('rosterImport.schedule.nightlyHelp')}</Fieldset.Description>
          <Switch id={`${uid}-nightly`} label={t('rosterImport.schedule.nightly')} checked={v.nightly} onChange={(e) => set('nightly', e.target.checked)} />
          <Field>
            <Label htmlFor={`${uid}-hour`}>{t('rosterImport.schedule.hour')}</Label>
            <Field.Description>{t('rosterImport.schedule.hourHelp')}</Field.Description>
            <Select id={`${uid}-hour`} value={String(v.hour)} onChange={(e) => set('hour', Number(e.target.value))}>
              {Array.from({ length: 24 }, (_, h) => (
                <Select.Option key={h} value={String(h)}>{t('rosterImport.schedule.hourOption', { hour: String(h).padStart(2, '0') })}</Select.Option>
              ))}
            </Select>
            {form.errors.hour && <ValidationMessage>{form.errors.hour}</ValidationMessage>}
          </Field>
        </Fieldset>
        <Paragraph role="status" data-size="sm" className="status-message">{note}</Paragraph>
        <div><Button type="submit" loading={save.isPending}>{t('rosterImport.schedule.save')}</Button></div>
      </form>
      <SyncNow canSync={data.fint !== null && !dirty} />
      <SubjectHours />
    </div>
  );
}

function SyncNow({ canSync }: { canSync: boolean }) {
  const { t } = useTranslation();
  const uid = useId();
  const sync = useSyncNow();
  return (
    <section aria-labelledby={`${uid}-h`} className="stack panel">
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('rosterImport.schedule.syncHeading')}</Heading>
      <Paragraph>{t('rosterImport.schedule.syncHelp')}</Paragraph>
      {!canSync && <Paragraph data-size="sm" id={`${uid}-why`}>{t('rosterImport.schedule.syncNeedsSave')}</Paragraph>}
      <div>
        <Button variant="secondary" loading={sync.isPending} aria-disabled={!canSync || undefined} aria-describedby={!canSync ? `${uid}-why` : undefined}
          onClick={() => { if (canSync) sync.mutate(); }}>
          {t('rosterImport.schedule.syncNow')}
        </Button>
      </div>
      <div role="status">
        {sync.data && (
          <Paragraph className="button-row">
            <span className="status-message">{t('rosterImport.schedule.syncStarted')}</span>
            <AppLink to="/admin/import/$importId" params={{ importId: sync.data.id }}>{t('rosterImport.schedule.openImport')}</AppLink>
          </Paragraph>
        )}
      </div>
      {sync.error && <ErrorAlert error={sync.error} />}
    </section>
  );
}
