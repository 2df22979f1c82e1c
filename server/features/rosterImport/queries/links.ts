/** Every statement on roster_link: what the sync already holds of a source, and keeping it current. */
import type { QueryFn } from '../../../core/db/client.js';
import type { RosterSource } from '../tables.js';

export interface LinkRow {
  sourceId: string;
  localId: string;
  localId2: string | null;
  schoolId: string | null;
  digest: string;
  ended: boolean;
}

/**
 * Every link of the owner's source, by kind. Each column of a kind comes as one text joined by a
 * separator and is split in JavaScript: a county holds more than a million links, and building an object
 * per row — or parsing PostgreSQL's array syntax, as array_agg would need — costs more than the query.
 */
export async function linksOfSource(q: QueryFn, ownerId: string, source: RosterSource): Promise<Map<string, LinkRow[]>> {
  const rows = await q<{ kind: string; n: number; unsafe: boolean; source_ids: string; local_ids: string; local_ids2: string; school_ids: string; digests: string; ended: string }>(
    `select kind, count(*)::int as n, bool_or(strpos(source_id, chr(30)) > 0) as unsafe,
       string_agg(source_id, chr(30)) as source_ids, string_agg(local_id::text, chr(30)) as local_ids,
       string_agg(coalesce(local_id2::text, ''), chr(30)) as local_ids2, string_agg(coalesce(school_id::text, ''), chr(30)) as school_ids,
       string_agg(digest, chr(30)) as digests, string_agg(case when ended_at is null then '0' else '1' end, '') as ended
     from roster_link where owner_id = $1 and source = $2 group by kind`,
    [ownerId, source],
  );
  // a source id holding the separator itself (no export has one) is read the slower way
  if (rows.some((r) => r.unsafe)) return linksAsArrays(q, ownerId, source);
  const out = new Map<string, LinkRow[]>();
  const SEP = String.fromCharCode(30);
  for (const r of rows) {
    const [sourceIds, localIds, localIds2, schoolIds, digests] = [r.source_ids, r.local_ids, r.local_ids2, r.school_ids, r.digests].map((x) => x.split(SEP));
    if (sourceIds!.length !== r.n || localIds2!.length !== r.n || r.ended.length !== r.n) throw new Error(`roster_link ${r.kind}: the columns do not line up`);
    const links: LinkRow[] = new Array(r.n);
    for (let i = 0; i < r.n; i++) {
      links[i] = {
        sourceId: sourceIds![i]!, localId: localIds![i]!, localId2: localIds2![i] || null, schoolId: schoolIds![i] || null, digest: digests![i]!,
        ended: r.ended.charCodeAt(i) === 49,
      };
    }
    out.set(r.kind, links);
  }
  return out;
}

async function linksAsArrays(q: QueryFn, ownerId: string, source: RosterSource): Promise<Map<string, LinkRow[]>> {
  const rows = await q<{ kind: string; source_ids: string[]; local_ids: string[]; local_ids2: (string | null)[]; school_ids: (string | null)[]; digests: string[]; ended: boolean[] }>(
    `select kind, array_agg(source_id) as source_ids, array_agg(local_id) as local_ids, array_agg(local_id2) as local_ids2,
       array_agg(school_id) as school_ids, array_agg(digest) as digests, array_agg(ended_at is not null) as ended
     from roster_link where owner_id = $1 and source = $2 group by kind`,
    [ownerId, source],
  );
  const out = new Map<string, LinkRow[]>();
  for (const r of rows) {
    out.set(r.kind, r.source_ids.map((sourceId, i) => ({
      sourceId, localId: r.local_ids[i]!, localId2: r.local_ids2[i] ?? null, schoolId: r.school_ids[i] ?? null, digest: r.digests[i]!, ended: r.ended[i]!,
    })));
  }
  return out;
}

export interface NewLink {
  sourceId: string;
  localId: string;
  localId2: string | null;
  schoolId: string | null;
  digest: string;
}

/**
 * Links of records the plan found no link for at all (not even an ended one), written inside the apply's
 * transaction under the owner's import lock: nothing else can have made them, so a plain insert does
 * (on conflict cost ~15 % more over a county's 1.6 million links).
 */
export async function insertLinks(q: QueryFn, ownerId: string, source: RosterSource, kind: string, links: readonly NewLink[]): Promise<void> {
  if (!links.length) return;
  await q(
    `insert into roster_link (owner_id, source, kind, source_id, local_id, local_id2, school_id, digest)
     select $1::uuid, $2::text, $3::text, u.source_id, u.local_id, u.local_id2, u.school_id, u.digest
     from unnest($4::text[], $5::uuid[], $6::uuid[], $7::uuid[], $8::text[]) as u(source_id, local_id, local_id2, school_id, digest)`,
    [ownerId, source, kind, links.map((l) => l.sourceId), links.map((l) => l.localId), links.map((l) => l.localId2),
      links.map((l) => l.schoolId), links.map((l) => l.digest)],
  );
}

/** Links written or brought back (a record the source has again is no longer ended). */
export async function upsertLinks(q: QueryFn, ownerId: string, source: RosterSource, kind: string, links: readonly NewLink[]): Promise<void> {
  if (!links.length) return;
  await q(
    `insert into roster_link (owner_id, source, kind, source_id, local_id, local_id2, school_id, digest)
     select $1::uuid, $2::text, $3::text, u.source_id, u.local_id, u.local_id2, u.school_id, u.digest
     from unnest($4::text[], $5::uuid[], $6::uuid[], $7::uuid[], $8::text[]) as u(source_id, local_id, local_id2, school_id, digest)
     on conflict (owner_id, source, kind, source_id) do update
       set local_id = excluded.local_id, local_id2 = excluded.local_id2, school_id = excluded.school_id, digest = excluded.digest, ended_at = null`,
    [ownerId, source, kind, links.map((l) => l.sourceId), links.map((l) => l.localId), links.map((l) => l.localId2),
      links.map((l) => l.schoolId), links.map((l) => l.digest)],
  );
}

/** The source no longer has these records: their links are ended (the rows they became are handled by the kind). */
export async function endLinks(q: QueryFn, ownerId: string, source: RosterSource, kind: string, sourceIds: readonly string[]): Promise<void> {
  if (!sourceIds.length) return;
  await q(
    `update roster_link set ended_at = now()
     where owner_id = $1 and source = $2 and kind = $3 and source_id = any($4::text[]) and ended_at is null`,
    [ownerId, source, kind, sourceIds],
  );
}

/** Which of these local rows some record of the source is already linked to (they cannot be matched again). */
export async function linkedLocalIds(q: QueryFn, ownerId: string, source: RosterSource, kind: string, localIds: readonly string[]): Promise<Set<string>> {
  if (!localIds.length) return new Set();
  const rows = await q<{ local_id: string }>(
    'select local_id from roster_link where owner_id = $1 and source = $2 and kind = $3 and local_id = any($4::uuid[])',
    [ownerId, source, kind, localIds],
  );
  return new Set(rows.map((r) => r.local_id));
}

/** The source ids a local row is linked to (current links only): a school's own id in its FINT, say. */
export async function linkedSourceIds(q: QueryFn, ownerId: string, source: RosterSource, kind: string, localId: string): Promise<string[]> {
  const rows = await q<{ source_id: string }>(
    'select source_id from roster_link where owner_id = $1 and source = $2 and kind = $3 and local_id = $4 and ended_at is null order by source_id',
    [ownerId, source, kind, localId],
  );
  return rows.map((r) => r.source_id);
}

/**
 * What changes whenever any link of the owner can have changed: roster_link is written only by an apply,
 * and every apply that commits marks its import applied in the same transaction (a failed one writes nothing).
 */
export async function linksStamp(q: QueryFn, ownerId: string): Promise<string> {
  const [r] = await q<{ n: number; last: string | Date | null }>(
    "select count(*)::int as n, max(finished_at) as last from roster_import where owner_id = $1 and status = 'applied'",
    [ownerId],
  );
  return `${r?.n ?? 0}/${r?.last ? new Date(r.last).toISOString() : ''}`;
}
