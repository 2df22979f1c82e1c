import { Button, Card, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../core/auth/session';
import { useFormat } from '../../../core/format';
import { AppLink } from '../../../core/ui/AppLink';
import { PageHeading } from '../../../core/ui/PageHeading';
import type { MyConversations } from '../types';
import { myConversationsQuery } from './api';
import { byUpcoming, conversationLabel, statusColor, statusLabel } from './labels';

type Item = MyConversations['conversations'][number];

/** /me/conversations: a student's own conversations (to prepare), or the ones a staff member holds. */
export function MyConversationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { data } = useSuspenseQuery(myConversationsQuery);
  const isStudent = me.studentId !== null;
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('conversations.meeting.myTitle')} />
        <Paragraph className="muted">
          {isStudent ? t('conversations.meeting.myIntroStudent') : t('conversations.meeting.myIntroStaff')}
        </Paragraph>
      </div>
      {isStudent ? <StudentList items={data.conversations} /> : <StaffTables items={data.conversations} />}
    </div>
  );
}

/** Upcoming (planned) first, then the earlier ones; each part rendered by the caller. */
function UpcomingAndEarlier({ items, render }: { items: Item[]; render: (items: Item[], labelledBy: string) => ReactNode }) {
  const { t } = useTranslation();
  const upcomingId = useId();
  const earlierId = useId();
  const sorted = useMemo(() => [...items].sort(byUpcoming), [items]);
  const upcoming = sorted.filter((c) => c.status === 'planned');
  const earlier = sorted.filter((c) => c.status !== 'planned');
  if (items.length === 0) return <Paragraph>{t('conversations.meeting.noConversations')}</Paragraph>;
  return (
    <>
      <section aria-labelledby={upcomingId} className="stack">
        <Heading level={2} data-size="sm" id={upcomingId}>
          {t('conversations.meeting.upcoming')}
        </Heading>
        {upcoming.length === 0 ? <Paragraph>{t('conversations.meeting.noUpcoming')}</Paragraph> : render(upcoming, upcomingId)}
      </section>
      {earlier.length > 0 && (
        <section aria-labelledby={earlierId} className="stack">
          <Heading level={2} data-size="sm" id={earlierId}>
            {t('conversations.meeting.earlier')}
          </Heading>
          {render(earlier, earlierId)}
        </section>
      )}
    </>
  );
}

function StudentList({ items }: { items: Item[] }) {
  return (
    <UpcomingAndEarlier
      items={items}
      render={(part) => (
        <ul className="card-list meeting-cards">
          {part.map((c) => (
            <StudentCard key={c.id} item={c} />
          ))}
        </ul>
      )}
    />
  );
}

function StudentCard({ item: c }: { item: Item }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const when = c.status === 'held' ? c.heldAt : c.plannedAt;
  return (
    <li>
      <Card data-color="neutral" className="meeting-card">
        <Heading level={3} data-size="xs" id={headingId}>
          {conversationLabel(t, c)}
        </Heading>
        <div className="meeting-card__meta">
          <Tag data-size="sm" data-color={statusColor(c.status)}>
            {statusLabel(t, c.status)}
          </Tag>
          <span>{when ? format.dateTime(when) : t('conversations.meeting.notPlanned')}</span>
        </div>
        {c.place && <Paragraph data-size="sm">{t('conversations.meeting.place')}: {c.place}</Paragraph>}
        <Paragraph data-size="sm">{t('conversations.meeting.withHolder', { name: c.holder.name })}</Paragraph>
        {c.status === 'planned' && c.preparationStarted && (
          <Paragraph data-size="sm" className="muted">
            {t('conversations.meeting.preparationStarted')}
          </Paragraph>
        )}
        {c.status === 'planned' ? (
          <Button asChild data-color="accent" className="meeting-card__action">
            <Link to="/conversations/$conversationId" params={{ conversationId: c.id }} aria-describedby={headingId}>
              {c.preparationStarted ? t('conversations.meeting.prepareContinue') : t('conversations.meeting.prepare')}
            </Link>
          </Button>
        ) : (
          <Paragraph>
            <AppLink to="/conversations/$conversationId" params={{ conversationId: c.id }} aria-describedby={headingId} data-color="accent">
              {t('conversations.meeting.open')}
            </AppLink>
          </Paragraph>
        )}
      </Card>
    </li>
  );
}

function StaffTables({ items }: { items: Item[] }) {
  return <UpcomingAndEarlier items={items} render={(part, labelledBy) => <StaffTable items={part} labelledBy={labelledBy} />} />;
}

function StaffTable({ items, labelledBy }: { items: Item[]; labelledBy: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const cols = {
    student: t('conversations.meeting.colStudent'),
    kind: t('conversations.meeting.colKind'),
    when: t('conversations.meeting.colWhen'),
    status: t('conversations.meeting.colStatus'),
  };
  return (
    <div className="table-scroll">
      <Table className="stack-on-phone meeting-table" aria-labelledby={labelledBy}>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{cols.student}</Table.HeaderCell>
            <Table.HeaderCell>{cols.kind}</Table.HeaderCell>
            <Table.HeaderCell>{cols.when}</Table.HeaderCell>
            <Table.HeaderCell>{cols.status}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((c) => {
            const when = c.status === 'held' ? c.heldAt : c.plannedAt;
            return (
              <Table.Row key={c.id}>
                <Table.Cell data-label={cols.student}>
                  <AppLink to="/conversations/$conversationId" params={{ conversationId: c.id }}>
                    {c.student.name}
                  </AppLink>
                </Table.Cell>
                <Table.Cell data-label={cols.kind}>
                  {conversationLabel(t, c)}
                  {c.delegated && <span className="muted"> – {t('conversations.meeting.delegated')}</span>}
                </Table.Cell>
                <Table.Cell data-label={cols.when}>
                  {when ? format.dateTime(when) : <span className="muted">{t('conversations.meeting.notPlanned')}</span>}
                </Table.Cell>
                <Table.Cell data-label={cols.status}>
                  <Tag data-size="sm" data-color={statusColor(c.status)}>
                    {statusLabel(t, c.status)}
                  </Tag>
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </div>
  );
}
