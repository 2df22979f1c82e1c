import type { RecordLink } from '../core/ui/recordLinks';
import { features } from './features';

/** Every feature's links from a student's record, in their order (core/ui/recordLinks.tsx renders them). */
export const recordLinks: readonly RecordLink[] = features
  .flatMap((f): readonly RecordLink[] => ('recordLinks' in f ? f.recordLinks : []))
  .toSorted((a, b) => a.order - b.order);
