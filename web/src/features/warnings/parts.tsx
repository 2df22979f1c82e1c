import { Alert, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import type { Deadline, Warning, WarningState } from './api';

type T = (key: string, params?: Record<string, unknown>) => string;

/** "Risk of IV in Mathematics" / "Risk of a lower grade in order". */
export function warningTitle(t: TFunction, w: Pick<Warning, 'kind' | 'subjectName' | 'conductAspect'>): string {
  const tt = t as unknown as T;
  return w.kind === 'notAssessed' ? tt('warnings.kind.notAssessed', { subject: w.subjectName ?? '' }) : tt(`warnings.kind.conduct${w.conductAspect ?? 'order'}`);
}

const STATE_COLOR: Record<WarningState, 'neutral' | 'warning' | 'info' | 'success' | 'danger'> = {
  proposed: 'warning', approved: 'info', sent: 'success', withdrawn: 'neutral', rejected: 'neutral',
};

export function StateTag({ state }: { state: WarningState }) {
  const { t } = useTranslation();
  return <Tag data-color={STATE_COLOR[state]} data-size="sm">{t(`warnings.state.${state}`)}</Tag>;
}

/** The deadline check (L-20): how long until the term's assessment, and a caution with the reason when it is too short. */
export function DeadlineNotice({ deadline }: { deadline: Deadline | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!deadline) return null;
  const params = { date: format.date(deadline.assessedOn), count: deadline.daysLeft, minimum: deadline.minimumNoticeDays };
  const suffix = deadline.configured ? '' : ` ${t('warnings.deadline.default')}`;
  return deadline.tooLate ? (
    <Alert data-color="warning" data-size="sm">{t('warnings.deadline.tooLate', params)}{suffix}</Alert>
  ) : (
    <Paragraph data-size="sm">{t('warnings.deadline.ok', params)}{suffix}</Paragraph>
  );
}

/** Grounds, requirement and deadline of one warning. */
export function WarningFacts({ w }: { w: Warning }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <dl className="warning-facts">
      <dt>{t('warnings.fields.grounds')}</dt><dd>{w.grounds}</dd>
      <dt>{t('warnings.fields.requirement')}</dt><dd>{w.requirement}</dd>
      <dt>{t('warnings.fields.dueOn')}</dt>
      <dd>
        {format.date(w.dueOn)}
        {/* a deadline that has come is flagged where it is read (L-20) */}
        {w.state !== 'withdrawn' && w.state !== 'rejected' && w.dueState !== 'open' && (
          <>{' '}<Tag data-size="sm" data-color={w.dueState === 'past' ? 'danger' : 'warning'}>{w.dueState === 'past' ? t('warnings.fields.duePast') : t('warnings.fields.dueToday')}</Tag></>
        )}
      </dd>
    </dl>
  );
}
