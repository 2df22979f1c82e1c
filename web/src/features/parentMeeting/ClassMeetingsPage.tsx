import { Button, Checkbox, Details, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import { PageHeading } from '../../core/ui/PageHeading';
import { INFORMATION_MAX, classMeetingsQuery, useCorrectMeeting, useInformAbsent, useRecordMeeting, type ClassMeetings, type Meeting } from './api';
import { useFocusAfterRender } from '../../core/ui/focus';
import { DateField } from '../../core/ui/DateField';
import { UnsavedGuard, useDirty } from '../../core/ui/UnsavedGuard';

/** The class's parent meetings: attendance per guardian, the information sent to the absent; record and correct. */
export function ClassMeetingsPage({ basisGroupId }: { basisGroupId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(classMeetingsQuery(basisGroupId));
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('parentMeeting.class.title', { group: data.group.name })} />
        <AccessReason access={data.access} />
      </div>
      <Paragraph>{t('parentMeeting.class.intro')}</Paragraph>
      {data.meetings.length === 0 ? <Paragraph>{t('parentMeeting.class.none')}</Paragraph>
        : data.meetings.map((m) => <MeetingCard key={m.id} data={data} meeting={m} />)}
      {data.canManage && <MeetingForm data={data} />}
    </div>
  );
}

function MeetingCard({ data, meeting: m }: { data: ClassMeetings; meeting: Meeting }) {
  const { t } = useTranslation();
  const format = useFormat();
  const inform = useInformAbsent(data.group.id);
  const [note, setNote] = useState('');
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const pending = m.absent - m.informed;
  const nameOf = (studentId: string) => { const f = data.families.find((x) => x.studentId === studentId); return f ? `${f.givenName} ${f.familyName}` : ''; };
  // the editor closes: the focus goes back to the button that opened it
  const closeEditor = (saved: boolean) => {
    setEditing(false);
    setNote(saved ? t('parentMeeting.class.corrected') : '');
    focusAfterRender(() => editButton.current);
  };
  return (
    <section aria-labelledby={`pm-${m.id}`} className="panel stack">
      <Heading level={2} data-size="sm" id={`pm-${m.id}`}>{m.topic}</Heading>
      <Paragraph data-size="sm" className="muted">{t('parentMeeting.class.held', { date: format.date(m.heldOn) })} · {t('parentMeeting.class.by', { name: m.recordedBy })}</Paragraph>
      <Paragraph className="pre-wrap">{m.information}</Paragraph>
      <Paragraph data-size="sm">{t('parentMeeting.class.figures', { present: m.present, absent: m.absent, informed: m.informed })}</Paragraph>
      {inform.isError && <ErrorAlert error={inform.error} />}
      <Paragraph role="status" data-size="sm">{note}</Paragraph>
      {data.canManage && (pending > 0 ? (
        <div>
          <Button loading={inform.isPending} onClick={async () => { const r = await inform.mutateAsync(m.id); setNote(t('parentMeeting.class.informed', { count: r.informed })); }}>
            {t('parentMeeting.class.inform', { count: pending })}
          </Button>
        </div>
      ) : m.absent > 0 && <Paragraph data-size="sm">{t('parentMeeting.class.allInformed')}</Paragraph>)}
      <Details>
        <Details.Summary>{t('parentMeeting.class.attendance')}</Details.Summary>
        <Details.Content>
          <ul className="parent-meeting-attendance">
            {m.attendance.map((a) => (
              <li key={`${a.studentId}-${a.guardianPersonId}`}>
                {a.guardianName} <span className="muted">({nameOf(a.studentId)})</span>: {a.present ? t('parentMeeting.class.present') : (
                  <>{t('parentMeeting.class.absent')}, {a.informedAt ? t('parentMeeting.class.informedOn', { date: format.date(a.informedAt) }) : t('parentMeeting.class.notInformed')}</>
                )}
              </li>
            ))}
          </ul>
        </Details.Content>
      </Details>
      {data.canManage && (editing ? <MeetingForm data={data} meeting={m} onDone={closeEditor} /> : (
        <div>
          <Button ref={editButton} variant="secondary" data-size="sm" aria-label={t('parentMeeting.class.editFor', { topic: m.topic })}
            onClick={() => { setNote(''); setEditing(true); }}>
            {t('parentMeeting.class.edit')}
          </Button>
        </div>
      ))}
    </section>
  );
}

type Field = 'heldOn' | 'topic' | 'information';
const FIELDS: Field[] = ['heldOn', 'topic', 'information'];
const pairKey = (studentId: string, guardianPersonId: string) => `${studentId}|${guardianPersonId}`;

/**
 * Records a new meeting, or corrects `meeting`. A correction lists the guardians recorded and those ticked
 * now: a guardian never recorded (a student who joined the class later) is not made absent by it. On a
 * refusal the typed values stay in the fields and the card above keeps what was saved.
 */
function MeetingForm({ data, meeting, onDone }: { data: ClassMeetings; meeting?: Meeting; onDone?: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const record = useRecordMeeting(data.group.id);
  const correct = useCorrectMeeting(data.group.id);
  const recorded = new Set(meeting?.attendance.map((a) => pairKey(a.studentId, a.guardianPersonId)));
  const [heldOn, setHeldOn] = useState(meeting?.heldOn ?? data.today);
  const [topic, setTopic] = useState(meeting?.topic ?? '');
  const [information, setInformation] = useState(meeting?.information ?? '');
  const [present, setPresent] = useState<Record<string, boolean>>(() =>
    Object.fromEntries((meeting?.attendance ?? []).map((a) => [pairKey(a.studentId, a.guardianPersonId), a.present])));
  const [saved, setSaved] = useState(false);
  const form = useFormErrors<Field>(FIELDS);
  const values = { heldOn, topic, information, present };
  const { dirty, markSaved } = useDirty(values);
  useEffect(() => { if (meeting) document.getElementById(`${uid}-heldOn`)?.focus(); }, [meeting, uid]);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const req = t('parentMeeting.required');
    if (!form.check({ ...(heldOn ? {} : { heldOn: req }), ...(topic.trim() ? {} : { topic: req }), ...(information.trim() ? {} : { information: req }) })) return;
    const attendance = data.families.flatMap((f) => f.guardians.map((g) => ({ studentId: f.studentId, guardianPersonId: g.personId, present: present[pairKey(f.studentId, g.personId)] ?? false })))
      .filter((a) => !meeting || a.present || recorded.has(pairKey(a.studentId, a.guardianPersonId)));
    try {
      if (meeting) {
        await correct.mutateAsync({ id: meeting.id, heldOn, topic, information, attendance });
        markSaved();
        onDone?.(true);
        return;
      }
      await record.mutateAsync({ heldOn, topic, information, attendance });
      markSaved({ heldOn, topic: '', information: '', present: {} });
      setTopic(''); setInformation(''); setPresent({});
      form.clear();
      setSaved(true);
    } catch (err) {
      form.fromServer(err);
    }
  }
  return (
    <section aria-labelledby={`${uid}-h`} className={meeting ? 'stack' : 'panel stack'}>
      <Heading level={meeting ? 3 : 2} data-size={meeting ? 'xs' : 'sm'} id={`${uid}-h`}>{meeting ? t('parentMeeting.class.editHeading') : t('parentMeeting.class.newHeading')}</Heading>
      <form onSubmit={submit} noValidate className="stack" aria-labelledby={`${uid}-h`}>
        <UnsavedGuard dirty={dirty && !record.isPending && !correct.isPending} />
        <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} order={FIELDS} idFor={(f) => `${uid}-${f}`} />
        <DateField id={`${uid}-heldOn`} label={t('parentMeeting.class.heldOn')} type="date" max={data.today} value={heldOn} onChange={(e) => setHeldOn(e.target.value)} error={form.errors.heldOn} />
        <Textfield id={`${uid}-topic`} label={t('parentMeeting.class.topic')} maxLength={200} value={topic} onChange={(e) => setTopic(e.target.value)} error={form.errors.topic} />
        <Textfield id={`${uid}-information`} label={t('parentMeeting.class.information')} multiline rows={4} maxLength={INFORMATION_MAX} value={information}
          onChange={(e) => setInformation(e.target.value)} error={form.errors.information} />
        <fieldset className="stack parent-meeting-who">
          <legend>{t('parentMeeting.class.who')}</legend>
          {data.families.map((f) => {
            const student = `${f.givenName} ${f.familyName}`;
            return f.guardians.length === 0 ? (
              <Paragraph key={f.studentId} data-size="sm" className="muted">{student}: {t('parentMeeting.class.noGuardians')}</Paragraph>
            ) : f.guardians.map((g) => {
              const k = pairKey(f.studentId, g.personId);
              return (
                <Checkbox key={k} data-size="sm" label={t('parentMeeting.class.presentLabel', { guardian: g.name, student })} checked={present[k] ?? false}
                  onChange={(e) => setPresent((p) => ({ ...p, [k]: e.target.checked }))} />
              );
            });
          })}
        </fieldset>
        {!meeting && <Paragraph role="status" data-size="sm">{saved ? t('parentMeeting.class.saved') : ''}</Paragraph>}
        <div className="needs-actions">
          <Button type="submit" loading={record.isPending || correct.isPending}>{meeting ? t('parentMeeting.class.saveChanges') : t('parentMeeting.class.save')}</Button>
          {meeting && <Button type="button" variant="secondary" onClick={() => onDone?.(false)}>{t('parentMeeting.class.cancel')}</Button>}
        </div>
      </form>
    </section>
  );
}
