import { Button, Checkbox, Heading, Paragraph, Radio, Fieldset, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../core/api/client';
import { parseDay, todayIso, useFormat } from '../../core/format';
import { AppLink } from '../../core/ui/AppLink';
import { DateField } from '../../core/ui/DateField';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { FormErrorSummary, useFormErrors, type Errors } from '../../core/ui/forms';
import { Loading } from '../../core/ui/Loading';
import { UnsavedGuard, leaveAfterSave } from '../../core/ui/UnsavedGuard';
import { studentCasesQuery, useRaiseCase, type CaseSummary, type CaseVisibility } from './api';

export const VISIBILITIES: readonly CaseVisibility[] = ['counsellorAndLeaders', 'participants', 'staff'];

/** the student's cases the reader may see, and raising a new one. Nothing at all for those who may not. */
export function CasesSection({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const q = useQuery(studentCasesQuery(studentId));
  const [raising, setRaising] = useState(false);
  const raiseButton = useRef<HTMLButtonElement>(null);

  if (q.isError && isApiError(q.error) && (q.error.status === 403 || q.error.status === 404)) return null;

  return (
    <section aria-labelledby={headingId} className="panel stack">
      <Heading level={2} data-size="sm" id={headingId}>{t('cases.title')}</Heading>
      <Paragraph data-size="sm" className="muted">{t('cases.intro')}</Paragraph>
      {q.isPending ? <Loading /> : q.isError ? <ErrorAlert error={q.error} /> : (
        <>
          {q.data.canRaise && (raising
            ? <RaiseCaseForm studentId={studentId} onCancel={() => { setRaising(false); requestAnimationFrame(() => raiseButton.current?.focus()); }} />
            : <div><Button ref={raiseButton} onClick={() => setRaising(true)}>{t('cases.raise')}</Button></div>)}
          {q.data.cases.length === 0 ? <Paragraph>{t('cases.empty')}</Paragraph> : (
            <ul className="log-list" aria-label={t('cases.list')}>
              {q.data.cases.map((c) => <CaseItem key={c.id} c={c} />)}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function CaseItem({ c }: { c: CaseSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li className="log-entry stack case-event">
      <AppLink to="/cases/$caseId" params={{ caseId: c.id }}>{c.title}</AppLink>
      <Paragraph data-size="sm" className="muted">{t('cases.meta', { date: format.date(c.raisedOn), by: c.raisedByName })}</Paragraph>
      <div className="button-row">
        <Tag data-color={c.status === 'closed' ? 'neutral' : 'info'}>{t(`cases.status.${c.status}`)}</Tag>
        {c.outcome && c.outcome !== 'closed' && <Tag data-color="neutral">{t(`cases.outcomes.${c.outcome}`)}</Tag>}
        {c.resourceTeamRegisteredAt && c.status === 'open' && <Tag data-color="warning">{t('cases.onResourceTeam')}</Tag>}
      </div>
    </li>
  );
}

const fields = ['title', 'background', 'raisedOn', 'visibility'] as const;
type Field = (typeof fields)[number];
interface Values { title: string; background: string; raisedOn: string; visibility: CaseVisibility; registerForResourceTeam: boolean }

/** A new case: what it is about, what prompted it, when, and who may read it; the typed text is kept until saved or left on purpose. */
function RaiseCaseForm({ studentId, onCancel }: { studentId: string; onCancel: () => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const navigate = useNavigate();
  const raise = useRaiseCase(studentId);
  const [initial] = useState<Values>(() => ({ title: '', background: '', raisedOn: todayIso(), visibility: 'counsellorAndLeaders', registerForResourceTeam: false }));
  const [values, setValues] = useState(initial);
  const [saved, setSaved] = useState(false);
  const form = useFormErrors(fields);
  const set = <K extends keyof Values>(f: K, v: Values[K]) => setValues((x) => ({ ...x, [f]: v }));

  function validate(): Errors<Field> {
    const e: Errors<Field> = {};
    if (!values.title.trim()) e.title = t('cases.required');
    if (!values.background.trim()) e.background = t('cases.required');
    if (!values.raisedOn) e.raisedOn = t('cases.required');
    else if (!parseDay(values.raisedOn)) e.raisedOn = t('cases.badDate');
    else if (values.raisedOn > todayIso()) e.raisedOn = t('cases.future');
    return e;
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    if (!form.check(validate())) return;
    try {
      const c = await raise.mutateAsync({ ...values, title: values.title.trim(), background: values.background.trim() });
      leaveAfterSave(() => setSaved(true), () => navigate({ to: '/cases/$caseId', params: { caseId: c.id } }));
    } catch (err) {
      form.fromServer(err);
    }
  }

  return (
    <form noValidate onSubmit={submit} aria-label={t('cases.raiseTitle')} className="stack">
      <UnsavedGuard dirty={!saved && JSON.stringify(values) !== JSON.stringify(initial)} />
      <Heading level={3} data-size="2xs">{t('cases.raiseTitle')}</Heading>
      <FormErrorSummary {...form} order={fields} idFor={(f) => (f === 'visibility' ? `${uid}-visibility-counsellorAndLeaders` : `${uid}-${f}`)} />
      <Textfield id={`${uid}-title`} label={t('cases.caseTitle')} required value={values.title} error={form.errors.title} onChange={(e) => set('title', e.target.value)} />
      <Textfield id={`${uid}-background`} label={t('cases.background')} description={t('cases.backgroundHelp')} multiline rows={4} required
        value={values.background} error={form.errors.background} onChange={(e) => set('background', e.target.value)} />
      <DateField id={`${uid}-raisedOn`} type="date" label={t('cases.raisedOn')} required value={values.raisedOn} error={form.errors.raisedOn}
        onChange={(e) => set('raisedOn', e.target.value)} />
      <VisibilityChoice uid={uid} value={values.visibility} onChange={(v) => set('visibility', v)} error={form.errors.visibility} />
      <Checkbox id={`${uid}-rt`} label={t('cases.registerForResourceTeam')} checked={values.registerForResourceTeam}
        onChange={(e) => set('registerForResourceTeam', e.target.checked)} />
      <div className="button-row">
        <Button type="submit" loading={raise.isPending}>{t('cases.save')}</Button>
        <Button type="button" variant="secondary" onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}

// unsaved-guard: a field of the forms that render it (raising a case, the case's access), guarded there
export function VisibilityChoice({ uid, value, onChange, error }: { uid: string; value: CaseVisibility; onChange: (v: CaseVisibility) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <Fieldset>
      <Fieldset.Legend>{t('cases.visibility')}</Fieldset.Legend>
      <Fieldset.Description>{t('cases.visibilityNote')}</Fieldset.Description>
      {VISIBILITIES.map((v) => (
        <Radio key={v} id={`${uid}-visibility-${v}`} name={`${uid}-visibility`} value={v} label={t(`cases.visibilities.${v}`)} checked={value === v}
          onChange={() => onChange(v)} aria-invalid={error ? true : undefined} />
      ))}
    </Fieldset>
  );
}
