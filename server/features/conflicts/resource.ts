/** A conflict between students as a resource the access hook loads for `:conflictId` routes. */
import type { Database } from '../../core/db/client.js';
import type { ResourceKind } from '../../core/http/access.js';
import { isUuid, loadStudentsFacts } from '../../core/policy/facts.js';
import type { ConflictFacts } from './policy.js';

/** A conflict's facts with every involved student's: the conflict row, then the students in one statement. */
export async function loadConflictFacts(database: Database, ownerId: string, conflictId: string, today: string): Promise<ConflictFacts | null> {
  if (!isUuid(conflictId)) return null;
  const rows = await database.query<{ recorded_by_person_id: string; student_ids: string[] }>(
    `select c.recorded_by_person_id, coalesce((select json_agg(cs.student_id order by cs.student_id) from conflict_student cs
       where cs.owner_id = c.owner_id and cs.conflict_id = c.id), '[]'::json) as student_ids
     from conflict c where c.owner_id = $1 and c.id = $2`,
    [ownerId, conflictId],
  );
  const r = rows[0];
  if (!r) return null;
  const facts = await loadStudentsFacts(database, ownerId, r.student_ids, today);
  return { conflictId, recordedByPersonId: r.recorded_by_person_id, students: r.student_ids.flatMap((id) => facts.get(id) ?? []) };
}

declare module 'fastify' {
  interface FastifyRequest {
    conflict: ConflictFacts | null;
  }
}

declare module '../../core/http/access.js' {
  interface AccessKinds {
    /**
     * one conflict between students: `:conflictId` in the path. The feature audits reads and writes,
     * one entry per involved student whose part the caller sees (a conflict spans several students).
     */
    conflict: { audit: 'read' | 'write' };
  }
}

export const conflictResource: ResourceKind<'conflict'> = {
  type: 'conflict',
  load: async ({ database, actor, params, today }) => {
    const conflict = await loadConflictFacts(database, actor.ownerId, params.conflictId ?? '', today);
    return conflict && { type: 'conflict', conflict };
  },
  attach: { property: 'conflict', value: (r) => r.conflict },
};
