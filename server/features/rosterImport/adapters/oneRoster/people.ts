/**
 * People from a OneRoster zip: roles.csv (1.2; in 1.1 the `role` and `orgSourcedIds` columns of
 * users.csv), demographics.csv (birth date, and sex for a parent's relation), users.csv (the person,
 * the Norwegian extensions, and the student, staff and guardian records their roles make), and the
 * guardian links of agentSourcedIds, read from either side.
 */
import type { StaffRole } from '../../../../core/db/tables.js';
import type { RosterStaffMember, SourcePlace } from '../../roster.js';
import { EXT, REQUIRED } from './columns.js';
import type { Header, Row, RowHandler } from './files.js';
import { K } from './messages.js';
import { cell, columns, hasColumns, lifecycle, type GuardianRole, type ReadingState, type RoleRow, type UserFacts } from './state.js';
import {
  isFeideId, parseAddressProtection, parseDay, parseLevel, parseList,
  parseProgramme, parseRelation, parseStaffRole, parseStudentStatus, parseUserIds,
} from './values.js';
import { birthDateOfNationalIdentityNumber, isNationalIdentityNumber } from '../nationalIdentityNumber.js';

const ROLES = ['administrator', 'aide', 'counselor', 'districtAdministrator', 'guardian', 'parent', 'principal', 'proctor', 'relative',
  'siteAdministrator', 'student', 'systemAdministrator', 'teacher'] as const;
const GUARDIAN_ROLES: readonly string[] = ['parent', 'guardian', 'relative'];
/** roles Elevlos has no use for: the user is left out unless another role brings them in */
const UNUSED_ROLES: readonly string[] = ['proctor', 'systemAdministrator'];
const NIN_TYPES = new Set(['fnr', 'fodselsnummer', 'fødselsnummer', 'nin', 'dnr', 'dnummer', 'pid', 'nationalidentitynumber']);

export function rolesHandler(st: ReadingState): (header: Header) => RowHandler | null {
  return (header) => {
    if (!hasColumns(st, 'roles', header, REQUIRED.roles)) return null;
    const c = columns(header, ['sourcedId', 'status', 'dateLastModified', 'userSourcedId', 'roleType', 'role', 'orgSourcedId', EXT.role] as const);
    const seen = new Set<string>();
    return (row, line) => {
      const id = cell(row, c.sourcedId);
      if (id === '') return st.error('roles', line, 'sourcedId', K.required);
      if (seen.has(id)) return st.error('roles', line, 'sourcedId', K.duplicateId, { id });
      seen.add(id);
      // a role that ended in a delta changes what the user is; only a bulk file says so in full
      if (lifecycle(st, 'roles', line, cell(row, c.status), cell(row, c.dateLastModified)).state !== 'active') return;
      const userId = cell(row, c.userSourcedId);
      if (userId === '') return st.error('roles', line, 'userSourcedId', K.required);
      const role = ROLES.find((r) => r.toLowerCase() === cell(row, c.role).toLowerCase());
      if (!role) return st.error('roles', line, 'role', K.invalidValue, { value: cell(row, c.role), values: ROLES.join(', ') });
      const roleType = cell(row, c.roleType).toLowerCase();
      if (roleType !== '' && roleType !== 'primary' && roleType !== 'secondary') {
        return st.error('roles', line, 'roleType', K.invalidValue, { value: cell(row, c.roleType), values: 'primary, secondary' });
      }
      const orgId = cell(row, c.orgSourcedId);
      if (orgId === '') return st.error('roles', line, 'orgSourcedId', K.required);
      const list = st.rolesByUser.get(userId) ?? [];
      list.push({ role, primary: roleType === 'primary', orgId, elevlosRole: cell(row, c[EXT.role]), at: st.at('roles', line) });
      st.rolesByUser.set(userId, list);
    };
  };
}

export function demographicsHandler(st: ReadingState): (header: Header) => RowHandler | null {
  return (header) => {
    if (!hasColumns(st, 'demographics', header, REQUIRED.demographics)) return null;
    const c = columns(header, ['sourcedId', 'status', 'dateLastModified', 'birthDate', 'sex'] as const);
    return (row, line) => {
      const id = cell(row, c.sourcedId);
      if (id === '') return st.error('demographics', line, 'sourcedId', K.required);
      if (st.demographics.has(id)) return st.error('demographics', line, 'sourcedId', K.duplicateId, { id });
      if (lifecycle(st, 'demographics', line, cell(row, c.status), cell(row, c.dateLastModified)).state !== 'active') return;
      const text = cell(row, c.birthDate);
      const birthDate = text === '' ? null : parseDay(text) ?? null;
      if (text !== '' && birthDate === null) st.error('demographics', line, 'birthDate', K.invalidDate, { value: text });
      st.demographics.set(id, { birthDate, sex: cell(row, c.sex).toLowerCase() });
    };
  };
}

/** Elevlos's role for a OneRoster role at an org; null for a staff member without one (an aide), undefined for no staff role. */
function staffRoleOf(role: string, atDepartment: boolean): StaffRole | null | undefined {
  switch (role) {
    case 'teacher': return 'teacher';
    case 'counselor': return 'counsellor';
    case 'principal': return atDepartment ? 'departmentHead' : 'principal';
    case 'administrator': case 'siteAdministrator': case 'districtAdministrator': return 'schoolAdmin';
    case 'aide': return null;
    default: return undefined;
  }
}

interface StaffPlace { roles: RosterStaffMember['roles']; at: SourcePlace }

/** The schools a staff role row puts the user at, with the roles it gives there. */
function addStaffRole(st: ReadingState, userId: string, r: RoleRow, bySchool: Map<string, StaffPlace>): void {
  const file = r.at.file === st.name('roles') ? 'roles' : 'users';
  const orgField = file === 'roles' ? 'orgSourcedId' : 'orgSourcedIds';
  const org = st.orgs.get(r.orgId);
  const places: Array<{ schoolId: string; departmentId: string | null }> = [];
  if (r.role === 'districtAdministrator' && org && org.type !== 'school' && org.type !== 'department') {
    // the owner's administrator administers every school under the district
    for (const [id, o] of st.orgs) {
      if (o.type !== 'school') continue;
      let p: string | null = o.parentId;
      for (let hops = 0; p !== null && p !== r.orgId && hops < 20; hops++) p = st.orgs.get(p)?.parentId ?? null;
      if (p === r.orgId) places.push({ schoolId: id, departmentId: null });
    }
  } else {
    const place = st.schoolOf(file, r.at.line, orgField, r.orgId);
    if (!place) return;
    places.push(place);
  }
  let role: StaffRole | null | undefined;
  if (r.elevlosRole !== '') {
    role = parseStaffRole(r.elevlosRole);
    if (role === undefined) {
      st.error(file, r.at.line, EXT.role, K.invalidValue, { value: r.elevlosRole, values: 'teacher, departmentHead, counsellor, principal, schoolAdmin, nurse' });
      return;
    }
  } else {
    role = staffRoleOf(r.role, places.some((p) => p.departmentId !== null));
    if (role === undefined) return;
  }
  for (const p of places) {
    const entry = bySchool.get(p.schoolId) ?? { roles: [], at: r.at };
    bySchool.set(p.schoolId, entry);
    if (role === null) continue;
    const departmentId = role === 'departmentHead' ? p.departmentId : null;
    if (role === 'departmentHead' && departmentId === null) {
      st.error(file, r.at.line, orgField, K.departmentHeadWithoutDepartment);
      continue;
    }
    if (!entry.roles.some((x) => x.role === role && x.departmentId === departmentId)) entry.roles.push({ role, departmentId });
  }
}

interface PendingLink { from: string; to: string; line: number }

export function usersHandler(st: ReadingState, links: PendingLink[]): (header: Header) => RowHandler | null {
  return (header) => {
    if (!hasColumns(st, 'users', header, REQUIRED.users)) return null;
    const c = columns(header, ['sourcedId', 'status', 'dateLastModified', 'userIds', 'givenName', 'familyName', 'middleName', 'identifier',
      'email', 'sms', 'phone', 'agentSourcedIds', 'grades', 'primaryOrgSourcedId', 'role', 'orgSourcedIds', EXT.programme, EXT.studentStatus,
      EXT.addressProtection, EXT.streetAddress, EXT.postalCode, EXT.city, EXT.title, EXT.relation, EXT.withoutParentalResponsibility,
      EXT.notLivingWith] as const);
    // OneRoster 1.1 keeps the role in users.csv; 1.2 moved it to roles.csv
    const rolesInUsers = st.mode('roles') === 'absent' && c.role >= 0;
    return (row, line) => {
      const id = cell(row, c.sourcedId);
      if (id === '') return st.error('users', line, 'sourcedId', K.required);
      if (st.users.has(id)) return st.error('users', line, 'sourcedId', K.duplicateId, { id });
      const life = lifecycle(st, 'users', line, cell(row, c.status), cell(row, c.dateLastModified));
      if (life.state === 'skip') return;
      if (life.state === 'deleted') {
        // a user the source deleted: the person ends as what they are to the school (a student leaves, a guardian's links go …: sync/ends.ts)
        st.ended.push({ kind: 'people', sourceId: id, on: life.modifiedOn ?? '', at: st.at('users', line) });
        return;
      }
      let roles = st.rolesByUser.get(id) ?? [];
      if (rolesInUsers) {
        const role = ROLES.find((r) => r.toLowerCase() === cell(row, c.role).toLowerCase());
        if (!role) {
          st.error('users', line, 'role', K.invalidValue, { value: cell(row, c.role), values: ROLES.join(', ') });
          return;
        }
        roles = parseList(cell(row, c.orgSourcedIds)).map((orgId, i) => ({ role, primary: i === 0, orgId, elevlosRole: '', at: st.at('users', line) }));
        if (roles.length === 0) return st.error('users', line, 'orgSourcedIds', K.required);
      }
      const usable = roles.filter((r) => !UNUSED_ROLES.includes(r.role));
      if (usable.length === 0) {
        // in a delta a user may come without roles (only their name or phone changed): the person alone is updated
        if (roles.length === 0 && st.mode('users') !== 'delta') st.error('users', line, 'sourcedId', K.noRole);
        if (roles.length > 0 || st.mode('users') !== 'delta') return;
      }
      const facts = readPerson(st, row, c, id, line);
      st.users.set(id, facts);
      for (const agent of parseList(cell(row, c.agentSourcedIds))) links.push({ from: id, to: agent, line });
      facts.guardianRole = (['parent', 'guardian', 'relative'] as const).find((g) => usable.some((r) => r.role === g)) ?? null;
      const studentRoles = usable.filter((r) => r.role === 'student');
      if (studentRoles.length > 0) readStudent(st, row, c, id, line, facts, studentRoles);
      const bySchool = new Map<string, StaffPlace>();
      for (const r of usable) if (r.role !== 'student' && !GUARDIAN_ROLES.includes(r.role)) addStaffRole(st, id, r, bySchool);
      const title = cell(row, c[EXT.title]) || null;
      for (const [schoolId, place] of bySchool) {
        (facts.staffAt ??= []).push(schoolId);
        st.roster.staff.push({ sourceId: staffId(id, schoolId), at: place.at, personId: id, schoolId, title, roles: place.roles });
      }
    };
  };
}

/** A staff member is a person at a school: the id is both, so it stays the same from import to import. */
export function staffId(userId: string, schoolId: string): string {
  return `${userId}@${schoolId}`;
}

type UserColumns = Record<'userIds' | 'givenName' | 'familyName' | 'middleName' | 'identifier' | 'email' | 'sms' | 'phone' | 'grades'
  | 'primaryOrgSourcedId' | typeof EXT.programme | typeof EXT.studentStatus | typeof EXT.addressProtection | typeof EXT.streetAddress
  | typeof EXT.postalCode | typeof EXT.city | typeof EXT.relation | typeof EXT.withoutParentalResponsibility | typeof EXT.notLivingWith, number>;

const NONE: readonly string[] = [];
/** most users have no list: they share one empty array instead of a county's worth of them */
const listOrNone = (text: string): readonly string[] => (text === '' ? NONE : parseList(text));

function readPerson(st: ReadingState, row: Row, c: UserColumns, id: string, line: number): UserFacts {
  const givenName = cell(row, c.givenName);
  const familyName = cell(row, c.familyName);
  if (givenName === '') st.error('users', line, 'givenName', K.required);
  if (familyName === '') st.error('users', line, 'familyName', K.required);
  let nin: string | null = null;
  let feideId: string | null = null;
  const userIdsText = cell(row, c.userIds);
  const pairs = parseUserIds(userIdsText);
  if (!pairs) st.error('users', line, 'userIds', K.invalidUserIds);
  for (const [type, value] of pairs ?? []) {
    if (type === 'feide') {
      // Feide ids are matched in lower case everywhere (the sync, the login), as the CSV set stores them
      if (isFeideId(value)) feideId = value.toLowerCase();
      else st.error('users', line, 'userIds', K.invalidFeideId, { value });
    } else if (NIN_TYPES.has(type)) {
      if (isNationalIdentityNumber(value)) nin = value;
      else st.error('users', line, 'userIds', K.invalidNationalIdentityNumber);
    }
  }
  // FINT's OneRoster provider puts the fødselsnummer in identifier; only a number that passes the check digits is taken as one
  const identifier = cell(row, c.identifier);
  if (nin === null && isNationalIdentityNumber(identifier)) nin = identifier;
  const protectionText = cell(row, c[EXT.addressProtection]);
  const addressProtection = parseAddressProtection(protectionText);
  if (addressProtection === undefined) {
    st.error('users', line, EXT.addressProtection, K.invalidValue, { value: protectionText, values: 'none, confidential, strictlyConfidential' });
  }
  const postalCode = cell(row, c[EXT.postalCode]);
  if (postalCode !== '' && !/^\d{4}$/.test(postalCode)) st.error('users', line, EXT.postalCode, K.invalidPostalCode);
  const middleName = cell(row, c.middleName);
  const demo = st.demographics.get(id);
  st.roster.people.push({
    sourceId: id,
    at: st.at('users', line),
    // a Norwegian middle name (mellomnavn) is said with the given name and sorts by the family name alone
    givenName: middleName === '' ? givenName : `${givenName} ${middleName}`,
    familyName,
    birthDate: demo?.birthDate ?? (nin ? birthDateOfNationalIdentityNumber(nin) : null),
    nationalIdentityNumber: nin,
    email: cell(row, c.email) || null,
    phone: cell(row, c.phone) || cell(row, c.sms) || null,
    streetAddress: cell(row, c[EXT.streetAddress]) || null,
    postalCode: postalCode || null,
    city: cell(row, c[EXT.city]) || null,
    // an unreadable protection is reported above; until it is fixed the person is treated as the most protected
    addressProtection: addressProtection ?? 'strictlyConfidential',
    feideId,
  });
  const relationText = cell(row, c[EXT.relation]);
  const relation = relationText === '' ? null : parseRelation(relationText) ?? null;
  if (relationText !== '' && relation === null) st.error('users', line, EXT.relation, K.invalidValue, { value: relationText, values: 'mother, father, other' });
  return {
    id, line, student: null, levelFromGroup: false, programmeGiven: false, guardianRole: null, relation, staffAt: null,
    withoutResponsibility: listOrNone(cell(row, c[EXT.withoutParentalResponsibility])),
    notLivingWith: listOrNone(cell(row, c[EXT.notLivingWith])),
  };
}

function readStudent(st: ReadingState, row: Row, c: UserColumns, id: string, line: number, facts: UserFacts, roles: RoleRow[]): void {
  // the primary role decides the school; among several, the primary org; two schools still is an error
  const primary = roles.filter((r) => r.primary);
  let candidates = primary.length > 0 ? primary : roles;
  const primaryOrg = cell(row, c.primaryOrgSourcedId);
  if (candidates.length > 1 && primaryOrg !== '' && candidates.some((r) => r.orgId === primaryOrg)) candidates = candidates.filter((r) => r.orgId === primaryOrg);
  const chosen = candidates[0]!;
  const file = chosen.at.file === st.name('roles') ? 'roles' : 'users';
  const place = st.schoolOf(file, chosen.at.line, file === 'roles' ? 'orgSourcedId' : 'orgSourcedIds', chosen.orgId);
  if (!place) return;
  if (new Set(candidates.map((r) => st.schoolAbove(r.orgId) ?? r.orgId)).size > 1) st.error('users', line, 'primaryOrgSourcedId', K.twoSchools);
  const grades = parseList(cell(row, c.grades));
  let level = null;
  for (const g of grades) { level = parseLevel(g) ?? null; if (level) break; }
  if (grades.length > 0 && level === null) st.error('users', line, 'grades', K.invalidLevel, { value: grades.join(',') });
  const programmeText = cell(row, c[EXT.programme]);
  const programme = programmeText === '' ? null : parseProgramme(programmeText) ?? null;
  if (programmeText !== '' && programme === null) st.error('users', line, EXT.programme, K.invalidValue, { value: programmeText, values: 'general, vocational' });
  const statusText = cell(row, c[EXT.studentStatus]);
  const status = statusText === '' ? 'active' : parseStudentStatus(statusText);
  if (status === undefined) st.error('users', line, EXT.studentStatus, K.invalidValue, { value: statusText, values: 'active, changed, left' });
  const student = {
    sourceId: id, at: chosen.at, personId: id, schoolId: place.schoolId, departmentId: place.departmentId,
    level: level ?? 'vg1' as const, programme: level?.startsWith('grade') ? null : programme, status: status ?? 'active' as const,
  };
  facts.student = student;
  facts.levelFromGroup = level === null && grades.length === 0;
  facts.programmeGiven = programme !== null;
  st.roster.students.push(student);
}

/**
 * Guardianships from agentSourcedIds, whichever side lists the other (a student their guardians, a
 * guardian their children — FINT's provider writes the latter). The relation comes from the guardian's
 * metadata.no.relation, else from the role and sex (a parent who is female is the mother); parental
 * responsibility and living together are the role's defaults — a relative has neither — less the
 * student's exceptions (metadata.no.withoutParentalResponsibility, metadata.no.notLivingWith).
 */
const roleless = (u: UserFacts): boolean => !u.student && !u.guardianRole && u.staffAt === null;

export function finishLinks(st: ReadingState, links: readonly PendingLink[]): void {
  const made = new Map<string, { studentId: string; guardianId: string }>();
  for (const link of links) {
    const from = st.users.get(link.from)!;
    const to = st.users.get(link.to);
    let pair: { studentId: string; guardianId: string } | null = null;
    if (!to) {
      if (!st.known('people', link.to)) {
        st.error('users', link.line, 'agentSourcedIds', K.unknownReference, { id: link.to, file: st.name('users') });
      } else if (!st.known('guardianships', `${link.from}/${link.to}`) && !st.known('guardianships', `${link.to}/${link.from}`)) {
        st.error('users', link.line, 'agentSourcedIds', K.agentRoleUnknown, { id: link.to });
      }
      continue;
    }
    if (from.student && to.guardianRole) pair = { studentId: from.id, guardianId: to.id };
    else if (from.guardianRole && to.student) pair = { studentId: to.id, guardianId: from.id };
    if (!pair) {
      // in a delta a user may come without their roles: the link they had stays as it was
      if (st.mode('users') === 'delta' && (roleless(from) || roleless(to))) continue;
      st.error('users', link.line, 'agentSourcedIds', K.agentNotGuardian, { id: link.to });
      continue;
    }
    const key = `${pair.studentId}/${pair.guardianId}`;
    if (made.has(key)) continue;
    made.set(key, pair);
    const student = st.users.get(pair.studentId)!;
    const guardian = st.users.get(pair.guardianId)!;
    const role = guardian.guardianRole as GuardianRole;
    const sex = st.demographics.get(pair.guardianId)?.sex;
    const relation = guardian.relation ?? (role === 'parent' && sex === 'female' ? 'mother' : role === 'parent' && sex === 'male' ? 'father' : 'other');
    const byDefault = role !== 'relative';
    st.roster.guardianships.push({
      sourceId: key, at: st.at('users', link.line), studentId: pair.studentId, guardianPersonId: pair.guardianId, relation,
      parentalResponsibility: byDefault && !student.withoutResponsibility.includes(pair.guardianId),
      livesWith: byDefault && !student.notLivingWith.includes(pair.guardianId),
    });
  }
  for (const [id, facts] of st.users) {
    for (const [field, list] of [[EXT.withoutParentalResponsibility, facts.withoutResponsibility], [EXT.notLivingWith, facts.notLivingWith]] as const) {
      for (const g of list) if (!made.has(`${id}/${g}`)) st.error('users', facts.line, field, K.notGuardianOfStudent, { id: g });
    }
  }
}

