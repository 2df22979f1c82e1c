/**
 * The sources one pipeline reads: an upload (a zip) is a OneRoster 1.2 CSV zip when it holds
 * manifest.csv, else the plain CSV set; FINT is read from the school's connection (the nightly sync).
 * Each adapter yields the same roster (roster.ts); nothing after this file knows which source it was.
 */
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import type { RosterReading, UploadedFile } from '../roster.js';
import { KeptForAWhile } from '../keptForAWhile.js';
import type { RosterSource } from '../tables.js';
import { readCsvFiles } from './csv/read.js';
import { readFint, type FintOptions } from './fint/index.js';
export { isFintError } from './fint/index.js';
import { readOneRosterZip, type ReadContext } from './oneRoster/index.js';

/** An upload above this is refused before it is stored (a county's OneRoster zip is a few tens of MB). */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
/** …and one that unpacks to more than this is refused before it is unpacked (a zip bomb). */
const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;
const MAX_FILES = 100;

export interface FileInfo {
  name: string;
  /** the roster kind the file held (plain CSV set), when the adapter says */
  kind: string | null;
  rows: number;
}

export interface SourceReading extends RosterReading {
  source: RosterSource;
  files: FileInfo[];
  /** the reading used the ids of earlier imports (a OneRoster delta), so it stands only for the links of its moment */
  usedKnown?: boolean;
}

/** A read that fails as a whole (not a zip, no files, too big): a message key for the import's log. */
export class UnreadableUpload extends Error {
  constructor(readonly key: string, readonly params: Record<string, string | number> = {}) {
    super(key);
  }
}

const baseName = (name: string) => name.replace(/^.*\//, '');
const isJunk = (name: string) => name.endsWith('/') || name.startsWith('__MACOSX/') || baseName(name).startsWith('.');

/** The names and sizes in a zip, without unpacking it. */
function listZip(content: Uint8Array): { name: string; size: number }[] {
  const entries: { name: string; size: number }[] = [];
  try {
    unzipSync(content, { filter: (f) => { entries.push({ name: f.name, size: f.originalSize }); return false; } });
  } catch {
    throw new UnreadableUpload('rosterImport.notZip');
  }
  return entries.filter((e) => !isJunk(e.name));
}

function unpack(content: Uint8Array): UploadedFile[] {
  const files = unzipSync(content, { filter: (f) => !isJunk(f.name) && /\.(csv|txt)$/i.test(f.name) });
  return Object.entries(files).map(([name, data]) => ({ name: baseName(name), content: Buffer.from(data.buffer, data.byteOffset, data.byteLength) }));
}

/**
 * The last upload read, kept a few minutes: the apply job reads the upload again (it plans once more
 * inside its transaction, against what is true then), mostly soon after the admin has seen the
 * preview — and a county's zip takes as long to read as its plan takes to write. Keyed on the upload's
 * bytes, so it can only ever stand for the same files; the sync never changes a reading. An apply in
 * another process, or after the minutes, reads the files again.
 */
const KEEP_READING_MS = 10 * 60_000;
const kept = new KeptForAWhile<{ key: string; reading: SourceReading }>(KEEP_READING_MS);

/**
 * Reads an uploaded zip with the adapter its content calls for. `context` gives the ids earlier imports
 * of the source linked (or reads them when a OneRoster manifest names a delta file), so a delta may
 * point at records it does not carry itself. A reading that used them is not kept: the next apply may
 * have linked more.
 */
export async function readUpload(content: Uint8Array, context: ReadContext = {}): Promise<SourceReading> {
  const key = context.known ? null : createHash('sha256').update(content).digest('base64');
  const last = kept.get();
  if (key !== null && last?.key === key) return last.reading;
  const reading = await readUploadAnew(content, context);
  if (key !== null && !reading.usedKnown) kept.set({ key, reading });
  return reading;
}

async function readUploadAnew(content: Uint8Array, context: ReadContext): Promise<SourceReading> {
  const entries = listZip(content);
  if (entries.length === 0) throw new UnreadableUpload('rosterImport.emptyUpload');
  if (entries.length > MAX_FILES) throw new UnreadableUpload('rosterImport.tooManyFiles', { max: MAX_FILES });
  if (entries.reduce((n, e) => n + e.size, 0) > MAX_UNPACKED_BYTES) throw new UnreadableUpload('rosterImport.tooLarge');
  if (entries.some((e) => baseName(e.name).toLowerCase() === 'manifest.csv')) {
    // the OneRoster reader takes the whole zip: it streams each file in the order references run
    const { roster, errors, partialKinds, ended, usedKnown } = await readOneRosterZip(
      [{ name: 'oneroster.zip', content: Buffer.from(content.buffer, content.byteOffset, content.byteLength) }], context);
    return { roster, errors, partialKinds, ended, usedKnown, source: 'oneRoster', files: entries.map((e) => ({ name: baseName(e.name), kind: null, rows: 0 })) };
  }
  const files = unpack(content);
  if (files.length === 0) throw new UnreadableUpload('rosterImport.noCsvFiles');
  const { roster, errors, partialKinds, files: infos } = readCsvFiles(files);
  return { roster, errors, partialKinds, source: 'csv', files: infos.map((f) => ({ name: f.name, kind: f.kind, rows: f.rows })) };
}

/** A school's FINT connection as its settings give it, the secrets already read from the environment. */
export type FintConnection = Pick<FintOptions,
  'baseUrl' | 'tokenUrl' | 'clientId' | 'clientSecret' | 'username' | 'password' | 'orgId' | 'schools' | 'pageSize' | 'timetable' | 'subjectHours'>;

/**
 * Reads a school's FINT as of `today` (the day "current" and "left" are judged on). What stops the
 * reading as a whole (a refused login, a collection that cannot be read) throws a FintError.
 */
export async function readFintSource(connection: FintConnection, today: string): Promise<SourceReading> {
  const reading = await readFint({ ...connection, today });
  return { ...reading, source: 'fint', files: [] };
}
