/**
 * Screening and class-team meetings: among the most sensitive records Elevlos keeps (a team
 * may mark a student as struggling mentally or physically), so they are internal to the staff who work
 * with the class: the class's contact teacher, the subject teachers who teach its students (the class's
 * team), the department head, the counsellor and the principal. Never the student, never guardians,
 * never a teacher who teaches no student of the class. Every student's part is decided again per student.
 *
 * Screening results: the department heads the school named for a test (languages, science,
 * Norwegian: seed 003) read the students below the concern threshold — the list they are sent — and no
 * one else in the class. Who may enter a result follows who gives the test: the Norwegian test by the
 * contact teacher on vocational programmes and by the Norwegian teacher on general ones, English and
 * Maths by the subject's teacher; the contact teacher keeps the class list and may enter every test.
 */
import { allow, decideForGroup, deny, pick, relationshipsTo, staffAt, type ActionsOf, type Policy } from '../../core/policy/can.js';
import type { ExamplesOf } from '../../core/policy/rulesDocument.js';
import type { Actor, BasisGroupFacts, Decision, RelationshipKind, StudentFacts } from '../../core/policy/types.js';
import type { ScreeningTest } from './tables.js';

/** What the policy needs about a class for its screening and its class-team meeting. */
export interface ClassTeamFacts {
  group: BasisGroupFacts;
  /** the teaching groups the class's current students are in: their subject teachers are the class's team */
  teachingGroupIds: string[];
  /** the departments whose heads receive the school's screening list (per test, set by the school) */
  noticeDepartmentIds: string[];
}

/** One student's screening result (or the one about to be entered) with what decides who may see and enter it. */
export interface ScreeningFacts {
  student: StudentFacts;
  programme: 'general' | 'vocational' | null;
  /** null: the student's results as a whole */
  test: ScreeningTest | null;
  /** below the school's concern threshold on some test (the list the department heads are sent) */
  belowThreshold: boolean;
  noticeDepartmentIds: string[];
}

/** The subject code prefix of the subject each test belongs to (NOR1206, ENG1007, MAT1019 …). */
export const TEST_SUBJECT_PREFIX: Record<ScreeningTest, string> = { norwegian: 'NOR', english: 'ENG', maths: 'MAT' };

/** The student-level readers of the class-team record, in order of the stated reason. */
const TEAM: RelationshipKind[] = ['contactTeacher', 'departmentHead', 'counsellor', 'principal', 'subjectTeacher'];

/** A department head of one of the departments the school sends the screening list to. */
function noticeDepartmentHead(actor: Actor, schoolId: string, departmentIds: readonly string[]): Decision | null {
  const r = staffAt(actor, schoolId)?.roles.find((x) => x.role === 'departmentHead' && x.departmentId !== null && departmentIds.includes(x.departmentId));
  return r ? allow({ kind: 'departmentHead', params: { department: r.departmentName ?? '' } }) : null;
}

/** The class's staff (decideForGroup), or a subject teacher of its students; anyone else is told nothing. */
export function decideForTeam(actor: Actor, c: ClassTeamFacts): Decision {
  const d = decideForGroup(actor, c.group);
  if (d.allow) return d;
  const own = actor.subjectTeacherOf.find((t) => c.teachingGroupIds.includes(t.id));
  return own ? allow({ kind: 'subjectTeacher', params: { subject: own.subjectCode, group: own.name } }) : d;
}

const onlyVg1 = (c: ClassTeamFacts) => c.group.level === 'vg1';

export const screeningPolicy = {
  classTeam: {
    // the class list of results: the class's team and leaders, and the heads the school sends the list to
    'classTeam.readScreening': (actor, _a, r) => {
      const d = decideForTeam(actor, r.classTeam);
      return d.allow ? d : noticeDepartmentHead(actor, r.classTeam.group.schoolId, r.classTeam.noticeDepartmentIds) ?? d;
    },
    // entering results: the contact teacher or a teacher of one of the three subjects in the class (per test below)
    'classTeam.recordScreening': (actor, action, r) => {
      const d = decideForTeam(actor, r.classTeam);
      if (!d.allow) return d;
      if (!onlyVg1(r.classTeam)) return deny('roleNotAllowed', { what: action });
      if (d.reason.code === 'contactTeacher') return d;
      const own = actor.subjectTeacherOf.find((t) => r.classTeam.teachingGroupIds.includes(t.id) && Object.values(TEST_SUBJECT_PREFIX).some((p) => t.subjectCode.startsWith(p)));
      return own ? allow({ kind: 'subjectTeacher', params: { subject: own.subjectCode, group: own.name } }) : deny('roleNotAllowed', { what: action });
    },
    'classTeam.readMeeting': (actor, _a, r) => decideForTeam(actor, r.classTeam),
    // the team writes the meeting's record; the principal reads it
    'classTeam.recordMeeting': (actor, action, r) => {
      const d = decideForTeam(actor, r.classTeam);
      return d.allow && d.reason.code === 'principal' ? deny('roleNotAllowed', { what: action }) : d;
    },
    // Vg2/Vg3 general studies: a subject teacher of the class sends the contact teacher a note before the meeting
    'classTeam.sendNote': (actor, action, r) => {
      const d = decideForTeam(actor, r.classTeam);
      if (!d.allow) return d;
      const own = actor.subjectTeacherOf.find((t) => r.classTeam.teachingGroupIds.includes(t.id));
      return own ? allow({ kind: 'subjectTeacher', params: { subject: own.subjectCode, group: own.name } }) : deny('roleNotAllowed', { what: action });
    },
  },
  screeningResult: {
    'screening.read': (actor, _a, r, today) => {
      const rels = relationshipsTo(actor, r.screening.student, today);
      const team = pick(rels, TEAM);
      if (team) return allow(team);
      const head = r.screening.belowThreshold ? noticeDepartmentHead(actor, r.screening.student.schoolId, r.screening.noticeDepartmentIds) : null;
      return head ?? deny(rels.length ? 'roleNotAllowed' : 'noRelationship', rels.length ? { what: 'screening.read' } : {}, rels.length === 0);
    },
    'screening.record': (actor, action, r, today) => {
      const rels = relationshipsTo(actor, r.screening.student, today);
      const ct = pick(rels, ['contactTeacher']);
      if (ct) return allow(ct);
      const test = r.screening.test;
      // Norwegian on a vocational programme is given by the contact teacher, not the Norwegian teacher
      const bySubject = test !== null && !(test === 'norwegian' && r.screening.programme === 'vocational')
        ? rels.find((x) => x.kind === 'subjectTeacher' && (x.params.subject ?? '').startsWith(TEST_SUBJECT_PREFIX[test]))
        : undefined;
      if (bySubject) return allow(bySubject);
      return deny(rels.length ? 'roleNotAllowed' : 'noRelationship', rels.length ? { what: action } : {}, rels.length === 0);
    },
  },
  student: {
    // a student's part of the class-team meeting (struggles, follow-up, notes): internal to the team
    'classTeam.readStudent': TEAM,
  },
  school: {
    'screening.readSettings': ['principal', 'schoolAdmin', 'departmentHead', 'counsellor', 'teacher'],
    // the concern thresholds and the meeting weeks are the school's: its leader or administrator sets them
    'screening.configure': ['principal', 'schoolAdmin'],
  },
} satisfies Policy;

/** Examples for the generated access rules: 2STA as a Vg1 class, and a result below and not below the threshold. */
export const classTeamExamples: ExamplesOf = (w) => [
  { label: 'the class 2STA as a Vg1 class, the department head of Yrkesfag receives its screening list', resource: { type: 'classTeam', classTeam: { group: { ...w.basisGroup, level: 'vg1' }, teachingGroupIds: [w.teachingGroup.teachingGroupId], noticeDepartmentIds: ['dep-yf'] } } },
];
export const screeningExamples: ExamplesOf = (_w, student) => [
  { label: "the student's Maths result, below the threshold (list sent to the head of Yrkesfag)", resource: { type: 'screeningResult', screening: { student, programme: 'general', test: 'maths', belowThreshold: true, noticeDepartmentIds: ['dep-yf'] } } },
  { label: "the student's Norwegian result on a vocational programme, not below the threshold", resource: { type: 'screeningResult', screening: { student, programme: 'vocational', test: 'norwegian', belowThreshold: false, noticeDepartmentIds: ['dep-yf'] } } },
];

declare module '../../core/policy/types.js' {
  interface Resources {
    classTeam: { type: 'classTeam'; classTeam: ClassTeamFacts };
    screeningResult: { type: 'screeningResult'; screening: ScreeningFacts };
  }
  interface Actions extends ActionsOf<typeof screeningPolicy> {}
}
