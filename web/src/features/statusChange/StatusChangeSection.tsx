import { Button, Heading, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../core/api/client';
import { useFormat } from '../../core/format';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { Fact, Facts } from '../../core/ui/Facts';
import { Loading } from '../../core/ui/Loading';
import { statusChangesQuery, useStartStatusChange, useStatusChangeStep, type StatusChange } from './api';
import { AppealForm, DecisionForm, DocumentForm, MeetingForm, StartForm } from './forms';
import { DecisionLetter } from './StatusDecisionLetters';

/** R-52 on the student's page, for the staff who prepare (contact teacher, department head, counsellor) and the principal who decides. */
export function StatusChangeSection({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const q = useQuery(statusChangesQuery(studentId));
  const start = useStartStatusChange(studentId);
  const [starting, setStarting] = useState(false);
  const [status, setStatus] = useState('');
  const startButton = useRef<HTMLButtonElement>(null);

  // not for everyone who sees the student (subject teachers, the school admin): nothing at all when refused
  if (q.isError && isApiError(q.error) && (q.error.status === 403 || q.error.status === 404)) return null;

  const close = () => { setStarting(false); requestAnimationFrame(() => startButton.current?.focus()); };
  return (
    <section aria-labelledby={headingId} className="panel stack">
      <Heading level={2} data-size="sm" id={headingId}>{t('statusChange.title')}</Heading>
      <Paragraph data-size="sm" className="muted">{t('statusChange.intro')}</Paragraph>
      <div role="status" className="status-message">{status}</div>
      {q.isPending ? <Loading /> : q.isError ? <ErrorAlert error={q.error} /> : (
        <>
          {q.data.canStart && q.data.studentStatus !== 'left' && (starting ? (
            <StartForm
              onCancel={close}
              onSubmit={async (v) => {
                await start.mutateAsync({ kind: v.kind, background: v.background.trim(), proposedOn: v.proposedOn, ...(v.newProgramme ? { newProgramme: v.newProgramme } : {}) });
                close();
                setStatus(t('statusChange.started'));
              }}
            />
          ) : (
            <div><Button ref={startButton} onClick={() => { setStatus(''); setStarting(true); }}>{t('statusChange.start')}</Button></div>
          ))}
          {q.data.statusChanges.length === 0 ? <Paragraph>{t('statusChange.empty')}</Paragraph> : (
            <ul className="log-list" aria-label={t('statusChange.list')}>
              {q.data.statusChanges.map((c) => (
                <StatusChangeItem key={c.id} studentId={studentId} change={c} schoolName={q.data.schoolName} onSaved={setStatus} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

type Open = 'none' | 'meeting' | 'document' | 'decision' | 'appeal';

function StatusChangeItem({ studentId, change: c, schoolName, onSaved }: { studentId: string; change: StatusChange; schoolName: string; onSaved: (s: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const step = useStatusChangeStep(studentId, c.id);
  const [open, setOpen] = useState<Open>('none');
  const headingId = useId();
  const done = (message: string) => { setOpen('none'); onSaved(message); };
  const missing = Object.values(c.checklist).includes('missing');

  return (
    <li className="stack" aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>{t(`statusChange.kind.${c.kind}`)}</Heading>
      <div className="button-row">
        {c.decision
          ? <Tag data-color={c.decision.granted ? 'success' : 'neutral'}>{t(c.decision.granted ? 'statusChange.granted' : 'statusChange.refused')}</Tag>
          : <Tag data-color="warning">{t('statusChange.homeTitle')}</Tag>}
      </div>
      <Facts>
        <Fact label={t('statusChange.background')}>{c.background}</Fact>
        <Fact label={t('statusChange.proposedOn')}>{format.date(c.proposedOn)}</Fact>
        {c.kind === 'changingProgramme' && (
          <Fact label={t('statusChange.newProgramme')}>{c.newProgramme ? t(`statusChange.programme.${c.newProgramme}`) : t('statusChange.programmeSame')}</Fact>
        )}
      </Facts>
      <Paragraph data-size="sm" className="muted">{t('statusChange.startedBy', { name: c.startedBy, date: format.date(c.startedOn) })}</Paragraph>

      <Heading level={4} data-size="2xs">{t('statusChange.checklist')}</Heading>
      <List.Unordered aria-label={t('statusChange.checklist')}>
        {(Object.keys(c.checklist) as (keyof StatusChange['checklist'])[]).map((k) => (
          <List.Item key={k}>{t(`statusChange.check.${k}`)}: <strong>{t(`statusChange.checkState.${c.checklist[k]}`)}</strong></List.Item>
        ))}
      </List.Unordered>

      <Heading level={4} data-size="2xs">{t('statusChange.meetings')}</Heading>
      {c.meetings.length === 0 ? <Paragraph data-size="sm">{t('statusChange.noMeetings')}</Paragraph> : (
        <List.Unordered>
          {c.meetings.map((m) => (
            <List.Item key={m.id}>
              {t('statusChange.meetingItem', {
                date: format.date(m.heldOn),
                who: [...m.participants.map((p) => t(`statusChange.participant.${p}`)), ...(m.others ? [m.others] : [])].join(', '),
              })}
              {m.note && <><br /><span className="muted">{m.note}</span></>}
            </List.Item>
          ))}
        </List.Unordered>
      )}
      <Heading level={4} data-size="2xs">{t('statusChange.documents')}</Heading>
      {c.documents.length === 0 ? <Paragraph data-size="sm">{t('statusChange.noDocuments')}</Paragraph> : (
        <List.Unordered>
          {c.documents.map((d) => (
            <List.Item key={d.id}>{t('statusChange.documentItem', { title: d.title, date: format.date(d.receivedOn), from: d.receivedFrom })}</List.Item>
          ))}
        </List.Unordered>
      )}

      {c.decision && <DecisionLetter decision={c.decision} headingLevel={4} />}
      {c.decision?.appeal && c.appealNote && <Paragraph data-size="sm">{c.appealNote}</Paragraph>}

      {open === 'none' && (c.canPrepare || c.canDecide || (c.decision && c.canRecordAppeal)) && (
        <div className="button-row">
          {c.canPrepare && <Button variant="secondary" data-size="sm" onClick={() => setOpen('meeting')}>{t('statusChange.addMeeting')}</Button>}
          {c.canPrepare && <Button variant="secondary" data-size="sm" onClick={() => setOpen('document')}>{t('statusChange.addDocument')}</Button>}
          {c.canDecide && <Button data-size="sm" onClick={() => setOpen('decision')}>{t('statusChange.decide')}</Button>}
          {c.decision && c.canRecordAppeal && <Button variant="secondary" data-size="sm" onClick={() => setOpen('appeal')}>{t('statusChange.recordAppeal')}</Button>}
        </div>
      )}
      {open === 'meeting' && (
        <MeetingForm onCancel={() => setOpen('none')} onSubmit={async (v) => { await step.mutateAsync({ kind: 'meetings', body: v }); done(t('statusChange.meetingSaved')); }} />
      )}
      {open === 'document' && (
        <DocumentForm onCancel={() => setOpen('none')} onSubmit={async (v) => { await step.mutateAsync({ kind: 'documents', body: v }); done(t('statusChange.documentSaved')); }} />
      )}
      {open === 'decision' && (
        <DecisionForm appealTo={t('statusChange.appealToDefault', { school: schoolName })} onCancel={() => setOpen('none')}
          onSubmit={async (v) => { await step.mutateAsync({ kind: 'decision', body: v }); done(t('statusChange.decided')); }}>
          {missing && <Paragraph data-size="sm">{t('statusChange.missingWarning')}</Paragraph>}
          <Paragraph data-size="sm">{t('statusChange.noticeTo', { names: c.noticeTo.join(', ') })}</Paragraph>
        </DecisionForm>
      )}
      {open === 'appeal' && c.decision && (
        <AppealForm
          initial={{ receivedOn: c.decision.appeal?.receivedOn ?? '', note: c.appealNote, outcome: c.decision.appeal?.outcome ?? '', decidedOn: c.decision.appeal?.decidedOn ?? '' }}
          onCancel={() => setOpen('none')}
          onSubmit={async (v) => { await step.mutateAsync({ kind: 'appeal', body: v }); done(t('statusChange.appealSaved')); }}
        />
      )}
    </li>
  );
}
