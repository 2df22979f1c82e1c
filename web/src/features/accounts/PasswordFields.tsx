import { Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { estimateStrength, PASSWORD_MIN_LENGTH, preloadStrength, type Strength } from './strength';

export interface NewPassword {
  password: string;
  repeat: string;
}

/** The new-password fields' own checks before the round trip; the server's rule still decides. */
export function newPasswordErrors(v: NewPassword, required: string, mismatch: string): { password?: string; repeat?: string } {
  if (!v.password) return { password: required };
  if (v.repeat !== v.password) return { repeat: mismatch };
  return {};
}

/** Waits for a pause in the typing, so a screen reader hears the verdict once rather than per key. */
function useStrength(password: string, personal: readonly string[]): Strength | null {
  const [strength, setStrength] = useState<Strength | null>(null);
  const personalKey = personal.join('\u0000');
  useEffect(() => preloadStrength(), []);
  useEffect(() => {
    if (!password) {
      setStrength(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void estimateStrength(password, personalKey.split('\u0000')).then((s) => { if (live) setStrength(s); }, () => undefined);
    }, 350);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [password, personalKey]);
  return strength;
}

function StrengthMeter({ id, strength }: { id: string; strength: Strength | null }) {
  const { t } = useTranslation();
  const level = strength ? (String(Math.max(0, Math.min(4, strength.score))) as '0' | '1' | '2' | '3' | '4') : null;
  const verdict = !strength ? '' : strength.reason ? t(`accounts.password.reasons.${strength.reason}`, { minimum: PASSWORD_MIN_LENGTH }) : t('accounts.password.good');
  return (
    <div className="password-strength" data-score={level ?? 'none'}>
      <div className="password-strength__bar" aria-hidden="true">
        <span />
      </div>
      <Paragraph data-size="sm" id={id} aria-live="polite">
        {level && `${t('accounts.password.strength', { level: t(`accounts.password.levels.${level}`) })}. ${verdict}`}
      </Paragraph>
    </div>
  );
}

// unsaved-guard: fields of the password forms that render them, guarded there
/**
 * A new password and its repetition, with a strength meter under the first. `personal`: the person's
 * name, username, e-mail and school, which make a password easy to guess.
 */
export function NewPasswordFields({ idPrefix, labels, value, onChange, errors, personal }: {
  idPrefix: string;
  labels: { password: string; repeat: string };
  value: NewPassword;
  onChange: (v: NewPassword) => void;
  errors: { password?: string; repeat?: string };
  personal: readonly string[];
}) {
  const { t } = useTranslation();
  const strength = useStrength(value.password, personal);
  return (
    <>
      <div className="stack password-field">
        <Textfield
          id={`${idPrefix}-password`}
          label={labels.password}
          description={t('accounts.password.hint', { minimum: PASSWORD_MIN_LENGTH })}
          type="password"
          autoComplete="new-password"
          value={value.password}
          error={errors.password}
          onChange={(e) => onChange({ ...value, password: e.target.value })}
        />
        <StrengthMeter id={`${idPrefix}-strength`} strength={strength} />
      </div>
      <Textfield
        id={`${idPrefix}-repeat`}
        label={labels.repeat}
        type="password"
        autoComplete="new-password"
        value={value.repeat}
        error={errors.repeat}
        onChange={(e) => onChange({ ...value, repeat: e.target.value })}
      />
    </>
  );
}
