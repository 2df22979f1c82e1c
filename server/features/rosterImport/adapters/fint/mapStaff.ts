/**
 * Teachers and their groups. A `skoleressurs` at a school is a staff member there with the role
 * `teacher` (FINT utdanning knows no principals or department heads: those roles are given in Elevlos).
 * An `undervisningsforhold` makes its skoleressurs a subject teacher of its undervisningsgrupper, and the
 * contact teacher of the classes of its kontaktlærergrupper. The timetable's `time` entries, each one
 * dated lesson, become weekly lessons: one per teaching group, weekday, start and length, from the first
 * such lesson to the day after the last.
 */
import type { RosterAssignment, RosterTeachingGroup } from '../../roster.js';
import { addDays } from './hal.js';
import { brokenLink, hasId, personOf, report, schoolOf, type Ctx } from './mapContext.js';
import type { Groups } from './mapGroups.js';
import type { StudentDraft } from './mapStudents.js';
import type { Elevforhold, Gruppe, Medlemskap, Person, Skoleressurs, Undervisningsforhold } from './resources.js';

/** A skoleressurs's person: its own link, or the person of its personalressurs (administrasjon). */
export type PersonOfStaff = (sr: Skoleressurs) => Person | undefined;

const staffId = (sr: Skoleressurs & { id: string }, schoolId: string) => `${sr.id}@${schoolId}`;

/** Staff members, one per skoleressurs and school; returns which exist. */
export function mapStaff(ctx: Ctx, personOfStaff: PersonOfStaff): Set<string> {
  const pairs = new Map<string, { sr: Skoleressurs & { id: string }; schoolId: string }>();
  const pair = (sr: Skoleressurs, schoolId: string | null) => {
    if (schoolId !== null && sr.id !== null) pairs.set(staffId(sr as Skoleressurs & { id: string }, schoolId), { sr: sr as Skoleressurs & { id: string }, schoolId });
  };
  for (const sr of ctx.src.skoleressurs.list) {
    if (!hasId(ctx, sr)) continue;
    for (const href of sr.skole) pair(sr, schoolOf(ctx, href, sr.at));
  }
  for (const u of ctx.src.undervisningsforhold.list) {
    const schoolId = schoolOf(ctx, u.skole, u.at);
    if (schoolId === null) continue;
    const sr = ctx.src.skoleressurs.get(u.skoleressurs);
    if (!sr) brokenLink(ctx, u.at, 'skoleressurs', u.skoleressurs);
    else pair(sr, schoolId);
  }
  const made = new Set<string>();
  const failed = new Set<Skoleressurs>();
  for (const [sourceId, { sr, schoolId }] of pairs) {
    const person = personOfStaff(sr);
    if (!person) {
      if (!failed.has(sr)) brokenLink(ctx, sr.at, sr.person !== null || sr.personalressurs === null ? 'person' : 'personalressurs', sr.person ?? sr.personalressurs);
      failed.add(sr);
      continue;
    }
    const personId = personOf(ctx, person, { withNin: false, feideId: sr.feide });
    if (personId === null) continue;
    ctx.roster.staff.push({ sourceId, at: sr.at, personId, schoolId, title: null, roles: [{ role: 'teacher', departmentId: null }] });
    made.add(sourceId);
  }
  return made;
}

/** The staff member an undervisningsforhold makes, when there is one. */
function teacherOf(ctx: Ctx, u: Undervisningsforhold, staff: Set<string>): string | null {
  const sr = ctx.src.skoleressurs.get(u.skoleressurs);
  const school = ctx.src.skole.get(u.skole);
  if (!sr?.id || !school?.id) return null;
  const id = staffId(sr as Skoleressurs & { id: string }, school.id);
  return staff.has(id) ? id : null;
}

function assign(list: RosterAssignment[], made: Set<string>, groupId: string, staffMemberId: string, at: RosterAssignment['at']): void {
  const sourceId = `${groupId}:${staffMemberId}`;
  if (made.has(sourceId)) return;
  made.add(sourceId);
  list.push({ sourceId, at, groupId, staffMemberId });
}

export function mapSubjectTeachers(ctx: Ctx, groups: Groups, staff: Set<string>): void {
  const made = new Set<string>();
  for (const u of ctx.src.undervisningsforhold.list) {
    const teacher = teacherOf(ctx, u, staff);
    if (teacher === null) continue;
    for (const href of u.undervisningsgruppe) {
      const g = ctx.src.undervisningsgruppe.get(href);
      if (!g) brokenLink(ctx, u.at, 'undervisningsgruppe', href);
      const group = g ? groups.teaching.get(g) : undefined;
      if (group) assign(ctx.roster.subjectTeachers, made, group.sourceId, teacher, u.at);
    }
  }
  // FINT before 4.0.10 linked the other way: undervisningsgruppe → undervisningsforhold
  for (const [g, group] of groups.teaching) {
    for (const href of g.undervisningsforhold) {
      const u = ctx.src.undervisningsforhold.get(href);
      const teacher = u ? teacherOf(ctx, u, staff) : null;
      if (teacher !== null) assign(ctx.roster.subjectTeachers, made, group.sourceId, teacher, g.at);
    }
  }
}

/** Who is in which kontaktlærergruppe, and which classes each student is in today: for groups FINT gives no class. */
interface Membership {
  membersOf: Map<Gruppe, Medlemskap[]>;
  classesNow: Map<string, Set<string>>;
}

function membership(ctx: Ctx): Membership {
  const membersOf = new Map<Gruppe, Medlemskap[]>();
  for (const m of ctx.src.kontaktlarergruppemedlemskap.list) {
    const kg = ctx.src.kontaktlarergruppe.get(m.group);
    if (kg) membersOf.set(kg, [...(membersOf.get(kg) ?? []), m]);
  }
  const classesNow = new Map<string, Set<string>>();
  for (const e of ctx.roster.enrolments) {
    if (e.group.kind === 'basis' && e.startsOn <= ctx.today && (e.endsOn === null || ctx.today < e.endsOn)) {
      classesNow.set(e.studentId, (classesNow.get(e.studentId) ?? new Set()).add(e.group.id));
    }
  }
  return { membersOf, classesNow };
}

/**
 * A kontaktlærergruppe's classes: its `klasse` links, or — where FINT leaves them out — the classes its
 * members (kontaktlærergruppemedlemskap) are enrolled in now.
 */
function classesOf(ctx: Ctx, kg: Gruppe, groups: Groups, drafts: Map<Elevforhold, StudentDraft>, lookup: () => Membership): string[] {
  const linked = kg.klasse.map((h) => ctx.src.klasse.get(h)).map((g) => (g ? groups.basis.get(g)?.sourceId : undefined));
  const ids = new Set(linked.filter((id): id is string => id !== undefined));
  if (ids.size > 0 || kg.klasse.length > 0) return [...ids];
  const { membersOf, classesNow } = lookup();
  for (const m of membersOf.get(kg) ?? []) {
    const ef = ctx.src.elevforhold.get(m.elevforhold);
    const student = ef ? drafts.get(ef)?.key : undefined;
    for (const id of (student ? classesNow.get(student) : undefined) ?? []) ids.add(id);
  }
  return [...ids];
}

export function mapContactTeachers(ctx: Ctx, groups: Groups, staff: Set<string>, drafts: Map<Elevforhold, StudentDraft>): void {
  const made = new Set<string>();
  let found: Membership | null = null;
  const lookup = () => (found ??= membership(ctx));
  const teachersOf = new Map<Gruppe, Set<string>>();
  const addTeacher = (kg: Gruppe, teacher: string | null) => {
    if (teacher !== null) teachersOf.set(kg, (teachersOf.get(kg) ?? new Set()).add(teacher));
  };
  for (const u of ctx.src.undervisningsforhold.list) {
    for (const href of u.kontaktlarergruppe) {
      const kg = ctx.src.kontaktlarergruppe.get(href);
      if (kg) addTeacher(kg, teacherOf(ctx, u, staff));
    }
  }
  for (const kg of ctx.src.kontaktlarergruppe.list) {
    for (const href of kg.undervisningsforhold) {
      const u = ctx.src.undervisningsforhold.get(href);
      if (u) addTeacher(kg, teacherOf(ctx, u, staff));
    }
  }
  for (const [kg, teachers] of teachersOf) {
    if (kg.skole !== null && schoolOf(ctx, kg.skole, kg.at) === null) continue;
    const classes = classesOf(ctx, kg, groups, drafts, lookup);
    if (classes.length === 0) {
      report(ctx, kg.at, '_links.klasse', 'rosterImport.fint.noBasisGroup');
      continue;
    }
    for (const groupId of classes) for (const teacher of teachers) assign(ctx.roster.contactTeachers, made, groupId, teacher, kg.at);
  }
}

export function mapLessons(ctx: Ctx, teaching: Map<Gruppe, RosterTeachingGroup>): void {
  const weekly = new Map<string, { first: string; last: string; at: RosterAssignment['at']; group: string; weekday: number; time: string; minutes: number }>();
  for (const t of ctx.src.time.list) {
    const groups = t.undervisningsgruppe.map((h) => ctx.src.undervisningsgruppe.get(h)).map((g) => (g ? teaching.get(g) : undefined)).filter((g) => g !== undefined);
    if (groups.length === 0) continue;
    if (t.start === null || t.minutes === null || t.minutes < 5 || t.minutes > 480) {
      report(ctx, t.at, 'tidsrom', 'rosterImport.fint.badPeriod');
      continue;
    }
    for (const g of groups) {
      const key = `${g.sourceId}:${t.start.weekday}:${t.start.time}:${t.minutes}`;
      const w = weekly.get(key);
      if (!w) weekly.set(key, { first: t.start.day, last: t.start.day, at: t.at, group: g.sourceId, weekday: t.start.weekday, time: t.start.time, minutes: t.minutes });
      else {
        if (t.start.day < w.first) w.first = t.start.day;
        if (t.start.day > w.last) w.last = t.start.day;
      }
    }
  }
  for (const [sourceId, w] of weekly) {
    ctx.roster.lessons.push({ sourceId, at: w.at, teachingGroupId: w.group, weekday: w.weekday, startsAt: w.time, minutes: w.minutes, startsOn: w.first, endsOn: addDays(w.last, 1) });
  }
}
