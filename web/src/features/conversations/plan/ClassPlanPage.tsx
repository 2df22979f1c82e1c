import { Chip, Details, Fieldset, Heading, Link as DsLink, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso, useFormat } from '../../../core/format';
import { AccessReason } from '../../../core/ui/AccessReason';
import { AppLink } from '../../../core/ui/AppLink';
import { NoValue } from '../../../core/ui/Facts';
import { PageHeading } from '../../../core/ui/PageHeading';
import { PublishSlotsLink } from '../../booking';
import type { ClassPlan, PlanRow, PlanWindow } from '../types';
import { classPlanCsvHref, classPlanQuery } from './api';
import { usePlanDates } from './dates';
import { HrefLink } from './HrefLink';
import { AlertIcon, CheckIcon } from '../../../core/ui/icons';
import { ConferenceBadge, kindLabel, LawBadge } from './labels';

type Cell = PlanRow['cells'][number];

/** The columns of the school's plan: one per window, in the order they open. */
function planColumns(plan: ClassPlan['plan']): PlanWindow[] {
  return [...plan.windows].sort((a, b) => a.opensOn.localeCompare(b.opensOn) || a.kind.localeCompare(b.kind));
}

/** A row's cell for a window: the one of that kind with that deadline, else the first of that kind. */
function cellFor(row: PlanRow, w: PlanWindow): Cell | undefined {
  return row.cells.find((c) => c.kind === w.kind && c.closesOn === w.closesOn) ?? row.cells.find((c) => c.kind === w.kind);
}

const isOverdue = (row: PlanRow) => row.cells.some((c) => c.status === 'overdue');
const lawMissed = (row: PlanRow) => [row.law.l01Autumn, row.law.l01Spring, row.law.l02].includes('missed');

export function ClassPlanPage({ basisGroupId }: { basisGroupId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(classPlanQuery(basisGroupId));
  const [onlyOverdue, setOnlyOverdue] = useState(false);
  const [onlyLawMissed, setOnlyLawMissed] = useState(false);
  const columns = useMemo(() => planColumns(data.plan), [data.plan]);

  const rows = data.students.filter((r) => (!onlyOverdue || isOverdue(r)) && (!onlyLawMissed || lawMissed(r)));
  const overdueCells = data.students.reduce((n, r) => n + r.cells.filter((c) => c.status === 'overdue').length, 0);
  const overdueStudents = data.students.filter(isOverdue).length;
  const noStartOfYear = data.students.filter((r) =>
    r.cells.some((c) => c.kind === 'startOfYear' && c.status !== 'held' && c.status !== 'notApplicable'),
  ).length;
  const lawMissedStudents = data.students.filter(lawMissed).length;

  return (
    <div className="stack">
      <div>
        <PageHeading title={t('conversations.plan.classPlan.title', { name: data.group.name })} />
        <Paragraph className="muted">
          {t('conversations.plan.classPlan.subtitle', { level: format.level(data.group.level), year: data.plan.schoolYear.name })}
        </Paragraph>
        <AccessReason access={data.access} />
      </div>
      <PublishSlotsLink group={{ type: 'basisGroup', id: basisGroupId }} />

      <section aria-labelledby="plan-summary" className="plan-summary">
        <Heading level={2} data-size="xs" id="plan-summary" className="ds-sr-only">
          {t('conversations.plan.classPlan.summary')}
        </Heading>
        <ul className="plan-figures">
          <li data-alert={overdueCells > 0 || undefined}>
            <span className="plan-figures__number">{overdueCells}</span>
            <span>
              {overdueCells > 0 && <AlertIcon />}
              {t('conversations.plan.classPlan.overdueFigure', { count: overdueCells })}
              {overdueCells > 0 && <> {t('conversations.plan.classPlan.overdueStudents', { count: overdueStudents })}</>}
            </span>
          </li>
          <li data-alert={noStartOfYear > 0 || undefined}>
            <span className="plan-figures__number">{noStartOfYear}</span>
            <span>{t('conversations.plan.classPlan.noStartOfYearFigure', { count: noStartOfYear })}</span>
          </li>
          <li data-alert={lawMissedStudents > 0 || undefined}>
            <span className="plan-figures__number">{lawMissedStudents}</span>
            <span>{t('conversations.plan.classPlan.lawMissedFigure', { count: lawMissedStudents })}</span>
          </li>
        </ul>
      </section>

      <PlanLegend plan={data.plan} columns={columns} />

      <div className="toolbar">
        <Fieldset className="plan-filters">
          <Fieldset.Legend>{t('conversations.plan.classPlan.filters')}</Fieldset.Legend>
          <div className="plan-filters__chips">
            <Chip.Checkbox checked={onlyOverdue} onChange={(e) => setOnlyOverdue(e.target.checked)}>
              {t('conversations.plan.classPlan.onlyOverdue')}
            </Chip.Checkbox>
            <Chip.Checkbox checked={onlyLawMissed} onChange={(e) => setOnlyLawMissed(e.target.checked)}>
              {t('conversations.plan.classPlan.onlyLawMissed')}
            </Chip.Checkbox>
          </div>
        </Fieldset>
        <div className="plan-toolbar-end">
          <Paragraph role="status" data-size="sm" className="toolbar__count">
            {t('conversations.plan.classPlan.showing', { shown: rows.length, count: data.students.length })}
          </Paragraph>
          <DsLink href={classPlanCsvHref(basisGroupId)} download>
            {t('conversations.plan.classPlan.csv')}
          </DsLink>
        </div>
      </div>

      <PlanTable data={data} columns={columns} rows={rows} />
    </div>
  );
}

/** What the table's words mean, and that the law's floor stands apart from the school's own target. */
function PlanLegend({ plan, columns }: { plan: ClassPlan['plan']; columns: PlanWindow[] }) {
  const { t } = useTranslation();
  const dates = usePlanDates();
  return (
    <div className="plan-legend">
      <Paragraph>
        {t('conversations.plan.classPlan.targetVsLaw', { count: plan.conversationsPerYear })}
      </Paragraph>
      <Details>
        <Details.Summary>{t('conversations.plan.classPlan.legendTitle')}</Details.Summary>
        <Details.Content>
          <div className="stack">
            <div>
              <Heading level={3} data-size="2xs">
                {t('conversations.plan.classPlan.windowsTitle')}
              </Heading>
              <ul className="plan-window-list">
                {columns.map((w) => (
                  <li key={w.id}>
                    <strong>{kindLabel(t, w.kind)}</strong>: {dates.weeks(w.opensWeek, w.closesWeek)} (
                    {dates.range(w.opensOn, w.closesOn)})
                    {w.appliesTo === 'under18' && <> – {t('conversations.plan.appliesTo.under18')}</>}
                  </li>
                ))}
              </ul>
            </div>
            <div>
              <Heading level={3} data-size="2xs">
                {t('conversations.plan.classPlan.statusTitle')}
              </Heading>
              <dl className="plan-legend__list">
                <dt>{t('conversations.plan.cell.held')}</dt>
                <dd>{t('conversations.plan.legend.held')}</dd>
                <dt>{t('conversations.plan.cell.planned')}</dt>
                <dd>{t('conversations.plan.legend.planned')}</dd>
                <dt>{t('conversations.plan.cell.due')}</dt>
                <dd>{t('conversations.plan.legend.due')}</dd>
                <dt>{t('conversations.plan.cell.overdue')}</dt>
                <dd>{t('conversations.plan.legend.overdue')}</dd>
                <dt>{t('conversations.plan.cell.upcoming')}</dt>
                <dd>{t('conversations.plan.legend.upcoming')}</dd>
                <dt>{t('conversations.plan.law.title')}</dt>
                <dd>{t('conversations.plan.legend.law')}</dd>
              </dl>
            </div>
          </div>
        </Details.Content>
      </Details>
    </div>
  );
}

function PlanTable({ data, columns, rows }: { data: ClassPlan; columns: PlanWindow[]; rows: PlanRow[] }) {
  const { t } = useTranslation();
  const dates = usePlanDates();
  const today = todayIso();
  const captionId = useId();
  const lawPrefix = t('conversations.plan.law.title');
  const labels = {
    student: t('conversations.plan.classPlan.student'),
    heldOfTarget: t('conversations.plan.classPlan.heldOfTarget'),
    autumn: `${lawPrefix}: ${t('conversations.plan.law.autumn')}`,
    spring: `${lawPrefix}: ${t('conversations.plan.law.spring')}`,
    guardians: `${lawPrefix}: ${t('conversations.plan.law.guardians')}`,
    conference: t('conversations.plan.classPlan.conference'),
    next: t('conversations.plan.classPlan.next'),
  };

  if (data.students.length === 0) return <Paragraph>{t('conversations.plan.classPlan.empty')}</Paragraph>;

  return (
    <>
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <Table border data-color="neutral" data-size="sm" className="plan-table plan-table--sticky">
          <caption id={captionId}>{t('conversations.plan.classPlan.caption', { name: data.group.name })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col" rowSpan={2}>
                {labels.student}
              </Table.HeaderCell>
              <Table.HeaderCell scope="colgroup" colSpan={columns.length + 1} className="plan-table__group">
                {t('conversations.plan.classPlan.schoolPlan')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="colgroup" colSpan={3} className="plan-table__group plan-table__law">
                {lawPrefix}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" rowSpan={2}>
                {labels.conference}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" rowSpan={2}>
                {labels.next}
              </Table.HeaderCell>
            </Table.Row>
            <Table.Row>
              {columns.map((w) => (
                <Table.HeaderCell key={w.id} scope="col">
                  <span className="plan-table__kind">{kindLabel(t, w.kind)}</span>
                  <span className="plan-table__weeks" title={dates.range(w.opensOn, w.closesOn)}>
                    {dates.weeks(w.opensWeek, w.closesWeek)}
                  </span>
                  <span className="ds-sr-only">({dates.range(w.opensOn, w.closesOn)})</span>
                </Table.HeaderCell>
              ))}
              <Table.HeaderCell scope="col">{labels.heldOfTarget}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="plan-table__law">
                <span className="ds-sr-only">{lawPrefix}: </span>
                {t('conversations.plan.law.autumn')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col">
                <span className="ds-sr-only">{lawPrefix}: </span>
                {t('conversations.plan.law.spring')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col">
                <span className="ds-sr-only">{lawPrefix}: </span>
                {t('conversations.plan.law.guardians')}
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((r) => (
              <Table.Row key={r.studentId} data-alert={isOverdue(r) || lawMissed(r) || undefined}>
                <Table.HeaderCell scope="row" className="plan-table__name">
                  <AppLink to="/students/$studentId" params={{ studentId: r.studentId }} data-color="accent">
                    {r.name}
                  </AppLink>
                  {r.isAdult && (
                    <Tag data-color="info" data-size="sm" title={t('common.adultLong')}>
                      {t('common.adult')}
                    </Tag>
                  )}
                </Table.HeaderCell>
                {columns.map((w) => (
                  <Table.Cell key={w.id} data-label={`${kindLabel(t, w.kind)} (${dates.weeks(w.opensWeek, w.closesWeek)})`}>
                    <PlanCell cell={cellFor(r, w)} window={w} />
                  </Table.Cell>
                ))}
                <Table.Cell data-label={labels.heldOfTarget} className="nowrap">
                  <HeldOfTarget held={r.held} target={r.target} />
                </Table.Cell>
                <Table.Cell data-label={labels.autumn} className="plan-table__law">
                  <LawBadge status={r.law.l01Autumn} />
                </Table.Cell>
                <Table.Cell data-label={labels.spring}>
                  <LawBadge status={r.law.l01Spring} />
                </Table.Cell>
                <Table.Cell data-label={labels.guardians}>
                  <LawBadge status={r.law.l02} />
                </Table.Cell>
                <Table.Cell data-label={labels.conference}>
                  <ConferenceBadge status={r.guardianConference} />
                </Table.Cell>
                <Table.Cell data-label={labels.next}>
                  {r.next ? (
                    <span>
                      {kindLabel(t, r.next.kind)}
                      <br />
                      {r.next.closesOn < today ? (
                        <span className="plan-cell--overdue nowrap">{t('conversations.plan.deadlineWas', { date: dates.short(r.next.closesOn) })}</span>
                      ) : (
                        <span className="muted nowrap">{t('conversations.plan.deadline', { date: dates.short(r.next.closesOn) })}</span>
                      )}
                    </span>
                  ) : (
                    <NoValue label={t('conversations.plan.classPlan.nothingNext')} />
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {rows.length === 0 && <Paragraph>{t('conversations.plan.classPlan.noMatch')}</Paragraph>}
    </>
  );
}

function HeldOfTarget({ held, target }: { held: number; target: number }) {
  const { t } = useTranslation();
  const met = target > 0 && held >= target;
  return (
    <span className={met ? 'plan-met' : undefined}>
      {met && <CheckIcon />}
      {t('conversations.plan.heldOfTarget', { held, target })}
    </span>
  );
}

/** One student and one window: held, planned (a link to the conversation), due, overdue, upcoming or not applicable. */
function PlanCell({ cell, window: w }: { cell: Cell | undefined; window: PlanWindow }) {
  const { t } = useTranslation();
  if (!cell || cell.status === 'notApplicable') return <NoValue label={t('conversations.plan.cell.notApplicable')} />;
  // Subject conversations are one per teaching group: say how many of the student's subjects have had theirs.
  const progress = cell.progress && cell.status !== 'upcoming' && (
    <span className="plan-cell__progress">{t('conversations.plan.cell.progress', { held: cell.progress.held, of: cell.progress.of })}</span>
  );
  return (
    <span className="plan-cell__stack">
      <CellStatus cell={cell} window={w} />
      {progress}
    </span>
  );
}

function CellStatus({ cell, window: w }: { cell: Cell; window: PlanWindow }) {
  const { t } = useTranslation();
  const dates = usePlanDates();
  switch (cell.status) {
    case 'notApplicable':
      return null;
    case 'held':
      return (
        <span className="plan-cell plan-cell--held">
          <CheckIcon />
          <span>
            {t('conversations.plan.cell.held')}
            {cell.date && (
              <>
                {' '}
                <time dateTime={cell.date} className="nowrap">{dates.short(cell.date)}</time>
              </>
            )}
          </span>
        </span>
      );
    case 'planned': {
      const text = cell.date
        ? t('conversations.plan.cell.plannedOn', { date: dates.short(cell.date) })
        : t('conversations.plan.cell.planned');
      return (
        <span className="plan-cell plan-cell--planned">
          {cell.conversationId ? <HrefLink href={`/conversations/${encodeURIComponent(cell.conversationId)}`}>{text}</HrefLink> : text}
        </span>
      );
    }
    case 'due':
      return (
        <span className="plan-cell plan-cell--due">
          <span>
            {t('conversations.plan.cell.due')}
            <br />
            <span className="muted nowrap">{t('conversations.plan.deadline', { date: dates.short(cell.closesOn) })}</span>
          </span>
        </span>
      );
    case 'overdue':
      return (
        <span className="plan-cell plan-cell--overdue">
          <AlertIcon />
          <span>
            <strong>{t('conversations.plan.cell.overdue')}</strong>
            <br />
            <span className="nowrap">{t('conversations.plan.deadlineWas', { date: dates.short(cell.closesOn) })}</span>
          </span>
        </span>
      );
    case 'upcoming':
      return (
        <span className="plan-cell plan-cell--upcoming muted">
          {t('conversations.plan.cell.opens', { week: dates.weeks(w.opensWeek, w.opensWeek) })}
        </span>
      );
  }
}
