import { Textfield } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isHttpsUrl, type Errors } from '../../../core/ui/forms';
import { DateField } from '../../../core/ui/DateField';

export type PlanningField = 'date' | 'time' | 'place' | 'videoLink';
export const planningFields: readonly PlanningField[] = ['date', 'time', 'place', 'videoLink'];
export interface PlanningValues {
  date: string;
  time: string;
  place: string;
  videoLink: string;
}

// unsaved-guard: fields of the planning forms that render them (MeetingFacts, PlanConversationForm), guarded there
/** Date, time, place and video link: when planning a conversation and when changing it. */
export function PlanningFields({
  ids,
  values,
  errors,
  onChange,
}: {
  ids: Record<PlanningField, string>;
  values: PlanningValues;
  errors: Errors<PlanningField>;
  onChange: (field: PlanningField, value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="meeting-when">
        <DateField
          id={ids.date}
          label={t('conversations.meeting.date')}
          type="date"
          value={values.date}
          error={errors.date}
          onChange={(e) => onChange('date', e.target.value)}
        />
        <DateField
          id={ids.time}
          label={t('conversations.meeting.time')}
          type="time"
          value={values.time}
          error={errors.time}
          onChange={(e) => onChange('time', e.target.value)}
        />
      </div>
      <Textfield
        id={ids.place}
        label={t('conversations.meeting.place')}
        description={t('conversations.meeting.placeHelp')}
        value={values.place}
        maxLength={200}
        error={errors.place}
        onChange={(e) => onChange('place', e.target.value)}
        className="meeting-field"
      />
      <Textfield
        id={ids.videoLink}
        label={t('conversations.meeting.videoLink')}
        description={t('conversations.meeting.videoLinkHelp')}
        type="url"
        inputMode="url"
        autoComplete="off"
        value={values.videoLink}
        error={errors.videoLink}
        onChange={(e) => onChange('videoLink', e.target.value)}
        className="meeting-field"
      />
    </>
  );
}

/** The checks before the round trip; the server checks again. */
export function checkPlanning(t: TFunction, v: PlanningValues): Errors<PlanningField> {
  const errors: Errors<PlanningField> = {};
  if (v.time && !v.date) errors.date = t('conversations.meeting.timeWithoutDate');
  // A date without a time would be stored as midnight: nobody means that.
  if (v.date && !v.time) errors.time = t('conversations.meeting.dateWithoutTime');
  if (v.videoLink.trim() && !isHttpsUrl(v.videoLink.trim())) errors.videoLink = t('conversations.meeting.videoLinkInvalid');
  return errors;
}

/** The server's field names → the form's. */
export const planningAlias: Partial<Record<string, PlanningField>> = { plannedAt: 'date' };
