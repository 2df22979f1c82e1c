/**
 * What the measures feature asks of a case when a measure is proposed in one (R-55 with R-53): whether
 * the case is about the student and the proposer may read it, and the chronology entry that records it.
 * Offered through index.ts so measures never reaches into this feature's tables.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../core/db/client.js';
import { can } from '../../core/policy/can.js';
import type { Actor, StudentFacts } from '../../core/policy/types.js';
import { appendEvent, caseFacts } from './queries.js';

/** The case is about this student and the actor may read it. */
export async function caseReadableFor(database: Database, actor: Actor, student: StudentFacts, caseId: string, today: string): Promise<boolean> {
  const c = await caseFacts(database.query, actor.ownerId, caseId, today);
  return !!c && c.student.studentId === student.studentId && can(actor, 'case.read', { type: 'case', case: c }, today).allow;
}

/** The measure's goal enters the case's chronology, so the timeline shows what the case led to. */
export async function recordMeasureInCase(database: Database, actor: Actor, caseId: string, goal: string, today: string): Promise<void> {
  await appendEvent(database.query, {
    ownerId: actor.ownerId, id: randomUUID(), caseId, kind: 'measureCreated', occurredOn: today, description: goal, doneBy: '', correctsEventId: null, byPersonId: actor.personId,
  });
}
