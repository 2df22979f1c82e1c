import { Button, Heading, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import { PageHeading } from '../../core/ui/PageHeading';
import { formName, levels, schoolFormsQuery, useCreateForm } from './api';

/** The school's forms: what is tracked, for whom, by when, and how many are in. */
export function SchoolFormsPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(schoolFormsQuery);
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('forms.school.title')} />
        <AccessReason access={data.access} />
      </div>
      <Paragraph>{t('forms.school.intro')}</Paragraph>
      {data.forms.length === 0 ? <Paragraph>{t('forms.school.none')}</Paragraph> : (
        <div className="table-scroll" role="region" aria-label={t('forms.school.title')} tabIndex={0}>
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('forms.class.form')}</Table.HeaderCell>
                <Table.HeaderCell>{t('forms.school.level')}</Table.HeaderCell>
                <Table.HeaderCell>{t('forms.school.dueOn')}</Table.HeaderCell>
                <Table.HeaderCell>{t('forms.school.counts')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.forms.map((f) => (
                <Table.Row key={f.id}>
                  <Table.HeaderCell scope="row">{formName(f, i18n.language)}</Table.HeaderCell>
                  <Table.Cell>{f.level ? f.level.toUpperCase().replace('GRADE', '') : t('forms.level.all')}</Table.Cell>
                  <Table.Cell>{format.date(f.dueOn)}</Table.Cell>
                  <Table.Cell>{t('forms.class.countsText', { done: f.counts.received + f.counts.checked, students: f.counts.students, checked: f.counts.checked })}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <NewForm />
    </div>
  );
}

type Field = 'nameNb' | 'nameNn' | 'level' | 'dueOn';
const FIELDS: Field[] = ['nameNb', 'nameNn', 'level', 'dueOn'];

function NewForm() {
  const { t } = useTranslation();
  const uid = useId();
  const create = useCreateForm();
  const [v, setV] = useState({ nameNb: '', nameNn: '', level: '', dueOn: '' });
  const [done, setDone] = useState(false);
  const form = useFormErrors<Field>(FIELDS);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const req = t('forms.required');
    if (!form.check({ ...(v.nameNb.trim() ? {} : { nameNb: req }), ...(v.nameNn.trim() ? {} : { nameNn: req }), ...(v.dueOn ? {} : { dueOn: req }) })) return;
    try {
      await create.mutateAsync({ nameNb: v.nameNb, nameNn: v.nameNn, level: v.level || null, dueOn: v.dueOn });
      setV({ nameNb: '', nameNn: '', level: '', dueOn: '' });
      form.clear();
      setDone(true);
    } catch (err) {
      form.fromServer(err);
    }
  }
  return (
    <section aria-labelledby={`${uid}-h`} className="stack panel">
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('forms.school.newHeading')}</Heading>
      <form onSubmit={submit} noValidate className="stack" aria-labelledby={`${uid}-h`}>
        <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} order={FIELDS} idFor={(f) => `${uid}-${f}`} />
        <Textfield id={`${uid}-nameNb`} label={t('forms.school.nameNb')} value={v.nameNb} maxLength={200} onChange={(e) => setV({ ...v, nameNb: e.target.value })} error={form.errors.nameNb} />
        <Textfield id={`${uid}-nameNn`} label={t('forms.school.nameNn')} value={v.nameNn} maxLength={200} onChange={(e) => setV({ ...v, nameNn: e.target.value })} error={form.errors.nameNn} />
        <div>
          <label htmlFor={`${uid}-level`}>{t('forms.school.level')}</label>
          <Select id={`${uid}-level`} value={v.level} onChange={(e) => setV({ ...v, level: e.target.value })}>
            <Select.Option value="">{t('forms.level.all')}</Select.Option>
            {levels.map((l) => <Select.Option key={l} value={l}>{l.toUpperCase().replace('GRADE', '')}</Select.Option>)}
          </Select>
        </div>
        <Textfield id={`${uid}-dueOn`} label={t('forms.school.dueOn')} type="date" value={v.dueOn} onChange={(e) => setV({ ...v, dueOn: e.target.value })} error={form.errors.dueOn} />
        <Paragraph role="status" data-size="sm">{done ? t('forms.school.created') : ''}</Paragraph>
        <div><Button type="submit" loading={create.isPending}>{t('forms.school.create')}</Button></div>
      </form>
    </section>
  );
}
