import { createContext, useContext, type ComponentType } from 'react';

/** Who is reading a student's record: staff, the student themself, or a guardian. */
export type RecordViewer = 'staff' | 'self' | 'guardian';

/**
 * A link from a student's record to one of the student's pages in another feature (absence, formative
 * assessment): the feature renders it (a paragraph) for each kind of reader, or nothing where that reader
 * has no page.
 */
export interface RecordLink {
  /** position among the record's links, lowest first */
  readonly order: number;
  readonly Link: ComponentType<{ studentId: string; viewer: RecordViewer }>;
}

/** The features' record links; app/ provides them (it alone knows the features). */
export const RecordLinksContext = createContext<readonly RecordLink[]>([]);

/** The record's links to the student's pages in other features, in their order. */
export function StudentRecordLinks({ studentId, viewer }: { studentId: string; viewer: RecordViewer }) {
  const links = useContext(RecordLinksContext);
  return (
    <>
      {links.map(({ order, Link }) => <Link key={order} studentId={studentId} viewer={viewer} />)}
    </>
  );
}
