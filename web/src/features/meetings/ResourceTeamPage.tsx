import { Button, Checkbox, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../core/ui/DateField';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { FormErrorSummary, toInstant, useFormErrors, type Errors } from '../../core/ui/forms';
import { PageHeading } from '../../core/ui/PageHeading';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';
import { resourceTeamQuery, usePlanResourceTeamMeeting, useSetResourceTeam, type ResourceTeam } from './api';
import { MeetingList } from './MeetingList';

/** the school's fixed resource team — its members, set up once, and its monthly meetings. */
export function ResourceTeamPage() {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(resourceTeamQuery);
  const membersId = useId();
  const meetingsId = useId();
  return (
    <div className="stack">
      <PageHeading title={t('meetings.resourceTeamTitle')} />
      <Paragraph>{t('meetings.resourceTeamIntro')}</Paragraph>
      <section aria-labelledby={membersId} className="panel stack">
        <Heading level={2} data-size="sm" id={membersId}>{t('meetings.members')}</Heading>
        {data.members.length === 0 ? <Paragraph>{t('meetings.membersNone')}</Paragraph> : (
          <ul className="stack">{data.members.map((m) => <li key={m.staffMemberId}>{m.name}</li>)}</ul>
        )}
        {data.canManage && <Members team={data} />}
      </section>
      <section aria-labelledby={meetingsId} className="panel stack">
        <Heading level={2} data-size="sm" id={meetingsId}>{t('meetings.teamMeetings')}</Heading>
        {data.canPlan && <PlanTeamMeeting />}
        {data.meetings.length ? <MeetingList meetings={data.meetings} label={t('meetings.teamMeetings')} showStudents /> : <Paragraph>{t('meetings.none')}</Paragraph>}
      </section>
    </div>
  );
}

function Members({ team }: { team: ResourceTeam }) {
  const { t } = useTranslation();
  const save = useSetResourceTeam();
  const initial = team.members.map((m) => m.staffMemberId);
  const [chosen, setChosen] = useState(initial);
  const [open, setOpen] = useState(false);
  if (!open) return <div><Button variant="secondary" onClick={() => setOpen(true)}>{t('meetings.editMembers')}</Button></div>;
  return (
    <form noValidate className="stack" aria-label={t('meetings.editMembers')}
      onSubmit={async (e) => { e.preventDefault(); await save.mutateAsync(chosen); setOpen(false); }}>
      <UnsavedGuard dirty={JSON.stringify([...chosen].sort()) !== JSON.stringify([...initial].sort()) && !save.isSuccess} />
      {save.isError && <ErrorAlert error={save.error} />}
      <fieldset className="stack">
        <legend>{t('meetings.members')}</legend>
        {team.staffOptions.map((s) => (
          <Checkbox key={s.staffMemberId} label={s.name} checked={chosen.includes(s.staffMemberId)}
            onChange={(e) => setChosen(e.target.checked ? [...chosen, s.staffMemberId] : chosen.filter((x) => x !== s.staffMemberId))} />
        ))}
      </fieldset>
      <div className="button-row">
        <Button type="submit" loading={save.isPending}>{t('meetings.saveMembers')}</Button>
        <Button type="button" variant="secondary" onClick={() => { setChosen(initial); setOpen(false); }}>{t('meetings.cancel')}</Button>
      </div>
    </form>
  );
}

const fields = ['date', 'time', 'place'] as const;

function PlanTeamMeeting() {
  const { t } = useTranslation();
  const uid = useId();
  const navigate = useNavigate();
  const plan = usePlanResourceTeamMeeting();
  const empty = { date: '', time: '', place: '' };
  const [v, setV] = useState(empty);
  const [done, setDone] = useState(false);
  const form = useFormErrors(fields);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Errors<(typeof fields)[number]> = {};
    if (!v.date) found.date = t('meetings.required');
    if (!v.time) found.time = t('meetings.required');
    if (!form.check(found)) return;
    try {
      const m = await plan.mutateAsync({ startsAt: toInstant(v.date, v.time)!, place: v.place.trim() });
      // the guard must know the form is saved before the page changes
      flushSync(() => setDone(true));
      await navigate({ to: '/meetings/$meetingId', params: { meetingId: m.id } });
    } catch (err) {
      form.fromServer(err, { startsAt: 'date' });
    }
  }

  return (
    <form noValidate onSubmit={submit} className="stack" aria-label={t('meetings.planTeamMeeting')}>
      <UnsavedGuard dirty={!done && JSON.stringify(v) !== JSON.stringify(empty)} />
      <FormErrorSummary {...form} order={fields} idFor={(f) => `${uid}-${f}`} />
      <div className="button-row">
        <DateField id={`${uid}-date`} type="date" label={t('meetings.date')} value={v.date} error={form.errors.date} onChange={(e) => setV({ ...v, date: e.target.value })} />
        <DateField id={`${uid}-time`} type="time" label={t('meetings.time')} value={v.time} error={form.errors.time} onChange={(e) => setV({ ...v, time: e.target.value })} />
        <Textfield id={`${uid}-place`} label={t('meetings.place')} value={v.place} error={form.errors.place} onChange={(e) => setV({ ...v, place: e.target.value })} />
      </div>
      <div><Button type="submit" loading={plan.isPending}>{t('meetings.planTeamMeeting')}</Button></div>
    </form>
  );
}
