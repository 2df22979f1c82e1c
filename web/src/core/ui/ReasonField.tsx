import { Field, Label, Paragraph, Textarea, ValidationMessage } from '@digdir/designsystemet-react';

/** The server's own floor for a reason: two letters say nothing to the person who reads the log later. */
const REASON_MIN = 3;
export const reasonMissing = (reason: string) => reason.trim().length < REASON_MIN;

export interface ReasonFieldProps {
  id: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
}

/**
 * Why an admin makes a change, kept in the audit log with their name. Each area brings its own words
 * (who will read the reason differs), hence the label and help as props.
 */
export function ReasonField({ id, label, help, rows, value, onChange, error }: ReasonFieldProps & { label: string; help: string; rows: number }) {
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Paragraph data-size="sm" id={`${id}-help`}>{help}</Paragraph>
      <Textarea id={id} rows={rows} maxLength={500} value={value} aria-describedby={`${id}-help`} aria-invalid={!!error}
        onChange={(e) => onChange(e.target.value)} />
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}
