/**
 * The sources one pipeline reads: an upload (a zip) is a OneRoster 1.2 CSV zip when it holds
 * manifest.csv, else the plain CSV set; FINT is read from the school's connection (the nightly sync).
 * Each adapter yields the same roster (roster.ts); nothing after this file knows which source it was.
 */
import { unzipSync } from 'fflate';
import type { FileAdapter, RosterReading, UploadedFile } from '../roster.js';
import type { RosterSource } from '../tables.js';
import { readCsvFiles } from './csv/read.js';

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
}

/** A read that fails as a whole (not a zip, no files, too big): a message key for the import's log. */
export class UnreadableUpload extends Error {
  constructor(readonly key: string, readonly params: Record<string, string | number> = {}) {
    super(key);
  }
}

/**
 * The file adapters other than the plain CSV set, by source. The OneRoster adapter
 * (adapters/oneRoster, `readOneRosterZip`) is wired here: it gets the whole zip as one file.
 */
const fileAdapters: Partial<Record<Exclude<RosterSource, 'csv' | 'fint'>, FileAdapter>> = {};

export function registerFileAdapter(source: 'oneRoster', adapter: FileAdapter): void {
  fileAdapters[source] = adapter;
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

/** Reads an uploaded zip with the adapter its content calls for. */
export async function readUpload(content: Uint8Array): Promise<SourceReading> {
  const entries = listZip(content);
  if (entries.length === 0) throw new UnreadableUpload('rosterImport.emptyUpload');
  if (entries.length > MAX_FILES) throw new UnreadableUpload('rosterImport.tooManyFiles', { max: MAX_FILES });
  if (entries.reduce((n, e) => n + e.size, 0) > MAX_UNPACKED_BYTES) throw new UnreadableUpload('rosterImport.tooLarge');
  if (entries.some((e) => baseName(e.name).toLowerCase() === 'manifest.csv')) {
    const adapter = fileAdapters.oneRoster;
    if (!adapter) throw new UnreadableUpload('rosterImport.oneRosterUnavailable');
    const reading = await adapter([{ name: 'oneroster.zip', content: Buffer.from(content) }]);
    return { ...reading, source: 'oneRoster', files: entries.map((e) => ({ name: baseName(e.name), kind: null, rows: 0 })) };
  }
  const files = unpack(content);
  if (files.length === 0) throw new UnreadableUpload('rosterImport.noCsvFiles');
  const { roster, errors, partialKinds, files: infos } = readCsvFiles(files);
  return { roster, errors, partialKinds, source: 'csv', files: infos.map((f) => ({ name: f.name, kind: f.kind, rows: f.rows })) };
}

/** The options a FINT reader gets from a school's connection (the secrets read from the environment). */
export interface FintConnection {
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  username?: string;
  password?: string;
  orgId: string;
}

export type FintReader = (connection: FintConnection) => Promise<RosterReading>;

let fintReader: FintReader | null = null;

/** The FINT adapter (adapters/fint, `readFint`) fills this; the nightly sync of a school with FINT settings reads through it. */
export function registerFintReader(reader: FintReader): void {
  fintReader = reader;
}

export function currentFintReader(): FintReader | null {
  return fintReader;
}
