/**
 * The plain CSV set written from a roster — the inverse of read.ts — and the empty templates the import
 * page offers for download. Used by the templates route, the tests, the bench and the browser journey.
 */
import { stringify } from 'csv-stringify/sync';
import { zipSync, strToU8 } from 'fflate';
import type { Roster, RosterKind, UploadedFile } from '../../roster.js';
import { TEMPLATES, templateOf, type Template } from './templates.js';
import type { CsvLanguage } from './values.js';

export interface WriteOptions {
  lang?: CsvLanguage;
  delimiter?: ';' | ',';
  /** start with a byte-order mark (what Excel writes as "CSV UTF-8") */
  bom?: boolean;
  /** write only these kinds (default: every kind that has records) */
  kinds?: readonly RosterKind[];
}

const BOM = '\uFEFF';

export function fileName(t: Template, lang: CsvLanguage): string {
  return `${t.file[lang]}.csv`;
}

function writeRows(t: Template, rows: readonly Record<string, unknown>[], opts: WriteOptions): string {
  const lang = opts.lang ?? 'nb';
  const header = t.columns.map((c) => c.headers[lang]);
  const body = rows.map((cells) => t.columns.map((c) => (cells[c.field] === null || cells[c.field] === undefined ? '' : c.write(cells[c.field], lang))));
  return (opts.bom ? BOM : '') + stringify([header, ...body], { delimiter: opts.delimiter ?? ';', record_delimiter: '\r\n' });
}

/** One file per kind of the roster, in the chosen language and separator. */
export function writeCsvSet(roster: Roster, opts: WriteOptions = {}): UploadedFile[] {
  const lang = opts.lang ?? 'nb';
  const kinds = opts.kinds ?? TEMPLATES.map((t) => t.kind).filter((k) => roster[k].length > 0);
  return kinds.map((kind) => {
    const t = templateOf(kind);
    const records = roster[kind] as Roster[RosterKind][number][];
    const cells = records.map((r) => (t.cells as (x: typeof r) => Record<string, unknown>)(r));
    return { name: fileName(t, lang), content: Buffer.from(writeRows(t, cells, opts), 'utf8') };
  });
}

/** An empty template: the header and one example row of generated data (to be replaced). */
export function templateCsv(kind: RosterKind, lang: CsvLanguage): string {
  const t = templateOf(kind);
  // the examples are written in bokmål; read and written again, they come out in the template's language
  const example = t.columns.map((c) => {
    const parsed = c.example ? c.read(c.example) : null;
    return parsed?.ok ? c.write(parsed.value, lang) : '';
  });
  const header = t.columns.map((c) => c.headers[lang]);
  return BOM + stringify([header, example], { delimiter: ';', record_delimiter: '\r\n' });
}

/** Every template in one zip, for the "download all" link. */
export function templatesZip(lang: CsvLanguage): Uint8Array {
  return zipSync(Object.fromEntries(TEMPLATES.map((t) => [fileName(t, lang), strToU8(templateCsv(t.kind, lang))])));
}

/** Files into one zip (what the import page uploads). */
export function zipFiles(files: readonly UploadedFile[]): Uint8Array {
  return zipSync(Object.fromEntries(files.map((f) => [f.name, new Uint8Array(f.content)])), { level: 1 });
}
