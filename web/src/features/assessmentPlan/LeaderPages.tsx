import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Radio, Tag, Textfield } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import { InlineConfirm } from '../../core/ui/InlineConfirm';
import { PageHeading } from '../../core/ui/PageHeading';
import {
  MAXIMUM_MAX, MAXIMUM_MIN, checkSchoolEvent, hasMaximum, rulesQuery, schoolEventsQuery, useDeleteSchoolEvent, useSaveRules, useSaveSchoolEvent,
  type Entry, type RuleSetting, type Rules, type Saved,
} from './api';
import { EntryForm } from './EntryForm';
import { PlanList } from './PlanList';
import './assessmentPlan.css';
import { UnsavedGuard, useDirty } from '../../core/ui/UnsavedGuard';

/* ───────────── the school's conflict rules ───────────── */

const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase('nb') + s.slice(1);

/** The school's rules (R-42): every staff member reads them; the principal sets them. */
export function RulesPage() {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(rulesQuery());
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('assessmentPlan.rules.title')} />
        <AccessReason access={data.access} />
      </div>
      <Paragraph>{t('assessmentPlan.rules.intro')}</Paragraph>
      <section className="stack" aria-labelledby="ap-rules-now">
        <Heading level={2} data-size="sm" id="ap-rules-now">{t('assessmentPlan.rules.current')}</Heading>
        <ul className="ap-rules" data-testid="ap-rules-now">
          {data.rules.map((r) => (
            <li key={r.rule}>
              <Tag data-size="sm" data-color={!r.enabled ? 'neutral' : r.warningOnly ? 'warning' : 'danger'}>
                {!r.enabled ? t('assessmentPlan.rules.off') : r.warningOnly ? t('assessmentPlan.rules.warns') : t('assessmentPlan.rules.refuses')}
              </Tag>{' '}
              {upperFirst(r.description)}
            </li>
          ))}
        </ul>
      </section>
      {data.canManage ? <RulesForm data={data} /> : <Paragraph data-size="sm">{t('assessmentPlan.rules.readOnly')}</Paragraph>}
    </div>
  );
}

/** A rule as typed: the maximum is the field's text. */
type Draft = Omit<RuleSetting, 'maximum'> & { maximum: string };
const PARTS = ['enabled', 'maximum', 'warningOnly'] as const;

/** The typed number as the API wants it; what is not a number goes as null and the server names the field. */
function toSetting(d: Draft): RuleSetting {
  const typed = d.maximum.trim().replace(',', '.');
  const n = typed === '' ? null : Number(typed);
  return { rule: d.rule, enabled: d.enabled, maximum: hasMaximum(d.rule) ? (n === null || Number.isNaN(n) ? null : n) : null, warningOnly: d.warningOnly };
}

/** Each rule on/off, its maximum and whether a breach stops the save; the server's field errors per rule. */
function RulesForm({ data }: { data: Rules }) {
  const { t } = useTranslation();
  const uid = useId();
  const save = useSaveRules();
  const form = useFormErrors<string>((path) => /^rules\.\d+\.(enabled|maximum|warningOnly|rule)$/.test(path));
  const [drafts, setDrafts] = useState<Draft[]>(() => data.rules.map((r) => ({ rule: r.rule, enabled: r.enabled, maximum: r.maximum === null ? '' : String(r.maximum), warningOnly: r.warningOnly })));
  const [saved, setSaved] = useState(false);
  const [initial] = useState(drafts);
  const { dirty, markSaved } = useDirty(drafts, initial);
  const idFor = (f: string) => `${uid}-${f.replace(/\./g, '-')}`;
  const nameOf = (f: string) => {
    const d = drafts[Number(f.split('.')[1])];
    return d ? `${t(`assessmentPlan.rules.name.${d.rule}`)}: ` : '';
  };
  const order = drafts.flatMap((_, i) => [...PARTS.map((p) => `rules.${i}.${p}`), `rules.${i}.rule`]);
  const set = (i: number, change: Partial<Draft>) => {
    setSaved(false);
    setDrafts((ds) => ds.map((d, j) => (j === i ? { ...d, ...change } : d)));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    try {
      await save.mutateAsync(drafts.map(toSetting));
      markSaved();
      form.clear();
      setSaved(true);
    } catch (err) {
      // what was typed stays in the form; the rules in force above are the saved ones
      form.fromServer(err);
    }
  }

  return (
    <section className="stack" aria-labelledby={`${uid}-h`}>
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('assessmentPlan.rules.editHeading')}</Heading>
      <form onSubmit={submit} className="stack" noValidate aria-labelledby={`${uid}-h`}>
        <UnsavedGuard dirty={dirty && !save.isPending} />
        <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} order={order} idFor={idFor} where={nameOf} />
        {drafts.map((d, i) => (
          <Fieldset key={d.rule} className="ap-rule">
            <Fieldset.Legend>{t(`assessmentPlan.rules.name.${d.rule}`)}</Fieldset.Legend>
            <Checkbox id={idFor(`rules.${i}.enabled`)} label={t('assessmentPlan.rules.enabled')} checked={d.enabled}
              onChange={(e) => set(i, { enabled: e.target.checked })} />
            {hasMaximum(d.rule) && (
              <Textfield id={idFor(`rules.${i}.maximum`)} className="ap-rule__maximum" type="number" inputMode="numeric" min={MAXIMUM_MIN} max={MAXIMUM_MAX} step={1}
                label={t('assessmentPlan.rules.maximum')} value={d.maximum} onChange={(e) => set(i, { maximum: e.target.value })}
                error={form.errors[`rules.${i}.maximum`]} />
            )}
            <Fieldset data-size="sm">
              <Fieldset.Legend>{t('assessmentPlan.rules.whenBroken')}</Fieldset.Legend>
              <Radio id={idFor(`rules.${i}.warningOnly`)} name={`${uid}-${d.rule}-mode`} value="refuse" label={t('assessmentPlan.rules.refuse')}
                checked={!d.warningOnly} onChange={() => set(i, { warningOnly: false })} />
              <Radio name={`${uid}-${d.rule}-mode`} value="warn" label={t('assessmentPlan.rules.warn')}
                checked={d.warningOnly} onChange={() => set(i, { warningOnly: true })} />
            </Fieldset>
          </Fieldset>
        ))}
        <div role="status">
          {saved && <Alert data-color="success" data-size="sm">{t('assessmentPlan.rules.saved')}</Alert>}
        </div>
        <div>
          <Button type="submit" loading={save.isPending} disabled={save.isPending}>{t('assessmentPlan.rules.save')}</Button>
        </div>
      </form>
    </section>
  );
}

/* ───────────── events for a level or the whole school ───────────── */

/** The leaders plan, change and remove cultural events, full-day tests and trip days for a level or the whole school (R-42). */
export function SchoolEventsPage() {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(schoolEventsQuery());
  const save = useSaveSchoolEvent();
  const remove = useDeleteSchoolEvent();
  const [editing, setEditing] = useState<Entry | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  // the entry whose "Endre" button gets the focus back once the list shows it (a new date may move it to another week)
  const [returnTo, setReturnTo] = useState<string | null>(null);
  useEffect(() => {
    if (!returnTo) return;
    const frame = requestAnimationFrame(() => {
      // an event moved into the past has no buttons: the list's heading instead
      (editButtons.current.get(returnTo) ?? listHeading.current)?.focus();
      setReturnTo(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [returnTo, data]);
  const upcoming = data.entries.filter((e) => (e.endsOn ?? e.startsOn) >= data.today);
  const past = data.entries.filter((e) => (e.endsOn ?? e.startsOn) < data.today);
  const onRemove = (id: string, title: string) => remove.mutate(id, {
    onSuccess: () => {
      setStatus(t('assessmentPlan.events.removed', { title }));
      if (editing?.id === id) setEditing(null);
      // the removed entry's buttons are gone: keep the keyboard user in the list
      listHeading.current?.focus();
    },
  });
  const onEdit = (e: Entry) => {
    setStatus(null);
    setEditing(e);
  };
  const onDone = (saved?: Saved) => {
    if (!editing) return;
    if (saved) setStatus(saved.warnings.length ? t('assessmentPlan.events.changedWithWarnings', { title: saved.entry.title }) : t('assessmentPlan.events.changed', { title: saved.entry.title }));
    setReturnTo(editing.id);
    setEditing(null);
  };
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('assessmentPlan.events.title')} />
        <AccessReason access={data.access} />
      </div>
      <Paragraph>{t('assessmentPlan.events.intro')}</Paragraph>
      <Paragraph data-size="sm"><AppLink to="/assessment-plan/rules">{t('assessmentPlan.rules.link')}</AppLink></Paragraph>
      <EntryForm key={editing?.id ?? 'new'} editing={editing} focusOnEdit defaultKind="culturalEvent" intro={t('assessmentPlan.events.formIntro')} levels={data.levels}
        check={checkSchoolEvent} save={save} onDone={onDone} />
      <section className="stack" aria-labelledby="ap-events-h">
        <Heading level={2} data-size="sm" id="ap-events-h" ref={listHeading} tabIndex={-1}>{t('assessmentPlan.events.listHeading')}</Heading>
        <Paragraph role="status" data-size="sm">{status ?? ''}</Paragraph>
        {remove.isError && <ErrorAlert error={remove.error} />}
        <PlanList entries={upcoming} actions={(e) => (
          <>
            <Button type="button" variant="secondary" aria-label={t('assessmentPlan.list.editLabel', { title: e.title })} aria-expanded={editing?.id === e.id}
              ref={(el) => { if (el) editButtons.current.set(e.id, el); else editButtons.current.delete(e.id); }}
              onClick={() => onEdit(e)}>
              {t('assessmentPlan.list.edit')}
            </Button>
            <InlineConfirm ask={t('assessmentPlan.list.removeLabel', { title: e.title })} question={t('assessmentPlan.events.removeQuestion', { title: e.title })}
              yes={t('assessmentPlan.events.yes')} no={t('assessmentPlan.events.no')} danger
              pending={remove.isPending && remove.variables === e.id} onYes={() => onRemove(e.id, e.title)} />
          </>
        )} />
        {past.length > 0 && (
          <details className="ap-past">
            <summary>{t('assessmentPlan.list.past')}</summary>
            <PlanList entries={past} />
          </details>
        )}
      </section>
    </div>
  );
}
