import { Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import { InlineConfirm } from '../../core/ui/InlineConfirm';
import { PageHeading } from '../../core/ui/PageHeading';
import { DESCRIPTION_MAX, studentNeedsQuery, useConfirmNeeds, useEndNeed, useSaveNeed, type Need, type StudentNeeds } from './api';
import './studentForms.css';
import { UnsavedGuard, useDirty } from '../../core/ui/UnsavedGuard';

/** One student's accommodation needs: what to do, who has confirmed; confirm, or register and change. */
export function StudentNeedsPage({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(studentNeedsQuery(studentId));
  const confirm = useConfirmNeeds();
  const [editing, setEditing] = useState<string | null>(null);
  const name = `${data.student.givenName} ${data.student.familyName}`;
  return (
    <div className="stack">
      <div>
        <PageHeading title={t('accommodationNeeds.student.title', { name })} />
        <AccessReason access={data.access} />
      </div>
      <Paragraph>{t('accommodationNeeds.student.intro')}</Paragraph>
      {data.needs.length === 0 ? <Paragraph>{t('accommodationNeeds.student.none')}</Paragraph> : (
        <ul className="stack accommodation-needs">
          {data.needs.map((n) => (
            <li key={n.id} className="panel">
              {editing === n.id ? <NeedForm data={data} need={n} onDone={() => setEditing(null)} /> : (
                <>
                  <Heading level={2} data-size="xs">{n.description}</Heading>
                  {n.guidance && <Paragraph><strong>{t('accommodationNeeds.student.guidance')}:</strong> {n.guidance}</Paragraph>}
                  <Paragraph data-size="sm" className="muted">
                    {t('accommodationNeeds.student.registered', { date: format.date(n.registeredAt), name: n.registeredBy ?? '–' })}
                    {n.revision > 1 && ` · ${t('accommodationNeeds.student.changed', { date: format.date(n.updatedAt) })}`}
                  </Paragraph>
                  {data.canManage && <ManageButtons studentId={data.student.id} need={n} onEdit={() => setEditing(n.id)} />}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {data.canConfirm && data.needs.length > 0 && (
        data.confirmedByMe
          ? <Paragraph role="status">{t('accommodationNeeds.student.confirmed')}</Paragraph>
          : <div><Button loading={confirm.isPending} onClick={() => confirm.mutate(data.student.id)}>{t('accommodationNeeds.student.confirm')}</Button></div>
      )}
      {data.teachers.length > 0 && data.needs.length > 0 && <Receipts data={data} />}
      {data.canManage && editing === null && <NeedForm data={data} onDone={() => undefined} />}
    </div>
  );
}

function ManageButtons({ studentId, need, onEdit }: { studentId: string; need: Need; onEdit: () => void }) {
  const { t } = useTranslation();
  const end = useEndNeed(studentId);
  return (
    <div className="needs-actions">
      <Button variant="secondary" data-size="sm" onClick={onEdit}>{t('accommodationNeeds.student.edit')}</Button>
      <InlineConfirm ask={t('accommodationNeeds.student.end')} question={t('accommodationNeeds.student.endConfirm')} yes={t('accommodationNeeds.student.end')}
        no={t('accommodationNeeds.student.cancel')} danger pending={end.isPending} onYes={() => end.mutate(need.id)} />
    </div>
  );
}

function Receipts({ data }: { data: StudentNeeds }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="needs-teachers" className="stack">
      <Heading level={2} data-size="sm" id="needs-teachers">{t('accommodationNeeds.student.teachers')}</Heading>
      {data.dueOn && (
        <Paragraph data-size="sm">
          {t('accommodationNeeds.student.due', { date: format.date(data.dueOn) })}{' '}
          {data.overdue && <Tag data-color="warning" data-size="sm">{t('accommodationNeeds.student.overdue')}</Tag>}
        </Paragraph>
      )}
      <div className="table-scroll" role="region" aria-labelledby="needs-teachers" tabIndex={0}>
        <Table>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('accommodationNeeds.student.teacher')}</Table.HeaderCell>
              <Table.HeaderCell>{t('accommodationNeeds.student.groups')}</Table.HeaderCell>
              <Table.HeaderCell>{t('accommodationNeeds.student.status')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.teachers.map((x) => (
              <Table.Row key={x.personId}>
                <Table.HeaderCell scope="row">{x.name}</Table.HeaderCell>
                <Table.Cell>{x.groups.join(', ')}</Table.Cell>
                <Table.Cell>
                  {x.confirmedAt ? t('accommodationNeeds.student.confirmedOn', { date: format.date(x.confirmedAt) })
                    : <Tag data-color={data.overdue ? 'warning' : 'neutral'} data-size="sm">{t('accommodationNeeds.student.notConfirmed')}</Tag>}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}

type Field = 'description' | 'guidance';

function NeedForm({ data, need, onDone }: { data: StudentNeeds; need?: Need; onDone: () => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const save = useSaveNeed(data.student.id);
  const [description, setDescription] = useState(need?.description ?? '');
  const [guidance, setGuidance] = useState(need?.guidance ?? '');
  const [saved, setSaved] = useState(false);
  const { dirty, markSaved } = useDirty({ description, guidance }, { description: need?.description ?? '', guidance: need?.guidance ?? '' });
  const form = useFormErrors<Field>(['description', 'guidance']);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    if (!form.check(description.trim() ? {} : { description: t('accommodationNeeds.required') })) return;
    try {
      await save.mutateAsync({ id: need?.id, description, guidance });
      form.clear();
      setSaved(true);
      if (need) markSaved();
      else { setDescription(''); setGuidance(''); }
      onDone();
    } catch (err) {
      form.fromServer(err);
    }
  }
  const heading = need ? t('accommodationNeeds.student.editHeading') : t('accommodationNeeds.student.newHeading');
  return (
    <section aria-labelledby={`${uid}-h`} className="stack">
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{heading}</Heading>
      <form onSubmit={submit} noValidate className="stack" aria-labelledby={`${uid}-h`}>
        <UnsavedGuard dirty={dirty && !save.isPending} />
        <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} order={['description', 'guidance']} idFor={(f) => `${uid}-${f}`} />
        <Textfield id={`${uid}-description`} label={t('accommodationNeeds.student.description')} multiline rows={2} maxLength={DESCRIPTION_MAX}
          value={description} onChange={(e) => setDescription(e.target.value)} error={form.errors.description} />
        <Textfield id={`${uid}-guidance`} label={t('accommodationNeeds.student.guidanceLabel')} multiline rows={3} maxLength={DESCRIPTION_MAX}
          value={guidance} onChange={(e) => setGuidance(e.target.value)} error={form.errors.guidance} />
        <Paragraph role="status" data-size="sm">{saved ? t('accommodationNeeds.student.saved') : ''}</Paragraph>
        <div className="needs-actions">
          <Button type="submit" loading={save.isPending}>{t('accommodationNeeds.student.save')}</Button>
          {need && <Button type="button" variant="secondary" onClick={onDone}>{t('accommodationNeeds.student.cancel')}</Button>}
        </div>
      </form>
    </section>
  );
}
