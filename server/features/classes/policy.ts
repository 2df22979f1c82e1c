/** The class overview and a teaching group's student list; each student on them is decided again. */
import { decideForGroup, decideForTeachingGroup, type ActionsOf, type Policy } from '../../core/policy/can.js';

export const classPolicy = {
  basisGroup: {
    'basisGroup.readOverview': (actor, _action, r) => decideForGroup(actor, r.group),
  },
  teachingGroup: {
    'teachingGroup.readStudents': (actor, _action, r) => decideForTeachingGroup(actor, r.group),
  },
} as const satisfies Policy;

declare module '../../core/policy/types.js' {
  interface Actions extends ActionsOf<typeof classPolicy> {}
}
