/** The start-of-year checklist: which items the class has been told, when and by whom. */
import type { QueryFn } from '../../../core/db/client.js';
import type { StartOfYearItem } from '../tables.js';

export interface StartOfYearCheckRow {
  item: StartOfYearItem; checked_on: string;
  /** the name of whoever checked it off */
  checked_by: string;
}

export async function startOfYearChecks(q: QueryFn, ownerId: string, basisGroupId: string): Promise<StartOfYearCheckRow[]> {
  return q<StartOfYearCheckRow>(
    `select c.item, c.checked_on::text, p.given_name || ' ' || p.family_name as checked_by from start_of_year_check c
       join person p on p.owner_id = c.owner_id and p.id = c.checked_by_person_id where c.owner_id = $1 and c.basis_group_id = $2`,
    [ownerId, basisGroupId]);
}

/** Checks the item off on `on` (again: the new date and person replace the old). */
export async function checkStartOfYearItem(q: QueryFn, ownerId: string, basisGroupId: string, item: StartOfYearItem, on: string, personId: string): Promise<void> {
  await q(`insert into start_of_year_check (owner_id, basis_group_id, item, checked_on, checked_by_person_id) values ($1, $2, $3, $4, $5)
        on conflict (owner_id, basis_group_id, item) do update set checked_on = excluded.checked_on, checked_by_person_id = excluded.checked_by_person_id`,
  [ownerId, basisGroupId, item, on, personId]);
}

export async function uncheckStartOfYearItem(q: QueryFn, ownerId: string, basisGroupId: string, item: StartOfYearItem): Promise<void> {
  await q('delete from start_of_year_check where owner_id = $1 and basis_group_id = $2 and item = $3', [ownerId, basisGroupId, item]);
}
