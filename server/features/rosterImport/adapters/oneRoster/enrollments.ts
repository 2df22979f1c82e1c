/**
 * Enrollments: a student's in a homeroom or scheduled class is a dated enrolment in the basis or
 * teaching group; a teacher's is the contact teacher of a homeroom (its primary teacher) or a subject
 * teacher of a scheduled class. Then what only the enrolments can tell: the level and programme of a
 * student whose own row has none, and a school's stage from the levels it teaches.
 */
import { EXT, REQUIRED } from './columns.js';
import type { Header, RowHandler } from './files.js';
import { K } from './messages.js';
import { staffId } from './people.js';
import { cell, columns, hasColumns, lifecycle, type ReadingState } from './state.js';
import { addDays, parseBoolean, parseDay } from './values.js';

/** For each student, the basis group their level and programme fall back to: the current one, else the latest. */
export type BasisOf = Map<string, { classId: string; startsOn: string; current: boolean }>;

export function enrollmentsHandler(st: ReadingState, basisOf: BasisOf): (header: Header) => RowHandler | null {
  return (header) => {
    if (!hasColumns(st, 'enrollments', header, REQUIRED.enrollments)) return null;
    const c = columns(header, ['sourcedId', 'status', 'dateLastModified', 'classSourcedId', 'schoolSourcedId', 'userSourcedId', 'role',
      'primary', 'beginDate', 'endDate', EXT.contactTeacher] as const);
    const seen = new Set<string>();
    const assigned = new Set<string>();
    const delta = st.mode('enrollments') === 'delta';
    return (row, line) => {
      const id = cell(row, c.sourcedId);
      if (id === '') return st.error('enrollments', line, 'sourcedId', K.required);
      if (seen.has(id)) return st.error('enrollments', line, 'sourcedId', K.duplicateId, { id });
      seen.add(id);
      const life = lifecycle(st, 'enrollments', line, cell(row, c.status), cell(row, c.dateLastModified));
      if (life.state === 'skip') return;
      const classId = cell(row, c.classSourcedId);
      if (st.skippedClasses.has(classId)) return;
      const role = cell(row, c.role).toLowerCase();
      if (role === 'administrator' || role === 'proctor' || role === 'aide') return;
      if (role !== 'student' && role !== 'teacher') {
        return st.error('enrollments', line, 'role', K.invalidValue, { value: cell(row, c.role), values: 'student, teacher' });
      }
      const userId = cell(row, c.userSourcedId);
      if (userId === '') return st.error('enrollments', line, 'userSourcedId', K.required);
      if (classId === '') return st.error('enrollments', line, 'classSourcedId', K.required);
      const klass = st.classes.get(classId);
      const kind = klass?.kind ?? (st.known('basisGroups', classId) ? 'basis' : st.known('teachingGroups', classId) ? 'teaching' : null);
      if (!kind) return st.error('enrollments', line, 'classSourcedId', K.unknownReference, { id: classId, file: st.name('classes') });
      const begin = cell(row, c.beginDate);
      const end = cell(row, c.endDate);
      const beginDay = begin === '' ? null : parseDay(begin) ?? null;
      const endDay = end === '' ? null : parseDay(end) ?? null;
      if (begin !== '' && beginDay === null) return st.error('enrollments', line, 'beginDate', K.invalidDate, { value: begin });
      if (end !== '' && endDay === null) return st.error('enrollments', line, 'endDate', K.invalidDate, { value: end });
      if (beginDay && endDay && endDay < beginDay) return st.error('enrollments', line, 'endDate', K.endBeforeStart);
      const at = st.at('enrollments', line);

      if (role === 'teacher') {
        const assignmentKind = kind === 'basis' ? 'contactTeachers' : 'subjectTeachers';
        if (life.state === 'deleted') {
          st.ended.push({ kind: assignmentKind, sourceId: id, on: endDay ? addDays(endDay, 1) : life.modifiedOn ?? '', at });
          return;
        }
        // the homeroom's primary teacher is its contact teacher; a school with two per class marks the second with metadata.no.contactTeacher
        if (kind === 'basis' && parseBoolean(cell(row, c.primary)) === false && parseBoolean(cell(row, c[EXT.contactTeacher])) !== true) return;
        const schoolId = klass?.schoolId ?? cell(row, c.schoolSourcedId);
        const user = st.users.get(userId);
        const staffMemberId = staffId(user?.id ?? userId, schoolId);
        if (user ? !user.staffAt?.includes(schoolId) : !(delta && st.known('staff', staffMemberId))) {
          return st.error('enrollments', line, 'userSourcedId', user ? K.notStaffAtSchool : K.unknownReference, { id: userId, school: schoolId, file: st.name('users') });
        }
        if (assigned.has(`${classId}|${staffMemberId}`)) return;
        assigned.add(`${classId}|${staffMemberId}`);
        st.roster[assignmentKind].push({ sourceId: id, at, groupId: klass?.id ?? classId, staffMemberId });
        return;
      }

      const user = st.users.get(userId);
      if (user ? !user.student : !(delta && st.known('students', userId))) {
        return st.error('enrollments', line, 'userSourcedId', user ? K.notAStudent : K.unknownReference, { id: userId, file: st.name('users') });
      }
      // without beginDate the enrolment starts with its class; a delta about a class it does not carry starts it the day it was made
      const startsOn = beginDay ?? klass?.startsOn ?? (delta && life.state === 'active' ? life.modifiedOn : null);
      let endsOn = endDay ? addDays(endDay, 1) : null;
      if (life.state === 'deleted') {
        endsOn ??= life.modifiedOn;
        if (endsOn === null) return st.error('enrollments', line, 'dateLastModified', K.required);
        // the roster cannot say it ended without knowing when it began: the sync ends the enrolment it has
        if (startsOn === null || endsOn <= startsOn) {
          st.ended.push({ kind: 'enrolments', sourceId: id, on: endsOn, at });
          return;
        }
      }
      if (startsOn === null) return st.error('enrollments', line, 'beginDate', K.noStartDate);
      if (endsOn !== null && endsOn <= startsOn) return st.error('enrollments', line, 'endDate', K.endBeforeStart);
      st.roster.enrolments.push({ sourceId: id, at, studentId: user?.id ?? userId, group: { kind, id: klass?.id ?? classId }, startsOn, endsOn });
      if (kind === 'basis' && klass) {
        const best = basisOf.get(userId);
        const current = endsOn === null;
        if (!best || (current && !best.current) || (current === best.current && startsOn > best.startsOn)) basisOf.set(userId, { classId, startsOn, current });
      }
    };
  };
}

/** A student's level and programme from their basis group, where their own row had none. */
export function finishStudents(st: ReadingState, basisOf: BasisOf): void {
  const unchanged = new Set<string>();
  for (const [id, facts] of st.users) {
    const student = facts.student;
    if (!student) continue;
    const basis = basisOf.get(id);
    const klass = basis ? st.classes.get(basis.classId) : undefined;
    if (facts.levelFromGroup) {
      if (klass?.level) student.level = klass.level;
      // a delta about a student the sync has, without grades or class: their name changed, not their level
      else if (st.mode('users') === 'delta' && st.known('students', id)) unchanged.add(id);
      else st.error('users', facts.line, 'grades', K.noLevel);
    }
    if (!facts.programmeGiven && klass?.programme && !student.level.startsWith('grade')) student.programme = klass.programme;
  }
  if (unchanged.size > 0) st.roster.students = st.roster.students.filter((s) => !unchanged.has(s.sourceId));
}

/** A school whose org row did not say its stage has the stage of the levels it teaches; upper secondary when nothing tells. */
export function finishSchools(st: ReadingState): void {
  const levels = new Map<string, Set<string>>();
  const add = (schoolId: string, level: string): void => {
    const set = levels.get(schoolId) ?? new Set<string>();
    set.add(level.startsWith('vg') ? 'vg' : 'grade');
    levels.set(schoolId, set);
  };
  for (const g of st.roster.basisGroups) add(g.schoolId, g.level);
  for (const s of st.roster.students) add(s.schoolId, s.level);
  for (const school of st.roster.schools) {
    if (st.schoolStageGiven.has(school.sourceId)) continue;
    const set = levels.get(school.sourceId);
    if (set && !set.has('vg') && set.has('grade')) school.stage = 'compulsory';
  }
}
