import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { Fact, Facts } from '../../core/ui/Facts';
import { statusDecisionsQuery, type StatusDecision } from './api';

/** The decision letter: reasons, the date it takes effect, the right to appeal with its deadline and where to send it (R-52, forvaltningsloven §§ 25, 27, 29). */
export function DecisionLetter({ decision: d, headingLevel }: { decision: StatusDecision; headingLevel: 3 | 4 }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="stack">
      <Heading level={headingLevel} data-size="2xs">{t('statusChange.decisionTitle')}: {t(d.granted ? 'statusChange.granted' : 'statusChange.refused')}</Heading>
      <Facts>
        <Fact label={t('statusChange.outcomeLabel')}>{t(`statusChange.kind.${d.kind}`)} – {t(d.granted ? 'statusChange.granted' : 'statusChange.refused')}</Fact>
        <Fact label={t('statusChange.reasons')}>{d.reasons}</Fact>
        {d.effectiveOn && <Fact label={t('statusChange.effectiveOn')}>{format.date(d.effectiveOn)}</Fact>}
        {d.granted && d.kind === 'changingProgramme' && d.newProgramme && (
          <Fact label={t('statusChange.newProgramme')}>{t(`statusChange.programme.${d.newProgramme}`)}</Fact>
        )}
        {d.appeal && (
          <Fact label={t('statusChange.appeal')}>
            {t('statusChange.appealReceived', { date: format.date(d.appeal.receivedOn) })}
            {d.appeal.outcome && d.appeal.decidedOn && ` · ${t(`statusChange.appealOutcomes.${d.appeal.outcome}`)} (${format.date(d.appeal.decidedOn)})`}
          </Fact>
        )}
      </Facts>
      <Paragraph data-size="sm">{t('statusChange.decidedBy', { date: format.date(d.decidedOn), name: `${d.decidedBy}, ${d.schoolName}` })}</Paragraph>
      <Paragraph>{t('statusChange.appealRight', { deadline: format.date(d.appealDeadline), to: d.appealTo })}</Paragraph>
    </div>
  );
}

/** The student's and the guardians' view: the decision letters only, never the preparation. Nothing when there are none. */
export function StatusDecisionLetters({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const q = useQuery(statusDecisionsQuery(studentId));
  if (!q.data || q.data.decisions.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="panel stack">
      <Heading level={2} data-size="sm" id={headingId}>{t('statusChange.letterTitle')}</Heading>
      <Paragraph data-size="sm" className="muted">{t('statusChange.letterIntro')}</Paragraph>
      {q.data.decisions.map((d) => <DecisionLetter key={d.statusChangeId} decision={d} headingLevel={3} />)}
    </section>
  );
}
