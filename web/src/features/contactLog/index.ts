/** The contact log with a student's home: a section of the student's record, with no pages of its own. */
import type { WebFeature } from '../../core/feature';

export const contactLogFeature = {
  routes: [],
} satisfies WebFeature;

export { ContactLogSection } from './ContactLogSection';
