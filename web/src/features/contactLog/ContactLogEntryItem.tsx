import { Button, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { useUpdateContactLogEntry, type ContactLogEntry, type ContactLogInput } from './contactLogApi';
import { ContactLogForm } from './ContactLogForm';
import { channelLabel, visibilityLabel } from './labels';
import { useFocusAfterRender } from '../../core/ui/focus';

interface Props {
  studentId: string;
  entry: ContactLogEntry;
  onSaved: (message: string) => void;
}

export function ContactLogEntryItem({ studentId, entry, onSaved }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const update = useUpdateContactLogEntry(studentId);
  const date = format.date(entry.occurredOn);

  // Back on the Edit button once the form closes, so keyboard users do not land at the top of the page.
  const close = () => {
    setEditing(false);
    focusAfterRender(() => editButton.current);
  };

  async function save(values: ContactLogInput) {
    const patch: Partial<ContactLogInput> = {};
    for (const key of Object.keys(values) as (keyof ContactLogInput)[]) {
      if (values[key] !== entry[key]) Object.assign(patch, { [key]: values[key] });
    }
    if (Object.keys(patch).length) {
      await update.mutateAsync({ entryId: entry.id, patch });
      onSaved(t('contactLog.updated'));
    }
    close();
  }

  if (editing) {
    return (
      <li className="log-entry log-entry--editing">
        <ContactLogForm
          label={t('contactLog.editEntry', { date })}
          initial={{
            occurredOn: entry.occurredOn,
            channel: entry.channel,
            summary: entry.summary,
            visibility: entry.visibility,
          }}
          submitLabel={t('contactLog.saveChanges')}
          onSubmit={save}
          onCancel={close}
        />
      </li>
    );
  }

  const edited = entry.updatedAt !== entry.createdAt;
  return (
    <li className="log-entry">
      <div className="log-entry__head">
        <span className="log-entry__date">{date}</span>
        <Tag data-size="sm" data-color="neutral">
          {channelLabel(t, entry.channel)}
        </Tag>
        <Tag data-size="sm" data-color="info" variant="outline">
          {visibilityLabel(t, entry.visibility).label}
        </Tag>
      </div>
      <Paragraph className="log-entry__summary">{entry.summary}</Paragraph>
      <div className="log-entry__foot">
        <Paragraph data-size="sm" className="muted">
          {t('contactLog.author', { name: entry.author.name })}
          {edited && <>, {t('contactLog.updatedAt', { date: format.dateTime(entry.updatedAt) })}</>}
        </Paragraph>
        {entry.canEdit && (
          <Button
            ref={editButton}
            variant="tertiary"
            data-size="sm"
            aria-label={t('contactLog.editEntry', { date })}
            onClick={() => setEditing(true)}
          >
            {t('contactLog.edit')}
          </Button>
        )}
      </div>
    </li>
  );
}
