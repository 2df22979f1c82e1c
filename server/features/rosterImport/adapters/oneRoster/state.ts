/**
 * What one reading of a OneRoster zip keeps between its files: the compact facts a later file needs
 * from an earlier one (an org's type and parent, a class's kind and school, a user's roles), the roster
 * being built and the errors. Files are read in the order their references run — orgs, sessions,
 * courses, classes, roles, demographics, users, enrollments — so every row is mapped as it streams by.
 */
import type { Level } from '../../../../core/db/tables.js';
import { emptyRoster, type EndedRecord, type Roster, type RosterKind, type RosterStudent, type RowError, type SourcePlace } from '../../roster.js';
import type { RosterFile } from './columns.js';
import type { Header, Row } from './files.js';
import { K } from './messages.js';
import { parseDayOfDateTime } from './values.js';

export type Mode = 'bulk' | 'delta' | 'absent';

/** The files errors can name: the roster's and the manifest. */
export type CsvFile = RosterFile | 'manifest';

export type { EndedRecord };

export type KnownIds = Partial<Record<RosterKind, ReadonlySet<string>>>;

/** Ids the sync already holds from earlier imports of the same source, so a delta may point at them. */
export interface ReadContext {
  known?: KnownIds;
  /**
   * Reads them only when the manifest says a file is a delta: a bulk export needs none, and a county's
   * links are a million and a half.
   */
  loadKnown?: () => Promise<KnownIds>;
}

export interface Org { type: string; name: string; parentId: string | null; line: number }
export interface Session { type: string; title: string; startsOn: string; endsOn: string; parentId: string | null; line: number }
export interface Course {
  title: string; code: string; grades: string[]; orgId: string; schoolYearId: string; annualHours: string; line: number;
  /** set once a scheduled class made a subject of it */
  subjectId?: string;
}
export interface Klass {
  /** the class's id, kept once so every enrolment in it shares the string */
  id: string;
  kind: 'basis' | 'teaching'; schoolId: string; departmentId: string | null; schoolYearId: string;
  level: Level | null; programme: 'general' | 'vocational' | null;
  /** where an enrolment without beginDate starts: the class's first term, or its school year */
  startsOn: string | null;
}
export interface RoleRow { role: string; primary: boolean; orgId: string; elevlosRole: string; at: SourcePlace }
export type GuardianRole = 'parent' | 'guardian' | 'relative';
export interface UserFacts {
  /** the user's id, kept once so every record that points at them shares the string */
  id: string;
  line: number;
  student: RosterStudent | null;
  /** the student's grades gave no level: taken from their basis group once enrolments are read */
  levelFromGroup: boolean;
  programmeGiven: boolean;
  guardianRole: GuardianRole | null;
  relation: 'mother' | 'father' | 'other' | null;
  /** schools where the user is staff; null for most users, who are not */
  staffAt: string[] | null;
  withoutResponsibility: readonly string[];
  notLivingWith: readonly string[];
}

export class ReadingState {
  readonly roster: Roster = emptyRoster();
  readonly errors: RowError[] = [];
  readonly ended: EndedRecord[] = [];
  readonly modes = new Map<RosterFile, Mode>();
  /** the name each OneRoster file has in the upload (a zip may keep them in a folder) */
  readonly fileNames = new Map<CsvFile, string>();
  readonly orgs = new Map<string, Org>();
  readonly sessions = new Map<string, Session>();
  readonly courses = new Map<string, Course>();
  readonly classes = new Map<string, Klass>();
  /** mentor homerooms (FINT's kontaktlærergruppe) and other classes deliberately left out: their enrolments are skipped too */
  readonly skippedClasses = new Set<string>();
  readonly rolesByUser = new Map<string, RoleRow[]>();
  readonly demographics = new Map<string, { birthDate: string | null; sex: string }>();
  readonly users = new Map<string, UserFacts>();
  readonly subjects = new Map<string, Roster['subjects'][number]>();
  readonly schoolStageGiven = new Set<string>();

  constructor(private context: ReadContext) {}

  /** Once the manifest is read: a delta may point at what earlier imports brought, so those ids are read now. */
  async loadKnownForDelta(): Promise<void> {
    if (this.context.known || !this.context.loadKnown || ![...this.modes.values()].includes('delta')) return;
    this.context = { known: await this.context.loadKnown() };
  }

  /** whether the reading looked at the ids earlier imports linked (it then depends on them, not only on the files) */
  get usedKnown(): boolean {
    return this.context.known !== undefined;
  }

  mode(file: RosterFile): Mode {
    return this.modes.get(file) ?? 'absent';
  }

  name(file: CsvFile): string {
    return this.fileNames.get(file) ?? `${file}.csv`;
  }

  known(kind: RosterKind, id: string): boolean {
    return this.context.known?.[kind]?.has(id) ?? false;
  }

  error(file: CsvFile, line: number, field: string, key: string, params?: Record<string, string | number>): void {
    this.errors.push({ file: this.name(file), line, field, key, ...(params ? { params } : {}) });
  }

  at(file: RosterFile, line: number): SourcePlace {
    return { file: this.name(file), line };
  }

  /**
   * An org as the school (and department) a record belongs to: a department stands for its school and
   * itself. Reports what is wrong with the reference and returns null.
   */
  schoolOf(file: RosterFile, line: number, field: string, orgId: string): { schoolId: string; departmentId: string | null } | null {
    const org = this.orgs.get(orgId);
    if (!org) {
      if (this.known('schools', orgId)) return { schoolId: orgId, departmentId: null };
      this.error(file, line, field, K.unknownReference, { id: orgId, file: this.name('orgs') });
      return null;
    }
    if (org.type === 'school') return { schoolId: orgId, departmentId: null };
    if (org.type === 'department') {
      const schoolId = this.schoolAbove(orgId);
      if (schoolId) return { schoolId, departmentId: orgId };
    }
    this.error(file, line, field, K.wrongOrgType, { id: orgId, type: org.type, expected: 'school / department' });
    return null;
  }

  /** the nearest school above an org (departments may nest) */
  schoolAbove(orgId: string): string | null {
    let id: string | null = this.orgs.get(orgId)?.parentId ?? null;
    for (let hops = 0; id !== null && hops < 20; hops++) {
      const org = this.orgs.get(id);
      if (!org) return null;
      if (org.type === 'school') return id;
      id = org.parentId;
    }
    return null;
  }
}

/** Column positions by name; -1 for a column the file does not have. */
export function columns<T extends string>(header: Header, names: readonly T[]): Record<T, number> {
  const out = {} as Record<T, number>;
  for (const n of names) out[n] = header.col(n);
  return out;
}

export function cell(row: Row, i: number): string {
  return i < 0 ? '' : row.field(i).trim();
}

/** Reports the required columns the header lacks; true when all are there. */
export function hasColumns(st: ReadingState, file: CsvFile, header: Header, required: readonly string[]): boolean {
  let ok = true;
  for (const name of required) {
    if (!header.has(name)) {
      st.error(file, 1, name, K.missingColumn, { column: name });
      ok = false;
    }
  }
  return ok;
}

/**
 * A row's lifecycle under the binding: blank or `active` is a current record; `tobedeleted` in a delta
 * file is a record that ended on its dateLastModified; in a bulk file it is simply not current, so it is
 * left out — exactly what the bulk file means by not having it.
 */
export function lifecycle(
  st: ReadingState, file: RosterFile, line: number, status: string, modified: string,
): { state: 'active' | 'deleted' | 'skip'; modifiedOn: string | null } {
  let modifiedOn: string | null = null;
  if (modified !== '') {
    modifiedOn = parseDayOfDateTime(modified) ?? null;
    if (modifiedOn === null) {
      st.error(file, line, 'dateLastModified', K.invalidDateTime, { value: modified });
      return { state: 'skip', modifiedOn };
    }
  }
  const s = status.toLowerCase();
  if (s === '' || s === 'active') return { state: 'active', modifiedOn };
  if (s === 'tobedeleted') return { state: st.mode(file) === 'delta' ? 'deleted' : 'skip', modifiedOn };
  st.error(file, line, 'status', K.invalidValue, { value: status, values: 'active, tobedeleted' });
  return { state: 'skip', modifiedOn };
}
