import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import { PageHeading } from '../../core/ui/PageHeading';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';
import { procedureQuery, useSaveProcedure, type Procedure } from './api';

type F = 'texts.nb' | 'texts.nn' | 'texts.en' | 'childWelfare.name' | 'childWelfare.phone' | 'childWelfare.email';
const ORDER: readonly F[] = ['texts.nb', 'texts.nn', 'texts.en', 'childWelfare.name', 'childWelfare.phone', 'childWelfare.email'];
interface Values { nb: string; nn: string; en: string; name: string; phone: string; email: string }

const valuesOf = (p: Procedure): Values => ({
  nb: p.texts?.nb ?? '', nn: p.texts?.nn ?? '', en: p.texts?.en ?? '',
  name: p.childWelfare.name, phone: p.childWelfare.phone, email: p.childWelfare.email,
});

/** the principal or school admin writes the school's own procedure per language and the child welfare contact. */
export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const uid = useId();
  const { data } = useSuspenseQuery(procedureQuery(i18n.language));
  const save = useSaveProcedure();
  const [saved, setSaved] = useState(() => valuesOf(data));
  const [v, setV] = useState(saved);
  const [status, setStatus] = useState('');
  const form = useFormErrors<F>(ORDER);
  const idFor = (f: F) => `${uid}-${f.replace('.', '-')}`;
  const set = (k: keyof Values) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setStatus('');
    const text = (s: string) => (s.trim() ? s.trim() : null);
    try {
      await save.mutateAsync({ texts: { nb: text(v.nb), nn: text(v.nn), en: text(v.en) }, childWelfare: { name: v.name.trim(), phone: v.phone.trim(), email: v.email.trim() } });
      form.clear();
      setSaved(v);
      setStatus(t('dutyToReport.saved'));
    } catch (err) {
      form.fromServer(err, { nb: 'texts.nb', nn: 'texts.nn', en: 'texts.en', name: 'childWelfare.name', phone: 'childWelfare.phone', email: 'childWelfare.email' });
    }
  }

  const textField = (k: 'nb' | 'nn' | 'en', label: string) => (
    <Textfield id={idFor(`texts.${k}`)} label={label} description={t('dutyToReport.useDefault')} multiline rows={8} value={v[k]}
      placeholder={data.defaults?.[k] ?? ''} error={form.errors[`texts.${k}`]} onChange={set(k)} />
  );

  return (
    <div className="stack">
      <PageHeading title={t('dutyToReport.settingsTitle')} />
      <Paragraph>{t('dutyToReport.settingsIntro')}</Paragraph>
      <form noValidate onSubmit={submit} className="stack panel" aria-label={t('dutyToReport.settingsTitle')}>
        <UnsavedGuard dirty={JSON.stringify(v) !== JSON.stringify(saved)} />
        <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} order={ORDER} idFor={idFor} />
        {textField('nb', t('dutyToReport.textNb'))}
        {textField('nn', t('dutyToReport.textNn'))}
        {textField('en', t('dutyToReport.textEn'))}
        <Textfield id={idFor('childWelfare.name')} label={`${t('dutyToReport.contact')}: ${t('dutyToReport.contactName')}`} value={v.name}
          error={form.errors['childWelfare.name']} onChange={set('name')} />
        <Textfield id={idFor('childWelfare.phone')} label={t('dutyToReport.phone')} type="tel" value={v.phone} error={form.errors['childWelfare.phone']} onChange={set('phone')} />
        <Textfield id={idFor('childWelfare.email')} label={t('dutyToReport.email')} type="email" value={v.email} error={form.errors['childWelfare.email']} onChange={set('email')} />
        <Paragraph role="status" data-size="sm" className="status-message">{status}</Paragraph>
        <div><Button type="submit" loading={save.isPending}>{t('dutyToReport.saveSettings')}</Button></div>
      </form>
    </div>
  );
}
