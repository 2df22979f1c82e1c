import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../core/api/client';
import { ErrorAlert } from '../../core/ui/ErrorAlert';
import { Loading } from '../../core/ui/Loading';
import { contactLogQuery, useAddContactLogEntry, type ContactLogInput } from './contactLogApi';
import { ContactLogEntryItem } from './ContactLogEntryItem';
import { ContactLogForm, emptyContactLogValues } from './ContactLogForm';

/** the record of calls, e-mails, letters and meetings with the home. */
export function ContactLogSection({ studentId, canAdd }: { studentId: string; canAdd: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const formId = useId();
  const log = useQuery(contactLogQuery(studentId));
  const add = useAddContactLogEntry(studentId);
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState('');
  const addButton = useRef<HTMLButtonElement>(null);

  const entries = useMemo(
    () =>
      [...(log.data?.entries ?? [])].sort(
        (a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.createdAt.localeCompare(a.createdAt),
      ),
    [log.data],
  );

  async function create(values: ContactLogInput) {
    await add.mutateAsync(values);
    setAdding(false);
    setStatus(t('contactLog.added'));
    requestAnimationFrame(() => addButton.current?.focus());
  }

  return (
    <section aria-labelledby={headingId} className="panel stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('contactLog.title')}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {t('contactLog.intro')}
      </Paragraph>
      {/* Always in the DOM, so screen readers announce what is put in it. */}
      <div role="status" className="status-message">
        {status}
      </div>

      {canAdd && (
        <div className="stack">
          <Button
            ref={addButton}
            variant={adding ? 'secondary' : 'primary'}
            aria-expanded={adding}
            aria-controls={formId}
            onClick={() => {
              setAdding((a) => !a);
              setStatus('');
            }}
            className="contact-add-toggle"
          >
            {t('contactLog.addTitle')}
          </Button>
          <div id={formId} hidden={!adding}>
            {adding && (
              <ContactLogForm
                label={t('contactLog.addTitle')}
                initial={emptyContactLogValues()}
                submitLabel={t('contactLog.add')}
                onSubmit={create}
                onCancel={() => {
                  setAdding(false);
                  addButton.current?.focus();
                }}
              />
            )}
          </div>
        </div>
      )}

      {log.isPending ? (
        <Loading />
      ) : log.isError ? (
        isApiError(log.error) && log.error.status === 403 ? (
          <Paragraph>{t('contactLog.noAccess')}</Paragraph>
        ) : (
          <ErrorAlert error={log.error} />
        )
      ) : entries.length === 0 ? (
        <Paragraph>{t('contactLog.empty')}</Paragraph>
      ) : (
        <ul className="log-list" aria-label={t('contactLog.entries')}>
          {entries.map((e) => (
            <ContactLogEntryItem key={e.id} studentId={studentId} entry={e} onSaved={setStatus} />
          ))}
        </ul>
      )}
    </section>
  );
}
