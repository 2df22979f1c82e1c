/**
 * How each kind of record is written: the natural key an unlinked record is matched on (so the demo,
 * or the school the first admin made by hand, is linked rather than doubled), the row it becomes, and
 * what ending it means. The statements are in ../queries/sync.ts.
 */
import type { QueryFn } from '../../../core/db/client.js';
import type { LinkRow } from '../queries/links.js';
import * as sql from '../queries/sync.js';
import type {
  RosterAssignment, RosterBasisGroup, RosterDepartment, RosterEnrolment, RosterGuardianship, RosterLesson, RosterPerson, RosterSchool,
  RosterSchoolYear, RosterStaffMember, RosterStudent, RosterSubject, RosterTeachingGroup, RosterTerm,
} from '../roster.js';
import type { RosterSource } from '../tables.js';
import { enrolmentsOfStudentsToEndToday, enrolmentsToEndToday, groupsWhoseAssignmentsGo, lessonsToEndToday } from '../yearTurn.js';
import type { LocalIds } from './ids.js';
import type { RosterStaffRole, SyncKind, SyncRecord } from './model.js';

export interface WriteContext {
  q: QueryFn;
  ownerId: string;
  source: RosterSource;
  today: string;
  ids: LocalIds;
  /** chunks of one kind may be sent while the one before is still written (PostgreSQL; PGlite runs in this thread anyway) */
  pipelined?: boolean;
}

/** One record with the local row it is (or becomes); `fresh`: no row exists yet. */
export interface Placed<R> {
  record: R;
  id: string;
  fresh: boolean;
  /** the link as it was, for a changed record (an assignment that moved to another teacher deletes the old pair) */
  link?: LinkRow;
}

export interface Writer<R = SyncRecord> {
  kind: SyncKind;
  /** the local school of the record, its references resolved (null: the owner's own) */
  schoolOf(r: R, ids: LocalIds): string | null;
  /** the local row each unlinked record already is, by its natural key (undefined: none) */
  match?(ctx: WriteContext, records: readonly R[]): Promise<(string | undefined)[]>;
  write(ctx: WriteContext, rows: readonly Placed<R>[]): Promise<void>;
  end?(ctx: WriteContext, links: readonly LinkRow[]): Promise<void>;
  /** an assignment has no id of its own: its row is the pair (group, staff member) */
  pair?(r: R, ids: LocalIds): { localId: string; localId2: string };
}

/** Match rows → the first local row per record, by the record's index. */
function byIndex(n: number, matches: readonly sql.Match[]): (string | undefined)[] {
  const out: (string | undefined)[] = new Array(n).fill(undefined);
  for (const m of matches) out[m.i - 1] ??= m.id;
  return out;
}

async function insertOrUpdate<R, Row>(ctx: WriteContext, rows: readonly Placed<R>[], toRow: (p: Placed<R>) => Row,
  insert: (q: QueryFn, ownerId: string, rows: Row[]) => Promise<void>, update: (q: QueryFn, ownerId: string, rows: Row[]) => Promise<void>): Promise<void> {
  const fresh = rows.filter((r) => r.fresh).map(toRow);
  const known = rows.filter((r) => !r.fresh).map(toRow);
  if (fresh.length) await insert(ctx.q, ctx.ownerId, fresh);
  if (known.length) await update(ctx.q, ctx.ownerId, known);
}

const schools: Writer<RosterSchool> = {
  kind: 'schools',
  schoolOf: (r, ids) => ids.get('schools', r.sourceId)?.localId ?? null,
  write: (ctx, rows) => insertOrUpdate(ctx, rows, (p) => ({ id: p.id, name: p.record.name, stage: p.record.stage }), sql.insertSchools, sql.updateSchools),
};

const schoolYears: Writer<RosterSchoolYear> = {
  kind: 'schoolYears',
  schoolOf: () => null,
  match: async (ctx, rs) => byIndex(rs.length, await sql.matchSchoolYears(ctx.q, ctx.ownerId, rs.map((r) => r.name))),
  write: (ctx, rows) => insertOrUpdate(ctx, rows, (p) => ({ id: p.id, name: p.record.name, startsOn: p.record.startsOn, endsOn: p.record.endsOn }),
    sql.insertSchoolYears, sql.updateSchoolYears),
};

const terms: Writer<RosterTerm> = {
  kind: 'terms',
  schoolOf: () => null,
  match: async (ctx, rs) => byIndex(rs.length, await sql.matchTerms(ctx.q, ctx.ownerId, rs.map((r) => ({ schoolYearId: ctx.ids.id('schoolYears', r.schoolYearId), kind: r.kind })))),
  write: (ctx, rows) => insertOrUpdate(ctx, rows, (p) => ({
    id: p.id, schoolYearId: ctx.ids.id('schoolYears', p.record.schoolYearId), kind: p.record.kind, startsOn: p.record.startsOn, endsOn: p.record.endsOn,
  }), sql.insertTerms, sql.updateTerms),
};

const departments: Writer<RosterDepartment> = {
  kind: 'departments',
  schoolOf: (r, ids) => ids.id('schools', r.schoolId),
  match: async (ctx, rs) => byIndex(rs.length, await sql.matchDepartments(ctx.q, ctx.ownerId, rs.map((r) => ({ schoolId: ctx.ids.id('schools', r.schoolId), name: r.name })))),
  write: (ctx, rows) => insertOrUpdate(ctx, rows, (p) => ({ id: p.id, schoolId: ctx.ids.id('schools', p.record.schoolId), name: p.record.name }),
    sql.insertDepartments, sql.updateDepartments),
};

const subjects: Writer<RosterSubject> = {
  kind: 'subjects',
  schoolOf: () => null,
  match: async (ctx, rs) => byIndex(rs.length, await sql.matchSubjects(ctx.q, ctx.ownerId, rs.map((r) => r.code))),
  write: (ctx, rows) => insertOrUpdate(ctx, rows, (p) => ({ id: p.id, code: p.record.code, name: p.record.name, annualHours: p.record.annualHours }),
    sql.insertSubjects, sql.updateSubjects),
};

/** By national identity number first (the register's own key), then by the Feide id an account already logs in with. */
const people: Writer<RosterPerson> = {
  kind: 'people',
  schoolOf: () => null,
  match: async (ctx, rs) => {
    const withNin = rs.flatMap((r, i) => (r.nationalIdentityNumber ? [{ i, v: r.nationalIdentityNumber }] : []));
    const withFeide = rs.flatMap((r, i) => (r.feideId ? [{ i, v: r.feideId.toLowerCase() }] : []));
    const out: (string | undefined)[] = new Array(rs.length).fill(undefined);
    const byNin = withNin.length ? byIndex(withNin.length, await sql.matchPeopleByNin(ctx.q, ctx.ownerId, withNin.map((x) => x.v))) : [];
    withNin.forEach((x, k) => { out[x.i] ??= byNin[k]; });
    const byFeide = withFeide.length ? byIndex(withFeide.length, await sql.matchPeopleByFeideId(ctx.q, ctx.ownerId, withFeide.map((x) => x.v))) : [];
    withFeide.forEach((x, k) => { out[x.i] ??= byFeide[k]; });
    return out;
  },
  write: (ctx, rows) => insertOrUpdate(ctx, rows, (p) => ({
    id: p.id, givenName: p.record.givenName, familyName: p.record.familyName, birthDate: p.record.birthDate,
    nationalIdentityNumber: p.record.nationalIdentityNumber, email: p.record.email, phone: p.record.phone, streetAddress: p.record.streetAddress,
    postalCode: p.record.postalCode, city: p.record.city, addressProtection: p.record.addressProtection,
  }), sql.insertPeople, sql.updatePeople),
};

const students: Writer<RosterStudent> = {
  kind: 'students',
  schoolOf: (r, ids) => ids.id('schools', r.schoolId),
  match: async (ctx, rs) => byIndex(rs.length, await sql.matchStudents(ctx.q, ctx.ownerId,
    rs.map((r) => ({ personId: ctx.ids.id('people', r.personId), schoolId: ctx.ids.id('schools', r.schoolId) })))),
  write: (ctx, rows) => insertOrUpdate(ctx, rows, (p) => ({
    id: p.id, personId: ctx.ids.id('people', p.record.personId), schoolId: ctx.ids.id('schools', p.record.schoolId),
    departmentId: ctx.ids.optional('departments', p.record.departmentId), level: p.record.level, programme: p.record.programme, status: p.record.status,
  }), sql.insertStudents, sql.updateStudents),
  end: async (ctx, links) => {
    const ids = links.map((l) => l.localId);
    await sql.markStudentsLeft(ctx.q, ctx.ownerId, ids);
    // a student missing from next year's export still belongs to this year's class until the year ends (yearTurn.ts)
    const ending = await enrolmentsOfStudentsToEndToday(ctx.q, ctx.ownerId, ids);
    await sql.endEnrolments(ctx.q, ctx.ownerId, ending, ctx.today);
    await sql.deleteFutureEnrolments(ctx.q, ctx.ownerId, ending, ctx.today);
  },
};

const guardianships: Writer<RosterGuardianship> = {
  kind: 'guardianships',
  schoolOf: (r, ids) => ids.schoolOf('students', r.studentId),
  match: async (ctx, rs) => byIndex(rs.length, await sql.matchGuardianships(ctx.q, ctx.ownerId,
    rs.map((r) => ({ studentId: ctx.ids.id('students', r.studentId), guardianPersonId: ctx.ids.id('people', r.guardianPersonId) })))),
  write: (ctx, rows) => insertOrUpdate(ctx, rows, (p) => ({
    id: p.id, studentId: ctx.ids.id('students', p.record.studentId), guardianPersonId: ctx.ids.id('people', p.record.guardianPersonId),
    relation: p.record.relation, parentalResponsibility: p.record.parentalResponsibility, livesWith: p.record.livesWith,
  }), sql.insertGuardianships, sql.upsertGuardianships),
  end: async (ctx, links) => {
    const ids = links.map((l) => l.localId);
    await sql.deleteGuardianships(ctx.q, ctx.ownerId, ids);
    await sql.withdrawGuardianships(ctx.q, ctx.ownerId, ids);
  },
};

const staff: Writer<RosterStaffMember> = {
  kind: 'staff',
  schoolOf: (r, ids) => ids.id('schools', r.schoolId),
  match: async (ctx, rs) => byIndex(rs.length, await sql.matchStaff(ctx.q, ctx.ownerId,
    rs.map((r) => ({ personId: ctx.ids.id('people', r.personId), schoolId: ctx.ids.id('schools', r.schoolId) })))),
  write: (ctx, rows) => insertOrUpdate(ctx, rows, (p) => ({
    id: p.id, personId: ctx.ids.id('people', p.record.personId), schoolId: ctx.ids.id('schools', p.record.schoolId), title: p.record.title,
  }), sql.insertStaff, sql.updateStaff),
};

const staffRoles: Writer<RosterStaffRole> = {
  kind: 'staffRoles',
  schoolOf: (r, ids) => ids.schoolOf('staff', r.staffMemberId),
  match: async (ctx, rs) => byIndex(rs.length, await sql.matchStaffRoles(ctx.q, ctx.ownerId, rs.map((r) => ({
    staffMemberId: ctx.ids.id('staff', r.staffMemberId), role: r.role, departmentId: ctx.ids.optional('departments', r.departmentId),
  })))),
  write: async (ctx, rows) => sql.upsertStaffRoles(ctx.q, ctx.ownerId, rows.map((p) => ({
    id: p.id, staffMemberId: ctx.ids.id('staff', p.record.staffMemberId), role: p.record.role, departmentId: ctx.ids.optional('departments', p.record.departmentId),
  }))),
  end: (ctx, links) => sql.deleteStaffRoles(ctx.q, ctx.ownerId, links.map((l) => l.localId)),
};

const basisGroups: Writer<RosterBasisGroup> = {
  kind: 'basisGroups',
  schoolOf: (r, ids) => ids.id('schools', r.schoolId),
  match: async (ctx, rs) => byIndex(rs.length, await sql.matchBasisGroups(ctx.q, ctx.ownerId,
    rs.map((r) => ({ schoolId: ctx.ids.id('schools', r.schoolId), schoolYearId: ctx.ids.id('schoolYears', r.schoolYearId), name: r.name })))),
  write: (ctx, rows) => insertOrUpdate(ctx, rows, (p) => ({
    id: p.id, schoolId: ctx.ids.id('schools', p.record.schoolId), schoolYearId: ctx.ids.id('schoolYears', p.record.schoolYearId),
    departmentId: ctx.ids.optional('departments', p.record.departmentId), name: p.record.name, level: p.record.level,
  }), sql.insertBasisGroups, sql.updateBasisGroups),
};

const teachingGroups: Writer<RosterTeachingGroup> = {
  kind: 'teachingGroups',
  schoolOf: (r, ids) => ids.id('schools', r.schoolId),
  match: async (ctx, rs) => byIndex(rs.length, await sql.matchTeachingGroups(ctx.q, ctx.ownerId,
    rs.map((r) => ({ schoolId: ctx.ids.id('schools', r.schoolId), schoolYearId: ctx.ids.id('schoolYears', r.schoolYearId), name: r.name })))),
  write: (ctx, rows) => insertOrUpdate(ctx, rows, (p) => ({
    id: p.id, schoolId: ctx.ids.id('schools', p.record.schoolId), schoolYearId: ctx.ids.id('schoolYears', p.record.schoolYearId),
    subjectId: ctx.ids.id('subjects', p.record.subjectId), name: p.record.name,
  }), sql.insertTeachingGroups, sql.updateTeachingGroups),
};

const groupOf = (r: RosterEnrolment, ids: LocalIds) => (r.group.kind === 'basis'
  ? { basisGroupId: ids.id('basisGroups', r.group.id), teachingGroupId: null }
  : { basisGroupId: null, teachingGroupId: ids.id('teachingGroups', r.group.id) });

const enrolments: Writer<RosterEnrolment> = {
  kind: 'enrolments',
  schoolOf: (r, ids) => ids.schoolOf('students', r.studentId),
  match: async (ctx, rs) => byIndex(rs.length, await sql.matchEnrolments(ctx.q, ctx.ownerId,
    rs.map((r) => ({ studentId: ctx.ids.id('students', r.studentId), ...groupOf(r, ctx.ids), startsOn: r.startsOn })))),
  write: (ctx, rows) => insertOrUpdate(ctx, rows, (p) => ({
    id: p.id, studentId: ctx.ids.id('students', p.record.studentId), ...groupOf(p.record, ctx.ids), startsOn: p.record.startsOn, endsOn: p.record.endsOn,
  }), sql.insertEnrolments, sql.upsertEnrolments),
  end: async (ctx, links) => {
    const ids = await enrolmentsToEndToday(ctx.q, ctx.ownerId, links.map((l) => l.localId));
    await sql.endEnrolments(ctx.q, ctx.ownerId, ids, ctx.today);
    await sql.deleteFutureEnrolments(ctx.q, ctx.ownerId, ids, ctx.today);
  },
};

function assignment(kind: 'contactTeachers' | 'subjectTeachers'): Writer<RosterAssignment> {
  const groupKind = kind === 'contactTeachers' ? 'basisGroups' : 'teachingGroups';
  const insert = kind === 'contactTeachers' ? sql.insertContactTeachers : sql.insertSubjectTeachers;
  const remove = kind === 'contactTeachers' ? sql.deleteContactTeachers : sql.deleteSubjectTeachers;
  return {
    kind,
    schoolOf: (r, ids) => ids.schoolOf(groupKind, r.groupId),
    pair: (r, ids) => ({ localId: ids.id(groupKind, r.groupId), localId2: ids.id('staff', r.staffMemberId) }),
    write: async (ctx, rows) => {
      // an assignment that moved (another teacher, another group) leaves its old pair first
      const moved = rows.filter((p) => p.link?.localId2);
      if (moved.length) await remove(ctx.q, ctx.ownerId, moved.map((p) => ({ groupId: p.link!.localId, staffMemberId: p.link!.localId2! })));
      await insert(ctx.q, ctx.ownerId, rows.map((p) => ({ groupId: ctx.ids.id(groupKind, p.record.groupId), staffMemberId: ctx.ids.id('staff', p.record.staffMemberId) })));
    },
    end: async (ctx, links) => {
      const going = await groupsWhoseAssignmentsGo(ctx.q, ctx.ownerId, links.map((l) => l.localId));
      await remove(ctx.q, ctx.ownerId, links.filter((l) => l.localId2 && going.has(l.localId)).map((l) => ({ groupId: l.localId, staffMemberId: l.localId2! })));
    },
  };
}

const lessons: Writer<RosterLesson> = {
  kind: 'lessons',
  schoolOf: (r, ids) => ids.schoolOf('teachingGroups', r.teachingGroupId),
  match: async (ctx, rs) => byIndex(rs.length, await sql.matchLessons(ctx.q, ctx.ownerId, rs.map((r) => ({
    teachingGroupId: ctx.ids.id('teachingGroups', r.teachingGroupId), weekday: r.weekday, startsAt: r.startsAt, startsOn: r.startsOn,
  })))),
  write: (ctx, rows) => sql.upsertLessons(ctx.q, ctx.ownerId, rows.map((p) => ({
    id: p.id, teachingGroupId: ctx.ids.id('teachingGroups', p.record.teachingGroupId), weekday: p.record.weekday, startsAt: p.record.startsAt,
    minutes: p.record.minutes, startsOn: p.record.startsOn, endsOn: p.record.endsOn,
  }))),
  end: async (ctx, links) => {
    const ids = await lessonsToEndToday(ctx.q, ctx.ownerId, links.map((l) => l.localId));
    await sql.endLessons(ctx.q, ctx.ownerId, ids, ctx.today);
    await sql.deleteFutureLessons(ctx.q, ctx.ownerId, ids, ctx.today);
    await sql.endLessonsOnTheirFirstDay(ctx.q, ctx.ownerId, ids, ctx.today);
  },
};

export const WRITERS: { [K in SyncKind]: Writer } = {
  schools, schoolYears, terms, departments, subjects, people, students, guardianships, staff, staffRoles, basisGroups, teachingGroups, enrolments,
  contactTeachers: assignment('contactTeachers'), subjectTeachers: assignment('subjectTeachers'), lessons,
} as unknown as { [K in SyncKind]: Writer };
