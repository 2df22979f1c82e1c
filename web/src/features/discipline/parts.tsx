import { Button, Details, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { AppLink } from '../../core/ui/AppLink';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import type { CaseSummary } from './api';
import { UnsavedGuard, useDirty } from '../../core/ui/UnsavedGuard';

/** A list of cases; the first column links to the case. */
export function CaseTable({ cases }: { cases: CaseSummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const captionId = useId();
  if (cases.length === 0) return <Paragraph>{t('discipline.index.empty')}</Paragraph>;
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <Table zebra border data-color="neutral">
        <caption id={captionId}>{t('discipline.index.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('discipline.index.student')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('discipline.index.className')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('discipline.index.lastIncident')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('discipline.index.incidents')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('discipline.index.measures')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('discipline.index.suspension')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {cases.map((c) => (
            <Table.Row key={c.id}>
              <Table.HeaderCell scope="row">
                <AppLink to="/disciplinary-cases/$caseId" params={{ caseId: c.id }}
                  aria-label={t('discipline.index.open', { name: `${c.givenName} ${c.familyName}`, date: format.date(c.openedAt) })}>
                  {c.familyName}, {c.givenName}
                </AppLink>
              </Table.HeaderCell>
              <Table.Cell>{c.className ?? ''}</Table.Cell>
              <Table.Cell>{format.date(c.lastIncidentOn)}</Table.Cell>
              <Table.Cell className="numeric">{c.incidents}</Table.Cell>
              <Table.Cell className="numeric">{c.measures}</Table.Cell>
              <Table.Cell>{t(`discipline.status.${c.suspension}`)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

/**
 * A form folded away under a summary; `submit` resolves on success (the form closes) and rejects with the API error.
 * `dirtyFrom`: the caller's values of the form; changed and not saved, leaving the page asks first.
 */
export function FoldedForm({ summary, submit, submitLabel, children, dirtyFrom, open = false }: {
  summary: string; submit: () => Promise<unknown>; submitLabel: string; children: ReactNode; dirtyFrom: unknown; open?: boolean;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const { dirty, markSaved } = useDirty(dirtyFrom);
  return (
    <Details defaultOpen={open} className="no-print">
      <Details.Summary>{summary}</Details.Summary>
      <Details.Content>
        <form className="conduct-form" onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          setDone('');
          const sent = dirtyFrom;
          submit().then(() => { markSaved(sent); setError(null); setDone(t('discipline.case.saved')); }).catch((err: unknown) => setError(err)).finally(() => setBusy(false));
        }}>
          <UnsavedGuard dirty={dirty && !busy} />
          {children}
          <div><Button type="submit" loading={busy} disabled={busy}>{submitLabel}</Button></div>
          <Paragraph role="status" data-size="sm">{done}</Paragraph>
          {error !== null && <ErrorAlert error={error} />}
        </form>
      </Details.Content>
    </Details>
  );
}
