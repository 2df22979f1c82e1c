/**
 * School-environment cases (R-70; L-33, L-34). Any staff member who may see the student reports a concern;
 * the principal handles the case with the staff they assign to it. The reporter reads the receipt of their
 * own report, not the whole case. The student and guardians with insight read the activity plan. A subject
 * teacher who is not part of the case sees nothing of it, and the staff member a § 12-5 report is about is
 * told nothing at all (404, as if the case did not exist) — whatever other role they hold. When the
 * leadership is involved (§ 12-5), the report is the school owner's: the principal does not read it.
 */
import { GUARDIAN_INSIGHT, STAFF_KINDS, allow, decideForStudent, deny, pick, relationshipsTo, type ActionsOf, type Policy } from '../../core/policy/can.js';
import type { ExamplesOf } from '../../core/policy/rulesDocument.js';
import type { Actor, Decision, StudentFacts } from '../../core/policy/types.js';

export interface SchoolEnvironmentCaseFacts {
  caseId: string;
  student: StudentFacts;
  reportedByPersonId: string;
  /** L-34: the person of the staff member the report is about */
  concernsPersonId: string | null;
  leadershipInvolved: boolean;
  participantPersonIds: string[];
}

const FAMILY = ['self', ...GUARDIAN_INSIGHT] as const;

/** The principal (unless the report is the owner's) or a staff member the principal assigned. */
function handler(actor: Actor, c: SchoolEnvironmentCaseFacts, today: string): Decision | null {
  const rels = relationshipsTo(actor, c.student, today);
  const principal = c.leadershipInvolved ? undefined : pick(rels, ['principal']);
  if (principal) return allow(principal);
  if (c.participantPersonIds.includes(actor.personId)) return allow({ kind: 'staffMember', params: { school: c.student.schoolName } });
  return null;
}

function decide(actor: Actor, action: string, c: SchoolEnvironmentCaseFacts, today: string): Decision {
  // L-34: the staff member the report is about learns nothing, not even that it exists
  if (c.concernsPersonId && actor.personId === c.concernsPersonId) return deny('noRelationship', {}, true);
  const base = decideForStudent(actor, 'student.read', c.student, today);
  if (!base.allow) return base;
  const rels = relationshipsTo(actor, c.student, today);
  const handling = handler(actor, c, today);
  switch (action) {
    case 'schoolEnvironmentCase.read': {
      if (handling) return handling;
      if (actor.personId === c.reportedByPersonId) return allow({ kind: 'author', params: {} });
      const family = pick(rels, FAMILY);
      return family ? allow(family) : deny('roleNotAllowed', { what: action });
    }
    case 'schoolEnvironmentCase.investigate':
      return handling ?? deny('roleNotAllowed', { what: action });
    case 'schoolEnvironmentCase.manage': {
      const principal = c.leadershipInvolved ? undefined : pick(rels, ['principal']);
      return principal ? allow(principal) : deny('roleNotAllowed', { what: action });
    }
    default:
      return deny('roleNotAllowed', { what: action });
  }
}

const onCase = (actor: Actor, action: string, r: { schoolEnvironmentCase: SchoolEnvironmentCaseFacts }, today: string) =>
  decide(actor, action, r.schoolEnvironmentCase, today);

export const schoolEnvironmentPolicy = {
  student: {
    // § 12-4: every staff member who may see the student reports what they see
    'schoolEnvironmentCase.report': STAFF_KINDS,
    // the list is decided again per case: a teacher not part of a case sees an empty list
    'schoolEnvironmentCase.list': [...STAFF_KINDS, ...FAMILY],
  },
  schoolEnvironmentCase: {
    'schoolEnvironmentCase.read': onCase,
    'schoolEnvironmentCase.investigate': onCase,
    'schoolEnvironmentCase.manage': onCase,
  },
  school: {
    // the cases the caller may read (the principal's all but the owner's; a participant's own), decided per case
    'schoolEnvironment.readSchool': ['principal', 'departmentHead', 'counsellor', 'schoolAdmin', 'teacher'],
    // the school's staff, to name the one a § 12-5 report is about or to assign to a case
    'schoolEnvironment.readStaff': ['principal', 'departmentHead', 'counsellor', 'schoolAdmin', 'teacher'],
  },
} satisfies Policy;

export const schoolEnvironmentCaseExamples: ExamplesOf = (w, student) => [
  {
    label: 'a concern the subject teacher reported, the counsellor assigned',
    resource: { type: 'schoolEnvironmentCase', schoolEnvironmentCase: {
      caseId: 'case', student, reportedByPersonId: w.people.subjectTeacher, concernsPersonId: null, leadershipInvolved: false,
      participantPersonIds: [w.people.counsellor],
    } },
  },
  {
    label: 'a § 12-5 report about the contact teacher',
    resource: { type: 'schoolEnvironmentCase', schoolEnvironmentCase: {
      caseId: 'case', student, reportedByPersonId: w.people.subjectTeacher, concernsPersonId: w.people.contactTeacher, leadershipInvolved: false,
      participantPersonIds: [],
    } },
  },
];

declare module '../../core/policy/types.js' {
  interface Resources {
    schoolEnvironmentCase: { type: 'schoolEnvironmentCase'; schoolEnvironmentCase: SchoolEnvironmentCaseFacts };
  }
  interface Actions extends ActionsOf<typeof schoolEnvironmentPolicy> {}
}
