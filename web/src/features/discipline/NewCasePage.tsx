import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import { PageHeading } from '../../core/ui/PageHeading';
import { useOpenCase } from './api';
import { DateField } from '../../core/ui/DateField';
import { UnsavedGuard, leaveAfterSave, useDirty } from '../../core/ui/UnsavedGuard';

const FIELDS = ['occurredOn', 'place', 'description', 'rule'] as const;
type F = (typeof FIELDS)[number];

/** R-23/L-30: any teacher of the student reports an incident against the school rules; it opens a case. */
export function NewCasePage({ studentId, today }: { studentId: string; today: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useOpenCase(studentId);
  const form = useFormErrors<F>(FIELDS);
  const [v, setV] = useState<Record<F, string>>({ occurredOn: today, place: '', description: '', rule: '' });
  const idFor = (f: F) => `new-case-${f}`;
  const set = (f: F) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [f]: e.target.value }));
  const [opened, setOpened] = useState(false);
  const { dirty } = useDirty(v);
  return (
    <div className="stack">
      <PageHeading title={t('discipline.newCase.title')} />
      <Paragraph>{t('discipline.newCase.intro')}</Paragraph>
      <form className="conduct-form" noValidate onSubmit={(e) => {
        e.preventDefault();
        const missing = Object.fromEntries(FIELDS.filter((f) => !v[f].trim()).map((f) => [f, t('discipline.newCase.required')])) as Partial<Record<F, string>>;
        if (!form.check(missing)) return;
        open.mutateAsync({ occurredOn: v.occurredOn, place: v.place.trim(), description: v.description.trim(), rule: v.rule.trim() })
          .then((c) => leaveAfterSave(() => setOpened(true), () => navigate({ to: '/disciplinary-cases/$caseId', params: { caseId: c.id } })))
          .catch((err: unknown) => form.fromServer(err));
      }}>
        <UnsavedGuard dirty={dirty && !opened && !open.isPending} />
        <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} order={FIELDS} idFor={idFor} />
        <DateField id={idFor('occurredOn')} label={t('discipline.newCase.occurredOn')} type="date" value={v.occurredOn} max={today} onChange={set('occurredOn')} error={form.errors.occurredOn} className="absence-day" />
        <Textfield id={idFor('place')} label={t('discipline.newCase.place')} value={v.place} onChange={set('place')} error={form.errors.place} />
        <Textfield id={idFor('description')} label={t('discipline.newCase.description')} multiline rows={4} value={v.description} onChange={set('description')} error={form.errors.description} />
        <Textfield id={idFor('rule')} label={t('discipline.newCase.rule')} value={v.rule} onChange={set('rule')} error={form.errors.rule} />
        <div><Button type="submit" loading={open.isPending} disabled={open.isPending}>{t('discipline.newCase.save')}</Button></div>
      </form>
    </div>
  );
}
