/**
 * The timetable and the absence of a generated owner: the owner's school holidays, weekly
 * lessons for every teaching group (a class's own groups never overlap; the programme electives sit in
 * blocks at the end of the week), and a realistic year of lesson-level absence up to "today": most
 * students rarely away, some often, sick days in runs, late arrivals, self-certification within the
 * L-12 limit. Runs after the people and groups are final (the demo edits them first).
 */
import type { AbsenceReason } from '../features/absence/tables.js';
import { SchoolCalendar, isoWeekday, type OwnerHoliday } from '../core/calendar/calendar.js';
import { ABSENCE_LIMIT_PERCENT } from '../features/absence/rules.js';
import { SCHOOL_YEAR, programmeAreas, type AbsenceRow, type Dataset } from './generate.js';
import type { Random } from './random.js';

/** The owner's own breaks in 2026/27 (public holidays come from the calendar library). */
export const SCHOOL_HOLIDAYS: readonly OwnerHoliday[] = [
  { name: 'Høstferie', startsOn: '2026-09-28', endsOn: '2026-10-02' },
  { name: 'Juleferie', startsOn: '2026-12-19', endsOn: '2027-01-03' },
  { name: 'Vinterferie', startsOn: '2027-02-22', endsOn: '2027-02-26' },
  { name: 'Påskeferie', startsOn: '2027-03-22', endsOn: '2027-03-26' },
];

/** Four double periods a day, each two 45-minute units. */
const PAIRS: readonly (readonly [string, string])[] = [['08:15', '09:00'], ['10:00', '10:45'], ['12:15', '13:00'], ['14:00', '14:45']];
const WEEK_SLOTS = PAIRS.length * 5;
/** the weeks a subject's annual hours are spread over */
const TEACHING_WEEKS = 37.5;

export interface AbsenceOptions {
  ownerId: string;
  schoolYearId: string;
  today: string;
}

export function schoolCalendar(): SchoolCalendar {
  return new SchoolCalendar({ id: '', name: SCHOOL_YEAR.name, startsOn: SCHOOL_YEAR.startsOn, endsOn: SCHOOL_YEAR.endsOn }, SCHOOL_HOLIDAYS);
}

export function addSchoolHolidays(ds: Dataset, r: Random, ownerId: string): void {
  for (const h of SCHOOL_HOLIDAYS) ds.schoolHoliday.push({ ownerId, id: r.uuid(), ...h });
}

/** 45-minute units a week for a subject's annual hours: 140 h → 5 (90 + 90 + 45). */
const unitsPerWeek = (annualHours: number) => Math.max(2, Math.round((annualHours * 60) / TEACHING_WEEKS / 45));

/** Lessons of one group for `units` 45-minute units: double lessons, and a single one if the count is odd. */
const lengths = (units: number): number[] => [...Array(Math.floor(units / 2)).fill(90), ...(units % 2 ? [45] : [])];

/** Slot s of the week: pair p of day d, ordered so that successive slots fall on different days. */
const slotAt = (s: number) => ({ weekday: (s % 5) + 1, pair: Math.floor(s / 5) });

export function addTimetable(ds: Dataset, r: Random, opts: AbsenceOptions): void {
  const hoursOf = new Map(ds.subject.map((s) => [s.id, s.annualHours]));
  const add = (teachingGroupId: string, weekday: number, startsAt: string, minutes: number) =>
    ds.lesson.push({ ownerId: opts.ownerId, id: r.uuid(), teachingGroupId, weekday, startsAt, minutes, startsOn: SCHOOL_YEAR.startsOn, endsOn: null });

  for (const school of ds.school) {
    const groups = ds.teachingGroup.filter((g) => g.schoolId === school.id);
    const classes = ds.basisGroup.filter((b) => b.schoolId === school.id);
    const placed = new Set<string>();
    // a class's own groups: double lessons from the front of the week, round robin so a subject is spread over days
    for (const bg of classes) {
      const own = groups.filter((g) => g.name.startsWith(`${bg.name}-`));
      const queues = own.map((g) => ({ g, left: lengths(unitsPerWeek(hoursOf.get(g.subjectId) ?? 56)) }));
      const doubles: string[] = [];
      const singles: string[] = [];
      for (let round = 0; queues.some((x) => x.left.length); round++) {
        for (const x of queues) {
          const len = x.left.shift();
          if (len === 90) doubles.push(x.g.id);
          else if (len === 45) singles.push(x.g.id);
        }
      }
      let slot = 0;
      for (const id of doubles) {
        if (slot >= WEEK_SLOTS) break;
        const { weekday, pair } = slotAt(slot++);
        add(id, weekday, PAIRS[pair]![0], 90);
      }
      for (let i = 0; i < singles.length && slot < WEEK_SLOTS; i += 2) {
        const { weekday, pair } = slotAt(slot++);
        add(singles[i]!, weekday, PAIRS[pair]![0], 45);
        if (singles[i + 1]) add(singles[i + 1]!, weekday, PAIRS[pair]![1], 45);
      }
      for (const g of own) placed.add(g.id);
    }
    // electives across classes (2R1-A …): in blocks at the end of the week; a student taking one option per block has no clash
    const electives = groups.filter((g) => !placed.has(g.id));
    const byLevel = new Map<string, typeof electives>();
    for (const g of electives) byLevel.set(g.name.charAt(0), [...(byLevel.get(g.name.charAt(0)) ?? []), g]);
    for (const [level, list] of byLevel) {
      const options = programmeAreas.flatMap((a) => a.electives[Number(level) - 1] ? [a.electives[Number(level) - 1]!] : []);
      const choose = options[0]?.choose ?? 1;
      const abbrs = [...new Set(list.map((g) => g.name.slice(1, g.name.lastIndexOf('-'))))].sort();
      const blockOf = (g: (typeof list)[number]) => (choose === 1 ? 0 : abbrs.indexOf(g.name.slice(1, g.name.lastIndexOf('-'))) % choose);
      let end = WEEK_SLOTS;
      for (let b = 0; b < Math.max(1, choose); b++) {
        const members = list.filter((g) => blockOf(g) === b);
        const need = Math.max(0, ...members.map((g) => Math.ceil(unitsPerWeek(hoursOf.get(g.subjectId) ?? 140) / 2)));
        const first = end - need;
        for (const g of members) {
          let slot = first;
          for (const len of lengths(unitsPerWeek(hoursOf.get(g.subjectId) ?? 140))) {
            const { weekday, pair } = slotAt(Math.max(0, slot++));
            add(g.id, weekday, PAIRS[pair]![0], len);
          }
        }
        end = first;
      }
    }
  }
}

interface Occurrence { day: string; lessonId: string; teachingGroupId: string; subjectId: string; minutes: number; startsAt: string }

/**
 * Every lesson a student had on the school days up to today, in time order (by enrolment and timetable).
 * Built one student at a time, so a county of 100 000 students never holds every lesson of the year at once.
 */
export function lessonsByStudent(ds: Dataset, calendar: SchoolCalendar, today: string): (studentId: string) => Occurrence[] {
  const subjectOf = new Map(ds.teachingGroup.map((g) => [g.id, g.subjectId]));
  const lessonsOf = new Map<string, typeof ds.lesson>();
  for (const l of ds.lesson) lessonsOf.set(l.teachingGroupId, [...(lessonsOf.get(l.teachingGroupId) ?? []), l]);
  const enrolmentsOf = new Map<string, typeof ds.enrolment>();
  for (const e of ds.enrolment) if (e.teachingGroupId) enrolmentsOf.set(e.studentId, [...(enrolmentsOf.get(e.studentId) ?? []), e]);
  const days = calendar.schoolDays.filter((d) => d <= today).map((d) => ({ day: d, wd: isoWeekday(d) }));
  return (studentId) => {
    const list: Occurrence[] = [];
    for (const { day, wd } of days) {
      for (const e of enrolmentsOf.get(studentId) ?? []) {
        if (day < e.startsOn || (e.endsOn && day >= e.endsOn)) continue;
        for (const l of lessonsOf.get(e.teachingGroupId!) ?? []) {
          if (l.weekday === wd) list.push({ day, lessonId: l.id, teachingGroupId: l.teachingGroupId, subjectId: subjectOf.get(l.teachingGroupId)!, minutes: l.minutes, startsAt: l.startsAt });
        }
      }
    }
    return list.sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : x.startsAt < y.startsAt ? -1 : 1));
  };
}

/** Planned minutes of each teaching group over the whole school year (for the L-12 check while generating). */
export function plannedMinutesByGroup(ds: Dataset, calendar: SchoolCalendar): Map<string, number> {
  const perWeekday = [0, 0, 0, 0, 0, 0, 0, 0];
  for (const d of calendar.schoolDays) perWeekday[isoWeekday(d)]! += 1;
  const out = new Map<string, number>();
  for (const l of ds.lesson) out.set(l.teachingGroupId, (out.get(l.teachingGroupId) ?? 0) + l.minutes * perWeekday[l.weekday]!);
  return out;
}

const addDaysIso = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Generic absence for every active student; `skip` are set up by hand (the demo's hard cases). */
export function addAbsence(ds: Dataset, r: Random, opts: AbsenceOptions & { skip?: ReadonlySet<string> }): void {
  for (const row of generateAbsence(ds, r, opts)) ds.absence.push(row);
}

export interface GenerateAbsenceOptions extends AbsenceOptions {
  skip?: ReadonlySet<string>;
  /**
   * Scales how often students are away (1 = the demo's county). The bench raises it to reach a county's
   * ten million rows a year without holding them: the rows are yielded one student at a time.
   */
  intensity?: number;
}

/** The rows of `addAbsence`, lazily and in the same order (the same random draws), for bulk loading. */
export function* generateAbsence(ds: Dataset, r: Random, opts: GenerateAbsenceOptions): Generator<AbsenceRow> {
  const k = opts.intensity ?? 1;
  const calendar = schoolCalendar();
  const lessonsOf = lessonsByStudent(ds, calendar, opts.today);
  const planned = plannedMinutesByGroup(ds, calendar);
  const minDoc = (day: string, lo: number, hi: number) => {
    const d = addDaysIso(day, r.int(lo, hi));
    return d > opts.today ? opts.today : d;
  };
  for (const st of ds.student) {
    if (opts.skip?.has(st.id)) continue;
    const occ = lessonsOf(st.id);
    if (!occ.length) continue;
    // how often this student is away: most rarely, some often
    const kind = r.weighted([['rare', 55], ['some', 30], ['often', 12], ['much', 3]] as const);
    const pDay = Math.min(0.5, k * { rare: 0.006, some: 0.02, often: 0.045, much: 0.09 }[kind]);
    const pLesson = Math.min(0.5, k * { rare: 0.01, some: 0.025, often: 0.05, much: 0.1 }[kind]);
    const pLate = Math.min(0.5, k * (r.chance(0.2) ? 0.04 : 0.008));
    const healthOrUndoc = new Map<string, number>();
    const byDay = new Map<string, Occurrence[]>();
    for (const o of occ) byDay.set(o.day, [...(byDay.get(o.day) ?? []), o]);
    let sickLeft = 0;
    let religiousDays = 0;
    let sickReason: AbsenceReason = 'selfCertification';
    for (const [day, today] of byDay) {
      const rows: AbsenceRow[] = [];
      const push = (o: Occurrence, reason: AbsenceReason, fullDay: boolean, late = 0) => {
        const limit = (planned.get(o.teachingGroupId) ?? 0) * ABSENCE_LIMIT_PERCENT;
        const used = healthOrUndoc.get(o.subjectId) ?? 0;
        // L-12: no self-certification once health and undocumented absence has reached 10 % of the subject
        const r2: AbsenceReason = reason === 'selfCertification' && used * 100 >= limit ? 'undocumented' : reason;
        const documentedOn = r2 === 'selfCertification' ? minDoc(day, 0, 2)
          : r2 === 'undocumented' || r2 === 'schoolHealthService' ? null : r.chance(0.8) ? minDoc(day, 1, 7) : null;
        const minutes = late || o.minutes;
        if (r2 === 'selfCertification' || r2 === 'health' || documentedOn === null) healthOrUndoc.set(o.subjectId, used + minutes);
        rows.push({ ownerId: opts.ownerId, studentId: st.id, day, lessonId: o.lessonId, minutes, late: late > 0, fullDay, reason: r2, documentedOn });
      };
      if (sickLeft > 0 || r.chance(pDay)) {
        if (sickLeft === 0) {
          sickLeft = r.weighted([[1, 60], [2, 20], [3, 12], [4, 5], [5, 3]] as const);
          sickReason = r.weighted([['selfCertification', 50], ['undocumented', 25], ['health', 12], ['welfare', 6], ['drivingTest', 3], ['representation', 2], ['religiousHoliday', 2]] as const);
          // L-11 c: at most two days of religious holidays a year
          if (sickReason === 'religiousHoliday' && religiousDays >= 2) sickReason = 'welfare';
          if (sickReason === 'religiousHoliday') religiousDays++;
          if (sickReason === 'religiousHoliday' || sickReason === 'drivingTest') sickLeft = 1;
        }
        sickLeft--;
        for (const o of today) push(o, sickReason, true);
      } else {
        for (const o of today) {
          if (r.chance(pLesson)) push(o, r.weighted([['undocumented', 70], ['selfCertification', 20], ['electedRepresentative', 4], ['schoolHealthService', 6]] as const), false);
          else if (o.minutes > 20 && r.chance(pLate)) push(o, 'undocumented', false, r.int(5, Math.min(30, o.minutes - 5)));
        }
      }
      yield* rows;
    }
  }
}

/** A few higher-risk conditions and weekly checks of past weeks, so every absence table holds something. */
export function addAbsenceExtras(ds: Dataset, r: Random, opts: AbsenceOptions & { checkedBy: Map<string, string>; skip?: ReadonlySet<string> }): void {
  const calendar = schoolCalendar();
  const withAbsence = [...new Set(ds.absence.map((a) => a.studentId))].filter((id) => !opts.skip?.has(id));
  for (const studentId of r.sample(withAbsence, Math.max(1, Math.round(withAbsence.length * 0.01)))) {
    ds.higherRiskCondition.push({ ownerId: opts.ownerId, studentId, documentedOn: SCHOOL_YEAR.startsOn, registeredByPersonId: opts.checkedBy.get(studentId) ?? [...opts.checkedBy.values()][0]! });
  }
  // the class hour's weekly check: every past week of the year, for students whose class has a contact teacher
  const weeks = [...new Set(calendar.schoolDays.filter((d) => d <= opts.today).map((d) => addDaysIso(d, 1 - isoWeekday(d))))].filter((w) => addDaysIso(w, 6) < opts.today);
  for (const [studentId, personId] of opts.checkedBy) {
    for (const w of weeks) if (r.chance(0.92)) ds.weeklyCheck.push({ ownerId: opts.ownerId, studentId, weekStart: w, checkedByPersonId: personId, checkedAt: new Date(`${addDaysIso(w, 3)}T10:00:00Z`) });
  }
}

/** Each current student's contact teacher (person id), for the weekly checks. */
export function contactTeacherByStudent(ds: Dataset, today: string): Map<string, string> {
  const staffPerson = new Map(ds.staffMember.map((m) => [m.id, m.personId]));
  const teacherOf = new Map<string, string>();
  for (const a of ds.contactTeacherAssignment) if (!teacherOf.has(a.basisGroupId)) teacherOf.set(a.basisGroupId, staffPerson.get(a.staffMemberId)!);
  const out = new Map<string, string>();
  for (const e of ds.enrolment) {
    if (e.basisGroupId && e.startsOn <= today && (!e.endsOn || e.endsOn > today) && teacherOf.has(e.basisGroupId)) out.set(e.studentId, teacherOf.get(e.basisGroupId)!);
  }
  return out;
}

/** Absence set by hand for the demo's hard cases, on the lessons the student really had. */
export class HandAbsence {
  readonly calendar = schoolCalendar();
  private readonly occ: (studentId: string) => Occurrence[];

  constructor(private readonly ds: Dataset, private readonly ownerId: string, private readonly today: string) {
    this.occ = lessonsByStudent(ds, this.calendar, today);
  }

  /** the student's lessons so far, optionally of one teaching group */
  lessons(studentId: string, teachingGroupId?: string): Occurrence[] {
    return this.occ(studentId).filter((o) => !teachingGroupId || o.teachingGroupId === teachingGroupId);
  }

  clear(studentId: string): void {
    this.ds.absence = this.ds.absence.filter((a) => a.studentId !== studentId);
  }

  lesson(studentId: string, o: Occurrence, reason: AbsenceReason = 'undocumented', opts: { late?: number; documentedOn?: string | null } = {}): void {
    const documentedOn = opts.documentedOn !== undefined ? opts.documentedOn : reason === 'undocumented' ? null : o.day;
    this.ds.absence = this.ds.absence.filter((a) => !(a.studentId === studentId && a.day === o.day && a.lessonId === o.lessonId));
    this.ds.absence.push({ ownerId: this.ownerId, studentId, day: o.day, lessonId: o.lessonId, minutes: opts.late ?? o.minutes, late: !!opts.late, fullDay: false, reason, documentedOn });
  }

  fullDay(studentId: string, day: string, reason: AbsenceReason = 'undocumented', documentedOn: string | null = null): void {
    for (const o of this.lessons(studentId).filter((x) => x.day === day)) {
      this.ds.absence = this.ds.absence.filter((a) => !(a.studentId === studentId && a.day === day && a.lessonId === o.lessonId));
      this.ds.absence.push({ ownerId: this.ownerId, studentId, day, lessonId: o.lessonId, minutes: o.minutes, late: false, fullDay: true, reason, documentedOn });
    }
  }
}
