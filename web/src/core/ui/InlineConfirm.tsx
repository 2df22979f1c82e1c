import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';

interface Props {
  /** the button that asks, e.g. "Cancel the conversation" */
  ask: string;
  /** the asking button's accessible name when `ask` repeats in a list (e.g. "Retire Trip consent") */
  askLabel?: string;
  question: string;
  yes: string;
  no: string;
  /** the irreversible answer in red */
  danger?: boolean;
  pending: boolean;
  onYes: () => void;
}

/**
 * An irreversible action asked about in place, not in a dialog: the safe answer ("no") takes the focus
 * so Enter pressed by habit changes nothing, and answering "no" returns the focus to the asking button.
 */
export function InlineConfirm({ ask, askLabel, question, yes, no, danger = false, pending, onYes }: Props) {
  const [asking, setAsking] = useState(false);
  const askButton = useRef<HTMLButtonElement>(null);
  const noButton = useRef<HTMLButtonElement>(null);
  if (asking) {
    return (
      <div className="stack meeting-confirm">
        <Paragraph>{question}</Paragraph>
        <div className="button-row">
          <Button variant={danger ? 'primary' : 'secondary'} data-color={danger ? 'danger' : undefined} loading={pending} onClick={onYes}>
            {yes}
          </Button>
          <Button
            ref={noButton}
            variant={danger ? 'secondary' : 'primary'}
            onClick={() => {
              setAsking(false);
              requestAnimationFrame(() => askButton.current?.focus());
            }}
          >
            {no}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="button-row">
      <Button
        ref={askButton}
        aria-label={askLabel}
        variant="secondary"
        data-color={danger ? 'danger' : undefined}
        onClick={() => {
          setAsking(true);
          requestAnimationFrame(() => noButton.current?.focus());
        }}
      >
        {ask}
      </Button>
    </div>
  );
}
