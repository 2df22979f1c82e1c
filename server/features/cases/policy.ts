/**
 * Cases (sak) are among the most sensitive records in Elevlos. Any staff member who works with the
 * student may raise one (R-54: teachers discuss students with the counsellor and the leaders); who reads it
 * afterwards is decided per case by its visibility tier, on the relationship the reader has to the student
 * today. The one who raised it and its participants always read it while they still work with the
 * student. Students and guardians see no cases, and whoever may not read a case is not told it exists
 * (404), so a denial never reveals that a student has a case.
 */
import { allow, deny, pick, relationshipsTo, type ActionsOf, type Policy } from '../../core/policy/can.js';
import type { ExamplesOf } from '../../core/policy/rulesDocument.js';
import type { Actor, Decision, RelationshipKind, StudentFacts } from '../../core/policy/types.js';
import type { CaseVisibility } from './tables.js';

export interface CaseFacts {
  caseId: string;
  student: StudentFacts;
  raisedByPersonId: string;
  visibility: CaseVisibility;
  /** the persons of the staff members taking part (external participants are names, not accounts) */
  participantPersonIds: string[];
}

/** The staff who may raise a case about a student: everyone who works with them. */
export const CASE_STAFF: RelationshipKind[] = ['contactTeacher', 'departmentHead', 'counsellor', 'principal', 'subjectTeacher'];
/** The counsellor and the leaders: the case's discussion partners and the resource team's fixed members. */
export const CASE_LEADERS: RelationshipKind[] = ['counsellor', 'departmentHead', 'principal'];

const TIER_READERS: Record<CaseVisibility, RelationshipKind[]> = {
  staff: CASE_STAFF,
  counsellorAndLeaders: CASE_LEADERS,
  participants: [],
};

function readDecision(actor: Actor, action: string, c: CaseFacts, today: string): Decision {
  const rels = relationshipsTo(actor, c.student, today);
  const staff = pick(rels, CASE_STAFF);
  // students, guardians and staff who do not work with the student are not told a case exists
  if (!staff) return deny(rels.length ? 'roleNotAllowed' : 'noRelationship', rels.length ? { what: action } : {}, true);
  if (actor.personId === c.raisedByPersonId || c.participantPersonIds.includes(actor.personId)) return allow(staff);
  const byTier = pick(rels, TIER_READERS[c.visibility]);
  return byTier ? allow(byTier) : deny('visibilityTier', {}, true);
}

/** Setting the outcome and the tier, adding participants: the counsellor, the leaders and the one who raised it. */
function manageDecision(actor: Actor, action: string, c: CaseFacts, today: string): Decision {
  const read = readDecision(actor, action, c, today);
  if (!read.allow) return read;
  const leader = pick(relationshipsTo(actor, c.student, today), CASE_LEADERS);
  if (leader) return allow(leader);
  if (actor.personId === c.raisedByPersonId) return read;
  return deny('roleNotAllowed', { what: action });
}

export const casesPolicy = {
  student: {
    // the list: each case on it is decided again by its tier
    'cases.list': CASE_STAFF,
    'cases.create': CASE_STAFF,
  },
  school: {
    // the resource team's list of registered cases; each case on it is decided per student
    'cases.resourceTeam': ['principal', 'departmentHead', 'counsellor'],
  },
  case: {
    'case.read': (actor, action, r, today) => readDecision(actor, action, r.case, today),
    // a new chronology entry, a correction, registering for the resource team: whoever reads the case
    'case.contribute': (actor, action, r, today) => readDecision(actor, action, r.case, today),
    'case.manage': (actor, action, r, today) => manageDecision(actor, action, r.case, today),
  },
} satisfies Policy;

export const caseExamples: ExamplesOf = (w, student) => [
  {
    label: 'a case for the counsellor and the leaders, raised by the contact teacher',
    resource: { type: 'case', case: { caseId: 'example', student, raisedByPersonId: w.people.contactTeacher, visibility: 'counsellorAndLeaders', participantPersonIds: [] } },
  },
  {
    label: 'a case for its participants only, with the subject teacher taking part',
    resource: { type: 'case', case: { caseId: 'example', student, raisedByPersonId: w.people.contactTeacher, visibility: 'participants', participantPersonIds: [w.people.subjectTeacher] } },
  },
  {
    label: 'a case for every staff member who works with the student',
    resource: { type: 'case', case: { caseId: 'example', student, raisedByPersonId: w.people.contactTeacher, visibility: 'staff', participantPersonIds: [] } },
  },
];

declare module '../../core/policy/types.js' {
  interface Resources {
    case: { type: 'case'; case: CaseFacts };
  }
  interface Actions extends ActionsOf<typeof casesPolicy> {}
}
