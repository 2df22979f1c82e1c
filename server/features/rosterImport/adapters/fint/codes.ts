/**
 * The codes FINT carries as words or Grep references, read into the roster's values: årstrinn
 * (`VG2`, `5. trinn`, `…/aarstrinn/vg2`), utdanningsprogram (`ST`, `BA`, or the first two letters of a
 * programområde code such as `BATMF2----`), adressebeskyttelse (FINT's model has none; a provider that
 * sends the Folkeregister's grading is read), and the birth date hidden in a fødselsnummer.
 */
import { createHash } from 'node:crypto';
import type { AddressProtection, Level } from '../../../../core/db/tables.js';

const fold = (s: string) => s.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'aa');

/** An årstrinn from any of the words or references that name it; null when none does. */
export function levelFrom(...words: (string | null | undefined)[]): Level | null {
  for (const word of words) {
    if (!word) continue;
    const w = fold(word);
    const vg = /(?:^|[^a-z])vg\s*([123])(?![0-9])/.exec(w) ?? /videregaaende\s*trinn\s*([123])/.exec(w);
    if (vg) return `vg${vg[1]}` as Level;
    const grade = /aarstrinn\s*(\d{1,2})(?![0-9])/.exec(w) ?? /(?:^|[^0-9])(\d{1,2})\.?\s*(?:trinn|klasse|aarstrinn)/.exec(w) ?? /trinn\s*(\d{1,2})(?![0-9])/.exec(w);
    if (grade) {
      const n = Number(grade[1]);
      if (n >= 1 && n <= 10) return `grade${n}` as Level;
    }
  }
  return null;
}

/** The level a programområde code carries in its sixth character (`STSSA1----` → vg1). */
export function levelFromProgrammeAreaCode(code: string | null): Level | null {
  const m = code ? /^[A-ZÆØÅ]{5}([123])/.exec(code.trim().toUpperCase()) : null;
  return m ? (`vg${m[1]}` as Level) : null;
}

// Grep's utdanningsprogram codes (LK06 and LK20): studieforberedende and yrkesfaglige
const GENERAL = new Set(['ST', 'ID', 'MD', 'KD', 'MK', 'PB']);
const VOCATIONAL = new Set(['BA', 'EL', 'FD', 'HO', 'HS', 'IM', 'IT', 'NA', 'RM', 'SR', 'SS', 'TP', 'TI', 'HD', 'DH']);
const GENERAL_WORDS = ['studieforberedende', 'studiespesialisering', 'idrettsfag', 'medier og kommunikasjon', 'musikk, dans', 'kunst, design', 'påbygg'];
const VOCATIONAL_WORDS = ['yrkesfag', 'bygg- og anlegg', 'elektro', 'helse- og oppvekst', 'naturbruk', 'restaurant- og mat', 'teknologi- og industri', 'teknikk og industriell', 'salg, service', 'frisør', 'håndverk', 'informasjonsteknologi og medieproduksjon'];

/** Studieforberedende or yrkesfag from an utdanningsprogram's code (`ST`), a programområde code (`BATMF2----`) or a name. */
export function programmeFrom(...words: (string | null | undefined)[]): 'general' | 'vocational' | null {
  for (const word of words) {
    if (!word) continue;
    const last = word.trim().replace(/\/+$/, '').replace(/^.*\//, '');
    if (/^[A-ZÆØÅ]{2}$/.test(last) || /^[A-ZÆØÅ]{5}\d/.test(last)) {
      const code = last.slice(0, 2);
      if (GENERAL.has(code)) return 'general';
      if (VOCATIONAL.has(code)) return 'vocational';
    }
    const w = fold(word);
    if (GENERAL_WORDS.some((g) => w.includes(fold(g)))) return 'general';
    if (VOCATIONAL_WORDS.some((v) => w.includes(fold(v)))) return 'vocational';
  }
  return null;
}

const PROTECTION: Record<string, AddressProtection> = {
  ugradert: 'none', ingen: 'none', none: 'none', false: 'none', '0': 'none',
  fortrolig: 'confidential', spfo: 'confidential', '7': 'confidential', confidential: 'confidential',
  strengtfortrolig: 'strictlyConfidential', strengtfortroligutland: 'strictlyConfidential', spsf: 'strictlyConfidential', '6': 'strictlyConfidential',
  strictlyconfidential: 'strictlyConfidential',
};

/**
 * `adressebeskyttelse` as a provider may send it: the Folkeregister's grading (`STRENGT_FORTROLIG`,
 * `STRENGT_FORTROLIG_UTLAND`, `FORTROLIG`, `UGRADERT`), the old codes (SPSF, SPFO, 6, 7), or a kodeverk
 * object with `kode`. `ok: false` for a value that is none of these — read as strictly confidential,
 * the side that shows nothing.
 */
export function addressProtectionFrom(v: unknown): { ok: boolean; value: AddressProtection } {
  if (v === undefined || v === null || v === '') return { ok: true, value: 'none' };
  const raw = typeof v === 'object' && v !== null && 'kode' in v ? (v as { kode: unknown }).kode : v;
  const word = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? fold(String(raw)).replace(/[\s_\-.]/g, '') : '';
  const value = PROTECTION[word];
  return value ? { ok: true, value } : { ok: false, value: 'strictlyConfidential' };
}

/**
 * A person's source id. FINT addresses a person by fødselsnummer only; the id the sync keys on (and a
 * preview may show) is a digest of it, so the number itself is never an id.
 */
export function personSourceId(nin: string | null, fallbackKey: string): string {
  const basis = nin ? `nin:${nin}` : `href:${fallbackKey}`;
  return `person:${createHash('sha256').update(`elevlos-fint:${basis}`).digest('hex').slice(0, 32)}`;
}

/** A subject code as Grep writes it (MAT1021), from a Grep reference, the name or the systemId. */
export function subjectCodeFrom(...words: (string | null | undefined)[]): string | null {
  for (const word of words) {
    const last = word?.trim().replace(/\/+$/, '').replace(/^.*\//, '') ?? '';
    if (/^[A-ZÆØÅ]{3}\d{4}$/i.test(last)) return last.toUpperCase();
  }
  return null;
}

const GUARDIAN_TYPES: Record<string, 'mother' | 'father' | 'other'> = {
  forelder: 'other', foreldre: 'other', foresatt: 'other', foresatte: 'other', foreldrepar: 'other',
  mor: 'mother', medmor: 'mother', far: 'father',
  verge: 'other', fosterforelder: 'other', fostermor: 'other', fosterfar: 'other',
};

/** A kontaktperson's `type` that makes them a guardian, and the relation it says; null for other pårørende (a grandmother, a sibling). */
export function guardianTypeFrom(type: string | null): { relation: 'mother' | 'father' | 'other' } | null {
  if (!type) return null;
  const relation = GUARDIAN_TYPES[fold(type).replace(/[\s_\-.]/g, '')];
  return relation ? { relation } : null;
}

/** Mother or father from the `kjonn` code (ISO 5218: 1 male, 2 female). */
export const relationFromSex = (sex: string | null): 'mother' | 'father' | 'other' => (sex === '2' ? 'mother' : sex === '1' ? 'father' : 'other');
