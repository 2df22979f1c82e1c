import { Button, Field, Heading, Label, Paragraph, Select, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import { InlineConfirm } from '../../core/ui/InlineConfirm';
import { PageHeading } from '../../core/ui/PageHeading';
import { formName, levels, schoolFormsQuery, useCreateForm, useRetireForm, useUpdateForm, type Form, type FormInput, type SchoolForms } from './api';
import { useFocusAfterRender } from '../../core/ui/focus';
import { DateField } from '../../core/ui/DateField';
import { UnsavedGuard, changed, useDirty } from '../../core/ui/UnsavedGuard';

const editButtonId = (formId: string) => `form-edit-${formId}`;
const reinstateButtonId = (formId: string) => `form-reinstate-${formId}`;
const EDITOR_ID = 'form-editor';

/** The school's forms: what is tracked, for whom, by when, and how many are in; add and change them. */
export function SchoolFormsPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(schoolFormsQuery);
  const [editing, setEditing] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const retire = useRetireForm();
  const focusAfterRender = useFocusAfterRender();
  // after retiring or reinstating, the row has moved to the other list: the focus follows it there
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    const el = focusId ? document.getElementById(focusId) : null;
    if (el) { el.focus(); setFocusId(null); }
  }, [focusId, data]);
  async function setRetired(f: Form, retired: boolean) {
    setNote('');
    try {
      await retire.mutateAsync({ id: f.id, retired });
    } catch (err) {
      // the server's message is in the reader's language (e.g. the form was removed meanwhile)
      setNote(err instanceof Error ? err.message : String(err));
      return;
    }
    if (editing === f.id) setEditing(null);
    setNote(t(retired ? 'forms.school.retiredDone' : 'forms.school.reinstated', { name: formName(f, i18n.language) }));
    setFocusId(retired ? reinstateButtonId(f.id) : editButtonId(f.id));
  }
  const current = data.forms.find((f) => f.id === editing);
  const levelText = (level: string | null) => (level ? level.toUpperCase().replace('GRADE', '') : t('forms.level.all'));
  // the editor closes: the focus goes back to the row's button, not to the top of the page
  const close = (formId: string, message: string) => {
    setEditing(null);
    setNote(message);
    focusAfterRender(() => document.getElementById(editButtonId(formId)));
  };
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
                <Table.HeaderCell><span className="ds-sr-only">{t('forms.school.actions')}</span></Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.forms.map((f) => (
                <Table.Row key={f.id}>
                  <Table.HeaderCell scope="row">{formName(f, i18n.language)}</Table.HeaderCell>
                  <Table.Cell>{levelText(f.level)}</Table.Cell>
                  <Table.Cell>{format.date(f.dueOn)}</Table.Cell>
                  <Table.Cell>{t('forms.class.countsText', { done: f.counts.received + f.counts.checked, students: f.counts.students, checked: f.counts.checked })}</Table.Cell>
                  <Table.Cell>
                    <div className="button-row" data-size="sm">
                      <Button id={editButtonId(f.id)} variant="secondary" data-size="sm" aria-label={t('forms.school.editFor', { name: formName(f, i18n.language) })}
                        aria-expanded={editing === f.id} aria-controls={editing === f.id ? EDITOR_ID : undefined} onClick={() => { setNote(''); setEditing(f.id); }}>
                        {t('forms.school.edit')}
                      </Button>
                      <InlineConfirm ask={t('forms.school.retire')} askLabel={t('forms.school.retireFor', { name: formName(f, i18n.language) })}
                        question={t('forms.school.retireQuestion', { name: formName(f, i18n.language) })} yes={t('forms.school.retireYes')} no={t('forms.school.retireNo')}
                        pending={retire.isPending && retire.variables?.id === f.id} onYes={() => void setRetired(f, true)} />
                    </div>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <Paragraph role="status" data-size="sm">{note}</Paragraph>
      {current && (
        <EditForm key={current.id} form={current} onSaved={(saved) => close(saved.id, t('forms.school.updated', { name: formName(saved, i18n.language) }))}
          onCancel={() => close(current.id, '')} />
      )}
      {data.retired.length > 0 && (
        <RetiredForms forms={data.retired} levelText={levelText} pendingId={retire.isPending ? retire.variables?.id : undefined} onReinstate={(f) => void setRetired(f, false)} />
      )}
      <NewForm />
    </div>
  );
}

/** The forms the school stopped using, apart from those in use, with the figures recorded while they were. */
function RetiredForms({ forms, levelText, pendingId, onReinstate }: {
  forms: SchoolForms['retired']; levelText: (level: string | null) => string; pendingId: string | undefined; onReinstate: (f: Form) => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const uid = useId();
  return (
    <section aria-labelledby={`${uid}-h`} className="stack">
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('forms.school.retiredHeading')}</Heading>
      <Paragraph data-size="sm">{t('forms.school.retiredIntro')}</Paragraph>
      <div className="table-scroll" role="region" aria-labelledby={`${uid}-h`} tabIndex={0}>
        <Table>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('forms.class.form')}</Table.HeaderCell>
              <Table.HeaderCell>{t('forms.school.level')}</Table.HeaderCell>
              <Table.HeaderCell>{t('forms.school.retiredOn')}</Table.HeaderCell>
              <Table.HeaderCell>{t('forms.school.counts')}</Table.HeaderCell>
              <Table.HeaderCell><span className="ds-sr-only">{t('forms.school.actions')}</span></Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {forms.map((f) => (
              <Table.Row key={f.id}>
                <Table.HeaderCell scope="row">{formName(f, i18n.language)}</Table.HeaderCell>
                <Table.Cell>{levelText(f.level)}</Table.Cell>
                <Table.Cell>{format.date(f.retiredAt)}{f.retiredBy ? ` (${f.retiredBy})` : ''}</Table.Cell>
                <Table.Cell>{t('forms.class.countsText', { done: f.counts.received + f.counts.checked, students: f.counts.students, checked: f.counts.checked })}</Table.Cell>
                <Table.Cell>
                  <Button id={reinstateButtonId(f.id)} variant="secondary" data-size="sm" loading={pendingId === f.id}
                    aria-label={t('forms.school.reinstateFor', { name: formName(f, i18n.language) })} onClick={() => onReinstate(f)}>
                    {t('forms.school.reinstate')}
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}

type Field = 'nameNb' | 'nameNn' | 'level' | 'dueOn';
const FIELDS: Field[] = ['nameNb', 'nameNn', 'level', 'dueOn'];
/** The fields as typed: every one a string (an empty level: every student). */
type Values = Record<keyof FormInput, string>;
const EMPTY: Values = { nameNb: '', nameNn: '', level: '', dueOn: '' };

/** The checks the browser can make; the rest (a level the school does not have) comes back from the server. */
function useFormEditor(initial: Values) {
  const { t } = useTranslation();
  const [v, setV] = useState(initial);
  const form = useFormErrors<Field>(FIELDS);
  const input = (): FormInput | null => {
    const req = t('forms.required');
    if (!form.check({ ...(v.nameNb.trim() ? {} : { nameNb: req }), ...(v.nameNn.trim() ? {} : { nameNn: req }), ...(v.dueOn ? {} : { dueOn: req }) })) return null;
    // the select offers only `levels`; a level the school does not have comes back from the server
    return { nameNb: v.nameNb, nameNn: v.nameNn, level: (v.level || null) as FormInput['level'], dueOn: v.dueOn };
  };
  return { v, setV, form, input };
}

// unsaved-guard: fields of EditForm and NewForm, guarded there
function Fields({ uid, editor: { v, setV, form } }: { uid: string; editor: ReturnType<typeof useFormEditor> }) {
  const { t } = useTranslation();
  return (
    <>
      <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} order={FIELDS} idFor={(f) => `${uid}-${f}`} />
      <Textfield id={`${uid}-nameNb`} label={t('forms.school.nameNb')} value={v.nameNb} maxLength={200} onChange={(e) => setV({ ...v, nameNb: e.target.value })} error={form.errors.nameNb} />
      <Textfield id={`${uid}-nameNn`} label={t('forms.school.nameNn')} value={v.nameNn} maxLength={200} onChange={(e) => setV({ ...v, nameNn: e.target.value })} error={form.errors.nameNn} />
      <Field>
        <Label htmlFor={`${uid}-level`}>{t('forms.school.level')}</Label>
        <Select id={`${uid}-level`} value={v.level} onChange={(e) => setV({ ...v, level: e.target.value })}>
          <Select.Option value="">{t('forms.level.all')}</Select.Option>
          {levels.map((l) => <Select.Option key={l} value={l}>{l.toUpperCase().replace('GRADE', '')}</Select.Option>)}
        </Select>
        {form.errors.level && <ValidationMessage>{form.errors.level}</ValidationMessage>}
      </Field>
      <DateField id={`${uid}-dueOn`} label={t('forms.school.dueOn')} type="date" value={v.dueOn} onChange={(e) => setV({ ...v, dueOn: e.target.value })} error={form.errors.dueOn} />
    </>
  );
}

/** Changes one form; on a refusal the typed values stay in the fields and the table keeps what was saved. */
function EditForm({ form: saved, onSaved, onCancel }: { form: Form; onSaved: (f: Form) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const uid = useId();
  const update = useUpdateForm();
  const editor = useFormEditor({ nameNb: saved.nameNb, nameNn: saved.nameNn, level: saved.level ?? '', dueOn: saved.dueOn });
  const { dirty } = useDirty(editor.v);
  useEffect(() => { document.getElementById(`${uid}-nameNb`)?.focus(); }, [uid]);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = editor.input();
    if (!body) return;
    try {
      onSaved(await update.mutateAsync({ id: saved.id, ...body }));
    } catch (err) {
      editor.form.fromServer(err);
    }
  }
  return (
    <section id={EDITOR_ID} aria-labelledby={`${uid}-h`} className="stack panel">
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('forms.school.editHeading', { name: formName(saved, i18n.language) })}</Heading>
      <form onSubmit={submit} noValidate className="stack" aria-labelledby={`${uid}-h`}>
        <UnsavedGuard dirty={dirty && !update.isPending && !update.isSuccess} />
        <Fields uid={uid} editor={editor} />
        <div className="needs-actions">
          <Button type="submit" loading={update.isPending}>{t('forms.school.save')}</Button>
          <Button type="button" variant="secondary" onClick={onCancel}>{t('forms.school.cancel')}</Button>
        </div>
      </form>
    </section>
  );
}

function NewForm() {
  const { t } = useTranslation();
  const uid = useId();
  const create = useCreateForm();
  const editor = useFormEditor(EMPTY);
  const [done, setDone] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const body = editor.input();
    if (!body) return;
    try {
      await create.mutateAsync(body);
      editor.setV(EMPTY);
      editor.form.clear();
      setDone(true);
    } catch (err) {
      editor.form.fromServer(err);
    }
  }
  return (
    <section aria-labelledby={`${uid}-h`} className="stack panel">
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('forms.school.newHeading')}</Heading>
      <form onSubmit={submit} noValidate className="stack" aria-labelledby={`${uid}-h`}>
        <UnsavedGuard dirty={changed(editor.v, EMPTY) && !create.isPending} />
        <Fields uid={uid} editor={editor} />
        <Paragraph role="status" data-size="sm">{done ? t('forms.school.created') : ''}</Paragraph>
        <div><Button type="submit" loading={create.isPending}>{t('forms.school.create')}</Button></div>
      </form>
    </section>
  );
}
