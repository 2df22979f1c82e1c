/** The import API (server/features/rosterImport); its types come from the server's schemas.ts. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { unzipSync, zipSync } from 'fflate';
import { ApiError, api } from '../../core/api/client';
import type { Problem } from '../../core/api/types';
import { i18n } from '../../core/i18n/i18n';
import type { ImportDetail, ImportList, Schedule, ScheduleInput, SubjectHoursInput, SubjectsView, Templates } from '@server/features/rosterImport/schemas.js';

export type {
  ImportDetail, ImportList, ImportSummary, KindPreview, RosterKindName, SampleRow, Schedule, ScheduleInput, SubjectsView, Templates,
} from '@server/features/rosterImport/schemas.js';

const enc = encodeURIComponent;
type Status = ImportDetail['status'];

/** An import the server is still working on: its page asks again every second. */
export const isBusy = (status: Status) => status === 'reading' || status === 'applying';

export const importsQuery = queryOptions({
  queryKey: ['rosterImport', 'imports'],
  queryFn: ({ signal }) => api<ImportList>('/api/roster-import/imports', { signal }),
  // the history shows the state of the imports under way without a reload
  refetchInterval: (q) => (q.state.data?.imports.some((i) => isBusy(i.status)) ? 2000 : false),
});

/** The server words the errors and the log in the asking language: each language is its own answer. */
export const importQuery = (importId: string) => queryOptions({
  queryKey: ['rosterImport', 'import', importId, i18n.language],
  queryFn: ({ signal }) => api<ImportDetail>(`/api/roster-import/imports/${enc(importId)}`, { signal }),
  refetchInterval: (q) => (q.state.data && isBusy(q.state.data.status) ? 1000 : false),
  staleTime: 0,
});

export const templatesQuery = queryOptions({
  queryKey: ['rosterImport', 'templates'],
  queryFn: ({ signal }) => api<Templates>('/api/roster-import/templates', { signal }),
  staleTime: Infinity,
});

export const scheduleQuery = queryOptions({
  queryKey: ['rosterImport', 'schedule'],
  queryFn: ({ signal }) => api<Schedule>('/api/roster-import/schedule', { signal }),
});

export const templateUrl = (kind: string, lang: 'nb' | 'nn' | 'en') => `/api/roster-import/templates/${enc(kind)}.csv?lang=${lang}`;
export const templatesZipUrl = (lang: 'nb' | 'nn' | 'en') => `/api/roster-import/templates.zip?lang=${lang}`;

/** What the picked files will be sent as, and read as on the server (adapters/index.ts decides the same way). */
export type Picked =
  | { kind: 'zip'; file: File; readAs: 'oneRoster' | 'csvSet' | 'unknown' }
  | { kind: 'csv'; files: File[] }
  | { kind: 'other'; file: File };
/** Anything but a zip or CSV files is refused on the page, before the upload. */
export type Uploadable = Exclude<Picked, { kind: 'other' }>;

const isZip = (f: File) => /\.zip$/i.test(f.name) || f.type === 'application/zip' || f.type === 'application/x-zip-compressed';
const isCsv = (f: File) => /\.(csv|txt)$/i.test(f.name) || f.type === 'text/csv';

/** A zip holding manifest.csv is OneRoster; else the plain CSV set. Only the zip's directory is read. */
function readAsOf(bytes: Uint8Array): 'oneRoster' | 'csvSet' | 'unknown' {
  const names: string[] = [];
  try {
    unzipSync(bytes, { filter: (f) => { names.push(f.name); return false; } });
  } catch {
    return 'unknown';
  }
  return names.some((n) => n.replace(/^.*\//, '').toLowerCase() === 'manifest.csv') ? 'oneRoster' : 'csvSet';
}

export async function pick(files: readonly File[]): Promise<Picked | null> {
  if (files.length === 0) return null;
  const zip = files.find(isZip);
  if (zip && files.length === 1) return { kind: 'zip', file: zip, readAs: readAsOf(new Uint8Array(await zip.arrayBuffer())) };
  if (files.every(isCsv)) return { kind: 'csv', files: [...files] };
  return { kind: 'other', file: files.find((f) => !isCsv(f)) ?? files[0]! };
}

/** The body and type of the upload: a zip as it is, one CSV file as it is, several CSV files zipped here. */
async function uploadBody(p: Uploadable): Promise<{ body: BodyInit; type: string; file?: string }> {
  if (p.kind === 'zip') return { body: p.file, type: 'application/zip' };
  if (p.files.length === 1) return { body: p.files[0]!, type: 'text/csv', file: p.files[0]!.name };
  const entries: Record<string, Uint8Array> = {};
  for (const f of p.files) entries[f.name] = new Uint8Array(await f.arrayBuffer());
  const zipped = zipSync(entries, { level: 1 });
  return { body: new Blob([zipped as BlobPart], { type: 'application/zip' }), type: 'application/zip' };
}

/** The API client sends JSON only; an upload sends the files' bytes, with the same CSRF token and language. */
async function upload(p: Uploadable, csrfToken: string): Promise<{ id: string }> {
  const { body, type, file } = await uploadBody(p);
  const url = file ? `/api/roster-import/imports?file=${enc(file)}` : '/api/roster-import/imports';
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST', credentials: 'include', body,
      headers: { 'Content-Type': type, Accept: 'application/json, application/problem+json', 'Accept-Language': i18n.language || 'nb', 'x-csrf-token': csrfToken },
    });
  } catch {
    throw new ApiError(0, null);
  }
  if (!res.ok) {
    const problem = (res.headers.get('content-type') ?? '').includes('json') ? ((await res.json().catch(() => null)) as Problem | null) : null;
    throw new ApiError(res.status, problem);
  }
  return (await res.json()) as { id: string };
}

export function useUpload(csrfToken: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: Uploadable) => upload(p, csrfToken),
    onSuccess: () => qc.invalidateQueries({ queryKey: importsQuery.queryKey }),
  });
}

function useImportAction(importId: string, action: 'apply' | 'cancel') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { onlyValid: boolean } | Record<string, never>) =>
      api<ImportDetail>(`/api/roster-import/imports/${enc(importId)}/${action}`, { method: 'POST', body }),
    onSuccess: (data) => {
      qc.setQueryData(importQuery(importId).queryKey, data);
      void qc.invalidateQueries({ queryKey: importsQuery.queryKey });
    },
  });
}

export const useApply = (importId: string) => useImportAction(importId, 'apply');
export const useCancel = (importId: string) => useImportAction(importId, 'cancel');

export function useSaveSchedule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ScheduleInput) => api<Schedule>('/api/roster-import/schedule', { method: 'PUT', body }),
    onSuccess: (data) => qc.setQueryData(scheduleQuery.queryKey, data),
  });
}

export function useSyncNow() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ id: string }>('/api/roster-import/schedule/run', { method: 'POST', body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: importsQuery.queryKey }),
  });
}

export const subjectsQuery = queryOptions({
  queryKey: ['rosterImport', 'subjects'],
  queryFn: ({ signal }) => api<SubjectsView>('/api/roster-import/subjects', { signal }),
});

/** Sets a subject's annual hours (FINT has none); the answer is the school's subjects as they now are. */
export function useSetAnnualHours() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ subjectId, ...body }: SubjectHoursInput & { subjectId: string }) =>
      api<SubjectsView>(`/api/roster-import/subjects/${enc(subjectId)}`, { method: 'PUT', body }),
    onSuccess: (data) => qc.setQueryData(subjectsQuery.queryKey, data),
  });
}
