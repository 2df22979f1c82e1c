import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../core/api/client';
import { useFormat } from '../../../core/format';
import { AppLink } from '../../../core/ui/AppLink';
import { ErrorAlert } from '../../../core/ui/ErrorAlert';
import { Loading } from '../../../core/ui/Loading';
import { sharedFollowUpsQuery, studentConversationsQuery } from './api';
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
  const next = useMemo(
    () => (list.data?.conversations ?? []).filter((c) => c.kind === 'guardian' && c.status === 'planned').sort(byUpcoming)[0],
    [list.data],
  );
  // Nothing to say when there is no conference (or the school shows the guardian none).
  if (!next) return null;
  return (
    <div className="stack meeting-conference">
      <Heading level={3} data-size="xs" id={headingId}>
        {kindLabel(t, 'guardian')}
      </Heading>
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
    </div>
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
