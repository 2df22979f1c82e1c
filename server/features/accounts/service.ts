/**
 * What the routes and the operators' command share: the password rule as a 400 on the field, and
 * making an admin (the first start's, or one more from `npm run admin -- create-admin`).
 */
import { randomUUID } from 'node:crypto';
import { writeAudit } from '../../core/audit/audit.js';
import type { Database, QueryFn } from '../../core/db/client.js';
import { badField, HttpError } from '../../core/http/errors.js';
import { hashPassword } from '../../core/auth/password.js';
import { checkPasswordStrength, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type WeakReason } from '../../core/auth/passwordStrength.shared.js';
import type { Locale } from '../../core/i18n/locale.js';
import {
  allSchools, anyAccountExists, insertAccount, insertPerson, insertSchool, insertSchoolOwner, insertStaffMember, insertStaffRole,
  lockSetup, usernameTaken, type SchoolRow,
} from './queries.js';

/** The message key and its parameters for a refused password. */
export function weakPasswordMessage(reason: WeakReason): { key: string; params: Record<string, number> } {
  return { key: `accounts.password.${reason}`, params: { minimum: PASSWORD_MIN_LENGTH, maximum: PASSWORD_MAX_LENGTH } };
}

/** Throws a 400 naming `field` when the password does not meet the rule. */
export function requireStrongPassword(password: string, personal: readonly string[], field: string): void {
  const result = checkPasswordStrength(password, personal);
  if (result.ok) return;
  const { key, params } = weakPasswordMessage(result.reason);
  throw badField(field, key, params);
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** Usernames are kept in lower case: login compares them that way. */
export const normaliseUsername = (username: string) => username.trim().toLowerCase();
export const isValidUsername = (username: string) => USERNAME.test(username);

export interface NewAdmin {
  givenName: string;
  familyName: string;
  username: string;
  email: string | null;
  password: string;
  locale: Locale;
}

/** Where the new admin works: a new owner and school (a fresh install), or a school that exists. */
export type AdminPlace =
  | { kind: 'new'; owner: { name: string; kind: 'county' | 'municipality' }; school: { name: string; stage: 'upperSecondary' | 'compulsory' } }
  | { kind: 'existing'; schoolId: string };

export interface CreatedAdmin {
  ownerId: string;
  schoolId: string;
  schoolName: string;
  personId: string;
  accountId: string;
}

/** Field paths for the errors, as the setup form names its fields (the command line names them its own way). */
export interface AdminFields { username: string; password: string; schoolId: string }

/**
 * Checks everything that does not need the database to be locked: the username's form and the password
 * rule (with the person's and the school's names as personal words). Returns the normalised username.
 */
export function checkNewAdmin(admin: NewAdmin, schoolNames: readonly string[], fields: AdminFields): string {
  const username = normaliseUsername(admin.username);
  if (!isValidUsername(username)) throw badField(fields.username, 'accounts.username.invalid');
  requireStrongPassword(admin.password, [admin.givenName, admin.familyName, username, admin.email ?? '', ...schoolNames], fields.password);
  return username;
}

async function placeAdmin(q: QueryFn, place: AdminPlace, fields: AdminFields): Promise<{ ownerId: string; schoolId: string; schoolName: string }> {
  if (place.kind === 'new') {
    const ownerId = randomUUID();
    const schoolId = randomUUID();
    await insertSchoolOwner(q, ownerId, place.owner.name, place.owner.kind);
    await insertSchool(q, ownerId, schoolId, place.school.name, place.school.stage);
    return { ownerId, schoolId, schoolName: place.school.name };
  }
  const school = (await allSchools(q)).find((s) => s.id === place.schoolId);
  if (!school) throw badField(fields.schoolId, 'accounts.setup.chooseSchool');
  return { ownerId: school.owner_id, schoolId: school.id, schoolName: school.name };
}

/**
 * Makes a person with a local account and the school admin role at one school, all or nothing, and
 * puts it on record. `onlyIfFirst`: the first start's setup, which must find no account at all (two
 * setup requests at the same moment are serialised; the second finds the first's admin and is refused).
 */
export async function createAdmin(
  database: Database,
  opts: { admin: NewAdmin; place: AdminPlace; onlyIfFirst: boolean; fields: AdminFields; how: string },
): Promise<CreatedAdmin> {
  const { admin, place, fields } = opts;
  const schoolNames = place.kind === 'new' ? [place.school.name, place.owner.name] : (await allSchools(database.query)).map((s) => s.name);
  const username = checkNewAdmin(admin, schoolNames, fields);
  // hashing takes a while: done before the transaction holds its lock
  const passwordHash = await hashPassword(admin.password);
  const created = await database.transaction(async (q) => {
    await lockSetup(q);
    if (opts.onlyIfFirst && (await anyAccountExists(q))) throw new HttpError(400, 'accounts.setup.invalidToken', {}, [{ field: 'token', key: 'accounts.setup.invalidToken' }]);
    if (await usernameTaken(q, username)) throw badField(fields.username, 'accounts.username.taken');
    const { ownerId, schoolId, schoolName } = await placeAdmin(q, place, fields);
    const personId = randomUUID();
    const accountId = randomUUID();
    const staffMemberId = randomUUID();
    await insertPerson(q, ownerId, personId, { givenName: admin.givenName, familyName: admin.familyName, email: admin.email || null, locale: admin.locale });
    await insertAccount(q, ownerId, accountId, personId, username, passwordHash);
    await insertStaffMember(q, ownerId, staffMemberId, personId, schoolId);
    await insertStaffRole(q, ownerId, randomUUID(), staffMemberId, 'schoolAdmin');
    return { ownerId, schoolId, schoolName, personId, accountId };
  });
  // the first start's admin made themself; an operator's command has no person behind it in Elevlos
  await writeAudit(database, [{
    ownerId: created.ownerId, actorPersonId: opts.onlyIfFirst ? created.personId : null, action: 'account.createAdmin',
    resourceType: 'account', resourceId: created.accountId, studentId: null, decision: 'allow',
    reason: { code: 'schoolAdmin', params: { school: created.schoolName, note: opts.how } },
  }]);
  return created;
}

export type { SchoolRow };
