import { Button, Fieldset, Textfield } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../core/format';
import { DateField } from '../../core/ui/DateField';
import { FormErrorSummary, useFormErrors, type Errors } from '../../core/ui/forms';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';
import type { PlanInput, SchoolEnvironmentCase } from './api';

interface MeasureValues { id?: string; description: string; startsOn: string; endsOn: string; responsible: string; evaluateOn: string }
interface Values { problem: string; measures: MeasureValues[] }

const blank = (): MeasureValues => ({ description: '', startsOn: todayIso(), endsOn: '', responsible: '', evaluateOn: '' });

function initialOf(plan: SchoolEnvironmentCase['plan']): Values {
  if (!plan) return { problem: '', measures: [blank()] };
  return {
    problem: plan.problem,
    measures: plan.measures.map((m) => ({ id: m.id, description: m.description, startsOn: m.startsOn, endsOn: m.endsOn ?? '', responsible: m.responsible, evaluateOn: m.evaluateOn })),
  };
}

/**
 * L-33: the activity plan's five parts — a) the problem; per measure b) what, c) when, d) who, e) when evaluated.
 * Saving makes a new version; the typed plan stays until it is saved or left on purpose.
 */
export function PlanForm({ plan, onSave, onCancel }: { plan: SchoolEnvironmentCase['plan']; onSave: (p: PlanInput) => Promise<unknown>; onCancel: () => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const [initial] = useState(() => initialOf(plan));
  const [v, setV] = useState<Values>(initial);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useFormErrors<string>(() => true);
  const idFor = (f: string) => `${uid}-${f.replace(/\./g, '-')}`;
  const setMeasure = (i: number, f: keyof MeasureValues, value: string) =>
    setV((x) => ({ ...x, measures: x.measures.map((m, j) => (j === i ? { ...m, [f]: value } : m)) }));

  function validate(): Errors<string> {
    const e: Errors<string> = {};
    if (!v.problem.trim()) e.problem = t('measures.required');
    v.measures.forEach((m, i) => {
      for (const f of ['description', 'startsOn', 'responsible', 'evaluateOn'] as const) if (!m[f].trim()) e[`measures.${i}.${f}`] = t('measures.required');
      if (m.startsOn && m.evaluateOn && m.evaluateOn < m.startsOn) e[`measures.${i}.evaluateOn`] = t('measures.beforeStart');
    });
    return e;
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    if (!form.check(validate())) return;
    setPending(true);
    try {
      await onSave({
        problem: v.problem.trim(),
        measures: v.measures.map((m) => ({
          ...(m.id ? { id: m.id } : {}), description: m.description.trim(), startsOn: m.startsOn, endsOn: m.endsOn || null,
          responsible: m.responsible.trim(), evaluateOn: m.evaluateOn,
        })),
      });
      flushSync(() => setSaved(true));
    } catch (err) {
      form.fromServer(err);
    } finally {
      setPending(false);
    }
  }

  return (
    <form noValidate onSubmit={submit} className="stack" aria-label={t('schoolEnvironment.plan')}>
      <UnsavedGuard dirty={!saved && JSON.stringify(v) !== JSON.stringify(initial)} />
      <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} idFor={idFor} />
      <Textfield id={idFor('problem')} label={t('schoolEnvironment.problem')} multiline rows={3} required value={v.problem} error={form.errors.problem}
        onChange={(e) => setV((x) => ({ ...x, problem: e.target.value }))} />
      {v.measures.map((m, i) => (
        <Fieldset key={m.id ?? `new-${i}`} className="panel stack">
          <Fieldset.Legend>{t('schoolEnvironment.measure', { n: i + 1 })}</Fieldset.Legend>
          <Textfield id={idFor(`measures.${i}.description`)} label={t('schoolEnvironment.description')} multiline rows={2} required value={m.description}
            error={form.errors[`measures.${i}.description`]} onChange={(e) => setMeasure(i, 'description', e.target.value)} />
          <div className="button-row">
            <DateField id={idFor(`measures.${i}.startsOn`)} type="date" label={t('schoolEnvironment.startsOn')} required value={m.startsOn}
              error={form.errors[`measures.${i}.startsOn`]} onChange={(e) => setMeasure(i, 'startsOn', e.target.value)} />
            <DateField id={idFor(`measures.${i}.endsOn`)} type="date" label={t('schoolEnvironment.endsOn')} value={m.endsOn}
              error={form.errors[`measures.${i}.endsOn`]} onChange={(e) => setMeasure(i, 'endsOn', e.target.value)} />
          </div>
          <Textfield id={idFor(`measures.${i}.responsible`)} label={t('schoolEnvironment.responsible')} required value={m.responsible}
            error={form.errors[`measures.${i}.responsible`]} onChange={(e) => setMeasure(i, 'responsible', e.target.value)} />
          <DateField id={idFor(`measures.${i}.evaluateOn`)} type="date" label={t('schoolEnvironment.evaluateOn')} required value={m.evaluateOn}
            error={form.errors[`measures.${i}.evaluateOn`]} onChange={(e) => setMeasure(i, 'evaluateOn', e.target.value)} />
          {v.measures.length > 1 && (
            <div>
              <Button type="button" variant="tertiary" data-size="sm"
                onClick={() => setV((x) => ({ ...x, measures: x.measures.filter((_, j) => j !== i) }))}>
                {t('schoolEnvironment.removeMeasure', { n: i + 1 })}
              </Button>
            </div>
          )}
        </Fieldset>
      ))}
      <div className="button-row">
        <Button type="button" variant="secondary" onClick={() => setV((x) => ({ ...x, measures: [...x.measures, blank()] }))}>{t('schoolEnvironment.addMeasure')}</Button>
      </div>
      <div className="button-row">
        <Button type="submit" loading={pending}>{t('schoolEnvironment.savePlan')}</Button>
        <Button type="button" variant="secondary" onClick={onCancel}>{t('schoolEnvironment.cancel')}</Button>
      </div>
    </form>
  );
}
