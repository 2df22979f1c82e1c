/**
 * The school's structure from a OneRoster zip: the manifest (which files, bulk or delta), orgs (schools,
 * departments, districts), academic sessions (school years and terms), courses (subjects, made only of
 * the courses a scheduled class uses) and classes (homeroom → basis group, scheduled → teaching group).
 */
import type { Level } from '../../../../core/db/tables.js';
import { EXT, ONEROSTER_FILES, REQUIRED, type RosterFile } from './columns.js';
import type { Header, RowHandler } from './files.js';
import { K } from './messages.js';
import { cell, columns, hasColumns, lifecycle, type Klass, type Mode, type ReadingState } from './state.js';
import { levelInTitle, parseDay, parseLevel, parseList, parseProgramme } from './values.js';

const ROSTER_FILES: readonly RosterFile[] = ['orgs', 'academicSessions', 'courses', 'classes', 'users', 'roles', 'demographics', 'enrollments'];

/**
 * manifest.csv: `oneroster.version` and `file.<name>` = bulk | delta | absent. A file the manifest does
 * not name but the zip has counts as bulk; a file the manifest names but the zip lacks is an error.
 */
export function manifestHandler(st: ReadingState, present: ReadonlySet<RosterFile>): (header: Header) => RowHandler | null {
  return (header) => {
    if (!hasColumns(st, 'manifest', header, ['propertyName', 'value'])) return null;
    const c = columns(header, ['propertyName', 'value'] as const);
    return (row, line) => {
      const name = cell(row, c.propertyName);
      const value = cell(row, c.value);
      if (name === 'oneroster.version') {
        if (!/^1\.[12](\.\d+)?$/.test(value)) st.error('manifest', line, 'value', K.unsupportedVersion, { version: value });
        return;
      }
      if (!name.startsWith('file.')) return;
      const file = ONEROSTER_FILES.find((f) => f.toLowerCase() === name.slice(5).toLowerCase());
      if (!file || !(ROSTER_FILES as readonly string[]).includes(file)) return;
      const mode = value.toLowerCase();
      if (mode !== 'bulk' && mode !== 'delta' && mode !== 'absent') {
        st.error('manifest', line, 'value', K.invalidValue, { value, values: 'bulk, delta, absent' });
        return;
      }
      const rf = file as RosterFile;
      if (mode !== 'absent' && !present.has(rf)) st.error('manifest', line, 'value', K.missingFile, { name: `${rf}.csv` });
      st.modes.set(rf, present.has(rf) ? mode as Mode : 'absent');
    };
  };
}

const STAGE: Record<string, 'upperSecondary' | 'compulsory'> = {
  uppersecondary: 'upperSecondary', videregående: 'upperSecondary', vidaregåande: 'upperSecondary', vgs: 'upperSecondary',
  compulsory: 'compulsory', grunnskole: 'compulsory', grunnskule: 'compulsory',
};

export function orgsHandler(st: ReadingState): (header: Header) => RowHandler | null {
  return (header) => {
    if (!hasColumns(st, 'orgs', header, REQUIRED.orgs)) return null;
    const c = columns(header, ['sourcedId', 'status', 'dateLastModified', 'name', 'type', 'identifier', 'parentSourcedId', EXT.stage, EXT.organisationNumber] as const);
    return (row, line) => {
      const id = cell(row, c.sourcedId);
      if (id === '') return st.error('orgs', line, 'sourcedId', K.required);
      if (st.orgs.has(id)) return st.error('orgs', line, 'sourcedId', K.duplicateId, { id });
      const life = lifecycle(st, 'orgs', line, cell(row, c.status), cell(row, c.dateLastModified));
      if (life.state === 'skip') return;
      const type = cell(row, c.type);
      if (life.state === 'deleted') {
        if (type === 'school' || type === 'department') {
          st.ended.push({ kind: type === 'school' ? 'schools' : 'departments', sourceId: id, on: life.modifiedOn ?? '', at: st.at('orgs', line) });
        }
        return;
      }
      const name = cell(row, c.name);
      st.orgs.set(id, { type, name, parentId: cell(row, c.parentSourcedId) || null, line });
      if (name === '') st.error('orgs', line, 'name', K.required);
      if (type === 'school') {
        const stageText = cell(row, c[EXT.stage]);
        const stage = stageText === '' ? 'upperSecondary' : STAGE[stageText.toLowerCase()];
        if (stage === undefined) st.error('orgs', line, EXT.stage, K.invalidValue, { value: stageText, values: 'upperSecondary, compulsory' });
        else if (stageText !== '') st.schoolStageGiven.add(id);
        const orgNo = cell(row, c[EXT.organisationNumber]) || (/^\d{9}$/.test(cell(row, c.identifier)) ? cell(row, c.identifier) : '');
        if (orgNo !== '' && !/^\d{9}$/.test(orgNo)) st.error('orgs', line, EXT.organisationNumber, K.invalidValue, { value: orgNo, values: '9 siffer / 9 digits' });
        st.roster.schools.push({ sourceId: id, at: st.at('orgs', line), name, stage: stage ?? 'upperSecondary', organisationNumber: orgNo || null });
      } else if (!['department', 'district', 'local', 'state', 'national'].includes(type) && !type.startsWith('ext:')) {
        st.error('orgs', line, 'type', K.invalidValue, { value: type, values: 'school, department, district' });
      }
    };
  };
}

/** Departments once every org is known: a department's school may come after it in the file. */
export function finishOrgs(st: ReadingState): void {
  for (const [id, org] of st.orgs) {
    if (org.type !== 'department') continue;
    const schoolId = st.schoolAbove(id);
    if (!schoolId) {
      st.error('orgs', org.line, 'parentSourcedId', org.parentId ? K.wrongOrgType : K.required,
        org.parentId ? { id: org.parentId, type: st.orgs.get(org.parentId)?.type ?? '?', expected: 'school' } : undefined);
      continue;
    }
    st.roster.departments.push({ sourceId: id, at: st.at('orgs', org.line), schoolId, name: org.name });
  }
}

/** "2026/27" from a school year's dates, unless the title already says it so. */
function schoolYearName(title: string, startsOn: string, endsOn: string): string {
  if (/^\d{4}\/\d{2}$/.test(title)) return title;
  const from = Number(startsOn.slice(0, 4));
  const to = Number(endsOn.slice(0, 4));
  return to === from + 1 ? `${from}/${String(to).slice(2)}` : title;
}

export function sessionsHandler(st: ReadingState): (header: Header) => RowHandler | null {
  return (header) => {
    if (!hasColumns(st, 'academicSessions', header, REQUIRED.academicSessions)) return null;
    const c = columns(header, ['sourcedId', 'status', 'dateLastModified', 'title', 'type', 'startDate', 'endDate', 'parentSourcedId'] as const);
    return (row, line) => {
      const id = cell(row, c.sourcedId);
      if (id === '') return st.error('academicSessions', line, 'sourcedId', K.required);
      if (st.sessions.has(id)) return st.error('academicSessions', line, 'sourcedId', K.duplicateId, { id });
      const life = lifecycle(st, 'academicSessions', line, cell(row, c.status), cell(row, c.dateLastModified));
      if (life.state !== 'active') return;
      const type = cell(row, c.type);
      if (!['schoolYear', 'term', 'semester', 'gradingPeriod'].includes(type) && !type.startsWith('ext:')) {
        return st.error('academicSessions', line, 'type', K.invalidValue, { value: type, values: 'schoolYear, term, semester, gradingPeriod' });
      }
      const start = parseDay(cell(row, c.startDate));
      const end = parseDay(cell(row, c.endDate));
      if (!start) st.error('academicSessions', line, 'startDate', K.invalidDate, { value: cell(row, c.startDate) });
      if (!end) st.error('academicSessions', line, 'endDate', K.invalidDate, { value: cell(row, c.endDate) });
      if (!start || !end) return;
      if (end < start) return st.error('academicSessions', line, 'endDate', K.endBeforeStart);
      st.sessions.set(id, { type, title: cell(row, c.title), startsOn: start, endsOn: end, parentId: cell(row, c.parentSourcedId) || null, line });
    };
  };
}

/** The school year a session lies in: itself, the year above it, or the year whose dates hold it. */
export function schoolYearOf(st: ReadingState, sessionId: string): string | null {
  let id: string | null = sessionId;
  for (let hops = 0; id !== null && hops < 10; hops++) {
    const s = st.sessions.get(id);
    if (!s) return st.known('schoolYears', id) ? id : null;
    if (s.type === 'schoolYear') return id;
    id = s.parentId;
  }
  const s = st.sessions.get(sessionId);
  if (!s) return null;
  for (const [yid, y] of st.sessions) if (y.type === 'schoolYear' && y.startsOn <= s.startsOn && s.endsOn <= y.endsOn) return yid;
  return null;
}

/**
 * School years and their halves. A term or semester that spans its whole year is the year itself, and
 * grading periods are no terms: both are left out. A half starting July–December is the autumn term.
 */
export function finishSessions(st: ReadingState): void {
  for (const [id, s] of st.sessions) {
    if (s.type === 'schoolYear') {
      st.roster.schoolYears.push({ sourceId: id, at: st.at('academicSessions', s.line), name: schoolYearName(s.title, s.startsOn, s.endsOn), startsOn: s.startsOn, endsOn: s.endsOn });
    }
  }
  const kinds = new Set<string>();
  for (const [id, s] of st.sessions) {
    if (s.type !== 'term' && s.type !== 'semester') continue;
    const yearId = schoolYearOf(st, id);
    if (!yearId) {
      st.error('academicSessions', s.line, 'parentSourcedId', K.termOutsideYear);
      continue;
    }
    const year = st.sessions.get(yearId);
    if (year && year.startsOn === s.startsOn && year.endsOn === s.endsOn) continue;
    const kind = Number(s.startsOn.slice(5, 7)) >= 7 ? 'autumn' : 'spring';
    if (kinds.has(`${yearId}|${kind}`)) {
      st.error('academicSessions', s.line, 'startDate', K.twoTerms, { kind });
      continue;
    }
    kinds.add(`${yearId}|${kind}`);
    st.roster.terms.push({ sourceId: id, at: st.at('academicSessions', s.line), schoolYearId: yearId, kind, startsOn: s.startsOn, endsOn: s.endsOn });
  }
}

export function coursesHandler(st: ReadingState): (header: Header) => RowHandler | null {
  return (header) => {
    if (!hasColumns(st, 'courses', header, REQUIRED.courses)) return null;
    const c = columns(header, ['sourcedId', 'status', 'dateLastModified', 'schoolYearSourcedId', 'title', 'courseCode', 'grades', 'orgSourcedId', 'subjectCodes', EXT.annualHours] as const);
    return (row, line) => {
      const id = cell(row, c.sourcedId);
      if (id === '') return st.error('courses', line, 'sourcedId', K.required);
      if (st.courses.has(id)) return st.error('courses', line, 'sourcedId', K.duplicateId, { id });
      const life = lifecycle(st, 'courses', line, cell(row, c.status), cell(row, c.dateLastModified));
      if (life.state !== 'active') return;
      st.courses.set(id, {
        title: cell(row, c.title),
        code: cell(row, c.courseCode) || (parseList(cell(row, c.subjectCodes))[0] ?? ''),
        grades: parseList(cell(row, c.grades)),
        orgId: cell(row, c.orgSourcedId),
        schoolYearId: cell(row, c.schoolYearSourcedId),
        annualHours: cell(row, c[EXT.annualHours]),
        line,
      });
    };
  };
}

/**
 * The subject a scheduled class teaches: its course, keyed on the national subject code — Elevlos has
 * one subject per code, while a OneRoster export often has a course per school and year. The first
 * course with a code gives the name and annual hours; a bad course is reported once, at its own line.
 */
function subjectOf(st: ReadingState, courseId: string): string {
  const course = st.courses.get(courseId)!;
  if (course.subjectId !== undefined) return course.subjectId;
  const subjectId = course.code !== '' ? course.code : `course:${courseId}`;
  course.subjectId = subjectId;
  if (st.subjects.has(subjectId)) return subjectId;
  if (course.code === '') st.error('courses', course.line, 'courseCode', K.noSubjectCode);
  const hours = /^\d{1,4}$/.test(course.annualHours) ? Number(course.annualHours) : NaN;
  if (Number.isNaN(hours) || hours <= 0) st.error('courses', course.line, EXT.annualHours, K.invalidAnnualHours);
  const subject = { sourceId: subjectId, at: st.at('courses', course.line), code: course.code, name: course.title, annualHours: Number.isNaN(hours) ? 0 : hours };
  st.subjects.set(subjectId, subject);
  st.roster.subjects.push(subject);
  return subjectId;
}

function levelOfGrades(grades: readonly string[]): Level | null | undefined {
  if (grades.length === 0) return null;
  for (const g of grades) {
    const level = parseLevel(g);
    if (level) return level;
  }
  return undefined;
}

export function classesHandler(st: ReadingState): (header: Header) => RowHandler | null {
  return (header) => {
    if (!hasColumns(st, 'classes', header, REQUIRED.classes)) return null;
    const c = columns(header, ['sourcedId', 'status', 'dateLastModified', 'title', 'grades', 'courseSourcedId', 'classCode', 'classType',
      'schoolSourcedId', 'termSourcedIds', EXT.programme, EXT.classType] as const);
    return (row, line) => {
      const id = cell(row, c.sourcedId);
      if (id === '') return st.error('classes', line, 'sourcedId', K.required);
      if (st.classes.has(id) || st.skippedClasses.has(id)) return st.error('classes', line, 'sourcedId', K.duplicateId, { id });
      const life = lifecycle(st, 'classes', line, cell(row, c.status), cell(row, c.dateLastModified));
      if (life.state === 'skip') return;
      const type = cell(row, c.classType);
      if (type !== 'homeroom' && type !== 'scheduled') {
        return st.error('classes', line, 'classType', K.invalidValue, { value: type, values: 'homeroom, scheduled' });
      }
      if (life.state === 'deleted') {
        st.ended.push({ kind: type === 'homeroom' ? 'basisGroups' : 'teachingGroups', sourceId: id, on: life.modifiedOn ?? '', at: st.at('classes', line) });
        return;
      }
      // FINT's OneRoster provider writes each contact-teacher group as a second homeroom marked "mentor";
      // Elevlos assigns contact teachers to the basis group itself, so the mentor group is no group here
      if (type === 'homeroom' && cell(row, c[EXT.classType]).toLowerCase() === 'mentor') {
        st.skippedClasses.add(id);
        return;
      }
      const courseId = cell(row, c.courseSourcedId);
      const course = st.courses.get(courseId);
      if (!course) return st.error('classes', line, 'courseSourcedId', courseId === '' ? K.required : K.unknownReference, { id: courseId, file: st.name('courses') });
      const place = st.schoolOf('classes', line, 'schoolSourcedId', cell(row, c.schoolSourcedId));
      if (!place) return;
      const termIds = parseList(cell(row, c.termSourcedIds));
      let schoolYearId: string | null = null;
      let startsOn: string | null = null;
      for (const termId of termIds) {
        const yearId = schoolYearOf(st, termId);
        if (yearId && !schoolYearId) schoolYearId = yearId;
        const s = st.sessions.get(termId);
        if (s && (startsOn === null || s.startsOn < startsOn)) startsOn = s.startsOn;
      }
      if (!schoolYearId && course.schoolYearId !== '') {
        schoolYearId = schoolYearOf(st, course.schoolYearId);
        startsOn ??= st.sessions.get(course.schoolYearId)?.startsOn ?? null;
      }
      if (!schoolYearId) return st.error('classes', line, 'termSourcedIds', K.noSchoolYear);
      const name = cell(row, c.classCode) || cell(row, c.title);
      if (name === '') st.error('classes', line, 'title', K.required);
      const at = st.at('classes', line);
      const klass: Klass = { id, kind: type === 'homeroom' ? 'basis' : 'teaching', ...place, schoolYearId, level: null, programme: null, startsOn };
      if (type === 'homeroom') {
        const grades = parseList(cell(row, c.grades));
        let level = levelOfGrades(grades);
        if (level === undefined) st.error('classes', line, 'grades', K.invalidLevel, { value: grades.join(',') });
        level ??= levelOfGrades(course.grades) || levelInTitle(course.title) || levelInTitle(name) || null;
        if (level === null) st.error('classes', line, 'grades', K.noGroupLevel);
        const programmeText = cell(row, c[EXT.programme]);
        const programme = programmeText === '' ? null : parseProgramme(programmeText) ?? null;
        if (programmeText !== '' && programme === null) st.error('classes', line, EXT.programme, K.invalidValue, { value: programmeText, values: 'general, vocational' });
        klass.level = level ?? null;
        klass.programme = programme;
        // a homeroom's course may name the department (FINT: the level's course at a department)
        const courseOrg = st.orgs.get(course.orgId);
        const departmentId = place.departmentId ?? (courseOrg?.type === 'department' ? course.orgId : null);
        klass.departmentId = departmentId;
        st.roster.basisGroups.push({ sourceId: id, at, schoolId: place.schoolId, schoolYearId, departmentId, name, level: level ?? 'vg1' });
      } else {
        st.roster.teachingGroups.push({ sourceId: id, at, schoolId: place.schoolId, schoolYearId, subjectId: subjectOf(st, courseId), name });
      }
      st.classes.set(id, klass);
    };
  };
}
