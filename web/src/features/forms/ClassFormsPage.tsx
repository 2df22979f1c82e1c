import { Button, Heading, Paragraph, Select, Table, Tag } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import { PageHeading } from '../../core/ui/PageHeading';
import { classFormsQuery, formName, formStatuses, useSetStatuses, type ClassForms, type FormStatus } from './api';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';

/**
 * The class's forms on one page: per form how many are in and who is missing, then a row per
 * student with a status list per form — Tab from list to list, arrow keys to choose, one save.
 */
export function ClassFormsPage({ basisGroupId }: { basisGroupId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(classFormsQuery(basisGroupId));
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('forms.class.title', { group: data.group.name })} />
        <AccessReason access={data.access} />
      </div>
      {data.forms.length === 0 ? <Paragraph>{t('forms.class.noForms')}</Paragraph> : (
        <>
          <section aria-labelledby="forms-summary" className="stack">
            <Heading level={2} data-size="sm" id="forms-summary">{t('forms.class.summary')}</Heading>
            <div className="table-scroll" role="region" aria-labelledby="forms-summary" tabIndex={0}>
              <Table>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('forms.class.form')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('forms.class.due')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('forms.class.counts')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('forms.class.missingStudents')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {data.forms.map((f) => (
                    <Table.Row key={f.id}>
                      <Table.HeaderCell scope="row">{formName(f, i18n.language)}</Table.HeaderCell>
                      <Table.Cell>{format.date(f.dueOn)}</Table.Cell>
                      <Table.Cell>{t('forms.class.countsText', { done: f.counts.received + f.counts.checked, students: f.counts.students, checked: f.counts.checked })}</Table.Cell>
                      <Table.Cell>
                        {f.missing.length === 0 ? t('forms.class.noneMissing') : (
                          <>
                            {data.today > f.dueOn && <Tag data-color="warning" data-size="sm">{t('forms.student.overdue')}</Tag>}{' '}
                            {f.missing.map((m) => `${m.givenName} ${m.familyName}`).join(', ')}
                          </>
                        )}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          </section>
          <StatusGrid data={data} />
        </>
      )}
    </div>
  );
}

type Field = `changes.${number}.${string}` | `changes.${number}`;

function StatusGrid({ data }: { data: ClassForms }) {
  const { t, i18n } = useTranslation();
  const uid = useId();
  const save = useSetStatuses(data.group.id);
  const [changes, setChanges] = useState<Record<string, FormStatus>>({});
  const [saved, setSaved] = useState('');
  const form = useFormErrors<Field>((f) => /^changes\.\d+/.test(f));
  const key = (formId: string, studentId: string) => `${formId}|${studentId}`;
  const list = Object.entries(changes).map(([k, status]) => { const [formId, studentId] = k.split('|') as [string, string]; return { formId, studentId, status }; });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved('');
    if (!form.check({}, list.length === 0 ? [t('forms.class.nothing')] : [])) return;
    try {
      await save.mutateAsync(list);
      setSaved(t('forms.class.saved', { count: list.length }));
      setChanges({});
      form.clear();
    } catch (err) {
      form.fromServer(err);
    }
  }
  const idFor = (f: Field) => {
    const i = Number(/^changes\.(\d+)/.exec(f)?.[1] ?? 0);
    const c = list[i];
    return c ? `${uid}-${c.formId}-${c.studentId}` : `${uid}-save`;
  };
  return (
    <section aria-labelledby={`${uid}-h`} className="stack">
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('forms.class.grid')}</Heading>
      {data.canSet && <Paragraph data-size="sm">{t('forms.class.intro')}</Paragraph>}
      <form onSubmit={submit} noValidate className="stack" aria-labelledby={`${uid}-h`}>
        <UnsavedGuard dirty={Object.keys(changes).length > 0 && !save.isPending} />
        <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} idFor={idFor} />
        <div className="table-scroll" role="region" aria-labelledby={`${uid}-h`} tabIndex={-1}>
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('forms.class.student')}</Table.HeaderCell>
                {data.forms.map((f) => <Table.HeaderCell key={f.id}>{formName(f, i18n.language)}</Table.HeaderCell>)}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.students.map((s) => {
                const name = `${s.givenName} ${s.familyName}`;
                return (
                  <Table.Row key={s.id}>
                    <Table.HeaderCell scope="row">{s.familyName}, {s.givenName}</Table.HeaderCell>
                    {data.forms.map((f) => {
                      const cell = s.cells.find((c) => c.formId === f.id);
                      if (!cell) return <Table.Cell key={f.id} className="muted">{t('forms.class.notApplicable')}</Table.Cell>;
                      const k = key(f.id, s.id);
                      const value = changes[k] ?? cell.status;
                      const label = t('forms.class.statusFor', { form: formName(f, i18n.language), name });
                      return (
                        <Table.Cell key={f.id} data-status={value}>
                          {data.canSet ? (
                            <>
                              <Select id={`${uid}-${f.id}-${s.id}`} aria-label={label} data-size="sm" value={value}
                                onChange={(e) => {
                                  const v = e.target.value as FormStatus;
                                  setSaved('');
                                  setChanges((c) => { const n = { ...c }; if (v === cell.status) delete n[k]; else n[k] = v; return n; });
                                }}>
                                {formStatuses.map((st) => <Select.Option key={st} value={st}>{t(`forms.status.${st}`)}</Select.Option>)}
                              </Select>
                              {changes[k] && <span className="ds-sr-only">{t('forms.class.changed')}</span>}
                            </>
                          ) : t(`forms.status.${value}`)}
                        </Table.Cell>
                      );
                    })}
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
        <Paragraph role="status" data-size="sm">{saved}</Paragraph>
        {data.canSet && (
          <div><Button id={`${uid}-save`} type="submit" loading={save.isPending}>{t('forms.class.save')}{list.length ? ` (${list.length})` : ''}</Button></div>
        )}
      </form>
    </section>
  );
}
