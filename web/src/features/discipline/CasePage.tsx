import { Checkbox, Field, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { PageHeading } from '../../core/ui/PageHeading';
import {
  caseQuery, measureKinds, useCaseWrite, type AppealOutcome, type DisciplinaryCase, type HearingBody, type IncidentBody, type MeasureBody,
  type ParentsInformedBody, type PhysicalInterventionBody, type RemovalBody, type Scope, type SuspensionAppealBody, type SuspensionDecisionBody,
  type SuspensionNoticeBody,
} from './api';
import { FoldedForm } from './parts';
import { DateField } from '../../core/ui/DateField';

type C = DisciplinaryCase;
/** the measure form: one of the kinds it offers, the flags always set */
type MeasureDraft = Required<Pick<MeasureBody, 'description' | 'decidedOn' | 'singleIncident' | 'addressedToFamily'>> & { kind: (typeof measureKinds)[number] };

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="stack conduct-student">
      <Heading level={2} data-size="sm" id={id}>{title}</Heading>
      {children}
    </section>
  );
}

/** one disciplinary case — incidents, hearing, measures, suspension (L-31), physical interventions (L-32). */
export function CasePage({ caseId, today }: { caseId: string; today: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data: c } = useSuspenseQuery(caseQuery(caseId));
  const name = `${c.student.givenName} ${c.student.familyName}`;
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('discipline.case.title', { name })} />
        <Paragraph className="muted">
          {[c.student.className, t(`discipline.stage.${c.student.stage}`), c.reportedBy ? t('discipline.case.meta', { date: format.date(c.openedAt), by: c.reportedBy }) : format.date(c.openedAt)]
            .filter(Boolean).join(' · ')}
        </Paragraph>
        <AccessReason access={c.access} />
      </div>
      {c.view === 'family' && <Paragraph>{t('discipline.case.familyIntro')}</Paragraph>}
      {c.view === 'staff' && <Incidents c={c} today={today} />}
      {c.view === 'staff' && <Hearings c={c} today={today} />}
      {(c.view === 'staff' || c.measures.some((m) => m.kind !== 'suspension')) && <Measures c={c} today={today} />}
      {(c.suspension || c.can.suspend) && <SuspensionSection c={c} today={today} />}
      {(c.interventions.length > 0 || c.can.reportIntervention) && <Interventions c={c} today={today} />}
    </div>
  );
}

function Incidents({ c, today }: { c: C; today: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const add = useCaseWrite<IncidentBody>(c.id, '/incidents', 'POST');
  const [v, setV] = useState({ occurredOn: today, place: '', description: '', rule: '' });
  return (
    <Section title={t('discipline.case.incidents')}>
      <ul className="conduct-list">
        {c.incidents.map((i) => (
          <li key={i.id}>
            <strong>{t('discipline.case.incidentLine', { date: format.date(i.occurredOn), place: i.place, rule: i.rule })}</strong>
            <br />{i.description} <span className="muted">({t('discipline.case.reportedBy', { by: i.reportedBy })})</span>
          </li>
        ))}
      </ul>
      {c.can.update && (
        <FoldedForm dirtyFrom={v} summary={t('discipline.case.addIncident')} submitLabel={t('discipline.case.save')} submit={() => add.mutateAsync(v)}>
          <DateField label={t('discipline.newCase.occurredOn')} type="date" value={v.occurredOn} onChange={(e) => setV({ ...v, occurredOn: e.target.value })} className="absence-day" />
          <Textfield label={t('discipline.newCase.place')} value={v.place} onChange={(e) => setV({ ...v, place: e.target.value })} />
          <Textfield label={t('discipline.newCase.description')} multiline rows={3} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} />
          <Textfield label={t('discipline.newCase.rule')} value={v.rule} onChange={(e) => setV({ ...v, rule: e.target.value })} />
        </FoldedForm>
      )}
    </Section>
  );
}

function Hearings({ c, today }: { c: C; today: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const add = useCaseWrite<HearingBody>(c.id, '/hearings', 'POST');
  const [v, setV] = useState({ heardOn: today, studentView: '' });
  return (
    <Section title={t('discipline.case.hearings')}>
      {c.hearings.length === 0 ? <Paragraph data-size="sm">{t('discipline.case.none')}</Paragraph> : (
        <ul className="conduct-list">
          {c.hearings.map((h) => <li key={h.id}><strong>{t('discipline.case.hearingLine', { date: format.date(h.heardOn), by: h.heardBy })}</strong><br />{h.studentView}</li>)}
        </ul>
      )}
      {c.can.update && (
        <FoldedForm dirtyFrom={v} summary={t('discipline.case.addHearing')} submitLabel={t('discipline.case.save')} submit={() => add.mutateAsync(v)}>
          <DateField label={t('discipline.case.heardOn')} type="date" value={v.heardOn} onChange={(e) => setV({ ...v, heardOn: e.target.value })} className="absence-day" />
          <Textfield label={t('discipline.case.studentView')} multiline rows={3} value={v.studentView} onChange={(e) => setV({ ...v, studentView: e.target.value })} />
        </FoldedForm>
      )}
    </Section>
  );
}

function Measures({ c, today }: { c: C; today: string }) {
  const { t } = useTranslation();
  // the family reads the suspension in its own section below
  const measures = c.view === 'family' ? c.measures.filter((m) => m.kind !== 'suspension') : c.measures;
  const format = useFormat();
  const add = useCaseWrite<MeasureBody>(c.id, '/measures', 'POST');
  const removal = useCaseWrite<RemovalBody>(c.id, '/removals', 'POST');
  const [v, setV] = useState<MeasureDraft>({ kind: 'conversation', description: '', decidedOn: today, singleIncident: false, addressedToFamily: false });
  const [r, setR] = useState({ teachingGroupId: c.ownGroups[0]?.id ?? '', on: today, minutes: '45', description: '' });
  return (
    <Section title={t('discipline.case.measures')}>
      {measures.length === 0 ? <Paragraph data-size="sm">{t('discipline.case.none')}</Paragraph> : (
        <ul className="conduct-list">
          {measures.map((m) => (
            <li key={m.id}>
              <strong>{t('discipline.case.measureLine', { date: format.date(m.decidedOn), kind: t(`discipline.kind.${m.kind}`), by: m.decidedBy })}</strong>
              <br />{m.description}
              {m.minutes !== null && <> · {t('discipline.case.minutes', { count: m.minutes, group: m.groupName ?? '' })}</>}
              {c.view === 'staff' && (m.singleIncident || m.addressedToFamily) && (
                <span className="muted"> ({[m.singleIncident && t('discipline.case.singleIncident'), m.addressedToFamily && t('discipline.case.toFamily')].filter(Boolean).join(', ')})</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {c.can.update && (
        <FoldedForm dirtyFrom={v} summary={t('discipline.case.addMeasure')} submitLabel={t('discipline.case.save')} submit={() => add.mutateAsync(v)}>
          <Field>
            <Label>{t('discipline.case.kindLabel')}</Label>
            <Select width="auto" value={v.kind} onChange={(e) => setV({ ...v, kind: e.target.value as MeasureDraft['kind'] })}>
              {measureKinds.map((k) => <Select.Option key={k} value={k}>{t(`discipline.kind.${k}`)}</Select.Option>)}
            </Select>
          </Field>
          <Textfield label={t('discipline.case.description')} multiline rows={2} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} />
          <DateField label={t('discipline.case.decidedOn')} type="date" value={v.decidedOn} onChange={(e) => setV({ ...v, decidedOn: e.target.value })} className="absence-day" />
          <Checkbox label={t('discipline.case.singleIncidentLabel')} checked={v.singleIncident} onChange={(e) => setV({ ...v, singleIncident: e.target.checked })} />
          <Checkbox label={t('discipline.case.toFamilyLabel')} checked={v.addressedToFamily} onChange={(e) => setV({ ...v, addressedToFamily: e.target.checked })} />
        </FoldedForm>
      )}
      {c.can.removeFromLesson && c.ownGroups.length > 0 && (
        <FoldedForm dirtyFrom={r} summary={t('discipline.case.removal')} submitLabel={t('discipline.case.save')}
          submit={() => removal.mutateAsync({ ...r, minutes: Number(r.minutes) })}>
          <Field>
            <Label>{t('discipline.case.removalGroup')}</Label>
            <Select width="auto" value={r.teachingGroupId} onChange={(e) => setR({ ...r, teachingGroupId: e.target.value })}>
              {c.ownGroups.map((g) => <Select.Option key={g.id} value={g.id}>{g.name}</Select.Option>)}
            </Select>
          </Field>
          <DateField label={t('discipline.case.removalOn')} type="date" value={r.on} onChange={(e) => setR({ ...r, on: e.target.value })} className="absence-day" />
          <Textfield label={t('discipline.case.removalMinutes')} type="number" min={1} max={120} value={r.minutes} onChange={(e) => setR({ ...r, minutes: e.target.value })} className="absence-day" />
          <Textfield label={t('discipline.case.description')} value={r.description} onChange={(e) => setR({ ...r, description: e.target.value })} />
        </FoldedForm>
      )}
    </Section>
  );
}

function SuspensionSection({ c, today }: { c: C; today: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const s = c.suspension;
  const notice = useCaseWrite<SuspensionNoticeBody>(c.id, '/suspension/notice', 'PUT');
  const decide = useCaseWrite<SuspensionDecisionBody>(c.id, '/suspension/decision', 'PUT');
  const appeal = useCaseWrite<SuspensionAppealBody>(c.id, '/suspension/appeal', 'PUT');
  const [noticeOn, setNoticeOn] = useState(today);
  const [d, setD] = useState({ decidedOn: today, scope: (c.student.stage === 'primary' ? 'restOfDay' : 'days') as Scope, days: '1', lessons: '1', startsOn: today,
    reasons: '', milderMeasures: '', notifiedOn: today, guardiansToldOn: '', singleIncident: false });
  const [a, setA] = useState({ receivedOn: today, outcome: '' as AppealOutcome | '', decidedOn: '' });
  const heardAfterNotice = s ? c.hearings.some((h) => h.heardOn >= s.noticeSentOn) : false;
  const length = s?.scope === 'days' ? t('discipline.suspension.lengthDays', { count: s.days ?? 0 })
    : s?.scope === 'lessons' ? t('discipline.suspension.lengthLessons', { count: s.lessons ?? 0 }) : s?.scope ? t('discipline.scope.restOfDay') : '';
  const scopes: Scope[] = c.student.stage === 'primary' ? ['lessons', 'restOfDay'] : ['days', 'lessons', 'restOfDay'];
  return (
    <Section title={t('discipline.suspension.title')}>
      {c.view === 'staff' && <Paragraph data-size="sm">{t('discipline.suspension.law')}</Paragraph>}
      {!s ? <Paragraph data-size="sm">{t('discipline.suspension.none')}</Paragraph> : (
        <ul className="conduct-list">
          <li>{t('discipline.suspension.notice', { date: format.date(s.noticeSentOn) })}</li>
          {s.decidedOn && (
            <li>
              <strong>{t('discipline.suspension.decision', { date: format.date(s.decidedOn), by: s.decidedBy ?? '', length, from: format.date(s.startsOn) })}</strong>
              <br />{t('discipline.suspension.reasons')}: {s.reasons}
              {s.milderMeasures && <><br />{t('discipline.suspension.milderMeasures')}: {s.milderMeasures}</>}
              {s.guardiansToldOn && <><br />{t('discipline.suspension.guardiansToldOn')}: {format.date(s.guardiansToldOn)}</>}
              {s.notifiedOn && <><br />{t('discipline.suspension.notifiedOn')}: {format.date(s.notifiedOn)}</>}
            </li>
          )}
          {s.appealReceivedOn && (
            <li>
              {t('discipline.suspension.appealLine', { date: format.date(s.appealReceivedOn) })}
              {s.appealOutcome && <> – {t('discipline.suspension.appealOutcomeLine', { outcome: t(`discipline.appeal.${s.appealOutcome}`), date: format.date(s.appealDecidedOn) })}</>}
            </li>
          )}
        </ul>
      )}
      {c.can.suspend && !s?.decidedOn && (
        <FoldedForm dirtyFrom={noticeOn} summary={t('discipline.suspension.sendNotice')} submitLabel={t('discipline.case.save')} submit={() => notice.mutateAsync({ noticeSentOn: noticeOn })}>
          <DateField label={t('discipline.suspension.noticeOn')} type="date" value={noticeOn} onChange={(e) => setNoticeOn(e.target.value)} className="absence-day" />
        </FoldedForm>
      )}
      {c.can.suspend && s && !s.decidedOn && (
        <>
          {!heardAfterNotice && <Paragraph data-size="sm">{t('discipline.suspension.needsHearing')}</Paragraph>}
          <FoldedForm dirtyFrom={d} summary={t('discipline.suspension.decide')} submitLabel={t('discipline.suspension.decide')} submit={() => decide.mutateAsync({
            decidedOn: d.decidedOn, scope: d.scope, ...(d.scope === 'days' ? { days: Number(d.days) } : {}), ...(d.scope === 'lessons' ? { lessons: Number(d.lessons) } : {}),
            startsOn: d.startsOn, reasons: d.reasons, milderMeasures: d.milderMeasures, ...(d.notifiedOn ? { notifiedOn: d.notifiedOn } : {}),
            ...(d.guardiansToldOn ? { guardiansToldOn: d.guardiansToldOn } : {}), singleIncident: d.singleIncident,
          })}>
            <DateField label={t('discipline.suspension.decidedOn')} type="date" value={d.decidedOn} onChange={(e) => setD({ ...d, decidedOn: e.target.value })} className="absence-day" />
            <Field>
              <Label>{t('discipline.suspension.scopeLabel')}</Label>
              <Select width="auto" value={d.scope} onChange={(e) => setD({ ...d, scope: e.target.value as Scope })}>
                {scopes.map((x) => <Select.Option key={x} value={x}>{t(`discipline.scope.${x}`)}</Select.Option>)}
              </Select>
            </Field>
            {d.scope === 'days' && <Textfield label={t('discipline.suspension.days')} type="number" min={1} max={5} value={d.days} onChange={(e) => setD({ ...d, days: e.target.value })} className="absence-day" />}
            {d.scope === 'lessons' && <Textfield label={t('discipline.suspension.lessons')} type="number" min={1} max={10} value={d.lessons} onChange={(e) => setD({ ...d, lessons: e.target.value })} className="absence-day" />}
            <DateField label={t('discipline.suspension.startsOn')} type="date" value={d.startsOn} onChange={(e) => setD({ ...d, startsOn: e.target.value })} className="absence-day" />
            <Textfield label={t('discipline.suspension.reasons')} multiline rows={3} value={d.reasons} onChange={(e) => setD({ ...d, reasons: e.target.value })} />
            <Textfield label={t('discipline.suspension.milderMeasures')} multiline rows={2} value={d.milderMeasures} onChange={(e) => setD({ ...d, milderMeasures: e.target.value })} />
            {c.student.stage === 'primary' && (
              <DateField label={t('discipline.suspension.guardiansToldOn')} type="date" value={d.guardiansToldOn} onChange={(e) => setD({ ...d, guardiansToldOn: e.target.value })} className="absence-day" />
            )}
            <DateField label={t('discipline.suspension.notifiedOn')} type="date" value={d.notifiedOn} onChange={(e) => setD({ ...d, notifiedOn: e.target.value })} className="absence-day" />
            <Checkbox label={t('discipline.suspension.singleIncident')} checked={d.singleIncident} onChange={(e) => setD({ ...d, singleIncident: e.target.checked })} />
          </FoldedForm>
        </>
      )}
      {c.can.suspend && s?.decidedOn && (
        <FoldedForm dirtyFrom={a} summary={t('discipline.suspension.appealTitle')} submitLabel={t('discipline.suspension.saveAppeal')} submit={() => appeal.mutateAsync({
          receivedOn: a.receivedOn, ...(a.outcome ? { outcome: a.outcome } : {}), ...(a.decidedOn ? { decidedOn: a.decidedOn } : {}),
        })}>
          <DateField label={t('discipline.suspension.receivedOn')} type="date" value={a.receivedOn} onChange={(e) => setA({ ...a, receivedOn: e.target.value })} className="absence-day" />
          <Field>
            <Label>{t('discipline.suspension.outcome')}</Label>
            <Select width="auto" value={a.outcome} onChange={(e) => setA({ ...a, outcome: e.target.value as AppealOutcome | '' })}>
              <Select.Option value="">{t('discipline.suspension.outcomePending')}</Select.Option>
              {(['upheld', 'changed', 'reversed'] as const satisfies readonly AppealOutcome[]).map((o) => <Select.Option key={o} value={o}>{t(`discipline.appeal.${o}`)}</Select.Option>)}
            </Select>
          </Field>
          <DateField label={t('discipline.suspension.appealDecidedOn')} type="date" value={a.decidedOn} onChange={(e) => setA({ ...a, decidedOn: e.target.value })} className="absence-day" />
        </FoldedForm>
      )}
    </Section>
  );
}

function Interventions({ c, today }: { c: C; today: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const report = useCaseWrite<PhysicalInterventionBody>(c.id, '/physical-interventions', 'POST');
  const [v, setV] = useState({ occurredOn: today, incidentAccount: '', interventionAccount: '', studentView: '', reportedToPrincipalOn: today });
  return (
    <Section title={t('discipline.intervention.title')}>
      {c.view === 'staff' && <Paragraph data-size="sm">{t('discipline.intervention.law')}</Paragraph>}
      <ul className="conduct-list">
        {c.interventions.map((i) => (
          <li key={i.id}>
            <strong>{t('discipline.intervention.line', { date: format.date(i.occurredOn), by: i.performedBy, reported: format.date(i.reportedToPrincipalOn) })}</strong>
            <br />{t('discipline.intervention.incidentAccount')}: {i.incidentAccount}
            <br />{t('discipline.intervention.interventionAccount')}: {i.interventionAccount}
            <br />{t('discipline.intervention.studentView')}: {i.studentView}
            <br />{i.parentsInformedOn ? t('discipline.intervention.informed', { date: format.date(i.parentsInformedOn) }) : t('discipline.intervention.notInformed')}
            {c.can.informParents && !i.parentsInformedOn && <InformForm caseId={c.id} interventionId={i.id} today={today} />}
          </li>
        ))}
      </ul>
      {c.can.reportIntervention && (
        <FoldedForm dirtyFrom={v} summary={t('discipline.intervention.report')} submitLabel={t('discipline.case.save')} submit={() => report.mutateAsync(v)}>
          <DateField label={t('discipline.intervention.occurredOn')} type="date" value={v.occurredOn} onChange={(e) => setV({ ...v, occurredOn: e.target.value })} className="absence-day" />
          <Textfield label={t('discipline.intervention.incidentAccount')} multiline rows={2} value={v.incidentAccount} onChange={(e) => setV({ ...v, incidentAccount: e.target.value })} />
          <Textfield label={t('discipline.intervention.interventionAccount')} multiline rows={2} value={v.interventionAccount} onChange={(e) => setV({ ...v, interventionAccount: e.target.value })} />
          <Textfield label={t('discipline.intervention.studentView')} multiline rows={2} value={v.studentView} onChange={(e) => setV({ ...v, studentView: e.target.value })} />
          <DateField label={t('discipline.intervention.reportedOn')} type="date" value={v.reportedToPrincipalOn} onChange={(e) => setV({ ...v, reportedToPrincipalOn: e.target.value })} className="absence-day" />
        </FoldedForm>
      )}
    </Section>
  );
}

function InformForm({ caseId, interventionId, today }: { caseId: string; interventionId: string; today: string }) {
  const { t } = useTranslation();
  const mark = useCaseWrite<ParentsInformedBody>(caseId, `/physical-interventions/${interventionId}/parents-informed`, 'PUT');
  const [on, setOn] = useState(today);
  return (
    <FoldedForm dirtyFrom={on} summary={t('discipline.intervention.markInformed')} submitLabel={t('discipline.case.save')} submit={() => mark.mutateAsync({ informedOn: on })}>
      <DateField label={t('discipline.intervention.informedOn')} type="date" value={on} onChange={(e) => setOn(e.target.value)} className="absence-day" />
    </FoldedForm>
  );
}
