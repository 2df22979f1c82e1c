/**
 * A OneRoster 1.2 delta export after a bulk one (issue 13): the delta carries only what changed, and
 * points at users and classes the bulk export brought. Its `tobedeleted` rows end what they name
 * exactly as a bulk export that no longer had them would: a student who is deleted has left, a
 * guardian who is deleted loses the child, an enrolment ends, a class ends with its memberships and
 * teachers. The preview says so before anything is written, and the apply does what it said.
 */
import { zipSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_SCHOOL_NAME } from '../../seed/demo.js';
import { testApp, type Client, type TestApp } from '../../test/harness.js';
import { writeOneRosterZip } from './adapters/oneRoster/index.js';
import { smallSchoolRoster } from './fixtures.js';
import { apply, grown, kindOf, rowCounts, uploadAndRead } from './syncTesting.js';

const TODAY = '2026-11-25';
const MODIFIED = '2026-11-20T08:00:00Z';

let t: TestApp;
let admin: Client;

const csv = (rows: readonly (readonly string[])[]) => strToU8(`${rows.map((r) => r.join(',')).join('\n')}\n`);

/** A delta zip as an administrative system writes it: only users, classes and enrollments, as delta. */
function deltaZip(files: { users: string[][]; classes: string[][]; enrollments: string[][] }): Buffer {
  return Buffer.from(zipSync({
    'manifest.csv': csv([['propertyName', 'value'], ['manifest.version', '1.0'], ['oneroster.version', '1.2'],
      ['file.users', 'delta'], ['file.classes', 'delta'], ['file.enrollments', 'delta']]),
    'users.csv': csv([['sourcedId', 'status', 'dateLastModified', 'givenName', 'familyName'], ...files.users]),
    'classes.csv': csv([['sourcedId', 'status', 'dateLastModified', 'title', 'courseSourcedId', 'classType', 'schoolSourcedId'], ...files.classes]),
    'enrollments.csv': csv([['sourcedId', 'status', 'dateLastModified', 'classSourcedId', 'schoolSourcedId', 'userSourcedId', 'role', 'beginDate', 'endDate'],
      ...files.enrollments]),
  }));
}

const localOf = async (kind: string, sourceId: string) => {
  const [row] = await t.database.query<{ local_id: string }>(
    "select local_id from roster_link where owner_id = $1 and source = 'oneRoster' and kind = $2 and source_id = $3", [t.demo.ownerId, kind, sourceId]);
  expect(row, `${kind} ${sourceId}`).toBeTruthy();
  return row!.local_id;
};
const enrolmentsOf = (studentId: string) => t.database.query<{ group: string; ends_on: string | null }>(
  `select coalesce(bg.name, tg.name) as "group", e.ends_on::text as ends_on from enrolment e
   left join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
   left join teaching_group tg on tg.owner_id = e.owner_id and tg.id = e.teaching_group_id
   where e.owner_id = $1 and e.student_id = $2 order by 1`, [t.demo.ownerId, studentId]);
const guardiansOf = async (studentId: string) => (await t.database.query<{ person_id: string }>(
  'select guardian_person_id as person_id from guardianship where owner_id = $1 and student_id = $2 order by 1', [t.demo.ownerId, studentId])).map((r) => r.person_id);

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('skoleadmin');
  vi.stubEnv('ELEVLOS_TODAY', TODAY);
  const bulk = await uploadAndRead(t, admin, writeOneRosterZip(smallSchoolRoster({ schoolName: DEMO_SCHOOL_NAME, prefix: 'DL', className: '1DLT', students: 4 })));
  expect(bulk.errors).toEqual([]);
  expect((await apply(t, admin, bulk.id)).status).toBe('applied');
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await t?.close();
});

describe('a OneRoster delta export after a bulk one', () => {
  it('accepts rows that point at users and classes the sync already has, and its tobedeleted rows end what they name, as the preview says', async () => {
    const ids = {
      leaver: await localOf('students', 'DL-P-E1'), keeps: await localOf('students', 'DL-P-E0'), e2: await localOf('students', 'DL-P-E2'),
      e3: await localOf('students', 'DL-P-E3'), mother0: await localOf('people', 'DL-P-M0'),
    };
    const leaversGuardians = await guardiansOf(ids.leaver);
    expect(leaversGuardians).toHaveLength(2);

    const d = await uploadAndRead(t, admin, deltaZip({
      users: [
        ['DL-P-E1', 'tobedeleted', MODIFIED, '', ''],
        ['DL-P-F0', 'tobedeleted', MODIFIED, '', ''],
      ],
      classes: [['DL-U-NOR', 'tobedeleted', MODIFIED, '1DLT-NOR', 'DL-C-NOR', 'scheduled', 'DL-S1']],
      enrollments: [
        // neither the class nor the user is in the delta: both come from the bulk export
        ['DL-M-2-DL-U-MAT', 'tobedeleted', MODIFIED, 'DL-U-MAT', 'DL-S1', 'DL-P-E2', 'student', '', ''],
        ['DL-M-3-DL-B1', 'tobedeleted', MODIFIED, 'DL-B1', 'DL-S1', 'DL-P-E3', 'student', '2026-08-19', '2026-11-22'],
        ['DL-FT9', 'active', MODIFIED, 'DL-U-MAT', 'DL-S1', 'DL-P-CT', 'teacher', '', ''],
      ],
    }), 'en');
    expect(d.errors).toEqual([]);
    expect(d.status).toBe('ready');
    expect(kindOf(d, 'students')).toMatchObject({ added: 0, ended: 1 });
    // the deleted father's link goes; the deleted student keeps both of theirs
    expect(kindOf(d, 'guardianships')).toMatchObject({ ended: 1 });
    // the leaver's 3 memberships, E2's mathematics, and the class's other 3 memberships; E3's class membership is given its end
    expect(kindOf(d, 'enrolments')).toMatchObject({ changed: 1, ended: 7 });
    expect(kindOf(d, 'teachingGroups')).toMatchObject({ ended: 1 });
    expect(kindOf(d, 'subjectTeachers')).toMatchObject({ added: 1, ended: 1 });

    const before = await rowCounts(t.database);
    const applied = await apply(t, admin, d.id);
    expect(applied.status, JSON.stringify(applied.log)).toBe('applied');
    for (const k of d.preview!.kinds) {
      expect({ kind: k.kind, ...applied.result!.kinds[k.kind] }).toEqual({ kind: k.kind, added: k.added, changed: k.changed, ended: k.ended });
    }

    const [leaver] = await t.database.query<{ status: string }>('select status from student where id = $1', [ids.leaver]);
    expect(leaver!.status).toBe('left');
    expect((await enrolmentsOf(ids.leaver)).map((e) => e.ends_on)).toEqual([TODAY, TODAY, TODAY]);
    expect(await guardiansOf(ids.leaver)).toEqual(leaversGuardians);
    expect(await guardiansOf(ids.keeps)).toEqual([ids.mother0]);
    expect(await enrolmentsOf(ids.e2)).toEqual([{ group: '1DLT', ends_on: null }, { group: '1DLT-MAT', ends_on: TODAY }, { group: '1DLT-NOR', ends_on: TODAY }]);
    expect(await enrolmentsOf(ids.e3)).toEqual([{ group: '1DLT', ends_on: '2026-11-23' }, { group: '1DLT-MAT', ends_on: null }, { group: '1DLT-NOR', ends_on: TODAY }]);
    const teachers = await t.database.query<{ group: string; person: string }>(
      `select tg.name as "group", m.person_id as person from subject_teacher_assignment a join teaching_group tg on tg.owner_id = a.owner_id and tg.id = a.teaching_group_id
       join staff_member m on m.owner_id = a.owner_id and m.id = a.staff_member_id where tg.name like '1DLT-%' order by 1, 2`);
    const ct = await localOf('people', 'DL-P-CT');
    expect(teachers.filter((x) => x.group === '1DLT-NOR')).toEqual([]);
    expect(teachers.filter((x) => x.group === '1DLT-MAT').map((x) => x.person)).toContain(ct);
    // nothing Elevlos holds was deleted but the father's guardianship (one subject teacher went, one came)
    expect(grown(before, await rowCounts(t.database))).toEqual({ guardianship: -1 });
  });

  it('imported again, the same delta changes nothing', async () => {
    const d = await uploadAndRead(t, admin, deltaZip({
      users: [['DL-P-E1', 'tobedeleted', MODIFIED, '', ''], ['DL-P-F0', 'tobedeleted', MODIFIED, '', '']],
      classes: [['DL-U-NOR', 'tobedeleted', MODIFIED, '1DLT-NOR', 'DL-C-NOR', 'scheduled', 'DL-S1']],
      enrollments: [['DL-M-2-DL-U-MAT', 'tobedeleted', MODIFIED, 'DL-U-MAT', 'DL-S1', 'DL-P-E2', 'student', '', '']],
    }));
    expect(d.errors).toEqual([]);
    for (const k of d.preview!.kinds) expect({ kind: k.kind, added: k.added, changed: k.changed, ended: k.ended }).toEqual({ kind: k.kind, added: 0, changed: 0, ended: 0 });
  });
});
