import {
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../../core/auth/session';
import { useFocusAfterRender } from '../../../core/ui/focus';
import { FormErrorSummary, useFormErrors } from '../../../core/ui/forms';
import { PageHeading } from '../../../core/ui/PageHeading';
import { conversationKinds, type ConversationKind, type Plan, type PlanBody, type PlanWindow } from '../types';
import { planQuery, useSavePlan } from './api';
import { usePlanDates } from './dates';
import { kindLabel } from './labels';
import { isoWeek, newKey } from './util';
import { DateField } from '../../../core/ui/DateField';
import { UnsavedGuard, useDirty } from '../../../core/ui/UnsavedGuard';

/** A window as the form holds it: the server's window, with a key for the list. */
interface WindowValues extends Pick<PlanWindow, 'kind' | 'opensOn' | 'closesOn' | 'appliesTo'> {
  key: string;
}
interface Values {
  conversationsPerYear: string;
  windows: WindowValues[];
}
/** Field paths as the server names them: "conversationsPerYear", "windows.2.closesOn". */
type Errors = Partial<Record<string, string>>;

const toValues = (plan: Plan): Values => ({
  conversationsPerYear: String(plan.conversationsPerYear),
  windows: [...plan.windows]
    .sort((a, b) => a.opensOn.localeCompare(b.opensOn))
    .map((w) => ({ key: w.id, kind: w.kind, opensOn: w.opensOn, closesOn: w.closesOn, appliesTo: w.appliesTo })),
});

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

export function PlanSettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { data: plan } = useSuspenseQuery(planQuery);
  const canEdit = hasRole(me, 'principal', 'schoolAdmin');
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState('');
  const editButton = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useFocusAfterRender();

  return (
    <div className="stack">
      <div>
        <PageHeading title={t('conversations.plan.settings.title')} />
        <Paragraph className="muted">{t('conversations.plan.settings.subtitle', { year: plan.schoolYear.name })}</Paragraph>
      </div>
      <Paragraph>{t('conversations.plan.settings.intro')}</Paragraph>
      {!canEdit && <Paragraph className="muted">{t('conversations.plan.settings.readOnly')}</Paragraph>}
      <Paragraph role="status" className="status-message">
        {saved}
      </Paragraph>
      {editing ? (
        <PlanForm
          plan={plan}
          onDone={(didSave) => {
            setEditing(false);
            if (didSave) setSaved(t('conversations.plan.settings.saved'));
            focusAfterRender(() => editButton.current);
          }}
        />
      ) : (
        <>
          <PlanView plan={plan} />
          {canEdit && (
            <div className="button-row">
              <Button
                ref={editButton}
                onClick={() => {
                  setSaved('');
                  setEditing(true);
                }}
              >
                {t('conversations.plan.settings.edit')}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function PlanView({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const dates = usePlanDates();
  const captionId = useId();
  const windows = [...plan.windows].sort((a, b) => a.opensOn.localeCompare(b.opensOn));
  const labels = {
    kind: t('conversations.plan.settings.kind'),
    opens: t('conversations.plan.settings.opensOn'),
    closes: t('conversations.plan.settings.closesOn'),
    appliesTo: t('conversations.plan.settings.appliesTo'),
  };
  return (
    <div className="stack">
      <dl className="plan-target">
        <dt>{t('conversations.plan.settings.perYear')}</dt>
        <dd>{t('conversations.plan.settings.perYearValue', { count: plan.conversationsPerYear })}</dd>
      </dl>
      {windows.length === 0 ? (
        <Paragraph>{t('conversations.plan.settings.noWindows')}</Paragraph>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <Table border zebra data-color="neutral" className="plan-table">
            <caption id={captionId}>{t('conversations.plan.settings.windowsCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{labels.kind}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{labels.opens}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{labels.closes}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{labels.appliesTo}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {windows.map((w) => (
                <Table.Row key={w.id}>
                  <Table.HeaderCell scope="row" className="plan-table__name">
                    {kindLabel(t, w.kind)}
                  </Table.HeaderCell>
                  <Table.Cell data-label={labels.opens}>
                    {dates.long(w.opensOn)} <span className="muted">({t('conversations.plan.week', { week: w.opensWeek })})</span>
                  </Table.Cell>
                  <Table.Cell data-label={labels.closes}>
                    {dates.long(w.closesOn)} <span className="muted">({t('conversations.plan.week', { week: w.closesWeek })})</span>
                  </Table.Cell>
                  <Table.Cell data-label={labels.appliesTo}>{t(`conversations.plan.appliesTo.${w.appliesTo}`)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </div>
  );
}

function PlanForm({ plan, onDone }: { plan: Plan; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const save = useSavePlan();
  const [values, setValues] = useState<Values>(() => toValues(plan));
  const { dirty } = useDirty(values);
  const idOf = (path: string) => `${uid}-${path}`;
  const form = useFormErrors<string>((path) => Boolean(document.getElementById(idOf(path))));
  const { errors } = form;
  const [announce, setAnnounce] = useState('');

  const setWindow = (i: number, patch: Partial<WindowValues>) =>
    setValues((v) => ({ ...v, windows: v.windows.map((w, j) => (j === i ? { ...w, ...patch } : w)) }));

  function addWindow() {
    const start = plan.schoolYear.startsOn;
    setValues((v) => ({
      ...v,
      windows: [...v.windows, { key: newKey('s'), kind: 'student', opensOn: start, closesOn: start, appliesTo: 'all' }],
    }));
    const n = values.windows.length;
    setAnnounce(t('conversations.plan.settings.windowAdded', { n: n + 1 }));
    requestAnimationFrame(() => document.getElementById(idOf(`windows.${n}.kind`))?.focus());
  }

  function removeWindow(i: number) {
    setValues((v) => ({ ...v, windows: v.windows.filter((_, j) => j !== i) }));
    // Errors are keyed by position; after a removal they no longer fit.
    form.setErrors({});
    setAnnounce(t('conversations.plan.settings.windowRemoved', { n: i + 1 }));
    requestAnimationFrame(() => document.getElementById(`${uid}-add`)?.focus());
  }

  function validate(v: Values): Errors {
    const out: Errors = {};
    const n = Number(v.conversationsPerYear);
    if (!/^\d+$/.test(v.conversationsPerYear.trim()) || n < 0 || n > 20) out.conversationsPerYear = t('conversations.plan.settings.perYearInvalid');
    v.windows.forEach((w, i) => {
      if (!isDay(w.opensOn)) out[`windows.${i}.opensOn`] = t('conversations.plan.settings.dateRequired');
      if (!isDay(w.closesOn)) out[`windows.${i}.closesOn`] = t('conversations.plan.settings.dateRequired');
      else if (isDay(w.opensOn) && w.closesOn < w.opensOn) out[`windows.${i}.closesOn`] = t('conversations.plan.settings.closesBeforeOpens');
    });
    return out;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.check(validate(values))) return;
    const body: PlanBody = {
      conversationsPerYear: Number(values.conversationsPerYear),
      windows: values.windows.map(({ kind, opensOn, closesOn, appliesTo }) => ({ kind, opensOn, closesOn, appliesTo })),
    };
    try {
      await save.mutateAsync(body);
      onDone(true);
    } catch (err) {
      form.fromServer(err);
    }
  }

  const windowLabel = (i: number) => t('conversations.plan.settings.windowN', { n: i + 1 });

  return (
    <form noValidate onSubmit={submit} className="stack plan-form" aria-label={t('conversations.plan.settings.formLabel')}>
      <UnsavedGuard dirty={dirty && !save.isPending && !save.isSuccess} />
      <FormErrorSummary
        {...form}
        level={2}
        idFor={idOf}
        where={(path) => {
          const m = /^windows\.(\d+)\./.exec(path);
          return m ? `${windowLabel(Number(m[1]))}: ` : '';
        }}
      />

      <Textfield
        id={idOf('conversationsPerYear')}
        label={t('conversations.plan.settings.perYear')}
        description={t('conversations.plan.settings.perYearHelp')}
        type="number"
        inputMode="numeric"
        min={0}
        max={20}
        required
        value={values.conversationsPerYear}
        error={errors.conversationsPerYear}
        onChange={(e) => setValues((v) => ({ ...v, conversationsPerYear: e.target.value }))}
        className="plan-form__number"
      />

      <Heading level={2} data-size="xs">
        {t('conversations.plan.settings.windowsTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('conversations.plan.settings.windowsHelp')}</Paragraph>
      {values.windows.length === 0 && <Paragraph>{t('conversations.plan.settings.noWindows')}</Paragraph>}
      <ol className="plan-form__windows">
        {values.windows.map((w, i) => (
          <li key={w.key}>
            <Fieldset className="panel plan-form__window">
              <Fieldset.Legend>{windowLabel(i)}</Fieldset.Legend>
              <div className="plan-form__grid">
                <Field>
                  <Label htmlFor={idOf(`windows.${i}.kind`)}>{t('conversations.plan.settings.kind')}</Label>
                  <Select
                    id={idOf(`windows.${i}.kind`)}
                    value={w.kind}
                    aria-invalid={errors[`windows.${i}.kind`] ? true : undefined}
                    onChange={(e) => setWindow(i, { kind: e.target.value as ConversationKind })}
                  >
                    {conversationKinds.map((k) => (
                      <Select.Option key={k} value={k}>
                        {kindLabel(t, k)}
                      </Select.Option>
                    ))}
                  </Select>
                  {errors[`windows.${i}.kind`] && <ValidationMessage>{errors[`windows.${i}.kind`]}</ValidationMessage>}
                </Field>
                <DateWithWeek
                  id={idOf(`windows.${i}.opensOn`)}
                  label={t('conversations.plan.settings.opensOn')}
                  value={w.opensOn}
                  error={errors[`windows.${i}.opensOn`]}
                  onChange={(opensOn) => setWindow(i, { opensOn })}
                />
                <DateWithWeek
                  id={idOf(`windows.${i}.closesOn`)}
                  label={t('conversations.plan.settings.closesOn')}
                  value={w.closesOn}
                  error={errors[`windows.${i}.closesOn`]}
                  onChange={(closesOn) => setWindow(i, { closesOn })}
                />
                <Field>
                  <Label htmlFor={idOf(`windows.${i}.appliesTo`)}>{t('conversations.plan.settings.appliesTo')}</Label>
                  <Select
                    id={idOf(`windows.${i}.appliesTo`)}
                    value={w.appliesTo}
                    aria-invalid={errors[`windows.${i}.appliesTo`] ? true : undefined}
                    onChange={(e) => setWindow(i, { appliesTo: e.target.value as 'all' | 'under18' })}
                  >
                    <Select.Option value="all">{t('conversations.plan.appliesTo.all')}</Select.Option>
                    <Select.Option value="under18">{t('conversations.plan.appliesTo.under18')}</Select.Option>
                  </Select>
                  {errors[`windows.${i}.appliesTo`] && <ValidationMessage>{errors[`windows.${i}.appliesTo`]}</ValidationMessage>}
                </Field>
              </div>
              <div className="button-row">
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  data-color="danger"
                  onClick={() => removeWindow(i)}
                  aria-label={t('conversations.plan.settings.removeWindowLabel', { n: i + 1, kind: kindLabel(t, w.kind) })}
                >
                  {t('conversations.plan.settings.removeWindow')}
                </Button>
              </div>
            </Fieldset>
          </li>
        ))}
      </ol>
      <div>
        <Button type="button" variant="secondary" id={`${uid}-add`} onClick={addWindow}>
          {t('conversations.plan.settings.addWindow')}
        </Button>
      </div>
      <p role="status" className="ds-sr-only">
        {announce}
      </p>
      <div className="button-row">
        <Button type="submit" loading={save.isPending}>
          {t('conversations.plan.settings.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

// unsaved-guard: a field of PlanForm, guarded there
/** A date field with its ISO week beside it ("uke 34"): the school plans in weeks. */
function DateWithWeek({
  id,
  label,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error?: string;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  const week = isDay(value) ? isoWeek(value) : null;
  return (
    <DateField
      id={id}
      label={label}
      type="date"
      required
      value={value}
      error={error}
      description={week ? t('conversations.plan.week', { week }) : t('conversations.plan.settings.noWeek')}
      onChange={(e) => onChange(e.target.value)}
      className="plan-form__date"
    />
  );
}
