import { useEffect, useState } from 'react';

/** What is typed in a search box, once the typing pauses: one request per search, not per key. */
export function useSettled<V>(value: V, ms = 300): V {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
