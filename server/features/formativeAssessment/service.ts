/**
 * Formative assessment: the CSV the school's other register exchanges — the export, and the
 * import read line by line with every bad field named. The statements are in queries.ts.
 */
import { parse } from 'csv-parse/sync';
import { formativeAssessmentKinds } from './tables.js';
import type { FieldError } from '../../core/http/errors.js';
import { csvExport } from '../../core/csv/export.js';
import { t } from '../../core/i18n/messages.js';
import { formativeMessages } from './messages.js';
import type { Locale } from '../../core/i18n/locale.js';
import type { AssessmentRow, NewAssessment } from './queries.js';
import { FEEDBACK_MAX } from './schemas.js';

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
  return csvExport([COLUMNS.map((c) => t(locale, `formative.csv.${c}`)), ...lines]);
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
