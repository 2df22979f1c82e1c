import { Checkbox, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../core/auth/session';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { NoValue } from '../../core/ui/Facts';
import { PageHeading } from '../../core/ui/PageHeading';
import { classAbsenceQuery, useCheckWeek, weekQuery, type ClassAbsence, type Signal, type SubjectStatus } from './api';
import { FullDayForm } from './StudentAbsencePage';
import './absence.css';

const statusColor: Record<SubjectStatus, 'success' | 'warning' | 'danger' | 'info'> = { ok: 'success', nearLimit: 'warning', overLimit: 'danger', gradeByDecision: 'info' };

export function signalText(t: TFunction, s: Signal, rules: ClassAbsence['rules'], locale: string[]): string {
  const weeks = rules.find((r) => r.kind === s.kind)?.windowWeeks ?? 0;
  return t(`absence.signals.${s.kind}`, {
    value: s.value.toLocaleString(locale), subject: s.subjectCode ?? '', weeks, weekday: s.weekday ? t(`absence.weekdays.d${s.weekday as 1}`) : '',
  });
}

/** The class's absence (R-21): each student's highest subject, the signals, and who has had no follow-up yet. */
export function ClassAbsencePage({ basisGroupId }: { basisGroupId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const { data } = useSuspenseQuery(classAbsenceQuery(basisGroupId));
  const captionId = useId();
  const listId = useId();
  const isContactTeacher = me.basisGroups.some((g) => g.id === basisGroupId);
  const waiting = data.students.filter((s) => s.needsFollowUp);
  const name = (s: { givenName: string; familyName: string }) => `${s.familyName}, ${s.givenName}`;
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('absence.classPage.title', { name: data.group.name })} />
        <AccessReason access={data.access} />
      </div>
      {isContactTeacher && (
        <Paragraph>
          <AppLink to="/classes/$basisGroupId/absence/week" params={{ basisGroupId }} search={{}}>{t('absence.classPage.weekCheck')}</AppLink>
        </Paragraph>
      )}
      <section aria-labelledby={listId} className="stack">
        <Heading level={2} data-size="sm" id={listId}>{t('absence.classPage.noFollowUpTitle')}</Heading>
        <Paragraph data-size="sm" className="muted">{t('absence.classPage.noFollowUpHelp')}</Paragraph>
        {waiting.length === 0 ? <Paragraph>{t('absence.classPage.noFollowUpEmpty')}</Paragraph> : (
          <ul className="absence-followup">
            {waiting.map((s) => (
              <li key={s.studentId}>
                <AppLink to="/students/$studentId/absence" params={{ studentId: s.studentId }}>{name(s)}</AppLink>
                {': '}
                {s.signals.filter((x) => !x.followedUp).map((x) => `${signalText(t, x, data.rules, format.locale)} (${t('absence.classPage.since', { date: format.date(x.raisedOn) })})`).join('; ')}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <Table zebra border data-color="neutral" className="class-table">
          <caption id={captionId}>{t('absence.classPage.caption', { name: data.group.name })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('absence.classPage.student')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('absence.classPage.highest')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('absence.classPage.hours')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('absence.classPage.days')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('absence.classPage.late')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('absence.classPage.signals')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('absence.classPage.followUp')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.students.map((s) => (
              <Table.Row key={s.studentId}>
                <Table.HeaderCell scope="row">
                  <AppLink to="/students/$studentId/absence" params={{ studentId: s.studentId }} data-color="accent">{name(s)}</AppLink>
                </Table.HeaderCell>
                <Table.Cell>
                  {s.highest ? (
                    <span className="nowrap">
                      {s.highest.subjectCode} {s.highest.percent.toLocaleString(format.locale)} %{' '}
                      {s.highest.status !== 'ok' && <Tag data-size="sm" data-color={statusColor[s.highest.status]}>{t(`absence.status.${s.highest.status}`)}</Tag>}
                    </span>
                  ) : <NoValue />}
                </Table.Cell>
                <Table.Cell className="numeric">{s.absenceHours.toLocaleString(format.locale)}</Table.Cell>
                <Table.Cell className="numeric">{s.fullDays}</Table.Cell>
                <Table.Cell className="numeric">{s.lateCount}</Table.Cell>
                <Table.Cell>{s.signals.length ? s.signals.map((x) => signalText(t, x, data.rules, format.locale)).join('; ') : <NoValue />}</Table.Cell>
                <Table.Cell>
                  {s.signals.length === 0 ? <NoValue /> : s.needsFollowUp
                    ? <Tag data-size="sm" data-color="warning">{t('absence.classPage.needsFollowUp')}</Tag>
                    : <span className="nowrap">{t('absence.classPage.followedUp', { date: format.date(s.lastFollowUpOn) })}</span>}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {isContactTeacher && <FullDayForm today={data.today} students={data.students.map((s) => ({ studentId: s.studentId, name: name(s) }))} />}
    </div>
  );
}

// unsaved-guard: each tick is saved the moment it is made; nothing waits to be saved
/** The class hour's weekly check (R-20): this week's undocumented absence per student, ticked off one by one. */
export function WeekCheckPage({ basisGroupId, week }: { basisGroupId: string; week?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(weekQuery(basisGroupId, week));
  const check = useCheckWeek(basisGroupId);
  const captionId = useId();
  const weekNo = Number(data.week.slice(6));
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('absence.week.title', { name: data.group.name, week: weekNo })} />
        <Paragraph className="muted">{format.date(data.weekStart)} – {format.date(data.weekEnd)}</Paragraph>
        <AccessReason access={data.access} />
      </div>
      <Paragraph>{t('absence.week.intro')}</Paragraph>
      <nav className="absence-toolbar" aria-label={t('absence.week.caption', { week: weekNo })}>
        <AppLink to="/classes/$basisGroupId/absence/week" params={{ basisGroupId }} search={{ week: data.previousWeek }}>{t('absence.week.previous')}</AppLink>
        {data.nextWeek && <AppLink to="/classes/$basisGroupId/absence/week" params={{ basisGroupId }} search={{ week: data.nextWeek }}>{t('absence.week.next')}</AppLink>}
      </nav>
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <Table zebra border data-color="neutral">
          <caption id={captionId}>{t('absence.week.caption', { week: weekNo })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('absence.week.student')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('absence.week.undocumented')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('absence.week.items')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('absence.week.checked')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.students.map((s) => {
              const name = `${s.familyName}, ${s.givenName}`;
              return (
                <Table.Row key={s.studentId}>
                  <Table.HeaderCell scope="row">
                    <AppLink to="/students/$studentId/absence" params={{ studentId: s.studentId }} data-color="accent">{name}</AppLink>
                  </Table.HeaderCell>
                  <Table.Cell className="nowrap">{s.undocumentedMinutes ? `${s.undocumentedMinutes} min` : <NoValue label={t('absence.week.none')} />}</Table.Cell>
                  <Table.Cell>
                    {s.items.map((i) => `${format.date(i.day)} ${i.startsAt} ${i.subjectCode}${i.late ? ` (${t('absence.student.lateMinutes', { minutes: i.minutes })})` : ''}`).join(', ')}
                  </Table.Cell>
                  <Table.Cell>
                    <Checkbox aria-label={t('absence.week.checkStudent', { name })} checked={s.checked !== null} disabled={check.isPending}
                      description={s.checked ? t('absence.week.checkedBy', { by: s.checked.by }) : undefined}
                      onChange={(e) => check.mutate({ weekStart: data.weekStart, studentId: s.studentId, checked: e.target.checked })} />
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </div>
    </div>
  );
}

/** A small column for the class overview: the class's absence signals per student, fetched apart so the overview never waits for it. */
export function useClassAbsenceSignals(basisGroupId: string) {
  const q = useQuery({ ...classAbsenceQuery(basisGroupId), retry: false });
  return q.data ? new Map(q.data.students.map((s) => [s.studentId, s])) : null;
}

type ClassRow = ClassAbsence['students'][number];

/** The class overview's absence cell: the highest subject and the number of signals, linking to the student's absence. */
export function AbsenceCell({ row }: { row: ClassRow | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!row || (!row.highest && row.signals.length === 0)) return <NoValue />;
  return (
    <span className="absence-cell">
      <AppLink to="/students/$studentId/absence" params={{ studentId: row.studentId }} data-color="accent">
        {row.highest ? `${row.highest.subjectCode} ${row.highest.percent.toLocaleString(format.locale)} %` : t('absence.column.header')}
      </AppLink>{' '}
      {row.highest && row.highest.status !== 'ok' && <Tag data-size="sm" data-color={statusColor[row.highest.status]}>{t(`absence.status.${row.highest.status}`)}</Tag>}{' '}
      {row.needsFollowUp && <Tag data-size="sm" data-color="warning">{t('absence.column.signals', { count: row.signals.filter((s) => !s.followedUp).length })}</Tag>}
    </span>
  );
}
