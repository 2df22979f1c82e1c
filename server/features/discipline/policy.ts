/**
 * Disciplinary cases (R-23, R-73; L-30…L-32). Staff: the contact teacher, the leaders, and the counsellor —
 * who reads but does not decide, because student services follow up what lies behind the breaches
 * (law § 12-4); a teacher sees the case they reported. Only the principal decides suspension and informs
 * the parents of a physical intervention; a subject teacher removes a student from their own lesson.
 * The student and guardians with insight may open the case: the route shows them only what was addressed to them.
 */
import {
  GUARDIAN_INSIGHT, allow, decideForGroup, decideForStudent, deny, pick, relationshipsTo, type ActionsOf, type Policy,
} from '../../core/policy/can.js';
import type { ExamplesOf } from '../../core/policy/rulesDocument.js';
import type { Actor, Decision, RelationshipKind, StudentFacts } from '../../core/policy/types.js';

/** What the policy needs to know about one disciplinary case. */
export interface DisciplinaryCaseFacts {
  caseId: string;
  reportedByPersonId: string;
  student: StudentFacts;
}

function decideForDisciplinaryCase(actor: Actor, action: string, c: DisciplinaryCaseFacts, today: string): Decision {
  const base = decideForStudent(actor, 'student.read', c.student, today);
  if (!base.allow) return base;
  const rels = relationshipsTo(actor, c.student, today);
  const author = actor.personId === c.reportedByPersonId ? { kind: 'author' as const, params: {} } : undefined;
  const pickOr = (kinds: RelationshipKind[], withAuthor: boolean): Decision => {
    const r = pick(rels, kinds) ?? (withAuthor ? author : undefined);
    return r ? allow(r) : deny('roleNotAllowed', { what: action });
  };
  switch (action) {
    case 'disciplinaryCase.read':
      return pickOr(['contactTeacher', 'departmentHead', 'principal', 'counsellor', 'self', ...GUARDIAN_INSIGHT], true);
    case 'disciplinaryCase.update':
      return pickOr(['contactTeacher', 'departmentHead', 'principal'], true);
    case 'disciplinaryCase.removeFromLesson':
      return pickOr(['subjectTeacher'], false);
    case 'disciplinaryCase.reportIntervention':
      return pickOr(['contactTeacher', 'subjectTeacher', 'departmentHead', 'principal', 'counsellor'], false);
    case 'disciplinaryCase.suspend':
    case 'disciplinaryCase.informParents':
      return pickOr(['principal'], false);
    default:
      return deny('roleNotAllowed', { what: action });
  }
}

const onCase = (actor: Actor, action: string, r: { disciplinaryCase: DisciplinaryCaseFacts }, today: string) =>
  decideForDisciplinaryCase(actor, action, r.disciplinaryCase, today);

export const disciplinePolicy = {
  student: {
    // the list is filtered per case (disciplinaryCase.read); any teacher of the student may report an incident
    'disciplinaryCase.list': ['self', 'contactTeacher', 'departmentHead', 'principal', 'counsellor', 'subjectTeacher', ...GUARDIAN_INSIGHT],
    'disciplinaryCase.open': ['contactTeacher', 'subjectTeacher', 'departmentHead', 'principal'],
  },
  disciplinaryCase: {
    'disciplinaryCase.read': onCase,
    'disciplinaryCase.update': onCase,
    'disciplinaryCase.removeFromLesson': onCase,
    'disciplinaryCase.reportIntervention': onCase,
    'disciplinaryCase.suspend': onCase,
    'disciplinaryCase.informParents': onCase,
  },
  basisGroup: {
    'basisGroup.readDiscipline': (actor, _action, r) => decideForGroup(actor, r.group),
  },
  school: {
    // the school's disciplinary cases (a department head's narrowed to the department by the route)
    'discipline.readSchool': ['principal', 'departmentHead', 'counsellor'],
  },
} satisfies Policy;

/** A case about the student, for the generated access rules. */
export const disciplinaryCaseExamples: ExamplesOf = (w, student) => [
  { label: 'a case the subject teacher reported', resource: { type: 'disciplinaryCase', disciplinaryCase: { caseId: 'case', reportedByPersonId: w.people.subjectTeacher, student } } },
];

declare module '../../core/policy/types.js' {
  interface Resources {
    disciplinaryCase: { type: 'disciplinaryCase'; disciplinaryCase: DisciplinaryCaseFacts };
  }
  interface Actions extends ActionsOf<typeof disciplinePolicy> {}
}
