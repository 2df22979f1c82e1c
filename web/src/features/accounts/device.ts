import type { TFunction } from 'i18next';
import type { OwnSession } from './api';

/** "Firefox på Android" — what a person needs to tell their sessions apart; empty when nothing is known. */
export function deviceText(t: TFunction, d: OwnSession['device']): string {
  if (d.browser && d.os) return t('accounts.own.device', { browser: d.browser, os: d.os });
  return d.browser ?? d.os ?? '';
}
