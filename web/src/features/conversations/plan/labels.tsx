import { Tag } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../core/format';
import type { ConferenceStatus, ConversationKind, LawStatus, SectionRule } from '../types';
import { AlertIcon, CheckIcon } from '../../../core/ui/icons';

export const kindLabel = (t: TFunction, kind: ConversationKind): string => t(`conversations.kinds.${kind}`);

export function lawLabel(t: TFunction, status: LawStatus): string {
  return t(`conversations.plan.law.${status}`);
}

export function conferenceLabel(t: TFunction, status: ConferenceStatus): string {
  return t(`conversations.plan.conference.${status}`);
}

/** Why a guardian has insight, in words (the server sends the policy's reason code). */
export function insightLabel(t: TFunction, code: string): string {
  switch (code) {
    case 'guardianWithParentalResponsibility':
      return t('conversations.plan.insight.parentalResponsibility');
    case 'guardianByConsent':
      return t('conversations.plan.insight.consent');
    case 'guardianByInformationDecision':
      return t('conversations.plan.insight.decision');
    default:
      return t('conversations.plan.insight.other');
  }
}

/** A section rule as the sentence a teacher reads: "Bare for elever under 18". */
export function useRuleText(): (rule: SectionRule) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (rule) => {
    if (rule.kind === 'minorityLanguageResidence') return t('conversations.plan.rule.minority', { years: rule.maxYears });
    if (rule.kind === 'under18') return t('conversations.plan.rule.under18');
    const names = rule.levels.map((l) => format.level(l));
    const list = new Intl.ListFormat(format.locale, { style: 'long', type: 'conjunction' }).format(names);
    return t('conversations.plan.rule.level', { levels: list });
  };
}

/** The law's floor (L-01, L-02): met, still due, missed, or not required for this student. */
export function LawBadge({ status }: { status: LawStatus }) {
  const { t } = useTranslation();
  const label = lawLabel(t, status);
  if (status === 'met')
    return (
      <Tag data-color="success" data-size="sm" className="plan-tag">
        <CheckIcon />
        {label}
      </Tag>
    );
  if (status === 'missed')
    return (
      <Tag data-color="danger" data-size="sm" className="plan-tag">
        <AlertIcon />
        {label}
      </Tag>
    );
  if (status === 'due')
    return (
      <Tag data-color="neutral" data-size="sm" className="plan-tag">
        {label}
      </Tag>
    );
  return <span className="muted">{label}</span>;
}

export function ConferenceBadge({ status }: { status: ConferenceStatus }) {
  const { t } = useTranslation();
  const label = conferenceLabel(t, status);
  switch (status) {
    case 'held':
      return (
        <Tag data-color="success" data-size="sm" className="plan-tag">
          <CheckIcon />
          {label}
        </Tag>
      );
    case 'booked':
    case 'offered':
      return (
        <Tag data-color="info" data-size="sm" className="plan-tag">
          {label}
        </Tag>
      );
    case 'declined':
      return (
        <Tag data-color="neutral" data-size="sm" className="plan-tag">
          {label}
        </Tag>
      );
    case 'notOffered':
      return (
        <Tag data-color="warning" data-size="sm" className="plan-tag">
          {label}
        </Tag>
      );
    default:
      return <span className="muted">{label}</span>;
  }
}
