/**
 * Administration (issue 13): the school admin of a school changes its name, its staff's roles, its
 * groups' memberships and its contact teachers. Only an admin of THAT school may: the school's other
 * staff are refused (403, they know the school), anyone else is told nothing (404). An admin of a
 * school owner is, for now, a school admin of each of its schools (as in the roster import).
 */
import { allow, deny, staffAt, type ActionsOf, type Policy } from '../../core/policy/can.js';
import type { ExamplesOf } from '../../core/policy/rulesDocument.js';
import type { Actor, Decision } from '../../core/policy/types.js';

/** The school an administration route names in its path (`:schoolId`). */
export interface AdministeredSchoolFacts {
  ownerId: string;
  schoolId: string;
  schoolName: string;
}

const isAdminAt = (actor: Actor, schoolId: string) => staffAt(actor, schoolId)?.roles.some((r) => r.role === 'schoolAdmin') ?? false;

function decideForSchool(actor: Actor, action: string, school: AdministeredSchoolFacts): Decision {
  if (actor.ownerId !== school.ownerId) return deny('otherOwner', {}, true);
  if (isAdminAt(actor, school.schoolId)) return allow({ kind: 'schoolAdmin', params: { school: school.schoolName } });
  // the school's own staff learn that administration exists (403); no one else learns the school exists
  return deny('roleNotAllowed', { what: action }, !staffAt(actor, school.schoolId));
}

/** The list of the schools one administers: anyone who is a school admin somewhere. */
function decideForList(actor: Actor, action: string, r: { ownerId: string }): Decision {
  if (actor.ownerId !== r.ownerId) return deny('otherOwner', {}, true);
  const first = actor.staff.find((s) => isAdminAt(actor, s.schoolId));
  if (first) return allow({ kind: 'schoolAdmin', params: { school: first.schoolName } });
  return deny('roleNotAllowed', { what: action }, actor.staff.length === 0);
}

const onSchool = (actor: Actor, action: string, r: { school: AdministeredSchoolFacts }) => decideForSchool(actor, action, r.school);
const onList = (actor: Actor, action: string, r: { ownerId: string }) => decideForList(actor, action, r);

export const administrationPolicy = {
  administeredSchools: {
    'administration.listSchools': onList,
  },
  administeredSchool: {
    'administration.renameSchool': onSchool,
    'administration.readStaff': onSchool,
    'administration.addRole': onSchool,
    'administration.removeRole': onSchool,
    'administration.readGroups': onSchool,
    'administration.addMembership': onSchool,
    'administration.endMembership': onSchool,
    'administration.assignContactTeacher': onSchool,
    'administration.unassignContactTeacher': onSchool,
  },
} satisfies Policy;

/** The example school, and another school of the same owner, for the generated access rules. */
export const administeredSchoolExamples: ExamplesOf = (w) => [
  { label: "the school's administration", resource: { type: 'administeredSchool', school: { ownerId: w.ownerId, schoolId: w.school.id, schoolName: w.school.name } } },
  { label: "another school's administration", resource: { type: 'administeredSchool', school: { ownerId: w.ownerId, schoolId: 'school-other', schoolName: 'Nordvik skole' } } },
];

export const administeredSchoolsExamples: ExamplesOf = (w) => [
  { label: 'the schools one administers', resource: { type: 'administeredSchools', ownerId: w.ownerId } },
];

declare module '../../core/policy/types.js' {
  interface Resources {
    administeredSchool: { type: 'administeredSchool'; school: AdministeredSchoolFacts };
    administeredSchools: { type: 'administeredSchools'; ownerId: string };
  }
  interface Actions extends ActionsOf<typeof administrationPolicy> {}
}
