import { Alert, Button, Checkbox, Fieldset, Heading, List, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDay, useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { DateField } from '../../core/ui/DateField';
import { FormErrorSummary, useFormErrors, type Errors } from '../../core/ui/forms';
import { PageHeading } from '../../core/ui/PageHeading';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';
import {
  planQuery, useFinalise, useSavePart, useSavePlan, useSaveReport, useSaveSummary, type IndividualPlanView, type PlanPart, type PlanReport,
} from './api';
import { AutosavedText } from './AutosavedText';

/** L-40: the staff's working view of a student's IOP. */
export function PlanPage({ studentId, studentName }: { studentId: string; studentName: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(planQuery(studentId));
  const [editingDecision, setEditingDecision] = useState(false);
  const [status, setStatus] = useState('');

  return (
    <div className="stack">
      <PageHeading title={`${t('individualPlan.title')}: ${studentName}`} />
      <AccessReason access={data.access} />
      <Paragraph>{t('individualPlan.intro')}</Paragraph>
      <div role="status" className="status-message">{status}</div>
      <DecisionPanel
        data={data}
        editing={editingDecision || (data.canManage && !data.plan)}
        onEdit={() => setEditingDecision(true)}
        onDone={() => { setEditingDecision(false); setStatus(t('individualPlan.decisionSaved')); }}
        onCancel={() => setEditingDecision(false)}
        studentId={studentId}
      />
      {data.plan ? (
        <>
          <Heading level={2} data-size="sm">{t('individualPlan.planFor', { year: data.plan.schoolYearName })}</Heading>
          {data.plan.summary === null && <Paragraph data-size="sm" className="muted">{t('individualPlan.onlyYourSubjects')}</Paragraph>}
          {data.plan.parts.map((p) => <PartPanel key={p.subjectId} studentId={studentId} part={p} />)}
          {data.plan.summary !== null && data.canFinalise && (
            <FinalisePanel studentId={studentId} data={data} onFinalised={(r) => setStatus(t('individualPlan.finalised', { version: r.version }))} />
          )}
        </>
      ) : (
        !data.canManage && <Paragraph>{t('individualPlan.noPlan')}</Paragraph>
      )}
      <VersionList studentId={studentId} data={data} />
    </div>
  );
}

function DecisionPanel({ data, editing, onEdit, onDone, onCancel, studentId }: {
  data: IndividualPlanView; editing: boolean; onEdit: () => void; onDone: () => void; onCancel: () => void; studentId: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  if (!data.decision && !data.canManage) return null;
  return (
    <section aria-labelledby={headingId} className="panel stack">
      <Heading level={2} data-size="sm" id={headingId}>{t('individualPlan.decision')}</Heading>
      {data.canManage && editing ? (
        <DecisionForm data={data} studentId={studentId} onDone={onDone} onCancel={data.plan ? onCancel : undefined} />
      ) : data.decision ? (
        <>
          <Paragraph>{t('individualPlan.decisionLine', { date: format.date(data.decision.decidedOn), reference: data.decision.reference })}</Paragraph>
          <Paragraph>{t('individualPlan.subjects')}: {data.decision.subjects.map((s) => s.name).join(', ')}</Paragraph>
          {data.canManage && <div><Button variant="secondary" data-size="sm" onClick={onEdit}>{t('individualPlan.editDecision')}</Button></div>}
        </>
      ) : (
        <Paragraph>{t('individualPlan.noDecision')}</Paragraph>
      )}
    </section>
  );
}

const decisionFields = ['decidedOn', 'reference', 'subjectIds'] as const;
type DecisionField = (typeof decisionFields)[number];

function DecisionForm({ data, studentId, onDone, onCancel }: { data: IndividualPlanView; studentId: string; onDone: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const save = useSavePlan(studentId);
  const initial = {
    decidedOn: data.decision?.decidedOn ?? '', reference: data.decision?.reference ?? '',
    subjectIds: data.plan?.parts.map((p) => p.subjectId) ?? data.decision?.subjects.map((s) => s.id) ?? [],
  };
  const [values, setValues] = useState(initial);
  const [done, setDone] = useState(false);
  const form = useFormErrors(decisionFields);
  const dirty = !done && JSON.stringify(values) !== JSON.stringify(initial);

  function validate(): Errors<DecisionField> {
    const e: Errors<DecisionField> = {};
    if (!values.decidedOn) e.decidedOn = t('individualPlan.required');
    else if (!parseDay(values.decidedOn)) e.decidedOn = t('individualPlan.badDate');
    if (!values.reference.trim()) e.reference = t('individualPlan.required');
    if (values.subjectIds.length === 0) e.subjectIds = t('individualPlan.chooseSubject');
    return e;
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    if (!form.check(validate())) return;
    try {
      await save.mutateAsync({ decidedOn: values.decidedOn, reference: values.reference.trim(), subjectIds: values.subjectIds });
      setDone(true);
      onDone();
    } catch (err) {
      form.fromServer(err);
    }
  }

  const toggle = (id: string, on: boolean) =>
    setValues((v) => ({ ...v, subjectIds: on ? [...v.subjectIds, id] : v.subjectIds.filter((x) => x !== id) }));

  return (
    <form noValidate onSubmit={submit} className="stack" aria-label={t('individualPlan.recordDecision')}>
      <UnsavedGuard dirty={dirty} />
      <FormErrorSummary {...form} order={decisionFields} idFor={(f) => (f === 'subjectIds' ? `${uid}-subject-0` : `${uid}-${f}`)} />
      <div className="button-row">
        <DateField id={`${uid}-decidedOn`} type="date" label={t('individualPlan.decidedOn')} required value={values.decidedOn}
          error={form.errors.decidedOn} onChange={(e) => setValues((v) => ({ ...v, decidedOn: e.target.value }))} />
        <Textfield id={`${uid}-reference`} label={t('individualPlan.reference')} required value={values.reference}
          error={form.errors.reference} onChange={(e) => setValues((v) => ({ ...v, reference: e.target.value }))} />
      </div>
      <Fieldset>
        <Fieldset.Legend>{t('individualPlan.subjects')}</Fieldset.Legend>
        {data.studentSubjects.map((s, i) => (
          <Checkbox key={s.id} id={`${uid}-subject-${i}`} label={s.name} value={s.id} checked={values.subjectIds.includes(s.id)}
            onChange={(e) => toggle(s.id, e.target.checked)} aria-invalid={form.errors.subjectIds ? true : undefined} />
        ))}
        {form.errors.subjectIds && <ValidationMessage>{form.errors.subjectIds}</ValidationMessage>}
      </Fieldset>
      <div className="button-row">
        <Button type="submit" loading={save.isPending}>{t('individualPlan.saveDecision')}</Button>
        {onCancel && <Button type="button" variant="secondary" onClick={onCancel}>{t('common.cancel')}</Button>}
      </div>
    </form>
  );
}

/** A subject's part: the plan's three texts and the subject teacher's report, each saved as it is typed. */
function PartPanel({ studentId, part: p }: { studentId: string; part: PlanPart }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const savePart = useSavePart(studentId);
  const saveReport = useSaveReport(studentId);
  const planText = (field: 'goals' | 'content' | 'organisation') =>
    p.canEditPlan ? (
      <AutosavedText label={t(`individualPlan.${field}`)} saved={p[field]} rows={3}
        save={(value, keepalive) => savePart.mutateAsync({ subjectId: p.subjectId, body: { [field]: value }, keepalive })} />
    ) : (
      <div><Heading level={4} data-size="2xs">{t(`individualPlan.${field}`)}</Heading><Paragraph className="pre-wrap">{p[field]}</Paragraph></div>
    );

  return (
    <section aria-labelledby={headingId} className="panel stack">
      <Heading level={3} data-size="xs" id={headingId}>{p.subjectName}</Heading>
      {planText('goals')}
      {planText('content')}
      {planText('organisation')}
      {p.canReport ? (
        <AutosavedText label={t('individualPlan.report')} saved={p.report} rows={5}
          description={p.reportUpdatedAt && p.reportUpdatedByName ? t('individualPlan.reportBy', { name: p.reportUpdatedByName, date: format.date(p.reportUpdatedAt) }) : undefined}
          save={(value, keepalive) => saveReport.mutateAsync({ subjectId: p.subjectId, report: value, keepalive })} />
      ) : (
        <div>
          <Heading level={4} data-size="2xs">{t('individualPlan.report')}</Heading>
          <Paragraph className="pre-wrap">{p.report}</Paragraph>
          {p.reportUpdatedAt && p.reportUpdatedByName && (
            <Paragraph data-size="sm" className="muted">{t('individualPlan.reportBy', { name: p.reportUpdatedByName, date: format.date(p.reportUpdatedAt) })}</Paragraph>
          )}
        </div>
      )}
    </section>
  );
}

/** The contact teacher's summary, what is still missing, and the finalising that freezes a version. */
// unsaved-guard: its one field is a choice of period, nothing typed; the summary above saves as it is typed (AutosavedText, guarded there)
function FinalisePanel({ studentId, data, onFinalised }: { studentId: string; data: IndividualPlanView; onFinalised: (r: PlanReport) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const headingId = useId();
  const saveSummary = useSaveSummary(studentId);
  const finalise = useFinalise(studentId);
  const [period, setPeriod] = useState<PlanReport['period']>(data.periods[0]!);
  const form = useFormErrors(['period', 'reports', 'summary'] as const);
  const plan = data.plan!;

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    try {
      const r = await finalise.mutateAsync(period);
      form.clear();
      onFinalised(r);
    } catch (err) {
      form.fromServer(err);
    }
  }

  return (
    <section aria-labelledby={headingId} className="panel stack">
      <Heading level={2} data-size="sm" id={headingId}>{t('individualPlan.finaliseTitle')}</Heading>
      <AutosavedText label={t('individualPlan.summary')} saved={plan.summary ?? ''} rows={6}
        save={(value, keepalive) => saveSummary.mutateAsync({ summary: value, keepalive })} />
      <div className="stack">
        <Heading level={3} data-size="2xs">{t('individualPlan.missingTitle')}</Heading>
        {plan.missingReports.length === 0 ? (
          <Paragraph>{t('individualPlan.missingNone')}</Paragraph>
        ) : (
          <List.Unordered aria-label={t('individualPlan.missingTitle')}>
            {plan.missingReports.map((m) => <List.Item key={m.subjectId}>{m.subjectName}</List.Item>)}
          </List.Unordered>
        )}
      </div>
      <form noValidate onSubmit={submit} className="stack" aria-label={t('individualPlan.finaliseTitle')}>
        <FormErrorSummary {...form} order={['period', 'reports', 'summary']} idFor={(f) => (f === 'period' ? `${uid}-period-0` : `${uid}-submit`)} />
        {data.periods.length > 1 && (
          <Fieldset>
            <Fieldset.Legend>{t('individualPlan.period')}</Fieldset.Legend>
            {data.periods.map((p, i) => (
              <Radio key={p} id={`${uid}-period-${i}`} name={`${uid}-period`} label={t(`individualPlan.periods.${p}`)} value={p}
                checked={period === p} onChange={() => setPeriod(p)} />
            ))}
          </Fieldset>
        )}
        <Alert data-color="info" data-size="sm"><Paragraph data-size="sm">{t('individualPlan.finaliseHelp')}</Paragraph></Alert>
        <div><Button id={`${uid}-submit`} type="submit" loading={finalise.isPending}>{t('individualPlan.finalise')}</Button></div>
      </form>
    </section>
  );
}

function VersionList({ studentId, data }: { studentId: string; data: IndividualPlanView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="panel stack">
      <Heading level={2} data-size="sm" id={headingId}>{t('individualPlan.versions')}</Heading>
      {data.versions.length === 0 ? <Paragraph>{t('individualPlan.noVersions')}</Paragraph> : (
        <List.Unordered>
          {data.versions.map((v) => (
            <List.Item key={v.version}>
              <AppLink to="/students/$studentId/individual-plan/versions/$version" params={{ studentId, version: String(v.version) }}>
                {t('individualPlan.versionItem', { version: v.version, period: t(`individualPlan.periods.${v.period}`), year: v.schoolYearName })}
              </AppLink>{' '}
              <span className="muted">({t('individualPlan.versionMeta', { date: format.date(v.finalisedAt), name: v.finalisedByName })})</span>
            </List.Item>
          ))}
        </List.Unordered>
      )}
    </section>
  );
}
