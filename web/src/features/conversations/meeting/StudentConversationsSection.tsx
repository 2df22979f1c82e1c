import { Button, Field, Heading, Label, Paragraph, Select, Table, Tag, ValidationMessage } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../core/api/client';
import { useFormat } from '../../../core/format';
import { AppLink } from '../../../core/ui/AppLink';
import { ErrorAlert } from '../../../core/ui/ErrorAlert';
import { Loading } from '../../../core/ui/Loading';
import type { ConversationKind, CreateConversation, StudentConversations } from '../types';
import { studentConversationsQuery, useCreateConversation } from './api';
import { FormErrorSummary, toInstant, useFormErrors } from '../../../core/ui/forms';
import { byUpcoming, conversationLabel, kindLabel, statusColor, statusLabel } from './labels';
import { checkPlanning, planningAlias, PlanningFields, planningFields, type PlanningField, type PlanningValues } from './PlanningFields';
import { UnsavedGuard, leaveAfterSave, useDirty } from '../../../core/ui/UnsavedGuard';

/** R-11 on the student page: the student's conversations, and planning a new one. */
export function StudentConversationsSection({ studentId, studentName }: { studentId: string; studentName: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const formId = useId();
  const list = useQuery(studentConversationsQuery(studentId));
  const [planning, setPlanning] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);

  return (
    <section aria-labelledby={headingId} className="panel stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('conversations.title')}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {t('conversations.meeting.sectionIntro')}
      </Paragraph>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        isApiError(list.error) && [403, 404].includes(list.error.status) ? (
          <Paragraph>{t('conversations.meeting.noAccess')}</Paragraph>
        ) : (
          <ErrorAlert error={list.error} />
        )
      ) : (
        <>
          {list.data.canPlan.length > 0 && (
            <div className="stack">
              <Button
                ref={toggle}
                variant={planning ? 'secondary' : 'primary'}
                aria-expanded={planning}
                aria-controls={formId}
                onClick={() => setPlanning((p) => !p)}
                className="meeting-toggle"
              >
                {t('conversations.meeting.planTitle')}
              </Button>
              <div id={formId} hidden={!planning}>
                {planning && (
                  <PlanConversationForm
                    studentId={studentId}
                    canPlan={list.data.canPlan}
                    onCancel={() => {
                      setPlanning(false);
                      toggle.current?.focus();
                    }}
                  />
                )}
              </div>
            </div>
          )}
          <ConversationTable data={list.data} studentName={studentName} />
        </>
      )}
    </section>
  );
}

function ConversationTable({ data, studentName }: { data: StudentConversations; studentName: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = useMemo(() => [...data.conversations].sort(byUpcoming), [data.conversations]);
  if (rows.length === 0) return <Paragraph>{t('conversations.meeting.sectionEmpty')}</Paragraph>;
  const cols = {
    kind: t('conversations.meeting.colKind'),
    when: t('conversations.meeting.colWhen'),
    status: t('conversations.meeting.colStatus'),
    holder: t('conversations.meeting.colHolder'),
  };
  return (
    <div className="table-scroll">
      <Table className="stack-on-phone meeting-table">
        <caption className="ds-sr-only">{t('conversations.meeting.sectionCaption', { name: studentName })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{cols.kind}</Table.HeaderCell>
            <Table.HeaderCell>{cols.when}</Table.HeaderCell>
            <Table.HeaderCell>{cols.status}</Table.HeaderCell>
            <Table.HeaderCell>{cols.holder}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((c) => {
            const when = c.status === 'held' ? c.heldAt : c.plannedAt;
            return (
              <Table.Row key={c.id}>
                <Table.Cell data-label={cols.kind}>
                  <AppLink to="/conversations/$conversationId" params={{ conversationId: c.id }}>
                    {conversationLabel(t, c)}
                  </AppLink>
                </Table.Cell>
                <Table.Cell data-label={cols.when}>
                  {when ? format.dateTime(when) : <span className="muted">{t('conversations.meeting.notPlanned')}</span>}
                </Table.Cell>
                <Table.Cell data-label={cols.status}>
                  <Tag data-size="sm" data-color={statusColor(c.status)}>
                    {statusLabel(t, c.status)}
                  </Tag>
                </Table.Cell>
                <Table.Cell data-label={cols.holder}>
                  {c.holder.name}
                  {c.delegated && <span className="muted"> – {t('conversations.meeting.delegated')}</span>}
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </div>
  );
}

type PlanField = 'kind' | 'teachingGroupId' | PlanningField;
const planChoices: readonly PlanField[] = ['kind', 'teachingGroupId'];
// concat, not a spread: the bundler cannot tell that a spread has no side effects, and would then put this
// module (which other features reach through conversations/index.ts) into the bundle every page loads.
const planFields: readonly PlanField[] = planChoices.concat(planningFields);

function PlanConversationForm({ studentId, canPlan, onCancel }: { studentId: string; canPlan: StudentConversations['canPlan']; onCancel: () => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const ids = Object.fromEntries(planFields.map((f) => [f, `${uid}-${f}`])) as Record<PlanField, string>;
  const navigate = useNavigate();
  const create = useCreateConversation(studentId);
  const form = useFormErrors(planFields);
  const [kind, setKind] = useState<ConversationKind | ''>(canPlan.length === 1 ? (canPlan[0]?.kind ?? '') : '');
  const groups = canPlan.find((p) => p.kind === kind)?.teachingGroups ?? [];
  const [groupId, setGroupId] = useState('');
  const [planningValues, setPlanningValues] = useState<PlanningValues>({ date: '', time: '', place: '', videoLink: '' });
  // One group to choose from is chosen already.
  const teachingGroupId = groups.length === 1 ? (groups[0]?.id ?? '') : groupId;
  const [created, setCreated] = useState(false);
  const { dirty } = useDirty({ kind, groupId, planningValues });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Partial<Record<PlanField, string>> = checkPlanning(t, planningValues);
    if (!kind) found.kind = t('conversations.meeting.kindRequired');
    if (kind === 'subject' && !teachingGroupId) found.teachingGroupId = t('conversations.meeting.groupRequired');
    if (!form.check(found) || !kind) return;
    const plannedAt = toInstant(planningValues.date, planningValues.time);
    const body: CreateConversation = {
      kind,
      ...(kind === 'subject' ? { teachingGroupId } : {}),
      ...(plannedAt ? { plannedAt } : {}),
      ...(planningValues.place.trim() ? { place: planningValues.place.trim() } : {}),
      ...(planningValues.videoLink.trim() ? { videoLink: planningValues.videoLink.trim() } : {}),
    };
    try {
      const { id } = await create.mutateAsync(body);
      leaveAfterSave(() => setCreated(true), () => navigate({ to: '/conversations/$conversationId', params: { conversationId: id } }));
    } catch (err) {
      form.fromServer(err, planningAlias);
    }
  }

  return (
    <form noValidate onSubmit={submit} className="stack meeting-form" aria-label={t('conversations.meeting.planTitle')}>
      <UnsavedGuard dirty={dirty && !created && !create.isPending} />
      <FormErrorSummary {...form} order={planFields} idFor={(f) => ids[f]} />
      <Field>
        <Label htmlFor={ids.kind}>{t('conversations.meeting.planKind')}</Label>
        <Select
          id={ids.kind}
          width="auto"
          required
          value={kind}
          aria-invalid={form.errors.kind ? true : undefined}
          onChange={(e) => setKind(e.target.value as ConversationKind)}
        >
          <Select.Option value="" disabled>
            {t('conversations.meeting.chooseKind')}
          </Select.Option>
          {canPlan.map((p) => (
            <Select.Option key={p.kind} value={p.kind}>
              {kindLabel(t, p.kind)}
            </Select.Option>
          ))}
        </Select>
        {form.errors.kind && <ValidationMessage>{form.errors.kind}</ValidationMessage>}
      </Field>
      {kind === 'subject' && (
        <Field>
          <Label htmlFor={ids.teachingGroupId}>{t('conversations.meeting.planGroup')}</Label>
          <Select
            id={ids.teachingGroupId}
            width="auto"
            required
            value={teachingGroupId}
            aria-invalid={form.errors.teachingGroupId ? true : undefined}
            onChange={(e) => setGroupId(e.target.value)}
          >
            {groups.length !== 1 && (
              <Select.Option value="" disabled>
                {t('conversations.meeting.chooseGroup')}
              </Select.Option>
            )}
            {groups.map((g) => (
              <Select.Option key={g.id} value={g.id}>
                {t('conversations.meeting.groupOption', { name: g.name, code: g.subjectCode })}
              </Select.Option>
            ))}
          </Select>
          {form.errors.teachingGroupId && <ValidationMessage>{form.errors.teachingGroupId}</ValidationMessage>}
        </Field>
      )}
      <Paragraph data-size="sm" className="muted">
        {t('conversations.meeting.planLater')}
      </Paragraph>
      <PlanningFields
        ids={ids}
        values={planningValues}
        errors={form.errors}
        onChange={(f, v) => setPlanningValues((old) => ({ ...old, [f]: v }))}
      />
      <div className="button-row">
        <Button type="submit" loading={create.isPending}>
          {t('conversations.meeting.plan')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
