/**
 * The election of student representatives. That a student voted and what they voted are written
 * apart (student_representative_voter, student_representative_ballot), and no statement here joins them.
 */
import { randomUUID } from 'node:crypto';
import type { QueryFn } from '../../../core/db/client.js';
import type { ElectionStatus, studentRepresentativeCandidate, studentRepresentativeElection } from '../tables.js';

type Election = typeof studentRepresentativeElection.$inferSelect;
type Candidate = typeof studentRepresentativeCandidate.$inferSelect;

/* ── the elections ── */

export type ElectionStateRow = { status: ElectionStatus; seats: Election['seats'] };

/** One election of the class: its status and seats. */
export async function electionOfClass(q: QueryFn, ownerId: string, basisGroupId: string, electionId: string): Promise<ElectionStateRow | undefined> {
  const [e] = await q<ElectionStateRow>('select status, seats from student_representative_election where owner_id = $1 and basis_group_id = $2 and id = $3',
    [ownerId, basisGroupId, electionId]);
  return e;
}

/** The election's status, share-locked: closing waits for votes in progress, and no vote lands after the count. */
export async function electionStatusForVote(tx: QueryFn, ownerId: string, basisGroupId: string, electionId: string): Promise<{ status: ElectionStatus } | undefined> {
  const [e] = await tx<{ status: ElectionStatus }>('select status from student_representative_election where owner_id = $1 and basis_group_id = $2 and id = $3 for share',
    [ownerId, basisGroupId, electionId]);
  return e;
}

/** The election locked for the count. */
export async function electionForClosing(tx: QueryFn, ownerId: string, basisGroupId: string, electionId: string): Promise<ElectionStateRow | undefined> {
  const [e] = await tx<ElectionStateRow>('select status, seats from student_representative_election where owner_id = $1 and basis_group_id = $2 and id = $3 for update',
    [ownerId, basisGroupId, electionId]);
  return e;
}

export interface ElectionRow {
  id: Election['id']; seats: Election['seats']; term_starts_on: string; term_ends_on: string; status: ElectionStatus; closed_on: string | null;
}

/** The class's elections, newest first. */
export async function electionsOfClass(q: QueryFn, ownerId: string, basisGroupId: string): Promise<ElectionRow[]> {
  return q<ElectionRow>(
    `select id, seats, term_starts_on::text, term_ends_on::text, status, closed_on::text from student_representative_election
         where owner_id = $1 and basis_group_id = $2 order by created_at desc`, [ownerId, basisGroupId]);
}

export interface NewElection { seats: number; termStartsOn: string; termEndsOn: string }

export async function insertElection(q: QueryFn, ownerId: string, id: string, basisGroupId: string, e: NewElection, personId: string): Promise<void> {
  await q(`insert into student_representative_election (owner_id, id, basis_group_id, seats, term_starts_on, term_ends_on, created_by_person_id) values ($1, $2, $3, $4, $5, $6, $7)`,
    [ownerId, id, basisGroupId, e.seats, e.termStartsOn, e.termEndsOn, personId]);
}

/** From draft to open; an election no longer in draft is left as it is. */
export async function openElection(q: QueryFn, ownerId: string, electionId: string): Promise<void> {
  await q(`update student_representative_election set status = 'open' where owner_id = $1 and id = $2 and status = 'draft'`, [ownerId, electionId]);
}

export async function closeElection(tx: QueryFn, ownerId: string, electionId: string, on: string): Promise<void> {
  await tx(`update student_representative_election set status = 'closed', closed_on = $3 where owner_id = $1 and id = $2`, [ownerId, electionId, on]);
}

/* ── candidates ── */

export interface CandidateRow {
  election_id: Candidate['electionId']; student_id: Candidate['studentId']; given_name: string; family_name: string;
  accepted_at: Candidate['acceptedAt']; declined_at: Candidate['declinedAt'];
  votes: Candidate['votes']; elected: Candidate['elected']; drawn_by_lot: Candidate['drawnByLot'];
}

/** The candidates of every election of the class, with the result where it was counted. */
export async function candidatesOfClass(q: QueryFn, ownerId: string, basisGroupId: string): Promise<CandidateRow[]> {
  return q<CandidateRow>(
    `select c.election_id, c.student_id, p.given_name, p.family_name, c.accepted_at, c.declined_at, c.votes, c.elected, c.drawn_by_lot
         from student_representative_candidate c join student_representative_election e on e.owner_id = c.owner_id and e.id = c.election_id
         join student s on s.owner_id = c.owner_id and s.id = c.student_id join person p on p.owner_id = s.owner_id and p.id = s.person_id
         where c.owner_id = $1 and e.basis_group_id = $2`, [ownerId, basisGroupId]);
}

/** False when the student was already a candidate. */
export async function nominateCandidate(q: QueryFn, ownerId: string, electionId: string, studentId: string): Promise<boolean> {
  const rows = await q(`insert into student_representative_candidate (owner_id, election_id, student_id) values ($1, $2, $3) on conflict do nothing returning student_id`,
    [ownerId, electionId, studentId]);
  return rows.length > 0;
}

/** The student's answer: accepting (with or without a nomination) or declining, at this moment. */
export async function saveCandidacy(q: QueryFn, ownerId: string, electionId: string, studentId: string | null, accept: boolean): Promise<void> {
  await q(`insert into student_representative_candidate (owner_id, election_id, student_id, accepted_at, declined_at) values ($1, $2, $3, $4, $5)
      on conflict (owner_id, election_id, student_id) do update set accepted_at = excluded.accepted_at, declined_at = excluded.declined_at`,
  [ownerId, electionId, studentId, accept ? new Date() : null, accept ? null : new Date()]);
}

export async function acceptedCandidateCount(q: QueryFn, ownerId: string, electionId: string): Promise<number> {
  const [n] = await q<{ n: string }>('select count(*) as n from student_representative_candidate where owner_id = $1 and election_id = $2 and accepted_at is not null', [ownerId, electionId]);
  return Number(n!.n);
}

export async function isAcceptedCandidate(tx: QueryFn, ownerId: string, electionId: string, studentId: string): Promise<boolean> {
  const rows = await tx('select 1 from student_representative_candidate where owner_id = $1 and election_id = $2 and student_id = $3 and accepted_at is not null',
    [ownerId, electionId, studentId]);
  return rows.length > 0;
}

/** Each accepted candidate with their number of ballots. */
export async function tallyOfElection(tx: QueryFn, ownerId: string, electionId: string): Promise<{ student_id: string; votes: string }[]> {
  return tx<{ student_id: string; votes: string }>(
    `select c.student_id, (select count(*) from student_representative_ballot b where b.owner_id = c.owner_id and b.election_id = c.election_id and b.candidate_student_id = c.student_id) as votes
         from student_representative_candidate c where c.owner_id = $1 and c.election_id = $2 and c.accepted_at is not null`, [ownerId, electionId]);
}

export interface CandidateResult { studentId: string; votes: number; elected: number | null; drawnByLot: boolean }

export async function saveCandidateResult(tx: QueryFn, ownerId: string, electionId: string, res: CandidateResult): Promise<void> {
  await tx('update student_representative_candidate set votes = $4, elected = $5, drawn_by_lot = $6 where owner_id = $1 and election_id = $2 and student_id = $3',
    [ownerId, electionId, res.studentId, res.votes, res.elected, res.drawnByLot]);
}

/* ── votes ── */

export interface TurnoutRow { election_id: string; voted: string; me: boolean }

/** Per election of the class, how many voted and whether `studentId` did: the list of voters never leaves the database. */
export async function turnoutOfClass(q: QueryFn, ownerId: string, basisGroupId: string, studentId: string): Promise<TurnoutRow[]> {
  return q<TurnoutRow>(
    `select v.election_id, count(*) as voted, bool_or(v.student_id = $3) as me from student_representative_voter v
         join student_representative_election e on e.owner_id = v.owner_id and e.id = v.election_id
         where v.owner_id = $1 and e.basis_group_id = $2 group by v.election_id`, [ownerId, basisGroupId, studentId]);
}

/** Records that the student voted; false when they already had (the primary key holds also against two requests at once). */
export async function recordVoter(tx: QueryFn, ownerId: string, electionId: string, studentId: string | null): Promise<boolean> {
  const first = await tx('insert into student_representative_voter (owner_id, election_id, student_id) values ($1, $2, $3) on conflict do nothing returning student_id',
    [ownerId, electionId, studentId]);
  return first.length > 0;
}

/** The secret ballot: a random id and the candidate, nothing about who or when. */
export async function insertBallot(tx: QueryFn, ownerId: string, electionId: string, candidateStudentId: string): Promise<void> {
  await tx('insert into student_representative_ballot (owner_id, id, election_id, candidate_student_id) values ($1, $2, $3, $4)',
    [ownerId, randomUUID(), electionId, candidateStudentId]);
}
