/** Every statement of the guardian's view of their children. */
import type { QueryFn } from '../../core/db/client.js';
import type { Level } from '../../core/db/tables.js';

export interface ChildRow { name: string; level: Level }

/** A child's name and level, as the guardian's list shows them. */
export async function childNameAndLevel(q: QueryFn, ownerId: string, studentId: string): Promise<ChildRow | undefined> {
  const [row] = await q<ChildRow>(
    `select p.given_name || ' ' || p.family_name as name, st.level from student st join person p on p.owner_id = st.owner_id and p.id = st.person_id
         where st.owner_id = $1 and st.id = $2`, [ownerId, studentId]);
  return row;
}
