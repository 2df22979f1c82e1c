import { Button, Field, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AccessReason } from '../../core/ui/AccessReason';
import { AppLink } from '../../core/ui/AppLink';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { PageHeading } from '../../core/ui/PageHeading';
import { isApiError } from '../../core/api/client';
import { grades, groupInputsQuery, useSaveInputs, type Grade, type InputEntry } from './api';
import './conduct.css';
import { UnsavedGuard, useDirty } from '../../core/ui/UnsavedGuard';

type Draft = Record<string, { order: Grade; behaviour: Grade; reasons: string }>;

/** L-22 § 9-14: a subject teacher's input on order and behaviour for each student of one group, saved together. */
export function InputPage({ teachingGroupId }: { teachingGroupId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(groupInputsQuery(teachingGroupId));
  const save = useSaveInputs(teachingGroupId);
  const captionId = useId();
  const [draft, setDraft] = useState<Draft>(() => Object.fromEntries(data.students.map((s) => [s.studentId, {
    order: s.input?.order ?? 'G', behaviour: s.input?.behaviour ?? 'G', reasons: s.input?.reasons ?? '',
  }])));
  const [done, setDone] = useState('');
  const { dirty, markSaved } = useDirty(draft);
  const fieldErrors = save.error && isApiError(save.error) ? save.error.problem?.errors ?? [] : [];
  const errorFor = (i: number, f: string) => fieldErrors.find((e) => e.field.replace(/^body[./]?/, '') === `inputs.${i}.${f}`)?.message;
  const name = (s: { givenName: string; familyName: string }) => `${s.givenName} ${s.familyName}`;
  const set = (id: string, patch: Partial<Draft[string]>) => setDraft((d) => ({ ...d, [id]: { ...d[id]!, ...patch } }));
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('conduct.inputs.title', { group: data.group.name })} />
        <Paragraph className="muted">{t(`conduct.term.${data.term.kind}`, { year: data.term.schoolYearName })}</Paragraph>
        <AccessReason access={data.access} />
      </div>
      <Paragraph>{t('conduct.inputs.intro')}</Paragraph>
      {data.students.length === 0 ? <Paragraph>{t('conduct.inputs.noStudents')}</Paragraph> : (
        <form className="stack" onSubmit={(e) => {
          e.preventDefault();
          setDone('');
          const inputs: InputEntry[] = data.students.map((s) => {
            const d = draft[s.studentId]!;
            return { studentId: s.studentId, order: d.order, behaviour: d.behaviour, ...(d.reasons.trim() ? { reasons: d.reasons.trim() } : {}) };
          });
          save.mutateAsync(inputs).then(() => { markSaved(); setDone(t('conduct.inputs.saved')); }).catch(() => undefined);
        }}>
          <UnsavedGuard dirty={dirty && !save.isPending} />
          <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
            <Table border data-color="neutral">
              <caption id={captionId}>{t('conduct.inputs.caption', { group: data.group.name })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('conduct.inputs.student')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('conduct.aspect.order')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('conduct.aspect.behaviour')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('conduct.inputs.reasons')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.students.map((s, i) => {
                  const d = draft[s.studentId]!;
                  return (
                    <Table.Row key={s.studentId}>
                      <Table.HeaderCell scope="row">
                        {name(s)}
                        <br />
                        <AppLink data-size="sm" to="/students/$studentId/disciplinary-cases/new" params={{ studentId: s.studentId }}>{t('conduct.inputs.reportIncident')}</AppLink>
                      </Table.HeaderCell>
                      {(['order', 'behaviour'] as const).map((aspect) => (
                        <Table.Cell key={aspect}>
                          <Select aria-label={t(aspect === 'order' ? 'conduct.inputs.orderFor' : 'conduct.inputs.behaviourFor', { name: name(s) })} width="auto"
                            value={d[aspect]} onChange={(e) => set(s.studentId, { [aspect]: e.target.value as Grade })}>
                            {grades.map((g) => <Select.Option key={g} value={g}>{g}</Select.Option>)}
                          </Select>
                        </Table.Cell>
                      ))}
                      <Table.Cell>
                        <Textfield aria-label={t('conduct.inputs.reasonsFor', { name: name(s) })} value={d.reasons} error={errorFor(i, 'reasons')}
                          onChange={(e) => set(s.studentId, { reasons: e.target.value })} />
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </div>
          <div><Button type="submit" loading={save.isPending} disabled={save.isPending}>{t('conduct.inputs.save')}</Button></div>
          <Paragraph role="status">{done}</Paragraph>
          {save.isError && <ErrorAlert error={save.error} />}
        </form>
      )}
    </div>
  );
}

// unsaved-guard: a field of the class page's grade form, guarded there
/** Field wrapper used by the class page's grade form. */
export function GradeSelect({ label, value, onChange, id }: { label: string; value: Grade; onChange: (g: Grade) => void; id?: string }) {
  const { t } = useTranslation();
  return (
    <Field className="conduct-select">
      <Label>{label}</Label>
      <Select id={id} width="auto" value={value} onChange={(e) => onChange(e.target.value as Grade)}>
        {grades.map((g) => <Select.Option key={g} value={g}>{t(`conduct.grade.${g}`)}</Select.Option>)}
      </Select>
    </Field>
  );
}
