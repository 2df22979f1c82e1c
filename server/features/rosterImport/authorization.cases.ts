/** The import's rows in the authorization matrix: the school admin is allowed, everyone else denied. */
import { expect } from 'vitest';
import type { MatrixFeature } from '../../test/matrix.js';
import { writeCsvSet, zipFiles } from './adapters/csv/write.js';
import { smallSchoolRoster } from './fixtures.js';
import { runRead } from './sync/run.js';

const ADMIN = ['schoolAdmin'] as const;
const zip = () => Buffer.from(zipFiles(writeCsvSet(smallSchoolRoster({ prefix: 'MX' }))));

export const rosterImportMatrix: MatrixFeature = {
  async setup({ t, clients }) {
    const admin = clients.get('schoolAdmin')!;
    const upload = async () => {
      const res = await admin.request('POST', '/api/roster-import/imports', zip(), { 'content-type': 'application/zip' });
      expect(res.statusCode, res.body).toBe(202);
      const id = res.json().id as string;
      await runRead(t.database, { ownerId: t.demo.ownerId, importId: id });
      return id;
    };
    const [subject] = await t.database.query<{ id: string }>(
      `select s.id from subject s where s.owner_id = $1 and exists (select 1 from teaching_group g where g.owner_id = s.owner_id and g.subject_id = s.id and g.school_id = $2)
       order by s.code limit 1`, [t.demo.ownerId, t.demo.schoolId]);
    return { importId: await upload(), cancelImportId: await upload(), subjectId: subject!.id };
  },
  cases: {
    'GET /api/roster-import/templates': { target: 'minor', allowed: [...ADMIN], request: () => ({ url: '/api/roster-import/templates' }) },
    'GET /api/roster-import/templates/:kind.csv': { target: 'minor', allowed: [...ADMIN], request: () => ({ url: '/api/roster-import/templates/students.csv?lang=nn' }) },
    'GET /api/roster-import/templates.zip': { target: 'minor', allowed: [...ADMIN], request: () => ({ url: '/api/roster-import/templates.zip' }) },
    'POST /api/roster-import/imports': { target: 'minor', allowed: [...ADMIN], request: () => ({ url: '/api/roster-import/imports', body: zip(), headers: { 'content-type': 'application/zip' } }) },
    'GET /api/roster-import/imports': { target: 'minor', allowed: [...ADMIN], request: () => ({ url: '/api/roster-import/imports' }) },
    'GET /api/roster-import/imports/:importId': { target: 'minor', allowed: [...ADMIN], request: (i) => ({ url: `/api/roster-import/imports/${i.importId}` }) },
    'POST /api/roster-import/imports/:importId/apply': {
      target: 'minor', allowed: [...ADMIN], request: (i) => ({ url: `/api/roster-import/imports/${i.importId}/apply`, body: { onlyValid: true } }),
    },
    'POST /api/roster-import/imports/:importId/cancel': {
      target: 'minor', allowed: [...ADMIN], request: (i) => ({ url: `/api/roster-import/imports/${i.cancelImportId}/cancel`, body: {} }),
    },
    'GET /api/roster-import/schedule': { target: 'minor', allowed: [...ADMIN], request: () => ({ url: '/api/roster-import/schedule' }) },
    'PUT /api/roster-import/schedule': {
      target: 'minor', allowed: [...ADMIN],
      request: () => ({
        url: '/api/roster-import/schedule',
        body: { baseUrl: 'https://fint.example/', tokenUrl: 'https://idp.example/token', clientId: 'elevlos', orgId: 'fjellvik.example', clientSecretEnv: 'FINT_SECRET_TEST', nightly: false, hour: 2 },
      }),
    },
    'GET /api/roster-import/subjects': { target: 'minor', allowed: [...ADMIN], request: () => ({ url: '/api/roster-import/subjects' }) },
    'PUT /api/roster-import/subjects/:subjectId': {
      target: 'minor', allowed: [...ADMIN], request: (i) => ({ url: `/api/roster-import/subjects/${i.subjectId}`, body: { annualHours: 140 } }),
    },
    'POST /api/roster-import/schedule/run': { target: 'minor', allowed: [...ADMIN], request: () => ({ url: '/api/roster-import/schedule/run', body: {} }) },
  },
};
