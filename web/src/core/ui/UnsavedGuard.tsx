import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useBlocker } from '@tanstack/react-router';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Typing that is not saved is never dropped without a word: leaving the page inside the app while
 * `dirty` asks first, and closing or reloading the tab gets the browser's own question. The safe answer,
 * "stay", has the focus, so an Enter pressed by habit keeps the text.
 */
export function UnsavedGuard({ dirty }: { dirty: boolean }) {
  const blocker = useBlocker({ shouldBlockFn: () => dirty, enableBeforeUnload: () => dirty, withResolver: true });
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
