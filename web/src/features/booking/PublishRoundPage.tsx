import { Button, Fieldset, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useNavigate } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../core/auth/session';
import { AppLink } from '../../core/ui/AppLink';
import { PageHeading } from '../../core/ui/PageHeading';
import { FormErrorSummary, useFormErrors, type Errors } from '../../core/ui/forms';
import { usePublishRound, type RoundGroup, type RoundKind } from './api';
import {
  checkPlan, initialPlan, PlanFields, planFieldOrder, PlanPreview, previewOf, summaryErrors, toSlotPlan, withFullFieldPaths, type PlanValues,
} from './PlanFields';
import { UnsavedGuard, changed, leaveAfterSave } from '../../core/ui/UnsavedGuard';

/** What a contact teacher may publish for a class; a teaching group only has subject conversations. */
const basisKinds: readonly RoundKind[] = ['guardian', 'student', 'startOfYear', 'adHoc'];

interface RoundValues extends PlanValues {
  kind: RoundKind;
  title: string;
  /** false until the teacher types a title of their own: until then it follows the kind */
  titleTouched: boolean;
  cutoffHours: string;
}

/** a host publishes a round of slots for their class or teaching group, seeing the slots before they exist. */
export function PublishRoundPage({ group }: { group: RoundGroup }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const base = useId().replace(/:/g, '');
  const publish = usePublishRound(group);
  const groupName =
    group.type === 'basisGroup'
      ? me.basisGroups.find((g) => g.id === group.id)?.name
      : me.teachingGroups.find((g) => g.id === group.id)?.name;
  const kinds = group.type === 'basisGroup' ? basisKinds : (['subject'] as const);
  const firstKind = kinds[0]!;
  const [values, setValues] = useState<RoundValues>(() => ({
    ...initialPlan(),
    kind: firstKind,
    title: t(`booking.form.defaultTitle.${firstKind}`),
    titleTouched: false,
    cutoffHours: '24',
  }));
  const fields = ['title', 'kind', ...planFieldOrder(values), 'cutoffHours'];
  const forms = useFormErrors<string>(fields);
  const idFor = (field: string) => `${base}-${field.replace(/\./g, '-')}`;
  const count = previewOf(values).count;
  const [initial] = useState(values);
  const [published, setPublished] = useState(false);
  const dirty = changed(values, initial) && !published && !publish.isPending;

  function check(v: RoundValues): Errors<string> {
    const e = checkPlan(t, v, { placeRequired: true });
    if (!v.title.trim()) e.title = t('booking.form.errors.titleRequired');
    const cutoff = /^\s*\d+\s*$/.test(v.cutoffHours) ? Number(v.cutoffHours) : null;
    if (cutoff === null || cutoff > 336) e.cutoffHours = t('booking.form.errors.cutoffRange');
    return e;
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!forms.check(check(values))) return;
    publish.mutate(
      { ...toSlotPlan(values), kind: values.kind, title: values.title.trim(), cutoffHours: Number(values.cutoffHours) },
      {
        onSuccess: (round) => leaveAfterSave(() => setPublished(true), () => navigate({ to: '/booking-rounds/$roundId', params: { roundId: round.id }, search: { published: true } })),
        onError: (err) => forms.fromServer(withFullFieldPaths(err)),
      },
    );
  }

  const title = groupName ? t('booking.publish.title', { name: groupName }) : t('booking.publish.titleNoName');
  return (
    <div className="stack">
      <div>
        <PageHeading title={title} />
        <Paragraph className="muted">{t('booking.publish.intro')}</Paragraph>
      </div>
      <div className="booking-publish">
        <form noValidate onSubmit={submit} className="stack booking-form">
          <UnsavedGuard dirty={dirty} />
          <FormErrorSummary
            errors={summaryErrors(t, forms.errors)}
            formErrors={forms.formErrors}
            attempt={forms.attempt}
            order={fields}
            idFor={idFor}
          />
          <Textfield
            id={idFor('title')}
            label={t('booking.form.title')}
            description={t('booking.form.titleHelp')}
            value={values.title}
            maxLength={200}
            error={forms.errors.title}
            onChange={(e) => setValues({ ...values, title: e.target.value, titleTouched: true })}
            className="booking-form__wide"
          />
          {kinds.length > 1 ? (
            <Fieldset>
              <Fieldset.Legend>{t('booking.form.kind')}</Fieldset.Legend>
              {kinds.map((k, i) => (
                <Radio
                  key={k}
                  id={i === 0 ? idFor('kind') : undefined}
                  name={`${base}-kind`}
                  value={k}
                  label={t(`conversations.kinds.${k}`)}
                  description={t(`booking.form.kindHelp.${k}`)}
                  checked={values.kind === k}
                  onChange={() =>
                    setValues({ ...values, kind: k, title: values.titleTouched ? values.title : t(`booking.form.defaultTitle.${k}`) })
                  }
                />
              ))}
            </Fieldset>
          ) : (
            <Paragraph id={idFor('kind')} tabIndex={-1}>
              <strong>{t('booking.form.kind')}:</strong> {t('conversations.kinds.subject')}. {t('booking.form.kindHelp.subject')}
            </Paragraph>
          )}
          <PlanFields values={values} errors={forms.errors} idFor={idFor} onChange={(v) => setValues({ ...values, ...v })} />
          <Textfield
            id={idFor('cutoffHours')}
            label={t('booking.form.cutoff')}
            description={t('booking.form.cutoffHelp')}
            type="number"
            inputMode="numeric"
            min={0}
            max={336}
            suffix={t('booking.form.hours')}
            value={values.cutoffHours}
            error={forms.errors.cutoffHours}
            onChange={(e) => setValues({ ...values, cutoffHours: e.target.value })}
            className="booking-form__narrow"
          />
          {/* on a phone the preview comes right before the button; on a wide screen it stays beside the form */}
          <div className="booking-publish__inline-preview panel">
            <PlanPreview values={values} />
          </div>
          <div className="button-row">
            <Button type="submit" loading={publish.isPending} disabled={publish.isPending}>
              {count > 0 ? t('booking.publish.submit', { count }) : t('booking.publish.submitNone')}
            </Button>
            <AppLink to="/me/booking-rounds">{t('common.cancel')}</AppLink>
          </div>
        </form>
        <div className="booking-publish__preview panel">
          <PlanPreview values={values} />
        </div>
      </div>
    </div>
  );
}
