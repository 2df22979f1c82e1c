import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AppLink } from '../../core/ui/AppLink';
import { studentWarningsQuery } from './api';
import { StateTag, WarningFacts, warningTitle } from './parts';
import './warnings.css';

/**
 * The student's timeline of warnings on the student page, the student's own page and a
 * guardian's child page: every warning the reader may see with its state, and the letters to open.
 * Readers the policy refuses (the counsellor) get nothing rendered.
 */
export function StudentWarningsSection({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const { data } = useQuery({ ...studentWarningsQuery(studentId), retry: false });
  if (!data) return null;
  const { permissions } = data;
  const mayRaise = permissions.raiseConduct || permissions.raiseSubjects.length > 0;
  if (data.warnings.length === 0 && !mayRaise) return null;
  return (
    <section aria-labelledby={headingId} className="stack">
      <Heading level={2} data-size="sm" id={headingId}>{t('warnings.section.title')}</Heading>
      {mayRaise && (
        <Paragraph><AppLink to="/students/$studentId/warnings/new" params={{ studentId }}>{t('warnings.section.raise')}</AppLink></Paragraph>
      )}
      {data.warnings.length === 0 ? <Paragraph data-size="sm">{t('warnings.section.none')}</Paragraph> : (
        <ul className="warning-list">
          {data.warnings.map((w) => (
            <li key={w.id} className="warning-card">
              <div className="warning-card__head">
                <Heading level={3} data-size="2xs">{warningTitle(t, w)}</Heading>
                <StateTag state={w.state} />
              </div>
              <WarningFacts w={w} />
              <Paragraph data-size="xs" className="warning-muted">
                {t('warnings.fields.raisedBy', { name: w.raisedBy, date: format.date(w.raisedAt) })}
                {w.sentAt && ` · ${t('warnings.letter.sent', { date: format.date(w.sentAt) })}`}
                {w.withdrawalReason && ` · ${t('warnings.state.withdrawn')}: ${w.withdrawalReason}`}
                {w.decision && ` · ${t('warnings.decisions.decided', { date: format.date(w.decision.decidedAt), name: w.decision.decidedBy })}`}
              </Paragraph>
            </li>
          ))}
        </ul>
      )}
      {data.letters.length > 0 && (
        <>
          <Heading level={3} data-size="2xs">{t('warnings.section.letters')}</Heading>
          <ul>
            {data.letters.map((l) => (
              <li key={l.id}>
                <AppLink to="/students/$studentId/warning-letters/$letterId" params={{ studentId, letterId: l.id }}>
                  {l.sentAt ? t('warnings.section.openLetter', { date: format.date(l.sentAt) }) : t('warnings.queue.letter', { date: format.date(l.approvedAt) })}
                </AppLink>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
