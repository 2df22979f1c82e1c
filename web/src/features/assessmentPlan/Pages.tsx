import { Alert, Button, Heading, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import { PageHeading } from '../../core/ui/PageHeading';
import {
  DESCRIPTION_MAX, TITLE_MAX, checkEntry, entryKinds, groupFeedPath, groupPlanQuery, mineQuery, studentFeedPath, studentPlanQuery, useDeleteEntry,
  useFeedUrl, useSaveEntry, type CheckResult, type Entry, type EntryKind, type GroupPlan, type GroupRef,
} from './api';
import { ConflictList, PlanList } from './PlanList';
import './assessmentPlan.css';

/* ───────────── a teaching group's or a class's plan ───────────── */

export function GroupPlanPage({ group }: { group: GroupRef }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(groupPlanQuery(group));
  const [editing, setEditing] = useState<Entry | null>(null);
  const remove = useDeleteEntry(group);
  const conflictDays = new Set(data.conflicts.flatMap((c) => c.entries.map((e) => e.startsOn)));
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('assessmentPlan.group.title', { group: data.group.name })} />
        <Paragraph className="muted">
          {data.group.subjectName ? `${data.group.subjectName} (${data.group.subjectCode}) · ` : ''}{t('assessmentPlan.group.students', { count: data.studentCount })}
        </Paragraph>
        <AccessReason access={data.access} />
      </div>
      {data.canPlan && <EntryForm key={editing?.id ?? 'new'} group={group} data={data} editing={editing} onDone={() => setEditing(null)} />}
      <section className="stack" aria-labelledby="ap-conflicts-h">
        <Heading level={2} data-size="sm" id="ap-conflicts-h">{t('assessmentPlan.conflicts.heading')}</Heading>
        <ConflictList conflicts={data.conflicts} headingLevel={3} />
      </section>
      <section className="stack" aria-labelledby="ap-plan-h">
        <Heading level={2} data-size="sm" id="ap-plan-h">{t('assessmentPlan.title')}</Heading>
        {remove.isError && <ErrorAlert error={remove.error} />}
        {/* only this page's own entries are changed here (a class page also lists the groups' tests) */}
        <PlanList entries={data.entries.map((e) => ({ ...e, editable: e.editable && isOwn(e, group) }))} conflictDays={conflictDays}
          onEdit={data.canPlan ? setEditing : undefined}
          onRemove={data.canPlan ? (e) => remove.mutate(e.id) : undefined} />
      </section>
      {group.kind === 'teaching' && <FeedSection path={groupFeedPath(group.id)} />}
    </div>
  );
}

const isOwn = (e: Entry, g: GroupRef) => (g.kind === 'teaching' ? e.teachingGroupId === g.id : e.basisGroupId === g.id);

type Field = 'kind' | 'title' | 'description' | 'startsOn' | 'endsOn';
const FIELDS: readonly Field[] = ['kind', 'title', 'startsOn', 'endsOn', 'description'];

/** Plan or change an entry; the school's rules are checked while typing. */
function EntryForm({ group, data, editing, onDone }: { group: GroupRef; data: GroupPlan; editing: Entry | null; onDone: () => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const save = useSaveEntry(group);
  const form = useFormErrors<Field>(FIELDS);
  const [kind, setKind] = useState<EntryKind>(editing?.kind ?? (group.kind === 'basis' ? 'excursion' : 'test'));
  const [title, setTitle] = useState(editing?.title ?? '');
  const [description, setDescription] = useState(editing?.description ?? '');
  const [startsOn, setStartsOn] = useState(editing?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(editing?.endsOn ?? '');
  const [live, setLive] = useState<CheckResult | null>(null);
  const [checking, setChecking] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const oneDay = kind === 'test' || kind === 'fullDayTest';

  // the live check: a moment after the last change of kind or dates
  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startsOn)) { setLive(null); return; }
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      setChecking(true);
      checkEntry(group, { kind, title, startsOn, endsOn: oneDay || !endsOn ? null : endsOn, entryId: editing?.id ?? null }, ctrl.signal)
        .then((r) => setLive(r))
        .catch(() => setLive(null))
        .finally(() => setChecking(false));
    }, 350);
    return () => { clearTimeout(timer); ctrl.abort(); };
    // the title does not change the rules; leave it out so typing it does not re-check
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, startsOn, endsOn, group.id, group.kind, editing?.id, oneDay]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    const found: Partial<Record<Field, string>> = {};
    if (!title.trim()) found.title = t('assessmentPlan.form.titleRequired');
    if (!startsOn) found.startsOn = t('assessmentPlan.form.startsOnRequired');
    if (!form.check(found)) return;
    try {
      const res = await save.mutateAsync({ id: editing?.id ?? null, body: { kind, title: title.trim(), description: description.trim(), startsOn, endsOn: oneDay || !endsOn ? null : endsOn } });
      setSaved(res.warnings.length ? t('assessmentPlan.form.savedWithWarnings') : t('assessmentPlan.form.saved'));
      form.clear();
      setLive(null);
      if (editing) onDone();
      else { setTitle(''); setDescription(''); setStartsOn(''); setEndsOn(''); }
    } catch (err) {
      form.fromServer(err);
    }
  }

  return (
    <section aria-labelledby={`${uid}-h`} className="stack ap-form">
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{editing ? t('assessmentPlan.form.editHeading', { title: editing.title }) : t('assessmentPlan.form.newHeading')}</Heading>
      <Paragraph data-size="sm">
        {data.group.kind === 'teaching' ? t('assessmentPlan.form.subjectFromGroup', { subject: `${data.group.subjectName} (${data.group.subjectCode})` }) : t('assessmentPlan.form.classEvent', { group: data.group.name })}
      </Paragraph>
      <form onSubmit={submit} className="stack" noValidate aria-labelledby={`${uid}-h`}>
        <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} order={FIELDS} idFor={(f) => `${uid}-${f}`} />
        <div className="ap-form__row">
          <div className="ap-field">
            <label htmlFor={`${uid}-kind`}>{t('assessmentPlan.form.kind')}</label>
            <Select id={`${uid}-kind`} value={kind} onChange={(e) => setKind(e.target.value as EntryKind)}>
              {entryKinds.map((k) => <Select.Option key={k} value={k}>{t(`assessmentPlan.kinds.${k}`)}</Select.Option>)}
            </Select>
          </div>
          <Textfield id={`${uid}-title`} label={t('assessmentPlan.form.titleLabel')} value={title} maxLength={TITLE_MAX}
            onChange={(e) => setTitle(e.target.value)} error={form.errors.title} />
        </div>
        <div className="ap-form__row">
          <Textfield id={`${uid}-startsOn`} type="date" label={oneDay ? t('assessmentPlan.form.startsOn') : t('assessmentPlan.form.startsOnRange')}
            value={startsOn} onChange={(e) => setStartsOn(e.target.value)} error={form.errors.startsOn} />
          {!oneDay && (
            <Textfield id={`${uid}-endsOn`} type="date" label={kind === 'project' ? t('assessmentPlan.form.dueOn') : t('assessmentPlan.form.endsOn')}
              value={endsOn} min={startsOn || undefined} onChange={(e) => setEndsOn(e.target.value)} error={form.errors.endsOn} />
          )}
        </div>
        <Textfield id={`${uid}-description`} label={t('assessmentPlan.form.description')} multiline rows={2} maxLength={DESCRIPTION_MAX}
          value={description} onChange={(e) => setDescription(e.target.value)} error={form.errors.description} />
        <LiveCheck live={live} checking={checking} />
        <Paragraph role="status" data-size="sm">{saved ?? ''}</Paragraph>
        <div className="ap-form__buttons">
          <Button type="submit" loading={save.isPending} disabled={save.isPending}>{t('assessmentPlan.form.save')}</Button>
          {editing && <Button type="button" variant="secondary" onClick={onDone}>{t('assessmentPlan.form.cancel')}</Button>}
        </div>
      </form>
    </section>
  );
}

function LiveCheck({ live, checking }: { live: CheckResult | null; checking: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="ap-live" aria-live="polite" aria-atomic="true" data-testid="ap-live">
      {checking && !live && <Paragraph data-size="sm">{t('assessmentPlan.form.checking')}</Paragraph>}
      {live && (live.dateErrors.length > 0 || live.conflicts.length > 0 ? (
        <Alert data-color={live.blocked ? 'danger' : 'warning'} data-size="sm">
          <Heading level={3} data-size="2xs">{live.blocked ? t('assessmentPlan.form.liveBlocked') : t('assessmentPlan.form.liveHeading')}</Heading>
          {live.dateErrors.map((d) => <Paragraph key={d.field} data-size="sm">{d.message}</Paragraph>)}
          <ConflictList conflicts={live.conflicts} headingLevel={3} showNone={false} />
        </Alert>
      ) : (
        <Paragraph data-size="sm" className="ap-live__ok">{t('assessmentPlan.form.liveOk')}</Paragraph>
      ))}
    </div>
  );
}

/* ───────────── a student's combined plan (phone-friendly) ───────────── */

export function StudentPlanPage({ studentId, viewer }: { studentId: string; viewer: 'self' | 'guardian' | 'staff' }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(studentPlanQuery(studentId));
  const name = `${data.student.givenName} ${data.student.familyName}`;
  const upcoming = data.entries.filter((e) => (e.endsOn ?? e.startsOn) >= data.today);
  const past = data.entries.filter((e) => (e.endsOn ?? e.startsOn) < data.today);
  return (
    <div className="stack ap-student">
      <div>
        <PageHeading title={viewer === 'self' ? t('assessmentPlan.student.myTitle') : t('assessmentPlan.student.title', { name })} />
        <Paragraph data-size="sm">{t('assessmentPlan.student.intro')}</Paragraph>
        {viewer !== 'self' && <AccessReason access={data.access} />}
      </div>
      {data.conflicts.length > 0 && <ConflictList conflicts={data.conflicts} />}
      <section className="stack" aria-labelledby="ap-up-h">
        <Heading level={2} data-size="sm" id="ap-up-h">{t('assessmentPlan.list.upcoming')}</Heading>
        <PlanList entries={upcoming} />
      </section>
      {past.length > 0 && (
        <details className="ap-past">
          <summary>{t('assessmentPlan.list.past')}</summary>
          <PlanList entries={past} />
        </details>
      )}
      <FeedSection path={studentFeedPath(studentId)} />
    </div>
  );
}

function FeedSection({ path }: { path: string }) {
  const { t } = useTranslation();
  const uid = useId();
  const feed = useFeedUrl(path);
  return (
    <section className="stack" aria-labelledby={`${uid}-h`}>
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('assessmentPlan.feed.heading')}</Heading>
      <Paragraph data-size="sm">{t('assessmentPlan.feed.intro')}</Paragraph>
      <div>
        <Button type="button" variant="secondary" onClick={() => feed.mutate()} loading={feed.isPending}>{t('assessmentPlan.feed.create')}</Button>
      </div>
      {feed.isError && <ErrorAlert error={feed.error} />}
      {feed.data && (
        <div className="stack">
          <Textfield label={t('assessmentPlan.feed.url')} value={feed.data.url} readOnly onFocus={(e) => e.target.select()} />
          <a href={new URL(feed.data.url).pathname} download="proveplan.ics">{t('assessmentPlan.feed.download')}</a>
        </div>
      )}
    </section>
  );
}

/* ───────────── where to find the plans ───────────── */

export function AssessmentPlanHomePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(mineQuery());
  if (me.studentId) return <StudentPlanPage studentId={me.studentId} viewer="self" />;
  const nothing = data.teachingGroups.length === 0 && data.basisGroups.length === 0 && me.children.length === 0;
  return (
    <div className="stack">
      <PageHeading title={t('assessmentPlan.title')} />
      <Paragraph>{t('assessmentPlan.home.intro')}</Paragraph>
      {nothing && <Paragraph>{t('assessmentPlan.home.nothing')}</Paragraph>}
      {data.teachingGroups.length > 0 && (
        <section aria-labelledby="ap-home-groups">
          <Heading level={2} data-size="sm" id="ap-home-groups">{t('assessmentPlan.home.groups')}</Heading>
          <ul>
            {data.teachingGroups.map((g) => (
              <li key={g.id}><AppLink to="/teaching-groups/$teachingGroupId/assessment-plan" params={{ teachingGroupId: g.id }}>{g.name}</AppLink> <span className="muted">{g.subjectName}</span></li>
            ))}
          </ul>
        </section>
      )}
      {data.basisGroups.length > 0 && (
        <section aria-labelledby="ap-home-classes">
          <Heading level={2} data-size="sm" id="ap-home-classes">{t('assessmentPlan.home.classes')}</Heading>
          <ul>
            {data.basisGroups.map((g) => (
              <li key={g.id}><AppLink to="/classes/$basisGroupId/assessment-plan" params={{ basisGroupId: g.id }}>{g.name}</AppLink></li>
            ))}
          </ul>
        </section>
      )}
      {me.children.length > 0 && (
        <section aria-labelledby="ap-home-children">
          <Heading level={2} data-size="sm" id="ap-home-children">{t('assessmentPlan.home.children')}</Heading>
          <ul>
            {me.children.map((c) => (
              <li key={c.studentId}><AppLink to="/children/$studentId/assessment-plan" params={{ studentId: c.studentId }}>{c.name}</AppLink></li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
