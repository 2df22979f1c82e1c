import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { PageHeading } from '../../core/ui/PageHeading';
import {
  checkEntry, groupFeedPath, groupPlanQuery, mineQuery, studentFeedPath, studentPlanQuery, useDeleteEntry,
  useFeedUrl, useSaveEntry, type Entry, type GroupPlan, type GroupRef,
} from './api';
import { EntryForm } from './EntryForm';
import { ConflictList, PlanList } from './PlanList';
import { plansSchoolEvents, readsRules } from './roles';
import './assessmentPlan.css';

/* ───────────── a teaching group's or a class's plan ───────────── */

export function GroupPlanPage({ group }: { group: GroupRef }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(groupPlanQuery(group));
  const [editing, setEditing] = useState<Entry | null>(null);
  const remove = useDeleteEntry(group);
  const save = useSaveEntry(group);
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
      <Paragraph data-size="sm"><AppLink to="/assessment-plan/rules">{t('assessmentPlan.rules.link')}</AppLink></Paragraph>
      {data.canPlan && (
        <EntryForm key={editing?.id ?? 'new'} editing={editing} onDone={() => setEditing(null)}
          defaultKind={group.kind === 'basis' ? 'excursion' : 'test'} intro={formIntro(t, data)}
          check={(body, signal) => checkEntry(group, body, signal)} save={save} />
      )}
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

function formIntro(t: TFunction, data: GroupPlan): string {
  return data.group.kind === 'teaching'
    ? t('assessmentPlan.form.subjectFromGroup', { subject: `${data.group.subjectName} (${data.group.subjectCode})` })
    : t('assessmentPlan.form.classEvent', { group: data.group.name });
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

// unsaved-guard: its one field is the read-only feed address to copy
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
  const rules = readsRules(me);
  const events = plansSchoolEvents(me);
  const nothing = data.teachingGroups.length === 0 && data.basisGroups.length === 0 && me.children.length === 0 && !rules;
  return (
    <div className="stack">
      <PageHeading title={t('assessmentPlan.title')} />
      <Paragraph>{t('assessmentPlan.home.intro')}</Paragraph>
      {nothing && <Paragraph>{t('assessmentPlan.home.nothing')}</Paragraph>}
      {rules && (
        <section aria-labelledby="ap-home-school">
          <Heading level={2} data-size="sm" id="ap-home-school">{t('assessmentPlan.home.school')}</Heading>
          <ul>
            {events && <li><AppLink to="/assessment-plan/school-events">{t('assessmentPlan.events.link')}</AppLink></li>}
            <li><AppLink to="/assessment-plan/rules">{t('assessmentPlan.rules.link')}</AppLink></li>
          </ul>
        </section>
      )}
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
