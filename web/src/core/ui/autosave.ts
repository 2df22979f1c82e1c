import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Saves a long text while it is typed (R-14's notes, minutes): `delay` ms after the last keystroke, at
 * once when the editor goes away inside the app, and with a keepalive request when the tab is closed,
 * so the last keystrokes are never lost. Saves run one after another, so an older text never lands last.
 * `save` returns false when it chose not to save (an emptied text is left for the person's own Save).
 */
export function useAutosave(value: string, savedValue: string, save: (value: string, keepalive: boolean) => Promise<boolean>, delay = 1200) {
  const latest = useRef({ value, savedValue, save });
  latest.current = { value, savedValue, save };
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [failed, setFailed] = useState(false);

  const flush = useCallback((keepalive = false): Promise<void> => {
    const run = async () => {
      const { value: v, savedValue: s, save: doSave } = latest.current;
      if (v === s) return;
      try {
        if (await doSave(v, keepalive)) {
          // `savedValue` follows only on the next render; until then this value counts as stored.
          latest.current = { ...latest.current, savedValue: v };
          setSavedAt(new Date());
        }
        setFailed(false);
      } catch {
        setFailed(true);
      }
    };
    const next = chain.current.then(run);
    chain.current = next;
    return next;
  }, []);

  useEffect(() => {
    if (value === savedValue) return;
    const id = setTimeout(() => void flush(), delay);
    return () => clearTimeout(id);
  }, [value, savedValue, delay, flush]);

  useEffect(() => {
    const onHide = () => void flush(true);
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void flush();
    };
  }, [flush]);

  return { savedAt, failed, flush };
}
