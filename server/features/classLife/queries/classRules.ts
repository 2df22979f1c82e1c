/** Class rules (R-40): the students' proposals and comments, the contact teacher's draft, the published versions. */
import type { QueryFn } from '../../../core/db/client.js';
import type { classRuleComment, classRuleProposal, classRulesDraft, classRulesVersion } from '../tables.js';

type Draft = typeof classRulesDraft.$inferSelect;
type Version = typeof classRulesVersion.$inferSelect;
type Proposal = typeof classRuleProposal.$inferSelect;
type Comment = typeof classRuleComment.$inferSelect;

export type DraftRow = { text: Draft['text']; updated_at: Draft['updatedAt'] };

/** The contact teacher's draft, if one was saved. */
export async function classRulesDraftOf(q: QueryFn, ownerId: string, basisGroupId: string): Promise<DraftRow[]> {
  return q<DraftRow>('select text, updated_at from class_rules_draft where owner_id = $1 and basis_group_id = $2', [ownerId, basisGroupId]);
}

export async function saveClassRulesDraft(q: QueryFn, ownerId: string, basisGroupId: string, text: string, personId: string): Promise<void> {
  await q(`insert into class_rules_draft (owner_id, basis_group_id, text, updated_by_person_id) values ($1, $2, $3, $4)
      on conflict (owner_id, basis_group_id) do update set text = excluded.text, updated_by_person_id = excluded.updated_by_person_id, updated_at = now()`,
  [ownerId, basisGroupId, text, personId]);
}

/** The draft's text, locked until the transaction ends so two publications do not race. */
export async function classRulesDraftForUpdate(tx: QueryFn, ownerId: string, basisGroupId: string): Promise<{ text: string } | undefined> {
  const [draft] = await tx<{ text: string }>('select text from class_rules_draft where owner_id = $1 and basis_group_id = $2 for update', [ownerId, basisGroupId]);
  return draft;
}

export type VersionRow = { version: Version['version']; text: Version['text']; published_on: string };

/** The published versions, the current first. */
export async function classRulesVersions(q: QueryFn, ownerId: string, basisGroupId: string): Promise<VersionRow[]> {
  return q<VersionRow>('select version, text, published_on::text from class_rules_version where owner_id = $1 and basis_group_id = $2 order by version desc', [ownerId, basisGroupId]);
}

/** Publishes `text` as the next version; returns its number. */
export async function publishClassRulesVersion(tx: QueryFn, ownerId: string, basisGroupId: string, text: string, on: string, personId: string): Promise<number> {
  const [row] = await tx<{ version: number }>(
    `insert into class_rules_version (owner_id, basis_group_id, version, text, published_on, published_by_person_id)
         select $1, $2, coalesce(max(version), 0) + 1, $3, $4, $5 from class_rules_version where owner_id = $1 and basis_group_id = $2 returning version`,
    [ownerId, basisGroupId, text, on, personId]);
  return Number(row!.version);
}

export interface ProposalRow {
  id: Proposal['id']; text: Proposal['text']; student_id: Proposal['studentId'];
  /** the proposing student's name */
  author: string; created_at: Proposal['createdAt'];
}

/** The students' proposals, oldest first. */
export async function classRuleProposals(q: QueryFn, ownerId: string, basisGroupId: string): Promise<ProposalRow[]> {
  return q<ProposalRow>(
    `select pr.id, pr.text, pr.student_id, p.given_name || ' ' || p.family_name as author, pr.created_at from class_rule_proposal pr
         join student s on s.owner_id = pr.owner_id and s.id = pr.student_id join person p on p.owner_id = s.owner_id and p.id = s.person_id
         where pr.owner_id = $1 and pr.basis_group_id = $2 order by pr.created_at`, [ownerId, basisGroupId]);
}

export async function insertClassRuleProposal(q: QueryFn, ownerId: string, id: string, basisGroupId: string, studentId: string | null, text: string): Promise<void> {
  await q('insert into class_rule_proposal (owner_id, id, basis_group_id, student_id, text) values ($1, $2, $3, $4, $5)',
    [ownerId, id, basisGroupId, studentId, text]);
}

export async function isClassRuleProposal(q: QueryFn, ownerId: string, basisGroupId: string, proposalId: string): Promise<boolean> {
  const rows = await q('select 1 from class_rule_proposal where owner_id = $1 and basis_group_id = $2 and id = $3', [ownerId, basisGroupId, proposalId]);
  return rows.length > 0;
}

export interface CommentRow {
  id: Comment['id']; proposal_id: Comment['proposalId']; text: Comment['text']; author_person_id: Comment['authorPersonId'];
  /** the commenter's name */
  author: string; created_at: Comment['createdAt'];
}

/** The comments on every proposal of the class, oldest first. */
export async function classRuleComments(q: QueryFn, ownerId: string, basisGroupId: string): Promise<CommentRow[]> {
  return q<CommentRow>(
    `select c.id, c.proposal_id, c.text, c.author_person_id, p.given_name || ' ' || p.family_name as author, c.created_at from class_rule_comment c
         join class_rule_proposal pr on pr.owner_id = c.owner_id and pr.id = c.proposal_id join person p on p.owner_id = c.owner_id and p.id = c.author_person_id
         where c.owner_id = $1 and pr.basis_group_id = $2 order by c.created_at`, [ownerId, basisGroupId]);
}

export async function insertClassRuleComment(q: QueryFn, ownerId: string, id: string, proposalId: string, personId: string, text: string): Promise<void> {
  await q('insert into class_rule_comment (owner_id, id, proposal_id, author_person_id, text) values ($1, $2, $3, $4, $5)',
    [ownerId, id, proposalId, personId, text]);
}
