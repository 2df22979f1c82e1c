/**
 * Reads the plain CSV set (templates.ts) into the roster. A file is known by its name in any language
 * (elever.csv, elevar.csv, students.csv) or, renamed, by its headers; headers may be bokmål, nynorsk or
 * the English codes; cells are separated by `;` or `,` (whichever the header line uses), the text is
 * UTF-8 with or without a byte-order mark. Each cell that cannot be read is reported with its file,
 * line and field and its row is left out; the references between files are checked after, by the sync
 * (references.ts), the same way for every source.
 */
import { parse } from 'csv-parse/sync';
import { emptyRoster, type FileAdapter, type Roster, type RosterKind, type RosterReading, type RowError, type UploadedFile } from '../../roster.js';
import { TEMPLATES, type Column, type Template } from './templates.js';
import { normaliseWord, type CsvLanguage } from './values.js';

/** What the reader made of one file: its kind and the language of its headers (null: not a file of the set). */
export interface CsvFileInfo {
  name: string;
  kind: RosterKind | null;
  lang: CsvLanguage;
  rows: number;
}

const LANGS: CsvLanguage[] = ['nb', 'nn', 'en'];
const baseName = (name: string) => name.replace(/^.*[\\/]/, '').replace(/\.(csv|txt)$/i, '');

function kindByName(name: string): Template | undefined {
  const n = normaliseWord(baseName(name));
  return TEMPLATES.find((t) => LANGS.some((l) => normaliseWord(t.file[l]) === n));
}

/** Each header → the column it names, in whichever language; the file's language is the one most headers are in. */
function matchHeaders(t: Template, headers: string[]): { columns: (Column | undefined)[]; lang: CsvLanguage; matched: number } {
  const byWord = new Map<string, { column: Column; lang: CsvLanguage }>();
  for (const lang of [...LANGS].reverse()) {
    for (const c of t.columns) byWord.set(normaliseWord(c.headers[lang]), { column: c, lang });
  }
  const votes: Record<CsvLanguage, number> = { nb: 0, nn: 0, en: 0 };
  const columns = headers.map((h) => {
    const m = byWord.get(normaliseWord(h));
    if (!m) return undefined;
    for (const lang of LANGS) if (normaliseWord(m.column.headers[lang]) === normaliseWord(h)) votes[lang] += 1;
    return m.column;
  });
  const lang = LANGS.reduce((best, l) => (votes[l] > votes[best] ? l : best), 'nb' as CsvLanguage);
  return { columns, lang, matched: columns.filter(Boolean).length };
}

/** A renamed file is known by its headers: the template whose required columns are all there and that names the most of them. */
function kindByHeaders(headers: string[]): Template | undefined {
  let best: { t: Template; matched: number } | undefined;
  for (const t of TEMPLATES) {
    const { columns, matched } = matchHeaders(t, headers);
    const complete = t.columns.filter((c) => c.required).every((c) => columns.includes(c));
    if (complete && (!best || matched > best.matched)) best = { t, matched };
  }
  return best?.t;
}

/** The separator the header line uses: `;` (Excel in Norway), `,` or a tab. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return [';', ',', '\t'].reduce((best, ch) => (count(ch) > count(best) ? ch : best), ';');
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function decode(content: Uint8Array): string | null {
  try {
    return decoder.decode(content);
  } catch {
    return null;
  }
}

function readFile(file: UploadedFile, roster: Roster, errors: RowError[]): CsvFileInfo {
  const fail = (key: string, params?: Record<string, string | number>): CsvFileInfo => {
    errors.push({ file: file.name, line: 1, field: 'file', key, ...(params ? { params } : {}) });
    return { name: file.name, kind: null, lang: 'nb', rows: 0 };
  };
  const text = decode(file.content);
  if (text === null) return fail('rosterImport.notUtf8');
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { delimiter: delimiterOf(text), bom: true, info: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true }) as unknown as typeof rows;
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 1;
    errors.push({ file: file.name, line, field: 'file', key: 'rosterImport.notCsv' });
    return { name: file.name, kind: null, lang: 'nb', rows: 0 };
  }
  const header = rows[0]?.record ?? [];
  const template = kindByName(file.name) ?? kindByHeaders(header);
  if (!template) return fail('rosterImport.unknownFile');
  const { columns, lang } = matchHeaders(template, header);
  for (const c of template.columns) {
    if (c.required && !columns.includes(c)) errors.push({ file: file.name, line: 1, field: c.field, key: 'rosterImport.missingColumn', params: { column: c.headers[lang] } });
  }
  const seen = new Set<Column>();
  for (const c of columns) {
    if (!c) continue;
    if (seen.has(c)) errors.push({ file: file.name, line: 1, field: c.field, key: 'rosterImport.duplicateColumn', params: { column: c.headers[lang] } });
    seen.add(c);
  }
  const info: CsvFileInfo = { name: file.name, kind: template.kind, lang, rows: rows.length - 1 };
  if (errors.some((e) => e.file === file.name)) return info;

  const used = columns.flatMap((c, i) => (c ? [{ c, i }] : []));
  const missing = template.columns.filter((c) => !columns.includes(c));
  const target = roster[template.kind] as unknown[];
  for (let r = 1; r < rows.length; r++) {
    const { record, info: { lines } } = rows[r]!;
    const values: Record<string, unknown> = {};
    let ok = true;
    for (const { c, i } of used) {
      const raw = (record[i] ?? '').trim();
      if (raw === '') {
        if (c.required) {
          errors.push({ file: file.name, line: lines, field: c.field, key: 'rosterImport.required' });
          ok = false;
        }
        values[c.field] = null;
        continue;
      }
      const parsed = c.read(raw);
      if (parsed.ok) values[c.field] = parsed.value;
      else {
        errors.push({ file: file.name, line: lines, field: c.field, key: parsed.key, ...(parsed.params ? { params: parsed.params } : {}) });
        ok = false;
      }
    }
    for (const c of missing) values[c.field] = null;
    if (!ok) continue;
    const place = { file: file.name, line: lines };
    const built = template.build(values, place);
    if ('error' in built) errors.push({ ...place, field: built.error.field, key: built.error.key });
    else target.push(built);
  }
  return info;
}

/** The set's files read into one roster, with what each file turned out to be. */
export function readCsvFiles(files: readonly UploadedFile[]): RosterReading & { files: CsvFileInfo[] } {
  const roster = emptyRoster();
  const errors: RowError[] = [];
  const infos: CsvFileInfo[] = [];
  const byKind = new Map<RosterKind, string>();
  for (const f of files) {
    const info = readFile(f, roster, errors);
    if (info.kind) {
      const earlier = byKind.get(info.kind);
      // two files of one kind would each look complete while the sync saw only their union
      if (earlier) errors.push({ file: f.name, line: 1, field: 'file', key: 'rosterImport.fileTwice', params: { other: earlier } });
      byKind.set(info.kind, f.name);
    }
    infos.push(info);
  }
  // a file left out says nothing about its kind: what the sync already holds of it stays as it is
  const partialKinds = TEMPLATES.map((t) => t.kind).filter((k) => !byKind.has(k));
  return { roster, errors, partialKinds, files: infos };
}

export const readCsvSet: FileAdapter = async (files) => {
  const { roster, errors, partialKinds } = readCsvFiles(files);
  return { roster, errors, partialKinds };
};
