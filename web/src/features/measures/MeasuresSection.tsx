import { Button, Heading, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../core/api/client';
import { todayIso, useFormat } from '../../core/format';
import { AppLink } from '../../core/ui/AppLink';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { Fact, Facts } from '../../core/ui/Facts';
import { Loading } from '../../core/ui/Loading';
import { measuresQuery, useAddMeasure, useEditMeasure, useEvaluateMeasure, type Measure, type Proposal } from './api';
import { EvaluationForm, MeasureForm, type MeasureValues } from './MeasureForms';

/** What the add form starts from: nothing, or a measure proposed on a class-team meeting's follow-up list. */
type Adding = { proposal: Proposal | null } | null;

/** the student's measures, with adding, editing and evaluating in place. */
export function MeasuresSection({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const q = useQuery(measuresQuery(studentId));
  const add = useAddMeasure(studentId);
  const [adding, setAdding] = useState<Adding>(null);
  const [status, setStatus] = useState('');
  const addButton = useRef<HTMLButtonElement>(null);

  // measures are not for everyone who sees the student: say nothing beyond a short line when refused
  if (q.isError && isApiError(q.error) && (q.error.status === 403 || q.error.status === 404)) return null;

  const start = (proposal: Proposal | null) => {
    setStatus('');
    setAdding({ proposal });
  };
  const initial = (p: Proposal | null): MeasureValues => ({ goal: '', actions: p?.proposedMeasures ?? '', startsOn: todayIso(), evaluateOn: '' });

  return (
    <section aria-labelledby={headingId} className="panel stack">
      <Heading level={2} data-size="sm" id={headingId}>{t('measures.title')}</Heading>
      <Paragraph data-size="sm" className="muted">{t('measures.intro')}</Paragraph>
      <div role="status" className="status-message">{status}</div>
      {q.isPending ? <Loading /> : q.isError ? <ErrorAlert error={q.error} /> : (
        <>
          {q.data.canAdd && q.data.proposals.length > 0 && !adding && (
            <div className="stack">
              <Heading level={3} data-size="2xs">{t('measures.proposals')}</Heading>
              <List.Unordered>
                {q.data.proposals.map((p) => (
                  <List.Item key={p.classTeamMeetingId}>
                    {t('measures.proposalFrom', { group: p.basisGroupName, week: p.week, text: p.proposedMeasures })}{' '}
                    <Button variant="tertiary" data-size="sm" onClick={() => start(p)}>{t('measures.useProposal')}</Button>
                  </List.Item>
                ))}
              </List.Unordered>
            </div>
          )}
          {q.data.canAdd && (adding ? (
            <MeasureForm
              label={t('measures.add')}
              initial={initial(adding.proposal)}
              submitLabel={t('measures.save')}
              onCancel={() => { setAdding(null); requestAnimationFrame(() => addButton.current?.focus()); }}
              onSubmit={async (v) => {
                const p = adding.proposal;
                await add.mutateAsync({
                  ...v,
                  ...(p ? { classTeamMeetingId: p.classTeamMeetingId, ...(p.followUpByStaffMemberId ? { ownerStaffMemberId: p.followUpByStaffMemberId } : {}) } : {}),
                });
                setAdding(null);
                setStatus(t('measures.added'));
                requestAnimationFrame(() => addButton.current?.focus());
              }}
            />
          ) : (
            <div><Button ref={addButton} onClick={() => start(null)}>{t('measures.add')}</Button></div>
          ))}
          {q.data.measures.length === 0 ? <Paragraph>{t('measures.empty')}</Paragraph> : (
            <ul className="log-list" aria-label={t('measures.list')}>
              {q.data.measures.map((m) => <MeasureItem key={m.id} studentId={studentId} measure={m} onSaved={setStatus} />)}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function MeasureItem({ studentId, measure: m, onSaved }: { studentId: string; measure: Measure; onSaved: (s: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const edit = useEditMeasure(studentId);
  const evaluate = useEvaluateMeasure(studentId);
  const [mode, setMode] = useState<'view' | 'edit' | 'evaluate'>('view');
  const headingId = useId();

  return (
    <li className="stack" aria-labelledby={headingId} id={`measure-${m.id}`}>
      <Heading level={3} data-size="2xs" id={headingId}>{m.goal}</Heading>
      <div className="button-row">
        <Tag data-color={m.status === 'ended' ? 'neutral' : 'info'}>{t(`measures.status.${m.status}`)}</Tag>
        {m.overdue && <Tag data-color="warning">{t('measures.overdue')}</Tag>}
      </div>
      <Facts>
        <Fact label={t('measures.actions')}>{m.actions}</Fact>
        <Fact label={t('measures.owner')}>{m.owner.name}</Fact>
        <Fact label={t('measures.startsOn')}>{format.date(m.startsOn)}</Fact>
        <Fact label={t('measures.evaluateOn')}>{format.date(m.evaluateOn)}</Fact>
        {m.evaluatedOn && <Fact label={t('measures.evaluation')}>{m.evaluation} ({t('measures.evaluatedOn', { date: format.date(m.evaluatedOn) })})</Fact>}
        {m.nextStep && <Fact label={t('measures.nextStep')}>{m.nextStep}</Fact>}
      </Facts>
      {m.source && (
        <Paragraph data-size="sm">
          <AppLink to="/classes/$basisGroupId/class-team-meeting" params={{ basisGroupId: m.source.basisGroupId }}>
            {t('measures.fromMeeting', { group: m.source.basisGroupName, week: m.source.week })}
          </AppLink>
        </Paragraph>
      )}
      {m.caseId && (
        <Paragraph data-size="sm">
          <AppLink to="/cases/$caseId" params={{ caseId: m.caseId }}>{t('measures.fromCase')}</AppLink>
        </Paragraph>
      )}
      {m.canEdit && mode === 'view' && (
        <div className="button-row">
          {m.status !== 'ended' && <Button variant="primary" data-size="sm" onClick={() => setMode('evaluate')}>{t('measures.evaluate')}</Button>}
          <Button variant="secondary" data-size="sm" onClick={() => setMode('edit')}>{t('measures.edit')}</Button>
        </div>
      )}
      {mode === 'edit' && (
        <MeasureForm
          label={t('measures.editTitle', { goal: m.goal })}
          initial={{ goal: m.goal, actions: m.actions, startsOn: m.startsOn, evaluateOn: m.evaluateOn }}
          submitLabel={t('measures.save')}
          onCancel={() => setMode('view')}
          onSubmit={async (v) => { await edit.mutateAsync({ id: m.id, patch: v }); setMode('view'); onSaved(t('measures.saved')); }}
        />
      )}
      {mode === 'evaluate' && (
        <EvaluationForm
          label={t('measures.evaluateTitle', { goal: m.goal })}
          startsOn={m.startsOn}
          onCancel={() => setMode('view')}
          onSubmit={async (v) => { await evaluate.mutateAsync({ id: m.id, evaluation: v }); setMode('view'); onSaved(t('measures.evaluated')); }}
        />
      )}
    </li>
  );
}
