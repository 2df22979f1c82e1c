/** Every statement of the accounts feature: one's own account, password resets, the first start, the admin's accounts. */
import type { QueryFn } from '../../core/db/client.js';
import type { AccountFacts } from './policy.js';

// ---------------------------------------------------------------------------------------------
// an account as the policy sees it

/** The account's person and every school the person is at (staff, student, guardian of a student). */
export async function accountFacts(q: QueryFn, ownerId: string, accountId: string): Promise<AccountFacts | null> {
  const [row] = await q<{ person_id: string; schools: { id: string; name: string }[] }>(
    `select a.person_id,
       coalesce((select json_agg(json_build_object('id', sc.id, 'name', sc.name) order by sc.name)
         from (select school_id from staff_member where owner_id = a.owner_id and person_id = a.person_id
               union select school_id from student where owner_id = a.owner_id and person_id = a.person_id
               union select s.school_id from guardianship g join student s on s.owner_id = g.owner_id and s.id = g.student_id
                     where g.owner_id = a.owner_id and g.guardian_person_id = a.person_id) x
         join school sc on sc.owner_id = a.owner_id and sc.id = x.school_id), '[]'::json) as schools
     from account a where a.owner_id = $1 and a.id = $2`,
    [ownerId, accountId],
  );
  return row ? { ownerId, accountId, personId: row.person_id, schools: row.schools } : null;
}

// ---------------------------------------------------------------------------------------------
// one's own account

export interface OwnAccountRow {
  username: string;
  password_hash: string | null;
  given_name: string;
  family_name: string;
  email: string | null;
}

export async function ownAccount(q: QueryFn, ownerId: string, accountId: string): Promise<OwnAccountRow | null> {
  const [row] = await q<OwnAccountRow>(
    `select a.username, a.password_hash, p.given_name, p.family_name, p.email
     from account a join person p on p.owner_id = a.owner_id and p.id = a.person_id
     where a.owner_id = $1 and a.id = $2`,
    [ownerId, accountId],
  );
  return row ?? null;
}

export async function setPasswordHash(q: QueryFn, ownerId: string, accountId: string, hash: string): Promise<void> {
  await q('update account set password_hash = $3 where owner_id = $1 and id = $2', [ownerId, accountId, hash]);
}

/** The names of the schools the person is at, so a password made of the school's name can be refused. */
export async function schoolNamesOfPerson(q: QueryFn, ownerId: string, accountId: string): Promise<string[]> {
  const facts = await accountFacts(q, ownerId, accountId);
  return facts?.schools.map((s) => s.name) ?? [];
}

// ---------------------------------------------------------------------------------------------
// password reset

export interface ResetTarget { owner_id: string; id: string }

/**
 * The local accounts (with a password, not disabled) a reset request may be about: by username, or by
 * the person's e-mail address (a guardian may have several children but one address). At most five.
 */
export async function localAccountsFor(q: QueryFn, identifier: string): Promise<ResetTarget[]> {
  return q<ResetTarget>(
    `select a.owner_id, a.id from account a
       where a.username = $1 and a.password_hash is not null and not a.disabled
     union
     select a.owner_id, a.id from person p join account a on a.owner_id = p.owner_id and a.person_id = p.id
       where lower(p.email) = $1 and a.password_hash is not null and not a.disabled
     limit 5`,
    [identifier.toLowerCase()],
  );
}

export interface ResetRecipient { username: string; email: string | null; given_name: string }

/** Where a reset link goes, if the account may still get one (it may have been disabled meanwhile). */
export async function resetRecipient(q: QueryFn, ownerId: string, accountId: string): Promise<ResetRecipient | null> {
  const [row] = await q<ResetRecipient>(
    `select a.username, p.email, p.given_name from account a join person p on p.owner_id = a.owner_id and p.id = a.person_id
     where a.owner_id = $1 and a.id = $2 and a.password_hash is not null and not a.disabled`,
    [ownerId, accountId],
  );
  return row ?? null;
}

/** Only the newest link works: the ones sent before it are spent when a new one is made. */
export async function retireOpenResets(q: QueryFn, ownerId: string, accountId: string): Promise<void> {
  await q('update password_reset set used_at = now() where owner_id = $1 and account_id = $2 and used_at is null', [ownerId, accountId]);
}

export async function insertPasswordReset(q: QueryFn, ownerId: string, id: string, accountId: string, tokenHash: string, validMinutes: number): Promise<void> {
  await q(
    `insert into password_reset (owner_id, id, account_id, token_hash, expires_at)
     values ($1, $2, $3, $4, now() + make_interval(mins => $5))`,
    [ownerId, id, accountId, tokenHash, validMinutes],
  );
}

export interface OpenReset {
  owner_id: string;
  account_id: string;
  username: string;
  given_name: string;
  family_name: string;
  email: string | null;
}

/** The unused, unexpired reset a token's hash names, with its account (still local and enabled). */
export async function openResetByHash(q: QueryFn, tokenHash: string): Promise<OpenReset | null> {
  const [row] = await q<OpenReset>(
    `select r.owner_id, r.account_id, a.username, p.given_name, p.family_name, p.email
     from password_reset r
     join account a on a.owner_id = r.owner_id and a.id = r.account_id
     join person p on p.owner_id = a.owner_id and p.id = a.person_id
     where r.token_hash = $1 and r.used_at is null and r.expires_at > now()
       and a.password_hash is not null and not a.disabled`,
    [tokenHash],
  );
  return row ?? null;
}

/** Spends the reset: only one caller gets a row back, however many use the link at the same moment. */
export async function spendReset(q: QueryFn, tokenHash: string): Promise<{ owner_id: string; account_id: string } | null> {
  const [row] = await q<{ owner_id: string; account_id: string }>(
    `update password_reset r set used_at = now()
     from account a
     where r.token_hash = $1 and r.used_at is null and r.expires_at > now()
       and a.owner_id = r.owner_id and a.id = r.account_id and a.password_hash is not null and not a.disabled
     returning r.owner_id, r.account_id`,
    [tokenHash],
  );
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------
// the first start and new admins

export async function anyAccountExists(q: QueryFn): Promise<boolean> {
  const [row] = await q<{ exists: boolean }>('select exists (select 1 from account) as exists');
  return row!.exists;
}

/** Serialises first starts: two setup requests at once cannot both find the database without accounts. */
export async function lockSetup(q: QueryFn): Promise<void> {
  await q('select pg_advisory_xact_lock(7141320131)');
}

export interface SchoolRow { id: string; name: string; owner_id: string; owner_name: string }

export async function allSchools(q: QueryFn): Promise<SchoolRow[]> {
  return q<SchoolRow>(
    `select sc.id, sc.name, sc.owner_id, o.name as owner_name
     from school sc join school_owner o on o.id = sc.owner_id order by o.name, sc.name limit 500`,
  );
}

export async function usernameTaken(q: QueryFn, username: string): Promise<boolean> {
  const [row] = await q<{ exists: boolean }>('select exists (select 1 from account where username = $1) as exists', [username]);
  return row!.exists;
}

export async function insertSchoolOwner(q: QueryFn, id: string, name: string, kind: 'county' | 'municipality'): Promise<void> {
  await q('insert into school_owner (id, name, kind) values ($1, $2, $3)', [id, name, kind]);
}

export async function insertSchool(q: QueryFn, ownerId: string, id: string, name: string, stage: 'upperSecondary' | 'compulsory'): Promise<void> {
  await q('insert into school (owner_id, id, name, stage) values ($1, $2, $3, $4)', [ownerId, id, name, stage]);
}

export async function insertPerson(q: QueryFn, ownerId: string, id: string, p: { givenName: string; familyName: string; email: string | null; locale: string }): Promise<void> {
  await q(
    'insert into person (owner_id, id, given_name, family_name, email, preferred_locale) values ($1, $2, $3, $4, $5, $6)',
    [ownerId, id, p.givenName, p.familyName, p.email, p.locale],
  );
}

export async function insertAccount(q: QueryFn, ownerId: string, id: string, personId: string, username: string, passwordHash: string): Promise<void> {
  await q('insert into account (owner_id, id, person_id, username, password_hash) values ($1, $2, $3, $4, $5)', [ownerId, id, personId, username, passwordHash]);
}

export async function insertStaffMember(q: QueryFn, ownerId: string, id: string, personId: string, schoolId: string): Promise<void> {
  await q('insert into staff_member (owner_id, id, person_id, school_id) values ($1, $2, $3, $4)', [ownerId, id, personId, schoolId]);
}

export async function insertStaffRole(q: QueryFn, ownerId: string, id: string, staffMemberId: string, role: 'schoolAdmin'): Promise<void> {
  await q('insert into staff_role (owner_id, id, staff_member_id, role) values ($1, $2, $3, $4)', [ownerId, id, staffMemberId, role]);
}

// ---------------------------------------------------------------------------------------------
// the school admin's accounts

export interface AccountRow {
  id: string;
  username: string;
  given_name: string;
  family_name: string;
  kinds: ('staff' | 'student' | 'guardian')[];
  disabled: boolean;
  has_password: boolean;
  has_oidc: boolean;
  live_sessions: number;
}

export interface AccountSearch {
  ownerId: string;
  schoolId: string;
  /** already escaped for LIKE; null: everyone */
  pattern: string | null;
  onlyDisabled: boolean;
  limit: number;
  idleMinutes: number;
}

/**
 * The accounts of the people at a school — its staff, its students, their guardians — by name or
 * username, with how many live sessions each has; `total` is the number of matches before the limit.
 */
export async function accountsAtSchool(q: QueryFn, s: AccountSearch): Promise<{ rows: AccountRow[]; total: number }> {
  const rows = await q<AccountRow & { total: number }>(
    `with people as (
       select person_id, 'staff' as kind from staff_member where owner_id = $1 and school_id = $2
       union select person_id, 'student' from student where owner_id = $1 and school_id = $2
       union select g.guardian_person_id, 'guardian' from guardianship g join student st on st.owner_id = g.owner_id and st.id = g.student_id
         where g.owner_id = $1 and st.school_id = $2
     ), kinds as (select person_id, array_agg(kind order by kind) as kinds from people group by person_id)
     select a.id, a.username, p.given_name, p.family_name, k.kinds, a.disabled,
            a.password_hash is not null as has_password, a.oidc_subject is not null as has_oidc,
            (select count(*)::int from session se where se.owner_id = a.owner_id and se.account_id = a.id
               and se.expires_at > now() and se.last_seen_at > now() - make_interval(mins => $6)) as live_sessions,
            count(*) over ()::int as total
     from kinds k
     join account a on a.owner_id = $1 and a.person_id = k.person_id
     join person p on p.owner_id = $1 and p.id = k.person_id
     where ($3::text is null or (p.given_name || ' ' || p.family_name) ilike $3 or a.username ilike $3)
       and (not $4::boolean or a.disabled)
     order by p.family_name, p.given_name, a.username
     limit $5`,
    [s.ownerId, s.schoolId, s.pattern, s.onlyDisabled, s.limit, s.idleMinutes],
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

/** One account as the admin sees it, with its kinds at any school of the owner. */
export async function accountById(q: QueryFn, ownerId: string, accountId: string, idleMinutes: number): Promise<AccountRow | null> {
  const [row] = await q<AccountRow>(
    `select a.id, a.username, p.given_name, p.family_name, a.disabled,
            a.password_hash is not null as has_password, a.oidc_subject is not null as has_oidc,
            array_remove(array[
              case when exists (select 1 from staff_member sm where sm.owner_id = a.owner_id and sm.person_id = a.person_id) then 'staff' end,
              case when exists (select 1 from guardianship g where g.owner_id = a.owner_id and g.guardian_person_id = a.person_id) then 'guardian' end,
              case when exists (select 1 from student st where st.owner_id = a.owner_id and st.person_id = a.person_id) then 'student' end
            ], null) as kinds,
            (select count(*)::int from session se where se.owner_id = a.owner_id and se.account_id = a.id
               and se.expires_at > now() and se.last_seen_at > now() - make_interval(mins => $3)) as live_sessions
     from account a join person p on p.owner_id = a.owner_id and p.id = a.person_id
     where a.owner_id = $1 and a.id = $2`,
    [ownerId, accountId, idleMinutes],
  );
  return row ?? null;
}

/** Sets the account's status; true when it changed (a second "disable" changes nothing). */
export async function setAccountDisabled(q: QueryFn, ownerId: string, accountId: string, disabled: boolean): Promise<boolean> {
  const rows = await q<{ id: string }>(
    'update account set disabled = $3 where owner_id = $1 and id = $2 and disabled <> $3 returning id', [ownerId, accountId, disabled]);
  return rows.length > 0;
}

export interface HistoryRow { at: Date; actor_name: string | null; action: string; note: string | null }

/**
 * What was done to the account, newest first, from the audit log (who, when, and why in their words).
 * Walks the owner's log backwards by id and stops at `limit`; an index on the log's resource would make
 * this independent of the log's size.
 */
export async function accountHistory(q: QueryFn, ownerId: string, accountId: string, limit: number): Promise<HistoryRow[]> {
  return q<HistoryRow>(
    `select a.at, p.given_name || ' ' || p.family_name as actor_name, a.action, a.reason_params ->> 'note' as note
     from audit_log a left join person p on p.owner_id = a.owner_id and p.id = a.actor_person_id
     where a.owner_id = $1 and a.resource_type = 'account' and a.resource_id = $2 and a.decision = 'allow'
     order by a.id desc limit $3`,
    [ownerId, accountId, limit],
  );
}
