import { Button, Checkbox, Heading, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, leaderRoles, useMe } from '../../core/auth/session';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import { InlineConfirm } from '../../core/ui/InlineConfirm';
import { PageHeading } from '../../core/ui/PageHeading';
import {
  cycleQuery, levels, responsibleRoles, routineScopes, useCopyCycle, useDeleteRoutine, useSaveRoutine,
  type CycleView, type EvidenceKindInfo, type ResponsibleRole, type Routine, type RoutineScope,
} from './api';
import { EvidenceText, WeeksText, type LooseT } from './parts';
import { DateField } from '../../core/ui/DateField';
import { UnsavedGuard, changed } from '../../core/ui/UnsavedGuard';

/** The school's annual cycle (R-30): every staff member reads it; the principal edits and copies it. */
export function CyclePage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const { data } = useSuspenseQuery(cycleQuery());
  const [editing, setEditing] = useState<Routine | 'new' | null>(null);
  const del = useDeleteRoutine();
  const nn = i18n.language === 'nn';
  return (
    <div className="stack">
      <div>
        <PageHeading title={`${t('annualCycle.title')} ${data.schoolYear.name}`} />
        <AccessReason access={data.access} />
      </div>
      <Paragraph>{t('annualCycle.cycle.intro')}</Paragraph>
      {data.copiedFromSchoolYear && <Paragraph data-size="sm" className="muted">{t('annualCycle.cycle.copiedFrom', { year: data.copiedFromSchoolYear })}</Paragraph>}
      {hasRole(me, 'principal', 'departmentHead') && <AppLink to="/annual-cycle/compliance">{t('annualCycle.cycle.complianceLink')}</AppLink>}
      <div className="table-scroll" role="region" aria-label={t('annualCycle.title')} tabIndex={0}>
        <Table>
          <caption className="ds-sr-only">{t('annualCycle.title')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('annualCycle.cycle.what')}</Table.HeaderCell>
              <Table.HeaderCell>{t('annualCycle.cycle.when')}</Table.HeaderCell>
              <Table.HeaderCell>{t('annualCycle.cycle.forWhom')}</Table.HeaderCell>
              <Table.HeaderCell>{t('annualCycle.cycle.responsible')}</Table.HeaderCell>
              <Table.HeaderCell>{t('annualCycle.cycle.doneWhen')}</Table.HeaderCell>
              {data.canManage && <Table.HeaderCell><span className="ds-sr-only">{t('annualCycle.cycle.edit')}</span></Table.HeaderCell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.routines.map((r) => {
              const title = nn ? r.titleNn : r.titleNb;
              return (
                <Table.Row key={r.id}>
                  <Table.HeaderCell scope="row" lang={nn ? 'nn' : 'nb'}>
                    {title}
                    <Paragraph data-size="xs" className="muted">{nn ? r.descriptionNn : r.descriptionNb}</Paragraph>
                  </Table.HeaderCell>
                  <Table.Cell><WeeksText weeks={r.weeks} /><br /><span className="muted">{format.date(r.opensOn)}–{format.date(r.closesOn)}</span></Table.Cell>
                  <Table.Cell>
                    {t(`annualCycle.scope.${r.scope}`)}
                    {r.level && <> · {format.level(r.level)}</>}
                    {r.programme && <> · {t(`annualCycle.programme.${r.programme}`)}</>}
                    {r.excludeAdults && <> · {t('annualCycle.cycle.underEighteen')}</>}
                  </Table.Cell>
                  <Table.Cell>{t(`annualCycle.role.${r.responsibleRole}`)}</Table.Cell>
                  <Table.Cell>
                    <EvidenceText kind={r.evidenceKind} param={r.evidenceParam} />
                    {r.handTicked && <Paragraph data-size="xs" className="muted">{t('annualCycle.handTickedNote')}</Paragraph>}
                  </Table.Cell>
                  {data.canManage && (
                    <Table.Cell>
                      <div className="annual-actions">
                        <Button data-size="sm" variant="secondary" aria-label={t('annualCycle.cycle.editLabel', { title })} onClick={() => setEditing(r)}>{t('annualCycle.cycle.edit')}</Button>
                        <InlineConfirm ask={t('annualCycle.cycle.removeLabel', { title })} question={t('annualCycle.cycle.removeQuestion', { title })}
                          yes={t('annualCycle.cycle.yes')} no={t('annualCycle.cycle.no')} danger pending={del.isPending} onYes={() => del.mutate(r.id)} />
                      </div>
                    </Table.Cell>
                  )}
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </div>
      {del.error && <ErrorAlert error={del.error} />}
      {data.canManage && (
        editing ? <RoutineForm key={editing === 'new' ? 'new' : editing.id} data={data} editing={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
          : <div><Button onClick={() => setEditing('new')}>{t('annualCycle.cycle.add')}</Button></div>
      )}
      {data.canManage && <CopyCycle data={data} />}
      {!hasRole(me, ...leaderRoles) && null}
    </div>
  );
}

type Field = 'titleNb' | 'titleNn' | 'descriptionNb' | 'descriptionNn' | 'scope' | 'level' | 'programme' | 'excludeAdults' | 'responsibleRole' | 'opensOn' | 'closesOn' | 'evidenceKind' | 'evidenceParam';
const FIELDS: readonly Field[] = ['titleNb', 'titleNn', 'descriptionNb', 'descriptionNn', 'scope', 'level', 'programme', 'excludeAdults', 'responsibleRole', 'opensOn', 'closesOn', 'evidenceKind', 'evidenceParam'];
const SUBJECT_OF: Record<RoutineScope, EvidenceKindInfo['subjects'][number]> = { eachStudent: 'student', eachBasisGroup: 'basisGroup', eachTeacher: 'teacher', eachSubjectTeacherOfStudent: 'studentTeacher' };

/** Add or change a routine; the server names each bad field (window order, evidence that cannot prove the scope). */
function RoutineForm({ data, editing, onDone }: { data: CycleView; editing: Routine | null; onDone: () => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const save = useSaveRoutine();
  const form = useFormErrors<Field>(FIELDS);
  const [v, setV] = useState({
    titleNb: editing?.titleNb ?? '', titleNn: editing?.titleNn ?? '', descriptionNb: editing?.descriptionNb ?? '', descriptionNn: editing?.descriptionNn ?? '',
    scope: (editing?.scope ?? 'eachStudent') as RoutineScope, level: (editing?.level ?? '') as NonNullable<Routine['level']> | '', programme: editing?.programme ?? '',
    responsibleRole: (editing?.responsibleRole ?? 'contactTeacher') as ResponsibleRole, opensOn: editing?.opensOn ?? '', closesOn: editing?.closesOn ?? '',
    evidenceKind: editing?.evidenceKind ?? 'handTicked', evidenceParam: editing?.evidenceParam ?? '',
  });
  const [excludeAdults, setExcludeAdults] = useState(editing?.excludeAdults ?? false);
  // the routine as opened: the form closes when it is saved, so anything else is unsaved typing
  const [initial] = useState(() => ({ v, excludeAdults }));
  const dirty = changed({ v, excludeAdults }, initial) && !save.isPending && !save.isSuccess;
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  const kinds = data.evidenceKinds.filter((k) => k.subjects.includes(SUBJECT_OF[v.scope]));
  const kind = data.evidenceKinds.find((k) => k.kind === v.evidenceKind);
  const id = (f: Field) => `${uid}-${f}`;
  const lt = t as unknown as LooseT;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!v.titleNb.trim()) found.titleNb = t('annualCycle.cycle.titleRequired');
    if (!v.titleNn.trim()) found.titleNn = t('annualCycle.cycle.titleRequired');
    if (!v.opensOn) found.opensOn = t('annualCycle.cycle.dateRequired');
    if (!v.closesOn) found.closesOn = t('annualCycle.cycle.dateRequired');
    if (!form.check(found)) return;
    try {
      await save.mutateAsync({
        id: editing?.id ?? null,
        body: {
          titleNb: v.titleNb.trim(), titleNn: v.titleNn.trim(), descriptionNb: v.descriptionNb.trim(), descriptionNn: v.descriptionNn.trim(),
          scope: v.scope, level: v.level || null, programme: (v.programme || null) as 'general' | 'vocational' | null, excludeAdults, responsibleRole: v.responsibleRole,
          opensOn: v.opensOn, closesOn: v.closesOn, evidenceKind: v.evidenceKind, evidenceParam: kind?.param ? v.evidenceParam || null : null,
        },
      });
      form.clear();
      onDone();
    } catch (err) {
      form.fromServer(err);
    }
  }

  return (
    <section aria-labelledby={`${uid}-h`} className="stack panel">
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{editing ? t('annualCycle.cycle.editHeading', { title: editing.titleNb }) : t('annualCycle.cycle.newHeading')}</Heading>
      <form onSubmit={submit} className="stack" noValidate aria-labelledby={`${uid}-h`}>
        <UnsavedGuard dirty={dirty} />
        <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} order={FIELDS} idFor={id} />
        <div className="annual-form__row">
          <Textfield id={id('titleNb')} label={t('annualCycle.cycle.titleNb')} value={v.titleNb} onChange={set('titleNb')} error={form.errors.titleNb} maxLength={200} />
          <Textfield id={id('titleNn')} label={t('annualCycle.cycle.titleNn')} value={v.titleNn} onChange={set('titleNn')} error={form.errors.titleNn} maxLength={200} />
        </div>
        <div className="annual-form__row">
          <Textfield id={id('descriptionNb')} multiline rows={2} label={t('annualCycle.cycle.descriptionNb')} value={v.descriptionNb} onChange={set('descriptionNb')} error={form.errors.descriptionNb} />
          <Textfield id={id('descriptionNn')} multiline rows={2} label={t('annualCycle.cycle.descriptionNn')} value={v.descriptionNn} onChange={set('descriptionNn')} error={form.errors.descriptionNn} />
        </div>
        <div className="annual-form__row">
          <SelectField id={id('scope')} label={t('annualCycle.cycle.scopeLabel')} value={v.scope} onChange={set('scope')} error={form.errors.scope}
            options={routineScopes.map((s) => [s, t(`annualCycle.scope.${s}`)])} />
          <SelectField id={id('level')} label={t('annualCycle.cycle.levelLabel')} value={v.level} onChange={set('level')} error={form.errors.level}
            options={[['', t('annualCycle.cycle.any')], ...levels.map((l) => [l, l.replace('vg', 'Vg')] as [string, string])]} />
          <SelectField id={id('programme')} label={t('annualCycle.cycle.programmeLabel')} value={v.programme} onChange={set('programme')} error={form.errors.programme}
            options={[['', t('annualCycle.cycle.any')], ['general', t('annualCycle.programme.general')], ['vocational', t('annualCycle.programme.vocational')]]} />
          <SelectField id={id('responsibleRole')} label={t('annualCycle.cycle.roleLabel')} value={v.responsibleRole} onChange={set('responsibleRole')} error={form.errors.responsibleRole}
            options={responsibleRoles.map((r) => [r, t(`annualCycle.role.${r}`)])} />
        </div>
        <Checkbox id={id('excludeAdults')} label={t('annualCycle.cycle.excludeAdultsLabel')} description={t('annualCycle.cycle.excludeAdultsHelp')}
          checked={excludeAdults} onChange={(e) => setExcludeAdults(e.target.checked)} error={form.errors.excludeAdults} />
        <div className="annual-form__row">
          <DateField id={id('opensOn')} type="date" label={t('annualCycle.cycle.opensOn')} value={v.opensOn} onChange={set('opensOn')} error={form.errors.opensOn}
            min={data.schoolYear.startsOn} max={data.schoolYear.endsOn} />
          <DateField id={id('closesOn')} type="date" label={t('annualCycle.cycle.closesOn')} value={v.closesOn} onChange={set('closesOn')} error={form.errors.closesOn}
            min={v.opensOn || data.schoolYear.startsOn} max={data.schoolYear.endsOn} />
        </div>
        <div className="annual-form__row">
          <SelectField id={id('evidenceKind')} label={t('annualCycle.cycle.evidenceLabel')} value={v.evidenceKind} onChange={set('evidenceKind')} error={form.errors.evidenceKind}
            options={(kinds.some((k) => k.kind === v.evidenceKind) ? kinds : [...kinds, ...(kind ? [kind] : [])]).map((k) => [k.kind, `${lt(`annualCycle.evidence.${k.kind}`)}${k.handTicked && k.kind !== 'handTicked' ? ` (${t('annualCycle.evidence.handTicked').toLowerCase()})` : ''}`])} />
          {kind?.param?.values && (
            <SelectField id={id('evidenceParam')} label={t('annualCycle.cycle.paramLabel')} value={v.evidenceParam} onChange={set('evidenceParam')} error={form.errors.evidenceParam}
              options={[['', '—'], ...kind.param.values.map((x) => [x, lt(`annualCycle.conversationKind.${x}`)] as [string, string])]} />
          )}
        </div>
        {kind?.handTicked && <Paragraph data-size="sm" className="muted">{t('annualCycle.handTickedNote')}</Paragraph>}
        <div className="annual-actions">
          <Button type="submit" loading={save.isPending} disabled={save.isPending}>{t('annualCycle.cycle.save')}</Button>
          <Button type="button" variant="secondary" onClick={onDone}>{t('annualCycle.cycle.cancel')}</Button>
        </div>
      </form>
    </section>
  );
}

// unsaved-guard: a field of the forms that render it, guarded there; CopyCycle's choice is acted on at once
function SelectField({ id, label, value, onChange, options, error }: { id: string; label: string; value: string; onChange: (e: { target: { value: string } }) => void; options: [string, string][]; error?: string }) {
  return (
    <div className="annual-field">
      <label htmlFor={id}>{label}</label>
      <Select id={id} value={value} onChange={onChange} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {options.map(([k, l]) => <Select.Option key={k} value={k}>{l}</Select.Option>)}
      </Select>
      {error && <Paragraph id={`${id}-error`} data-size="sm" className="annual-field__error">{error}</Paragraph>}
    </div>
  );
}

/** A new school year: copy the cycle with the dates moved to the same ISO week and weekday. */
function CopyCycle({ data }: { data: CycleView }) {
  const { t } = useTranslation();
  const uid = useId();
  const copy = useCopyCycle();
  const targets = data.schoolYears.filter((y) => !y.hasCycle && y.id !== data.schoolYear.id);
  const [to, setTo] = useState(targets[0]?.id ?? '');
  const [done, setDone] = useState('');
  return (
    <section aria-labelledby={`${uid}-h`} className="stack panel">
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('annualCycle.cycle.copyHeading')}</Heading>
      <Paragraph data-size="sm">{t('annualCycle.cycle.copyIntro')}</Paragraph>
      {targets.length === 0 ? <Paragraph data-size="sm">{t('annualCycle.cycle.noOtherYear')}</Paragraph> : (
        <div className="annual-actions">
          <SelectField id={`${uid}-to`} label={t('annualCycle.cycle.copyTo')} value={to} onChange={(e) => setTo(e.target.value)} options={targets.map((y) => [y.id, y.name])} />
          <Button variant="secondary" loading={copy.isPending} onClick={() => copy.mutate({ fromSchoolYearId: data.schoolYear.id, toSchoolYearId: to }, {
            onSuccess: (r) => setDone(t('annualCycle.cycle.copied', { year: r.schoolYear.name })),
          })}>{t('annualCycle.cycle.copy')}</Button>
        </div>
      )}
      <Paragraph role="status" data-size="sm">{done}</Paragraph>
      {copy.error && <ErrorAlert error={copy.error} />}
    </section>
  );
}
