/**
 * Every CSV the app hands a person goes through here: a byte-order mark and semicolons (what a Norwegian
 * spreadsheet opens without asking), and formula escaping — a cell that begins with = + - @ tab or CR gets a
 * leading single quote (OWASP "CSV injection"), so text someone typed, such as `=cmd|' /C calc'!A0` in a
 * feedback, is shown as text and never run by the spreadsheet that opens the export. Numbers are left as
 * numbers (a negative number is not a formula). `.dependency-cruiser.cjs` keeps csv-stringify to this file.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvOptions {
  delimiter?: ';' | ',';
  /** '\n' by default; '\r\n' for files other systems read */
  recordDelimiter?: '\n' | '\r\n';
  /** the UTF-8 byte-order mark (default true) */
  bom?: boolean;
}

export function csvExport(rows: readonly (readonly CsvCell[])[], opts: CsvOptions = {}): string {
  const text = stringify(rows.map((r) => [...r]), {
    delimiter: opts.delimiter ?? ';',
    record_delimiter: opts.recordDelimiter === '\r\n' ? 'windows' : 'unix',
    escape_formulas: true,
  });
  return (opts.bom === false ? '' : '\uFEFF') + text;
}
