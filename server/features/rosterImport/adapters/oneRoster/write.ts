/**
 * `writeOneRosterZip`: a roster as a OneRoster 1.2 CSV zip, the inverse of the reader — for tests, the
 * bench and the browser journey that uploads a OneRoster zip. It writes what the reader reads back to
 * the same roster (README.md, "Round trip"), streaming each file into the zip in batches of rows.
 */
import { strToU8, Zip, ZipDeflate } from 'fflate';
import type { StaffRole } from '../../../../core/db/tables.js';
import type { Roster } from '../../roster.js';
import { COLUMNS, type RosterFile } from './columns.js';
import { addDays, formatUserIds, levelToGrade } from './values.js';

export interface WriteOptions {
  /** bulk (the default): the whole roster; delta: every row active as of `modifiedAt`, an enrolment with an end marked tobedeleted */
  mode?: 'bulk' | 'delta';
  /** dateLastModified of a delta's rows, an ISO instant */
  modifiedAt?: string;
  /** which files to write (default: all); the others are listed absent in the manifest */
  files?: readonly RosterFile[];
}

type Row = Partial<Record<string, string>>;

/** The district org every course and school hangs under: Elevlos's roster has the owner implicit. */
const OWNER_ORG = 'elevlos-owner';
const BATCH = 5000;

const ONE_ROSTER_ROLE: Record<StaffRole, { role: string; elevlos?: StaffRole }> = {
  teacher: { role: 'teacher' },
  counsellor: { role: 'counselor' },
  principal: { role: 'principal' },
  departmentHead: { role: 'principal' },
  schoolAdmin: { role: 'siteAdministrator' },
  nurse: { role: 'aide', elevlos: 'nurse' },
};

/** A CSV field as RFC 4180 writes it: quoted only when it holds a comma, a quote or a line break. */
const field = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const line = (values: readonly string[]): string => `${values.map(field).join(',')}\n`;

class CsvZip {
  private readonly chunks: Uint8Array[] = [];
  private readonly zip = new Zip((err, data) => { if (err) throw err; this.chunks.push(data); });

  file(name: string, columns: readonly string[], rows: Iterable<Row>): void {
    const entry = new ZipDeflate(name, { level: 1 });
    this.zip.add(entry);
    entry.push(strToU8(line(columns)), false);
    let batch = '';
    let n = 0;
    for (const row of rows) {
      batch += line(columns.map((c) => row[c] ?? ''));
      if (++n % BATCH === 0) {
        entry.push(strToU8(batch), false);
        batch = '';
      }
    }
    entry.push(strToU8(batch), true);
  }

  end(): Buffer {
    this.zip.end();
    return Buffer.concat(this.chunks);
  }
}

export function writeOneRosterZip(roster: Roster, options: WriteOptions = {}): Buffer {
  const mode = options.mode ?? 'bulk';
  const modifiedAt = options.modifiedAt ?? new Date().toISOString();
  const wanted = new Set<RosterFile>(options.files ?? ['orgs', 'academicSessions', 'courses', 'classes', 'users', 'roles', 'enrollments', 'demographics']);
  // status and dateLastModified are blank in a bulk file; rows are plain literals (a spread per row costs V8 microseconds)
  const S = mode === 'bulk' ? '' : 'active';
  const M = mode === 'bulk' ? '' : modifiedAt;

  const out = new CsvZip();
  out.file('manifest.csv', ['propertyName', 'value'], [
    { propertyName: 'manifest.version', value: '1.0' },
    { propertyName: 'oneroster.version', value: '1.2' },
    ...(['academicSessions', 'categories', 'classes', 'classResources', 'courses', 'courseResources', 'demographics', 'enrollments',
      'lineItems', 'orgs', 'resources', 'results', 'roles', 'scoreScales', 'userProfiles', 'userResources', 'users'] as const)
      .map((f) => ({ propertyName: `file.${f}`, value: wanted.has(f as RosterFile) ? mode : 'absent' })),
    { propertyName: 'source.systemName', value: 'Elevlos' },
  ]);

  const subjectOf = new Map(roster.subjects.map((s) => [s.sourceId, s]));
  const basisOf = new Map(roster.basisGroups.map((g) => [g.sourceId, g]));
  const teachingOf = new Map(roster.teachingGroups.map((g) => [g.sourceId, g]));
  const staffOf = new Map(roster.staff.map((s) => [s.sourceId, s]));
  const studentOf = new Map(roster.students.map((s) => [s.sourceId, s]));

  if (wanted.has('orgs')) {
    out.file('orgs.csv', COLUMNS.orgs, [
      { sourcedId: OWNER_ORG, status: S, dateLastModified: M, name: 'Skoleeier', type: 'district' },
      ...roster.schools.map((s) => ({
        sourcedId: s.sourceId, status: S, dateLastModified: M, name: s.name, type: 'school', identifier: s.organisationNumber ?? '', parentSourcedId: OWNER_ORG,
        'metadata.no.stage': s.stage, 'metadata.no.organisationNumber': s.organisationNumber ?? '',
      })),
      ...roster.departments.map((d) => ({ sourcedId: d.sourceId, status: S, dateLastModified: M, name: d.name, type: 'department', parentSourcedId: d.schoolId })),
    ]);
  }

  if (wanted.has('academicSessions')) {
    out.file('academicSessions.csv', COLUMNS.academicSessions, [
      ...roster.schoolYears.map((y) => ({ sourcedId: y.sourceId, status: S, dateLastModified: M, title: y.name, type: 'schoolYear', startDate: y.startsOn, endDate: y.endsOn, schoolYear: y.endsOn.slice(0, 4) })),
      ...roster.terms.map((t) => ({
        sourcedId: t.sourceId, status: S, dateLastModified: M, title: `${t.kind === 'autumn' ? 'Høsthalvår' : 'Vårhalvår'} ${t.startsOn.slice(0, 4)}`, type: 'semester',
        startDate: t.startsOn, endDate: t.endsOn, parentSourcedId: t.schoolYearId, schoolYear: t.endsOn.slice(0, 4),
      })),
    ]);
  }

  // a homeroom's course is its level ("Vg1"), as FINT's provider makes it of the årstrinn
  const levels = [...new Set(roster.basisGroups.map((g) => g.level))];
  const levelCourse = (level: string): string => `level-${level}`;
  if (wanted.has('courses')) {
    out.file('courses.csv', COLUMNS.courses, [
      ...levels.map((level) => ({
        sourcedId: levelCourse(level), status: S, dateLastModified: M, title: level.startsWith('vg') ? `Vg${level.slice(2)}` : `${level.slice(5)}. trinn`, grades: levelToGrade(level), orgSourcedId: OWNER_ORG,
      })),
      ...roster.subjects.map((s) => ({
        sourcedId: s.sourceId, status: S, dateLastModified: M, title: s.name, courseCode: s.code, orgSourcedId: OWNER_ORG, subjectCodes: s.code, 'metadata.no.annualHours': String(s.annualHours),
      })),
    ]);
  }

  if (wanted.has('classes')) {
    out.file('classes.csv', COLUMNS.classes, [
      ...roster.basisGroups.map((g) => ({
        sourcedId: g.sourceId, status: S, dateLastModified: M, title: g.name, grades: levelToGrade(g.level), courseSourcedId: levelCourse(g.level), classCode: g.name, classType: 'homeroom',
        schoolSourcedId: g.departmentId ?? g.schoolId, termSourcedIds: g.schoolYearId,
      })),
      ...roster.teachingGroups.map((g) => ({
        sourcedId: g.sourceId, status: S, dateLastModified: M, title: g.name, courseSourcedId: g.subjectId, classCode: g.name, classType: 'scheduled',
        schoolSourcedId: g.schoolId, termSourcedIds: g.schoolYearId, subjectCodes: subjectOf.get(g.subjectId)?.code ?? '',
      })),
    ]);
  }

  const guardiansOf = new Map<string, Roster['guardianships']>();
  const guardianRole = new Map<string, { relation: 'mother' | 'father' | 'other'; schools: Set<string> }>();
  for (const g of roster.guardianships) {
    guardiansOf.set(g.studentId, [...(guardiansOf.get(g.studentId) ?? []), g]);
    const entry = guardianRole.get(g.guardianPersonId) ?? { relation: g.relation, schools: new Set<string>() };
    if (entry.relation === 'other') entry.relation = g.relation;
    const student = studentOf.get(g.studentId);
    if (student) entry.schools.add(student.schoolId);
    guardianRole.set(g.guardianPersonId, entry);
  }
  const titleOf = new Map<string, string>();
  for (const s of roster.staff) if (s.title && !titleOf.has(s.personId)) titleOf.set(s.personId, s.title);
  const studentByPerson = new Map(roster.students.map((s) => [s.personId, s]));

  if (wanted.has('users')) {
    out.file('users.csv', COLUMNS.users, (function* () {
      for (const p of roster.people) {
        const student = studentByPerson.get(p.sourceId);
        const guardians = student ? guardiansOf.get(student.sourceId) ?? [] : [];
        const ids: Array<[string, string]> = [];
        if (p.feideId) ids.push(['Feide', p.feideId]);
        if (p.nationalIdentityNumber) ids.push(['fnr', p.nationalIdentityNumber]);
        yield {
          sourcedId: p.sourceId, status: S, dateLastModified: M, enabledUser: 'true', username: p.feideId ?? '', userIds: formatUserIds(ids), givenName: p.givenName, familyName: p.familyName,
          email: p.email ?? '', phone: p.phone ?? '', agentSourcedIds: guardians.map((g) => g.guardianPersonId).join(','),
          grades: student ? levelToGrade(student.level) : '', primaryOrgSourcedId: student?.schoolId ?? '',
          'metadata.no.programme': student?.programme ?? '', 'metadata.no.studentStatus': student && student.status !== 'active' ? student.status : '',
          'metadata.no.addressProtection': p.addressProtection === 'none' ? '' : p.addressProtection,
          'metadata.no.streetAddress': p.streetAddress ?? '', 'metadata.no.postalCode': p.postalCode ?? '', 'metadata.no.city': p.city ?? '',
          'metadata.no.title': titleOf.get(p.sourceId) ?? '',
          'metadata.no.withoutParentalResponsibility': guardians.filter((g) => !g.parentalResponsibility).map((g) => g.guardianPersonId).join(','),
          'metadata.no.notLivingWith': guardians.filter((g) => !g.livesWith).map((g) => g.guardianPersonId).join(','),
        };
      }
    })());
  }

  if (wanted.has('roles')) {
    out.file('roles.csv', COLUMNS.roles, (function* () {
      const count = new Map<string, number>();
      const row = (userId: string, role: string, orgId: string, elevlos = ''): Row => {
        const n = (count.get(userId) ?? 0) + 1;
        count.set(userId, n);
        return { sourcedId: `${userId}:role${n}`, status: S, dateLastModified: M, userSourcedId: userId, roleType: n === 1 ? 'primary' : 'secondary', role, orgSourcedId: orgId, 'metadata.no.role': elevlos };
      };
      for (const s of roster.students) yield row(s.personId, 'student', s.departmentId ?? s.schoolId);
      for (const s of roster.staff) {
        if (s.roles.length === 0) yield row(s.personId, 'aide', s.schoolId);
        for (const r of s.roles) {
          const m = ONE_ROSTER_ROLE[r.role];
          yield row(s.personId, m.role, r.role === 'departmentHead' && r.departmentId ? r.departmentId : s.schoolId, m.elevlos ?? '');
        }
      }
      for (const [personId, g] of guardianRole) {
        for (const schoolId of g.schools.size > 0 ? g.schools : new Set([OWNER_ORG])) {
          yield row(personId, g.relation === 'other' ? 'guardian' : 'parent', schoolId);
        }
      }
    })());
  }

  if (wanted.has('demographics')) {
    out.file('demographics.csv', COLUMNS.demographics, (function* () {
      for (const p of roster.people) {
        const relation = guardianRole.get(p.sourceId)?.relation;
        const sex = relation === 'mother' ? 'female' : relation === 'father' ? 'male' : '';
        if (p.birthDate || sex) yield { sourcedId: p.sourceId, status: S, dateLastModified: M, birthDate: p.birthDate ?? '', sex };
      }
    })());
  }

  if (wanted.has('enrollments')) {
    out.file('enrollments.csv', COLUMNS.enrollments, (function* () {
      for (const e of roster.enrolments) {
        const group = e.group.kind === 'basis' ? basisOf.get(e.group.id) : teachingOf.get(e.group.id);
        yield {
          sourcedId: e.sourceId, status: mode === 'delta' && e.endsOn !== null ? 'tobedeleted' : S, dateLastModified: M, classSourcedId: e.group.id, schoolSourcedId: group?.schoolId ?? '',
          userSourcedId: studentOf.get(e.studentId)?.personId ?? e.studentId, role: 'student', beginDate: e.startsOn, endDate: e.endsOn ? addDays(e.endsOn, -1) : '',
        };
      }
      const primaries = new Set<string>();
      for (const a of roster.contactTeachers) {
        const staff = staffOf.get(a.staffMemberId);
        const first = !primaries.has(a.groupId);
        primaries.add(a.groupId);
        yield {
          sourcedId: a.sourceId, status: S, dateLastModified: M, classSourcedId: a.groupId, schoolSourcedId: basisOf.get(a.groupId)?.schoolId ?? staff?.schoolId ?? '',
          userSourcedId: staff?.personId ?? a.staffMemberId, role: 'teacher', primary: first ? 'true' : 'false', 'metadata.no.contactTeacher': first ? '' : 'true',
        };
      }
      for (const a of roster.subjectTeachers) {
        const staff = staffOf.get(a.staffMemberId);
        yield {
          sourcedId: a.sourceId, status: S, dateLastModified: M, classSourcedId: a.groupId, schoolSourcedId: teachingOf.get(a.groupId)?.schoolId ?? staff?.schoolId ?? '',
          userSourcedId: staff?.personId ?? a.staffMemberId, role: 'teacher',
        };
      }
    })());
  }
  return out.end();
}
