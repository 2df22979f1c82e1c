/**
 * Screening (R-31): the screening tool's CSV export read line by line, every bad field named with its line.
 * A student is found by national identity number, by Feide id, or by name and class, among the class's students.
 */
import { parse } from 'csv-parse/sync';
import type { FieldError } from '../../core/http/errors.js';
import type { Locale } from '../../core/i18n/locale.js';
import { screeningMessages } from './messages.js';
import { SCORE_MAX } from './schemas.js';
import { screeningTests, type ScreeningTest } from './tables.js';

const LOCALES: Locale[] = ['nb', 'nn', 'en'];
const MAX_ROWS = 5000;
type Column = 'nationalIdentityNumber' | 'feideId' | 'name' | 'class' | 'test' | 'score';
const COLUMNS: Column[] = ['nationalIdentityNumber', 'feideId', 'name', 'class', 'test', 'score'];

// read from this feature's own texts: the module is loaded before the features' texts are installed
const text = (l: Locale, key: string): string => (screeningMessages[l] as Record<string, string>)[key] ?? key;
const fold = (s: string) => s.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ø/g, 'o').replace(/æ/g, 'ae').replace(/[\s_-]+/g, '');
const EXTRA_COLUMN_NAMES: Record<Column, string[]> = {
  nationalIdentityNumber: ['fnr', 'fodselsnr', 'nin', 'nationalidentitynumber', 'personnummer'],
  feideId: ['feideid', 'feidebrukernavn', 'brukernavn', 'eduPersonPrincipalName'],
  name: ['elev', 'student', 'namn'],
  class: ['basisgruppe', 'gruppe', 'group'],
  test: ['prove', 'prova', 'fag', 'subject'],
  score: ['skar', 'poengsum', 'resultat', 'result', 'points'],
};
const columnAliases = Object.fromEntries(COLUMNS.map((c) => [c, new Set([c, ...EXTRA_COLUMN_NAMES[c], ...LOCALES.map((l) => text(l, `screening.csv.${c}`))].map(fold))])) as Record<Column, Set<string>>;
const TEST_NAMES: Record<ScreeningTest, string[]> = {
  norwegian: ['norsk', 'nor', 'norwegian', 'norsklesing', 'lesing'],
  english: ['engelsk', 'eng', 'english'],
  maths: ['matematikk', 'matte', 'mat', 'maths', 'math', 'regning'],
};
const testOf = (raw: string): ScreeningTest | undefined => screeningTests.find((k) => TEST_NAMES[k].includes(fold(raw)));

export interface ClassMember {
  studentId: string; givenName: string; familyName: string; nationalIdentityNumber: string | null; feideId: string | null;
}

export interface ImportLine { line: number; studentId: string; test: ScreeningTest; score: number }

function delimiterOf(csv: string): string {
  const first = csv.split(/\r?\n/, 1)[0] ?? '';
  return first.includes(';') ? ';' : first.includes('\t') ? '\t' : ',';
}

/**
 * Every line is checked and every bad field named (`rows.<line>.<column>`); the caller saves nothing when
 * there is an error unless the user chose to save only the valid lines. `maxScore` is the school's per test.
 */
export function parseScreeningCsv(csv: string, locale: Locale, className: string, members: readonly ClassMember[], maxScore: (test: ScreeningTest) => number): { lines: ImportLine[]; errors: FieldError[] } {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(csv, {
      columns: (header: string[]) => header.map((h) => h.trim()), delimiter: delimiterOf(csv), bom: true, trim: true,
      skip_empty_lines: true, info: true, relax_column_count: true,
    }) as never;
  } catch (e) {
    return { lines: [], errors: [{ field: 'csv', key: 'screening.csv.unreadable', params: { detail: (e as Error).message.slice(0, 200) } }] };
  }
  if (records.length === 0) return { lines: [], errors: [{ field: 'csv', key: 'screening.csv.empty' }] };
  if (records.length > MAX_ROWS) return { lines: [], errors: [{ field: 'csv', key: 'screening.csv.tooManyRows', params: { max: MAX_ROWS } }] };
  const header = Object.keys(records[0]!.record);
  const col = {} as Partial<Record<Column, string>>;
  for (const c of COLUMNS) col[c] = header.find((h) => columnAliases[c].has(fold(h)));
  for (const c of ['test', 'score'] as const) {
    if (!col[c]) return { lines: [], errors: [{ field: 'csv', key: 'screening.csv.missingColumn', params: { column: text(locale, `screening.csv.${c}`) } }] };
  }
  if (!col.nationalIdentityNumber && !col.feideId && !col.name) return { lines: [], errors: [{ field: 'csv', key: 'screening.csv.missingStudentColumn' }] };

  const byNin = new Map(members.flatMap((m) => (m.nationalIdentityNumber ? [[m.nationalIdentityNumber, m] as const] : [])));
  const byFeide = new Map(members.flatMap((m) => (m.feideId ? [[m.feideId.toLowerCase(), m] as const] : [])));
  const byName = new Map<string, ClassMember[]>();
  for (const m of members) {
    for (const key of [`${m.familyName}, ${m.givenName}`, `${m.givenName} ${m.familyName}`]) {
      const k = key.toLowerCase();
      byName.set(k, [...(byName.get(k) ?? []), m]);
    }
  }
  const testValues = screeningTests.map((k) => text(locale, `screening.test.${k}`)).join(', ');
  const errors: FieldError[] = [];
  const lines: ImportLine[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records) {
    const line = info.lines;
    const at = (field: Column) => `rows.${line}.${text(locale, `screening.csv.${field}`)}`;
    const before = errors.length;
    const get = (c: Column) => (col[c] ? (record[col[c]] ?? '').trim() : '');
    const nin = get('nationalIdentityNumber').replace(/\s/g, '');
    const feide = get('feideId').toLowerCase();
    const name = get('name');
    const cls = get('class');
    let member: ClassMember | undefined;
    let field: Column = 'name';
    if (nin) {
      field = 'nationalIdentityNumber';
      member = byNin.get(nin);
    } else if (feide) {
      field = 'feideId';
      member = byFeide.get(feide);
    } else if (name) {
      if (cls && cls.toLowerCase() !== className.toLowerCase()) errors.push({ field: at('class'), key: 'screening.csv.otherClass', params: { class: cls } });
      const found = byName.get(name.toLowerCase()) ?? [];
      if (found.length > 1) errors.push({ field: at('name'), key: 'screening.csv.ambiguousStudent', params: { student: name } });
      member = found.length === 1 ? found[0] : undefined;
    }
    // a national identity number is not repeated back: the message names only the column
    if (!member && errors.length === before) errors.push({ field: at(field), key: 'screening.csv.unknownStudent', params: { student: field === 'nationalIdentityNumber' ? '' : (feide || name) } });
    const test = testOf(get('test'));
    if (!test) errors.push({ field: at('test'), key: 'screening.csv.badTest', params: { values: testValues } });
    const rawScore = get('score').replace(',', '.');
    const max = test ? maxScore(test) : SCORE_MAX;
    const score = /^\d+$/.test(rawScore) ? Number(rawScore) : NaN;
    if (!Number.isInteger(score) || score < 0 || score > max) errors.push({ field: at('score'), key: 'screening.csv.badScore', params: { max } });
    if (member && test) {
      const key = `${member.studentId}|${test}`;
      const first = seen.get(key);
      if (first !== undefined) errors.push({ field: at('test'), key: 'screening.csv.duplicate', params: { line: first } });
      else seen.set(key, line);
    }
    if (errors.length === before) lines.push({ line, studentId: member!.studentId, test: test!, score });
  }
  return { lines, errors };
}
