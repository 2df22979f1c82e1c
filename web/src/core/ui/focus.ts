import { useCallback, useLayoutEffect, useRef, useState } from 'react';

type Target = () => HTMLElement | null | undefined;

/**
 * Moves the focus once React has committed the change that shows its target — the Edit button that
 * replaces a closed editor. A requestAnimationFrame can run before that commit on a busy device, and the
 * focus then falls to the top of the page; a layout effect runs after it, every time.
 */
export function useFocusAfterRender(): (target: Target) => void {
  const pending = useRef<Target | null>(null);
  const [request, setRequest] = useState(0);
  useLayoutEffect(() => {
    const target = pending.current;
    if (!target) return;
    pending.current = null;
    target()?.focus();
  }, [request]);
  return useCallback((target: Target) => {
    pending.current = target;
    setRequest((n) => n + 1);
  }, []);
}
