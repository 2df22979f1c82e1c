/**
 * Every statement of the OpenID Connect logins (Feide and ID-porten), one function each, taking a
 * QueryFn so it runs in a transaction too.
 */
import type { QueryFn } from '../db/client.js';

export interface AccountRow {
  id: string;
  owner_id: string;
  person_id: string;
  disabled: boolean;
}

/**
 * The account the import linked to a Feide user id (account.oidc_subject). The import stores Feide ids in
 * lower case, as Feide issues them, but a realm may send capitals: the exact id first, then in lower case
 * (both through the unique index).
 */
export async function accountByOidcSubject(q: QueryFn, subject: string): Promise<AccountRow | undefined> {
  const [row] = await q<AccountRow>(
    `select id, owner_id, person_id, disabled from account where oidc_subject = any(array[$1, lower($1)])
      order by oidc_subject = $1 desc limit 1`,
    [subject],
  );
  return row;
}

/** What a person is to the school: staff (and where), a student who has not left. */
export interface PersonStanding {
  staff_school_name: string | null;
  student_id: string | null;
}

export async function personStanding(q: QueryFn, ownerId: string, personId: string): Promise<PersonStanding> {
  const [row] = await q<PersonStanding>(
    `select (select sc.name from staff_member sm join school sc on sc.owner_id = sm.owner_id and sc.id = sm.school_id
              where sm.owner_id = $1 and sm.person_id = $2 order by sc.name limit 1) as staff_school_name,
            (select s.id from student s where s.owner_id = $1 and s.person_id = $2 and s.status <> 'left' order by s.id limit 1) as student_id`,
    [ownerId, personId],
  );
  return row ?? { staff_school_name: null, student_id: null };
}

export interface SchoolGroupRow {
  id: string;
  name: string;
  kind: 'basis' | 'teaching';
  role: 'teacher' | 'student';
}

/**
 * The person's groups in the school's data: contact-teacher and subject-teacher assignments in the
 * school year that has begun most recently (assignments carry no dates; summer keeps last year's), and
 * the enrolments of their student records that are current on `today`.
 */
export async function schoolGroupsOfPerson(q: QueryFn, ownerId: string, personId: string, today: string): Promise<SchoolGroupRow[]> {
  return q<SchoolGroupRow>(
    `with year as (select id from school_year where owner_id = $1 and starts_on <= $3::date order by starts_on desc limit 1)
     select bg.id, bg.name, 'basis' as kind, 'teacher' as role
       from contact_teacher_assignment c
       join staff_member sm on sm.owner_id = c.owner_id and sm.id = c.staff_member_id
       join basis_group bg on bg.owner_id = c.owner_id and bg.id = c.basis_group_id
      where c.owner_id = $1 and sm.person_id = $2 and bg.school_year_id in (select id from year)
     union all
     select tg.id, tg.name, 'teaching', 'teacher'
       from subject_teacher_assignment a
       join staff_member sm on sm.owner_id = a.owner_id and sm.id = a.staff_member_id
       join teaching_group tg on tg.owner_id = a.owner_id and tg.id = a.teaching_group_id
      where a.owner_id = $1 and sm.person_id = $2 and tg.school_year_id in (select id from year)
     union all
     select coalesce(bg.id, tg.id), coalesce(bg.name, tg.name), case when bg.id is null then 'teaching' else 'basis' end, 'student'
       from student s
       join enrolment e on e.owner_id = s.owner_id and e.student_id = s.id
       left join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
       left join teaching_group tg on tg.owner_id = e.owner_id and tg.id = e.teaching_group_id
      where s.owner_id = $1 and s.person_id = $2 and s.status <> 'left'
        and e.starts_on <= $3::date and (e.ends_on is null or e.ends_on > $3::date)`,
    [ownerId, personId, today],
  );
}

export interface GroupsDifferRow {
  at: Date;
  reason_params: Record<string, unknown>;
}

/** The latest recorded disagreement between Feide's groups and the school's data since this session began. */
export async function groupsDifferSinceSessionStart(q: QueryFn, ownerId: string, personId: string, sessionId: string, action: string): Promise<GroupsDifferRow | undefined> {
  const [row] = await q<GroupsDifferRow>(
    `select a.at, a.reason_params from audit_log a
      where a.owner_id = $1 and a.actor_person_id = $2 and a.action = $4
        and a.at >= (select s.created_at from session s where s.owner_id = $1 and s.id = $3)
      order by a.at desc, a.id desc limit 1`,
    [ownerId, personId, sessionId, action],
  );
  return row;
}

/** A person with this national identity number, under any school owner, and what they are to its students. */
export interface GuardianCandidate {
  owner_id: string;
  person_id: string;
  account_id: string | null;
  account_disabled: boolean | null;
  is_guardian: boolean;
  /** guardian of a student who has not left and whose enrolment has not ended (one starting later counts) */
  guardian_of_current_student: boolean;
}

/**
 * People are per school owner, so one national identity number can be a person under several owners.
 * One lookup per owner (lateral) uses the (owner, number) unique index instead of scanning every person.
 */
export async function guardianCandidates(q: QueryFn, nationalIdentityNumber: string, today: string): Promise<GuardianCandidate[]> {
  return q<GuardianCandidate>(
    `select p.owner_id, p.id as person_id, a.id as account_id, a.disabled as account_disabled,
            exists (select 1 from guardianship g where g.owner_id = p.owner_id and g.guardian_person_id = p.id) as is_guardian,
            exists (select 1 from guardianship g join student s on s.owner_id = g.owner_id and s.id = g.student_id
                     where g.owner_id = p.owner_id and g.guardian_person_id = p.id and s.status <> 'left'
                       and exists (select 1 from enrolment e where e.owner_id = s.owner_id and e.student_id = s.id
                                     and (e.ends_on is null or e.ends_on > $2::date))) as guardian_of_current_student
       from school_owner o
       cross join lateral (select owner_id, id from person where owner_id = o.id and national_identity_number = $1) p
       left join lateral (select id, disabled from account where owner_id = p.owner_id and person_id = p.id
                           order by disabled, id limit 1) a on true
      order by p.owner_id`,
    [nationalIdentityNumber, today],
  );
}

/** Serialises two first logins of the same guardian, so only one account is made. */
export async function lockPerson(q: QueryFn, ownerId: string, personId: string): Promise<void> {
  await q('select id from person where owner_id = $1 and id = $2 for update', [ownerId, personId]);
}

export async function accountOfPerson(q: QueryFn, ownerId: string, personId: string): Promise<{ id: string; disabled: boolean } | undefined> {
  const [row] = await q<{ id: string; disabled: boolean }>(
    'select id, disabled from account where owner_id = $1 and person_id = $2 order by disabled, id limit 1', [ownerId, personId]);
  return row;
}

/** An account without a password: the person logs in through ID-porten only. */
export async function insertExternalAccount(q: QueryFn, ownerId: string, accountId: string, personId: string, username: string): Promise<void> {
  await q(
    `insert into account (owner_id, id, person_id, username, password_hash, oidc_subject, disabled)
     values ($1, $2, $3, $4, null, null, false)`,
    [ownerId, accountId, personId, username],
  );
}

/** The guardianship the new account's audit entry names as its reason: parental responsibility first. */
export async function strongestGuardianship(q: QueryFn, ownerId: string, personId: string): Promise<{ parental_responsibility: boolean } | undefined> {
  const [row] = await q<{ parental_responsibility: boolean }>(
    `select parental_responsibility from guardianship where owner_id = $1 and guardian_person_id = $2
      order by parental_responsibility desc limit 1`,
    [ownerId, personId],
  );
  return row;
}
