import { Button, Checkbox, Details, Field, Heading, Label, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import { InlineConfirm } from '../../core/ui/InlineConfirm';
import { PageHeading } from '../../core/ui/PageHeading';
import { queueQuery, warningApi, type Queue, type Warning } from './api';
import { DeadlineNotice, StateTag, WarningFacts, warningTitle } from './parts';
import './warnings.css';
import { DateField } from '../../core/ui/DateField';
import { UnsavedGuard, useDirty } from '../../core/ui/UnsavedGuard';

type QueueStudent = Queue['students'][number];

/** the contact teacher's queue for a class — review, merge into one letter per student, approve, send, follow delivery. */
export function QueuePage({ basisGroupId }: { basisGroupId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(queueQuery(basisGroupId));
  return (
    <div className="stack">
      <PageHeading title={t('warnings.queue.title', { name: data.group.name })} />
      <AccessReason access={data.access} />
      <Paragraph>{t('warnings.queue.intro')}</Paragraph>
      <DeadlineNotice deadline={data.deadline} />
      {!data.canCoordinate && <Paragraph data-size="sm">{t('warnings.queue.readOnly')}</Paragraph>}
      {data.students.length === 0 ? <Paragraph>{t('warnings.queue.empty')}</Paragraph> : (
        <ul className="warning-list">
          {data.students.map((s) => <StudentCard key={s.studentId} s={s} canCoordinate={data.canCoordinate} />)}
        </ul>
      )}
    </div>
  );
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['warnings'] });
}

function StudentCard({ s, canCoordinate }: { s: QueueStudent; canCoordinate: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const refresh = useRefresh();
  const headingId = useId();
  const proposed = s.warnings.filter((w) => w.state === 'proposed');
  const [selected, setSelected] = useState<string[]>(proposed.map((w) => w.id));
  const [channel, setChannel] = useState<'digital' | 'paper'>('digital');
  const approve = useMutation({ mutationFn: () => warningApi.approve(s.studentId, selected.filter((id) => proposed.some((w) => w.id === id)), channel), onSuccess: refresh });
  const send = useMutation({ mutationFn: (letterId: string) => warningApi.send(s.studentId, letterId), onSuccess: refresh });
  const others = s.warnings.filter((w) => w.state !== 'proposed');
  // a choice that differs from "all proposed, digital" is the coordinator's own, not yet approved
  const chosen = selected.filter((id) => proposed.some((w) => w.id === id));
  const choiceDirty = proposed.length > 0 && (chosen.length !== proposed.length || channel !== 'digital') && !approve.isPending;
  return (
    <li className="warning-card" aria-labelledby={headingId}>
      <UnsavedGuard dirty={choiceDirty} />
      <div className="warning-card__head">
        <Heading level={2} data-size="xs" id={headingId}>
          <AppLink to="/students/$studentId" params={{ studentId: s.studentId }}>{s.name}</AppLink>
        </Heading>
        {s.isAdult && <Tag data-color="neutral" data-size="sm">{t('warnings.queue.adult')}</Tag>}
      </div>
      {proposed.map((w) => (
        <div key={w.id} className="warning-card">
          <div className="warning-card__head">
            {canCoordinate
              ? <Checkbox label={warningTitle(t, w)} checked={selected.includes(w.id)} onChange={(e) => setSelected((x) => (e.target.checked ? [...x, w.id] : x.filter((y) => y !== w.id)))} />
              : <Heading level={3} data-size="2xs">{warningTitle(t, w)}</Heading>}
            <StateTag state={w.state} />
          </div>
          <WarningFacts w={w} />
          <Paragraph data-size="xs" className="warning-muted">{t('warnings.fields.raisedBy', { name: w.raisedBy, date: format.date(w.raisedAt) })}</Paragraph>
          {(canCoordinate || w.raisedByMe) && <EditWarning w={w} studentId={s.studentId} />}
          {canCoordinate && <ReasonAction label={t('warnings.queue.reject')} prompt={t('warnings.queue.rejectNote')} run={(note) => warningApi.reject(s.studentId, w.id, note)} />}
        </div>
      ))}
      {canCoordinate && proposed.length > 0 && (
        <div className="warning-actions">
          <Field>
            <Label htmlFor={`${headingId}-channel`}>{t('warnings.queue.channel')}</Label>
            <Select id={`${headingId}-channel`} value={channel} onChange={(e) => setChannel(e.target.value as 'digital' | 'paper')}>
              <Select.Option value="digital">{t('warnings.queue.digital')}</Select.Option>
              <Select.Option value="paper">{t('warnings.queue.paper')}</Select.Option>
            </Select>
          </Field>
          <Button onClick={() => approve.mutate()} disabled={selected.length === 0} loading={approve.isPending}>{t('warnings.queue.approve')}</Button>
        </div>
      )}
      {approve.isError && <ErrorAlert error={approve.error} />}
      {s.letters.map((l) => (
        <div key={l.id} className="warning-actions">
          <AppLink to="/students/$studentId/warning-letters/$letterId" params={{ studentId: s.studentId, letterId: l.id }}>
            {l.sentAt ? t('warnings.section.openLetter', { date: format.date(l.sentAt) }) : t('warnings.queue.letter', { date: format.date(l.approvedAt) })}
          </AppLink>
          {l.sentAt
            ? <Tag data-color={l.delivered ? 'success' : 'warning'} data-size="sm">{l.delivered ? t('warnings.queue.delivered') : t('warnings.queue.notDelivered')}</Tag>
            : canCoordinate && (
              <InlineConfirm ask={t('warnings.queue.send')} question={t('warnings.queue.sendConfirm', { names: l.recipients.join(', ') })}
                yes={t('warnings.queue.sendYes')} no={t('warnings.queue.sendNo')} pending={send.isPending && send.variables === l.id} onYes={() => send.mutate(l.id)} />
            )}
        </div>
      ))}
      {send.isError && <ErrorAlert error={send.error} />}
      {others.map((w) => <OtherWarning key={w.id} w={w} studentId={s.studentId} canCoordinate={canCoordinate} />)}
    </li>
  );
}

function OtherWarning({ w, studentId, canCoordinate }: { w: Warning; studentId: string; canCoordinate: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="warning-actions">
      <span>{warningTitle(t, w)}</span>
      <StateTag state={w.state} />
      {canCoordinate && w.state === 'sent' && (
        <ReasonAction label={t('warnings.queue.withdraw')} prompt={t('warnings.queue.withdrawReason')} run={(reason) => warningApi.withdraw(studentId, w.id, reason)} />
      )}
    </div>
  );
}

const EDIT_FIELDS = ['grounds', 'requirement', 'dueOn'] as const;
type EditField = (typeof EDIT_FIELDS)[number];

/** Correcting a proposed warning before it goes into a letter (once sent it is a document and cannot change). */
function EditWarning({ w, studentId }: { w: Warning; studentId: string }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const baseId = useId();
  const idFor = (f: EditField) => `${baseId}-${f}`;
  const form = useFormErrors(EDIT_FIELDS);
  const [values, setValues] = useState({ grounds: w.grounds, requirement: w.requirement, dueOn: w.dueOn });
  const [open, setOpen] = useState(false);
  const { dirty } = useDirty(values, { grounds: w.grounds, requirement: w.requirement, dueOn: w.dueOn });
  const save = useMutation({
    mutationFn: () => warningApi.edit(studentId, w.id, values),
    onMutate: () => form.clear(),
    onSuccess: async () => { setOpen(false); await refresh(); },
    onError: (err) => form.fromServer(err),
  });
  const set = (f: EditField) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [f]: e.target.value }));
  const submit = () => {
    const missing: Partial<Record<EditField, string>> = {};
    for (const f of EDIT_FIELDS) if (!values[f].trim()) missing[f] = t('warnings.queue.required');
    if (form.check(missing)) save.mutate();
  };
  return (
    <Details data-size="sm" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <Details.Summary>{t('warnings.queue.edit')}</Details.Summary>
      <Details.Content>
        <form className="warning-form" noValidate onSubmit={(e) => { e.preventDefault(); submit(); }}>
          <UnsavedGuard dirty={dirty && !save.isPending} />
          <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} order={EDIT_FIELDS} idFor={idFor} level={3} />
          <Textfield id={idFor('grounds')} label={t('warnings.fields.grounds')} multiline rows={4} value={values.grounds} onChange={set('grounds')} error={form.errors.grounds} />
          <Textfield id={idFor('requirement')} label={t('warnings.fields.requirement')} multiline rows={3} value={values.requirement} onChange={set('requirement')} error={form.errors.requirement} />
          <DateField id={idFor('dueOn')} label={t('warnings.fields.dueOn')} type="date" value={values.dueOn} onChange={set('dueOn')} error={form.errors.dueOn} className="warning-date" />
          <div><Button type="submit" variant="secondary" data-size="sm" loading={save.isPending}>{t('warnings.queue.saveEdit')}</Button></div>
        </form>
      </Details.Content>
    </Details>
  );
}

/** An action that needs a reason (not sending, withdrawing): folded away until asked for. */
function ReasonAction({ label, prompt, run }: { label: string; prompt: string; run: (reason: string) => Promise<unknown> }) {
  const refresh = useRefresh();
  const [reason, setReason] = useState('');
  const action = useMutation({ mutationFn: () => run(reason), onSuccess: refresh });
  return (
    <Details data-size="sm">
      <Details.Summary>{label}</Details.Summary>
      <Details.Content>
        <form className="warning-form" onSubmit={(e) => { e.preventDefault(); action.mutate(); }}>
          <UnsavedGuard dirty={reason.trim() !== '' && !action.isPending && !action.isSuccess} />
          <Textfield label={prompt} multiline rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          <div><Button type="submit" variant="secondary" data-size="sm" disabled={!reason.trim()} loading={action.isPending}>{label}</Button></div>
          {action.isError && <ErrorAlert error={action.error} />}
        </form>
      </Details.Content>
    </Details>
  );
}
