import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../core/auth/session';
import { AccessReason } from '../../../core/ui/AccessReason';
import { AppLink } from '../../../core/ui/AppLink';
import { PageHeading } from '../../../core/ui/PageHeading';
import { localized, type ConversationDetail } from '../types';
import { conversationQuery } from './api';
import { FollowUps } from './FollowUps';
import { HoldActions, Participation } from './HoldActions';
import { kindLabel } from './labels';
import { MeetingFacts } from './MeetingFacts';
import { PreparationForm, PreparationView } from './Preparation';
import { NoteDraftsProvider, ReadOnlyNote, Sections } from './Sections';

/**
 * The meeting view. One page for everyone; what it shows follows the
 * server's `permissions`: the holder writes notes and follow-ups and checks the conversation off, the
 * student prepares, a guardian sees the time, the place and what was shared with the family.
 */
export function ConversationPage({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const { data } = useSuspenseQuery(conversationQuery(conversationId));
  const { conversation: c, student, permissions } = data;
  const [status, setStatus] = useState('');
  const self = me.studentId === student.id;
  const family = self || (!permissions.hold && me.children.some((ch) => ch.studentId === student.id));

  return (
    <NoteDraftsProvider>
      <div className="stack meeting">
        <div>
          <PageHeading title={t('conversations.meeting.title', { kind: kindLabel(t, c.kind), name: student.name })} />
          {c.subject && <Paragraph className="muted">{c.subject.name}</Paragraph>}
          <AccessReason access={data.access} />
        </div>
        {/* Always in the DOM, so screen readers announce what is put in it. */}
        <div role="status" className="status-message">
          {status}
        </div>
        {!self && !permissions.hold && family && <Paragraph>{t('conversations.meeting.guardianIntro')}</Paragraph>}

        <MeetingFacts detail={data} onStatus={setStatus} linkStudent={!family} />

        {permissions.prepare ? (
          <PreparationForm detail={data} />
        ) : (
          permissions.readPreparation && (self ? data.preparation && <PreparationView detail={data} self /> : <PreparationView detail={data} />)
        )}

        {c.kind === 'guardian' && permissions.hold && c.status === 'planned' && <Participation detail={data} onStatus={setStatus} />}

        {family ? <SharedNotes detail={data} /> : <Sections detail={data} />}

        <FollowUps detail={data} family={family} />

        {permissions.hold && <HoldActions detail={data} onStatus={setStatus} />}

        {self && (
          <Paragraph>
            <AppLink to="/me/conversations">{t('conversations.meeting.myTitle')}</AppLink>
          </Paragraph>
        )}
      </div>
    </NoteDraftsProvider>
  );
}

/** What the student and guardians see of the notes: only those shared with the family, by section. */
function SharedNotes({ detail }: { detail: ConversationDetail }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  if (detail.notes.length === 0) return null;
  const titleOf = (key: string) => {
    const s = detail.template?.sections.find((x) => x.key === key);
    return s ? localized(s.title, i18n.language) : t('conversations.meeting.generalSection');
  };
  return (
    <section aria-labelledby={headingId} className="panel stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('conversations.meeting.sharedNotes')}
      </Heading>
      {detail.notes.map((n) => (
        <ReadOnlyNote
          key={n.id}
          note={n}
          forFamily
          title={
            <Heading level={3} data-size="2xs">
              {titleOf(n.sectionKey)}
            </Heading>
          }
        />
      ))}
    </section>
  );
}
