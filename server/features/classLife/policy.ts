/**
 * Class life: the class's own contact teacher runs the class hour, the checklist,
 * the class rules, the election and the duty rota; the class's current students read the agenda, the
 * rules, the election and the rota and take part (propose rules, stand, vote); the department head and
 * the principal read. Not the counsellor: it is the class's own business, not student services.
 */
import { allow, decideForGroup, deny, type ActionsOf, type Policy } from '../../core/policy/can.js';
import type { Actor, BasisGroupFacts, Decision } from '../../core/policy/types.js';

function decideForClassLife(actor: Actor, action: string, g: BasisGroupFacts): Decision {
  const own = actor.contactTeacherOf.some((c) => c.id === g.basisGroupId);
  const member = actor.ownerId === g.ownerId && actor.studentIds.some((id) => g.memberStudentIds?.includes(id));
  const base = decideForGroup(actor, g);
  const related = own || member || base.allow;
  const asContactTeacher = { kind: 'contactTeacher' as const, params: { group: g.name } };
  const asMember = { kind: 'classMember' as const, params: { group: g.name } };
  switch (action) {
    case 'basisGroup.manageClassLife':
      return own ? allow(asContactTeacher) : deny('roleNotAllowed', { what: action }, !related);
    case 'basisGroup.takePartInClassLife':
      return member ? allow(asMember) : deny('roleNotAllowed', { what: action }, !related);
    case 'basisGroup.readClassLife':
      if (own) return allow(asContactTeacher);
      if (member) return allow(asMember);
      return base.allow && base.reason.code !== 'counsellor' ? base : deny('roleNotAllowed', { what: action }, !related);
    default:
      return deny('roleNotAllowed', { what: action });
  }
}

const onClass = (actor: Actor, action: string, r: { group: BasisGroupFacts }) => decideForClassLife(actor, action, r.group);

export const classLifePolicy = {
  basisGroup: {
    'basisGroup.readClassLife': onClass,
    'basisGroup.manageClassLife': onClass,
    'basisGroup.takePartInClassLife': onClass,
  },
} satisfies Policy;

declare module '../../core/policy/types.js' {
  interface Actions extends ActionsOf<typeof classLifePolicy> {}
}
