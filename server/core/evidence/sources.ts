/**
 * The registry of evidence sources for the annual cycle's routines (R-30…R-33): what counts as done for a
 * routine's task, read from the data — never a ticked box, unless the routine has no data behind it
 * (`handTicked`, and the UI says so). The routine engine (features/annualCycle) reads the sources; each
 * feature that has the data provides its own in its description (`evidence`).
 *
 * A routine makes one task per subject of its scope:
 *   eachStudent                 → subject 'student'        (subject_id = student id)
 *   eachBasisGroup              → subject 'basisGroup'     (subject_id = basis group id)
 *   eachTeacher                 → subject 'teacher'        (subject_id = staff member id)
 *   eachSubjectTeacherOfStudent → subject 'studentTeacher' (subject_id = student id, teacher_id = staff member id)
 *
 * An EvidenceSource says, for one school and school year, which subjects have evidence and on which day.
 * Sources are set-based: `sql` returns the text of ONE SELECT that yields the columns
 *   subject_id uuid, teacher_id uuid (NIL_UUID unless the subject is 'studentTeacher'), done_on date
 * and binds its values with `p(value)` (which returns the `$n` placeholder), so that the engine can put
 * every routine's evidence in one query. The engine filters the window itself (done_on on or after the
 * window opens; after it closes counts as done late).
 *
 * A source reads only the slice asked about: `students`, `classes` and `teachers` are uuid[] values of the
 * engine's task subjects (a class's students for a drill-down, a teacher's own for the home page, the whole
 * school for compliance), used as `x.student_id = any(${q.students})`. They are bound arrays, not subqueries,
 * so the planner knows how many there are and reads a class's evidence by index, not the county's by scan.
 * Current membership is judged on `today` (the request's day, pinned in tests), never the database's clock.
 *
 * Features provide sources: a feature lists its `EvidenceSource`s (from its own evidence.ts) in its
 * description, and adds the kind's name to `evidenceKinds` below. A source with `dataBacked: false` is a
 * placeholder: until its data exists the routine is hand-ticked, and the UI says so.
 */

export const NIL_UUID = '00000000-0000-0000-0000-000000000000';

export const taskSubjectKinds = ['student', 'basisGroup', 'teacher', 'studentTeacher'] as const;
export type TaskSubjectKind = (typeof taskSubjectKinds)[number];


export const evidenceKinds = [
  'conversationHeld',
  'guardianConferenceOffered',
  'formativeAssessmentRecorded',
  'weeklyAbsenceCheckDone',
  'handTicked',
  // provided by other features of issue 6; hand-ticked until their data exists
  'accommodationNeedConfirmed',
  'formReceived',
  'parentMeetingFollowedUp',
  'startOfYearChecklistDone',
  'classRulesPublished',
  'studentRepresentativesElected',
  'assessmentPlanPublished',
  // issue 14: features/screening
  'screeningCompleted',
  'classTeamMeetingHeld',
] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export interface EvidenceQuery {
  ownerId: string;
  schoolId: string;
  schoolYearId: string;
  /** which subject the routine's tasks are about (a source may prove several) */
  subject: TaskSubjectKind;
  /** the routine's parameter, e.g. the conversation kind or a form id; null when the kind takes none */
  param: string | null;
  /** the day tasks are judged on (bind it: `${p(q.today)}::date`) */
  today: string;
  /** SQL subquery of the student ids in the slice: `x.student_id = any(${q.students})` */
  students: string;
  /** SQL subquery of the basis group ids in the slice */
  classes: string;
  /** SQL subquery of the staff member ids in the slice (teachers of the slice's students) */
  teachers: string;
}

/** Binds a value and returns its placeholder (`$3`); cast in the SQL where the type matters (`${p(x)}::uuid`). */
export type Bind = (value: unknown) => string;

export interface EvidenceSource {
  kind: EvidenceKind;
  /** the task subjects this evidence can prove */
  subjects: readonly TaskSubjectKind[];
  /** the parameter the routine must give, if any (validated when a routine is saved) */
  param?: { name: 'conversationKind' | 'formId'; values?: readonly string[] };
  /** false: the data behind it does not exist (yet); the routine's tasks are hand-ticked and the UI says so */
  dataBacked: boolean;
  /** one SELECT of (subject_id uuid, teacher_id uuid, done_on date); see the module comment */
  sql?: (q: EvidenceQuery, p: Bind) => string;
}

const registry = new Map<EvidenceKind, EvidenceSource>();

export function registerEvidenceSource(source: EvidenceSource): void {
  if (registry.has(source.kind)) throw new Error(`evidence: ${source.kind} is registered twice`);
  registry.set(source.kind, source);
}

export function evidenceSource(kind: EvidenceKind): EvidenceSource {
  const s = registry.get(kind);
  if (!s) throw new Error(`no evidence source registered for ${kind}`);
  return s;
}

/** In the order of `evidenceKinds`, whichever order the features were installed in. */
export function allEvidenceSources(): EvidenceSource[] {
  return evidenceKinds.flatMap((kind) => registry.get(kind) ?? []);
}

/** A routine is hand-ticked when its evidence is handTicked or a placeholder whose data does not exist yet. */
export function isHandTicked(kind: EvidenceKind): boolean {
  const s = registry.get(kind);
  return !s || !s.dataBacked || !s.sql;
}

/** the staff member id of a person at the school (the teacher of a 'studentTeacher' task) */
export const staffOf = (personColumn: string, ownerColumn: string, school: string) =>
  `(select sm.id from staff_member sm where sm.owner_id = ${ownerColumn} and sm.person_id = ${personColumn} and sm.school_id = ${school})`;

/** only the slice's students (the owner's tables hold a whole county) */
export const ofSlice = (column: string, q: EvidenceQuery) => `${column} = any(${q.students})`;

/** Day in Norway of a timestamptz column, for done_on. */
export const osloDay = (column: string) => `(${column} at time zone 'Europe/Oslo')::date`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const literal = (id: string) => {
  if (!UUID.test(id)) throw new Error(`not a uuid: ${id}`);
  return `'${id}'::uuid`;
};

/**
 * The whole school and school year as the slice, for running one source on its own (a feature's tests),
 * outside the engine's statement. The ids are checked to be uuids and written as literals, so that a source
 * that does not use one of the subqueries leaves no unused parameter behind.
 */
export function wholeSchool(base: Pick<EvidenceQuery, 'ownerId' | 'schoolId' | 'schoolYearId' | 'subject' | 'param' | 'today'>): EvidenceQuery {
  const [o, s, y] = [literal(base.ownerId), literal(base.schoolId), literal(base.schoolYearId)];
  const current = (e: string) => `${e}.starts_on <= '${base.today}'::date and (${e}.ends_on is null or ${e}.ends_on > '${base.today}'::date)`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(base.today)) throw new Error(`not a day: ${base.today}`);
  return {
    ...base,
    students: `array(select st.id from student st where st.owner_id = ${o} and st.school_id = ${s})`,
    classes: `array(select g.id from basis_group g where g.owner_id = ${o} and g.school_id = ${s} and g.school_year_id = ${y})`,
    teachers: `array(select sa.staff_member_id from subject_teacher_assignment sa join teaching_group tg on tg.owner_id = sa.owner_id and tg.id = sa.teaching_group_id
      join enrolment e on e.owner_id = tg.owner_id and e.teaching_group_id = tg.id
      where sa.owner_id = ${o} and tg.school_id = ${s} and tg.school_year_id = ${y} and ${current('e')})`,
  };
}
