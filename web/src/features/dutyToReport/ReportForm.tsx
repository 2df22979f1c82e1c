import { Button, Field, Heading, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { todayIso, useFormat } from '../../core/format';
import { DateField } from '../../core/ui/DateField';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';
import { categories, useRecordReport, type ChildWelfareReportView } from './api';

const FIELDS = ['sentOn', 'category', 'note'] as const;
type F = (typeof FIELDS)[number];
type Category = (typeof categories)[number];

/** R-76 (L-41): the person records the report they sent; it is theirs and complete when saved — there is nothing to wait for. */
export function ReportForm({ studentId, today }: { studentId: string; today: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const uid = useId();
  const record = useRecordReport(studentId);
  const form = useFormErrors<F>(FIELDS);
  const [v, setV] = useState<{ sentOn: string; category: Category | ''; note: string }>({ sentOn: todayIso() < today ? todayIso() : today, category: '', note: '' });
  const [done, setDone] = useState<ChildWelfareReportView | null>(null);
  const idFor = (f: F) => `${uid}-${f}`;

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const e: Partial<Record<F, string>> = {};
    if (!v.sentOn) e.sentOn = t('dutyToReport.required');
    if (!v.category) e.category = t('dutyToReport.required');
    if (!form.check(e) || !v.category) return;
    try {
      const saved = await record.mutateAsync({ sentOn: v.sentOn, category: v.category, note: v.note.trim() });
      flushSync(() => setDone(saved));
    } catch (err) {
      form.fromServer(err);
    }
  }

  if (done) return <Paragraph role="status">{t('dutyToReport.recorded', { date: format.date(done.sentOn) })}</Paragraph>;

  return (
    <form noValidate onSubmit={submit} className="stack" aria-labelledby={`${uid}-h`}>
      <Heading level={3} data-size="xs" id={`${uid}-h`}>{t('dutyToReport.record')}</Heading>
      <Paragraph data-size="sm">{t('dutyToReport.recordIntro')}</Paragraph>
      <UnsavedGuard dirty={!done && (v.category !== '' || v.note.trim() !== '')} />
      <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} order={FIELDS} idFor={idFor} />
      <DateField id={idFor('sentOn')} type="date" label={t('dutyToReport.sentOn')} required max={today} value={v.sentOn} error={form.errors.sentOn}
        onChange={(e) => setV((x) => ({ ...x, sentOn: e.target.value }))} />
      <Field>
        <Label htmlFor={idFor('category')}>{t('dutyToReport.category')}</Label>
        <Select id={idFor('category')} value={v.category} aria-invalid={!!form.errors.category} required
          onChange={(e) => setV((x) => ({ ...x, category: e.target.value as Category | '' }))}>
          <Select.Option value="">{t('dutyToReport.choose')}</Select.Option>
          {categories.map((c) => <Select.Option key={c} value={c}>{t(`dutyToReport.categories.${c}`)}</Select.Option>)}
        </Select>
        {form.errors.category && <ValidationMessage>{form.errors.category}</ValidationMessage>}
      </Field>
      <Textfield id={idFor('note')} label={t('dutyToReport.note')} description={t('dutyToReport.noteHelp')} multiline rows={2} value={v.note}
        error={form.errors.note} onChange={(e) => setV((x) => ({ ...x, note: e.target.value }))} />
      <div className="button-row">
        <Button type="submit" loading={record.isPending}>{t('dutyToReport.save')}</Button>
      </div>
    </form>
  );
}
