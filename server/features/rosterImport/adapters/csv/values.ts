/**
 * How one cell of the plain CSV set is read: each kind of value accepts the bokmål, nynorsk and English
 * words a school's export or a person typing in a spreadsheet uses, and says what is wrong (a server
 * message key) when it cannot. Words are compared without case, spaces, dashes and Norwegian letters
 * (`Strengt fortrolig` = `strengtfortrolig` = `STRENGT-FORTRULEG`), so a header or a value typed by
 * hand is not refused over a capital letter.
 */
import type { AddressProtection, Level, StaffRole } from '../../../../core/db/tables.js';
import { isNationalIdentityNumber } from '../nationalIdentityNumber.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; key: string; params?: Record<string, string | number> };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(key: string, params?: Record<string, string | number>): Parsed<T> => ({ ok: false, key, params });

/** Lower case, without spaces, dashes, dots, underscores and with æøå spelled out: how words are compared. */
export function normaliseWord(s: string): string {
  return s.trim().toLowerCase()
    .replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a').replace(/é/g, 'e')
    .replace(/[\s_\-.]/g, '');
}

/** A closed list of words → values; the message names the words of the file's language the admin can use. */
export function oneOf<T>(words: Record<string, T>, shown: string): (raw: string) => Parsed<T> {
  const byWord = new Map(Object.entries(words).map(([w, v]) => [normaliseWord(w), v]));
  return (raw) => {
    const v = byWord.get(normaliseWord(raw));
    return v === undefined ? bad('rosterImport.oneOf', { values: shown }) : ok(v);
  };
}

export const text = (raw: string): Parsed<string> => ok(raw.trim());

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const NORWEGIAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** An ISO day (2026-08-19) or the Norwegian way of writing it (19.08.2026); a day that does not exist is refused. */
export function day(raw: string): Parsed<string> {
  const s = raw.trim();
  const m = ISO.exec(s) ?? NORWEGIAN.exec(s);
  if (!m) return bad('rosterImport.invalidDate');
  const [y, mo, d] = ISO.test(s) ? [m[1]!, m[2]!, m[3]!] : [m[3]!, m[2]!.padStart(2, '0'), m[1]!.padStart(2, '0')];
  const iso = `${y}-${mo}-${d}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) return bad('rosterImport.invalidDate');
  return ok(iso);
}

/** A whole number within bounds. */
export function wholeNumber(min: number, max: number): (raw: string) => Parsed<number> {
  return (raw) => {
    const s = raw.trim();
    if (!/^-?\d+$/.test(s)) return bad('rosterImport.invalidNumber', { min, max });
    const n = Number(s);
    return n < min || n > max ? bad('rosterImport.invalidNumber', { min, max }) : ok(n);
  };
}

/** HH:MM (also 8:15 and 08.15) → "08:15". */
export function clockTime(raw: string): Parsed<string> {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(raw.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return bad('rosterImport.invalidTime');
  return ok(`${m[1]!.padStart(2, '0')}:${m[2]}`);
}

/** Eleven digits whose control digits hold; spaces are allowed where people put them (010203 12345). */
export function nationalIdentityNumber(raw: string): Parsed<string> {
  const s = raw.replace(/\s/g, '');
  if (!isNationalIdentityNumber(s)) return bad('rosterImport.invalidNationalIdentityNumber');
  return ok(s);
}

/** user@realm: the Feide user id (eduPersonPrincipalName); compared in lower case, as Feide issues it. */
export function feideId(raw: string): Parsed<string> {
  const s = raw.trim().toLowerCase();
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s) ? ok(s) : bad('rosterImport.invalidFeideId');
}

export function email(raw: string): Parsed<string> {
  const s = raw.trim();
  return /^[^@\s]+@[^@\s]+$/.test(s) ? ok(s) : bad('rosterImport.invalidEmail');
}

export const yesNo = oneOf<boolean>({ ja: true, yes: true, true: true, '1': true, x: true, nei: false, no: false, false: false, '0': false }, 'ja, nei');

export const stage = oneOf<'upperSecondary' | 'compulsory'>({
  videregående: 'upperSecondary', vidaregåande: 'upperSecondary', vgs: 'upperSecondary', upperSecondary: 'upperSecondary',
  grunnskole: 'compulsory', grunnskule: 'compulsory', compulsory: 'compulsory',
}, 'videregående, grunnskole');

export const termKind = oneOf<'autumn' | 'spring'>({
  høst: 'autumn', haust: 'autumn', autumn: 'autumn', vår: 'spring', spring: 'spring',
}, 'høst, vår');

export const addressProtection = oneOf<AddressProtection>({
  ingen: 'none', none: 'none', nei: 'none',
  fortrolig: 'confidential', fortruleg: 'confidential', confidential: 'confidential', '7': 'confidential',
  strengtfortrolig: 'strictlyConfidential', strengtfortruleg: 'strictlyConfidential', strictlyConfidential: 'strictlyConfidential', '6': 'strictlyConfidential',
}, 'ingen, fortrolig, strengt fortrolig');

export const programme = oneOf<'general' | 'vocational'>({
  studieforberedende: 'general', studieførebuande: 'general', general: 'general', sf: 'general',
  yrkesfag: 'vocational', yrkesfagleg: 'vocational', vocational: 'vocational', yf: 'vocational',
}, 'studieforberedende, yrkesfag');

export const studentStatus = oneOf<'active' | 'changed' | 'left'>({
  aktiv: 'active', active: 'active', endret: 'changed', endra: 'changed', changed: 'changed',
  sluttet: 'left', slutta: 'left', left: 'left',
}, 'aktiv, endret, sluttet');

export const relation = oneOf<'mother' | 'father' | 'other'>({
  mor: 'mother', mother: 'mother', far: 'father', father: 'father',
  annen: 'other', anna: 'other', annan: 'other', other: 'other', verge: 'other',
}, 'mor, far, annen');

const WEEKDAYS: Record<string, number> = {
  mandag: 1, måndag: 1, monday: 1, tirsdag: 2, tysdag: 2, tuesday: 2, onsdag: 3, wednesday: 3, torsdag: 4, thursday: 4,
  fredag: 5, friday: 5, lørdag: 6, laurdag: 6, saturday: 6, søndag: 7, sundag: 7, sunday: 7,
};
const weekdayWord = oneOf<number>(WEEKDAYS, 'mandag … søndag, 1–7');
export function weekday(raw: string): Parsed<number> {
  const s = raw.trim();
  if (/^[1-7]$/.test(s)) return ok(Number(s));
  return weekdayWord(s);
}

/** vg1–vg3, or a grade 1–10 ("5", "5. trinn", "grade5"). */
export function level(raw: string): Parsed<Level> {
  const s = normaliseWord(raw);
  if (/^vg[1-3]$/.test(s)) return ok(s as Level);
  const m = /^(?:grade|trinn)?(\d{1,2})(?:trinn)?$/.exec(s);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 10) return ok(`grade${Number(m[1])}` as Level);
  return bad('rosterImport.oneOf', { values: 'vg1, vg2, vg3, 1–10' });
}

const ROLES: Record<string, StaffRole> = {
  lærer: 'teacher', lærar: 'teacher', teacher: 'teacher', kontaktlærer: 'teacher', kontaktlærar: 'teacher', faglærer: 'teacher', faglærar: 'teacher',
  avdelingsleder: 'departmentHead', avdelingsleiar: 'departmentHead', departmentHead: 'departmentHead',
  rådgiver: 'counsellor', rådgivar: 'counsellor', sosiallærer: 'counsellor', sosiallærar: 'counsellor', counsellor: 'counsellor',
  rektor: 'principal', principal: 'principal',
  skoleadmin: 'schoolAdmin', skuleadmin: 'schoolAdmin', skoleadministrator: 'schoolAdmin', skuleadministrator: 'schoolAdmin', schoolAdmin: 'schoolAdmin',
  helsesykepleier: 'nurse', helsesjukepleiar: 'nurse', nurse: 'nurse',
};
const roleWord = oneOf<StaffRole>(ROLES, 'lærer, avdelingsleder, rådgiver, rektor, skoleadmin, helsesykepleier');

/** One or more roles, separated by | (or by commas inside a quoted cell). */
export function roles(raw: string): Parsed<StaffRole[]> {
  const out: StaffRole[] = [];
  for (const word of raw.split(/[|,]/).map((w) => w.trim()).filter(Boolean)) {
    const r = roleWord(word);
    if (!r.ok) return r;
    if (!out.includes(r.value)) out.push(r.value);
  }
  return out.length ? ok(out) : bad('rosterImport.required');
}

/** The words the writer uses for each value, in the file's language (the reader accepts them all). */
export const WORDS = {
  nb: {
    yes: 'ja', no: 'nei', upperSecondary: 'videregående', compulsory: 'grunnskole', autumn: 'høst', spring: 'vår',
    none: 'ingen', confidential: 'fortrolig', strictlyConfidential: 'strengt fortrolig', general: 'studieforberedende', vocational: 'yrkesfag',
    active: 'aktiv', changed: 'endret', left: 'sluttet', mother: 'mor', father: 'far', other: 'annen',
    teacher: 'lærer', departmentHead: 'avdelingsleder', counsellor: 'rådgiver', principal: 'rektor', schoolAdmin: 'skoleadmin', nurse: 'helsesykepleier',
  },
  nn: {
    yes: 'ja', no: 'nei', upperSecondary: 'vidaregåande', compulsory: 'grunnskule', autumn: 'haust', spring: 'vår',
    none: 'ingen', confidential: 'fortruleg', strictlyConfidential: 'strengt fortruleg', general: 'studieførebuande', vocational: 'yrkesfag',
    active: 'aktiv', changed: 'endra', left: 'slutta', mother: 'mor', father: 'far', other: 'anna',
    teacher: 'lærar', departmentHead: 'avdelingsleiar', counsellor: 'rådgivar', principal: 'rektor', schoolAdmin: 'skuleadmin', nurse: 'helsesjukepleiar',
  },
  en: {
    yes: 'yes', no: 'no', upperSecondary: 'upperSecondary', compulsory: 'compulsory', autumn: 'autumn', spring: 'spring',
    none: 'none', confidential: 'confidential', strictlyConfidential: 'strictlyConfidential', general: 'general', vocational: 'vocational',
    active: 'active', changed: 'changed', left: 'left', mother: 'mother', father: 'father', other: 'other',
    teacher: 'teacher', departmentHead: 'departmentHead', counsellor: 'counsellor', principal: 'principal', schoolAdmin: 'schoolAdmin', nurse: 'nurse',
  },
} as const;
export type CsvLanguage = keyof typeof WORDS;
export type Word = keyof (typeof WORDS)['nb'];
