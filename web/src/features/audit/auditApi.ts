import { queryOptions } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { AuditSearchQuery, AuditSearchResult } from '@server/features/audit/schemas.js';

export type { AuditEntry } from '@server/features/audit/schemas.js';

/** The search as it stands in the URL: the server's query without the limit (the page sets it). */
export type AuditSearch = Pick<AuditSearchQuery, 'studentId' | 'from' | 'to'>;

export const AUDIT_LIMIT = 200;

export const auditQuery = (search: AuditSearch) =>
  queryOptions({
    queryKey: ['audit', search],
    queryFn: ({ signal }) =>
      api<AuditSearchResult>('/api/audit', {
        signal,
        query: { studentId: search.studentId, from: search.from, to: search.to, limit: AUDIT_LIMIT } satisfies AuditSearchQuery,
      }),
  });

const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The search lives in the URL, so a result can be bookmarked or sent to a colleague. */
export function parseAuditSearch(raw: Record<string, unknown>): AuditSearch {
  const out: AuditSearch = {};
  if (typeof raw.studentId === 'string' && raw.studentId.trim()) out.studentId = raw.studentId.trim();
  if (isDay(raw.from)) out.from = raw.from;
  if (isDay(raw.to)) out.to = raw.to;
  return out;
}
