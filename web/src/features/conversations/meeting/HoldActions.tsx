import { Alert, Button, Checkbox, Field, Heading, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../core/format';
import { ErrorAlert } from '../../../core/ui/ErrorAlert';
import { InlineConfirm } from '../../../core/ui/InlineConfirm';
import type { ConversationDetail } from '../types';
import { useCancelConversation, useDelegate, useMarkHeld, usePatchConversation } from './api';
import { FormErrorSummary, useFormErrors } from '../../../core/ui/forms';
import { useSaveAllNotes } from './Sections';
import { UnsavedGuard, useDirty } from '../../../core/ui/UnsavedGuard';

type Status = (message: string) => void;

/** in upper secondary the student takes part in the guardian conference unless a reason is written down. */
export function Participation({ detail, onStatus }: { detail: ConversationDetail; onStatus: Status }) {
  const { t } = useTranslation();
  const uid = useId();
  const headingId = useId();
  const { conversation: c } = detail;
  const patch = usePatchConversation(c.id, detail.student.id);
  const [takesPart, setTakesPart] = useState(c.studentTakesPart);
  const [reason, setReason] = useState(c.studentAbsentReason ?? '');
  const fields = ['studentTakesPart', 'studentAbsentReason'] as const;
  const ids = { studentTakesPart: `${uid}-takes-part`, studentAbsentReason: `${uid}-reason` };
  const form = useFormErrors(fields);
  const changed = takesPart !== c.studentTakesPart || (!takesPart && reason.trim() !== (c.studentAbsentReason ?? ''));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.check(!takesPart && !reason.trim() ? { studentAbsentReason: t('conversations.meeting.absentReasonRequired') } : {})) return;
    try {
      await patch.mutateAsync({ studentTakesPart: takesPart, studentAbsentReason: takesPart ? null : reason.trim() });
      form.clear();
      onStatus(t('conversations.meeting.participationSaved'));
    } catch (err) {
      form.fromServer(err);
    }
  }

  return (
    <section aria-labelledby={headingId} className="panel stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('conversations.meeting.participation')}
      </Heading>
      <form noValidate onSubmit={submit} className="stack meeting-form" aria-labelledby={headingId}>
        <UnsavedGuard dirty={changed && !patch.isPending} />
        <FormErrorSummary {...form} order={fields} idFor={(f) => ids[f]} />
        <Checkbox
          id={ids.studentTakesPart}
          label={t('conversations.meeting.takesPart')}
          description={t('conversations.meeting.takesPartHelp')}
          checked={takesPart}
          error={form.errors.studentTakesPart}
          onChange={(e) => setTakesPart(e.target.checked)}
        />
        {!takesPart && (
          <Textfield
            id={ids.studentAbsentReason}
            label={t('conversations.meeting.absentReason')}
            multiline
            rows={2}
            required
            maxLength={500}
            value={reason}
            error={form.errors.studentAbsentReason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
        <div className="button-row">
          <Button type="submit" variant="secondary" loading={patch.isPending} disabled={!changed && !patch.isPending}>
            {t('conversations.meeting.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/**
 * Check-off, delegation and cancelling, for the holder of a planned conversation;
 * once held, what happened and that notes and follow-ups stay open.
 */
export function HoldActions({ detail, onStatus }: { detail: ConversationDetail; onStatus: Status }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const { conversation: c } = detail;
  // The check-off form goes away when it has done its work: its heading takes the focus instead of the page's top.
  const [justHeld, setJustHeld] = useState(false);
  const heldHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (justHeld && c.status === 'held') heldHeading.current?.focus();
  }, [justHeld, c.status]);

  if (c.status === 'held') {
    return (
      <section aria-labelledby={headingId} className="panel stack">
        <Heading level={2} data-size="sm" id={headingId} ref={heldHeading} tabIndex={-1}>
          {t('conversations.meeting.actions')}
        </Heading>
        <Paragraph>{t('conversations.meeting.heldText', { date: format.date(c.heldAt) })}</Paragraph>
        {c.newImportantInformation && <Paragraph>{t('conversations.meeting.newInfoFlag')}</Paragraph>}
        <Paragraph>{t('conversations.meeting.heldEditable')}</Paragraph>
      </section>
    );
  }
  if (c.status === 'cancelled') return null;

  return (
    <section aria-labelledby={headingId} className="panel stack meeting-actions">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('conversations.meeting.actions')}
      </Heading>
      <MarkHeld detail={detail} onStatus={onStatus} onHeld={() => setJustHeld(true)} />
      {detail.permissions.delegate && detail.delegateChoices.length > 0 && <Delegate detail={detail} onStatus={onStatus} />}
      <Cancel detail={detail} onStatus={onStatus} />
    </section>
  );
}

function MarkHeld({ detail, onStatus, onHeld }: { detail: ConversationDetail; onStatus: Status; onHeld: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const held = useMarkHeld(detail.conversation.id, detail.student.id);
  const [newInfo, setNewInfo] = useState(false);
  const saveAllNotes = useSaveAllNotes();
  const [notesFailed, setNotesFailed] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    // The notes typed in the meeting are saved first; one that cannot be (its form says why) stops the check-off.
    const notesSaved = await saveAllNotes();
    setNotesFailed(!notesSaved);
    if (!notesSaved) return;
    try {
      await held.mutateAsync(newInfo);
      onHeld();
      onStatus(t('conversations.meeting.markedHeld'));
    } catch {
      // shown below; nothing typed is lost (the notes have their own forms)
    }
  }

  return (
    <form noValidate onSubmit={submit} className="stack meeting-subsection" aria-labelledby={headingId}>
      <UnsavedGuard dirty={newInfo && !held.isPending && !held.isSuccess} />
      <Heading level={3} data-size="xs" id={headingId}>
        {t('conversations.meeting.markHeldTitle')}
      </Heading>
      {held.isError && <ErrorAlert error={held.error} />}
      {notesFailed && (
        <Alert data-color="danger">
          <Paragraph>{t('conversations.meeting.notesNotSaved')}</Paragraph>
        </Alert>
      )}
      <Checkbox
        label={t('conversations.meeting.newInfo')}
        description={t('conversations.meeting.newInfoHelp')}
        checked={newInfo}
        onChange={(e) => setNewInfo(e.target.checked)}
      />
      <div className="button-row">
        <Button type="submit" loading={held.isPending}>
          {t('conversations.meeting.markHeld')}
        </Button>
      </div>
    </form>
  );
}

function Delegate({ detail, onStatus }: { detail: ConversationDetail; onStatus: Status }) {
  const { t } = useTranslation();
  const uid = useId();
  const headingId = useId();
  const delegate = useDelegate(detail.conversation.id, detail.student.id);
  const [personId, setPersonId] = useState('');
  const fields = ['subjectTeacherPersonId'] as const;
  const form = useFormErrors(fields);
  const selectId = `${uid}-teacher`;
  const { dirty, markSaved } = useDirty(personId);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.check(personId ? {} : { subjectTeacherPersonId: t('conversations.meeting.delegateRequired') })) return;
    try {
      await delegate.mutateAsync(personId);
      markSaved();
      form.clear();
      const name = detail.delegateChoices.find((p) => p.personId === personId)?.name ?? '';
      onStatus(t('conversations.meeting.delegatedTo', { name }));
    } catch (err) {
      form.fromServer(err);
    }
  }

  return (
    <form noValidate onSubmit={submit} className="stack meeting-subsection" aria-labelledby={headingId}>
      <UnsavedGuard dirty={dirty && !delegate.isPending} />
      <Heading level={3} data-size="xs" id={headingId}>
        {t('conversations.meeting.delegateTitle')}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {t('conversations.meeting.delegateIntro')}
      </Paragraph>
      <FormErrorSummary {...form} order={fields} idFor={() => selectId} />
      <Field>
        <Label htmlFor={selectId}>{t('conversations.meeting.delegateTo')}</Label>
        <Select
          id={selectId}
          width="auto"
          value={personId}
          aria-invalid={form.errors.subjectTeacherPersonId ? true : undefined}
          onChange={(e) => setPersonId(e.target.value)}
        >
          <Select.Option value="" disabled>
            {t('conversations.meeting.chooseTeacher')}
          </Select.Option>
          {detail.delegateChoices.map((p) => (
            <Select.Option key={p.personId} value={p.personId}>
              {t('conversations.meeting.teacherOption', { name: p.name, subject: p.subjectCode })}
            </Select.Option>
          ))}
        </Select>
        {form.errors.subjectTeacherPersonId && <ValidationMessage>{form.errors.subjectTeacherPersonId}</ValidationMessage>}
      </Field>
      <div className="button-row">
        <Button type="submit" variant="secondary" loading={delegate.isPending}>
          {t('conversations.meeting.delegate')}
        </Button>
      </div>
    </form>
  );
}

function Cancel({ detail, onStatus }: { detail: ConversationDetail; onStatus: Status }) {
  const { t } = useTranslation();
  const headingId = useId();
  const cancel = useCancelConversation(detail.conversation.id, detail.student.id);

  return (
    <div className="stack meeting-subsection" role="group" aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        {t('conversations.meeting.cancelTitle')}
      </Heading>
      {cancel.isError && <ErrorAlert error={cancel.error} />}
      <InlineConfirm
        ask={t('conversations.meeting.cancel')}
        question={t('conversations.meeting.cancelConfirm')}
        yes={t('conversations.meeting.cancelYes')}
        no={t('conversations.meeting.cancelNo')}
        danger
        pending={cancel.isPending}
        onYes={async () => {
          try {
            await cancel.mutateAsync();
            onStatus(t('conversations.meeting.cancelledText'));
          } catch {
            // shown above
          }
        }}
      />
    </div>
  );
}
