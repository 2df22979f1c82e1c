/**
 * The import and sync of the roster (issue 13) is the school admin's: upload files, read the preview,
 * apply or cancel, read the log of earlier imports, download the templates, set the nightly FINT sync and
 * the annual hours of subjects FINT brings without.
 * The school admin of the import's school decides on an import (the owner-level admin is, for now, a
 * school admin of every school). Everyone else at the school is refused; anyone else is told nothing.
 */
import { allow, deny, staffAt, type ActionsOf, type Policy } from '../../core/policy/can.js';
import type { ExamplesOf } from '../../core/policy/rulesDocument.js';
import type { Actor, Decision } from '../../core/policy/types.js';

/** What the policy needs to know about one import. */
export interface RosterImportFacts {
  ownerId: string;
  importId: string;
  schoolId: string;
  schoolName: string;
}

function decideForImport(actor: Actor, action: string, imp: RosterImportFacts): Decision {
  if (actor.ownerId !== imp.ownerId) return deny('otherOwner', {}, true);
  const staff = staffAt(actor, imp.schoolId);
  if (staff?.roles.some((r) => r.role === 'schoolAdmin')) return allow({ kind: 'schoolAdmin', params: { school: imp.schoolName } });
  // the school's own staff learn that imports exist (403); no one else learns anything (404)
  return deny('roleNotAllowed', { what: action }, !staff);
}

const onImport = (actor: Actor, action: string, r: { rosterImport: RosterImportFacts }) => decideForImport(actor, action, r.rosterImport);

export const rosterImportPolicy = {
  rosterImport: {
    'rosterImport.read': onImport,
    'rosterImport.apply': onImport,
    'rosterImport.cancel': onImport,
  },
  school: {
    'rosterImport.upload': ['schoolAdmin'],
    'rosterImport.list': ['schoolAdmin'],
    'rosterImport.templates': ['schoolAdmin'],
    'rosterImport.schedule': ['schoolAdmin'],
    'rosterImport.subjects': ['schoolAdmin'],
  },
} satisfies Policy;

/** An import at the example school, for the generated access rules. */
export const rosterImportExamples: ExamplesOf = (w) => [
  { label: "an import of the school's roster", resource: { type: 'rosterImport', rosterImport: { ownerId: w.ownerId, importId: 'import', schoolId: w.school.id, schoolName: w.school.name } } },
];

declare module '../../core/policy/types.js' {
  interface Resources {
    rosterImport: { type: 'rosterImport'; rosterImport: RosterImportFacts };
  }
  interface Actions extends ActionsOf<typeof rosterImportPolicy> {}
}
