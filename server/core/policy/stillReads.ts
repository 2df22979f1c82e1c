/**
 * A notice, a queued e-mail or a feed entry about a student was decided when it was made; insight can end
 * before it is read or sent (an adult student withdraws consent, a child turns 18, a teacher changes
 * class). These ask the policy again, as the recipient, at the moment of reading or sending.
 */
import type { Database } from '../db/client.js';
import { can } from './can.js';
import { isUuid, loadActor, loadStudentsFacts } from './facts.js';
import type { Actor } from './types.js';

/** The students of `studentIds` the actor may read today (`student.read`), decided per student. */
export async function studentsReadableBy(database: Database, actor: Actor, studentIds: readonly string[], today: string): Promise<Set<string>> {
  const ids = [...new Set(studentIds.filter(isUuid))];
  if (ids.length === 0) return new Set();
  const facts = await loadStudentsFacts(database, actor.ownerId, ids, today);
  return new Set(ids.filter((id) => {
    const s = facts.get(id);
    return !!s && can(actor, 'student.read', { type: 'student', student: s }, today).allow;
  }));
}

/** Whether a person may still read the student today; asked by every mail job that names or links a student, just before sending. */
export async function personStillReadsStudent(database: Database, ownerId: string, personId: string, studentId: string, today: string): Promise<boolean> {
  const actor = await loadActor(database, ownerId, personId, today);
  if (!actor) return false;
  return (await studentsReadableBy(database, actor, [studentId], today)).has(studentId);
}

/** The student an app link names directly (`/students/<id>/…`, `/children/<id>/…`), if any. */
export function studentOfLink(link: string): string | null {
  const m = /^\/(?:students|children)\/([0-9a-f-]{36})(?:[/?#]|$)/i.exec(link);
  return m && isUuid(m[1]!) ? m[1]!.toLowerCase() : null;
}
