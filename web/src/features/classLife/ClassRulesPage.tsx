import { Button, Details, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AccessReason } from '../../core/ui/AccessReason';
import { PageHeading } from '../../core/ui/PageHeading';
import { FormErrorSummary, useFormErrors } from '../../core/ui/forms';
import type { CommentInput, DraftInput, ProposalInput, Published } from '@server/features/classLife/schemas.js';
import { classRulesQuery, useClassLifeWrite, type ClassRules } from './api';
import { UnsavedGuard, useDirty } from '../../core/ui/UnsavedGuard';

/** the class rules, drafted with the students (phone-friendly: students propose and comment here). */
export function ClassRulesPage({ basisGroupId }: { basisGroupId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(classRulesQuery(basisGroupId));
  return (
    <div className="stack class-life">
      <div>
        <PageHeading title={t('classLife.rules.title', { group: data.group.name })} />
        <AccessReason access={data.access} />
      </div>
      <Paragraph>{t('classLife.rules.intro')}</Paragraph>
      <section aria-labelledby="current-h" className="stack class-life-rules">
        {data.current ? (
          <>
            <Heading level={2} data-size="sm" id="current-h">{t('classLife.rules.current', { version: data.current.version, date: format.date(data.current.publishedOn) })}</Heading>
            <Paragraph className="preline">{data.current.text}</Paragraph>
          </>
        ) : <Heading level={2} data-size="sm" id="current-h">{t('classLife.rules.none')}</Heading>}
        {data.earlier.length > 0 && (
          <Details>
            <Details.Summary>{t('classLife.rules.earlier')}</Details.Summary>
            <Details.Content>
              {data.earlier.map((v) => (
                <div key={v.version}>
                  <Heading level={3} data-size="2xs">{t('classLife.rules.earlierVersion', { version: v.version, date: format.date(v.publishedOn) })}</Heading>
                  <Paragraph className="preline">{v.text}</Paragraph>
                </div>
              ))}
            </Details.Content>
          </Details>
        )}
      </section>

      {data.canManage && data.draft && <DraftForm basisGroupId={basisGroupId} draft={data.draft.text} />}
      {data.canPropose && <ProposalForm basisGroupId={basisGroupId} />}

      <section aria-labelledby="proposals-h" className="stack">
        <Heading level={2} data-size="sm" id="proposals-h">{t('classLife.rules.proposals')}</Heading>
        {data.proposals.length === 0 ? <Paragraph>{t('classLife.rules.noProposals')}</Paragraph> : (
          <ul className="class-life-list">
            {data.proposals.map((p) => (
              <li key={p.id} className="stack">
                <Paragraph><strong>{p.mine ? t('classLife.rules.you') : p.author ?? t('classLife.rules.aStudent')}:</strong> {p.text}</Paragraph>
                {p.comments.length > 0 && (
                  <ul className="class-life-comments">
                    {p.comments.map((c) => <li key={c.id}><Paragraph data-size="sm"><strong>{c.mine ? t('classLife.rules.you') : c.author || t('classLife.rules.aStudent')}:</strong> {c.text}</Paragraph></li>)}
                  </ul>
                )}
                {data.canPropose && <CommentForm basisGroupId={basisGroupId} proposal={p} />}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function ProposalForm({ basisGroupId }: { basisGroupId: string }) {
  const { t } = useTranslation();
  const uid = useId();
  const write = useClassLifeWrite(basisGroupId);
  const [text, setText] = useState('');
  const form = useFormErrors<'text'>(['text']);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.check(text.trim() ? {} : { text: t('classLife.required') })) return;
    await write.mutateAsync({ path: '/class-rules/proposals', method: 'POST', body: { text } satisfies ProposalInput }).then(() => { setText(''); form.clear(); }, (err) => form.fromServer(err));
  }
  return (
    <form onSubmit={submit} className="stack" aria-labelledby={`${uid}-h`} noValidate>
      <UnsavedGuard dirty={text.trim() !== '' && !write.isPending} />
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('classLife.rules.propose')}</Heading>
      <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} idFor={() => `${uid}-text`} />
      <Textfield id={`${uid}-text`} label={t('classLife.rules.proposal')} multiline rows={2} value={text} onChange={(e) => setText(e.target.value)} error={form.errors.text} />
      <div><Button type="submit" disabled={write.isPending}>{t('classLife.rules.send')}</Button></div>
    </form>
  );
}

function CommentForm({ basisGroupId, proposal }: { basisGroupId: string; proposal: ClassRules['proposals'][number] }) {
  const { t } = useTranslation();
  const uid = useId();
  const write = useClassLifeWrite(basisGroupId);
  const [text, setText] = useState('');
  const form = useFormErrors<'text'>(['text']);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.check(text.trim() ? {} : { text: t('classLife.required') })) return;
    await write.mutateAsync({ path: `/class-rules/proposals/${proposal.id}/comments`, method: 'POST', body: { text } satisfies CommentInput }).then(() => { setText(''); form.clear(); }, (err) => form.fromServer(err));
  }
  return (
    <form onSubmit={submit} className="class-life-inline" noValidate>
      <UnsavedGuard dirty={text.trim() !== '' && !write.isPending} />
      <Textfield id={`${uid}-text`} data-size="sm" label={t('classLife.rules.commentOn', { text: proposal.text.slice(0, 60) })} value={text} onChange={(e) => setText(e.target.value)} error={form.errors.text} />
      <Button type="submit" data-size="sm" variant="secondary" disabled={write.isPending}>{t('classLife.rules.sendComment')}</Button>
    </form>
  );
}

function DraftForm({ basisGroupId, draft }: { basisGroupId: string; draft: string }) {
  const { t } = useTranslation();
  const uid = useId();
  const write = useClassLifeWrite(basisGroupId);
  const [text, setText] = useState(draft);
  const [message, setMessage] = useState('');
  const { dirty, markSaved } = useDirty(text);
  const form = useFormErrors<'text'>(['text']);
  async function save(e: FormEvent) {
    e.preventDefault();
    await write.mutateAsync({ path: '/class-rules/draft', method: 'PUT', body: { text } satisfies DraftInput }).then(() => { markSaved(); form.clear(); setMessage(t('classLife.saved')); }, (err) => form.fromServer(err));
  }
  async function publish() {
    try {
      await write.mutateAsync({ path: '/class-rules/draft', method: 'PUT', body: { text } satisfies DraftInput });
      markSaved();
      const res = await write.mutateAsync({ path: '/class-rules/versions', method: 'POST' }) as Published;
      form.clear();
      setMessage(t('classLife.rules.published', { version: res.version }));
    } catch (err) {
      form.fromServer(err);
    }
  }
  return (
    <form onSubmit={save} className="stack" aria-labelledby={`${uid}-h`} noValidate>
      <UnsavedGuard dirty={dirty && !write.isPending} />
      <Heading level={2} data-size="sm" id={`${uid}-h`}>{t('classLife.rules.draft')}</Heading>
      <FormErrorSummary errors={form.errors} formErrors={form.formErrors} attempt={form.attempt} idFor={() => `${uid}-text`} />
      <Textfield id={`${uid}-text`} label={t('classLife.rules.draft')} multiline rows={6} value={text} onChange={(e) => setText(e.target.value)} error={form.errors.text} />
      <div className="class-life-buttons">
        <Button type="submit" variant="secondary" disabled={write.isPending}>{t('classLife.rules.saveDraft')}</Button>
        <Button type="button" onClick={() => void publish()} disabled={write.isPending}>{t('classLife.rules.publish')}</Button>
      </div>
      {message && <Paragraph role="status">{message}</Paragraph>}
    </form>
  );
}
