import type { TFunction } from 'i18next';
import type { ContactChannel, Visibility } from './contactLogApi';

/** The options the form offers, in this order; typed against the server's enums. */
export const contactChannels = ['phone', 'email', 'letter', 'meeting', 'message'] as const satisfies readonly ContactChannel[];
export const visibilities = ['staff', 'contactTeacherAndLeaders', 'counsellorOnly', 'authorOnly'] as const satisfies readonly Visibility[];

export function channelLabel(t: TFunction, channel: ContactChannel): string {
  switch (channel) {
    case 'phone':
      return t('contactLog.channelPhone');
    case 'email':
      return t('contactLog.channelEmail');
    case 'letter':
      return t('contactLog.channelLetter');
    case 'meeting':
      return t('contactLog.channelMeeting');
    case 'message':
      return t('contactLog.channelMessage');
    default:
      return String(channel);
  }
}

export function visibilityLabel(t: TFunction, visibility: Visibility): { label: string; help: string } {
  switch (visibility) {
    case 'staff':
      return { label: t('contactLog.visibilityStaff'), help: t('contactLog.visibilityStaffHelp') };
    case 'contactTeacherAndLeaders':
      return {
        label: t('contactLog.visibilityContactTeacherAndLeaders'),
        help: t('contactLog.visibilityContactTeacherAndLeadersHelp'),
      };
    case 'counsellorOnly':
      return { label: t('contactLog.visibilityCounsellorOnly'), help: t('contactLog.visibilityCounsellorOnlyHelp') };
    case 'authorOnly':
      return { label: t('contactLog.visibilityAuthorOnly'), help: t('contactLog.visibilityAuthorOnlyHelp') };
    default:
      return { label: String(visibility), help: '' };
  }
}
