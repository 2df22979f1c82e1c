import { Button, Dialog, Heading } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../core/ui/ErrorAlert';

/**
 * "Are you sure?" before something another person will notice (a cancelled time, a closed round).
 * Focus starts on the safe choice; Escape and the safe choice both close it without doing anything.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  keepLabel,
  onConfirm,
  onClose,
  pending,
  error,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  keepLabel?: string;
  onConfirm: () => void;
  onClose: () => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const keep = useRef<HTMLButtonElement>(null);
  // after the dialog (a child) has opened itself in its own effect
  useEffect(() => keep.current?.focus(), []);
  return (
    <Dialog open onClose={onClose} closeButton={false} aria-labelledby={headingId} className="booking-dialog">
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId}>
          {title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block className="stack">
        {children}
        {error !== null && error !== undefined && <ErrorAlert error={error} />}
        <div className="button-row">
          <Button data-color="danger" onClick={onConfirm} loading={pending} disabled={pending}>
            {confirmLabel}
          </Button>
          <Button ref={keep} variant="secondary" onClick={onClose} disabled={pending}>
            {keepLabel ?? t('common.cancel')}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}
