import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useBlocker } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';

/**
 * Typing that is not saved is never dropped without a word: leaving the page inside the app while
 * `dirty` asks first, and closing or reloading the tab gets the browser's own question. The safe answer,
 * "stay", has the focus, so an Enter pressed by habit keeps the text.
 */
export function UnsavedGuard({ dirty }: { dirty: boolean }) {
  // Read when a navigation starts, not when the blocker was last registered: a form that saves and then
  // navigates marks itself clean inside flushSync (see leaveAfterSave), and that render must count.
  const current = useRef(dirty);
  current.current = dirty;
  const blocker = useBlocker({ shouldBlockFn: () => current.current, enableBeforeUnload: () => current.current, withResolver: true });
  return blocker.status === 'blocked' ? <LeaveDialog onStay={blocker.reset} onLeave={blocker.proceed} /> : null;
}

function LeaveDialog({ onStay, onLeave }: { onStay: () => void; onLeave: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => stay.current?.focus(), []);
  return (
    <Dialog open onClose={onStay} closeButton={false} aria-labelledby={headingId}>
      <Dialog.Block className="stack">
        <Heading level={2} data-size="xs" id={headingId}>{t('common.unsaved.title')}</Heading>
        <Paragraph>{t('common.unsaved.text')}</Paragraph>
        <div className="button-row">
          <Button ref={stay} onClick={onStay}>{t('common.unsaved.stay')}</Button>
          <Button variant="secondary" data-color="danger" onClick={onLeave}>{t('common.unsaved.leave')}</Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}

/** Whether a form's values differ from what was loaded or last saved (plain data: strings, numbers, arrays). */
export function changed<T>(values: T, baseline: T): boolean {
  return JSON.stringify(values) !== JSON.stringify(baseline);
}

/**
 * A form's dirty flag: its values differ from what was loaded (by default: what the form opened with), or
 * from what was saved since. A new
 * reading of `loaded` (the server's answer after a save, another record) becomes the baseline again;
 * `markSaved` is called when a save succeeded, with the values that were sent.
 */
export function useDirty<T>(values: T, loaded?: T): { dirty: boolean; markSaved: (saved?: T) => void } {
  // without `loaded`, the values the form opened with
  const [opened] = useState(() => JSON.stringify(values));
  const loadedKey = loaded === undefined ? opened : JSON.stringify(loaded);
  const [saved, setSaved] = useState<{ loaded: string; value: string } | null>(null);
  const baseline = saved?.loaded === loadedKey ? saved.value : loadedKey;
  return {
    dirty: JSON.stringify(values) !== baseline,
    markSaved: (v: T = values) => setSaved({ loaded: loadedKey, value: JSON.stringify(v) }),
  };
}

/**
 * A save that moves on to another page: the form is marked clean and rendered so at once, so its own
 * guard does not ask about what was just saved, and then `go` navigates.
 */
export function leaveAfterSave(markClean: () => void, go: () => unknown): void {
  flushSync(markClean);
  void go();
}
