import { Button, Checkbox, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AppLink } from '../../core/ui/AppLink';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { myTasksQuery, useDigestPreference, useTick, type TaskGroup, type TaskItem } from './api';
import { StatusTag, WeeksText, useRoutineLang } from './parts';

// unsaved-guard: the digest choice is saved the moment it is made
/** The home page's "this week and overdue" from the routine engine (R-30…R-33): the person's own tasks. */
export function HomeTasks() {
  const { t } = useTranslation();
  const id = useId();
  const { data, error } = useQuery(myTasksQuery());
  const digest = useDigestPreference();
  const [saved, setSaved] = useState('');
  return (
    <section aria-labelledby={id} className="panel annual-home">
      <Heading level={2} data-size="sm" id={id}>{t('annualCycle.home.heading')}</Heading>
      {error ? <ErrorAlert error={error} /> : !data ? null : (
        <>
          <Paragraph data-size="sm" className="muted">{t('annualCycle.home.intro')}</Paragraph>
          {data.groups.length === 0 ? <Paragraph>{t('annualCycle.home.nothing')}</Paragraph> : (
            <ul className="annual-home__list">
              {data.groups.map((g) => <GroupItem key={`${g.routineId}|${g.basisGroup?.id ?? ''}`} g={g} />)}
            </ul>
          )}
          <Checkbox
            label={t('annualCycle.home.digest')}
            checked={data.weeklyDigest}
            onChange={(e) => { setSaved(''); digest.mutate(e.target.checked, { onSuccess: () => setSaved(t('annualCycle.home.digestSaved')) }); }}
          />
          <Paragraph role="status" data-size="sm">{saved}</Paragraph>
          {digest.error && <ErrorAlert error={digest.error} />}
          <AppLink to="/annual-cycle">{t('annualCycle.home.cycleLink')}</AppLink>
        </>
      )}
    </section>
  );
}

const aboutStudents = (g: TaskGroup) => g.scope === 'eachStudent' || g.scope === 'eachSubjectTeacherOfStudent';

/**
 * One routine: its window, how far it has come across the person's classes and groups, and (folded away, so
 * a long Monday list stays one line per routine) who is left, class by class, each linked to their page.
 * A class-level task is one line per class, ticked right there when it has no data behind it.
 */
function GroupItem({ g }: { g: TaskGroup }) {
  const { t } = useTranslation();
  const format = useFormat();
  const tick = useTick();
  const lang = useRoutineLang();
  const single = g.pending.length === 1 && !aboutStudents(g);
  const where = g.basisGroup ? g.basisGroup.name
    : g.basisGroups.length > 3 ? t('annualCycle.home.classCount', { count: g.basisGroups.length }) : g.basisGroups.map((b) => b.name).join(', ');
  const left = g.total - g.done;
  return (
    <li className={g.overdue > 0 ? 'annual-home__item annual-home__item--overdue' : 'annual-home__item'}>
      <div className="annual-home__title">
        <strong lang={lang}>{g.title}</strong>{where && <> · {where}</>}
      </div>
      <Paragraph data-size="sm">
        <WeeksText weeks={g.weeks} /> ({format.date(g.opensOn)}–{format.date(g.closesOn)}) · {t('annualCycle.home.progress', { done: g.done, total: g.total })}
        {g.overdue > 0 && <> · <strong className="annual-overdue">{t('annualCycle.home.overdue', { count: g.overdue })}</strong></>}
      </Paragraph>
      {g.handTicked && <Paragraph data-size="sm" className="muted">{t('annualCycle.handTickedNote')}</Paragraph>}
      {single ? (
        g.handTicked && (
          <Button data-size="sm" variant="secondary" loading={tick.isPending}
            aria-label={t('annualCycle.home.tickLabel', { title: g.title, name: g.pending[0]!.name })}
            onClick={() => tick.mutate({ routineId: g.routineId, subjectId: g.pending[0]!.subjectId, teacherId: g.pending[0]!.teacherId })}>
            {t('annualCycle.home.tick')}
          </Button>
        )
      ) : (
        <details className="annual-home__details">
          <summary>
            {t('annualCycle.home.showPending', { count: left })}
            <span className="ds-sr-only">: <span lang={lang}>{g.title}</span></span>
          </summary>
          <Pending g={g} />
          {g.pending.length < left && <Paragraph data-size="sm" className="muted">{t('annualCycle.home.firstOnly', { count: g.pending.length })}</Paragraph>}
        </details>
      )}
      {tick.error && <ErrorAlert error={tick.error} />}
    </li>
  );
}

/** Who is left on a routine's line; with students from more than one class, a short list per class. */
function Pending({ g }: { g: TaskGroup }) {
  const byClass = new Map<string, TaskItem[]>();
  for (const p of g.pending) byClass.set(p.detail ?? '', [...(byClass.get(p.detail ?? '') ?? []), p]);
  if (!aboutStudents(g) || byClass.size < 2) return <PendingList g={g} items={g.pending} />;
  return (
    <ul className="annual-home__classes">
      {[...byClass.entries()].map(([name, items]) => (
        <li key={name}>
          <span className="annual-home__class">{name} ({items.length})</span>
          <PendingList g={g} items={items} />
        </li>
      ))}
    </ul>
  );
}

function PendingList({ g, items }: { g: TaskGroup; items: TaskItem[] }) {
  const { t } = useTranslation();
  const tick = useTick();
  // a routine's tasks share one window, so their status is the line's ("3 overdue"): a tag per name would only repeat it
  const mixed = new Set(g.pending.map((p) => p.status)).size > 1;
  return (
    <ul className="annual-home__pending">
      {items.map((p) => (
        <li key={`${p.subjectId}|${p.teacherId ?? ''}`}>
          {aboutStudents(g)
            ? <AppLink to="/students/$studentId" params={{ studentId: p.subjectId }}>{p.name}</AppLink>
            : p.name}{' '}
          {mixed && <StatusTag status={p.status} />}
          {g.handTicked && (
            <Button data-size="sm" variant="tertiary" aria-label={t('annualCycle.home.tickLabel', { title: g.title, name: p.name })}
              onClick={() => tick.mutate({ routineId: g.routineId, subjectId: p.subjectId, teacherId: p.teacherId })}>
              {t('annualCycle.home.tick')}
            </Button>
          )}
        </li>
      ))}
      {tick.error && <li><ErrorAlert error={tick.error} /></li>}
    </ul>
  );
}
