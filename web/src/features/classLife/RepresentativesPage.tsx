import { Alert, Button, Card, Fieldset, Heading, Paragraph, Radio, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { PageHeading } from '../../core/ui/PageHeading';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import { problemText } from '../../core/ui/ErrorAlert';
import type { CandidacyInput, ElectionInput, NominateInput, VoteInput } from '@server/features/classLife/schemas.js';
import { representativesQuery, useClassLifeWrite, type Election, type Representatives } from './api';
import { DateField } from '../../core/ui/DateField';
import { UnsavedGuard, useDirty } from '../../core/ui/UnsavedGuard';

/** the class elects its student representatives in a secret vote (phone-friendly for the students). */
export function RepresentativesPage({ basisGroupId }: { basisGroupId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(representativesQuery(basisGroupId));
  return (
    <div className="stack class-life">
      <div>
        <PageHeading title={t('classLife.reps.title', { group: data.group.name })} />
        <AccessReason access={data.access} />
      </div>
      <Paragraph>{t('classLife.reps.intro')} {t('classLife.reps.tieRule')}</Paragraph>
      {data.elections.length === 0 && <Paragraph>{t('classLife.reps.none')}</Paragraph>}
      {data.elections.map((e) => <ElectionCard key={e.id} data={data} election={e} basisGroupId={basisGroupId} />)}
      {data.canManage && <NewElection basisGroupId={basisGroupId} />}
    </div>
  );
}

function ElectionCard({ data, election: e, basisGroupId }: { data: Representatives; election: Election; basisGroupId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const uid = useId();
  const write = useClassLifeWrite(basisGroupId);
  const [error, setError] = useState('');
  const act = (path: string, method: 'POST' | 'PUT' = 'POST', body?: unknown) =>
    write.mutateAsync({ path: `/student-representatives/elections/${e.id}${path}`, method, body }).then(() => setError(''), (err) => setError(problemText(t, err)));
  const standing = e.candidates.filter((c) => c.status === 'accepted');
  return (
    <Card data-color="neutral" aria-labelledby={`${uid}-h`}>
      <div className="stack">
        <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('classLife.reps.election', { from: format.date(e.termStartsOn), to: format.date(e.termEndsOn) })}</Heading>
        <div><Tag data-size="sm" data-color={e.status === 'open' ? 'success' : 'neutral'}>{e.status === 'closed' ? t('classLife.reps.status.closed', { date: format.date(e.closedOn) }) : t(`classLife.reps.status.${e.status}`)}</Tag></div>
        {e.status !== 'draft' && <Paragraph data-size="sm">{t('classLife.reps.turnout', e.turnout)}</Paragraph>}
        {error && <Alert data-color="danger" data-size="sm">{error}</Alert>}

        {e.status === 'closed' ? (
          <>
            <Heading level={3} data-size="xs">{t('classLife.reps.results')}</Heading>
            <ol className="class-life-results">
              {e.candidates.filter((c) => c.status === 'accepted').map((c) => (
                <li key={c.studentId}>
                  <strong>{c.givenName} {c.familyName}</strong>: {t('classLife.reps.votes', { count: c.votes ?? 0 })}
                  {c.elected === 1 && <> <Tag data-size="sm" data-color="success">{t('classLife.reps.rep')}</Tag></>}
                  {c.elected !== null && c.elected > 1 && <> <Tag data-size="sm" data-color="info">{t('classLife.reps.deputy', { n: c.elected - 1 })}</Tag></>}
                  {c.drawnByLot && <> ({t('classLife.reps.byLot')})</>}
                </li>
              ))}
            </ol>
          </>
        ) : (
          <>
            <Heading level={3} data-size="xs">{t('classLife.reps.candidates')}</Heading>
            {e.candidates.length === 0 ? <Paragraph data-size="sm">{t('classLife.reps.noCandidates')}</Paragraph> : (
              <ul className="class-life-list">
                {e.candidates.map((c) => <li key={c.studentId}>{c.givenName} {c.familyName} – {t(`classLife.reps.candidate.${c.status}`)}</li>)}
              </ul>
            )}
          </>
        )}

        {e.me && e.status === 'draft' && (
          <div className="stack">
            {e.me.candidacy === 'nominated' && <Paragraph>{t('classLife.reps.youNominated')}</Paragraph>}
            {e.me.candidacy === 'accepted' && <Paragraph>{t('classLife.reps.youStand')}</Paragraph>}
            <div className="class-life-buttons">
              {e.me.candidacy !== 'accepted' && <Button variant="secondary" onClick={() => void act('/candidacy', 'PUT', { accept: true } satisfies CandidacyInput)} disabled={write.isPending}>{t('classLife.reps.accept')}</Button>}
              {(e.me.candidacy === 'nominated' || e.me.candidacy === 'accepted') && <Button variant="tertiary" onClick={() => void act('/candidacy', 'PUT', { accept: false } satisfies CandidacyInput)} disabled={write.isPending}>{t('classLife.reps.decline')}</Button>}
            </div>
          </div>
        )}
        {e.me && e.status === 'open' && (e.me.voted ? <Alert data-color="success" data-size="sm">{t('classLife.reps.voted')}</Alert> : <VoteForm election={e} standing={standing} onVote={(id) => act('/votes', 'POST', { candidateStudentId: id } satisfies VoteInput)} pending={write.isPending} />)}

        {data.canManage && e.status === 'draft' && <Nominate data={data} election={e} onNominate={(studentId) => act('/candidates', 'POST', { studentId } satisfies NominateInput)} pending={write.isPending} />}
        {data.canManage && e.status === 'draft' && <div><Button onClick={() => void act('/open')} disabled={write.isPending}>{t('classLife.reps.open')}</Button></div>}
        {data.canManage && e.status === 'open' && <div><Button onClick={() => void act('/close')} disabled={write.isPending}>{t('classLife.reps.close')}</Button></div>}
      </div>
    </Card>
  );
}

function VoteForm({ election, standing, onVote, pending }: { election: Election; standing: Election['candidates']; onVote: (id: string) => Promise<unknown>; pending: boolean }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState('');
  const [missing, setMissing] = useState(false);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!choice) { setMissing(true); return; }
    setMissing(false);
    void onVote(choice);
  }
  return (
    <form onSubmit={submit} className="stack" noValidate>
      <UnsavedGuard dirty={choice !== '' && !pending} />
      <Fieldset>
        <Fieldset.Legend>{t('classLife.reps.voteFor')}</Fieldset.Legend>
        {standing.map((c) => (
          <Radio key={c.studentId} name={`vote-${election.id}`} value={c.studentId} label={`${c.givenName} ${c.familyName}`} checked={choice === c.studentId} onChange={() => setChoice(c.studentId)} />
        ))}
        {missing && <Alert data-color="danger" data-size="sm">{t('classLife.required')}</Alert>}
      </Fieldset>
      <div><Button type="submit" disabled={pending}>{t('classLife.reps.vote')}</Button></div>
    </form>
  );
}

function Nominate({ data, election, onNominate, pending }: { data: Representatives; election: Election; onNominate: (id: string) => Promise<unknown>; pending: boolean }) {
  const { t } = useTranslation();
  const uid = useId();
  const [studentId, setStudentId] = useState('');
  const taken = new Set(election.candidates.map((c) => c.studentId));
  return (
    <form onSubmit={(e) => { e.preventDefault(); if (studentId) void onNominate(studentId).then(() => setStudentId('')); }} className="class-life-inline" noValidate>
      <UnsavedGuard dirty={studentId !== '' && !pending} />
      <div className="absence-field">
        <label htmlFor={`${uid}-s`}>{t('classLife.reps.nominate')}</label>
        <Select id={`${uid}-s`} value={studentId} onChange={(e) => setStudentId(e.target.value)}>
          <Select.Option value="">{t('classLife.reps.student')}</Select.Option>
          {data.students.filter((s) => !taken.has(s.studentId)).map((s) => <Select.Option key={s.studentId} value={s.studentId}>{s.familyName}, {s.givenName}</Select.Option>)}
        </Select>
      </div>
      <Button type="submit" variant="secondary" disabled={pending || !studentId}>{t('classLife.reps.addCandidate')}</Button>
    </form>
  );
}

type ElectionField = 'seats' | 'termStartsOn' | 'termEndsOn';
function NewElection({ basisGroupId }: { basisGroupId: string }) {
  const { t } = useTranslation();
  const uid = useId();
  const write = useClassLifeWrite(basisGroupId);
  const [seats, setSeats] = useState('2');
  const [termStartsOn, setStart] = useState('');
  const [termEndsOn, setEnd] = useState('');
  const form = useFormErrors<ElectionField>(['seats', 'termStartsOn', 'termEndsOn']);
  const { dirty, markSaved } = useDirty({ seats, termStartsOn, termEndsOn });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: Partial<Record<ElectionField, string>> = {};
    if (!termStartsOn) missing.termStartsOn = t('classLife.required');
    if (!termEndsOn) missing.termEndsOn = t('classLife.required');
    if (!form.check(missing)) return;
    await write.mutateAsync({ path: '/student-representatives/elections', method: 'POST', body: { seats: Number(seats), termStartsOn, termEndsOn } satisfies ElectionInput })
      .then(() => { markSaved(); form.clear(); }, (err) => form.fromServer(err));
  }
  return (
    <form onSubmit={submit} className="stack" aria-labelledby={`${uid}-h`} noValidate>
      <UnsavedGuard dirty={dirty && !write.isPending} />
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('classLife.reps.newElection')}</Heading>
      <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} idFor={(f) => `${uid}-${f}`} />
      <Textfield id={`${uid}-seats`} type="number" min={1} max={4} label={t('classLife.reps.seats')} value={seats} onChange={(e) => setSeats(e.target.value)} error={form.errors.seats} />
      <DateField id={`${uid}-termStartsOn`} type="date" label={t('classLife.reps.termStartsOn')} value={termStartsOn} onChange={(e) => setStart(e.target.value)} error={form.errors.termStartsOn} />
      <DateField id={`${uid}-termEndsOn`} type="date" label={t('classLife.reps.termEndsOn')} value={termEndsOn} onChange={(e) => setEnd(e.target.value)} error={form.errors.termEndsOn} />
      <div><Button type="submit" variant="secondary" disabled={write.isPending}>{t('classLife.reps.create')}</Button></div>
    </form>
  );
}
