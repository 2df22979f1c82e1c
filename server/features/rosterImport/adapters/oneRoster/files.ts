/**
 * The CSV files of an upload, each read once, as a stream of rows: a OneRoster zip is never unpacked
 * whole — each entry is inflated in slices (fflate) straight into csv-parse, so a county's 100 MB of
 * enrolments costs a few hundred kilobytes of buffers, not the file. The CSVs may come loose too (an
 * admin who uploads the files without zipping them).
 */
import { finished } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import type { RowError, UploadedFile } from '../../roster.js';
import { K } from './messages.js';

/** One CSV of the set, by the name OneRoster gives it ("users.csv"), wherever it lies. */
export interface CsvEntry {
  /** the name errors show: the zip's path of the entry, or the uploaded file's name */
  file: string;
  /** calls `push` with the file's bytes in order, in slices; throws when the archive is broken */
  stream(push: (chunk: Uint8Array) => void): void;
}

/** An inflated entry this large is no roster; a zip bomb stops here instead of filling the disk's worth of CPU. */
const MAX_ENTRY_BYTES = 2 ** 30;
const SLICE = 64 * 1024;

function isZip(file: UploadedFile): boolean {
  return file.content.length >= 4 && file.content[0] === 0x50 && file.content[1] === 0x4b && file.content[2] === 0x03 && file.content[3] === 0x04;
}

function baseName(path: string): string {
  return (path.split('/').pop() ?? path).toLowerCase();
}

function zipEntry(zip: Uint8Array, path: string): CsvEntry {
  return {
    file: path,
    stream(push) {
      let done = false;
      let bytes = 0;
      const unzip = new Unzip();
      unzip.register(UnzipInflate);
      unzip.onfile = (entry) => {
        if (entry.name !== path) return;
        entry.ondata = (err, chunk, final) => {
          if (err) throw err;
          bytes += chunk.length;
          if (bytes > MAX_ENTRY_BYTES) throw new Error('entry too large');
          if (chunk.length > 0) push(chunk);
          if (final) done = true;
        };
        entry.start();
      };
      // the archive is pushed in slices so an entry comes out in slices too, and pushing stops at its end
      for (let offset = 0; offset < zip.length && !done; offset += SLICE) {
        unzip.push(zip.subarray(offset, offset + SLICE), offset + SLICE >= zip.length);
      }
      if (!done) throw new Error('entry not found');
    },
  };
}

function looseEntry(file: UploadedFile): CsvEntry {
  return {
    file: file.name,
    stream(push) {
      for (let offset = 0; offset < file.content.length; offset += SLICE) push(file.content.subarray(offset, offset + SLICE));
    },
  };
}

/**
 * The CSV files of the upload by lower-case base name. A zip's central directory is read without
 * inflating anything; an entry in a folder counts as long as its name is not there twice.
 */
export function listEntries(files: readonly UploadedFile[]): { entries: Map<string, CsvEntry>; errors: RowError[] } {
  const entries = new Map<string, CsvEntry>();
  const errors: RowError[] = [];
  const add = (name: string, entry: CsvEntry): void => {
    if (entries.has(name)) errors.push({ file: entry.file, line: 0, field: 'file', key: K.fileTwice, params: { name } });
    else entries.set(name, entry);
  };
  for (const file of files) {
    if (isZip(file)) {
      const zip = new Uint8Array(file.content.buffer, file.content.byteOffset, file.content.length);
      const paths: string[] = [];
      try {
        unzipSync(zip, { filter: (f) => { if (!f.name.endsWith('/')) paths.push(f.name); return false; } });
      } catch {
        errors.push({ file: file.name, line: 0, field: 'file', key: K.notZip });
        continue;
      }
      for (const path of paths) if (baseName(path).endsWith('.csv')) add(baseName(path), zipEntry(zip, path));
    } else if (file.name.toLowerCase().endsWith('.csv')) {
      add(baseName(file.name), looseEntry(file));
    } else {
      errors.push({ file: file.name, line: 0, field: 'file', key: K.notZip });
    }
  }
  return { entries, errors };
}

/** A header's columns by name; a OneRoster header is matched without regard to case or surrounding spaces. */
export class Header {
  private readonly index = new Map<string, number>();
  constructor(readonly names: readonly string[]) {
    names.forEach((n, i) => { if (!this.index.has(n.trim().toLowerCase())) this.index.set(n.trim().toLowerCase(), i); });
  }
  /** the column's position, or -1 when the file does not have it */
  col(name: string): number {
    return this.index.get(name.toLowerCase()) ?? -1;
  }
  has(name: string): boolean {
    return this.col(name) >= 0;
  }
}

export type RowHandler = (row: readonly string[], line: number) => void;

/**
 * Reads one CSV entry: `onHeader` gets the header (line 1) and returns the row handler, or null when
 * the file cannot be read on (a required column missing — it reports that itself). Rows whose number
 * of fields differs from the header's are reported, not guessed at: an unquoted comma shifts every
 * field after it.
 */
export async function readCsv(entry: CsvEntry, onHeader: (header: Header) => RowHandler | null, errors: RowError[]): Promise<void> {
  let handler: RowHandler | null | undefined;
  let width = 0;
  let prevEnd = 0;
  let prevEmpty = 0;
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    on_record: (record: string[], ctx: { lines: number; empty_lines: number }) => {
      // ctx.lines is where the record ends; a quoted field may span lines, so count from the previous record
      const line = prevEnd + 1 + (ctx.empty_lines - prevEmpty);
      prevEnd = ctx.lines;
      prevEmpty = ctx.empty_lines;
      if (handler === undefined) {
        const header = new Header(record);
        width = record.length;
        handler = onHeader(header);
      } else if (handler !== null) {
        if (record.length !== width && !(record.length === 1 && record[0] === '')) {
          errors.push({ file: entry.file, line, field: '', key: K.columnCount, params: { expected: width, got: record.length } });
        } else {
          handler(record, line);
        }
      }
      return undefined;
    },
  });
  let failed = false;
  parser.on('error', () => { failed = true; });
  const done = finished(parser, { readable: false });
  try {
    entry.stream((chunk) => { if (!failed && handler !== null) parser.write(chunk); });
    parser.end();
    await done;
  } catch (err) {
    parser.destroy();
    await done.catch(() => undefined);
    const line = typeof (err as { lines?: unknown }).lines === 'number' ? (err as { lines: number }).lines : 0;
    const key = (err as { code?: unknown }).code && String((err as { code: unknown }).code).startsWith('CSV_') ? K.csvSyntax : K.unreadable;
    errors.push({ file: entry.file, line, field: '', key });
  }
  if (handler === undefined) errors.push({ file: entry.file, line: 1, field: '', key: K.emptyFile });
}
