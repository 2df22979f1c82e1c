// The conversations feature's texts: shared words here, each part's own in its folder.
// Bokmål is the source: nynorsk and English must have exactly the same keys (the type checks it).
import { meetingEn, meetingNb, meetingNn } from './meeting/i18n';
import { planEn, planNb, planNn } from './plan/i18n';

const sharedNb = {
  title: 'Samtaler',
  kinds: { startOfYear: 'Oppstartsamtale', student: 'Elevsamtale', subject: 'Fagsamtale', guardian: 'Elev- og foresattesamtale', adHoc: 'Samtale ved behov' },
};
export const conversationsNb = { ...sharedNb, plan: planNb, meeting: meetingNb };
export type ConversationsMessages = typeof conversationsNb;

export const conversationsNn: ConversationsMessages = {
  title: 'Samtalar',
  kinds: { startOfYear: 'Oppstartsamtale', student: 'Elevsamtale', subject: 'Fagsamtale', guardian: 'Elev- og føresettsamtale', adHoc: 'Samtale ved behov' },
  plan: planNn,
  meeting: meetingNn,
};

export const conversationsEn: ConversationsMessages = {
  title: 'Conversations',
  kinds: { startOfYear: 'Start-of-year conversation', student: 'Student conversation', subject: 'Subject conversation', guardian: 'Student and guardian conference', adHoc: 'Ad hoc conversation' },
  plan: planEn,
  meeting: meetingEn,
};
