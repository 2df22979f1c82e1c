import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../core/api/client';
import { useFormat } from '../../../core/format';
import { AppLink } from '../../../core/ui/AppLink';
import { ErrorAlert } from '../../../core/ui/ErrorAlert';
import { InlineConfirm } from '../../../core/ui/InlineConfirm';
import { Loading } from '../../../core/ui/Loading';
import type { MyConferenceOffer } from '../types';
import { myConferenceOfferQuery, sharedFollowUpsQuery, studentConversationsQuery, useDeclineConference } from './api';
import { FollowUpItem } from './FollowUps';
import { byUpcoming, kindLabel } from './labels';

/**
 * for the family: the guardian conference when one is planned, and the follow-ups and
 * notes the school shared from the conversations. Guardians see it on the child's page, the student
 * on their own page (with a link to their conversations).
 */
export function FamilySection({ studentId, viewer }: { studentId: string; viewer: 'guardian' | 'self' }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="panel stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('conversations.meeting.familyTitle')}
      </Heading>
      {viewer === 'self' && (
        <Paragraph>
          <AppLink to="/me/conversations">{t('conversations.meeting.myConversationsLink')}</AppLink>
        </Paragraph>
      )}
      {viewer === 'guardian' && <GuardianConference studentId={studentId} />}
      <Shared studentId={studentId} />
    </section>
  );
}

function GuardianConference({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const list = useQuery(studentConversationsQuery(studentId));
  const mine = useQuery(myConferenceOfferQuery(studentId));
  const next = useMemo(
    () => (list.data?.conversations ?? []).filter((c) => c.kind === 'guardian' && c.status === 'planned').sort(byUpcoming)[0],
    [list.data],
  );
  const offer = mine.data?.offer ?? null;
  // Nothing to say when there is no conference and no offer (or the school shows the guardian none).
  if (!next && !offer) return null;
  return (
    <div className="stack meeting-conference">
      <Heading level={3} data-size="xs" id={headingId}>
        {kindLabel(t, 'guardian')}
      </Heading>
      {next ? (
        <>
          <Paragraph>
            {next.plannedAt
              ? t('conversations.meeting.conferencePlanned', { date: format.dateTime(next.plannedAt) })
              : t('conversations.meeting.conferenceNoTime')}
            {next.place && <> {t('conversations.meeting.place')}: {next.place}.</>}
          </Paragraph>
          <Paragraph>
            <AppLink to="/conversations/$conversationId" params={{ conversationId: next.id }} aria-describedby={headingId}>
              {t('conversations.meeting.conferenceOpen')}
            </AppLink>
          </Paragraph>
        </>
      ) : (
        offer && <ConferenceOffer studentId={studentId} offer={offer} />
      )}
    </div>
  );
}

/** the guardian sees that they were offered the conference and have a right to it, and may decline it. */
function ConferenceOffer({ studentId, offer }: { studentId: string; offer: NonNullable<MyConferenceOffer['offer']> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const decline = useDeclineConference(studentId);
  const status = useRef<HTMLParagraphElement>(null);

  if (offer.declinedAt) {
    return (
      <Paragraph ref={status} tabIndex={-1}>
        {t('conversations.meeting.conferenceDeclined', { date: format.date(offer.declinedAt) })}
      </Paragraph>
    );
  }
  return (
    <>
      <Paragraph>{t('conversations.meeting.conferenceOffered', { date: format.date(offer.offeredAt) })}</Paragraph>
      <Paragraph data-size="sm" className="muted">
        {t('conversations.meeting.conferenceRight')}
      </Paragraph>
      {decline.isError && <ErrorAlert error={decline.error} />}
      <InlineConfirm
        ask={t('conversations.meeting.decline')}
        question={t('conversations.meeting.declineConfirm')}
        yes={t('conversations.meeting.declineYes')}
        no={t('conversations.meeting.declineNo')}
        pending={decline.isPending}
        onYes={() => decline.mutate(undefined, { onSuccess: () => requestAnimationFrame(() => status.current?.focus()) })}
      />
    </>
  );
}

function Shared({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const followUpsId = useId();
  const notesId = useId();
  const shared = useQuery(sharedFollowUpsQuery(studentId));
  if (shared.isPending) return <Loading />;
  if (shared.isError) {
    if (isApiError(shared.error) && [403, 404].includes(shared.error.status)) return null;
    return <ErrorAlert error={shared.error} />;
  }
  const { followUps, notes } = shared.data;
  if (followUps.length === 0 && notes.length === 0) return <Paragraph>{t('conversations.meeting.noneShared')}</Paragraph>;
  return (
    <>
      {followUps.length > 0 && (
        <div className="stack">
          <Heading level={3} data-size="xs" id={followUpsId}>
            {t('conversations.meeting.agreedFollowUps')}
          </Heading>
          <ul className="meeting-followups__list" aria-labelledby={followUpsId}>
            {followUps.map((f) => (
              <FollowUpItem key={f.id} followUp={f} showShared={false} />
            ))}
          </ul>
        </div>
      )}
      {notes.length > 0 && (
        <div className="stack">
          <Heading level={3} data-size="xs" id={notesId}>
            {t('conversations.meeting.sharedNotes')}
          </Heading>
          <ul className="plain-list meeting-shared-notes" aria-labelledby={notesId}>
            {notes.map((n) => (
              <li key={n.id} className="meeting-note">
                <Paragraph data-size="sm" className="meeting-note__from">
                  {n.conversationDate
                    ? t('conversations.meeting.noteFrom', { kind: kindLabel(t, n.conversationKind), date: format.date(n.conversationDate) })
                    : kindLabel(t, n.conversationKind)}
                </Paragraph>
                <Paragraph className="meeting-text">{n.text}</Paragraph>
                <Paragraph data-size="sm" className="muted">
                  {t('conversations.meeting.noteBy', { name: n.author.name, date: format.date(n.updatedAt) })}
                </Paragraph>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
