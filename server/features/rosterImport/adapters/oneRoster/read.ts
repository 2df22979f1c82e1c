/**
 * `readOneRosterZip`: a OneRoster 1.2 CSV zip (1.1 read too) as the roster every source yields. Each
 * file is inflated and parsed once, streaming, in the order references run, so a row is mapped as it
 * passes and only compact facts are kept for the files after it. README.md in this folder has the
 * mapping, the Norwegian extension columns and what bulk and delta mean for the sync.
 */
import type { FileAdapter, RosterKind, RosterReading, UploadedFile } from '../../roster.js';
import type { RosterFile } from './columns.js';
import { listEntries, readCsv, type CsvEntry, type Header, type RowHandler } from './files.js';
import { K } from './messages.js';
import { enrollmentsHandler, finishSchools, finishStudents, type BasisOf } from './enrollments.js';
import { demographicsHandler, finishLinks, rolesHandler, usersHandler } from './people.js';
import { ReadingState, type EndedRecord, type Mode, type ReadContext } from './state.js';
import { classesHandler, coursesHandler, finishOrgs, finishSessions, manifestHandler, orgsHandler, sessionsHandler } from './structure.js';

export type { EndedRecord, ReadContext };

export interface OneRosterReading extends RosterReading {
  /** how the manifest delivered each file */
  modes: Record<RosterFile, Mode>;
  /**
   * The kinds this reading does not hold in full — read from a delta file, or from no file at all:
   * a record of these kinds that the reading lacks has not left the source, so the sync must not end it.
   */
  partialKinds: RosterKind[];
  /**
   * Records a delta marks tobedeleted that the roster itself cannot show as ended: the sync ends them
   * (sync/ends.ts) as if a whole export no longer had them.
   */
  ended: EndedRecord[];
  /** the reading used the ids of earlier imports (a delta): it is not the files' alone */
  usedKnown: boolean;
}

const ORDER: readonly RosterFile[] = ['orgs', 'academicSessions', 'courses', 'classes', 'roles', 'demographics', 'users', 'enrollments'];

/** Which files a kind is read from: a kind is whole only when every one of them came in bulk. */
const SOURCES: Record<RosterKind, readonly RosterFile[]> = {
  schools: ['orgs'], departments: ['orgs'], schoolYears: ['academicSessions'], terms: ['academicSessions'],
  subjects: ['courses', 'classes'], basisGroups: ['classes'], teachingGroups: ['classes'],
  people: ['users'], students: ['users', 'roles'], staff: ['users', 'roles'], guardianships: ['users', 'roles'],
  enrolments: ['enrollments'], contactTeachers: ['enrollments'], subjectTeachers: ['enrollments'], lessons: [],
};

export async function readOneRosterZip(files: readonly UploadedFile[], context: ReadContext = {}): Promise<OneRosterReading> {
  const st = new ReadingState(context);
  const { entries, errors } = listEntries(files);
  st.errors.push(...errors);
  const present = new Set<RosterFile>();
  for (const f of ORDER) {
    const entry = entries.get(`${f.toLowerCase()}.csv`);
    if (entry) {
      present.add(f);
      st.fileNames.set(f, entry.file);
      st.modes.set(f, 'bulk');
    }
  }
  const read = (entry: CsvEntry, onHeader: (header: Header) => RowHandler | null): Promise<void> => readCsv(entry, onHeader, st.errors);

  const manifest = entries.get('manifest.csv');
  if (manifest) {
    st.fileNames.set('manifest', manifest.file);
    await read(manifest, manifestHandler(st, present));
    await st.loadKnownForDelta();
  } else if (errors.length === 0) {
    st.error('manifest', 0, 'file', K.missingManifest);
  }
  // 1.1 kept roles in users.csv: roles.csv absent then means "in users.csv", not "none"
  const rolesInUsers = st.mode('roles') === 'absent';

  const links: Parameters<typeof usersHandler>[1] = [];
  const basisOf: BasisOf = new Map();
  const handlers: Record<RosterFile, (header: Header) => RowHandler | null> = {
    orgs: orgsHandler(st), academicSessions: sessionsHandler(st), courses: coursesHandler(st), classes: classesHandler(st),
    roles: rolesHandler(st), demographics: demographicsHandler(st), users: usersHandler(st, links), enrollments: enrollmentsHandler(st, basisOf),
  };
  for (const file of ORDER) {
    const entry = entries.get(`${file.toLowerCase()}.csv`);
    if (entry && st.mode(file) !== 'absent') await read(entry, handlers[file]);
    if (file === 'orgs') finishOrgs(st);
    if (file === 'academicSessions') finishSessions(st);
    if (file === 'users') {
      finishLinks(st, links);
      // what only the users needed: a county's roles and demographics need not wait for its enrolments
      st.rolesByUser.clear();
      st.demographics.clear();
      links.length = 0;
    }
  }
  finishStudents(st, basisOf);
  finishSchools(st);

  const modes = Object.fromEntries(ORDER.map((f) => [f, st.mode(f)])) as Record<RosterFile, Mode>;
  const partialKinds = (Object.keys(SOURCES) as RosterKind[]).filter((kind) => {
    const sources = SOURCES[kind].filter((f) => !(f === 'roles' && rolesInUsers));
    return sources.length === 0 || sources.some((f) => modes[f] !== 'bulk');
  });
  return { roster: st.roster, errors: st.errors, modes, partialKinds, ended: st.ended, usedKnown: st.usedKnown };
}

// the contract's FileAdapter, with the ids of earlier imports as an optional second argument
readOneRosterZip satisfies FileAdapter;
