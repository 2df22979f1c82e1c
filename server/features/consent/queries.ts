/** Every statement of consent (R-16, L-05) and of information decisions (L-06). */
import { randomUUID } from 'node:crypto';
import type { QueryFn } from '../../core/db/client.js';

export interface GuardianConsentRow { person_id: string; name: string; granted_at: Date | null; withdrawn_at: Date | null }

/** Each guardian of the student with their latest consent, if any. */
export async function guardianConsents(q: QueryFn, ownerId: string, studentId: string): Promise<GuardianConsentRow[]> {
  return q<GuardianConsentRow>(
    `select g.guardian_person_id as person_id, p.given_name || ' ' || p.family_name as name, c.granted_at, c.withdrawn_at
     from guardianship g join person p on p.owner_id = g.owner_id and p.id = g.guardian_person_id
     left join lateral (select granted_at, withdrawn_at from consent c where c.owner_id = g.owner_id and c.student_id = g.student_id
        and c.guardian_person_id = g.guardian_person_id order by c.granted_at desc limit 1) c on true
     where g.owner_id = $1 and g.student_id = $2 order by p.family_name, p.given_name`,
    [ownerId, studentId],
  );
}

/** Grants a consent unless one is in force already. */
export async function grantConsent(q: QueryFn, ownerId: string, studentId: string, guardianPersonId: string): Promise<void> {
  await q(
    `insert into consent (owner_id, id, student_id, guardian_person_id)
         select $1, $2, $3, $4 where not exists (select 1 from consent where owner_id = $1 and student_id = $3 and guardian_person_id = $4 and withdrawn_at is null)`,
    [ownerId, randomUUID(), studentId, guardianPersonId]);
}

export async function withdrawConsent(q: QueryFn, ownerId: string, studentId: string, guardianPersonId: string): Promise<void> {
  await q(
    'update consent set withdrawn_at = now() where owner_id = $1 and student_id = $2 and guardian_person_id = $3 and withdrawn_at is null',
    [ownerId, studentId, guardianPersonId]);
}

/** Ends the information decision in force for a guardianship, if any. */
export async function revokeInformationDecisions(q: QueryFn, ownerId: string, guardianshipId: string): Promise<void> {
  await q('update information_decision set revoked_at = now() where owner_id = $1 and guardianship_id = $2 and revoked_at is null', [ownerId, guardianshipId]);
}

export interface NewInformationDecision {
  ownerId: string; id: string; guardianshipId: string; granted: boolean; reason: string; decidedByPersonId: string;
}

/** Records a decision; returns when it was made. */
export async function insertInformationDecision(q: QueryFn, d: NewInformationDecision): Promise<Date> {
  const [row] = await q<{ decided_at: Date }>(
    `insert into information_decision (owner_id, id, guardianship_id, granted, reason, decided_by_person_id)
       values ($1, $2, $3, $4, $5, $6) returning decided_at`,
    [d.ownerId, d.id, d.guardianshipId, d.granted, d.reason, d.decidedByPersonId]);
  return row!.decided_at;
}
