import { Button, Details, Field, Heading, Label, List, Paragraph, Select, Tag, ValidationMessage } from '@digdir/designsystemet-react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../core/ui/ErrorAlert';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { Fact, Facts } from '../../core/ui/Facts';
import { PageHeading } from '../../core/ui/PageHeading';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';
import {
  caseQuery, staffQuery, useAddLogEntry, useAssign, useCarriedOut, useClose, useEscalate, useEvaluate, useSavePlan, type SchoolEnvironmentCase,
} from './api';
import { PlanForm } from './PlanForm';
import { StepForm } from './StepForm';

type Plan = NonNullable<SchoolEnvironmentCase['plan']>;

/** one school-environment case — the whole case to those handling it, the receipt to the reporter, the plan to the family. */
export function CasePage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data: c } = useSuspenseQuery(caseQuery(caseId));
  const title = c.view === 'receipt' ? 'schoolEnvironment.receiptTitle' : 'schoolEnvironment.caseTitle';
  return (
    <div className="stack">
      <PageHeading title={t(title, { name: c.student.name })} />
      <AccessReason access={c.access} />
      <Paragraph>
        {t('schoolEnvironment.reportedOn', { date: format.date(c.reportedOn) })}{' '}
        <Tag data-size="sm" data-color={c.status === 'open' ? 'warning' : 'neutral'}>{t(`schoolEnvironment.status.${c.status}`)}</Tag>
      </Paragraph>
      {c.view === 'receipt' && <Receipt c={c} />}
      {c.view === 'family' && <Family c={c} />}
      {c.view === 'staff' && <Staff c={c} today={c.today} />}
    </div>
  );
}

function CountyGovernor({ from }: { from: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="panel stack">
      <Paragraph>{t('schoolEnvironment.countyGovernor', { date: format.date(from) })}</Paragraph>
      <Paragraph data-size="sm">
        <a href="https://www.statsforvalteren.no/" rel="noreferrer" target="_blank">{t('schoolEnvironment.countyGovernorLink')}</a>
      </Paragraph>
    </div>
  );
}

function Receipt({ c }: { c: SchoolEnvironmentCase }) {
  const { t } = useTranslation();
  return (
    <>
      <Paragraph>{t('schoolEnvironment.receiptIntro')}</Paragraph>
      <ConcernFacts c={c} />
    </>
  );
}

function ConcernFacts({ c }: { c: SchoolEnvironmentCase }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Facts>
      {c.reportedBy && <Fact label={t('schoolEnvironment.reportedBy')}>{c.reportedBy}</Fact>}
      <Fact label={t('schoolEnvironment.concernLabel')}><span className="pre-line">{c.concern}</span></Fact>
      {c.concernsStaffMember && <Fact label={t('schoolEnvironment.concernsStaff')}>{c.concernsStaffMember}</Fact>}
      {c.leadershipInvolved && <Fact label={t('schoolEnvironment.concernsStaff')}>{t('schoolEnvironment.leadershipInvolved')}</Fact>}
      {c.escalatedToOwnerOn && <Fact label={t('schoolEnvironment.escalate')}>{t('schoolEnvironment.escalated', { date: format.date(c.escalatedToOwnerOn) })}</Fact>}
      {c.closedOn && <Fact label={t('schoolEnvironment.close')}>{t('schoolEnvironment.closedOn', { date: format.date(c.closedOn) })}</Fact>}
    </Facts>
  );
}

function Family({ c }: { c: SchoolEnvironmentCase }) {
  const { t } = useTranslation();
  return (
    <>
      <Paragraph>{t('schoolEnvironment.familyIntro')}</Paragraph>
      <CountyGovernor from={c.countyGovernorFrom} />
      {c.plan ? <PlanView plan={c.plan} /> : <Paragraph>{t('schoolEnvironment.familyNoPlan')}</Paragraph>}
    </>
  );
}

/** The plan's five parts, and per measure when it was carried out and evaluated (with the words, to staff). */
function PlanView({ plan, caseId, canWork, today }: { plan: Plan; caseId?: string; canWork?: boolean; today?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  return (
    <section aria-labelledby={id} className="panel stack">
      <Heading level={2} data-size="sm" id={id}>{t('schoolEnvironment.plan')} <span className="muted">({t('schoolEnvironment.planVersionShort', { version: plan.version })})</span></Heading>
      <Facts>
        <Fact label={t('schoolEnvironment.problem')}><span className="pre-line">{plan.problem}</span></Fact>
      </Facts>
      {plan.measures.map((m, i) => (
        <div key={m.id} className="stack">
          <Heading level={3} data-size="xs">{t('schoolEnvironment.measure', { n: i + 1 })}</Heading>
          <Facts>
            <Fact label={t('schoolEnvironment.description')}><span className="pre-line">{m.description}</span></Fact>
            <Fact label={t('schoolEnvironment.startsOn')}>{format.date(m.startsOn)}{m.endsOn ? ` – ${format.date(m.endsOn)}` : ''}</Fact>
            <Fact label={t('schoolEnvironment.responsible')}>{m.responsible}</Fact>
            <Fact label={t('schoolEnvironment.evaluateOn')}>{format.date(m.evaluateOn)}</Fact>
            {m.carriedOutOn.length > 0 && (
              <Fact label={t('schoolEnvironment.carriedOut')}>{m.carriedOutOn.map((d) => format.date(d)).join(', ')}</Fact>
            )}
            {m.evaluations.map((e, j) => (
              <Fact key={j} label={t('schoolEnvironment.evaluatedOn', { date: format.date(e.on) })}>{e.text ?? '✓'}</Fact>
            ))}
          </Facts>
          {canWork && caseId && today && <MeasureSteps caseId={caseId} measureId={m.id} today={today} />}
        </div>
      ))}
    </section>
  );
}

function MeasureSteps({ caseId, measureId, today }: { caseId: string; measureId: string; today: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'carriedOut' | 'evaluate' | null>(null);
  const carriedOut = useCarriedOut(caseId);
  const evaluate = useEvaluate(caseId);
  if (open === 'carriedOut') {
    return <StepForm label={t('schoolEnvironment.markCarriedOut')} textLabel={t('schoolEnvironment.note')} withDate textRequired={false} today={today}
      submitLabel={t('schoolEnvironment.saveCarriedOut')} onCancel={() => setOpen(null)}
      onSave={async (v) => { await carriedOut.mutateAsync({ measureId, on: v.on, text: v.text }); setOpen(null); }} />;
  }
  if (open === 'evaluate') {
    return <StepForm label={t('schoolEnvironment.markEvaluated')} textLabel={t('schoolEnvironment.evaluation')} withDate textRequired today={today}
      submitLabel={t('schoolEnvironment.saveEvaluation')} onCancel={() => setOpen(null)}
      onSave={async (v) => { await evaluate.mutateAsync({ measureId, on: v.on, text: v.text }); setOpen(null); }} />;
  }
  return (
    <div className="button-row">
      <Button type="button" variant="secondary" data-size="sm" onClick={() => setOpen('carriedOut')}>{t('schoolEnvironment.markCarriedOut')}</Button>
      <Button type="button" variant="secondary" data-size="sm" onClick={() => setOpen('evaluate')}>{t('schoolEnvironment.markEvaluated')}</Button>
    </div>
  );
}

function Staff({ c, today }: { c: SchoolEnvironmentCase; today: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState('');
  const save = useSavePlan(c.id);
  const addLog = useAddLogEntry(c.id);
  const escalate = useEscalate(c.id);
  const close = useClose(c.id);
  const canWork = c.can.investigate && c.status === 'open';
  const logId = useId();
  const planId = useId();
  return (
    <>
      <AppLink to="/students/$studentId" params={{ studentId: c.student.id }}>{c.student.name}</AppLink>
      <ConcernFacts c={c} />
      <CountyGovernor from={c.countyGovernorFrom} />
      <div role="status" className="status-message">{status}</div>
      {editing ? (
        <section aria-labelledby={planId} className="panel stack">
          <Heading level={2} data-size="sm" id={planId}>{t('schoolEnvironment.plan')}</Heading>
          <Paragraph data-size="sm">{t('schoolEnvironment.planIntro')}</Paragraph>
          <PlanForm plan={c.plan} onCancel={() => setEditing(false)} onSave={async (p) => {
            await save.mutateAsync(p);
            setEditing(false);
            setStatus(t('schoolEnvironment.planSaved'));
          }} />
        </section>
      ) : (
        <>
          {c.plan ? <PlanView plan={c.plan} caseId={c.id} canWork={canWork} today={today} /> : <Paragraph>{t('schoolEnvironment.noPlan')}</Paragraph>}
          {canWork && (
            <div className="button-row">
              <Button type="button" onClick={() => { setStatus(''); setEditing(true); }}>{t(c.plan ? 'schoolEnvironment.editPlan' : 'schoolEnvironment.writePlan')}</Button>
            </div>
          )}
        </>
      )}
      {c.earlierPlans.length > 0 && (
        <Details data-size="sm">
          <Details.Summary>{t('schoolEnvironment.earlierPlans')}</Details.Summary>
          <Details.Content>
            <List.Unordered>
              {c.earlierPlans.map((p) => (
                <List.Item key={p.version}>
                  {t('schoolEnvironment.planVersion', { version: p.version })}: {t('schoolEnvironment.savedBy', { date: format.date(p.savedAt), name: p.savedBy ?? '' })}
                  <Paragraph data-size="sm" className="pre-line">{p.problem}</Paragraph>
                  <List.Unordered>
                    {p.measures.map((m) => <List.Item key={m.id}>{m.description} ({m.responsible}, {format.date(m.startsOn)} → {format.date(m.evaluateOn)})</List.Item>)}
                  </List.Unordered>
                </List.Item>
              ))}
            </List.Unordered>
          </Details.Content>
        </Details>
      )}
      <Participants c={c} />
      <section aria-labelledby={logId} className="panel stack">
        <Heading level={2} data-size="sm" id={logId}>{t('schoolEnvironment.log')}</Heading>
        <Paragraph data-size="sm" className="muted">{t('schoolEnvironment.logIntro')}</Paragraph>
        <List.Ordered className="case-log">
          {c.log.map((e) => (
            <List.Item key={e.id}>
              <strong>{t(`schoolEnvironment.kind.${e.kind}`)}</strong>{e.planVersion ? ` (${t('schoolEnvironment.planVersionShort', { version: e.planVersion })})` : ''}
              {' – '}{format.date(e.occurredOn)}, {e.by}
              {e.text && <span className="pre-line"><br />{e.text}</span>}
            </List.Item>
          ))}
        </List.Ordered>
        {canWork && (
          <StepForm label={t('schoolEnvironment.addLogEntry')} textLabel={t('schoolEnvironment.logText')} withDate textRequired today={today}
            submitLabel={t('schoolEnvironment.saveLogEntry')} onSave={(v) => addLog.mutateAsync({ occurredOn: v.on, text: v.text })} />
        )}
      </section>
      {c.can.manage && c.status === 'open' && (
        <>
          {!c.escalatedToOwnerOn && (
            <Details data-size="sm">
              <Details.Summary>{t('schoolEnvironment.escalate')}</Details.Summary>
              <Details.Content>
                <Paragraph data-size="sm">{t('schoolEnvironment.escalateHelp')}</Paragraph>
                <StepForm label={t('schoolEnvironment.escalate')} textLabel={t('schoolEnvironment.escalateText')} withDate={false} textRequired today={today}
                  submitLabel={t('schoolEnvironment.escalate')} onSave={(v) => escalate.mutateAsync({ text: v.text })} />
              </Details.Content>
            </Details>
          )}
          <Details data-size="sm">
            <Details.Summary>{t('schoolEnvironment.close')}</Details.Summary>
            <Details.Content>
              <StepForm label={t('schoolEnvironment.close')} textLabel={t('schoolEnvironment.closeText')} withDate={false} textRequired today={today}
                submitLabel={t('schoolEnvironment.close')} onSave={(v) => close.mutateAsync({ text: v.text })} />
            </Details.Content>
          </Details>
        </>
      )}
    </>
  );
}

function Participants({ c }: { c: SchoolEnvironmentCase }) {
  const { t } = useTranslation();
  const id = useId();
  const staff = useQuery({ ...staffQuery, enabled: c.can.manage });
  const assign = useAssign(c.id);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState('');
  return (
    <section aria-labelledby={id} className="panel stack">
      <Heading level={2} data-size="sm" id={id}>{t('schoolEnvironment.participants')}</Heading>
      {c.participants.length === 0 ? <Paragraph data-size="sm">{t('schoolEnvironment.noParticipants')}</Paragraph> : (
        <List.Unordered>{c.participants.map((p) => <List.Item key={p.personId}>{p.name}</List.Item>)}</List.Unordered>
      )}
      {c.can.manage && c.status === 'open' && (
        <form className="button-row" noValidate aria-label={t('schoolEnvironment.assign')} onSubmit={(e) => {
          e.preventDefault();
          if (!chosen) return setError(t('measures.required'));
          assign.mutateAsync({ staffMemberId: chosen }).then(() => { setChosen(''); setError(''); })
            .catch((err: unknown) => setError(problemText(t, err)));
        }}>
          <UnsavedGuard dirty={chosen !== ''} />
          <Field>
            <Label htmlFor={`${id}-staff`}>{t('schoolEnvironment.assignLabel')}</Label>
            <Select id={`${id}-staff`} value={chosen} onChange={(e) => setChosen(e.target.value)} aria-invalid={!!error}>
              <Select.Option value="">{t('schoolEnvironment.assignChoose')}</Select.Option>
              {(staff.data?.staff ?? []).map((s) => <Select.Option key={s.staffMemberId} value={s.staffMemberId}>{s.name}</Select.Option>)}
            </Select>
            {error && <ValidationMessage>{error}</ValidationMessage>}
          </Field>
          <Button type="submit" variant="secondary" loading={assign.isPending}>{t('schoolEnvironment.assign')}</Button>
        </form>
      )}
    </section>
  );
}
