import { Button, Checkbox, Details, Heading, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { PageHeading } from '../../core/ui/PageHeading';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import type { CaseInput, ClassHourInput, TopicInput } from '@server/features/classLife/schemas.js';
import { agendaQuery, classHourTopics, topicPlanQuery, useClassLifeWrite, type Agenda, type ClassHourCase } from './api';
import { DateField } from '../../core/ui/DateField';
import { UnsavedGuard, useDirty } from '../../core/ui/UnsavedGuard';

/** A topic key of the year plan in words, or the teacher's own words as they are. */
export function useTopicLabel() {
  const { t } = useTranslation();
  return (topic: string) => ((classHourTopics as readonly string[]).includes(topic) ? t(`classLife.topics.${topic as 'rules'}`) : topic);
}

/** the class hour's agenda for a week, with live data; the contact teacher's notes, topic and cases. */
export function ClassHourPage({ basisGroupId, week }: { basisGroupId: string; week?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const topicLabel = useTopicLabel();
  const { data } = useSuspenseQuery(agendaQuery(basisGroupId, week));
  const kinds = (k: string) => t(`classLife.kinds.${k as 'test'}`, { defaultValue: k });
  return (
    <div className="stack class-life">
      <div>
        <PageHeading title={t('classLife.hour.title', { group: data.group.name })} />
        <Paragraph className="muted">{t('classLife.hour.week', { number: data.week.number })}: {format.date(data.week.start)} – {format.date(data.week.end)}</Paragraph>
        <AccessReason access={data.access} />
      </div>
      <nav aria-label={t('classLife.hour.week', { number: data.week.number })} className="class-life-weeknav">
        <AppLink to="/classes/$basisGroupId/class-hour" params={{ basisGroupId }} search={{ week: data.week.previous }}>{t('classLife.hour.previous')}</AppLink>
        <AppLink to="/classes/$basisGroupId/class-hour" params={{ basisGroupId }} search={{}}>{t('classLife.hour.thisWeek')}</AppLink>
        <AppLink to="/classes/$basisGroupId/class-hour" params={{ basisGroupId }} search={{ week: data.week.next }}>{t('classLife.hour.next')}</AppLink>
      </nav>

      <section aria-labelledby="agenda-h" className="stack">
        <Heading level={2} data-size="sm" id="agenda-h">{t('classLife.hour.agenda')}</Heading>
        <Paragraph><strong>{t('classLife.hour.topicOfWeek')}:</strong> {topicLabel(data.topic.topic)}{data.topic.chosen ? '' : ` (${t('classLife.hour.suggested').toLowerCase()})`}</Paragraph>
        <ol className="class-life-agenda">
          {data.standingItems.map((item) => (
            <li key={item}>
              {t(`classLife.standing.${item}`)}
              {item === 'checkAbsence' && data.absence && (
                <Paragraph data-size="sm">
                  {t('classLife.hour.absence', { count: data.absence.studentsWithUndocumented, students: data.absence.students, checked: data.absence.studentsChecked })}{' '}
                  <AppLink to="/classes/$basisGroupId/absence/week" params={{ basisGroupId }} search={{ week: data.absence.isoWeek }}>{t('classLife.hour.absenceLink')}</AppLink>
                </Paragraph>
              )}
              {item === 'commonEvents' && (
                data.upcoming.length === 0 ? <Paragraph data-size="sm" className="muted">{t('classLife.hour.noUpcoming')}</Paragraph> : (
                  <ul className="class-life-upcoming">
                    {data.upcoming.map((u, i) => (
                      <li key={`${u.date}-${i}`}>{format.date(u.date)}: <Tag data-size="sm">{kinds(u.kind)}</Tag> {u.title}{u.subject ? ` (${u.subject})` : ''}</li>
                    ))}
                  </ul>
                )
              )}
            </li>
          ))}
        </ol>
      </section>

      {data.canManage && <TopicForm data={data} basisGroupId={basisGroupId} />}
      {data.canManage && <NotesForm data={data} basisGroupId={basisGroupId} />}

      <section aria-labelledby="history-h" className="stack">
        <Heading level={2} data-size="sm" id="history-h">{t('classLife.hour.history')}</Heading>
        {data.classHours.length === 0 ? <Paragraph>{t('classLife.hour.noHistory')}</Paragraph> : (
          <ul className="class-life-list">
            {data.classHours.map((h) => (
              <li key={h.heldOn}>
                <Heading level={3} data-size="2xs">{format.date(h.heldOn)}{h.topic ? ` – ${topicLabel(h.topic)}` : ''}</Heading>
                {h.notes === null ? <Paragraph data-size="sm" className="muted">{t('classLife.hour.notShared')}</Paragraph> : <Paragraph className="preline">{h.notes}</Paragraph>}
                {data.canManage && <Paragraph data-size="sm" className="muted">{h.notesShared ? t('classLife.hour.share') : t('classLife.hour.notShared')}</Paragraph>}
              </li>
            ))}
          </ul>
        )}
      </section>

      {data.absence && <Cases data={data} basisGroupId={basisGroupId} />}
      <TopicPlan basisGroupId={basisGroupId} />
    </div>
  );
}

function TopicForm({ data, basisGroupId }: { data: Agenda; basisGroupId: string }) {
  const { t } = useTranslation();
  const uid = useId();
  const write = useClassLifeWrite(basisGroupId);
  const known = (classHourTopics as readonly string[]).includes(data.topic.topic);
  const [choice, setChoice] = useState(data.topic.chosen ? (known ? data.topic.topic : 'own') : '');
  const [own, setOwn] = useState(known ? '' : data.topic.topic);
  const form = useFormErrors<'topic'>(['topic']);
  const { dirty, markSaved } = useDirty({ choice, own });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const topic = choice === 'own' ? own.trim() : choice;
    await write.mutateAsync({ path: `/class-hour/topics/${data.week.start}`, method: 'PUT', body: { topic } satisfies TopicInput }).then(() => { markSaved(); form.clear(); }, (err) => form.fromServer(err));
  }
  return (
    <form onSubmit={submit} className="stack" aria-labelledby={`${uid}-h`} noValidate>
      <UnsavedGuard dirty={dirty && !write.isPending} />
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('classLife.hour.chooseTopic')}</Heading>
      <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} idFor={() => `${uid}-topic`} />
      <div className="absence-field">
        <label htmlFor={`${uid}-topic`}>{t('classLife.hour.topicOfWeek')}</label>
        <Select id={`${uid}-topic`} value={choice} onChange={(e) => setChoice(e.target.value)}>
          <Select.Option value="">{t('classLife.hour.backToPlan')}: {t(`classLife.topics.${data.topic.suggested}`)}</Select.Option>
          {classHourTopics.map((k) => <Select.Option key={k} value={k}>{t(`classLife.topics.${k}`)}</Select.Option>)}
          <Select.Option value="own">{t('classLife.hour.ownTopic')}</Select.Option>
        </Select>
      </div>
      {choice === 'own' && <Textfield id={`${uid}-own`} label={t('classLife.hour.ownTopic')} value={own} onChange={(e) => setOwn(e.target.value)} error={form.errors.topic} />}
      <div><Button type="submit" variant="secondary" disabled={write.isPending}>{t('classLife.hour.saveTopic')}</Button></div>
    </form>
  );
}

function NotesForm({ data, basisGroupId }: { data: Agenda; basisGroupId: string }) {
  const { t } = useTranslation();
  const uid = useId();
  const topicLabel = useTopicLabel();
  const write = useClassLifeWrite(basisGroupId);
  const defaultDay = data.today >= data.week.start && data.today <= data.week.end ? data.today : data.week.start;
  const existing = data.classHours.find((h) => h.heldOn >= data.week.start && h.heldOn <= data.week.end);
  const [heldOn, setHeldOn] = useState(existing?.heldOn ?? defaultDay);
  const [topic, setTopic] = useState(existing?.topic ? topicLabel(existing.topic) : topicLabel(data.topic.topic));
  const [notes, setNotes] = useState(existing?.notes ?? '');
  const [shared, setShared] = useState(existing?.notesShared ?? false);
  const [saved, setSaved] = useState(false);
  const { dirty, markSaved } = useDirty({ heldOn, topic, notes, shared });
  const form = useFormErrors<'heldOn' | 'topic' | 'notes'>(['heldOn', 'topic', 'notes']);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    if (!form.check(heldOn ? {} : { heldOn: t('classLife.required') })) return;
    await write.mutateAsync({ path: `/class-hour/${heldOn}`, method: 'PUT', body: { topic, notes, notesShared: shared } satisfies ClassHourInput })
      .then(() => { markSaved(); form.clear(); setSaved(true); }, (err) => form.fromServer(err));
  }
  return (
    <form onSubmit={submit} className="stack" aria-labelledby={`${uid}-h`} noValidate>
      <UnsavedGuard dirty={dirty && !write.isPending} />
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('classLife.hour.notesHeading')}</Heading>
      <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} idFor={(f) => `${uid}-${f}`} />
      <DateField id={`${uid}-heldOn`} type="date" label={t('classLife.hour.heldOn')} value={heldOn} onChange={(e) => setHeldOn(e.target.value)} error={form.errors.heldOn} />
      <Textfield id={`${uid}-topic`} label={t('classLife.hour.topic')} value={topic} onChange={(e) => setTopic(e.target.value)} error={form.errors.topic} />
      <Textfield id={`${uid}-notes`} label={t('classLife.hour.notes')} multiline rows={5} value={notes} onChange={(e) => setNotes(e.target.value)} error={form.errors.notes} />
      <Checkbox label={t('classLife.hour.share')} checked={shared} onChange={(e) => setShared(e.target.checked)} />
      <div><Button type="submit" disabled={write.isPending}>{t('classLife.hour.saveNotes')}</Button></div>
      {saved && <Paragraph role="status">{t('classLife.saved')}</Paragraph>}
    </form>
  );
}

function Cases({ data, basisGroupId }: { data: Agenda; basisGroupId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="cases-h" className="stack">
      <Heading level={2} data-size="sm" id="cases-h">{t('classLife.hour.casesHeading')}</Heading>
      {data.cases.length === 0 ? <Paragraph>{t('classLife.hour.noCases')}</Paragraph> : (
        <ul className="class-life-list">
          {data.cases.map((c) => (
            <li key={c.id} className="stack">
              <Heading level={3} data-size="2xs">{c.title}</Heading>
              {c.background && <Paragraph className="preline">{c.background}</Paragraph>}
              <Paragraph data-size="sm" className="muted">{t('classLife.hour.prepared', { name: c.preparedBy })}</Paragraph>
              {c.decision ? (
                <Paragraph><Tag data-color="success" data-size="sm">{t('classLife.hour.decided', { date: format.date(c.decidedOn) })}</Tag> {c.decision}</Paragraph>
              ) : (
                <>
                  <Tag data-color="warning" data-size="sm">{t('classLife.hour.undecided')}</Tag>
                  {data.canManage && <CaseForm basisGroupId={basisGroupId} today={data.today} existing={c} />}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {data.canManage && <CaseForm basisGroupId={basisGroupId} today={data.today} />}
    </section>
  );
}

type CaseField = 'title' | 'background' | 'decision' | 'decidedOn';
function CaseForm({ basisGroupId, today, existing }: { basisGroupId: string; today: string; existing?: ClassHourCase }) {
  const { t } = useTranslation();
  const uid = useId();
  const write = useClassLifeWrite(basisGroupId);
  const [title, setTitle] = useState(existing?.title ?? '');
  const [background, setBackground] = useState(existing?.background ?? '');
  const [decision, setDecision] = useState('');
  const [decidedOn, setDecidedOn] = useState(existing ? today : '');
  const form = useFormErrors<CaseField>(['title', 'background', 'decision', 'decidedOn']);
  const values = { title, background, decision, decidedOn };
  const { dirty, markSaved } = useDirty(values);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.check(title.trim() ? {} : { title: t('classLife.required') })) return;
    const body: CaseInput = { title, background, decision: decision.trim() || null, decidedOn: decision.trim() ? decidedOn || null : null };
    await write.mutateAsync(existing ? { path: `/class-hour/cases/${existing.id}`, method: 'PUT', body } : { path: '/class-hour/cases', method: 'POST', body })
      .then(() => { form.clear(); if (existing) markSaved(); else { markSaved({ ...values, title: '', background: '' }); setTitle(''); setBackground(''); } }, (err) => form.fromServer(err));
  }
  const heading = existing ? `${t('classLife.hour.edit')}: ${existing.title}` : t('classLife.hour.newCase');
  return (
    <Details>
      <Details.Summary>{heading}</Details.Summary>
      <Details.Content>
        <form onSubmit={submit} className="stack" aria-label={heading} noValidate>
          <UnsavedGuard dirty={dirty && !write.isPending} />
          <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} idFor={(f) => `${uid}-${f}`} />
          <Textfield id={`${uid}-title`} label={t('classLife.hour.caseTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={form.errors.title} />
          <Textfield id={`${uid}-background`} label={t('classLife.hour.background')} multiline rows={3} value={background} onChange={(e) => setBackground(e.target.value)} error={form.errors.background} />
          <Textfield id={`${uid}-decision`} label={t('classLife.hour.decision')} multiline rows={2} value={decision} onChange={(e) => setDecision(e.target.value)} error={form.errors.decision} />
          <DateField id={`${uid}-decidedOn`} type="date" label={t('classLife.hour.decidedOn')} max={today} value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} error={form.errors.decidedOn} />
          <div><Button type="submit" variant="secondary" disabled={write.isPending}>{t('classLife.hour.saveCase')}</Button></div>
        </form>
      </Details.Content>
    </Details>
  );
}

function TopicPlan({ basisGroupId }: { basisGroupId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const topicLabel = useTopicLabel();
  const { data } = useQuery(topicPlanQuery(basisGroupId));
  return (
    <Details>
      <Details.Summary>{t('classLife.hour.plan')}</Details.Summary>
      <Details.Content>
        {data && (
          <div className="table-scroll" role="region" aria-label={t('classLife.hour.plan')} tabIndex={0}>
            <Table data-size="sm">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('classLife.rota.week')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('classLife.hour.topic')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.weeks.map((w) => (
                  <Table.Row key={w.weekStart}>
                    <Table.Cell>{w.number} ({format.date(w.weekStart)})</Table.Cell>
                    <Table.Cell>{topicLabel(w.topic)}{w.chosen ? ' *' : ''}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </Details.Content>
    </Details>
  );
}
