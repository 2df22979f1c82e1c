import { Button, Details, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../core/format';
import { AppLink } from '../../../core/ui/AppLink';
import { Fact, Facts } from '../../../core/ui/Facts';
import type { ConversationDetail, PatchConversation } from '../types';
import { usePatchConversation } from './api';
import { FormErrorSummary, fromInstant, toInstant, useFormErrors } from '../../../core/ui/forms';
import { conversationLabel, statusColor, statusLabel } from './labels';
import { UnsavedGuard } from '../../../core/ui/UnsavedGuard';
import { checkPlanning, planningAlias, PlanningFields, planningFields, type PlanningField, type PlanningValues } from './PlanningFields';

/** The head of the meeting view: who, what, when, where, who holds it and where it stands. */
export function MeetingFacts({ detail, onStatus, linkStudent }: { detail: ConversationDetail; onStatus: (m: string) => void; linkStudent: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const { conversation: c, student } = detail;
  const canPlan = detail.permissions.hold && c.status === 'planned';

  return (
    <section aria-labelledby={headingId} className="panel stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('conversations.meeting.facts')}
      </Heading>
      <Facts>
        <Fact label={t('conversations.meeting.student')}>
          {/* Staff go on to the student's page from here; the family is on it already. */}
          {linkStudent ? (
            <AppLink to="/students/$studentId" params={{ studentId: student.id }}>
              {student.name}
            </AppLink>
          ) : (
            student.name
          )}
          {student.basisGroup && <>, {student.basisGroup}</>}
          {student.age !== null && <>, {t('common.years', { count: student.age })}</>}
          {student.level && <> ({format.level(student.level)})</>}
        </Fact>
        <Fact label={t('conversations.meeting.colKind')}>{conversationLabel(t, c)}</Fact>
        <Fact label={t('conversations.meeting.plannedAt')}>
          {c.plannedAt ? format.dateTime(c.plannedAt) : <span className="muted">{t('conversations.meeting.notPlanned')}</span>}
        </Fact>
        <Fact label={t('conversations.meeting.place')}>
          {c.place ? c.place : <span className="muted">{t('conversations.meeting.noPlace')}</span>}
        </Fact>
        {c.videoLink && (
          <Fact label={t('conversations.meeting.video')}>
            <Link href={c.videoLink} rel="noopener noreferrer">
              {t('conversations.meeting.joinVideo')}
            </Link>
          </Fact>
        )}
        <Fact label={t('conversations.meeting.holder')}>
          {c.holder.name}
          {c.delegated && <> – {t('conversations.meeting.delegated')}</>}
        </Fact>
        <Fact label={t('conversations.meeting.status')}>
          <span className="meeting-status">
            <Tag data-size="sm" data-color={statusColor(c.status)}>
              {statusLabel(t, c.status)}
            </Tag>
            {c.status === 'held' && c.heldAt && <span>{t('conversations.meeting.heldOn', { date: format.date(c.heldAt) })}</span>}
          </span>
          {c.newImportantInformation && <Paragraph data-size="sm">{t('conversations.meeting.newInfoFlag')}</Paragraph>}
        </Fact>
        {c.kind === 'guardian' && !c.studentTakesPart && (
          <Fact label={t('conversations.meeting.participation')}>
            {t('conversations.meeting.studentAbsent', { reason: c.studentAbsentReason ?? '' })}
          </Fact>
        )}
      </Facts>
      {canPlan && <PlanningForm detail={detail} onStatus={onStatus} />}
    </section>
  );
}

/** The holder sets or changes time, place and the Teams link (PATCH), folded away until needed. */
function PlanningForm({ detail, onStatus }: { detail: ConversationDetail; onStatus: (m: string) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const ids = Object.fromEntries(planningFields.map((f) => [f, `${uid}-${f}`])) as Record<PlanningField, string>;
  const { conversation: c } = detail;
  const patch = usePatchConversation(c.id, detail.student.id);
  const initial = (): PlanningValues => ({ ...fromInstant(c.plannedAt), place: c.place ?? '', videoLink: c.videoLink ?? '' });
  const [values, setValues] = useState<PlanningValues>(initial);
  // Opened by hand, or because nothing is agreed yet: then it is the first thing to do.
  const [open, setOpen] = useState(!c.plannedAt && !c.place);
  const form = useFormErrors(planningFields);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.check(checkPlanning(t, values))) return;
    const body: PatchConversation = {
      plannedAt: toInstant(values.date, values.time),
      place: values.place.trim() || null,
      videoLink: values.videoLink.trim() || null,
    };
    try {
      await patch.mutateAsync(body);
      form.clear();
      onStatus(t('conversations.meeting.planningSaved'));
    } catch (err) {
      form.fromServer(err, planningAlias);
    }
  }

  return (
    <Details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <Details.Summary>{t('conversations.meeting.editPlanning')}</Details.Summary>
      <Details.Content>
        <form noValidate onSubmit={submit} className="stack meeting-form" aria-label={t('conversations.meeting.planning')}>
          <UnsavedGuard dirty={planningChanged(values, initial())} />
          <FormErrorSummary {...form} order={planningFields} idFor={(f) => ids[f]} />
          <PlanningFields ids={ids} values={values} errors={form.errors} onChange={(f, v) => setValues((old) => ({ ...old, [f]: v }))} />
          <div className="button-row">
            <Button type="submit" loading={patch.isPending}>
              {t('conversations.meeting.save')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}

/** Spaces around the place or link are not a change: they are trimmed away on saving. */
const planningChanged = (now: PlanningValues, stored: PlanningValues) =>
  now.date !== stored.date || now.time !== stored.time || now.place.trim() !== stored.place || now.videoLink.trim() !== stored.videoLink;
