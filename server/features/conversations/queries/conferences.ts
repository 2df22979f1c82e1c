/** Every statement of the guardian conference (R-15, R-16, L-02): offers, told of the right, declined. */
import { randomUUID } from 'node:crypto';
import type { Database, QueryFn } from '../../../core/db/client.js';
import { loadGroupStudents } from '../../../core/policy/facts.js';
import type { StudentFacts } from '../../../core/policy/types.js';

export interface ClassConferenceRow {
  given_name: string; family_name: string;
  /** the student's guardian conversations this school year, not cancelled; null when none */
  guardian_conversations: { held: boolean }[] | null;
}

/**
 * The class's students today, each with their facts and their guardian conversations this school year
 * (one statement: the core's student facts with these columns). Takes the database, not a query
 * function: the core's loader is written for it.
 */
export async function classConferenceStudents(
  database: Database, ownerId: string, basisGroupId: string, today: string, schoolYearId: string,
): Promise<{ facts: StudentFacts; row: ClassConferenceRow }[]> {
  const students = await loadGroupStudents(database, ownerId, { kind: 'basis', id: basisGroupId }, today, {
    columns: `, p.given_name, p.family_name,
        (select json_agg(json_build_object('held', c.held_at is not null)) from conversation c where c.owner_id = s.owner_id and c.student_id = s.id
           and c.school_year_id = $4 and c.kind = 'guardian' and c.cancelled_at is null) as guardian_conversations`,
    params: [schoolYearId],
  });
  return students.map(({ facts, row }) => ({ facts, row: row as unknown as ClassConferenceRow }));
}

export interface OfferRow { student_id: string; guardian_person_id: string; offered_at: Date; told_of_right: boolean; declined_at: Date | null }

/** Every offer of the school year to these students' guardians. */
export async function conferenceOffersOf(q: QueryFn, ownerId: string, schoolYearId: string, studentIds: string[]): Promise<OfferRow[]> {
  return q<OfferRow>(
    'select student_id, guardian_person_id, offered_at, told_of_right, declined_at from guardian_conference_offer where owner_id = $1 and school_year_id = $2 and student_id = any($3::uuid[])',
    [ownerId, schoolYearId, studentIds],
  );
}

/** One guardian's own offer for the student this school year, if made. */
export async function conferenceOfferTo(q: QueryFn, ownerId: string, studentId: string, schoolYearId: string, guardianPersonId: string): Promise<OfferRow | undefined> {
  const [row] = await q<OfferRow>(
    `select student_id, guardian_person_id, offered_at, told_of_right, declined_at from guardian_conference_offer
         where owner_id = $1 and student_id = $2 and school_year_id = $3 and guardian_person_id = $4`,
    [ownerId, studentId, schoolYearId, guardianPersonId]);
  return row;
}

/** These persons' full names. */
export async function personNames(q: QueryFn, ownerId: string, personIds: string[]): Promise<{ id: string; name: string }[]> {
  return q<{ id: string; name: string }>(
    `select id, given_name || ' ' || family_name as name from person where owner_id = $1 and id = any($2::uuid[])`,
    [ownerId, personIds],
  );
}

export interface ConferenceOffer {
  ownerId: string; studentId: string; schoolYearId: string; offeredByPersonId: string; toldOfRight: boolean; guardianPersonIds: string[];
}

/** Offers the conference to each guardian once a year (an offer again only adds that they were told of the right); returns how many offers there are. */
export async function offerGuardianConference(q: QueryFn, o: ConferenceOffer): Promise<number> {
  const rows = await q(
    `insert into guardian_conference_offer (owner_id, id, student_id, school_year_id, guardian_person_id, offered_by_person_id, told_of_right)
       select $1, gen_random_uuid(), $2, $3, g, $4, $5 from unnest($6::uuid[]) as g
       on conflict (owner_id, student_id, school_year_id, guardian_person_id) do update set told_of_right = guardian_conference_offer.told_of_right or excluded.told_of_right
       returning id`,
    [o.ownerId, o.studentId, o.schoolYearId, o.offeredByPersonId, o.toldOfRight, o.guardianPersonIds],
  );
  return rows.length;
}

export interface ConferenceDecline { ownerId: string; studentId: string; schoolYearId: string; guardianPersonId: string; recordedByPersonId: string }

/** Records that a guardian declined (the first time only), offered or not. */
export async function declineGuardianConference(q: QueryFn, d: ConferenceDecline): Promise<void> {
  await q(
    `insert into guardian_conference_offer (owner_id, id, student_id, school_year_id, guardian_person_id, offered_by_person_id, told_of_right, declined_at)
       values ($1, $2, $3, $4, $5, $6, false, now())
       on conflict (owner_id, student_id, school_year_id, guardian_person_id) do update set declined_at = coalesce(guardian_conference_offer.declined_at, now())`,
    [d.ownerId, randomUUID(), d.studentId, d.schoolYearId, d.guardianPersonId, d.recordedByPersonId],
  );
}
