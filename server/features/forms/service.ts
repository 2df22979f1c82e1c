/** Forms: which forms apply to which students, and the changes to their statuses. */
import type { QueryFn } from '../../core/db/client.js';
import type { FormStatusValue } from './schemas.js';
import { deleteFormStatuses, reinstateForm, retireForm, upsertFormStatuses, type FormRow } from './queries.js';

/** Retires or reinstates a form of the school; false when the school has no such form. Retiring twice keeps the first date. */
export async function setRetired(q: QueryFn, ownerId: string, schoolId: string, formId: string, personId: string, retired: boolean): Promise<boolean> {
  return retired ? retireForm(q, ownerId, schoolId, formId, personId) : reinstateForm(q, ownerId, schoolId, formId);
}

export const applies = (f: FormRow, level: string) => f.level === null || f.level === level;

/** Applies the changes in two statements: "missing" deletes the row; "received" keeps the first receipt; "checked" records who and when. */
export async function applyChanges(q: QueryFn, ownerId: string, personId: string, today: string,
  changes: readonly { formId: string; studentId: string; status: FormStatusValue }[]): Promise<void> {
  const missing = changes.filter((c) => c.status === 'missing');
  const set = changes.filter((c) => c.status !== 'missing');
  if (missing.length) await deleteFormStatuses(q, ownerId, missing);
  if (set.length) await upsertFormStatuses(q, ownerId, today, personId, set);
}
