import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { PageHeading } from '../../core/ui/PageHeading';
import { classConductQuery, useSaveReview, useSetGrade, type Aspect, type ClassConduct, type ClassStudent, type Grade, type ReviewOutcome } from './api';
import { GradeSelect } from './InputPage';
import './conduct.css';
import { DateField } from '../../core/ui/DateField';
import { UnsavedGuard, useDirty } from '../../core/ui/UnsavedGuard';

const fullName = (s: { givenName: string; familyName: string }) => `${s.givenName} ${s.familyName}`;

/** R-25/L-22: the contact teacher's conduct page — every teacher's input side by side, warnings, and the half-year grade. */
export function ClassConductPage({ basisGroupId }: { basisGroupId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(classConductQuery(basisGroupId));
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('conduct.classPage.title', { name: data.group.name })} />
        <Paragraph className="muted">{t(`conduct.term.${data.term.kind}`, { year: data.term.schoolYearName })}</Paragraph>
        <AccessReason access={data.access} />
      </div>
      <Paragraph>{t('conduct.classPage.intro')}</Paragraph>
      {!data.canSet && <Paragraph data-size="sm" className="muted">{t('conduct.classPage.readOnly')}</Paragraph>}
      <ClassSummary data={data} />
      <ul className="conduct-students">
        {data.students.map((s) => <StudentConduct key={s.studentId} basisGroupId={basisGroupId} student={s} canSet={data.canSet} />)}
      </ul>
      <ReviewSection data={data} />
    </div>
  );
}

const cardId = (studentId: string) => `student-${studentId}`;
const RANK: Record<Grade, number> = { G: 0, Ng: 1, Lg: 2 };
/** The lowest grade any teacher proposed for an aspect: what the contact teacher must look at first. */
const lowest = (inputs: ClassStudent['inputs'], a: Aspect): Grade | null =>
  inputs.reduce<Grade | null>((low, i) => (low === null || RANK[i[a]] > RANK[low] ? i[a] : low), null);

/** The whole class at a glance: who has input below G, who has a grade set, and a jump to each student's card. */
function ClassSummary({ data }: { data: ClassConduct }) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <Table border data-size="sm" data-color="neutral" className="conduct-summary">
        <caption id={captionId}>{t('conduct.classPage.summaryCaption', { name: data.group.name })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('conduct.classPage.student')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('conduct.classPage.inputCount')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('conduct.classPage.lowestInput')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('conduct.classPage.warnings')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('conduct.classPage.grade')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {data.students.map((s) => {
            const low = { order: lowest(s.inputs, 'order'), behaviour: lowest(s.inputs, 'behaviour') };
            const flagged = low.order !== null && low.order !== 'G' || low.behaviour !== null && low.behaviour !== 'G';
            return (
              <Table.Row key={s.studentId} data-flagged={flagged || undefined}>
                <Table.HeaderCell scope="row"><a href={`#${cardId(s.studentId)}`}>{s.familyName}, {s.givenName}</a></Table.HeaderCell>
                <Table.Cell>{s.inputs.length}</Table.Cell>
                <Table.Cell>{s.inputs.length ? `${low.order} / ${low.behaviour}` : '–'}</Table.Cell>
                <Table.Cell>{(['order', 'behaviour'] as const).filter((a) => s.warnings[a]).map((a) => t(`conduct.aspect.${a}`)).join(', ') || '–'}</Table.Cell>
                <Table.Cell>{s.grade ? `${s.grade.order} / ${s.grade.behaviour}` : t('conduct.classPage.noGradeShort')}</Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </div>
  );
}

function StudentConduct({ basisGroupId, student: s, canSet }: { basisGroupId: string; student: ClassStudent; canSet: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const captionId = useId();
  const aspects: Aspect[] = ['order', 'behaviour'];
  const sent = aspects.filter((a) => s.warnings[a]);
  return (
    <li className="conduct-student" aria-labelledby={headingId} id={cardId(s.studentId)}>
      <Heading level={2} data-size="xs" id={headingId}>{s.familyName}, {s.givenName}</Heading>
      {s.inputs.length === 0 ? <Paragraph data-size="sm">{t('conduct.classPage.noInputs')}</Paragraph> : (
        <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <Table border data-size="sm" data-color="neutral">
            <caption id={captionId}>{t('conduct.classPage.inputsCaption', { name: fullName(s) })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('conduct.classPage.teacher')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('conduct.classPage.subject')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('conduct.aspect.order')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('conduct.aspect.behaviour')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('conduct.classPage.reasons')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {s.inputs.map((i) => (
                <Table.Row key={`${i.teacherName}-${i.groupName}`}>
                  <Table.HeaderCell scope="row">{i.teacherName}</Table.HeaderCell>
                  <Table.Cell>{i.groupName ?? ''}</Table.Cell>
                  <Table.Cell>{i.order}</Table.Cell>
                  <Table.Cell>{i.behaviour}</Table.Cell>
                  <Table.Cell>{i.reasons ?? ''}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <Paragraph data-size="sm">
        <strong>{t('conduct.classPage.warnings')}: </strong>
        {sent.length === 0 ? t('conduct.classPage.noWarnings')
          : sent.map((a) => t('conduct.classPage.warningSent', { aspect: t(`conduct.aspect.${a}`), date: format.date(s.warnings[a]!.sentAt) })).join('; ')}
      </Paragraph>
      <Paragraph data-size="sm">
        <strong>{t('conduct.classPage.grade')}: </strong>
        {s.grade ? `${t('conduct.aspect.order')} ${s.grade.order}, ${t('conduct.aspect.behaviour').toLowerCase()} ${s.grade.behaviour} · ${t('conduct.classPage.gradeSet', { date: format.date(s.grade.setAt), by: s.grade.setBy })}`
          : t('conduct.classPage.noGrade')}
      </Paragraph>
      {canSet && <GradeForm basisGroupId={basisGroupId} student={s} />}
    </li>
  );
}

function GradeForm({ basisGroupId, student: s }: { basisGroupId: string; student: ClassStudent }) {
  const { t } = useTranslation();
  const [order, setOrder] = useState<Grade>(s.grade?.order ?? 'G');
  const [behaviour, setBehaviour] = useState<Grade>(s.grade?.behaviour ?? 'G');
  const [reasons, setReasons] = useState(s.grade?.reasons ?? '');
  const [measureId, setMeasureId] = useState(s.grade?.measureId ?? '');
  const [done, setDone] = useState('');
  const save = useSetGrade(basisGroupId, s.studentId);
  const base = useId();
  const { dirty, markSaved } = useDirty({ order, behaviour, reasons, measureId });
  // L-22 § 9-17, explained before the round trip: the server refuses the same with 409
  const blocked = (['order', 'behaviour'] as const).filter((a) => (a === 'order' ? order : behaviour) !== 'G' && !s.warnings[a] && !measureId);
  return (
    <form className="conduct-form" onSubmit={(e) => {
      e.preventDefault();
      setDone('');
      save.mutateAsync({ order, behaviour, ...(reasons.trim() ? { reasons: reasons.trim() } : {}), measureId: measureId || null })
        .then(() => { markSaved(); setDone(t('conduct.classPage.saved')); }).catch(() => undefined);
    }}>
      <UnsavedGuard dirty={dirty && !save.isPending} />
      <div className="conduct-row">
        <GradeSelect id={`${base}-order`} label={`${t('conduct.aspect.order')} – ${fullName(s)}`} value={order} onChange={setOrder} />
        <GradeSelect id={`${base}-behaviour`} label={`${t('conduct.aspect.behaviour')} – ${fullName(s)}`} value={behaviour} onChange={setBehaviour} />
        {s.singleIncidentMeasures.length > 0 && (
          <Field className="conduct-select">
            <Label>{t('conduct.classPage.measure')}</Label>
            <Select width="auto" value={measureId} onChange={(e) => setMeasureId(e.target.value)}>
              <Select.Option value="">{t('conduct.classPage.noMeasure')}</Select.Option>
              {s.singleIncidentMeasures.map((m) => <Select.Option key={m.id} value={m.id}>{m.decidedOn}: {m.description}</Select.Option>)}
            </Select>
          </Field>
        )}
      </div>
      <Textfield label={t('conduct.classPage.reasonsLabel')} value={reasons} onChange={(e) => setReasons(e.target.value)} />
      {blocked.length > 0 && (
        <Alert data-color="warning">
          <Heading level={3} data-size="2xs">{t('conduct.classPage.blockedTitle')}</Heading>
          <Paragraph data-size="sm">{t('conduct.classPage.blocked', { aspect: blocked.map((a) => t(`conduct.aspect.${a}`).toLowerCase()).join(' / ') })}</Paragraph>
          <Paragraph data-size="sm">
            <AppLink to="/students/$studentId/warnings/new" params={{ studentId: s.studentId }}>{t('conduct.classPage.raiseWarning', { name: fullName(s) })}</AppLink>
          </Paragraph>
        </Alert>
      )}
      <div><Button type="submit" variant="secondary" loading={save.isPending} disabled={save.isPending}>{t('conduct.classPage.save')}</Button></div>
      <Paragraph role="status" data-size="sm">{done}</Paragraph>
      {save.isError && <ErrorAlert error={save.error} />}
    </form>
  );
}

/** L-22 § 9-17: the principal's review of the class's grades with the teachers, before final grades. */
function ReviewSection({ data }: { data: ClassConduct }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const [heldOn, setHeldOn] = useState(data.review?.heldOn ?? '');
  const [participants, setParticipants] = useState(data.review?.participants ?? '');
  const [outcomes, setOutcomes] = useState<Record<string, ReviewOutcome>>(() => Object.fromEntries(data.students.map((s) => [s.studentId,
    data.review?.outcomes.find((o) => o.studentId === s.studentId)?.outcome ?? 'confirmed'])));
  const [done, setDone] = useState('');
  const save = useSaveReview(data.group.id);
  const { dirty, markSaved } = useDirty({ heldOn, participants, outcomes });
  return (
    <section aria-labelledby={headingId} className="stack">
      <Heading level={2} data-size="sm" id={headingId}>{t('conduct.review.title')}</Heading>
      <Paragraph data-size="sm">
        {data.review ? t('conduct.review.recorded', { date: format.date(data.review.heldOn), by: data.review.reviewedBy }) : t('conduct.review.none')}
      </Paragraph>
      {data.canReview && (
        <form className="conduct-form" onSubmit={(e) => {
          e.preventDefault();
          setDone('');
          save.mutateAsync({ heldOn, ...(participants.trim() ? { participants: participants.trim() } : {}),
            outcomes: data.students.map((s) => ({ studentId: s.studentId, outcome: outcomes[s.studentId]! })) })
            .then(() => { markSaved(); setDone(t('conduct.review.saved')); }).catch(() => undefined);
        }}>
          <UnsavedGuard dirty={dirty && !save.isPending} />
          <Paragraph data-size="sm">{t('conduct.review.intro')}</Paragraph>
          <DateField label={t('conduct.review.heldOn')} type="date" value={heldOn} required onChange={(e) => setHeldOn(e.target.value)} className="absence-day" />
          <Textfield label={t('conduct.review.participants')} value={participants} onChange={(e) => setParticipants(e.target.value)} />
          <div className="conduct-row">
            {data.students.map((s) => (
              <Field key={s.studentId} className="conduct-select">
                <Label>{t('conduct.review.outcomeFor', { name: fullName(s) })}</Label>
                <Select width="auto" value={outcomes[s.studentId]} onChange={(e) => setOutcomes((o) => ({ ...o, [s.studentId]: e.target.value as ReviewOutcome }))}>
                  {(['confirmed', 'changed', 'followUp'] as const).map((o) => <Select.Option key={o} value={o}>{t(`conduct.review.outcome.${o}`)}</Select.Option>)}
                </Select>
              </Field>
            ))}
          </div>
          <div><Button type="submit" loading={save.isPending} disabled={save.isPending}>{t('conduct.review.save')}</Button></div>
          <Paragraph role="status" data-size="sm">{done}</Paragraph>
          {save.isError && <ErrorAlert error={save.error} />}
        </form>
      )}
    </section>
  );
}
