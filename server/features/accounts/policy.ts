/**
 * Local accounts: a school admin at the person's school sees an account's sessions and history,
 * disables or enables it, and ends its sessions. The principal and the other staff of that school are
 * refused (they know the person); anyone else is told nothing (404), as if the account did not exist.
 * A person's own account (password, sessions) needs only a session: it is never someone else's data.
 */
import { allow, deny, staffAt, type ActionsOf, type Policy } from '../../core/policy/can.js';
import type { ExamplesOf } from '../../core/policy/rulesDocument.js';
import type { Actor, Decision } from '../../core/policy/types.js';

/** What the policy needs to know about one account: whose it is and at which schools that person is. */
export interface AccountFacts {
  ownerId: string;
  accountId: string;
  personId: string;
  /** the schools where the person works, studies, or has a child as a student */
  schools: { id: string; name: string }[];
}

function decideForAccount(actor: Actor, action: string, account: AccountFacts): Decision {
  if (actor.ownerId !== account.ownerId) return deny('otherOwner', {}, true);
  for (const school of account.schools) {
    const staff = staffAt(actor, school.id);
    if (staff?.roles.some((r) => r.role === 'schoolAdmin')) return allow({ kind: 'schoolAdmin', params: { school: staff.schoolName } });
  }
  const sameSchool = account.schools.some((s) => staffAt(actor, s.id));
  return deny('roleNotAllowed', { what: action }, !sameSchool);
}

const onAccount = (actor: Actor, action: string, r: { account: AccountFacts }) => decideForAccount(actor, action, r.account);

export const accountPolicy = {
  account: {
    'account.read': onAccount,
    'account.setStatus': onAccount,
    'account.endSessions': onAccount,
  },
  school: {
    'account.list': ['schoolAdmin'],
  },
} satisfies Policy;

/** Accounts for the generated access rules: one of a person at the school, one at another school. */
export const accountExamples: ExamplesOf = (w, student) => [
  {
    label: "a guardian's account (the student's school)",
    resource: { type: 'account', account: { ownerId: w.ownerId, accountId: 'account', personId: w.people.guardian, schools: [{ ...w.school }] } },
  },
  {
    label: 'an account of a person at another school only',
    resource: {
      type: 'account',
      account: { ownerId: student.ownerId, accountId: 'account-other', personId: 'person-elsewhere', schools: [{ id: 'school-other', name: 'Nordvik skole' }] },
    },
  },
];

declare module '../../core/policy/types.js' {
  interface Resources {
    account: { type: 'account'; account: AccountFacts };
  }
  interface Actions extends ActionsOf<typeof accountPolicy> {}
}
