import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { PageHeading } from '../../core/ui/PageHeading';
import { classComplianceQuery, complianceQuery, studentTasksQuery, useRefreshCompliance, type Counts } from './api';
import { StatusTag, WeeksText, useRoutineLang } from './parts';

function CountCells({ c }: { c: Counts }) {
  const { t } = useTranslation();
  return (
    <>
      <Table.Cell>{t('annualCycle.compliance.doneOf', { done: c.done, total: c.total })}</Table.Cell>
      <Table.Cell>{c.overdue > 0 ? <strong className="annual-overdue">{c.overdue}</strong> : 0}</Table.Cell>
      <Table.Cell>{c.open}</Table.Cell>
      <Table.Cell>{c.late}</Table.Cell>
    </>
  );
}

function CountHeads() {
  const { t } = useTranslation();
  return (
    <>
      <Table.HeaderCell>{t('annualCycle.compliance.done')}</Table.HeaderCell>
      <Table.HeaderCell>{t('annualCycle.compliance.overdue')}</Table.HeaderCell>
      <Table.HeaderCell>{t('annualCycle.compliance.open')}</Table.HeaderCell>
      <Table.HeaderCell>{t('annualCycle.compliance.late')}</Table.HeaderCell>
    </>
  );
}

/** The counts are kept a few minutes (the whole school's evidence is costly to read): say when, and offer them now. */
function ComputedAt({ at, keptForSeconds }: { at: string; keptForSeconds: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const refresh = useRefreshCompliance();
  return (
    <div className="annual-computed">
      <Paragraph data-size="sm" aria-live="polite">{t('annualCycle.compliance.computedAt', { at: f.dateTime(at), minutes: Math.max(1, Math.round(keptForSeconds / 60)) })}</Paragraph>
      <Button variant="secondary" data-size="sm" onClick={() => refresh.mutate()} aria-busy={refresh.isPending || undefined} disabled={refresh.isPending}>
        {t('annualCycle.compliance.refresh')}
      </Button>
      {refresh.isError && <Paragraph data-size="sm" role="alert">{t('annualCycle.compliance.refreshFailed')}</Paragraph>}
    </div>
  );
}

/** The leaders' compliance (R-30…R-33): per routine, class and teacher; the principal the school, a department head the department. */
export function CompliancePage() {
  const lang = useRoutineLang();
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(complianceQuery());
  const tableOf = (caption: string, first: string, rows: { key: string; name: React.ReactNode; c: Counts }[]) => (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <Table>
        <caption className="ds-sr-only">{caption}</caption>
        <Table.Head><Table.Row><Table.HeaderCell>{first}</Table.HeaderCell><CountHeads /></Table.Row></Table.Head>
        <Table.Body>
          {rows.map((r) => <Table.Row key={r.key}><Table.HeaderCell scope="row">{r.name}</Table.HeaderCell><CountCells c={r.c} /></Table.Row>)}
        </Table.Body>
      </Table>
    </div>
  );
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('annualCycle.compliance.title')} />
        <Paragraph>{data.scope === 'school' ? t('annualCycle.compliance.introSchool', { year: data.schoolYear }) : t('annualCycle.compliance.introDepartment', { year: data.schoolYear })}</Paragraph>
        <AccessReason access={data.access} />
        {data.computedAt && <ComputedAt at={data.computedAt} keptForSeconds={data.keptForSeconds} />}
      </div>
      {data.routines.length === 0 ? <Paragraph>{t('annualCycle.compliance.none')}</Paragraph> : (
        <>
          <Heading level={2} data-size="sm">{t('annualCycle.compliance.perRoutine')}</Heading>
          {tableOf(t('annualCycle.compliance.perRoutine'), t('annualCycle.compliance.routine'), data.routines.map((r) => ({
            key: r.routineId, c: r,
            name: <><span lang={lang}>{r.title}</span> <span className="muted">(<WeeksText weeks={r.weeks} />)</span>{r.handTicked && <span className="muted"> · {t('annualCycle.evidence.handTicked')}</span>}</>,
          })))}
          <Heading level={2} data-size="sm">{t('annualCycle.compliance.perClass')}</Heading>
          {tableOf(t('annualCycle.compliance.perClass'), t('annualCycle.compliance.class'), data.classes.map((c) => ({
            key: c.basisGroupId, c,
            name: <AppLink to="/classes/$basisGroupId/routines" params={{ basisGroupId: c.basisGroupId }}>{c.name}</AppLink>,
          })))}
          <Heading level={2} data-size="sm">{t('annualCycle.compliance.perTeacher')}</Heading>
          {tableOf(t('annualCycle.compliance.perTeacher'), t('annualCycle.compliance.teacher'), data.teachers.map((x) => ({ key: x.staffMemberId, c: x, name: x.name })))}
        </>
      )}
    </div>
  );
}

/** Drill-down to a class: each student's routine tasks, and the class's own (R-30…R-33). */
export function ClassRoutinesPage({ basisGroupId }: { basisGroupId: string }) {
  const lang = useRoutineLang();
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(classComplianceQuery(basisGroupId));
  const classRoutines = data.routines.filter((r) => r.scope === 'eachBasisGroup');
  const studentRoutines = data.routines.filter((r) => r.scope === 'eachStudent' || r.scope === 'eachSubjectTeacherOfStudent');
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('annualCycle.classPage.title', { group: data.basisGroup.name })} />
        <AccessReason access={data.access} />
      </div>
      <Paragraph>{t('annualCycle.classPage.intro')}</Paragraph>
      <Heading level={2} data-size="sm">{t('annualCycle.classPage.classTasks')}</Heading>
      <ul className="annual-class-tasks">
        {classRoutines.map((r) => {
          const task = data.classTasks.find((x) => x.routineId === r.routineId);
          return (
            <li key={r.routineId}>
              <span lang={lang}>{r.title}</span> <span className="muted">(<WeeksText weeks={r.weeks} />)</span> {task && <StatusTag status={task.status} />}
              {task?.doneOn && <span className="muted"> {format.date(task.doneOn)}</span>}
              {task?.tickedBy && <span className="muted"> · {t('annualCycle.classPage.tickedBy', { name: task.tickedBy })}</span>}
            </li>
          );
        })}
      </ul>
      <Heading level={2} data-size="sm">{t('annualCycle.classPage.students')}</Heading>
      <div className="table-scroll" role="region" aria-label={t('annualCycle.classPage.students')} tabIndex={0}>
        <Table>
          <caption className="ds-sr-only">{t('annualCycle.classPage.students')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('annualCycle.classPage.student')}</Table.HeaderCell>
              {studentRoutines.map((r) => <Table.HeaderCell key={r.routineId} lang={lang}>{r.title}</Table.HeaderCell>)}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.students.map((s) => (
              <Table.Row key={s.studentId}>
                <Table.HeaderCell scope="row">
                  <AppLink to="/students/$studentId/routines" params={{ studentId: s.studentId }}>{s.familyName}, {s.givenName}</AppLink>
                </Table.HeaderCell>
                {studentRoutines.map((r) => {
                  const task = s.tasks.find((x) => x.routineId === r.routineId);
                  return (
                    <Table.Cell key={r.routineId}>
                      {task ? <><StatusTag status={task.status} />{task.total > 1 && <span className="muted"> {task.done}/{task.total}</span>}</> : '–'}
                    </Table.Cell>
                  );
                })}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </div>
  );
}

/** Drill-down to a student: every routine task, its window and what shows it is done. */
export function StudentRoutinesPage({ studentId }: { studentId: string }) {
  const lang = useRoutineLang();
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(studentTasksQuery(studentId));
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('annualCycle.studentPage.title')} />
        <AccessReason access={data.access} />
      </div>
      <Paragraph>{t('annualCycle.studentPage.intro')}</Paragraph>
      <div className="table-scroll" role="region" aria-label={t('annualCycle.studentPage.title')} tabIndex={0}>
        <Table>
          <caption className="ds-sr-only">{t('annualCycle.studentPage.title')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('annualCycle.studentPage.routine')}</Table.HeaderCell>
              <Table.HeaderCell>{t('annualCycle.studentPage.teacher')}</Table.HeaderCell>
              <Table.HeaderCell>{t('annualCycle.studentPage.when')}</Table.HeaderCell>
              <Table.HeaderCell>{t('annualCycle.studentPage.status')}</Table.HeaderCell>
              <Table.HeaderCell>{t('annualCycle.studentPage.doneOn')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.tasks.map((x) => (
              <Table.Row key={`${x.routineId}|${x.teacher ?? ''}`}>
                <Table.HeaderCell scope="row"><span lang={lang}>{x.title}</span>{x.handTicked && <span className="muted"> · {t('annualCycle.evidence.handTicked')}</span>}</Table.HeaderCell>
                <Table.Cell>{x.teacher ?? '–'}</Table.Cell>
                <Table.Cell><WeeksText weeks={x.weeks} /></Table.Cell>
                <Table.Cell><StatusTag status={x.status} /></Table.Cell>
                <Table.Cell>{x.doneOn ? format.date(x.doneOn) : '–'}{x.tickedBy && <span className="muted"> · {t('annualCycle.classPage.tickedBy', { name: x.tickedBy })}</span>}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </div>
  );
}
