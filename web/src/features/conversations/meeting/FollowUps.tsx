import { Button, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Radio, Select, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../core/format';
import { ErrorAlert } from '../../../core/ui/ErrorAlert';
import type { ConversationDetail, FollowUp, FollowUpBody, Responsible } from '../types';
import { useAddFollowUp, useSetFollowUpDone } from './api';
import { FormErrorSummary, useFormErrors } from '../../../core/ui/forms';
import { responsibleLabel, responsibles } from './labels';
import { UnsavedGuard } from '../../../core/ui/UnsavedGuard';
import { DateField } from '../../../core/ui/DateField';

/** "Skolen (Kari Lærer)": who is responsible for a follow-up item. */
export function responsibleText(t: TFunction, f: FollowUp): string {
  const who = responsibleLabel(t, f.responsible);
  return f.responsiblePerson ? `${who} (${f.responsiblePerson.name})` : who;
}

// unsaved-guard: its tick is saved the moment it is made; the new follow-up form is guarded in FollowUps
/** One follow-up item; `onDone` given when the caller may tick it off. */
export function FollowUpItem({ followUp: f, onDone, pending, showShared }: { followUp: FollowUp; onDone?: (done: boolean) => void; pending?: boolean; showShared: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li className="meeting-followup" data-done={f.doneAt ? 'true' : 'false'}>
      <Paragraph className="meeting-followup__what meeting-text">{f.description}</Paragraph>
      <div className="meeting-followup__meta">
        <span>{t('conversations.meeting.fuResponsibleLine', { who: responsibleText(t, f) })}</span>
        {f.dueOn && <span>{t('conversations.meeting.fuDueOn', { date: format.date(f.dueOn) })}</span>}
        {f.doneAt && (
          <Tag data-size="sm" data-color="success">
            {t('conversations.meeting.fuDoneAt', { date: format.date(f.doneAt) })}
          </Tag>
        )}
        {showShared && !f.sharedWithFamily && (
          <Tag data-size="sm" data-color="neutral" variant="outline">
            {t('conversations.meeting.fuNotShared')}
          </Tag>
        )}
      </div>
      {onDone && (
        <Checkbox
          label={
            <>
              {t('conversations.meeting.fuDone')}
              <span className="ds-sr-only">: {f.description}</span>
            </>
          }
          checked={f.doneAt !== null}
          disabled={pending}
          onChange={(e) => onDone(e.target.checked)}
        />
      )}
    </li>
  );
}

/** What the conversation agreed: the list, ticking items off, and adding new ones (holder). */
export function FollowUps({ detail, family }: { detail: ConversationDetail; family: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const canWrite = detail.permissions.hold && detail.conversation.status !== 'cancelled';
  const setDone = useSetFollowUpDone(detail.conversation.id, detail.student.id);
  const [status, setStatus] = useState('');
  if (!canWrite && detail.followUps.length === 0 && family) return null;

  return (
    <section aria-labelledby={headingId} className="panel stack meeting-followups">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('conversations.meeting.followUps')}
      </Heading>
      {canWrite && <Paragraph data-size="sm" className="muted">{t('conversations.meeting.followUpsIntro')}</Paragraph>}
      <div role="status" className="status-message">
        {status}
      </div>
      {setDone.isError && <ErrorAlert error={setDone.error} />}
      {detail.followUps.length === 0 ? (
        <Paragraph>{t('conversations.meeting.followUpsEmpty')}</Paragraph>
      ) : (
        <ul className="meeting-followups__list" aria-label={t('conversations.meeting.followUpList')}>
          {detail.followUps.map((f) => (
            <FollowUpItem
              key={f.id}
              followUp={f}
              showShared={!family}
              pending={setDone.isPending && setDone.variables?.followUpId === f.id}
              onDone={canWrite ? (done) => setDone.mutate({ followUpId: f.id, done }) : undefined}
            />
          ))}
        </ul>
      )}
      {canWrite && <AddFollowUp detail={detail} onAdded={() => setStatus(t('conversations.meeting.fuAdded'))} />}
    </section>
  );
}

type FuField = 'description' | 'responsible' | 'responsiblePersonId' | 'dueOn' | 'sharedWithFamily';
const fuFields: readonly FuField[] = ['description', 'responsible', 'responsiblePersonId', 'dueOn', 'sharedWithFamily'];

function AddFollowUp({ detail, onAdded }: { detail: ConversationDetail; onAdded: () => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const ids = Object.fromEntries(fuFields.map((f) => [f, `${uid}-${f}`])) as Record<FuField, string>;
  const focusId = (f: FuField) => (f === 'responsible' ? `${ids.responsible}-${responsibles[0]}` : ids[f]);
  const add = useAddFollowUp(detail.conversation.id, detail.student.id);
  const form = useFormErrors(fuFields);
  const description = useRef<HTMLTextAreaElement>(null);
  const empty = { description: '', responsible: 'student' as Responsible, responsiblePersonId: '', dueOn: '', sharedWithFamily: true };
  const [values, setValues] = useState(empty);
  const set = <K extends keyof typeof empty>(k: K, v: (typeof empty)[K]) => setValues((old) => ({ ...old, [k]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.check(values.description.trim() ? {} : { description: t('conversations.meeting.fuDescriptionRequired') })) return;
    const body: FollowUpBody = {
      description: values.description.trim(),
      responsible: values.responsible,
      sharedWithFamily: values.sharedWithFamily,
      ...(values.responsible === 'school' && values.responsiblePersonId ? { responsiblePersonId: values.responsiblePersonId } : {}),
      ...(values.dueOn ? { dueOn: values.dueOn } : {}),
    };
    try {
      await add.mutateAsync(body);
      form.clear();
      setValues(empty);
      onAdded();
      description.current?.focus();
    } catch (err) {
      form.fromServer(err);
    }
  }

  return (
    <form noValidate onSubmit={submit} className="stack meeting-form meeting-followup-form" aria-labelledby={`${uid}-heading`}>
      <Heading level={3} data-size="xs" id={`${uid}-heading`}>
        {t('conversations.meeting.addFollowUp')}
      </Heading>
      <UnsavedGuard dirty={JSON.stringify(values) !== JSON.stringify(empty)} />
      <FormErrorSummary {...form} order={fuFields} idFor={focusId} />
      <Textfield
        ref={description}
        id={ids.description}
        label={t('conversations.meeting.fuDescription')}
        multiline
        rows={2}
        required
        maxLength={1000}
        value={values.description}
        error={form.errors.description}
        onChange={(e) => set('description', e.target.value)}
      />
      <Fieldset>
        <Fieldset.Legend>{t('conversations.meeting.fuResponsible')}</Fieldset.Legend>
        <div className="meeting-radios">
          {responsibles.map((r) => (
            <Radio
              key={r}
              id={`${ids.responsible}-${r}`}
              name={ids.responsible}
              value={r}
              label={responsibleLabel(t, r)}
              checked={values.responsible === r}
              onChange={() => set('responsible', r)}
            />
          ))}
        </div>
        {form.errors.responsible && <ValidationMessage>{form.errors.responsible}</ValidationMessage>}
      </Fieldset>
      {values.responsible === 'school' && detail.staffChoices.length > 0 && (
        <Field>
          <Label htmlFor={ids.responsiblePersonId}>{t('conversations.meeting.fuPerson')}</Label>
          <Select
            id={ids.responsiblePersonId}
            width="auto"
            value={values.responsiblePersonId}
            aria-invalid={form.errors.responsiblePersonId ? true : undefined}
            onChange={(e) => set('responsiblePersonId', e.target.value)}
          >
            <Select.Option value="">{t('conversations.meeting.fuPersonNone')}</Select.Option>
            {detail.staffChoices.map((p) => (
              <Select.Option key={p.personId} value={p.personId}>
                {p.name}
              </Select.Option>
            ))}
          </Select>
          {form.errors.responsiblePersonId && <ValidationMessage>{form.errors.responsiblePersonId}</ValidationMessage>}
        </Field>
      )}
      <DateField
        id={ids.dueOn}
        label={t('conversations.meeting.fuDue')}
        type="date"
        value={values.dueOn}
        error={form.errors.dueOn}
        onChange={(e) => set('dueOn', e.target.value)}
        className="meeting-date"
      />
      <Checkbox
        id={ids.sharedWithFamily}
        label={t('conversations.meeting.fuShared')}
        description={t('conversations.meeting.fuSharedHelp')}
        checked={values.sharedWithFamily}
        error={form.errors.sharedWithFamily}
        onChange={(e) => set('sharedWithFamily', e.target.checked)}
      />
      <div className="button-row">
        <Button type="submit" loading={add.isPending}>
          {t('conversations.meeting.addFollowUp')}
        </Button>
      </div>
    </form>
  );
}
