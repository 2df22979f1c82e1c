/**
 * The days, slot length, break and place of a slot plan: the fields shared by "publish slots" and
 * "add slots", their checks before the round trip, and the live preview of the slots they make.
 */
import { Button, Fieldset, Heading, Paragraph, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../../core/api/client';
import { isHttpsUrl, type Errors } from '../../core/ui/forms';
import { isDate, MAX_SLOTS, minutesOf, nextSchoolDay, previewPlan, type Preview } from './slotPlan';
import type { SlotPlan } from './api';
import { useWhen } from './when';
import { DateField } from '../../core/ui/DateField';

export interface DayRow {
  /** stable React key: rows can be removed from the middle */
  key: number;
  date: string;
  from: string;
  to: string;
}

export interface PlanValues {
  days: DayRow[];
  lengthMinutes: string;
  breakMinutes: string;
  place: string;
  videoLink: string;
}

let nextKey = 1;
export const newDay = (date = '', from = '14:00', to = '16:00'): DayRow => ({ key: nextKey++, date, from, to });

export const initialPlan = (): PlanValues => ({ days: [newDay()], lengthMinutes: '20', breakMinutes: '5', place: '', videoLink: '' });

/** Field names as the server names them ("days.1.from"), so its 400 lands on the right field. */
export const dayField = (i: number, part: 'date' | 'from' | 'to') => `days.${i}.${part}`;
export const planFieldOrder = (v: PlanValues): string[] => [
  ...v.days.flatMap((_, i) => [dayField(i, 'date'), dayField(i, 'from'), dayField(i, 'to')]),
  'days', 'lengthMinutes', 'breakMinutes', 'place', 'videoLink',
];

const int = (s: string): number | null => (/^\s*\d+\s*$/.test(s) ? Number(s) : null);

export function previewOf(v: PlanValues): Preview {
  return previewPlan({
    days: v.days,
    lengthMinutes: int(v.lengthMinutes) ?? 0,
    breakMinutes: int(v.breakMinutes) ?? 0,
  });
}

export const toSlotPlan = (v: PlanValues): SlotPlan => ({
  days: v.days.map(({ date, from, to }) => ({ date, from, to })),
  lengthMinutes: int(v.lengthMinutes) ?? 0,
  breakMinutes: int(v.breakMinutes) ?? 0,
  ...(v.place.trim() ? { place: v.place.trim() } : {}),
  ...(v.videoLink.trim() ? { videoLink: v.videoLink.trim() } : {}),
});

/** The checks the browser can make; `placeRequired` is false when the round's usual place is reused. */
export function checkPlan(t: TFunction, v: PlanValues, opts: { placeRequired: boolean }): Errors<string> {
  const e: Errors<string> = {};
  v.days.forEach((d, i) => {
    if (!d.date) e[dayField(i, 'date')] = t('booking.form.errors.dateRequired');
    else if (!isDate(d.date)) e[dayField(i, 'date')] = t('booking.form.errors.dateInvalid');
    if (minutesOf(d.from) === null) e[dayField(i, 'from')] = t('booking.form.errors.timeRequired');
    if (minutesOf(d.to) === null) e[dayField(i, 'to')] = t('booking.form.errors.timeRequired');
  });
  const length = int(v.lengthMinutes);
  if (length === null || length < 5 || length > 240) e.lengthMinutes = t('booking.form.errors.lengthRange');
  const pause = int(v.breakMinutes);
  if (pause === null || pause > 240) e.breakMinutes = t('booking.form.errors.breakRange');
  if (!e.lengthMinutes) {
    const preview = previewOf(v);
    for (const [i, p] of preview.problems) {
      e[p === 'toBeforeFrom' || p === 'tooShort' ? dayField(i, 'to') : dayField(i, 'from')] ??= t(`booking.form.errors.${p}`, { count: length });
    }
    if (preview.count > MAX_SLOTS) e.days = t('booking.form.errors.tooMany', { count: preview.count, max: MAX_SLOTS });
  }
  const video = v.videoLink.trim();
  if (video && !isHttpsUrl(video)) e.videoLink = t('booking.form.errors.videoLinkInvalid');
  if (opts.placeRequired && !v.place.trim() && !video) e.place = t('booking.form.errors.placeOrVideo');
  return e;
}

/** The error summary names the day, since every day has a "From" field. */
export function summaryErrors(t: TFunction, errors: Errors<string>): Errors<string> {
  const out: Errors<string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const m = /^days\.(\d+)\.(date|from|to)$/.exec(field);
    out[field] = m ? t('booking.form.dayError', { n: Number(m[1]) + 1, field: t(`booking.form.${m[2] as 'date' | 'from' | 'to'}`), message }) : message;
  }
  return out;
}

/** The server names day fields by their whole path ("days.1.from"); core's fieldErrors keeps only the last part. */
class FullPathError extends ApiError {
  override fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem?.errors ?? []) {
      const key = e.field.replace(/^\//, '').replace(/\//g, '.').replace(/^body\./, '');
      out[key] ??= e.message;
    }
    return out;
  }
}
export const withFullFieldPaths = (err: unknown): unknown =>
  isApiError(err) ? new FullPathError(err.status, err.problem, err.retryAfter) : err;

interface FieldsProps {
  values: PlanValues;
  errors: Errors<string>;
  idFor: (field: string) => string;
  onChange: (next: PlanValues) => void;
  /** the add-slots form may leave the place empty (the round's usual place is used) */
  placeOptional?: boolean;
}

// unsaved-guard: fields of the publish and add-slots forms, guarded there
export function PlanFields({ values, errors, idFor, onChange, placeOptional = false }: FieldsProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<PlanValues>) => onChange({ ...values, ...patch });
  const setDay = (i: number, patch: Partial<DayRow>) =>
    set({ days: values.days.map((d, j) => (j === i ? { ...d, ...patch } : d)) });
  const addDay = () => {
    const last = values.days[values.days.length - 1];
    set({ days: [...values.days, newDay(last ? nextSchoolDay(last.date) : '', last?.from, last?.to)] });
    // the new row's date field, so a keyboard user can type straight on
    const index = values.days.length;
    requestAnimationFrame(() => document.getElementById(idFor(dayField(index, 'date')))?.focus());
  };
  const removeDay = (i: number) => {
    set({ days: values.days.filter((_, j) => j !== i) });
    requestAnimationFrame(() => document.getElementById(idFor(dayField(Math.max(0, i - 1), 'date')))?.focus());
  };

  return (
    <>
      <Fieldset className="booking-days">
        <Fieldset.Legend>{t('booking.form.when')}</Fieldset.Legend>
        <Fieldset.Description>{t('booking.form.whenHelp')}</Fieldset.Description>
        {values.days.map((d, i) => (
          <Fieldset key={d.key} className="booking-day">
            <Fieldset.Legend className="booking-day__legend">{t('booking.form.day', { n: i + 1 })}</Fieldset.Legend>
            <div className="booking-day__fields">
              <DateField
                id={idFor(dayField(i, 'date'))}
                label={t('booking.form.date')}
                type="date"
                value={d.date}
                error={errors[dayField(i, 'date')]}
                onChange={(e) => setDay(i, { date: e.target.value })}
                className="booking-day__date"
              />
              <DateField
                id={idFor(dayField(i, 'from'))}
                label={t('booking.form.from')}
                type="time"
                value={d.from}
                error={errors[dayField(i, 'from')]}
                onChange={(e) => setDay(i, { from: e.target.value })}
              />
              <DateField
                id={idFor(dayField(i, 'to'))}
                label={t('booking.form.to')}
                type="time"
                value={d.to}
                error={errors[dayField(i, 'to')]}
                onChange={(e) => setDay(i, { to: e.target.value })}
              />
              {values.days.length > 1 && (
                <Button variant="tertiary" data-size="sm" className="booking-day__remove" onClick={() => removeDay(i)}>
                  {t('booking.form.removeDay', { n: i + 1 })}
                </Button>
              )}
            </div>
          </Fieldset>
        ))}
        {errors.days && <ValidationMessage>{errors.days}</ValidationMessage>}
        <div>
          <Button variant="secondary" data-size="sm" onClick={addDay}>
            {t('booking.form.addDay')}
          </Button>
        </div>
      </Fieldset>

      <div className="booking-form__pair">
        <Textfield
          id={idFor('lengthMinutes')}
          label={t('booking.form.length')}
          type="number"
          inputMode="numeric"
          min={5}
          max={240}
          suffix={t('booking.form.minutes')}
          value={values.lengthMinutes}
          error={errors.lengthMinutes}
          onChange={(e) => set({ lengthMinutes: e.target.value })}
        />
        <Textfield
          id={idFor('breakMinutes')}
          label={t('booking.form.break')}
          type="number"
          inputMode="numeric"
          min={0}
          max={240}
          suffix={t('booking.form.minutes')}
          value={values.breakMinutes}
          error={errors.breakMinutes}
          onChange={(e) => set({ breakMinutes: e.target.value })}
        />
      </div>

      <Fieldset>
        <Fieldset.Legend>{t('booking.form.where')}</Fieldset.Legend>
        <Fieldset.Description>{placeOptional ? t('booking.form.whereOptional') : t('booking.form.whereHelp')}</Fieldset.Description>
        <Textfield
          id={idFor('place')}
          label={t('booking.form.place')}
          description={t('booking.form.placeHelp')}
          value={values.place}
          maxLength={200}
          error={errors.place}
          onChange={(e) => set({ place: e.target.value })}
          className="booking-form__wide"
        />
        <Textfield
          id={idFor('videoLink')}
          label={t('booking.form.videoLink')}
          description={t('booking.form.videoLinkHelp')}
          type="url"
          inputMode="url"
          autoComplete="off"
          value={values.videoLink}
          error={errors.videoLink}
          onChange={(e) => set({ videoLink: e.target.value })}
          className="booking-form__wide"
        />
      </Fieldset>
    </>
  );
}

/** What the plan will make, as the teacher types: the slots per day, and which days need fixing. */
export function PlanPreview({ values, headingLevel = 2 }: { values: PlanValues; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const when = useWhen();
  const headingId = useId();
  const preview = previewOf(values);
  const length = int(values.lengthMinutes);
  const dayCount = preview.days.filter((d) => !preview.problems.has(d.index) && d.slots.length > 0).length;
  return (
    <section aria-labelledby={headingId} className="booking-preview">
      <Heading level={headingLevel} data-size="xs" id={headingId}>
        {t('booking.preview.title')}
      </Heading>
      <Paragraph data-size="sm" role="status" className="booking-preview__summary">
        {preview.count > 0
          ? t('booking.preview.summary', {
              slots: t('booking.preview.slots', { count: preview.count }),
              days: t('booking.preview.days', { count: dayCount }),
            })
          : t('booking.preview.empty')}
      </Paragraph>
      {preview.days.length > 0 && length !== null && length >= 5 && (
        <ol className="booking-preview__days">
          {preview.days.map((d) => {
            const problem = preview.problems.get(d.index);
            return (
              <li key={d.index}>
                <Heading level={headingLevel + 1 as 3 | 4} data-size="2xs" className="booking-preview__day">
                  {when.day(d.date)}
                </Heading>
                {problem ? (
                  <Paragraph data-size="sm" className="booking-preview__problem">
                    {t(`booking.form.errors.${problem}`, { minutes: length })}
                  </Paragraph>
                ) : (
                  <ul className="booking-preview__slots" aria-label={t('booking.preview.slotsOn', { day: when.day(d.date), count: d.slots.length })}>
                    {d.slots.map((s) => (
                      <li key={s.from}>
                        <Tag data-color="neutral" data-size="sm">
                          {s.from}–{s.to}
                        </Tag>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
