/** A guardian's own list of children: a route on the caller's own data in the authorization matrix. */
import type { MatrixFeature } from '../../test/matrix.js';

export const guardianMatrix: MatrixFeature = {
  own: {
    'GET /api/guardian/children': () => ({ url: '/api/guardian/children' }),
  },
  cases: {},
};
