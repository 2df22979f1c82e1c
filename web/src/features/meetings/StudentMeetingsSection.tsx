import { Button, Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useId, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../core/api/client';
import { DateField } from '../../core/ui/DateField';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { FormErrorSummary, toInstant, useFormErrors, type Errors } from '../../core/ui/forms';
import { Loading } from '../../core/ui/Loading';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';
import { studentMeetingsQuery, usePlanMeeting } from './api';
import { MeetingList } from './MeetingList';

const kinds = ['collaboration', 'interdisciplinary', 'responsibilityGroup'] as const;
const fields = ['kind', 'date', 'time', 'place', 'startsAt'] as const;
type PlanField = (typeof fields)[number];

/** R-53 on the student's page: the meetings about the student that the reader may see, and planning a new one. */
export function StudentMeetingsSection({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const q = useQuery(studentMeetingsQuery(studentId));
  const [planning, setPlanning] = useState(false);
  const planButton = useRef<HTMLButtonElement>(null);
  // a reader without access to meetings is shown nothing of them
  if (q.isError && isApiError(q.error) && (q.error.status === 403 || q.error.status === 404)) return null;
  return (
    <section aria-labelledby={headingId} className="panel stack">
      <Heading level={2} data-size="sm" id={headingId}>{t('meetings.sectionTitle')}</Heading>
      <Paragraph data-size="sm" className="muted">{t('meetings.sectionIntro')}</Paragraph>
      {q.isPending ? <Loading /> : q.isError ? <ErrorAlert error={q.error} /> : (
        <>
          {q.data.canCreate && (planning
            ? <PlanForm studentId={studentId} onCancel={() => { setPlanning(false); requestAnimationFrame(() => planButton.current?.focus()); }} />
            : <div><Button ref={planButton} onClick={() => setPlanning(true)}>{t('meetings.plan')}</Button></div>)}
          {q.data.meetings.length === 0 ? <Paragraph>{t('meetings.none')}</Paragraph>
            : <MeetingList meetings={q.data.meetings} label={t('meetings.sectionTitle')} showStudents={false} />}
        </>
      )}
    </section>
  );
}

function PlanForm({ studentId, onCancel }: { studentId: string; onCancel: () => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const navigate = useNavigate();
  const plan = usePlanMeeting(studentId);
  const empty = { kind: '', date: '', time: '', place: '' };
  const [v, setV] = useState(empty);
  const [done, setDone] = useState(false);
  const form = useFormErrors(fields);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Errors<PlanField> = {};
    if (!v.kind) found.kind = t('meetings.required');
    if (!v.date) found.date = t('meetings.required');
    if (!v.time) found.time = t('meetings.required');
    if (!form.check(found)) return;
    try {
      const m = await plan.mutateAsync({ kind: v.kind as (typeof kinds)[number], startsAt: toInstant(v.date, v.time)!, place: v.place.trim() });
      // the guard must know the form is saved before the page changes
      flushSync(() => setDone(true));
      await navigate({ to: '/meetings/$meetingId', params: { meetingId: m.id } });
    } catch (err) {
      form.fromServer(err, { startsAt: 'date' });
    }
  }

  return (
    <form noValidate onSubmit={submit} className="stack" aria-label={t('meetings.planTitle')}>
      <UnsavedGuard dirty={!done && JSON.stringify(v) !== JSON.stringify(empty)} />
      <Heading level={3} data-size="2xs">{t('meetings.planTitle')}</Heading>
      <FormErrorSummary {...form} order={fields} idFor={(f) => (f === 'kind' ? `${uid}-kind-collaboration` : `${uid}-${f}`)} />
      <Fieldset>
        <Fieldset.Legend>{t('meetings.kindLabel')}</Fieldset.Legend>
        {kinds.map((k) => (
          <Radio key={k} id={`${uid}-kind-${k}`} name={`${uid}-kind`} value={k} label={t(`meetings.kind.${k}`)} description={t(`meetings.kindHelp.${k}`)}
            checked={v.kind === k} aria-invalid={form.errors.kind ? true : undefined} onChange={() => setV({ ...v, kind: k })} />
        ))}
        {form.errors.kind && <Paragraph data-size="sm" className="field-error">{form.errors.kind}</Paragraph>}
      </Fieldset>
      <div className="button-row">
        <DateField id={`${uid}-date`} type="date" label={t('meetings.date')} value={v.date} error={form.errors.date} onChange={(e) => setV({ ...v, date: e.target.value })} />
        <DateField id={`${uid}-time`} type="time" label={t('meetings.time')} value={v.time} error={form.errors.time} onChange={(e) => setV({ ...v, time: e.target.value })} />
      </div>
      <Textfield id={`${uid}-place`} label={t('meetings.place')} value={v.place} error={form.errors.place} onChange={(e) => setV({ ...v, place: e.target.value })} />
      <div className="button-row">
        <Button type="submit" loading={plan.isPending}>{t('meetings.save')}</Button>
        <Button type="button" variant="secondary" onClick={onCancel}>{t('meetings.cancel')}</Button>
      </div>
    </form>
  );
}
