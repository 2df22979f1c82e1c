/** The source's ids → Elevlos's, per kind: from the links, then from what the apply writes. */
import type { LinkRow } from '../queries/links.js';
import type { SyncKind } from './model.js';

export interface LocalEntry {
  localId: string;
  localId2: string | null;
  /** the local school of the record (null: the owner's own) */
  schoolId: string | null;
}

export class LocalIds {
  private readonly maps = new Map<SyncKind, Map<string, LocalEntry>>();

  constructor(links: ReadonlyMap<string, readonly LinkRow[]>) {
    for (const [kind, rows] of links) {
      const m = this.of(kind as SyncKind);
      for (const l of rows) m.set(l.sourceId, { localId: l.localId, localId2: l.localId2, schoolId: l.schoolId });
    }
  }

  private of(kind: SyncKind): Map<string, LocalEntry> {
    let m = this.maps.get(kind);
    if (!m) this.maps.set(kind, (m = new Map()));
    return m;
  }

  get(kind: SyncKind, sourceId: string): LocalEntry | undefined {
    return this.maps.get(kind)?.get(sourceId);
  }

  /** The local id a reference resolves to; the references were checked before, so a miss is a bug. */
  id(kind: SyncKind, sourceId: string): string {
    const e = this.get(kind, sourceId);
    if (!e) throw new Error(`rosterImport: ${kind} ${sourceId} has no local id`);
    return e.localId;
  }

  optional(kind: SyncKind, sourceId: string | null): string | null {
    return sourceId === null ? null : this.id(kind, sourceId);
  }

  schoolOf(kind: SyncKind, sourceId: string): string | null {
    return this.get(kind, sourceId)?.schoolId ?? null;
  }

  set(kind: SyncKind, sourceId: string, entry: LocalEntry): void {
    this.of(kind).set(sourceId, entry);
  }
}
