/**
 * ID-porten, the national login, for guardians: the person is found by the national identity number
 * ID-porten vouches for (the pid claim), never by anything the person typed. Someone who already has an
 * account logs in to it when they are a guardian; a guardian of a current student without an account
 * gets one at the first login; nobody else gets in, and nobody else gets an account.
 *
 * The number is used for the lookup only: it is not stored again, logged or put in the audit log.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/client.js';
import { writeAudit } from '../audit/audit.js';
import {
  accountOfPerson, guardianCandidates, insertExternalAccount, lockPerson, strongestGuardianship, type GuardianCandidate,
} from './oidcQueries.js';

export interface ResolvedAccount {
  ownerId: string;
  accountId: string;
  personId: string;
  /** the account was made at this login */
  created: boolean;
}

/** An 11-digit fødselsnummer or D-number; anything else is not looked up at all. */
const NATIONAL_IDENTITY_NUMBER = /^\d{11}$/;

const canLogIn = (c: GuardianCandidate) => c.is_guardian && c.account_id !== null && c.account_disabled === false;
const mayGetAccount = (c: GuardianCandidate) => c.account_id === null && c.guardian_of_current_student;

/**
 * Several school owners may know the same person (a child at a municipal and one at a county school);
 * a session belongs to one owner, so the guardian of a current student comes first, then an existing account.
 */
function choose(candidates: GuardianCandidate[]): GuardianCandidate | undefined {
  const eligible = candidates.filter((c) => canLogIn(c) || mayGetAccount(c));
  const rank = (c: GuardianCandidate) => (c.guardian_of_current_student ? 0 : 2) + (c.account_id ? 0 : 1);
  return eligible.sort((a, b) => rank(a) - rank(b))[0];
}

async function createAccount(database: Database, c: GuardianCandidate): Promise<ResolvedAccount | null> {
  const made = await database.transaction(async (q) => {
    await lockPerson(q, c.owner_id, c.person_id);
    // a second first login that waited on the lock finds the account the first one made
    const existing = await accountOfPerson(q, c.owner_id, c.person_id);
    if (existing) return existing.disabled ? null : { accountId: existing.id, created: false };
    const accountId = randomUUID();
    // a username nobody types: the account has no password, and the name must not reveal the person
    await insertExternalAccount(q, c.owner_id, accountId, c.person_id, `idporten.${accountId}`);
    return { accountId, created: true };
  });
  if (!made) return null;
  if (made.created) {
    const g = await strongestGuardianship(database.query, c.owner_id, c.person_id);
    await writeAudit(database, [{
      ownerId: c.owner_id, actorPersonId: c.person_id, action: 'account.createdAtFirstLogin', resourceType: 'account', resourceId: made.accountId,
      decision: 'allow',
      reason: { code: g?.parental_responsibility ? 'guardianWithParentalResponsibility' : 'guardianWithoutParentalResponsibility', params: {} },
    }]);
  }
  return { ownerId: c.owner_id, personId: c.person_id, ...made };
}

/** The guardian's account for a national identity number from ID-porten, made now if they may have one; null: not let in. */
export async function guardianAccount(database: Database, nationalIdentityNumber: string, today: string): Promise<ResolvedAccount | null> {
  if (!NATIONAL_IDENTITY_NUMBER.test(nationalIdentityNumber)) return null;
  const chosen = choose(await guardianCandidates(database.query, nationalIdentityNumber, today));
  if (!chosen) return null;
  if (canLogIn(chosen)) return { ownerId: chosen.owner_id, accountId: chosen.account_id!, personId: chosen.person_id, created: false };
  return createAccount(database, chosen);
}
