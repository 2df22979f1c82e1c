import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';

interface Props {
  /** the button that asks ("Apply") */
  ask: string;
  question: string;
  yes: string;
  no: string;
  /** the page's main action: the asking button is the primary one */
  primary?: boolean;
  /** an answer that throws work away, in red */
  danger?: boolean;
  pending: boolean;
  onYes: () => void;
}

/**
 * An action that writes to many students at once (or throws an upload away) is asked about in place:
 * as core's InlineConfirm, the safe answer takes the focus so an Enter pressed by habit changes nothing,
 * but the asking button may be the page's primary one.
 */
export function ConfirmStep({ ask, question, yes, no, primary = false, danger = false, pending, onYes }: Props) {
  const [asking, setAsking] = useState(false);
  const askButton = useRef<HTMLButtonElement>(null);
  const noButton = useRef<HTMLButtonElement>(null);
  if (asking) {
    return (
      <div className="stack import-confirm" role="group" aria-label={ask}>
        <Paragraph>{question}</Paragraph>
        <div className="button-row">
          <Button data-color={danger ? 'danger' : undefined} loading={pending} onClick={onYes}>{yes}</Button>
          <Button ref={noButton} variant="secondary" disabled={pending} onClick={() => {
            setAsking(false);
            requestAnimationFrame(() => askButton.current?.focus());
          }}>
            {no}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div>
      <Button ref={askButton} variant={primary ? 'primary' : 'secondary'} data-color={danger ? 'danger' : undefined} onClick={() => {
        setAsking(true);
        requestAnimationFrame(() => noButton.current?.focus());
      }}>
        {ask}
      </Button>
    </div>
  );
}
