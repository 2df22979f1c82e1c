import { Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../core/format';
import { useAutosave } from '../../core/ui/autosave';
import { UnsavedGuard } from '../../core/ui/UnsavedGuard';

const MAX = 8000;

/**
 * A long text of the plan (a part's goals, a report, the summary) saved while it is typed, like a
 * conversation's notes: what was typed stays in the field whatever the server answers, the status says
 * when the text on screen is the stored one, and leaving with an unsaved text asks first.
 */
export function AutosavedText({ label, description, saved, save, rows = 4 }: {
  label: string; description?: string; saved: string; save: (value: string, keepalive: boolean) => Promise<unknown>; rows?: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const statusId = useId();
  const [text, setText] = useState(saved);
  const [stored, setStored] = useState(saved);
  const draft = useAutosave(text, stored, async (value, keepalive) => {
    if (value.length > MAX) return false;
    await save(value, keepalive);
    setStored(value);
    return true;
  });
  const dirty = text !== stored;
  const time = draft.savedAt ? new Intl.DateTimeFormat(format.locale, { timeStyle: 'short' }).format(draft.savedAt) : null;

  return (
    <div className="stack">
      <UnsavedGuard dirty={dirty && (draft.failed || text.length > MAX)} />
      <Textfield
        label={label}
        description={description}
        multiline
        rows={rows}
        counter={{ limit: MAX, under: t('contactLog.charsLeft'), over: t('contactLog.charsOver') }}
        value={text}
        aria-describedby={statusId}
        error={draft.failed ? t('individualPlan.saveFailed') : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => void draft.flush()}
      />
      <Paragraph id={statusId} data-size="sm" className="muted" role="status">
        {!dirty && time ? t('individualPlan.savedAt', { time }) : t('individualPlan.autosaveHint')}
      </Paragraph>
    </div>
  );
}
