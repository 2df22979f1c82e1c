// A host's pages: publishing a round for a class or a teaching group, their rounds, one round.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { MyRoundsPage } from './MyRoundsPage';
import { PublishRoundPage } from './PublishRoundPage';
import { RoundPage } from './RoundPage';

export const publishForClassRoute = createLazyRoute('/authed/classes/$basisGroupId/booking-rounds/new')({
  component: function PublishForClassRoute(): ReactNode {
    const { basisGroupId } = publishForClassRoute.useParams();
    return <PublishRoundPage key={basisGroupId} group={{ type: 'basisGroup', id: basisGroupId }} />;
  },
});

export const publishForTeachingGroupRoute = createLazyRoute('/authed/teaching-groups/$teachingGroupId/booking-rounds/new')({
  component: function PublishForTeachingGroupRoute(): ReactNode {
    const { teachingGroupId } = publishForTeachingGroupRoute.useParams();
    return <PublishRoundPage key={teachingGroupId} group={{ type: 'teachingGroup', id: teachingGroupId }} />;
  },
});

export const myRoundsRoute = createLazyRoute('/authed/me/booking-rounds')({ component: MyRoundsPage });

export const roundRoute = createLazyRoute('/authed/booking-rounds/$roundId')({
  component: function RoundRoute(): ReactNode {
    const { roundId } = roundRoute.useParams();
    const { published } = roundRoute.useSearch();
    return <RoundPage key={roundId} roundId={roundId} published={published ?? false} />;
  },
});
