/**
 * Meetings about students: among the most sensitive records. The staff who take part see
 * and write the meeting; the student's contact teacher, department head, counsellor and principal read
 * a meeting about the student they follow (they need it); the resource team's fixed members see and
 * write the resource team's meetings. A subject teacher who does not take part sees nothing of it, and
 * someone with no tie to the meeting or its students is told nothing (404). Guardians and the student
 * never read the meeting itself: they read the minutes shared with them on purpose, while they
 * have insight.
 */
import { GUARDIAN_INSIGHT, allow, deny, pick, relationshipsTo, staffAt, type ActionsOf, type Policy } from '../../core/policy/can.js';
import type { ExamplesOf } from '../../core/policy/rulesDocument.js';
import type { Actor, Decision, RelationshipKind, StudentFacts } from '../../core/policy/types.js';
import type { MeetingKind } from './tables.js';

export interface MeetingFacts {
  meetingId: string;
  ownerId: string;
  kind: MeetingKind;
  schoolId: string;
  schoolName: string;
  /** the students it is about, as the policy knows them */
  students: StudentFacts[];
  /** the persons of the staff taking part (guardians taking part are not among them) */
  staffParticipantPersonIds: string[];
  /** the persons of the school's resource team, for a resource-team meeting */
  resourceTeamPersonIds: string[];
}

/** Those who follow a student's welfare and so need to know of a meeting about the student. */
const FOLLOWERS: RelationshipKind[] = ['contactTeacher', 'departmentHead', 'counsellor', 'principal'];

function decideForMeeting(actor: Actor, action: string, m: MeetingFacts, today: string): Decision {
  if (actor.ownerId !== m.ownerId) return deny('otherOwner', {}, true);
  const staff = staffAt(actor, m.schoolId);
  if (staff && m.staffParticipantPersonIds.includes(actor.personId)) return allow({ kind: 'meetingParticipant', params: {} });
  if (m.kind === 'resourceTeam') {
    if (staff && m.resourceTeamPersonIds.includes(actor.personId)) return allow({ kind: 'resourceTeamMember', params: { school: m.schoolName } });
    const principal = staff?.roles.some((r) => r.role === 'principal');
    if (principal) return allow({ kind: 'principal', params: { school: m.schoolName } });
    return deny('noRelationship', {}, true);
  }
  const rels = m.students.flatMap((s) => relationshipsTo(actor, s, today));
  const follower = pick(rels, FOLLOWERS);
  // the followers read; writing the meeting is for those who take part in it (and its principal)
  if (follower && (action === 'meeting.read' || follower.kind === 'principal')) return allow(follower);
  const anyStaffTie = rels.some((r) => !['self', ...GUARDIAN_INSIGHT].includes(r.kind));
  return deny(anyStaffTie || follower ? 'roleNotAllowed' : 'noRelationship', anyStaffTie || follower ? { what: action } : {}, !(anyStaffTie || follower));
}

const onMeeting = (actor: Actor, action: string, r: { meeting: MeetingFacts }, today: string) => decideForMeeting(actor, action, r.meeting, today);

export const meetingsPolicy = {
  student: {
    // the list is decided per meeting; a subject teacher reaches it because they may take part in one
    'meetings.list': [...FOLLOWERS, 'subjectTeacher'],
    'meetings.create': FOLLOWERS,
    // minutes shared on purpose, for the student themself and guardians with insight
    'meetingMinutes.readShared': ['self', ...GUARDIAN_INSIGHT],
  },
  meeting: {
    'meeting.read': onMeeting,
    // minutes, agenda, decisions, actions, participants, consent and sharing
    'meeting.edit': onMeeting,
  },
  school: {
    'resourceTeam.read': ['principal', 'departmentHead', 'counsellor', 'schoolAdmin', 'teacher'],
    'resourceTeam.manage': ['principal', 'schoolAdmin'],
    'resourceTeam.plan': ['principal', 'departmentHead', 'counsellor'],
  },
} satisfies Policy;

export const meetingExamples: ExamplesOf = (w, student) => {
  const m = (kind: MeetingKind, participants: string[]) => ({
    type: 'meeting' as const,
    meeting: {
      meetingId: 'meeting', ownerId: student.ownerId, kind, schoolId: student.schoolId, schoolName: student.schoolName, students: [student],
      staffParticipantPersonIds: participants, resourceTeamPersonIds: [w.people.counsellor],
    },
  });
  return [
    { label: 'a collaboration meeting the contact teacher takes part in', resource: m('collaboration', [w.people.contactTeacher]) },
    { label: 'an interdisciplinary meeting the subject teacher takes part in', resource: m('interdisciplinary', [w.people.subjectTeacher]) },
    { label: 'a resource-team meeting (the counsellor is a member)', resource: m('resourceTeam', []) },
  ];
};

declare module '../../core/policy/types.js' {
  interface Resources {
    meeting: { type: 'meeting'; meeting: MeetingFacts };
  }
  interface Actions extends ActionsOf<typeof meetingsPolicy> {}
}
