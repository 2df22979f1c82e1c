/**
 * The bench's data set: the seed generator's county (server/seed/generate.ts), plus what the bench
 * needs on top: contact-log entries (the overview shows each student's last contact) and login
 * accounts for a few hundred contact teachers of random basis groups, and for department heads and
 * principals (the conversation compliance views).
 */
import { hash } from '@node-rs/argon2';
import { getTableColumns, type Table } from 'drizzle-orm';
import type { Database } from '../server/core/db/client.js';
import * as schema from '../server/features/contactLog/tables.js';
import { generateAbsence } from '../server/seed/absence.js';
import { generateOwner, type AbsenceRow, type Dataset, type TableKey } from '../server/seed/generate.js';
import { insertDataset } from '../server/seed/insert.js';
import { Random } from '../server/seed/random.js';

export const BENCH_PASSWORD = 'bench-passord-1234';

export interface BenchUser {
  role: 'contactTeacher';
  username: string;
  personId: string;
  basisGroupId: string;
  /** students enrolled in the basis group today */
  studentIds: string[];
}

/** A department head (their department) or a principal (their school, departmentId null). */
export interface LeaderUser {
  role: 'departmentHead' | 'principal';
  username: string;
  personId: string;
  schoolId: string;
  departmentId: string | null;
}

export interface BenchDataset {
  ds: Dataset;
  ownerId: string;
  contactLogs: Array<typeof schema.contactLogEntry.$inferInsert>;
  users: BenchUser[];
  departmentHeads: LeaderUser[];
  principals: LeaderUser[];
  /** the year's lesson-level absence up to today, generated while it is inserted (ten million rows do not fit in the heap) */
  absence: () => Generator<AbsenceRow>;
}

const CHANNELS = ['phone', 'email', 'letter', 'meeting', 'message'] as const;
const SUMMARIES = [
  'Samtale med foresatte om fravær',
  'Oppfølging etter utviklingssamtale',
  'Foresatte ringte om trivsel i klassen',
  'E-post om tilrettelegging på prøver',
  'Møte med elev og foresatte om karakterutvikling',
  'Melding om sykdom, avtalt oppfølging',
];

const isCurrent = (startsOn: string, endsOn: string | null | undefined, today: string) =>
  startsOn <= today && (endsOn == null || endsOn > today);

/** Poisson-distributed count with mean `lambda` (Knuth; lambda is small here) */
function poisson(r: Random, lambda: number): number {
  if (lambda <= 0) return 0;
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = r.float();
  while (p > limit) {
    k++;
    p *= r.float();
  }
  return k;
}

export interface BuildOptions {
  seed: number;
  schools: number;
  studentsPerSchool: number;
  users: number;
  contactLogsPerStudent: number;
  /** scales how often students are away (server/seed/absence.ts); 0 = no absence rows */
  absenceIntensity: number;
  today: string;
}

/** Generate the county and pick the bench users. Deterministic for the same options. */
export async function buildBenchDataset(o: BuildOptions): Promise<BenchDataset> {
  const ds = generateOwner({ seed: o.seed, schools: o.schools, studentsPerSchool: o.studentsPerSchool, today: o.today });
  const ownerId = ds.schoolOwner[0]!.id;
  const r = new Random(`elevlos-bench|${o.seed}`);

  // who is in which basis group today
  const studentsOfGroup = new Map<string, string[]>();
  const groupOfStudent = new Map<string, string>();
  for (const e of ds.enrolment) {
    if (!e.basisGroupId || !isCurrent(e.startsOn as string, e.endsOn as string | null, o.today)) continue;
    let list = studentsOfGroup.get(e.basisGroupId);
    if (!list) studentsOfGroup.set(e.basisGroupId, (list = []));
    list.push(e.studentId);
    groupOfStudent.set(e.studentId, e.basisGroupId);
  }
  const personOfStaff = new Map(ds.staffMember.map((m) => [m.id, m.personId]));
  const contactPersonsOfGroup = new Map<string, string[]>();
  for (const a of ds.contactTeacherAssignment) {
    let list = contactPersonsOfGroup.get(a.basisGroupId);
    if (!list) contactPersonsOfGroup.set(a.basisGroupId, (list = []));
    list.push(personOfStaff.get(a.staffMemberId)!);
  }

  // contact-log entries: written by the class's contact teacher, mostly visible to contact teacher and leaders
  const contactLogs: BenchDataset['contactLogs'] = [];
  const startDay = Date.parse('2026-08-19T00:00:00Z') / 86_400_000;
  const todayDay = Date.parse(`${o.today}T00:00:00Z`) / 86_400_000;
  for (const st of ds.student) {
    const n = poisson(r, o.contactLogsPerStudent);
    if (n === 0) continue;
    const group = groupOfStudent.get(st.id);
    const authors = group ? contactPersonsOfGroup.get(group) : undefined;
    if (!authors || authors.length === 0) continue;
    for (let i = 0; i < n; i++) {
      const day = r.int(Math.min(startDay, todayDay - 1), todayDay - 1);
      const roll = r.float();
      const at = new Date(day * 86_400_000 + r.int(8 * 60, 15 * 60) * 60_000);
      contactLogs.push({
        ownerId, id: r.uuid(), studentId: st.id, authorPersonId: r.pick(authors),
        occurredOn: new Date(day * 86_400_000).toISOString().slice(0, 10),
        channel: r.pick(CHANNELS), summary: r.pick(SUMMARIES),
        visibility: roll < 0.7 ? 'contactTeacherAndLeaders' : roll < 0.9 ? 'staff' : roll < 0.97 ? 'counsellorOnly' : 'authorOnly',
        createdAt: at, updatedAt: at, updatedByPersonId: null,
      });
    }
  }

  // bench users: one contact teacher of each of `users` random basis groups (with students today)
  const passwordHash = await hash(BENCH_PASSWORD);
  const groups = r.shuffle(ds.basisGroup.map((g) => g.id).filter((id) => (studentsOfGroup.get(id)?.length ?? 0) > 0));
  const usedPersons = new Set(ds.account.map((a) => a.personId));
  const users: BenchUser[] = [];
  for (const groupId of groups) {
    if (users.length >= o.users) break;
    const personId = (contactPersonsOfGroup.get(groupId) ?? []).find((p) => !usedPersons.has(p));
    if (!personId) continue;
    usedPersons.add(personId);
    const username = `bench${users.length + 1}`;
    ds.account.push({ ownerId, id: r.uuid(), personId, username, passwordHash, oidcSubject: null, disabled: false });
    users.push({ role: 'contactTeacher', username, personId, basisGroupId: groupId, studentIds: studentsOfGroup.get(groupId)! });
  }

  // leaders: up to `users` department heads and principals, of random schools
  const staffById = new Map(ds.staffMember.map((m) => [m.id, m]));
  const leaders = (role: LeaderUser['role'], prefix: string): LeaderUser[] => {
    const out: LeaderUser[] = [];
    for (const sr of r.shuffle(ds.staffRole.filter((x) => x.role === role))) {
      if (out.length >= o.users) break;
      const member = staffById.get(sr.staffMemberId)!;
      if (usedPersons.has(member.personId)) continue;
      usedPersons.add(member.personId);
      const username = `${prefix}${out.length + 1}`;
      ds.account.push({ ownerId, id: r.uuid(), personId: member.personId, username, passwordHash, oidcSubject: null, disabled: false });
      out.push({ role, username, personId: member.personId, schoolId: member.schoolId, departmentId: role === 'departmentHead' ? sr.departmentId ?? null : null });
    }
    return out;
  };
  const departmentHeads = leaders('departmentHead', 'benchhead');
  const principals = leaders('principal', 'benchprincipal');
  const absence = () => (o.absenceIntensity > 0
    ? generateAbsence(ds, new Random(`elevlos-bench-absence|${o.seed}`), { ownerId, schoolYearId: ds.schoolYear[0]!.id, today: o.today, intensity: o.absenceIntensity })
    : [][Symbol.iterator]() as Generator<AbsenceRow>);
  return { ds, ownerId, contactLogs, users, departmentHeads, principals, absence };
}

const MAX_PARAMETERS = 65_000;

async function insertRows(database: Database, table: Table, rows: readonly object[]): Promise<void> {
  const columns = Object.keys(getTableColumns(table)).length;
  const batch = Math.min(1000, Math.floor(MAX_PARAMETERS / columns));
  await database.db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += batch) await tx.insert(table as never).values(rows.slice(i, i + batch) as never);
  });
}

/** Insert everything; prints one line per table with its time. Returns ms per table and the absence rows made. */
export async function insertBenchDataset(
  database: Database, b: BenchDataset, log: (line: string) => void,
): Promise<{ perTable: Record<string, number>; absenceRows: number }> {
  const perTable: Record<string, number> = {};
  let tableStart = performance.now();
  let lastPrint = performance.now();
  await insertDataset(database, b.ds, {
    onProgress(table: TableKey, inserted: number, total: number) {
      const now = performance.now();
      if (inserted === total) {
        perTable[table] = Math.round(now - tableStart);
        if (total >= 1000) log(`    ${table.padEnd(26)} ${String(total).padStart(9)} rows  ${((now - tableStart) / 1000).toFixed(1)} s`);
        tableStart = now;
        lastPrint = now;
      } else if (now - lastPrint > 10_000) {
        log(`    ${table.padEnd(26)} ${String(inserted).padStart(9)} / ${total} …`);
        lastPrint = now;
      }
    },
  });
  const t = performance.now();
  await insertRows(database, schema.contactLogEntry, b.contactLogs);
  perTable.contactLogEntry = Math.round(performance.now() - t);
  log(`    ${'contactLogEntry'.padEnd(26)} ${String(b.contactLogs.length).padStart(9)} rows  ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const a = await insertAbsence(database, b.absence(), log);
  perTable.absenceGenerate = a.generateMs;
  perTable.absence = a.ms;
  perTable.absenceConstraints = a.constraintsMs;
  return { perTable, absenceRows: a.rows };
}

/*
 * Ten million absence rows. They are generated student by student (the generator's order) but written
 * the way a school year writes them, day by day: a class's rows then lie on thousands of heap pages, as
 * in production, not on a few (which would flatter every per-class read). The generated rows are held
 * compactly (ids as indexes into typed arrays, ~16 bytes a row) and bucketed by day. The table's key and
 * foreign keys go before the load and come back after it (as pg_restore does: one sorted index build and
 * one join per foreign key instead of ten million index insertions and trigger probes); rows go in as
 * column arrays, 20 000 per INSERT … SELECT FROM unnest(…). Same SQL on PGlite and PostgreSQL.
 */
const ABSENCE_BATCH = 20_000;
const DROP_ABSENCE_CONSTRAINTS = [
  'alter table absence drop constraint absence_owner_id_student_id_student_owner_id_id_fk',
  'alter table absence drop constraint absence_owner_id_lesson_id_lesson_owner_id_id_fk',
  'alter table absence drop constraint absence_owner_id_student_id_day_lesson_id_pk',
];
const ADD_ABSENCE_CONSTRAINTS = [
  'alter table absence add constraint absence_owner_id_student_id_day_lesson_id_pk primary key (owner_id, student_id, day, lesson_id)',
  'alter table absence add constraint absence_owner_id_student_id_student_owner_id_id_fk foreign key (owner_id, student_id) references student (owner_id, id)',
  'alter table absence add constraint absence_owner_id_lesson_id_lesson_owner_id_id_fk foreign key (owner_id, lesson_id) references lesson (owner_id, id)',
];
const INSERT_ABSENCE = `insert into absence (owner_id, student_id, day, lesson_id, minutes, late, full_day, reason, documented_on)
  select $1::uuid, * from unnest($2::uuid[], $3::date[], $4::uuid[], $5::smallint[], $6::boolean[], $7::boolean[], $8::text[], $9::date[])`;

/** interns strings as small numbers */
class Interned {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  of(v: string): number {
    let i = this.index.get(v);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(v);
      this.index.set(v, i);
    }
    return i;
  }
}

/** growable typed columns of the generated rows */
class Columns {
  length = 0;
  student = new Int32Array(1 << 20);
  lesson = new Int32Array(1 << 20);
  day = new Int16Array(1 << 20);
  /** documented-on day index + 1 (0 = none) */
  documented = new Int16Array(1 << 20);
  minutes = new Int16Array(1 << 20);
  /** bit 0 late, bit 1 full day, bits 2+ the reason's index */
  flags = new Int16Array(1 << 20);

  push(student: number, lesson: number, day: number, documented: number, minutes: number, flags: number): void {
    if (this.length === this.student.length) {
      const grow = <A extends Int32Array | Int16Array>(a: A): A => {
        const b = new (a.constructor as new (n: number) => A)(a.length * 2);
        b.set(a);
        return b;
      };
      this.student = grow(this.student); this.lesson = grow(this.lesson); this.day = grow(this.day);
      this.documented = grow(this.documented); this.minutes = grow(this.minutes); this.flags = grow(this.flags);
    }
    const i = this.length++;
    this.student[i] = student; this.lesson[i] = lesson; this.day[i] = day; this.documented[i] = documented; this.minutes[i] = minutes; this.flags[i] = flags;
  }
}

export interface AbsenceLoad { rows: number; generateMs: number; ms: number; constraintsMs: number }

async function insertAbsence(database: Database, rows: Iterator<AbsenceRow>, log: (line: string) => void): Promise<AbsenceLoad> {
  let t = performance.now();
  const students = new Interned();
  const lessons = new Interned();
  const days = new Interned();
  const reasons = new Interned();
  const cols = new Columns();
  let ownerId: string | null = null;
  for (let n = rows.next(); !n.done; n = rows.next()) {
    const r = n.value;
    ownerId ??= r.ownerId;
    cols.push(students.of(r.studentId), lessons.of(r.lessonId), days.of(r.day), r.documentedOn ? days.of(r.documentedOn) + 1 : 0, r.minutes,
      (r.late ? 1 : 0) | (r.fullDay ? 2 : 0) | (reasons.of(r.reason ?? 'undocumented') << 2));
  }
  const total = cols.length;
  const generateMs = Math.round(performance.now() - t);
  log(`    ${'absence'.padEnd(26)} ${String(total).padStart(9)} rows generated in ${(generateMs / 1000).toFixed(1)} s; writing them day by day …`);

  // counting sort by day: the order of the school year
  t = performance.now();
  const byDay = days.values.map((d, i) => ({ d, i })).sort((a, b) => (a.d < b.d ? -1 : 1));
  const rank = new Int32Array(days.values.length);
  byDay.forEach((x, k) => { rank[x.i] = k; });
  const starts = new Int32Array(days.values.length + 1);
  for (let i = 0; i < total; i++) starts[rank[cols.day[i]!]! + 1]!++;
  for (let k = 1; k < starts.length; k++) starts[k]! += starts[k - 1]!;
  const order = new Int32Array(total);
  const next = starts.slice(0, -1);
  for (let i = 0; i < total; i++) order[next[rank[cols.day[i]!]!]!++] = i;

  for (const sql of DROP_ABSENCE_CONSTRAINTS) await database.query(sql);
  let pending: Promise<unknown> | null = null;
  let lastPrint = performance.now();
  for (let from = 0; from < total; from += ABSENCE_BATCH) {
    const to = Math.min(total, from + ABSENCE_BATCH);
    const c: unknown[][] = [[], [], [], [], [], [], [], []];
    for (let k = from; k < to; k++) {
      const i = order[k]!;
      const f = cols.flags[i]!;
      const doc = cols.documented[i]!;
      c[0]!.push(students.values[cols.student[i]!]); c[1]!.push(days.values[cols.day[i]!]); c[2]!.push(lessons.values[cols.lesson[i]!]);
      c[3]!.push(cols.minutes[i]); c[4]!.push((f & 1) === 1); c[5]!.push((f & 2) === 2); c[6]!.push(reasons.values[f >> 2]);
      c[7]!.push(doc === 0 ? null : days.values[doc - 1]);
    }
    const write = database.query(INSERT_ABSENCE, [ownerId, ...c]);
    write.catch(() => { /* awaited below; this only keeps a failure from being "unhandled" meanwhile */ });
    if (pending) await pending;
    pending = write;
    if (performance.now() - lastPrint > 10_000) {
      log(`    ${'absence'.padEnd(26)} ${String(to).padStart(9)} / ${total} …`);
      lastPrint = performance.now();
    }
  }
  if (pending) await pending;
  const loaded = performance.now();
  log(`    ${'absence'.padEnd(26)} ${String(total).padStart(9)} rows  ${((loaded - t) / 1000).toFixed(1)} s`);
  for (const sql of ADD_ABSENCE_CONSTRAINTS) await database.query(sql);
  const constraintsMs = Math.round(performance.now() - loaded);
  log(`    absence key and foreign keys rebuilt in ${(constraintsMs / 1000).toFixed(1)} s`);
  return { rows: total, generateMs, ms: Math.round(performance.now() - t), constraintsMs };
}
