/**
 * The CSV files of an upload, each read once, as a stream of rows: a OneRoster zip is never unpacked
 * whole — each entry is inflated in slices (fflate), decoded and split into rows as it comes, so a county's 100 MB of
 * enrolments costs a few hundred kilobytes of buffers, not the file. The CSVs may come loose too (an
 * admin who uploads the files without zipping them).
 */
import { Inflate, Unzip, UnzipInflate, strFromU8, unzipSync } from 'fflate';
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

interface ZipItem { name: string; method: number; compressedSize: number; dataStart: number }

/**
 * The entries of a zip from its central directory, each with where its data starts. A zip written as a
 * stream (as Elevlos's own writer does) leaves the sizes out of the entries' own headers, so reading one
 * entry in sequence means inflating every entry before it; with the directory each is read on its own.
 * Null for what this does not know (zip64, a comment where the directory should end): then in sequence.
 */
function centralDirectory(zip: Uint8Array): ZipItem[] | null {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  if (zip.length < 22 || dv.getUint32(zip.length - 22, true) !== 0x06054b50) return null;
  const end = zip.length - 22;
  const count = dv.getUint16(end + 10, true);
  let p = dv.getUint32(end + 16, true);
  const items: ZipItem[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > zip.length || dv.getUint32(p, true) !== 0x02014b50) return null;
    const utf8 = (dv.getUint16(p + 8, true) & 0x800) !== 0;
    const method = dv.getUint16(p + 10, true);
    const compressedSize = dv.getUint32(p + 20, true);
    const nameLength = dv.getUint16(p + 28, true);
    const local = dv.getUint32(p + 42, true);
    if (compressedSize === 0xffffffff || local === 0xffffffff) return null;
    if (local + 30 > zip.length || dv.getUint32(local, true) !== 0x04034b50) return null;
    const dataStart = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    if (dataStart + compressedSize > zip.length) return null;
    items.push({ name: strFromU8(zip.subarray(p + 46, p + 46 + nameLength), !utf8), method, compressedSize, dataStart });
    p += 46 + nameLength + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  return items;
}

/** An entry found in the central directory: inflated in slices straight from where its data lies. */
function directEntry(zip: Uint8Array, item: ZipItem): CsvEntry {
  return {
    file: item.name,
    stream(push) {
      const data = zip.subarray(item.dataStart, item.dataStart + item.compressedSize);
      if (item.method === 0) {
        if (data.length > MAX_ENTRY_BYTES) throw new Error('entry too large');
        for (let offset = 0; offset < data.length; offset += SLICE) push(data.subarray(offset, offset + SLICE));
        return;
      }
      if (item.method !== 8) throw new Error('compression method not supported');
      let bytes = 0;
      const inflate = new Inflate((chunk) => {
        bytes += chunk.length;
        if (bytes > MAX_ENTRY_BYTES) throw new Error('entry too large');
        if (chunk.length > 0) push(chunk);
      });
      for (let offset = 0; offset < data.length; offset += SLICE) inflate.push(data.subarray(offset, offset + SLICE), offset + SLICE >= data.length);
      if (data.length === 0) inflate.push(new Uint8Array(0), true);
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
      const direct = new Map((centralDirectory(zip) ?? []).map((item) => [item.name, item]));
      for (const path of paths) {
        const item = direct.get(path);
        if (baseName(path).endsWith('.csv')) add(baseName(path), item ? directEntry(zip, item) : zipEntry(zip, path));
      }
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

/** One row of a file: its fields by position, read only when asked for (most of a user's thirty columns are blank or unused). */
export interface Row {
  readonly length: number;
  field(i: number): string;
}

export type RowHandler = (row: Row, line: number) => void;

/** A row given as its fields (the header, a row with quotes). */
export class FieldsRow implements Row {
  constructor(private readonly fields: readonly string[]) {}
  get length(): number { return this.fields.length; }
  field(i: number): string { return this.fields[i] ?? ''; }
}

/**
 * A row without quotes, as the commas in its line: a field is sliced out only when asked for. One object
 * serves every row of a file, so a handler must take what it needs before it returns.
 */
class LineRow implements Row {
  private text = '';
  private from = 0;
  private to = 0;
  private commas = new Int32Array(64);
  length = 0;

  /** the line text[from, to) */
  set(text: string, from: number, to: number): void {
    this.text = text;
    this.from = from;
    this.to = to;
    let n = 0;
    for (let c = text.indexOf(',', from); c >= 0 && c < to; c = text.indexOf(',', c + 1)) {
      if (n === this.commas.length) {
        const wider = new Int32Array(n * 2);
        wider.set(this.commas);
        this.commas = wider;
      }
      this.commas[n++] = c;
    }
    this.length = n + 1;
  }

  field(i: number): string {
    if (i < 0 || i >= this.length) return '';
    const start = i === 0 ? this.from : this.commas[i - 1]! + 1;
    const end = i === this.length - 1 ? this.to : this.commas[i]!;
    return start === end ? '' : this.text.slice(start, end);
  }
}

/**
 * Splits CSV text into records as it streams in (RFC 4180: comma separated, `"` quoted, `""` a quote
 * inside quotes, a quoted field may span lines; CRLF or LF). A line without a quote — nearly every line
 * of an export — is only searched for its commas, and a field is sliced out when a handler asks for it;
 * only a line with a quote is walked character by character. A general-purpose parser spent most of a county's reading on bookkeeping this needs none of.
 */
export class CsvSplitter {
  private pending = '';
  /** the line the next record starts on (1-based) */
  private line = 1;
  private failed = false;

  private readonly lineRow = new LineRow();

  constructor(private readonly onRecord: (row: Row, line: number) => void, private readonly onSyntaxError: (line: number) => void) {}

  push(text: string): void {
    if (this.failed) return;
    const s = this.pending === '' ? text : this.pending + text;
    this.pending = s.slice(this.consume(s, false));
  }

  end(): void {
    if (this.failed || this.pending === '') return;
    const s = this.pending;
    this.pending = '';
    this.consume(s, true);
  }

  /** Emits every whole record of `s`; returns where the rest (an unfinished record) begins. */
  private consume(s: string, final: boolean): number {
    let at = 0;
    // the next quote, found once and not again until the reading passes it (else every line would scan to the end)
    let quote = s.indexOf('"');
    while (at < s.length) {
      let nl = s.indexOf('\n', at);
      if (nl < 0) {
        if (!final) return at;
        nl = s.length;
      }
      if (quote >= 0 && quote < at) quote = s.indexOf('"', at);
      if (quote < 0 || quote > nl) {
        const end = nl > at && s.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        if (end > at) {
          this.lineRow.set(s, at, end);
          this.onRecord(this.lineRow, this.line);
        }
        this.line++;
        at = nl + 1;
        continue;
      }
      const next = this.quoted(s, at, final);
      if (next < 0) return this.failed ? s.length : at;
      at = next;
    }
    return at;
  }

  /** A record with a quote in it, from `at`; the index after it, or -1 when it runs past what has come (or is not CSV). */
  private quoted(s: string, at: number, final: boolean): number {
    const fields: string[] = [];
    const startLine = this.line;
    let lines = 0;
    let i = at;
    for (;;) {
      if (s.charCodeAt(i) === 34) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = s.indexOf('"', from);
          if (q < 0) return final ? this.fail(startLine + lines) : -1;
          value += s.slice(from, q);
          for (let k = s.indexOf('\n', from); k >= 0 && k < q; k = s.indexOf('\n', k + 1)) lines++;
          if (s.charCodeAt(q + 1) === 34) {
            value += '"';
            from = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        fields.push(value);
        const c = s.charCodeAt(i);
        if (i >= s.length && !final) return -1;
        if (c === 44) { i++; continue; }
        if (c === 13 && (s.charCodeAt(i + 1) === 10 || i + 1 >= s.length)) {
          if (i + 1 >= s.length && !final) return -1;
          i++;
        }
        if (i >= s.length || s.charCodeAt(i) === 10) break;
        return this.fail(startLine + lines);
      }
      let end = i;
      while (end < s.length) {
        const c = s.charCodeAt(end);
        if (c === 44 || c === 10) break;
        if (c === 34) return this.fail(startLine + lines);
        end++;
      }
      if (end >= s.length && !final) return -1;
      const value = s.slice(i, end);
      fields.push(s.charCodeAt(end) === 10 && value.endsWith('\r') ? value.slice(0, -1) : value);
      i = end;
      if (s.charCodeAt(i) === 44) { i++; continue; }
      break;
    }
    this.line = startLine + lines + 1;
    this.onRecord(new FieldsRow(fields), startLine);
    return i + 1;
  }

  private fail(line: number): number {
    this.failed = true;
    this.onSyntaxError(line);
    return -1;
  }
}

/**
 * Reads one CSV entry: `onHeader` gets the header (line 1) and returns the row handler, or null when
 * the file cannot be read on (a required column missing — it reports that itself). Rows whose number
 * of fields differs from the header's are reported, not guessed at: an unquoted comma shifts every
 * field after it. A file that is not CSV (a stray quote) stops at that line, with the line reported.
 */
export async function readCsv(entry: CsvEntry, onHeader: (header: Header) => RowHandler | null, errors: RowError[]): Promise<void> {
  let handler: RowHandler | null | undefined;
  let width = 0;
  const splitter = new CsvSplitter((record, line) => {
    if (handler === undefined) {
      width = record.length;
      handler = onHeader(new Header(Array.from({ length: record.length }, (_, i) => record.field(i))));
    } else if (handler !== null) {
      if (record.length !== width) errors.push({ file: entry.file, line, field: '', key: K.columnCount, params: { expected: width, got: record.length } });
      else handler(record, line);
    }
  }, (line) => errors.push({ file: entry.file, line, field: '', key: K.csvSyntax }));
  // the BOM a spreadsheet writes is dropped by the decoder
  const decoder = new TextDecoder('utf-8');
  try {
    entry.stream((chunk) => { if (handler !== null) splitter.push(decoder.decode(chunk, { stream: true })); });
    splitter.push(decoder.decode());
    splitter.end();
  } catch {
    errors.push({ file: entry.file, line: 0, field: '', key: K.unreadable });
  }
  if (handler === undefined) errors.push({ file: entry.file, line: 1, field: '', key: K.emptyFile });
}
