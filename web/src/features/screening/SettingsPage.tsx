import { Button, Paragraph, Select, Textfield, Fieldset } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../core/api/client';
import { AccessReason } from '../../core/ui/AccessReason';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { PageHeading } from '../../core/ui/PageHeading';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';
import { screeningTests, settingsQuery, useSaveSettings, type ScreeningTestName } from './api';

type Draft = Record<ScreeningTestName, { maxScore: string; concernThreshold: string; noticeDepartmentId: string }>;

/** the school's concern threshold per test, who receives the list, and the class-team meeting weeks. */
export function SettingsPage() {
  const { t } = useTranslation();
  const uid = useId();
  const { data } = useSuspenseQuery(settingsQuery());
  const save = useSaveSettings();
  const initial = (): Draft => Object.fromEntries(screeningTests.map((test) => {
    const s = data.tests.find((x) => x.test === test);
    return [test, { maxScore: String(s?.maxScore ?? ''), concernThreshold: String(s?.concernThreshold ?? ''), noticeDepartmentId: s?.noticeDepartmentId ?? '' }];
  })) as Draft;
  const [draft, setDraft] = useState<Draft>(initial);
  const [weeks, setWeeks] = useState(data.meetingWeeks.join(', '));
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  const [weeksError, setWeeksError] = useState<string | undefined>();
  const fieldErrors = save.error && isApiError(save.error) ? save.error.problem?.errors ?? [] : [];
  const errorFor = (field: string) => fieldErrors.find((e) => e.field === field)?.message;
  const set = (test: ScreeningTestName, key: keyof Draft[ScreeningTestName], value: string) => {
    setDraft((d) => ({ ...d, [test]: { ...d[test], [key]: value } }));
    setDirty(true);
    setSaved(false);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = weeks.split(/[,\s]+/).filter(Boolean).map(Number);
    if (parsed.length === 0 || parsed.some((w) => !Number.isInteger(w) || w < 1 || w > 53)) { setWeeksError(t('screening.settings.badWeeks')); return; }
    setWeeksError(undefined);
    const tests = screeningTests.filter((test) => draft[test].maxScore !== '' || draft[test].concernThreshold !== '').map((test) => ({
      test, maxScore: Number(draft[test].maxScore), concernThreshold: Number(draft[test].concernThreshold), noticeDepartmentId: draft[test].noticeDepartmentId || null,
    }));
    try {
      await save.mutateAsync({ tests, meetingWeeks: parsed });
      setDirty(false);
      setSaved(true);
    } catch { /* shown below */ }
  }

  return (
    <div className="stack">
      <div>
        <PageHeading title={t('screening.settings.title')} />
        <AccessReason access={data.access} />
      </div>
      <Paragraph>{t('screening.settings.intro')}</Paragraph>
      {!data.canConfigure && <Paragraph>{t('screening.settings.readOnly')}</Paragraph>}
      <UnsavedGuard dirty={dirty} />
      <form className="stack" onSubmit={submit} noValidate aria-labelledby={`${uid}-h`}>
        <span id={`${uid}-h`} className="ds-sr-only">{t('screening.settings.title')}</span>
        {screeningTests.map((test, i) => (
          <Fieldset key={test} disabled={!data.canConfigure}>
            <Fieldset.Legend>{t(`screening.tests.${test}`)}</Fieldset.Legend>
            <div className="screening-settings-row">
              <Textfield label={t('screening.settings.maxScore')} inputMode="numeric" value={draft[test].maxScore}
                onChange={(e) => set(test, 'maxScore', e.target.value)} error={errorFor(`tests.${i}.maxScore`)} />
              <Textfield label={t('screening.settings.threshold')} inputMode="numeric" value={draft[test].concernThreshold}
                onChange={(e) => set(test, 'concernThreshold', e.target.value)} error={errorFor(`tests.${i}.concernThreshold`)} />
              <div className="absence-field">
                <label htmlFor={`${uid}-${test}-dep`}>{t('screening.settings.department')}</label>
                <Select id={`${uid}-${test}-dep`} value={draft[test].noticeDepartmentId} onChange={(e) => set(test, 'noticeDepartmentId', e.target.value)}>
                  <Select.Option value="">{t('screening.settings.noDepartment')}</Select.Option>
                  {data.departments.map((d) => <Select.Option key={d.id} value={d.id}>{d.name}</Select.Option>)}
                </Select>
              </div>
            </div>
          </Fieldset>
        ))}
        <Textfield label={t('screening.settings.weeks')} description={t('screening.settings.weeksHint')} value={weeks} readOnly={!data.canConfigure}
          onChange={(e) => { setWeeks(e.target.value); setDirty(true); setSaved(false); }} error={weeksError ?? errorFor('meetingWeeks')} />
        {save.isError && fieldErrors.length === 0 && <ErrorAlert error={save.error} />}
        <Paragraph role="status" data-size="sm">{saved ? t('screening.settings.saved') : ''}</Paragraph>
        {data.canConfigure && <div><Button type="submit" loading={save.isPending}>{t('screening.settings.save')}</Button></div>}
      </form>
    </div>
  );
}
