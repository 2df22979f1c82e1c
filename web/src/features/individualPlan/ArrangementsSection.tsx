import { Button, Checkbox, Fieldset, Heading, Paragraph, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../core/api/client';
import { parseDay, useFormat } from '../../core/format';
import { DateField } from '../../core/ui/DateField';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { Fact, Facts } from '../../core/ui/Facts';
import { FormErrorSummary, useFormErrors, type Errors } from '../../core/ui/forms';
import { Loading } from '../../core/ui/Loading';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';
import { arrangementsQuery, useAddArrangement, useEditArrangement, type AdaptedArrangement } from './api';

/** the student's adapted arrangements, for every teacher of the student; the contact teacher and the leaders record them. */
export function AdaptedArrangementsSection({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const q = useQuery({ ...arrangementsQuery(studentId), retry: false });
  const add = useAddArrangement(studentId);
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState('');
  const addButton = useRef<HTMLButtonElement>(null);

  // staff who do not teach the student are told nothing, not even that the section exists
  if (q.isError && isApiError(q.error) && (q.error.status === 403 || q.error.status === 404)) return null;
  const close = () => { setAdding(false); requestAnimationFrame(() => addButton.current?.focus()); };

  return (
    <section aria-labelledby={headingId} className="panel stack">
      <Heading level={2} data-size="sm" id={headingId}>{t('individualPlan.arrangements.title')}</Heading>
      <Paragraph data-size="sm" className="muted">{t('individualPlan.arrangements.intro')}</Paragraph>
      <div role="status" className="status-message">{status}</div>
      {q.isPending ? <Loading /> : q.isError ? <ErrorAlert error={q.error} /> : (
        <>
          {q.data.arrangements.length === 0 && <Paragraph>{t('individualPlan.arrangements.empty')}</Paragraph>}
          {q.data.arrangements.map((a) => (
            <ArrangementItem key={a.id} studentId={studentId} arrangement={a} canManage={q.data.canManage} onSaved={() => setStatus(t('individualPlan.arrangements.saved'))} />
          ))}
          {q.data.canManage && (adding ? (
            <ArrangementForm
              label={t('individualPlan.arrangements.add')}
              initial={{ ...EMPTY, agreedOn: q.data.today }}
              onCancel={close}
              onSubmit={async (v) => {
                await add.mutateAsync(toBody(v));
                setStatus(t('individualPlan.arrangements.saved'));
                close();
              }}
            />
          ) : (
            <div><Button ref={addButton} variant="secondary" onClick={() => { setStatus(''); setAdding(true); }}>{t('individualPlan.arrangements.add')}</Button></div>
          ))}
        </>
      )}
    </section>
  );
}

function ArrangementItem({ studentId, arrangement: a, canManage, onSaved }: { studentId: string; arrangement: AdaptedArrangement; canManage: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const edit = useEditArrangement(studentId);
  const [editing, setEditing] = useState(false);
  const who = [
    // the checkbox labels, inside a sentence
    a.agreedWithStudent ? t('individualPlan.arrangements.student').toLocaleLowerCase() : null,
    a.agreedWithGuardians ? t('individualPlan.arrangements.guardians').toLocaleLowerCase() : null,
    a.supportServices || null,
  ].filter(Boolean).join(', ');

  if (editing) {
    return (
      <ArrangementForm
        label={t('individualPlan.arrangements.editTitle')}
        initial={{
          adaptation: a.adaptation, workPlan: a.workPlan, agreedOn: a.agreedOn, agreedWithStudent: a.agreedWithStudent,
          agreedWithGuardians: a.agreedWithGuardians, supportServices: a.supportServices, endsOn: a.endsOn ?? '',
        }}
        onCancel={() => setEditing(false)}
        onSubmit={async (v) => {
          await edit.mutateAsync({ id: a.id, patch: toBody(v) });
          setEditing(false);
          onSaved();
        }}
      />
    );
  }
  return (
    <div className="stack adapted-arrangement">
      <div className="button-row">
        <Tag data-color={a.active ? 'info' : 'neutral'}>{a.active ? t('individualPlan.arrangements.active') : t('individualPlan.arrangements.ended')}</Tag>
        {a.endsOn && <span className="muted">{t('individualPlan.arrangements.until', { date: format.date(a.endsOn) })}</span>}
      </div>
      <Facts>
        <Fact label={t('individualPlan.arrangements.workPlan')}><span className="pre-wrap">{a.workPlan}</span></Fact>
        <Fact label={t('individualPlan.arrangements.adaptation')}><span className="pre-wrap">{a.adaptation}</span></Fact>
        <Fact label={t('individualPlan.arrangements.agreedWith')}>{t('individualPlan.arrangements.agreedLine', { date: format.date(a.agreedOn), who })}</Fact>
      </Facts>
      {canManage && <div><Button variant="tertiary" data-size="sm" onClick={() => setEditing(true)}>{t('individualPlan.arrangements.edit')}</Button></div>}
    </div>
  );
}

const fields = ['adaptation', 'workPlan', 'agreedOn', 'agreedWithStudent', 'supportServices', 'endsOn'] as const;
type Field = (typeof fields)[number];
interface Values { adaptation: string; workPlan: string; agreedOn: string; agreedWithStudent: boolean; agreedWithGuardians: boolean; supportServices: string; endsOn: string }
const EMPTY: Values = { adaptation: '', workPlan: '', agreedOn: '', agreedWithStudent: false, agreedWithGuardians: false, supportServices: '', endsOn: '' };

const toBody = (v: Values) => ({
  adaptation: v.adaptation.trim(), workPlan: v.workPlan.trim(), agreedOn: v.agreedOn, agreedWithStudent: v.agreedWithStudent,
  agreedWithGuardians: v.agreedWithGuardians, supportServices: v.supportServices.trim(), endsOn: v.endsOn || null,
});

function ArrangementForm({ label, initial, onSubmit, onCancel }: { label: string; initial: Values; onSubmit: (v: Values) => Promise<unknown>; onCancel: () => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const [values, setValues] = useState(initial);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useFormErrors(fields);
  const set = <K extends keyof Values>(f: K, v: Values[K]) => setValues((x) => ({ ...x, [f]: v }));

  function validate(): Errors<Field> {
    const e: Errors<Field> = {};
    if (!values.adaptation.trim()) e.adaptation = t('individualPlan.required');
    if (!values.workPlan.trim()) e.workPlan = t('individualPlan.required');
    if (!values.agreedOn) e.agreedOn = t('individualPlan.required');
    else if (!parseDay(values.agreedOn)) e.agreedOn = t('individualPlan.badDate');
    if (values.endsOn && !parseDay(values.endsOn)) e.endsOn = t('individualPlan.badDate');
    if (!values.agreedWithStudent && !values.agreedWithGuardians && !values.supportServices.trim()) e.agreedWithStudent = t('individualPlan.arrangements.nobodyAgreed');
    return e;
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    if (!form.check(validate())) return;
    setPending(true);
    try {
      await onSubmit(values);
      setSaved(true);
    } catch (err) {
      form.fromServer(err);
    } finally {
      setPending(false);
    }
  }

  return (
    <form noValidate onSubmit={submit} aria-label={label} className="stack">
      <UnsavedGuard dirty={!saved && JSON.stringify(values) !== JSON.stringify(initial)} />
      <FormErrorSummary {...form} order={fields} idFor={(f) => `${uid}-${f}`} />
      <Textfield id={`${uid}-adaptation`} label={t('individualPlan.arrangements.adaptation')} multiline rows={3} required value={values.adaptation}
        error={form.errors.adaptation} onChange={(e) => set('adaptation', e.target.value)} />
      <Textfield id={`${uid}-workPlan`} label={t('individualPlan.arrangements.workPlan')} description={t('individualPlan.arrangements.workPlanHelp')}
        multiline rows={2} required value={values.workPlan} error={form.errors.workPlan} onChange={(e) => set('workPlan', e.target.value)} />
      <DateField id={`${uid}-agreedOn`} type="date" label={t('individualPlan.arrangements.agreedOn')} required value={values.agreedOn}
        error={form.errors.agreedOn} onChange={(e) => set('agreedOn', e.target.value)} />
      <Fieldset>
        <Fieldset.Legend>{t('individualPlan.arrangements.agreedWith')}</Fieldset.Legend>
        <Checkbox id={`${uid}-agreedWithStudent`} label={t('individualPlan.arrangements.student')} checked={values.agreedWithStudent}
          aria-invalid={form.errors.agreedWithStudent ? true : undefined} onChange={(e) => set('agreedWithStudent', e.target.checked)} />
        <Checkbox id={`${uid}-agreedWithGuardians`} label={t('individualPlan.arrangements.guardians')} checked={values.agreedWithGuardians}
          onChange={(e) => set('agreedWithGuardians', e.target.checked)} />
        {form.errors.agreedWithStudent && <ValidationMessage>{form.errors.agreedWithStudent}</ValidationMessage>}
      </Fieldset>
      <Textfield id={`${uid}-supportServices`} label={t('individualPlan.arrangements.supportServices')} description={t('individualPlan.arrangements.supportServicesHelp')}
        value={values.supportServices} error={form.errors.supportServices} onChange={(e) => set('supportServices', e.target.value)} />
      <DateField id={`${uid}-endsOn`} type="date" label={t('individualPlan.arrangements.endsOn')} value={values.endsOn}
        error={form.errors.endsOn} onChange={(e) => set('endsOn', e.target.value)} />
      <div className="button-row">
        <Button type="submit" loading={pending}>{t('individualPlan.arrangements.save')}</Button>
        <Button type="button" variant="secondary" onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
