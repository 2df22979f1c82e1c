import { Button, Details, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../core/auth/session';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { PageHeading } from '../../core/ui/PageHeading';
import { assessmentDatesQuery, schoolWarningsQuery, warningApi, type SchoolWarnings } from './api';
import { StateTag, WarningFacts, warningTitle } from './parts';
import './warnings.css';
import { DateField } from '../../core/ui/DateField';
import { UnsavedGuard, changed, useDirty } from '../../core/ui/UnsavedGuard';

type SchoolWarning = SchoolWarnings['warnings'][number];

/** L-21 / R-73: sent IV warnings where the principal personally decides that no grade is given, and records appeals. */
export function DecisionsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { data } = useSuspenseQuery(schoolWarningsQuery);
  const sent = data.warnings.filter((w) => w.sentAt);
  const isPrincipal = hasRole(me, 'principal');
  return (
    <div className="stack">
      <PageHeading title={t('warnings.decisions.title')} />
      <AccessReason access={data.access} />
      <Paragraph>{t('warnings.decisions.intro')}</Paragraph>
      {!isPrincipal && <Paragraph data-size="sm">{t('warnings.decisions.onlyPrincipal')}</Paragraph>}
      {sent.length === 0 ? <Paragraph>{t('warnings.decisions.empty')}</Paragraph> : (
        <ul className="warning-list">{sent.map((w) => <DecisionCard key={w.id} w={w} isPrincipal={isPrincipal} />)}</ul>
      )}
      {isPrincipal && <AssessmentDates />}
    </div>
  );
}

function DecisionCard({ w, isPrincipal }: { w: SchoolWarning; isPrincipal: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const id = useId();
  const [reasons, setReasons] = useState('');
  const [appeal, setAppeal] = useState({ appealedOn: '', note: '', forwardedOn: '' });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['warnings'] });
  const decide = useMutation({ mutationFn: () => warningApi.decide(w.studentId, w.id, reasons), onSuccess: refresh });
  const record = useMutation({
    mutationFn: () => warningApi.appeal(w.studentId, w.id, { appealedOn: appeal.appealedOn, note: appeal.note, ...(appeal.forwardedOn ? { forwardedOn: appeal.forwardedOn } : {}) }),
    onSuccess: refresh,
  });
  const d = w.decision;
  return (
    <li className="warning-card" aria-labelledby={id}>
      <div className="warning-card__head">
        <Heading level={2} data-size="xs" id={id}>
          <AppLink to="/students/$studentId" params={{ studentId: w.studentId }}>{w.studentName}</AppLink> ({w.group}) – {warningTitle(t, w)}
        </Heading>
        <StateTag state={w.state} />
      </div>
      <WarningFacts w={w} />
      {w.letterId && (
        <Paragraph data-size="sm">
          <AppLink to="/students/$studentId/warning-letters/$letterId" params={{ studentId: w.studentId, letterId: w.letterId }}>
            {t('warnings.section.openLetter', { date: format.date(w.sentAt) })}
          </AppLink>
        </Paragraph>
      )}
      {d ? (
        <div className="stack">
          <Paragraph data-size="sm"><strong>{t('warnings.decisions.decided', { date: format.date(d.decidedAt), name: d.decidedBy })}</strong>: {d.reasons}</Paragraph>
          {d.appealedOn ? (
            <Paragraph data-size="sm">
              {t('warnings.decisions.appealed', { date: format.date(d.appealedOn) })}
              {d.forwardedOn && `, ${t('warnings.decisions.forwarded', { date: format.date(d.forwardedOn) })}`}. {d.appealNote}
            </Paragraph>
          ) : isPrincipal && (
            <Details data-size="sm">
            <Details.Summary>{t('warnings.decisions.recordAppeal')}</Details.Summary>
            <Details.Content>
            <form className="warning-form" onSubmit={(e) => { e.preventDefault(); record.mutate(); }}>
              <UnsavedGuard dirty={changed(appeal, { appealedOn: '', note: '', forwardedOn: '' }) && !record.isPending && !record.isSuccess} />
              <DateField label={t('warnings.decisions.appealedOn')} type="date" value={appeal.appealedOn} onChange={(e) => setAppeal({ ...appeal, appealedOn: e.target.value })} />
              <Textfield label={t('warnings.decisions.appealNote')} multiline rows={2} value={appeal.note} onChange={(e) => setAppeal({ ...appeal, note: e.target.value })} />
              <DateField label={t('warnings.decisions.forwardedOn')} type="date" value={appeal.forwardedOn} onChange={(e) => setAppeal({ ...appeal, forwardedOn: e.target.value })} />
              <div><Button type="submit" variant="secondary" loading={record.isPending}>{t('warnings.decisions.recordAppeal')}</Button></div>
              {record.isError && <ErrorAlert error={record.error} />}
            </form>
            </Details.Content>
            </Details>
          )}
        </div>
      ) : isPrincipal && w.state === 'sent' && w.dueState !== 'past' ? (
        // L-21: the student had until the deadline; the decision is offered only once it has passed
        <Paragraph data-size="sm">{t('warnings.decisions.afterDeadline', { date: format.date(w.dueOn) })}</Paragraph>
      ) : isPrincipal && w.state === 'sent' && (
        <form className="warning-form" onSubmit={(e) => { e.preventDefault(); decide.mutate(); }}>
          <UnsavedGuard dirty={reasons.trim() !== '' && !decide.isPending && !decide.isSuccess} />
          <Textfield label={t('warnings.decisions.reasons')} multiline rows={3} value={reasons} onChange={(e) => setReasons(e.target.value)} />
          <div><Button type="submit" loading={decide.isPending} disabled={!reasons.trim()}>{t('warnings.decisions.decide')}</Button></div>
          {decide.isError && <ErrorAlert error={decide.error} />}
        </form>
      )}
    </li>
  );
}

function AssessmentDates() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingId = useId();
  const { data } = useSuspenseQuery(assessmentDatesQuery);
  const [values, setValues] = useState(() => Object.fromEntries(data.terms.map((x) => [x.termId, { assessedOn: x.assessedOn, days: String(x.minimumNoticeDays) }])));
  const [done, setDone] = useState(false);
  const { dirty, markSaved } = useDirty(values);
  const save = useMutation({
    mutationFn: async () => {
      for (const term of data.terms) {
        const v = values[term.termId]!;
        await warningApi.setAssessmentDate({ termId: term.termId, assessedOn: v.assessedOn, minimumNoticeDays: Number(v.days) });
      }
    },
    onSuccess: async () => {
      markSaved();
      setDone(true);
      await queryClient.invalidateQueries({ queryKey: ['warnings'] });
    },
  });
  return (
    <section aria-labelledby={headingId} className="stack">
      <Heading level={2} data-size="sm" id={headingId}>{t('warnings.decisions.dates')}</Heading>
      <Paragraph data-size="sm">{t('warnings.decisions.datesHelp')}</Paragraph>
      <form className="warning-form" onSubmit={(e) => { e.preventDefault(); setDone(false); save.mutate(); }}>
        <UnsavedGuard dirty={dirty && !save.isPending} />
        {data.terms.map((term) => (
          <fieldset key={term.termId} className="warning-actions">
            <legend>{t(`warnings.decisions.term.${term.kind}`)}</legend>
            <DateField label={t('warnings.decisions.assessedOn')} type="date" min={term.startsOn} max={term.endsOn} value={values[term.termId]!.assessedOn}
              onChange={(e) => setValues({ ...values, [term.termId]: { ...values[term.termId]!, assessedOn: e.target.value } })} />
            <Textfield label={t('warnings.decisions.notice')} type="number" min={1} max={120} value={values[term.termId]!.days}
              onChange={(e) => setValues({ ...values, [term.termId]: { ...values[term.termId]!, days: e.target.value } })} />
          </fieldset>
        ))}
        <div><Button type="submit" loading={save.isPending}>{t('warnings.decisions.save')}</Button></div>
        <Paragraph role="status" data-size="sm">{done ? t('warnings.decisions.saved') : ''}</Paragraph>
        {save.isError && <ErrorAlert error={save.error} />}
      </form>
    </section>
  );
}
