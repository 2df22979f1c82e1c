import { Button, Checkbox, Chip, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../core/format';
import { AccessReason } from '../../../core/ui/AccessReason';
import { AppLink } from '../../../core/ui/AppLink';
import { ErrorAlert } from '../../../core/ui/ErrorAlert';
import { NoValue } from '../../../core/ui/Facts';
import { PageHeading } from '../../../core/ui/PageHeading';
import { PublishSlotsLink } from '../../booking';
import type { ConferenceRow } from '../types';
import { useMe } from '../../../core/auth/session';
import { classListQuery } from '../../classes';
import { conferencesQuery, planQuery, useOfferConference, useRecordDeclined } from './api';
import { usePlanDates } from './dates';
import { AlertIcon } from '../../../core/ui/icons';
import { ConferenceBadge, insightLabel } from './labels';
import { isoWeek } from './util';

/** Guardians the conference can still be offered to (with insight, not yet offered). */
const notYetOffered = (r: ConferenceRow) => r.guardians.filter((g) => !g.offeredAt);
const canOffer = (r: ConferenceRow) => r.status !== 'notApplicable' && notYetOffered(r).length > 0;

// unsaved-guard: its one checkbox is an option of the offer button beside it, used at once
export function GuardianConferencesPage({ basisGroupId }: { basisGroupId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const dates = usePlanDates();
  const { data } = useSuspenseQuery(conferencesQuery(basisGroupId));
  const group = useGroupInfo(basisGroupId);
  const groupName = group?.name ?? '';
  const plan = useQuery(planQuery);
  const offer = useOfferConference(basisGroupId);
  const [toldOfRight, setToldOfRight] = useState(true);
  const [onlyNotOffered, setOnlyNotOffered] = useState(false);
  const [status, setStatus] = useState('');
  const [bulkError, setBulkError] = useState<unknown>(null);
  const [bulkPending, setBulkPending] = useState(false);

  const toOffer = data.rows.filter(canOffer);
  const lateCount = data.rows.filter((r) => r.notOfferedByDeadline).length;
  const rows = onlyNotOffered ? data.rows.filter((r) => r.status === 'notOffered' || r.notOfferedByDeadline) : data.rows;
  const week = data.deadline ? isoWeek(data.deadline) : null;

  async function offerAll() {
    setStatus('');
    setBulkError(null);
    setBulkPending(true);
    let done = 0;
    try {
      for (const r of toOffer) {
        await offer.mutateAsync({ studentId: r.studentId, toldOfRight });
        done += 1;
      }
      setStatus(t('conversations.plan.conferences.offeredMany', { count: done }));
    } catch (e) {
      setBulkError(e);
      if (done) setStatus(t('conversations.plan.conferences.offeredMany', { count: done }));
    } finally {
      setBulkPending(false);
    }
  }

  const title = groupName
    ? t('conversations.plan.conferences.title', { name: groupName })
    : t('conversations.plan.conferences.titleNoName');

  return (
    <div className="stack">
      <div>
        <PageHeading title={title} />
        {group?.level && plan.data && (
          <Paragraph className="muted">
            {t('conversations.plan.classPlan.subtitle', { level: format.level(group.level), year: plan.data.schoolYear.name })}
          </Paragraph>
        )}
        <AccessReason access={data.access} />
      </div>
      <PublishSlotsLink group={{ type: 'basisGroup', id: basisGroupId }} />

      <div className="plan-legend">
        <Paragraph>{t('conversations.plan.conferences.intro')}</Paragraph>
        {data.deadline && (
          <Paragraph>
            <strong>
              {t('conversations.plan.conferences.deadline', { date: dates.long(data.deadline), week: week ?? '' })}
            </strong>
          </Paragraph>
        )}
      </div>

      <section aria-labelledby="conf-summary" className="plan-summary">
        <Heading level={2} data-size="xs" id="conf-summary" className="ds-sr-only">
          {t('conversations.plan.classPlan.summary')}
        </Heading>
        <ul className="plan-figures">
          <li data-alert={toOffer.length > 0 || undefined}>
            <span className="plan-figures__number">{toOffer.length}</span>
            <span>{t('conversations.plan.conferences.toOfferFigure', { count: toOffer.length })}</span>
          </li>
          <li data-alert={lateCount > 0 || undefined}>
            <span className="plan-figures__number">{lateCount}</span>
            <span>
              {lateCount > 0 && <AlertIcon />}
              {t('conversations.plan.conferences.lateFigure', { count: lateCount })}
            </span>
          </li>
        </ul>
      </section>

      <section aria-labelledby="conf-offer" className="panel stack plan-offer">
        <Heading level={2} data-size="xs" id="conf-offer">
          {t('conversations.plan.conferences.offerTitle')}
        </Heading>
        <Checkbox
          label={t('conversations.plan.conferences.toldOfRight')}
          description={t('conversations.plan.conferences.toldOfRightHelp')}
          checked={toldOfRight}
          onChange={(e) => setToldOfRight(e.target.checked)}
        />
        <div className="button-row">
          <Button onClick={offerAll} loading={bulkPending} disabled={toOffer.length === 0 || bulkPending}>
            {t('conversations.plan.conferences.offerAll', { count: toOffer.length })}
          </Button>
        </div>
        <Paragraph role="status" className="status-message">
          {status}
        </Paragraph>
        {bulkError !== null && <ErrorAlert error={bulkError} />}
      </section>

      <div className="toolbar">
        <Chip.Checkbox checked={onlyNotOffered} onChange={(e) => setOnlyNotOffered(e.target.checked)}>
          {t('conversations.plan.conferences.onlyNotOffered')}
        </Chip.Checkbox>
        <Paragraph role="status" data-size="sm" className="toolbar__count">
          {t('conversations.plan.classPlan.showing', { shown: rows.length, count: data.rows.length })}
        </Paragraph>
      </div>

      <ConferenceTable
        basisGroupId={basisGroupId}
        groupName={groupName}
        rows={rows}
        empty={data.rows.length === 0}
        toldOfRight={toldOfRight}
        onStatus={setStatus}
        busy={bulkPending}
      />
    </div>
  );
}

/**
 * The class's name and level without reading its students again: from /api/me (own classes) or the
 * list of classes the caller may open (leaders), neither of which is a read of student data.
 */
function useGroupInfo(basisGroupId: string): { name: string; level: string | null } | null {
  const me = useMe();
  const own = me.basisGroups.find((g) => g.id === basisGroupId);
  const list = useQuery(classListQuery());
  const listed = list.data?.groups.find((g) => g.id === basisGroupId);
  if (listed) return { name: listed.name, level: listed.level };
  if (own) return { name: own.name, level: null };
  return null;
}

interface TableProps {
  basisGroupId: string;
  groupName: string;
  rows: ConferenceRow[];
  empty: boolean;
  toldOfRight: boolean;
  onStatus: (s: string) => void;
  busy: boolean;
}

function ConferenceTable({ basisGroupId, groupName, rows, empty, toldOfRight, onStatus, busy }: TableProps) {
  const { t } = useTranslation();
  const captionId = useId();
  if (empty) return <Paragraph>{t('conversations.plan.classPlan.empty')}</Paragraph>;
  const labels = {
    student: t('conversations.plan.classPlan.student'),
    guardians: t('conversations.plan.conferences.guardians'),
    status: t('conversations.plan.conferences.status'),
    action: t('conversations.plan.conferences.action'),
  };
  return (
    <>
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <Table border data-color="neutral" className="plan-table plan-table--conferences">
          <caption id={captionId}>
            {groupName ? t('conversations.plan.conferences.caption', { name: groupName }) : t('conversations.plan.conferences.titleNoName')}
          </caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{labels.student}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{labels.guardians}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{labels.status}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{labels.action}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((r) => (
              <ConferenceTableRow
                key={r.studentId}
                basisGroupId={basisGroupId}
                row={r}
                labels={labels}
                toldOfRight={toldOfRight}
                onStatus={onStatus}
                busy={busy}
              />
            ))}
          </Table.Body>
        </Table>
      </div>
      {rows.length === 0 && <Paragraph>{t('conversations.plan.classPlan.noMatch')}</Paragraph>}
    </>
  );
}

function notApplicableReason(t: TFunction, r: ConferenceRow): string {
  if (r.isAdult && r.guardians.length === 0) return t('conversations.plan.conferences.naAdultNoConsent');
  if (r.isAdult) return t('conversations.plan.conferences.naAdult');
  if (r.guardians.length === 0) return t('conversations.plan.conferences.naNoGuardians');
  return t('conversations.plan.conferences.naOther');
}

function ConferenceTableRow({
  basisGroupId,
  row: r,
  labels,
  toldOfRight,
  onStatus,
  busy,
}: {
  basisGroupId: string;
  row: ConferenceRow;
  labels: Record<'student' | 'guardians' | 'status' | 'action', string>;
  toldOfRight: boolean;
  onStatus: (s: string) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const dates = usePlanDates();
  const offer = useOfferConference(basisGroupId);
  const decline = useRecordDeclined(basisGroupId);
  const notApplicable = r.status === 'notApplicable';

  return (
    <Table.Row data-alert={r.notOfferedByDeadline || undefined}>
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
      <Table.Cell data-label={labels.guardians}>
        {notApplicable && r.guardians.length === 0 ? (
          <NoValue label={t('conversations.plan.conferences.noGuardians')} />
        ) : (
          <ul className="plan-guardians">
            {r.guardians.map((g) => (
              <li key={g.personId}>
                <span className="plan-guardians__name">{g.name}</span>{' '}
                <span className="muted">({insightLabel(t, g.insightReasonCode)})</span>
                <br />
                <span data-size="sm" className="plan-guardians__state">
                  {g.offeredAt
                    ? t('conversations.plan.conferences.offeredOn', { date: dates.short(g.offeredAt) })
                    : t('conversations.plan.conferences.notOfferedYet')}
                  {g.offeredAt && (
                    <>
                      {' · '}
                      {g.toldOfRight ? t('conversations.plan.conferences.toldYes') : t('conversations.plan.conferences.toldNo')}
                    </>
                  )}
                  {g.declinedAt && (
                    <>
                      {' · '}
                      <strong>{t('conversations.plan.conferences.declinedOn', { date: dates.short(g.declinedAt) })}</strong>
                    </>
                  )}
                </span>
                {g.offeredAt && !g.declinedAt && r.status !== 'held' && (
                  <>
                    <br />
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      className="plan-inline-button"
                      aria-label={t('conversations.plan.conferences.recordDeclinedLabel', { name: g.name })}
                      loading={decline.isPending && decline.variables?.guardianPersonId === g.personId}
                      onClick={() =>
                        decline.mutate(
                          { studentId: r.studentId, guardianPersonId: g.personId },
                          { onSuccess: () => onStatus(t('conversations.plan.conferences.declinedSaved', { name: g.name })) },
                        )
                      }
                    >
                      {t('conversations.plan.conferences.recordDeclined')}
                    </Button>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </Table.Cell>
      <Table.Cell data-label={labels.status}>
        <div className="plan-status-stack">
          <ConferenceBadge status={r.status} />
          {notApplicable && <span className="muted">{notApplicableReason(t, r)}</span>}
          {r.notOfferedByDeadline && (
            <Tag data-color="danger" data-size="sm" className="plan-tag">
              <AlertIcon />
              {t('conversations.plan.conferences.late')}
            </Tag>
          )}
        </div>
      </Table.Cell>
      <Table.Cell data-label={labels.action}>
        {canOffer(r) ? (
          <div className="plan-status-stack">
            <Button
              variant="secondary"
              data-size="sm"
              loading={offer.isPending}
              disabled={busy || offer.isPending}
              aria-label={t('conversations.plan.conferences.offerOneLabel', { name: r.name })}
              onClick={() =>
                offer.mutate(
                  { studentId: r.studentId, toldOfRight },
                  { onSuccess: () => onStatus(t('conversations.plan.conferences.offeredOne', { name: r.name })) },
                )
              }
            >
              {t('conversations.plan.conferences.offerOne')}
            </Button>
            {offer.isError && <ErrorAlert error={offer.error} />}
          </div>
        ) : (
          <NoValue label={t('conversations.plan.conferences.nothingToDo')} />
        )}
        {decline.isError && <ErrorAlert error={decline.error} />}
      </Table.Cell>
    </Table.Row>
  );
}
