import { Paragraph, Table } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../../core/auth/session';
import { useFormat } from '../../../core/format';
import { AccessReason } from '../../../core/ui/AccessReason';
import { AppLink } from '../../../core/ui/AppLink';
import { PageHeading } from '../../../core/ui/PageHeading';
import type { ComplianceRow } from '../types';
import { complianceQuery } from './api';
import { AlertIcon } from '../../../core/ui/icons';
import { percent } from './util';

type Counted = Omit<ComplianceRow, 'id' | 'name' | 'scope'>;

const sum = (rows: ComplianceRow[]): Counted =>
  rows.reduce<Counted>(
    (a, r) => ({
      students: a.students + r.students,
      startOfYearHeld: a.startOfYearHeld + r.startOfYearHeld,
      guardianConferenceHeld: a.guardianConferenceHeld + r.guardianConferenceHeld,
      guardianConferenceEligible: a.guardianConferenceEligible + r.guardianConferenceEligible,
      overdue: a.overdue + r.overdue,
      targetMet: a.targetMet + r.targetMet,
      l01Missing: a.l01Missing + r.l01Missing,
      l02Missing: a.l02Missing + r.l02Missing,
    }),
    { students: 0, startOfYearHeld: 0, guardianConferenceHeld: 0, guardianConferenceEligible: 0, overdue: 0, targetMet: 0, l01Missing: 0, l02Missing: 0 },
  );

/** The leaders' view (R-10): how far each department or class has come with the plan, and where the law's floor is not met. */
export function CompliancePage({ departmentId }: { departmentId?: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const { data } = useSuspenseQuery(complianceQuery(departmentId));
  const captionId = useId();
  const byDepartment = data.rows.some((r) => r.scope === 'department');
  const total = sum(data.rows);
  const canEditPlan = hasRole(me, 'principal', 'schoolAdmin');

  const headers = {
    name: byDepartment ? t('conversations.plan.compliance.department') : t('conversations.plan.compliance.class'),
    students: t('conversations.plan.compliance.students'),
    startOfYear: t('conversations.plan.compliance.startOfYearHeld'),
    conference: t('conversations.plan.compliance.conferenceHeld'),
    overdue: t('conversations.plan.compliance.overdue'),
    targetMet: t('conversations.plan.compliance.targetMet'),
    l01: t('conversations.plan.compliance.l01Missing'),
    l02: t('conversations.plan.compliance.l02Missing'),
  };

  return (
    <div className="stack">
      <div>
        <PageHeading title={t('conversations.plan.compliance.title')} />
        <Paragraph className="muted">{data.title}</Paragraph>
        <AccessReason access={data.access} />
      </div>
      {departmentId && hasRole(me, 'principal') && (
        <Paragraph>
          <AppLink to="/conversation-compliance" search={{}}>
            {t('conversations.plan.compliance.allDepartments')}
          </AppLink>
        </Paragraph>
      )}
      <Paragraph>{byDepartment ? t('conversations.plan.compliance.introSchool') : t('conversations.plan.compliance.introDepartment')}</Paragraph>
      <Paragraph data-size="sm" className="muted">
        {t('conversations.plan.compliance.lawNote')}{' '}
        {canEditPlan ? (
          <AppLink to="/settings/conversation-plan">{t('conversations.plan.compliance.planLink')}</AppLink>
        ) : (
          <AppLink to="/settings/conversation-plan">{t('conversations.plan.compliance.planLinkRead')}</AppLink>
        )}
      </Paragraph>

      {data.rows.length === 0 ? (
        <Paragraph>{t('conversations.plan.compliance.empty')}</Paragraph>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <Table border zebra data-color="neutral" className="plan-table plan-table--compliance">
            <caption id={captionId}>{t('conversations.plan.compliance.caption', { title: data.title })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{headers.name}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{headers.students}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{headers.startOfYear}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{headers.conference}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{headers.overdue}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{headers.targetMet}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{headers.l01}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{headers.l02}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.rows.map((r) => (
                <Table.Row key={r.id} data-alert={r.overdue > 0 || r.l01Missing > 0 || r.l02Missing > 0 || undefined}>
                  <Table.HeaderCell scope="row" className="plan-table__name">
                    {r.scope === 'department' ? (
                      <AppLink to="/conversation-compliance" search={{ departmentId: r.id }} data-color="accent">
                        {r.name}
                      </AppLink>
                    ) : (
                      <AppLink to="/classes/$basisGroupId/conversations" params={{ basisGroupId: r.id }} data-color="accent">
                        {r.name}
                      </AppLink>
                    )}
                  </Table.HeaderCell>
                  <Counts row={r} headers={headers} />
                </Table.Row>
              ))}
            </Table.Body>
            {data.rows.length > 1 && (
              <Table.Foot>
                <Table.Row className="plan-table__total">
                  <Table.HeaderCell scope="row">{t('conversations.plan.compliance.total')}</Table.HeaderCell>
                  <Counts row={total} headers={headers} />
                </Table.Row>
              </Table.Foot>
            )}
          </Table>
        </div>
      )}
    </div>
  );
}

function Counts({ row: r, headers }: { row: Counted; headers: Record<string, string> }) {
  return (
    <>
      <Table.Cell data-label={headers.students} className="numeric">
        {r.students}
      </Table.Cell>
      <Table.Cell data-label={headers.startOfYear} className="numeric">
        <Share part={r.startOfYearHeld} whole={r.students} />
      </Table.Cell>
      <Table.Cell data-label={headers.conference} className="numeric">
        <Share part={r.guardianConferenceHeld} whole={r.guardianConferenceEligible} />
      </Table.Cell>
      <Table.Cell data-label={headers.overdue} className="numeric">
        <Problem n={r.overdue} />
      </Table.Cell>
      <Table.Cell data-label={headers.targetMet} className="numeric">
        <Share part={r.targetMet} whole={r.students} />
      </Table.Cell>
      <Table.Cell data-label={headers.l01} className="numeric">
        <Problem n={r.l01Missing} />
      </Table.Cell>
      <Table.Cell data-label={headers.l02} className="numeric">
        <Problem n={r.l02Missing} />
      </Table.Cell>
    </>
  );
}

/** "25 av 28 (89 %)" */
function Share({ part, whole }: { part: number; whole: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const p = percent(part, whole);
  if (whole === 0) return <span className="muted">{t('conversations.plan.compliance.noneEligible')}</span>;
  const pct = new Intl.NumberFormat(format.locale, { style: 'percent' }).format((p ?? 0) / 100);
  return (
    <span className="nowrap">
      {t('conversations.plan.compliance.share', { part, whole })} <span className="muted">({pct})</span>
    </span>
  );
}

/** A count of something that needs doing: marked with an icon (not colour alone) when above zero. */
function Problem({ n }: { n: number }) {
  if (n === 0) return <span>0</span>;
  return (
    <span className="plan-problem">
      <AlertIcon />
      {n}
    </span>
  );
}
