/**
 * Formative assessment (R-34): the queries behind the routes and the CSV the school's other register
 * exchanges. Reads of several students are decided per student with can() by the routes.
 */
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { QueryFn } from '../../core/db/client.js';
import { formativeAssessmentKinds, type FormativeAssessmentKind } from './tables.js';
import type { FieldError } from '../../core/http/errors.js';
import { t } from '../../core/i18n/messages.js';
import { formativeMessages } from './messages.js';
import type { Locale } from '../../core/i18n/locale.js';
import { FEEDBACK_MAX } from './schemas.js';

export interface Term { kind: 'autumn' | 'spring'; startsOn: string; endsOn: string }

export interface AssessmentRow {
  id: string; studentId: string; teachingGroupId: string; assessedOn: string; kind: FormativeAssessmentKind; feedback: string;
  subjectCode: string; subjectName: string; groupName: string; recordedBy: string; recordedByPersonId: string;
}

/** The term that `day` falls in, if any. */
export async function termOn(q: QueryFn, ownerId: string, day: string): Promise<Term | null> {
  const [row] = await q<{ kind: Term['kind']; starts_on: string; ends_on: string }>(
    `select kind, starts_on::text, ends_on::text from term where owner_id = $1 and starts_on <= $2::date and ends_on >= $2::date
     order by starts_on desc limit 1`, [ownerId, day]);
  return row ? { kind: row.kind, startsOn: row.starts_on, endsOn: row.ends_on } : null;
}

const SELECT = `select fa.id, fa.student_id, fa.teaching_group_id, fa.assessed_on::text as assessed_on, fa.kind, fa.feedback,
    su.code as subject_code, su.name as subject_name, tg.name as group_name, fa.recorded_by_person_id,
    p.given_name || ' ' || p.family_name as recorded_by
  from formative_assessment fa
  join subject su on su.owner_id = fa.owner_id and su.id = fa.subject_id
  join teaching_group tg on tg.owner_id = fa.owner_id and tg.id = fa.teaching_group_id
  join person p on p.owner_id = fa.owner_id and p.id = fa.recorded_by_person_id`;

function toRow(r: Record<string, string>): AssessmentRow {
  return {
    id: r.id!, studentId: r.student_id!, teachingGroupId: r.teaching_group_id!, assessedOn: r.assessed_on!, kind: r.kind as FormativeAssessmentKind,
    feedback: r.feedback!, subjectCode: r.subject_code!, subjectName: r.subject_name!, groupName: r.group_name!, recordedBy: r.recorded_by!,
    recordedByPersonId: r.recorded_by_person_id!,
  };
}

/** Newest first. `where` narrows on fa.*; its parameters are numbered from $2. */
export async function assessments(q: QueryFn, ownerId: string, where: string, params: unknown[]): Promise<AssessmentRow[]> {
  const rows = await q<Record<string, string>>(`${SELECT} where fa.owner_id = $1 and ${where} order by fa.assessed_on desc, fa.recorded_at desc`, [ownerId, ...params]);
  return rows.map(toRow);
}

export interface NewAssessment { studentId: string; assessedOn: string; kind: FormativeAssessmentKind; feedback: string }

/** Saves the rows in one statement (so a batch is all or nothing). */
export async function insertAssessments(q: QueryFn, ownerId: string, group: { id: string; subjectId: string }, personId: string, rows: NewAssessment[]): Promise<void> {
  if (rows.length === 0) return;
  await q(
    `insert into formative_assessment (owner_id, id, student_id, teaching_group_id, subject_id, assessed_on, kind, feedback, recorded_by_person_id)
     select $1, x.id, x.student_id, $2, $3, x.assessed_on, x.kind, x.feedback, $4
     from unnest($5::uuid[], $6::uuid[], $7::date[], $8::text[], $9::text[]) as x(id, student_id, assessed_on, kind, feedback)`,
    [ownerId, group.id, group.subjectId, personId, rows.map(() => randomUUID()), rows.map((r) => r.studentId), rows.map((r) => r.assessedOn),
      rows.map((r) => r.kind), rows.map((r) => r.feedback)],
  );
}

/* ── CSV ── */

const LOCALES: Locale[] = ['nb', 'nn', 'en'];
type Column = 'studentId' | 'student' | 'date' | 'kind' | 'feedback';
const COLUMNS: Column[] = ['studentId', 'student', 'date', 'kind', 'feedback'];
const MAX_ROWS = 5000;

/** A header or a kind is recognised in any of the three languages, and as the code. */
const aliases = (key: (l: Locale) => string, code: string) => new Set([code.toLowerCase(), ...LOCALES.map((l) => key(l).toLowerCase())]);
// read from this feature's own texts: the module is loaded before the features' texts are installed
const text = (l: Locale, key: string): string => (formativeMessages[l] as Record<string, string>)[key] ?? key;
const columnAliases = Object.fromEntries(COLUMNS.map((c) => [c, aliases((l) => text(l, `formative.csv.${c}`), c)])) as Record<Column, Set<string>>;
const kindAliases = formativeAssessmentKinds.map((k) => [k, aliases((l) => text(l, `formative.kind.${k}`), k)] as const);

export interface GroupMember { studentId: string; givenName: string; familyName: string; email: string | null }

export function exportCsv(locale: Locale, members: GroupMember[], rows: AssessmentRow[]): string {
  const byId = new Map(members.map((m) => [m.studentId, m]));
  const lines = [...rows].sort((a, b) => a.assessedOn.localeCompare(b.assessedOn) || a.studentId.localeCompare(b.studentId)).map((r) => {
    const m = byId.get(r.studentId);
    return [r.studentId, m ? `${m.familyName}, ${m.givenName}` : '', r.assessedOn, t(locale, `formative.kind.${r.kind}`), r.feedback];
  });
  // a BOM and semicolons: what Excel in Norway opens without asking
  return `\uFEFF${stringify([COLUMNS.map((c) => t(locale, `formative.csv.${c}`)), ...lines], { delimiter: ';' })}`;
}

/** From the first line: names are written "Family, Given", so a comma is a delimiter only when nothing else is. */
function delimiterOf(csv: string): string {
  const first = csv.split(/\r?\n/, 1)[0] ?? '';
  return first.includes(';') ? ';' : first.includes('\t') ? '\t' : ',';
}

function parseDate(raw: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const nor = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(raw);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : nor ? [nor[3], nor[2]!.padStart(2, '0'), nor[1]!.padStart(2, '0')] : [];
  if (!y) return null;
  const day = `${y}-${m}-${d}`;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day ? day : null;
}

/**
 * Reads an import: every line is checked and every bad field named (`rows.<line>.<field>`), so the
 * school fixes the file once; the caller saves nothing when there is any error. A student is found by
 * the student id, else by "Family, Given" or e-mail among the group's current students.
 */
export function parseImport(csv: string, locale: Locale, members: GroupMember[], today: string): { rows: (NewAssessment & { line: number })[]; errors: FieldError[] } {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(csv, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), delimiter: delimiterOf(csv), bom: true, trim: true,
      skip_empty_lines: true, info: true, relax_column_count: true,
    }) as never;
  } catch (e) {
    return { rows: [], errors: [{ field: 'csv', key: 'formative.csv.unreadable', params: { detail: (e as Error).message.slice(0, 200) } }] };
  }
  if (records.length === 0) return { rows: [], errors: [{ field: 'csv', key: 'formative.csv.empty' }] };
  if (records.length > MAX_ROWS) return { rows: [], errors: [{ field: 'csv', key: 'formative.csv.tooManyRows', params: { max: MAX_ROWS } }] };
  const header = Object.keys(records[0]!.record);
  const col = {} as Partial<Record<Column, string>>;
  for (const c of COLUMNS) col[c] = header.find((h) => columnAliases[c].has(h));
  for (const c of ['date', 'kind', 'feedback'] as const) {
    if (!col[c]) return { rows: [], errors: [{ field: 'csv', key: 'formative.csv.missingColumn', params: { column: t(locale, `formative.csv.${c}`) } }] };
  }
  if (!col.studentId && !col.student) return { rows: [], errors: [{ field: 'csv', key: 'formative.csv.missingColumn', params: { column: t(locale, 'formative.csv.student') } }] };

  const byId = new Map(members.map((m) => [m.studentId, m]));
  const byName = new Map<string, GroupMember[]>();
  for (const m of members) {
    for (const key of [`${m.familyName}, ${m.givenName}`, `${m.givenName} ${m.familyName}`, m.email ?? ''].filter(Boolean)) {
      const k = key.toLowerCase();
      byName.set(k, [...(byName.get(k) ?? []), m]);
    }
  }
  const kindValues = formativeAssessmentKinds.map((k) => t(locale, `formative.kind.${k}`)).join(', ');
  const errors: FieldError[] = [];
  const rows: (NewAssessment & { line: number })[] = [];
  for (const { record, info } of records) {
    const line = info.lines;
    const at = (field: string) => `rows.${line}.${field}`;
    const before = errors.length;
    const idRaw = col.studentId ? (record[col.studentId] ?? '').trim() : '';
    const nameRaw = col.student ? (record[col.student] ?? '').trim() : '';
    let member = idRaw ? byId.get(idRaw.toLowerCase()) : undefined;
    if (!member && !idRaw && nameRaw) {
      const found = byName.get(nameRaw.toLowerCase()) ?? [];
      if (found.length > 1) errors.push({ field: at('student'), key: 'formative.csv.ambiguousStudent', params: { student: nameRaw } });
      member = found.length === 1 ? found[0] : undefined;
    }
    if (!member && errors.length === before) {
      errors.push({ field: at(idRaw ? 'studentId' : 'student'), key: 'formative.csv.unknownStudent', params: { student: idRaw || nameRaw } });
    }
    const day = parseDate((record[col.date!] ?? '').trim());
    if (!day) errors.push({ field: at('date'), key: 'formative.csv.badDate' });
    else if (day > today) errors.push({ field: at('date'), key: 'formative.inFuture', params: { today } });
    const kindRaw = (record[col.kind!] ?? '').trim().toLowerCase();
    const kind = kindAliases.find(([, names]) => names.has(kindRaw))?.[0];
    if (!kind) errors.push({ field: at('kind'), key: 'formative.csv.badKind', params: { values: kindValues } });
    const feedback = (record[col.feedback!] ?? '').trim();
    if (!feedback) errors.push({ field: at('feedback'), key: 'formative.csv.feedbackRequired' });
    else if (feedback.length > FEEDBACK_MAX) errors.push({ field: at('feedback'), key: 'formative.csv.feedbackTooLong', params: { max: FEEDBACK_MAX } });
    if (errors.length === before) rows.push({ line, studentId: member!.studentId, assessedOn: day!, kind: kind!, feedback });
  }
  return { rows, errors };
}
