import { Button, Paragraph } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';
import { useMe } from '../../core/auth/session';
import { AppLink } from '../../core/ui/AppLink';
import type { RoundGroup } from './api';

/**
 * The way in to "publish slots" from a class's or a teaching group's pages: shown to its host (the
 * contact teacher, the subject teacher), not to leaders who only read those pages.
 */
export function PublishSlotsLink({ group }: { group: RoundGroup }) {
  const { t } = useTranslation();
  const me = useMe();
  const hosts = group.type === 'basisGroup' ? me.basisGroups : me.teachingGroups;
  if (!hosts.some((g) => g.id === group.id)) return null;
  const label = t('booking.publish.link');
  return (
    <div className="button-row booking-entry">
      <Button asChild variant="secondary" data-size="sm">
        {group.type === 'basisGroup' ? (
          <Link to="/classes/$basisGroupId/booking-rounds/new" params={{ basisGroupId: group.id }}>
            {label}
          </Link>
        ) : (
          <Link to="/teaching-groups/$teachingGroupId/booking-rounds/new" params={{ teachingGroupId: group.id }}>
            {label}
          </Link>
        )}
      </Button>
      <AppLink to="/me/booking-rounds">{t('booking.myRounds.title')}</AppLink>
    </div>
  );
}

/** One publish button per group the person hosts conversations for. */
export function PublishLinks({ me }: { me: Me }) {
  const { t } = useTranslation();
  const groups = [
    ...me.basisGroups.map((g) => ({ group: { type: 'basisGroup' as const, id: g.id }, name: g.name })),
    ...me.teachingGroups.map((g) => ({ group: { type: 'teachingGroup' as const, id: g.id }, name: g.name })),
  ];
  if (groups.length === 0) return null;
  return (
    <div className="button-row">
      {groups.map(({ group, name }) => (
        <Button key={group.id} asChild variant="secondary" data-size="sm">
          {group.type === 'basisGroup' ? (
            <Link to="/classes/$basisGroupId/booking-rounds/new" params={{ basisGroupId: group.id }}>
              {t('booking.publish.linkFor', { name })}
            </Link>
          ) : (
            <Link to="/teaching-groups/$teachingGroupId/booking-rounds/new" params={{ teachingGroupId: group.id }}>
              {t('booking.publish.linkFor', { name })}
            </Link>
          )}
        </Button>
      ))}
    </div>
  );
}

/** On a guardian's page for their child: where to book the guardian conference. */
export function ChildBookingLink({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  return (
    <Paragraph>
      <AppLink to="/children/$studentId/booking" params={{ studentId }}>
        {t('booking.childLink')}
      </AppLink>
    </Paragraph>
  );
}
