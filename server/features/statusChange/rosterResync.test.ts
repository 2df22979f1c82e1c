/**
 * R-52 and the roster import (issue 13): the school's administrative system stays the source of truth,
 * and a re-sync writes only what changed in the export. A granted leaving decision is therefore kept by a
 * later sync whose export still has the student unchanged; only a change in the student's own record in
 * the export (the source saying active again) would write the source's status — the school registers the
 * leaving there too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCHOOL_NAME } from '../../seed/demo.js';
import { testApp, type Client, type TestApp } from '../../test/harness.js';
import { writeCsvSet } from '../rosterImport/adapters/csv/write.js';
import { smallSchoolRoster } from '../rosterImport/fixtures.js';
import { apply, uploadFiles } from '../rosterImport/syncTesting.js';

let t: TestApp;
let admin: Client, radgiver: Client, rektor: Client;
const roster = smallSchoolRoster({ schoolName: DEMO_SCHOOL_NAME, className: '1IMP', prefix: 'R' });

beforeAll(async () => {
  t = await testApp();
  [admin, radgiver, rektor] = await Promise.all([t.login('skoleadmin'), t.login('radgiver'), t.login('rektor')]);
}, 120_000);
afterAll(async () => t?.close());

describe('R-52: a later roster sync does not silently undo a granted decision', () => {
  it('a student imported from the roster leaves by the principal\'s decision, and re-applying the unchanged export keeps the student left with the enrolment ended', async () => {
    const first = await apply(t, admin, (await uploadFiles(t, admin, writeCsvSet(roster))).id);
    expect(first.status, JSON.stringify(first.log)).toBe('applied');
    const [link] = await t.database.query<{ local_id: string }>("select local_id from roster_link where kind = 'students' and source_id = $1", [roster.students[0]!.sourceId]);
    const studentId = link!.local_id;
    const base = `/api/students/${studentId}/status-changes`;
    const started = await radgiver.request('POST', base, { kind: 'leaving', background: 'Eleven flytter utenlands.', proposedOn: '2026-11-30' });
    expect(started.statusCode, started.body).toBe(201);
    const id = started.json().id;
    expect((await radgiver.request('POST', `${base}/${id}/meetings`, { heldOn: '2026-11-24', participants: ['student', 'guardians'] })).statusCode).toBe(201);
    const decided = await rektor.request('POST', `${base}/${id}/decision`, { granted: true, reasons: 'Familien flytter utenlands.', effectiveOn: '2026-11-30', appealTo: 'Rektor' });
    expect(decided.statusCode, decided.body).toBe(200);

    const again = await apply(t, admin, (await uploadFiles(t, admin, writeCsvSet(roster))).id);
    expect(again.status, JSON.stringify(again.log)).toBe('applied');
    const [s] = await t.database.query<{ status: string }>('select status from student where id = $1', [studentId]);
    expect(s!.status).toBe('left');
    const enrolment = await t.database.query<{ ends_on: string | null }>('select ends_on::text as ends_on from enrolment where student_id = $1', [studentId]);
    expect(enrolment.length).toBeGreaterThan(0);
    expect(enrolment.every((e) => e.ends_on === '2026-11-30')).toBe(true);
  });
});
