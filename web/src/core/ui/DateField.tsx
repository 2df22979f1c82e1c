import { Textfield, type TextfieldProps } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = Extract<TextfieldProps, { multiline?: false }> & { type: 'date' | 'time' | 'datetime-local' };

/**
 * A date or time field that never lets a half-typed value through. The browser reports "12.1_.2026" or
 * "14:__" as an empty value, so a form would silently save no date or midnight; here the field says so
 * in the person's language and its form's submit is stopped before the form's own handler sees it.
 */
export function DateField({ error, onBlur, ...props }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLInputElement>(null);
  const [partial, setPartial] = useState(false);
  const message = props.type === 'time' ? t('common.whole.time') : t('common.whole.date');

  useEffect(() => {
    const input = ref.current;
    const form = input?.form;
    if (!input || !form) return;
    // On the form itself, so it runs before React's listener at the root and can stop it.
    const guard = (e: Event) => {
      if (!input.validity.badInput) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      setPartial(true);
      // The first half-typed field of the form takes the focus.
      const first = [...form.querySelectorAll('input')].find((i) => i.validity.badInput);
      if (first === input) input.focus();
    };
    form.addEventListener('submit', guard);
    return () => form.removeEventListener('submit', guard);
  }, []);

  return (
    <Textfield
      {...props}
      ref={ref}
      error={partial ? message : error}
      onInput={(e) => {
        if (partial && !e.currentTarget.validity.badInput) setPartial(false);
      }}
      onBlur={(e) => {
        setPartial(e.currentTarget.validity.badInput);
        onBlur?.(e as React.FocusEvent<HTMLInputElement>);
      }}
    />
  );
}
