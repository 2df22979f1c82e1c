import { Button, Checkbox, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AppLink } from '../../core/ui/AppLink';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { myTasksQuery, useDigestPreference, useTick, type TaskGroup } from './api';
import { StatusTag, WeeksText, useRoutineLang } from './parts';

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

function GroupItem({ g }: { g: TaskGroup }) {
  const { t } = useTranslation();
  const format = useFormat();
  const tick = useTick();
  const lang = useRoutineLang();
  const single = g.pending.length === 1 && g.scope !== 'eachStudent' && g.scope !== 'eachSubjectTeacherOfStudent';
  return (
    <li className="annual-home__item">
      <div className="annual-home__title">
        <strong lang={lang}>{g.title}</strong>{g.basisGroup && <> · {g.basisGroup.name}</>}
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
        <details>
          <summary>{t('annualCycle.home.showPending', { count: g.pending.length })}</summary>
          <ul className="annual-home__pending">
            {g.pending.map((p) => (
              <li key={`${p.subjectId}|${p.teacherId ?? ''}`}>
                {g.scope === 'eachStudent' || g.scope === 'eachSubjectTeacherOfStudent'
                  ? <AppLink to="/students/$studentId" params={{ studentId: p.subjectId }}>{p.name}</AppLink>
                  : p.name}{' '}
                <StatusTag status={p.status} />
                {g.handTicked && (
                  <Button data-size="sm" variant="tertiary" aria-label={t('annualCycle.home.tickLabel', { title: g.title, name: p.name })}
                    onClick={() => tick.mutate({ routineId: g.routineId, subjectId: p.subjectId, teacherId: p.teacherId })}>
                    {t('annualCycle.home.tick')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
      {tick.error && <ErrorAlert error={tick.error} />}
    </li>
  );
}
