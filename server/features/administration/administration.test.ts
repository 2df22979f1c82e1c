/**
 * Administration (issue 13): the school admin renames the school, gives and takes roles, corrects group
 * memberships and assigns contact teachers — every change audited with who and why — while a teacher
 * and an admin of another school are refused. On PGlite and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLogin, testApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let admin: Client;
let teacher: Client;
const h = () => t.demo.hardCases;
const base = () => `/api/administration/schools/${t.demo.schoolId}`;

interface StaffList { staff: { staffMemberId: string; personId: string; name: string; roles: { id: string; role: string; departmentId: string | null }[]; contactTeacherOf: string[]; isMe: boolean }[]; departments: { id: string; name: string }[] }
interface Members { members: { enrolmentId: string; studentId: string; startsOn: string; endsOn: string | null; current: boolean }[] }
interface AuditRow { action: string; actorName: string; reason: string; studentId: string | null; decision: string }

const staffList = async () => (await admin.get(`${base()}/staff`)).json() as StaffList;
const staffOf = async (staffMemberId: string) => (await staffList()).staff.find((s) => s.staffMemberId === staffMemberId)!;
const auditSearch = async (query = '') => ((await admin.get(`/api/audit?limit=50${query}`)).json() as { entries: AuditRow[] }).entries;
const members = async (groupId: string) => ((await admin.get(`${base()}/groups/${groupId}/members`)).json() as Members).members;
const addRole = (c: Client, staffMemberId: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  c.request('POST', `${base()}/staff/${staffMemberId}/roles`, body, headers);
const removeRole = (c: Client, staffMemberId: string, roleId: string, reason = 'Sluttet i rollen') =>
  c.request('POST', `${base()}/staff/${staffMemberId}/roles/${roleId}/remove`, { reason });

beforeAll(async () => {
  t = await testApp();
  [admin, teacher] = await Promise.all([t.login('skoleadmin'), t.login('kontaktlarer')]);
});
afterAll(async () => t?.close());

describe('schools', () => {
  it("the school admin sees the school they administer, with its stage, and renames it with a reason that lands in the audit log", async () => {
    const list = await admin.get('/api/administration/schools');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().schools).toEqual([{ id: t.demo.schoolId, name: 'Fjellvik videregående skole', stage: 'upperSecondary' }]);
    expect(list.json().access.reason).toContain('Fjellvik');
    const renamed = await admin.request('PUT', base(), { name: 'Fjellvik vidaregåande skule', reason: 'Skolen har vedtatt nynorsk navn' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await admin.get('/api/administration/schools')).json().schools[0].name).toBe('Fjellvik vidaregåande skule');
    const entry = (await auditSearch()).find((e) => e.action === 'administration.renameSchool');
    expect(entry?.reason).toContain('Skolen har vedtatt nynorsk navn');
    await admin.request('PUT', base(), { name: 'Fjellvik videregående skole', reason: 'Tilbake til det gamle navnet' });
  });

  it('a change without a reason is refused with 400 naming `reason` in the caller\'s language, and nothing changes', async () => {
    const res = await admin.request('PUT', base(), { name: 'Nytt navn', reason: '  ' }, { 'accept-language': 'nn' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'reason', message: 'Skriv kort kvifor du gjer endringa (minst 3 teikn).' }]);
    expect((await admin.get('/api/administration/schools')).json().schools[0].name).toBe('Fjellvik videregående skole');
    const missing = await admin.request('PUT', base(), { name: 'Nytt navn' }, { 'accept-language': 'en' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([{ field: 'reason', message: 'Is required.' }]);
  });

  it('a teacher gets 403 on the administration pages and the refusal is on record', async () => {
    expect((await teacher.get('/api/administration/schools')).statusCode).toBe(403);
    expect((await teacher.get(`${base()}/staff`)).statusCode).toBe(403);
    const denied = (await auditSearch()).find((e) => e.action === 'administration.readStaff' && e.decision === 'deny');
    expect(denied?.actorName).toBeTruthy();
  });
});

describe('staff and roles', () => {
  it('lists the staff with their roles and the groups they are contact and subject teacher of this year', async () => {
    const list = await staffList();
    const ct = list.staff.find((s) => s.staffMemberId === h().contactTeacherStaffMemberId)!;
    expect(ct.contactTeacherOf).toContain('2STA');
    expect(list.staff.find((s) => s.staffMemberId === h().principalStaffMemberId)!.roles.map((r) => r.role)).toContain('principal');
    expect(list.staff.filter((s) => s.isMe)).toHaveLength(1);
    expect(list.staff.find((s) => s.isMe)!.roles.map((r) => r.role)).toContain('schoolAdmin');
  });

  it('the admin gives a teacher the principal role with a reason: it takes effect at once and the audit search shows who and why', async () => {
    const faglarer = await t.login('faglarer');
    expect((await faglarer.get('/api/audit')).statusCode).toBe(403);
    const res = await addRole(admin, h().subjectTeacherStaffMemberId, { role: 'principal', reason: 'Konstituert rektor i desember' });
    expect(res.statusCode, res.body).toBe(201);
    expect((await faglarer.get('/api/audit')).statusCode).toBe(200);
    const entry = (await auditSearch()).find((e) => e.action === 'administration.addRole');
    expect(entry).toMatchObject({ decision: 'allow', studentId: null });
    expect(entry!.reason).toBe('skoleadministrator ved Fjellvik videregående skole: «Konstituert rektor i desember»');
    expect(entry!.actorName).toBe(t.demo.logins.find((l) => l.username === 'skoleadmin')!.name);

    const removed = await removeRole(admin, h().subjectTeacherStaffMemberId, res.json().id, 'Rektor er tilbake');
    expect(removed.statusCode, removed.body).toBe(200);
    // the role's open session ends at once (not at its 12-hour timeout); a new login has only what is left
    expect((await faglarer.get('/api/audit')).statusCode).toBe(401);
    expect((await (await t.login('faglarer')).get('/api/audit')).statusCode).toBe(403);
    expect((await admin.get('/api/me')).statusCode).toBe(200);
    expect((await auditSearch()).find((e) => e.action === 'administration.removeRole')).toBeDefined();
    expect((await staffOf(h().subjectTeacherStaffMemberId)).roles.map((r) => r.role)).not.toContain('principal');
  });

  it('a teacher who tries to change a role gets 403, and nothing changes', async () => {
    const res = await addRole(teacher, h().contactTeacherStaffMemberId, { role: 'principal', reason: 'Jeg vil bli rektor' });
    expect(res.statusCode).toBe(403);
    expect((await staffOf(h().contactTeacherStaffMemberId)).roles.map((r) => r.role)).not.toContain('principal');
    const principal = await staffOf(h().principalStaffMemberId);
    const role = principal.roles.find((r) => r.role === 'principal')!;
    expect((await removeRole(teacher, h().principalStaffMemberId, role.id)).statusCode).toBe(403);
  });

  it('a department head needs a department of the school, other roles have none, and a role held already is a conflict', async () => {
    const noDepartment = await addRole(admin, h().contactTeacherStaffMemberId, { role: 'departmentHead', reason: 'Ny avdelingsleder' }, { 'accept-language': 'en' });
    expect(noDepartment.statusCode).toBe(400);
    expect(noDepartment.json().errors).toEqual([{ field: 'departmentId', message: 'Choose the department the department head will lead.' }]);
    const unknown = await addRole(admin, h().contactTeacherStaffMemberId, { role: 'departmentHead', departmentId: randomUUID(), reason: 'Ny avdelingsleder' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('departmentId');
    const badRole = await addRole(admin, h().contactTeacherStaffMemberId, { role: 'king', reason: 'Ny rolle' });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().errors[0].field).toBe('role');
    const again = await addRole(admin, h().principalStaffMemberId, { role: 'principal', reason: 'Dobbelt' });
    expect(again.statusCode).toBe(409);
  });

  it('an admin cannot remove their own last school-admin role (409 with a clear message), but another admin can remove theirs, which ends their sessions', async () => {
    const me = (await staffList()).staff.find((s) => s.isMe)!;
    const own = me.roles.find((r) => r.role === 'schoolAdmin')!;
    const refused = await removeRole(admin, me.staffMemberId, own.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().title).toBe('Du kan ikke fjerne din egen siste rolle som skoleadministrator. Be en annen skoleadministrator ved skolen gjøre det, så skolen aldri står uten administrator.');
    expect((await staffOf(me.staffMemberId)).roles.map((r) => r.role)).toContain('schoolAdmin');

    // the principal becomes an admin too; each may now remove the other's role, never their own last one
    const given = await addRole(admin, h().principalStaffMemberId, { role: 'schoolAdmin', reason: 'Rektor tar over administrasjonen' });
    expect(given.statusCode, given.body).toBe(201);
    const rektor = await t.login('rektor');
    expect((await removeRole(rektor, h().principalStaffMemberId, given.json().id)).statusCode).toBe(409);
    expect((await removeRole(admin, h().principalStaffMemberId, given.json().id, 'Rektor trenger ikke rollen likevel')).statusCode).toBe(200);
    expect((await rektor.get(`${base()}/staff`)).statusCode).toBe(401);
    expect((await (await t.login('rektor')).get(`${base()}/staff`)).statusCode).toBe(403);
  });
});

describe('an admin of another school', () => {
  it('is told nothing about this school, and this school\'s admin nothing about theirs', async () => {
    const otherSchool = randomUUID();
    const personId = randomUUID();
    const owner = t.demo.ownerId;
    await t.database.query(`insert into school (owner_id, id, name, stage) values ($1, $2, 'Nordvik ungdomsskole', 'compulsory')`, [owner, otherSchool]);
    await t.database.query(`insert into person (owner_id, id, given_name, family_name) values ($1, $2, 'Testadmin', 'Nordvik')`, [owner, personId]);
    const staffId = randomUUID();
    await t.database.query('insert into staff_member (owner_id, id, person_id, school_id) values ($1, $2, $3, $4)', [owner, staffId, personId, otherSchool]);
    await t.database.query(`insert into staff_role (owner_id, id, staff_member_id, role) values ($1, $2, $3, 'schoolAdmin')`, [owner, randomUUID(), staffId]);
    await addLogin(t.database, owner, personId, 'admin.nordvik');
    const other = await t.login('admin.nordvik');

    expect((await other.get('/api/administration/schools')).json().schools.map((s: { name: string }) => s.name)).toEqual(['Nordvik ungdomsskole']);
    expect((await other.get(`${base()}/staff`)).statusCode).toBe(404);
    expect((await addRole(other, h().contactTeacherStaffMemberId, { role: 'schoolAdmin', reason: 'Jeg tar over' })).statusCode).toBe(404);
    expect((await admin.get(`/api/administration/schools/${otherSchool}/staff`)).statusCode).toBe(404);
    expect((await admin.request('PUT', `/api/administration/schools/${otherSchool}`, { name: 'X skole', reason: 'Prøver meg' })).statusCode).toBe(404);
  });
});

describe('group membership corrections', () => {
  it('a group shows its members past and present: the student who changed class stays in 2STB\'s history', async () => {
    const list = await members(h().basisGroup2STBId);
    const moved = list.find((m) => m.studentId === h().changedClassStudentId)!;
    expect(moved).toMatchObject({ endsOn: '2026-10-05', current: false });
    expect(list.some((m) => m.current)).toBe(true);
  });

  it('the admin adds a student to a teaching group from a date with a reason; the student sees who and why in their access log', async () => {
    const res = await admin.request('POST', `${base()}/groups/${h().teachingGroup1STAMATId}/members`,
      { studentId: h().elevStudentId, startsOn: '2026-11-23', reason: 'Tar 1T som ekstra fag' });
    expect(res.statusCode, res.body).toBe(201);
    const row = (await members(h().teachingGroup1STAMATId)).find((m) => m.enrolmentId === res.json().id);
    expect(row).toMatchObject({ studentId: h().elevStudentId, startsOn: '2026-11-23', endsOn: null, current: true });

    const elev = await t.login('elev');
    const log = (await elev.get(`/api/students/${h().elevStudentId}/access-log`)).json() as { entries: AuditRow[] };
    const entry = log.entries.find((e) => e.action === 'administration.addMembership');
    expect(entry?.reason).toContain('Tar 1T som ekstra fag');
    expect(entry?.actorName).toBe(t.demo.logins.find((l) => l.username === 'skoleadmin')!.name);

    const twice = await admin.request('POST', `${base()}/groups/${h().teachingGroup1STAMATId}/members`,
      { studentId: h().elevStudentId, startsOn: '2026-12-01', reason: 'Dobbelt' });
    expect(twice.statusCode).toBe(409);
  });

  it('ending a membership keeps it in the history with its end date, and the audit row names the student and the reason', async () => {
    const row = (await members(h().teachingGroup1STAMATId)).find((m) => m.studentId === h().elevStudentId && m.endsOn === null)!;
    const tooEarly = await admin.request('POST', `${base()}/memberships/${row.enrolmentId}/end`, { endsOn: '2026-11-23', reason: 'Slutter' });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().errors[0].field).toBe('endsOn');
    const ended = await admin.request('POST', `${base()}/memberships/${row.enrolmentId}/end`, { endsOn: '2026-11-30', reason: 'Valgte bort 1T etter samtale' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect((await members(h().teachingGroup1STAMATId)).find((m) => m.enrolmentId === row.enrolmentId)).toMatchObject({ endsOn: '2026-11-30' });
    const entry = (await auditSearch(`&studentId=${h().elevStudentId}`)).find((e) => e.action === 'administration.endMembership');
    expect(entry).toMatchObject({ studentId: h().elevStudentId });
    expect(entry!.reason).toContain('Valgte bort 1T etter samtale');
    expect((await admin.request('POST', `${base()}/memberships/${row.enrolmentId}/end`, { endsOn: '2026-12-30', reason: 'Igjen' })).statusCode).toBe(409);
  });

  it('a start outside the group\'s school year, or a student of no school here, is refused naming the field', async () => {
    const outside = await admin.request('POST', `${base()}/groups/${h().basisGroup1STAId}/members`,
      { studentId: h().elevStudentId, startsOn: '2027-08-20', reason: 'Neste år' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0].field).toBe('startsOn');
    const nobody = await admin.request('POST', `${base()}/groups/${h().basisGroup1STAId}/members`,
      { studentId: randomUUID(), startsOn: '2026-12-01', reason: 'Ukjent' });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().errors[0].field).toBe('studentId');
    expect((await teacher.request('POST', `${base()}/groups/${h().basisGroup2STAId}/members`,
      { studentId: h().leftStudentId, startsOn: '2026-12-01', reason: 'Vil ha eleven' })).statusCode).toBe(403);
  });

  it('finds students of the school by name, with their class', async () => {
    const elevName = t.demo.logins.find((l) => l.username === 'elev')!.name;
    const res = await admin.get(`${base()}/students?q=${encodeURIComponent(elevName)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().students).toContainEqual({ studentId: h().elevStudentId, name: elevName, basisGroups: ['2STA'] });
  });
});

describe('contact-teacher assignments', () => {
  it('a newly assigned contact teacher reads the class at once, and no longer after being unassigned (their sessions end)', async () => {
    const faglarer = await t.login('faglarer');
    const overview = `/api/basis-groups/${h().basisGroup2STBId}/overview`;
    expect((await faglarer.get(overview)).statusCode).toBe(404);
    const url = `${base()}/groups/${h().basisGroup2STBId}/contact-teachers`;
    const assigned = await admin.request('POST', url, { staffMemberId: h().subjectTeacherStaffMemberId, reason: 'Vikar for kontaktlærer ut skoleåret' });
    expect(assigned.statusCode, assigned.body).toBe(201);
    const read = await faglarer.get(overview);
    expect(read.statusCode).toBe(200);
    expect(read.json().access.reasonCode).toBe('contactTeacher');
    const groups = (await admin.get(`${base()}/groups`)).json() as { groups: { id: string; contactTeachers: { staffMemberId: string }[] }[] };
    expect(groups.groups.find((g) => g.id === h().basisGroup2STBId)!.contactTeachers.map((c) => c.staffMemberId)).toContain(h().subjectTeacherStaffMemberId);
    expect((await admin.request('POST', url, { staffMemberId: h().subjectTeacherStaffMemberId, reason: 'Igjen' })).statusCode).toBe(409);

    const unassigned = await admin.request('POST', `${url}/${h().subjectTeacherStaffMemberId}/remove`, { reason: 'Kontaktlæreren er tilbake' });
    expect(unassigned.statusCode, unassigned.body).toBe(200);
    expect((await faglarer.get(overview)).statusCode).toBe(401);
    expect((await (await t.login('faglarer')).get(overview)).statusCode).toBe(404);
    const actions = (await auditSearch()).filter((e) => e.action.endsWith('ContactTeacher')).map((e) => e.reason);
    expect(actions).toEqual(expect.arrayContaining([expect.stringContaining('Vikar for kontaktlærer ut skoleåret'), expect.stringContaining('Kontaktlæreren er tilbake')]));
  });

  it('a teacher cannot assign themselves, and a staff member of no school here is refused naming the field', async () => {
    const url = `${base()}/groups/${h().basisGroup2STBId}/contact-teachers`;
    expect((await teacher.request('POST', url, { staffMemberId: h().contactTeacherStaffMemberId, reason: 'Jeg tar klassen' })).statusCode).toBe(403);
    const nobody = await admin.request('POST', url, { staffMemberId: randomUUID(), reason: 'Ukjent' });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().errors[0].field).toBe('staffMemberId');
  });
});
