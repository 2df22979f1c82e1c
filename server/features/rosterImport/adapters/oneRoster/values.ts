/**
 * The values of OneRoster's CSV fields and of the Norwegian extensions this adapter reads (README.md in
 * this folder): dates, lists, `{type:identifier}` pairs, grades → level, address protection, programme,
 * the national identity number. Each parser returns `undefined` for a value it cannot read, so the caller
 * can report the row with its file, line and field.
 */
import type { AddressProtection, Level, StaffRole } from '../../../../core/db/tables.js';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const digitsAt = (value: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
};

/**
 * ISO day, checked against the calendar (2026-02-30 is no day). Plain arithmetic, no Date: a county's
 * enrolments and birth dates are a million of these.
 */
export function parseDay(value: string): string | undefined {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  const y = digitsAt(value, 0, 4);
  const m = digitsAt(value, 5, 7);
  const d = digitsAt(value, 8, 10);
  if (y < 0 || m < 1 || m > 12 || d < 1) return undefined;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= DAYS_IN_MONTH[m - 1]! + (leap ? 1 : 0) ? value : undefined;
}

/** The day of a OneRoster dateTime ("2026-08-15T10:00:00.000Z") or date; the day as written, not moved by time zone. */
export function parseDayOfDateTime(value: string): string | undefined {
  const day = value.slice(0, 10);
  if (value.length > 10 && !/^T\d{2}:\d{2}/.test(value.slice(10))) return undefined;
  return parseDay(day);
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A OneRoster list field: comma separated, spaces around items ignored, blanks dropped. */
export function parseList(value: string): string[] {
  if (value === '') return [];
  const out: string[] = [];
  for (const part of value.split(',')) {
    const item = part.trim();
    if (item !== '') out.push(item);
  }
  return out;
}

/** `{Feide:ola@skole.no},{fnr:01017012345}` → [['feide', 'ola@skole.no'], ['fnr', '01017012345']]; undefined when malformed. */
export function parseUserIds(value: string): Array<[type: string, id: string]> | undefined {
  const out: Array<[string, string]> = [];
  const rest = value.replace(/\{([^:{}]+):([^{}]*)\}/g, (_, type: string, id: string) => {
    out.push([type.trim().toLowerCase(), id.trim()]);
    return '';
  });
  return /^[\s,]*$/.test(rest) ? out : undefined;
}

export function formatUserIds(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.map(([type, id]) => `{${type}:${id}}`).join(',');
}

/** `true`/`false` as OneRoster writes them; blank is undefined too, so the caller picks the default. */
export function parseBoolean(value: string): boolean | undefined {
  const v = value.toLowerCase();
  if (v === 'true' || v === '1' || v === 'yes' || v === 'ja') return true;
  if (v === 'false' || v === '0' || v === 'no' || v === 'nei') return false;
  return undefined;
}

/**
 * A grade (CEDS code as OneRoster 1.2 uses them, "01"…"13", or the Norwegian names) as a level:
 * grades 1–10 are compulsory school, 11–13 are Vg1–Vg3.
 */
export function parseLevel(value: string): Level | undefined {
  const v = value.trim().toLowerCase().replace(/\s+/g, '');
  const vg = /^vg([123])$/.exec(v);
  if (vg) return `vg${vg[1]}` as Level;
  const trinn = /^(\d{1,2})(?:\.?trinn|\.klasse|\.)?$/.exec(v);
  if (!trinn) return undefined;
  const n = Number(trinn[1]);
  if (n >= 1 && n <= 10) return `grade${n}` as Level;
  if (n >= 11 && n <= 13) return `vg${n - 10}` as Level;
  return undefined;
}

/** The level a course or class title names ("Vg2", "VG1 Studiespesialisering", "10. trinn"), as a fallback. */
export function levelInTitle(title: string): Level | undefined {
  const vg = /\bvg\s*([123])\b/i.exec(title);
  if (vg) return `vg${vg[1]}` as Level;
  const trinn = /\b(\d{1,2})\.\s*(?:trinn|klasse)\b/i.exec(title);
  return trinn ? parseLevel(trinn[1]!) : undefined;
}

/** The CEDS grade code a level is written as: "01"…"10", Vg1–Vg3 as "11"…"13". */
export function levelToGrade(level: Level): string {
  const n = level.startsWith('vg') ? 10 + Number(level.slice(2)) : Number(level.slice(5));
  return String(n).padStart(2, '0');
}

const ADDRESS_PROTECTION: Record<string, AddressProtection> = {
  none: 'none', ugradert: 'none', ingen: 'none', '': 'none',
  confidential: 'confidential', fortrolig: 'confidential', fortruleg: 'confidential', '7': 'confidential',
  strictlyconfidential: 'strictlyConfidential', strengtfortrolig: 'strictlyConfidential', strengtfortruleg: 'strictlyConfidential', '6': 'strictlyConfidential',
};

/**
 * Folkeregisteret's levels (L-07) in the words a Norwegian system writes them; the old codes 6 (strictly
 * confidential) and 7 (confidential) too. Anything else is an error, never "none": a protected address
 * read as unprotected is the one mistake this field must not make.
 */
export function parseAddressProtection(value: string): AddressProtection | undefined {
  return ADDRESS_PROTECTION[value.toLowerCase().replace(/[\s_-]/g, '')];
}

const PROGRAMME: Record<string, 'general' | 'vocational'> = {
  general: 'general', studieforberedende: 'general', studieførebuande: 'general', sf: 'general',
  vocational: 'vocational', yrkesfag: 'vocational', yrkesfaglig: 'vocational', yrkesfagleg: 'vocational', yf: 'vocational',
};

export function parseProgramme(value: string): 'general' | 'vocational' | undefined {
  return PROGRAMME[value.toLowerCase().replace(/\s+/g, '')];
}

const RELATION: Record<string, 'mother' | 'father' | 'other'> = {
  mother: 'mother', mor: 'mother', father: 'father', far: 'father', other: 'other', annen: 'other', anna: 'other', annan: 'other',
};

export function parseRelation(value: string): 'mother' | 'father' | 'other' | undefined {
  return RELATION[value.toLowerCase()];
}

const STUDENT_STATUS: Record<string, 'active' | 'changed' | 'left'> = {
  active: 'active', aktiv: 'active', changed: 'changed', endret: 'changed', endra: 'changed', left: 'left', sluttet: 'left', slutta: 'left',
};

export function parseStudentStatus(value: string): 'active' | 'changed' | 'left' | undefined {
  return STUDENT_STATUS[value.toLowerCase()];
}

const STAFF_ROLES: readonly StaffRole[] = ['teacher', 'departmentHead', 'counsellor', 'principal', 'schoolAdmin', 'nurse'];

export function parseStaffRole(value: string): StaffRole | undefined {
  return STAFF_ROLES.find((r) => r.toLowerCase() === value.toLowerCase());
}

/** An eduPersonPrincipalName as Feide issues it: one @, a domain with a dot. */
export function isFeideId(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}
