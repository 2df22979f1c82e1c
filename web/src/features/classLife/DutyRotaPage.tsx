import { Button, Details, Heading, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { PageHeading } from '../../core/ui/PageHeading';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import type { AwayInput, RotaInput, RoutinesInput } from '@server/features/classLife/schemas.js';
import { dutyRotaQuery, useClassLifeWrite, type DutyRota } from './api';
import { DateField } from '../../core/ui/DateField';
import { UnsavedGuard, useDirty } from '../../core/ui/UnsavedGuard';

/** the fair duty rota with its tidying routines; printable (classLife.css has the print styles). */
export function DutyRotaPage({ basisGroupId }: { basisGroupId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(dutyRotaQuery(basisGroupId));
  const rota = data.rota;
  return (
    <div className="stack class-life duty-rota">
      <div>
        <PageHeading title={t('classLife.rota.title', { group: data.group.name })} />
        {rota && <Paragraph className="muted">{t('classLife.rota.period', { from: format.date(rota.startsOn), to: format.date(rota.endsOn) })}</Paragraph>}
        <AccessReason access={data.access} />
      </div>
      <Paragraph className="no-print">{t('classLife.rota.intro')}</Paragraph>
      {!rota ? <Paragraph>{t('classLife.rota.none')}</Paragraph> : (
        <>
          <div className="no-print"><Button variant="secondary" onClick={() => window.print()}>{t('classLife.rota.print')}</Button></div>
          <div className="table-scroll" role="region" aria-label={t('classLife.rota.title', { group: data.group.name })} tabIndex={0}>
            <Table data-size="sm">
              <caption className="ds-sr-only">{t('classLife.rota.title', { group: data.group.name })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('classLife.rota.week')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('classLife.rota.students')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {rota.weeks.map((w) => (
                  <Table.Row key={w.weekStart}>
                    <Table.HeaderCell scope="row">{w.number} <span className="muted">({format.date(w.weekStart)})</span></Table.HeaderCell>
                    <Table.Cell>{w.students.map((s) => `${s.givenName} ${s.familyName}`).join(', ')}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <section aria-labelledby="routines-h" className="stack">
            <Heading level={2} data-size="sm" id="routines-h">{t('classLife.rota.routines')}</Heading>
            <ul>{rota.routines.map((r) => <li key={r}>{r}</li>)}</ul>
            {data.canManage && <RoutinesForm basisGroupId={basisGroupId} rotaId={rota.id} routines={rota.routines} />}
          </section>
          <Details className="no-print">
            <Details.Summary>{t('classLife.rota.counts')}</Details.Summary>
            <Details.Content>
              <ul className="class-life-counts">
                {rota.counts.map((c) => <li key={c.studentId}>{c.familyName}, {c.givenName}: {c.count}</li>)}
              </ul>
            </Details.Content>
          </Details>
        </>
      )}
      {data.canManage && <AwaySection data={data} basisGroupId={basisGroupId} />}
      {data.canManage && <GenerateForm basisGroupId={basisGroupId} />}
    </div>
  );
}

function RoutinesForm({ basisGroupId, rotaId, routines }: { basisGroupId: string; rotaId: string; routines: string[] }) {
  const { t } = useTranslation();
  const uid = useId();
  const write = useClassLifeWrite(basisGroupId);
  const [text, setText] = useState(routines.join('\n'));
  const form = useFormErrors<'routines'>((f) => f.startsWith('routines'));
  const { dirty, markSaved } = useDirty(text, routines.join('\n'));
  async function submit(e: FormEvent) {
    e.preventDefault();
    const list = text.split('\n').map((x) => x.trim()).filter(Boolean);
    await write.mutateAsync({ path: `/duty-rota/${rotaId}/routines`, method: 'PUT', body: { routines: list } satisfies RoutinesInput }).then(() => { markSaved(); form.clear(); }, (err) => form.fromServer(err));
  }
  return (
    <form onSubmit={submit} className="stack no-print" noValidate>
      <UnsavedGuard dirty={dirty && !write.isPending} />
      <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} idFor={() => `${uid}-r`} />
      <Textfield id={`${uid}-r`} label={t('classLife.rota.routines')} description={t('classLife.rota.routinesHint')} multiline rows={6} value={text} onChange={(e) => setText(e.target.value)} error={form.errors.routines} />
      <div><Button type="submit" variant="secondary" disabled={write.isPending}>{t('classLife.rota.saveRoutines')}</Button></div>
    </form>
  );
}

type AwayField = 'studentId' | 'fromOn' | 'toOn';
function AwaySection({ data, basisGroupId }: { data: DutyRota; basisGroupId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const uid = useId();
  const write = useClassLifeWrite(basisGroupId);
  const [studentId, setStudentId] = useState('');
  const [fromOn, setFrom] = useState('');
  const [toOn, setTo] = useState('');
  const form = useFormErrors<AwayField>(['studentId', 'fromOn', 'toOn']);
  const { dirty, markSaved } = useDirty({ studentId, fromOn, toOn });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: Partial<Record<AwayField, string>> = {};
    if (!studentId) missing.studentId = t('classLife.required');
    if (!fromOn) missing.fromOn = t('classLife.required');
    if (!toOn) missing.toOn = t('classLife.required');
    if (!form.check(missing)) return;
    await write.mutateAsync({ path: '/duty-rota/away', method: 'POST', body: { studentId, fromOn, toOn } satisfies AwayInput }).then(() => { markSaved({ studentId: '', fromOn, toOn }); form.clear(); setStudentId(''); }, (err) => form.fromServer(err));
  }
  return (
    <section aria-labelledby={`${uid}-h`} className="stack no-print">
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('classLife.rota.away')}</Heading>
      <Paragraph data-size="sm">{t('classLife.rota.awayHint')}</Paragraph>
      {data.away.length === 0 ? <Paragraph>{t('classLife.rota.noAway')}</Paragraph> : (
        <ul className="class-life-list">
          {data.away.map((a) => (
            <li key={a.id}>
              {a.givenName} {a.familyName}: {format.date(a.fromOn)} – {format.date(a.toOn)}{' '}
              <Button data-size="sm" variant="tertiary" aria-label={t('classLife.rota.removeLabel', { name: `${a.givenName} ${a.familyName}` })}
                onClick={() => void write.mutateAsync({ path: `/duty-rota/away/${a.id}`, method: 'DELETE' })}>{t('classLife.rota.remove')}</Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="stack" noValidate>
        <UnsavedGuard dirty={dirty && !write.isPending} />
        <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} idFor={(f) => `${uid}-${f}`} />
        <div className="absence-field">
          <label htmlFor={`${uid}-studentId`}>{t('classLife.rota.student')}</label>
          <Select id={`${uid}-studentId`} value={studentId} onChange={(e) => setStudentId(e.target.value)} aria-invalid={form.errors.studentId ? true : undefined}>
            <Select.Option value="">{t('classLife.rota.student')}</Select.Option>
            {data.students.map((s) => <Select.Option key={s.studentId} value={s.studentId}>{s.familyName}, {s.givenName}</Select.Option>)}
          </Select>
          {form.errors.studentId && <Paragraph data-size="sm" className="field-error">{form.errors.studentId}</Paragraph>}
        </div>
        <DateField id={`${uid}-fromOn`} type="date" label={t('classLife.rota.fromOn')} value={fromOn} onChange={(e) => setFrom(e.target.value)} error={form.errors.fromOn} />
        <DateField id={`${uid}-toOn`} type="date" label={t('classLife.rota.toOn')} value={toOn} onChange={(e) => setTo(e.target.value)} error={form.errors.toOn} />
        <div><Button type="submit" variant="secondary" disabled={write.isPending}>{t('classLife.rota.addAway')}</Button></div>
      </form>
    </section>
  );
}

type RotaField = 'startsOn' | 'endsOn' | 'perWeek';
function GenerateForm({ basisGroupId }: { basisGroupId: string }) {
  const { t } = useTranslation();
  const uid = useId();
  const write = useClassLifeWrite(basisGroupId);
  const [startsOn, setStart] = useState('');
  const [endsOn, setEnd] = useState('');
  const [perWeek, setPerWeek] = useState('2');
  const form = useFormErrors<RotaField>(['startsOn', 'endsOn', 'perWeek']);
  const { dirty, markSaved } = useDirty({ startsOn, endsOn, perWeek });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: Partial<Record<RotaField, string>> = {};
    if (!startsOn) missing.startsOn = t('classLife.required');
    if (!endsOn) missing.endsOn = t('classLife.required');
    if (!form.check(missing)) return;
    await write.mutateAsync({ path: '/duty-rota', method: 'POST', body: { startsOn, endsOn, perWeek: Number(perWeek) } satisfies RotaInput }).then(() => { markSaved(); form.clear(); }, (err) => form.fromServer(err));
  }
  return (
    <form onSubmit={submit} className="stack no-print" aria-labelledby={`${uid}-h`} noValidate>
      <UnsavedGuard dirty={dirty && !write.isPending} />
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('classLife.rota.generate')}</Heading>
      <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} idFor={(f) => `${uid}-${f}`} />
      <DateField id={`${uid}-startsOn`} type="date" label={t('classLife.rota.startsOn')} value={startsOn} onChange={(e) => setStart(e.target.value)} error={form.errors.startsOn} />
      <DateField id={`${uid}-endsOn`} type="date" label={t('classLife.rota.endsOn')} value={endsOn} onChange={(e) => setEnd(e.target.value)} error={form.errors.endsOn} />
      <Textfield id={`${uid}-perWeek`} type="number" min={1} max={4} label={t('classLife.rota.perWeek')} value={perWeek} onChange={(e) => setPerWeek(e.target.value)} error={form.errors.perWeek} />
      <div><Button type="submit" disabled={write.isPending}>{t('classLife.rota.make')}</Button></div>
    </form>
  );
}
