import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../core/auth/session';
import { AppLink } from '../../core/ui/AppLink';
import { PageHeading } from '../../core/ui/PageHeading';
import { myRoundsQuery } from './api';
import { CalendarFeedSection } from './CalendarFeed';
import { PublishLinks } from './PublishLink';
import type { RoundSummary } from './api';
import { useWhen } from './when';

/** A host's rounds (open first), the way to publish new ones for each of their groups, and their calendar feed. */
export function MyRoundsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { data } = useSuspenseQuery(myRoundsQuery);
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('booking.myRounds.title')} />
        <Paragraph className="muted">{t('booking.myRounds.intro')}</Paragraph>
      </div>
      <PublishLinks me={me} />
      <section aria-labelledby="booking-rounds" className="stack">
        <Heading level={2} data-size="sm" id="booking-rounds">
          {t('booking.myRounds.listTitle')}
        </Heading>
        {data.rounds.length === 0 ? (
          <Paragraph>{t('booking.myRounds.empty')}</Paragraph>
        ) : (
          <ul className="card-list card-list--grid booking-round-list">
            {data.rounds.map((r) => (
              <RoundItem key={r.id} round={r} />
            ))}
          </ul>
        )}
      </section>
      <CalendarFeedSection />
    </div>
  );
}

function RoundItem({ round: r }: { round: RoundSummary }) {
  const { t } = useTranslation();
  const when = useWhen();
  const period =
    r.firstStartsAt && r.lastEndsAt
      ? when.day(r.firstStartsAt) === when.day(r.lastEndsAt)
        ? when.day(r.firstStartsAt)
        : t('booking.myRounds.period', { from: when.dayShort(r.firstStartsAt), to: when.dayShort(r.lastEndsAt) })
      : t('booking.myRounds.noSlots');
  return (
    <li className="panel booking-round-item">
      <Heading level={3} data-size="xs">
        <AppLink to="/booking-rounds/$roundId" params={{ roundId: r.id }}>
          {r.title}
        </AppLink>
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {t('booking.round.subtitle', { kind: t(`conversations.kinds.${r.kind}`), group: r.group.name })}
      </Paragraph>
      <Paragraph data-size="sm">{period}</Paragraph>
      <Paragraph data-size="sm" className="booking-round-item__status">
        <Tag data-color={r.closedAt ? 'neutral' : 'success'} data-size="sm">
          {r.closedAt ? t('booking.round.closed') : t('booking.myRounds.open')}
        </Tag>
        <span>{t('booking.myRounds.booked', { booked: r.bookedCount, count: r.slotCount })}</span>
      </Paragraph>
    </li>
  );
}
