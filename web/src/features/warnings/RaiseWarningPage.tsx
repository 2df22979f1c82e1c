import { Alert, Button, Fieldset, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import { AppLink } from '../../core/ui/AppLink';
import { PageHeading } from '../../core/ui/PageHeading';
import { prefillQuery, studentWarningsQuery, warningApi, type ConductAspect, type RaiseWarningBody } from './api';
import { DeadlineNotice } from './parts';
import './warnings.css';
import { DateField } from '../../core/ui/DateField';
import { UnsavedGuard, useDirty } from '../../core/ui/UnsavedGuard';

const FIELDS = ['kind', 'subjectId', 'conductAspect', 'grounds', 'requirement', 'dueOn'] as const;
const conductAspects = ['order', 'behaviour'] as const satisfies readonly ConductAspect[];
type Field = (typeof FIELDS)[number];

/**
 * a subject teacher raises a warning of IV in their own subject, pre-filled from the student's
 * absence (hours, %, dates); any teacher of the student raises one about order or behaviour.
 */
export function RaiseWarningPage({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const { data: prefill } = useSuspenseQuery(prefillQuery(studentId));
  const { data: view } = useSuspenseQuery(studentWarningsQuery(studentId));
  const base = useId();
  const idFor = (f: Field) => `${base}-${f}`;
  const first = prefill.subjects[0];
  const [choice, setChoice] = useState<string>(first ? `subject:${first.id}` : 'conduct:order');
  const [grounds, setGrounds] = useState(first?.grounds ?? '');
  const [requirement, setRequirement] = useState(first?.requirement ?? prefill.conduct.requirement);
  const [dueOn, setDueOn] = useState(prefill.suggestedDueOn ?? '');
  const [done, setDone] = useState(false);
  const form = useFormErrors(FIELDS);
  // what the chosen kind is pre-filled with; anything else is the teacher's own, not yet raised
  const chosenSubject = prefill.subjects.find((s) => `subject:${s.id}` === choice);
  const prefilled = { grounds: chosenSubject?.grounds ?? '', requirement: chosenSubject?.requirement ?? prefill.conduct.requirement, dueOn: prefill.suggestedDueOn ?? '' };
  const { dirty, markSaved } = useDirty({ grounds, requirement, dueOn }, prefilled);

  const choose = (value: string) => {
    setChoice(value);
    const subject = prefill.subjects.find((s) => `subject:${s.id}` === value);
    // a fresh choice gets its own pre-filled text; what the teacher already typed for another choice is replaced
    setGrounds(subject?.grounds ?? '');
    setRequirement(subject?.requirement ?? prefill.conduct.requirement);
  };
  const submit = useMutation({
    mutationFn: () => {
      const [kind, value] = choice.split(':') as [string, string];
      const body: RaiseWarningBody = kind === 'subject'
        ? { kind: 'notAssessed', subjectId: value, grounds, requirement, dueOn }
        : { kind: 'conduct', conductAspect: value as ConductAspect, grounds, requirement, dueOn };
      return warningApi.raise(studentId, body);
    },
    onSuccess: async () => {
      markSaved();
      setDone(true);
      form.clear();
      await queryClient.invalidateQueries({ queryKey: ['warnings'] });
    },
    onError: (e) => form.fromServer(e),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const found: Partial<Record<Field, string>> = {};
    if (!grounds.trim()) found.grounds = t('warnings.raise.required');
    if (!requirement.trim()) found.requirement = t('warnings.raise.required');
    if (!dueOn) found.dueOn = t('warnings.raise.required');
    if (form.check(found)) submit.mutate();
  };
  const selected = prefill.subjects.find((s) => `subject:${s.id}` === choice);
  const language = prefill.letterLocale === 'nn' ? 'nynorsk' : 'bokmål';

  return (
    <div className="stack">
      <PageHeading title={t('warnings.raise.title', { name: prefill.student.name })} />
      <Paragraph>{t('warnings.raise.intro')}</Paragraph>
      <DeadlineNotice deadline={prefill.deadline} />
      <form className="warning-form" onSubmit={onSubmit} noValidate>
        <UnsavedGuard dirty={dirty && !submit.isPending} />
        <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} order={FIELDS} idFor={idFor} />
        <Fieldset>
          <Fieldset.Legend>{t('warnings.raise.kind')}</Fieldset.Legend>
          {prefill.subjects.length === 0 && <Paragraph data-size="sm">{t('warnings.raise.noSubjects')}</Paragraph>}
          {prefill.subjects.map((s, i) => (
            <Radio key={s.id} id={i === 0 ? idFor('subjectId') : undefined} name={`${base}-kind`} value={`subject:${s.id}`}
              label={t('warnings.raise.notAssessedIn', { subject: s.name })} checked={choice === `subject:${s.id}`} onChange={() => choose(`subject:${s.id}`)} />
          ))}
          {view.permissions.raiseConduct && conductAspects.map((a, i) => (
            <Radio key={a} id={prefill.subjects.length === 0 && i === 0 ? idFor('conductAspect') : undefined} name={`${base}-kind`} value={`conduct:${a}`}
              label={t(`warnings.raise.conduct${a}`)} checked={choice === `conduct:${a}`} onChange={() => choose(`conduct:${a}`)} />
          ))}
          {(form.errors.subjectId || form.errors.conductAspect) && <Alert data-color="danger" data-size="sm">{form.errors.subjectId ?? form.errors.conductAspect}</Alert>}
        </Fieldset>
        {selected && (
          <Paragraph data-size="sm">
            {selected.absence.days.length > 0
              ? t('warnings.raise.absence', { count: selected.absence.countingHours, planned: selected.absence.plannedHours, percent: selected.absence.percent, days: selected.absence.days.map((d) => format.date(d)).join(', ') })
              : t('warnings.raise.noAbsence')}
          </Paragraph>
        )}
        <Paragraph data-size="sm">{t('warnings.raise.language', { language })}</Paragraph>
        <Textfield id={idFor('grounds')} label={t('warnings.fields.grounds')} multiline rows={5} value={grounds} onChange={(e) => setGrounds(e.target.value)} error={form.errors.grounds} />
        <Textfield id={idFor('requirement')} label={t('warnings.fields.requirement')} multiline rows={3} value={requirement} onChange={(e) => setRequirement(e.target.value)} error={form.errors.requirement} />
        <DateField id={idFor('dueOn')} label={t('warnings.fields.dueOn')} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} error={form.errors.dueOn} className="warning-date" />
        <div className="warning-actions"><Button type="submit" loading={submit.isPending}>{t('warnings.raise.submit')}</Button></div>
        <Paragraph role="status">{done ? t('warnings.raise.done') : ''}</Paragraph>
      </form>
      <Paragraph><AppLink to="/students/$studentId" params={{ studentId }}>{t('warnings.raise.back')}</AppLink></Paragraph>
    </div>
  );
}
