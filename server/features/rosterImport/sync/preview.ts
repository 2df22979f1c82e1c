/**
 * The preview the admin decides on: per kind, how many records are added, changed, unchanged and
 * ended, with the first rows of each named the way a person recognises them (a name, a class, "Kari
 * Nordmann → Ola Nordmann"). Never a national identity number, an address or a contact detail.
 */
import type { QueryFn } from '../../../core/db/client.js';
import * as names from '../queries/sync.js';
import type { LinkRow } from '../queries/links.js';
import type { Roster, RosterKind } from '../roster.js';
import { SYNC_KINDS, type Planned, type SchoolResolution, type SyncKind, type SyncPlan, type SyncRecord } from './model.js';

export const SAMPLE_ROWS = 5;

export interface SampleRow {
  sourceId: string;
  label: string;
  file?: string;
  line?: number;
  /** a school: the school in Elevlos it is (matched by the first import), when not a new one */
  matches?: string;
}

export interface KindPreview {
  kind: RosterKind;
  added: number;
  changed: number;
  unchanged: number;
  ended: number;
  samples: { added: SampleRow[]; changed: SampleRow[]; ended: SampleRow[] };
}

export interface Preview {
  kinds: KindPreview[];
  /** what the apply would write in all (rows) */
  total: number;
  /**
   * Subjects whose annual hours neither the source (FINT has none) nor Elevlos knows: the absence limit
   * cannot be counted for them until the school admin sets them. The first of them, and how many.
   */
  subjectsWithoutHours?: { count: number; first: { code: string; name: string }[] };
}

const SUBJECTS_SHOWN = 50;

/** Names of the roster's records by their source ids, for labels (built once per kind, when a label needs it). */
class Lookup {
  private readonly maps = new Map<RosterKind, Map<string, SyncRecord>>();
  constructor(private readonly roster: Roster) {}
  get<K extends RosterKind>(kind: K, id: string | null): Roster[K][number] | undefined {
    if (id === null) return undefined;
    let m = this.maps.get(kind);
    if (!m) this.maps.set(kind, (m = new Map((this.roster[kind] as SyncRecord[]).map((r) => [r.sourceId, r]))));
    return m.get(id) as Roster[K][number] | undefined;
  }
  person(id: string | null): string {
    const p = this.get('people', id);
    return p ? `${p.givenName} ${p.familyName}` : id ?? '';
  }
  studentName(id: string): string {
    const s = this.get('students', id);
    return s ? this.person(s.personId) : id;
  }
  staffName(id: string): string {
    const m = this.get('staff', id);
    return m ? this.person(m.personId) : id;
  }
  groupName(kind: 'basisGroups' | 'teachingGroups', id: string): string {
    return this.get(kind, id)?.name ?? id;
  }
}

function labelOf(kind: RosterKind, r: SyncRecord, l: Lookup): string {
  const x = r as never;
  switch (kind) {
    case 'schools': case 'schoolYears': case 'departments': case 'basisGroups': case 'teachingGroups':
      return (x as { name: string }).name;
    case 'terms': {
      const t = x as Roster['terms'][number];
      return `${l.get('schoolYears', t.schoolYearId)?.name ?? t.schoolYearId}: ${t.startsOn} – ${t.endsOn}`;
    }
    case 'subjects': {
      const s = x as Roster['subjects'][number];
      return `${s.code} ${s.name}`;
    }
    case 'people': {
      const p = x as Roster['people'][number];
      return `${p.givenName} ${p.familyName}`;
    }
    case 'students': {
      const s = x as Roster['students'][number];
      return `${l.person(s.personId)} (${s.level})`;
    }
    case 'guardianships': {
      const g = x as Roster['guardianships'][number];
      return `${l.person(g.guardianPersonId)} → ${l.studentName(g.studentId)}`;
    }
    case 'staff': {
      const m = x as Roster['staff'][number];
      return m.title ? `${l.person(m.personId)} (${m.title})` : l.person(m.personId);
    }
    case 'enrolments': {
      const e = x as Roster['enrolments'][number];
      const group = l.groupName(e.group.kind === 'basis' ? 'basisGroups' : 'teachingGroups', e.group.id);
      return `${l.studentName(e.studentId)} · ${group} (${e.startsOn}${e.endsOn ? ` – ${e.endsOn}` : ''})`;
    }
    case 'contactTeachers': case 'subjectTeachers': {
      const a = x as Roster['contactTeachers'][number];
      return `${l.staffName(a.staffMemberId)} · ${l.groupName(kind === 'contactTeachers' ? 'basisGroups' : 'teachingGroups', a.groupId)}`;
    }
    case 'lessons': {
      const s = x as Roster['lessons'][number];
      return `${l.groupName('teachingGroups', s.teachingGroupId)} · ${s.weekday} ${s.startsAt} (${s.minutes} min)`;
    }
  }
}

const sample = (kind: RosterKind, xs: readonly Planned[], l: Lookup, schools: ReadonlyMap<string, SchoolResolution>): SampleRow[] =>
  xs.slice(0, SAMPLE_ROWS).map((x) => {
    const match = kind === 'schools' ? schools.get(x.record.sourceId) : undefined;
    return {
      sourceId: x.record.sourceId, label: labelOf(kind, x.record, l), file: x.record.at.file, line: x.record.at.line,
      ...(match?.how === 'matched' && match.localName ? { matches: match.localName } : {}),
    };
  });

/** The rows an ended record became, named from Elevlos's own data (the source no longer has them). */
async function endedSamples(q: QueryFn, ownerId: string, kind: RosterKind, links: readonly LinkRow[]): Promise<SampleRow[]> {
  const first = links.slice(0, SAMPLE_ROWS);
  if (!first.length) return [];
  const ids = first.map((l) => l.localId);
  const named = kind === 'students' ? await names.namesOfStudents(q, ownerId, ids)
    : kind === 'staff' ? await names.namesOfStaff(q, ownerId, ids)
      : kind === 'guardianships' ? await names.namesOfGuardianships(q, ownerId, ids)
        : kind === 'enrolments' ? await names.namesOfEnrolments(q, ownerId, ids)
          : kind === 'lessons' ? await names.namesOfLessons(q, ownerId, ids)
            : kind === 'basisGroups' || kind === 'teachingGroups' || kind === 'departments' ? await names.namesOfGroups(q, ownerId, ids)
              : kind === 'contactTeachers' || kind === 'subjectTeachers'
                ? await names.namesOfStaff(q, ownerId, first.flatMap((l) => (l.localId2 ? [l.localId2] : [])))
                : [];
  const label = new Map(named.map((n) => [n.id, n.label]));
  return first.map((l) => ({ sourceId: l.sourceId, label: label.get(l.localId2 && !label.has(l.localId) ? l.localId2 : l.localId) ?? l.sourceId }));
}

const SHOWN: readonly RosterKind[] = SYNC_KINDS.filter((k): k is RosterKind => k !== 'staffRoles');

export async function previewOf(q: QueryFn, ownerId: string, roster: Roster, plan: SyncPlan, schools: ReadonlyMap<string, SchoolResolution>): Promise<Preview> {
  const l = new Lookup(roster);
  const kinds: KindPreview[] = [];
  for (const kind of SHOWN) {
    const p = plan[kind];
    kinds.push({
      kind, added: p.added.length, changed: p.changed.length, unchanged: p.unchanged, ended: p.ended.length,
      samples: { added: sample(kind, p.added, l, schools), changed: sample(kind, p.changed, l, schools), ended: await endedSamples(q, ownerId, kind, p.ended) },
    });
  }
  const total = SYNC_KINDS.reduce((n, k: SyncKind) => n + plan[k].added.length + plan[k].changed.length + plan[k].ended.length, 0);
  const withoutHours = roster.subjects.filter((x) => !(x.annualHours > 0));
  return {
    kinds, total,
    ...(withoutHours.length ? { subjectsWithoutHours: { count: withoutHours.length, first: withoutHours.slice(0, SUBJECTS_SHOWN).map((x) => ({ code: x.code, name: x.name })) } } : {}),
  };
}
