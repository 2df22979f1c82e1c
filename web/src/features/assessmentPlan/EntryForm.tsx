import { Alert, Button, Heading, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import { DESCRIPTION_MAX, TITLE_MAX, entryKinds, type CheckInput, type CheckResult, type Entry, type EntryInput, type EntryKind, type Saved } from './api';
import { ConflictList } from './PlanList';
import { DateField } from '../../core/ui/DateField';
import { UnsavedGuard, useDirty } from '../../core/ui/UnsavedGuard';

type Field = 'kind' | 'level' | 'title' | 'description' | 'startsOn' | 'endsOn';
/** The select offers only the server's levels; '' is the whole school. */
const levelOf = (l: string) => (l || null) as EntryInput['level'];
const FIELDS: readonly Field[] = ['kind', 'level', 'title', 'startsOn', 'endsOn', 'description'];

export interface EntryFormProps {
  editing: Entry | null;
  defaultKind: EntryKind;
  /** whom the entry is for, said above the form */
  intro: string;
  /** an event for a level or the whole school: the levels to choose from (absent on a group's page) */
  levels?: readonly string[];
  /** the live check of the page's target (a teaching group, a class, the school) */
  check: (body: CheckInput, signal: AbortSignal) => Promise<CheckResult>;
  save: { mutateAsync: (v: { id: string | null; body: EntryInput }) => Promise<Saved>; isPending: boolean };
  /** after a change is saved (with its status line) or cancelled; the page puts the focus back where the change began */
  onDone: (saved?: Saved) => void;
  /** when a change opens away from the button that asked for it: take the focus to the form's heading */
  focusOnEdit?: boolean;
}

/** Plan or change an entry; the school's rules are checked while typing. */
export function EntryForm({ editing, defaultKind, intro, levels, check, save, onDone, focusOnEdit = false }: EntryFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const uid = useId();
  const form = useFormErrors<Field>(FIELDS);
  const [kind, setKind] = useState<EntryKind>(editing?.kind ?? defaultKind);
  const [level, setLevel] = useState(editing?.level ?? '');
  const [title, setTitle] = useState(editing?.title ?? '');
  const [description, setDescription] = useState(editing?.description ?? '');
  const [startsOn, setStartsOn] = useState(editing?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(editing?.endsOn ?? '');
  const [live, setLive] = useState<CheckResult | null>(null);
  const [checking, setChecking] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const values = { kind, level, title, description, startsOn, endsOn };
  const [initial] = useState(values);
  const { dirty, markSaved } = useDirty(values, initial);
  const oneDay = kind === 'test' || kind === 'fullDayTest';
  const scoped = levels !== undefined;
  // the page hands a new function each render; the check runs on the form's values, not on that
  const checkRef = useRef(check);
  useEffect(() => { checkRef.current = check; });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focusOnEdit || !editing) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
    // only when the form opens for an entry (the page keys the form by it)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // the live check: a moment after the last change of kind, level or dates
  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startsOn)) { setLive(null); return; }
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      setChecking(true);
      checkRef.current({ kind, title, startsOn, endsOn: oneDay || !endsOn ? null : endsOn, entryId: editing?.id ?? null, ...(scoped ? { level: levelOf(level) } : {}) }, ctrl.signal)
        .then((r) => setLive(r))
        .catch(() => setLive(null))
        .finally(() => setChecking(false));
    }, 350);
    return () => { clearTimeout(timer); ctrl.abort(); };
    // the title does not change the rules; leave it out so typing it does not re-check
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, level, startsOn, endsOn, editing?.id, oneDay, scoped]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    const found: Partial<Record<Field, string>> = {};
    if (!title.trim()) found.title = t('assessmentPlan.form.titleRequired');
    if (!startsOn) found.startsOn = t('assessmentPlan.form.startsOnRequired');
    if (!form.check(found)) return;
    try {
      const body: EntryInput = { kind, title: title.trim(), description: description.trim(), startsOn, endsOn: oneDay || !endsOn ? null : endsOn, ...(scoped ? { level: levelOf(level) } : {}) };
      const res = await save.mutateAsync({ id: editing?.id ?? null, body });
      setSaved(res.warnings.length ? t('assessmentPlan.form.savedWithWarnings') : t('assessmentPlan.form.saved'));
      form.clear();
      setLive(null);
      if (editing) { markSaved(); onDone(res); }
      else { markSaved({ ...values, title: '', description: '', startsOn: '', endsOn: '' }); setTitle(''); setDescription(''); setStartsOn(''); setEndsOn(''); }
    } catch (err) {
      form.fromServer(err);
    }
  }

  return (
    <section aria-labelledby={`${uid}-h`} className="stack ap-form">
      <Heading level={2} data-size="sm" id={`${uid}-h`} ref={heading} tabIndex={editing && focusOnEdit ? -1 : undefined}>{editing ? t('assessmentPlan.form.editHeading', { title: editing.title }) : t('assessmentPlan.form.newHeading')}</Heading>
      <Paragraph data-size="sm">{intro}</Paragraph>
      <form onSubmit={submit} className="stack" noValidate aria-labelledby={`${uid}-h`}>
        <UnsavedGuard dirty={dirty && !save.isPending} />
        <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} order={FIELDS} idFor={(f) => `${uid}-${f}`} />
        <div className="ap-form__row">
          <div className="ap-field">
            <label htmlFor={`${uid}-kind`}>{t('assessmentPlan.form.kind')}</label>
            <Select id={`${uid}-kind`} value={kind} onChange={(e) => setKind(e.target.value as EntryKind)}>
              {entryKinds.map((k) => <Select.Option key={k} value={k}>{t(`assessmentPlan.kinds.${k}`)}</Select.Option>)}
            </Select>
          </div>
          {scoped && (
            <div className="ap-field">
              <label htmlFor={`${uid}-level`}>{t('assessmentPlan.events.forWhom')}</label>
              <Select id={`${uid}-level`} value={level} onChange={(e) => setLevel(e.target.value)}
                aria-invalid={form.errors.level ? true : undefined} aria-describedby={form.errors.level ? `${uid}-level-error` : undefined}>
                <Select.Option value="">{t('assessmentPlan.list.wholeSchool')}</Select.Option>
                {levels.map((l) => <Select.Option key={l} value={l}>{t('assessmentPlan.list.level', { level: format.level(l) })}</Select.Option>)}
              </Select>
              {form.errors.level && <ValidationMessage id={`${uid}-level-error`}>{form.errors.level}</ValidationMessage>}
            </div>
          )}
          <Textfield id={`${uid}-title`} label={t('assessmentPlan.form.titleLabel')} value={title} maxLength={TITLE_MAX}
            onChange={(e) => setTitle(e.target.value)} error={form.errors.title} />
        </div>
        <div className="ap-form__row">
          <DateField id={`${uid}-startsOn`} type="date" label={oneDay ? t('assessmentPlan.form.startsOn') : t('assessmentPlan.form.startsOnRange')}
            value={startsOn} onChange={(e) => setStartsOn(e.target.value)} error={form.errors.startsOn} />
          {!oneDay && (
            <DateField id={`${uid}-endsOn`} type="date" label={kind === 'project' ? t('assessmentPlan.form.dueOn') : t('assessmentPlan.form.endsOn')}
              value={endsOn} min={startsOn || undefined} onChange={(e) => setEndsOn(e.target.value)} error={form.errors.endsOn} />
          )}
        </div>
        <Textfield id={`${uid}-description`} label={t('assessmentPlan.form.description')} multiline rows={2} maxLength={DESCRIPTION_MAX}
          value={description} onChange={(e) => setDescription(e.target.value)} error={form.errors.description} />
        <LiveCheck live={live} checking={checking} />
        <Paragraph role="status" data-size="sm">{saved ?? ''}</Paragraph>
        <div className="ap-form__buttons">
          <Button type="submit" loading={save.isPending} disabled={save.isPending}>{t('assessmentPlan.form.save')}</Button>
          {editing && <Button type="button" variant="secondary" onClick={() => onDone()}>{t('assessmentPlan.form.cancel')}</Button>}
        </div>
      </form>
    </section>
  );
}

function LiveCheck({ live, checking }: { live: CheckResult | null; checking: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="ap-live" aria-live="polite" aria-atomic="true" data-testid="ap-live">
      {checking && !live && <Paragraph data-size="sm">{t('assessmentPlan.form.checking')}</Paragraph>}
      {live && (live.dateErrors.length > 0 || live.conflicts.length > 0 ? (
        <Alert data-color={live.blocked ? 'danger' : 'warning'} data-size="sm">
          <Heading level={3} data-size="2xs">{live.blocked ? t('assessmentPlan.form.liveBlocked') : t('assessmentPlan.form.liveHeading')}</Heading>
          {live.dateErrors.map((d) => <Paragraph key={d.field} data-size="sm">{d.message}</Paragraph>)}
          <ConflictList conflicts={live.conflicts} headingLevel={3} showNone={false} />
        </Alert>
      ) : (
        <Paragraph data-size="sm" className="ap-live__ok">{t('assessmentPlan.form.liveOk')}</Paragraph>
      ))}
    </div>
  );
}
