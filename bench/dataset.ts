/**
 * The bench's data set: the seed generator's county (server/seed/generate.ts), plus what the bench
 * needs on top: contact-log entries (the overview shows each student's last contact) and login
 * accounts for a few hundred contact teachers of random basis groups, and for department heads and
 * principals (the conversation compliance views).
 */
import { hash } from '@node-rs/argon2';
import { getTableColumns, type Table } from 'drizzle-orm';
import type { Database } from '../server/core/db/client.js';
import * as schema from '../server/core/db/schema.js';
import { generateOwner, type Dataset, type TableKey } from '../server/seed/generate.js';
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
  return { ds, ownerId, contactLogs, users, departmentHeads, principals };
}

const MAX_PARAMETERS = 65_000;

async function insertRows(database: Database, table: Table, rows: readonly object[]): Promise<void> {
  const columns = Object.keys(getTableColumns(table)).length;
  const batch = Math.min(1000, Math.floor(MAX_PARAMETERS / columns));
  await database.db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += batch) await tx.insert(table as never).values(rows.slice(i, i + batch) as never);
  });
}

/** Insert everything; prints one line per table with its time. Returns ms per table. */
export async function insertBenchDataset(
  database: Database, b: BenchDataset, log: (line: string) => void,
): Promise<Record<string, number>> {
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
  return perTable;
}
