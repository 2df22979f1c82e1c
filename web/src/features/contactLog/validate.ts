import type { TFunction } from 'i18next';
import type { ContactChannel, ContactLogInput, Visibility } from './contactLogApi';
import { todayIso } from '../../core/format';

export type ContactLogField = keyof ContactLogInput;
export const contactLogFields: readonly ContactLogField[] = ['occurredOn', 'channel', 'summary', 'visibility'];

export interface ContactLogValues {
  occurredOn: string;
  channel: ContactChannel | '';
  summary: string;
  visibility: Visibility | '';
}

/** The server's limit (docs/api.md does not state it; server/features/contactLog/schemas.ts does). */
export const SUMMARY_MAX = 4000;

export type FieldErrors = Partial<Record<ContactLogField, string>>;

/** The checks a person would otherwise only learn about after a round trip; the server checks again. */
export function validateContactLog(t: TFunction, v: ContactLogValues, today = todayIso()): FieldErrors {
  const errors: FieldErrors = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.occurredOn)) errors.occurredOn = t('contactLog.occurredOnRequired');
  else if (v.occurredOn > today) errors.occurredOn = t('contactLog.occurredOnFuture');
  if (!v.channel) errors.channel = t('contactLog.channelRequired');
  if (!v.summary.trim()) errors.summary = t('contactLog.summaryRequired');
  else if (v.summary.trim().length > SUMMARY_MAX) errors.summary = t('contactLog.summaryTooLong', { max: SUMMARY_MAX });
  if (!v.visibility) errors.visibility = t('contactLog.visibilityRequired');
  return errors;
}

export function isComplete(v: ContactLogValues): v is ContactLogInput {
  return v.channel !== '' && v.visibility !== '';
}
