/** An account as a resource the access hook loads for `:accountId` routes (the school admin's pages). */
import type { ResourceKind } from '../../core/http/access.js';
import { isUuid } from '../../core/policy/facts.js';
import type { AccountFacts } from './policy.js';
import { accountFacts } from './queries.js';

declare module 'fastify' {
  interface FastifyRequest {
    account: AccountFacts | null;
  }
}

declare module '../../core/http/access.js' {
  interface AccessKinds {
    /** one person's account: `:accountId` in the path; the feature audits its changes with who and why */
    account: object;
  }
}

export const accountResource: ResourceKind<'account'> = {
  type: 'account',
  load: async ({ database, actor, params }) => {
    const id = params.accountId ?? '';
    const account = isUuid(id) ? await accountFacts(database.query, actor.ownerId, id) : null;
    return account && { type: 'account', account };
  },
  attach: { property: 'account', value: (r) => r.account },
};
