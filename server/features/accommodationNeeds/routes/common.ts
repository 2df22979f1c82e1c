/** What the accommodation-need routes share. */
import type { Need } from '../queries.js';

export const tags = ['accommodationNeeds'];
export const byName = new Intl.Collator('nb');

/** A need as the API shows it (without the student it belongs to). */
export const publicNeed = ({ id, description, guidance, registeredAt, registeredBy, updatedAt, revision }: Need) =>
  ({ id, description, guidance, registeredAt, registeredBy, updatedAt, revision });
