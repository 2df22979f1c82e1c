/**
 * What a sync would do, before it writes anything: per kind, the records the source has that Elevlos
 * has not linked yet (added), those whose content differs from the last import or that come back after
 * being ended (changed), and the linked records the source no longer has (ended) — only within the
 * import's schools, and never for a kind the reading holds only in part. The preview shows this plan;
 * the apply makes it again inside its transaction, so it writes exactly what is true at that moment.
 */
import { normaliseWord } from '../adapters/csv/values.js';
import type { LinkRow } from '../queries/links.js';
import type { Roster, RosterKind, RosterSchool } from '../roster.js';
import { OWNER_LEVEL, SYNC_KINDS, digestOf, recordsOf, type KindPlan, type SchoolResolution, type SyncKind, type SyncPlan } from './model.js';

export interface PlanInput {
  roster: Roster;
  links: ReadonlyMap<string, readonly LinkRow[]>;
  partialKinds: ReadonlySet<RosterKind>;
  /** the local schools the import covers: only their records can end */
  scope: ReadonlySet<string>;
}

const isPartial = (kind: SyncKind, partial: ReadonlySet<RosterKind>) => partial.has(kind === 'staffRoles' ? 'staff' : kind);

export function planKind(kind: SyncKind, input: PlanInput): KindPlan {
  const links = input.links.get(kind) ?? [];
  const byId = new Map<string, LinkRow>();
  for (const l of links) byId.set(l.sourceId, l);
  const plan: KindPlan = { added: [], changed: [], unchanged: 0, ended: [] };
  const seen = new Set<string>();
  for (const record of recordsOf(input.roster, kind)) {
    seen.add(record.sourceId);
    const digest = digestOf(record);
    const link = byId.get(record.sourceId);
    if (!link) plan.added.push({ record, digest });
    else if (link.digest !== digest || link.ended) plan.changed.push({ record, digest, link });
    else plan.unchanged += 1;
  }
  if (!OWNER_LEVEL.has(kind) && !isPartial(kind, input.partialKinds)) {
    for (const l of links) {
      if (!l.ended && !seen.has(l.sourceId) && l.schoolId !== null && input.scope.has(l.schoolId)) plan.ended.push(l);
    }
  }
  return plan;
}

export function planSync(input: PlanInput): SyncPlan {
  return Object.fromEntries(SYNC_KINDS.map((k) => [k, planKind(k, input)])) as SyncPlan;
}

/**
 * The roster's schools in Elevlos. A school linked before stays linked. Else, when the roster brings
 * exactly one new school and the importing admin's school was never imported, they are one and the
 * same (the first start makes the school by hand, then imports it); else a school of the same name
 * that no record links yet; else a new school.
 */
export function resolveSchools(
  schools: readonly RosterSchool[], links: readonly LinkRow[], local: readonly { id: string; name: string }[], importSchoolId: string,
): Map<string, SchoolResolution> {
  const out = new Map<string, SchoolResolution>();
  const nameOf = new Map(local.map((s) => [s.id, s.name]));
  const linked = new Map(links.map((l) => [l.sourceId, l.localId]));
  const taken = new Set(links.map((l) => l.localId));
  const unlinked = schools.filter((s) => !linked.has(s.sourceId));
  for (const s of schools) {
    const id = linked.get(s.sourceId);
    if (id) out.set(s.sourceId, { localId: id, how: 'linked', localName: nameOf.get(id) ?? null });
  }
  if (unlinked.length === 1 && !taken.has(importSchoolId) && nameOf.has(importSchoolId)) {
    out.set(unlinked[0]!.sourceId, { localId: importSchoolId, how: 'matched', localName: nameOf.get(importSchoolId)! });
    return out;
  }
  for (const s of unlinked) {
    const same = local.find((l) => !taken.has(l.id) && normaliseWord(l.name) === normaliseWord(s.name));
    if (same) {
      taken.add(same.id);
      out.set(s.sourceId, { localId: same.id, how: 'matched', localName: same.name });
    } else out.set(s.sourceId, { localId: null, how: 'new', localName: null });
  }
  return out;
}

/**
 * The schools whose records can end: the roster's own schools, or — a reading without schools (a CSV
 * set without skoler.csv) — the importing admin's school.
 */
export function scopeOf(importSchoolId: string, schools: ReadonlyMap<string, SchoolResolution>): Set<string> {
  if (schools.size === 0) return new Set([importSchoolId]);
  const scope = new Set<string>();
  for (const r of schools.values()) if (r.localId) scope.add(r.localId);
  return scope;
}
