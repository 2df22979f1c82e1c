/**
 * What the mapping steps share: the collections read, the roster being filled, the rows that cannot be
 * mapped (each with the FINT collection or resource URL as `file`, the entry's 1-based position as
 * `line`, and the FINT attribute or `_links.<relation>` as `field`), and the schools and school years
 * every other record hangs on.
 */
import { emptyRoster, type Roster, type RosterPerson, type RosterSchoolYear, type RowError, type SourcePlace } from '../../roster.js';
import { birthDateOfNationalIdentityNumber } from '../nationalIdentityNumber.js';
import { addressProtectionFrom, personSourceId } from './codes.js';
import type { Source } from './collections.js';
import { shownHref, within } from './hal.js';
import type { Resolver } from './resolve.js';
import type { Begrep, Gruppe, Kontaktperson, Person, Skole } from './resources.js';

export interface Ctx {
  src: Source;
  resolver: Resolver;
  today: string;
  roster: Roster;
  errors: RowError[];
  subjectHours: Readonly<Record<string, number>>;
  /** the schools read, by systemId; only these are mapped */
  schools: Map<string, Skole>;
  years: Map<string, RosterSchoolYear>;
  usedYears: Set<string>;
  people: Map<string, RosterPerson>;
}

export function newCtx(src: Source, resolver: Resolver, today: string, subjectHours: Readonly<Record<string, number>>): Ctx {
  return { src, resolver, today, roster: emptyRoster(), errors: [], subjectHours, schools: new Map(), years: new Map(), usedYears: new Set(), people: new Map() };
}

export function report(ctx: Ctx, at: SourcePlace, field: string, key: string, params?: Record<string, string | number>): void {
  ctx.errors.push({ file: at.file, line: at.line, field, key, ...(params ? { params } : {}) });
}

/** A relation that should be there and is not (no link), or whose href leads nowhere. */
export function brokenLink(ctx: Ctx, at: SourcePlace, relation: string, href: string | null): void {
  if (href === null) {
    report(ctx, at, `_links.${relation}`, 'rosterImport.fint.noLink', { relation });
    return;
  }
  const key = ctx.resolver.state(href) === 'foreign' ? 'rosterImport.fint.foreignLink' : 'rosterImport.fint.missingLink';
  report(ctx, at, `_links.${relation}`, key, { relation, href: shownHref(href) });
}

/** Whether a kept resource has its systemId; the sync is keyed on it. */
export function hasId<T extends { id: string | null; at: SourcePlace }>(ctx: Ctx, r: T): r is T & { id: string } {
  if (r.id !== null) return true;
  report(ctx, r.at, 'systemId', 'rosterImport.fint.missingValue', { field: 'systemId' });
  return false;
}

/** The schools to read: all, or those `selection` names by skolenummer, systemId or organisasjonsnummer. */
export function selectSchools(ctx: Ctx, selection: readonly string[] | undefined, collectionUrl: string): void {
  const wanted = selection ? new Set(selection.map((s) => s.trim())) : null;
  const matched = new Set<string>();
  for (const skole of ctx.src.skole.list) {
    if (!hasId(ctx, skole)) continue;
    const names = [skole.id, skole.schoolNumber, skole.organisationNumber].filter((n): n is string => n !== null);
    if (wanted && !names.some((n) => wanted.has(n))) continue;
    names.forEach((n) => matched.add(n));
    ctx.schools.set(skole.id, skole);
    if (skole.name === null) report(ctx, skole.at, 'navn', 'rosterImport.fint.missingValue', { field: 'navn' });
  }
  for (const name of wanted ?? []) {
    if (!matched.has(name)) report(ctx, { file: collectionUrl, line: 0 }, 'skole', 'rosterImport.fint.unknownSchool', { school: name });
  }
}

/**
 * The systemId of the school a record belongs to, when that school is read; null when it belongs to a
 * school not read (left out without a word) or its link is broken (reported).
 */
export function schoolOf(ctx: Ctx, href: string | null, at: SourcePlace): string | null {
  const skole = ctx.src.skole.get(href);
  if (!skole) {
    brokenLink(ctx, at, 'skole', href);
    return null;
  }
  return skole.id !== null && ctx.schools.has(skole.id) && skole.name !== null ? skole.id : null;
}

/** A skolear as a school year: its period, or the years its code names (`20262027`: 1 August – 31 July). */
export function prepareYears(ctx: Ctx): void {
  for (const b of ctx.src.skolear.list) {
    if (b.id === null) continue;
    const fromCode = /^(\d{4})\D?(\d{2}|\d{4})$/.exec(b.kode ?? b.navn ?? '');
    const startYear = b.period.start ? Number(b.period.start.slice(0, 4)) : fromCode ? Number(fromCode[1]) : null;
    if (startYear === null) continue;
    const startsOn = b.period.start ?? `${startYear}-08-01`;
    const endsOn = b.period.end ?? `${startYear + 1}-07-31`;
    if (endsOn <= startsOn) continue;
    ctx.years.set(b.id, { sourceId: b.id, at: b.at, name: `${startYear}/${String(startYear + 1).slice(2)}`, startsOn, endsOn });
  }
}

/** The school year a group belongs to: its `skolear`, else the year its first term starts in, else the year of today. */
export function yearOf(ctx: Ctx, g: Gruppe): string | null {
  if (g.skolear !== null) {
    const b: Begrep | undefined = ctx.src.skolear.get(g.skolear);
    if (!b) {
      brokenLink(ctx, g.at, 'skolear', g.skolear);
      return null;
    }
    const year = b.id !== null ? ctx.years.get(b.id) : undefined;
    if (!year) {
      report(ctx, b.at, 'gyldighetsperiode', 'rosterImport.fint.badPeriod');
      return null;
    }
    ctx.usedYears.add(year.sourceId);
    return year.sourceId;
  }
  const termStart = g.termin.map((h) => ctx.src.termin.get(h)?.period.start).find((d): d is string => typeof d === 'string');
  const day = termStart ?? ctx.today;
  const year = [...ctx.years.values()].find((y) => within({ start: y.startsOn, end: y.endsOn }, day));
  if (!year) {
    report(ctx, g.at, '_links.skolear', 'rosterImport.fint.noSchoolYear');
    return null;
  }
  ctx.usedYears.add(year.sourceId);
  return year.sourceId;
}

/** The school years the groups use and the one of today, and the terms within them (a termin's half by the month it starts). */
export function emitYearsAndTerms(ctx: Ctx): void {
  const current = [...ctx.years.values()].find((y) => within({ start: y.startsOn, end: y.endsOn }, ctx.today));
  if (current) ctx.usedYears.add(current.sourceId);
  const years = [...ctx.years.values()].filter((y) => ctx.usedYears.has(y.sourceId));
  ctx.roster.schoolYears.push(...years);
  for (const termin of ctx.src.termin.list) {
    const start = termin.period.start;
    if (termin.id === null || start === null) continue;
    const year = years.find((y) => within({ start: y.startsOn, end: y.endsOn }, start));
    if (!year) continue;
    const kind = Number(start.slice(5, 7)) >= 7 ? 'autumn' : 'spring';
    ctx.roster.terms.push({ sourceId: termin.id, at: termin.at, schoolYearId: year.sourceId, kind, startsOn: start, endsOn: termin.period.end ?? year.endsOn });
  }
}

function fillIn(into: RosterPerson, from: Partial<RosterPerson>): void {
  for (const [k, v] of Object.entries(from) as [keyof RosterPerson, unknown][]) {
    if (v !== null && v !== undefined && (into[k] === null || into[k] === undefined)) (into as unknown as Record<string, unknown>)[k] = v;
  }
}

/**
 * A FINT person as a roster person (once, however many records point at them); null when it lacks a
 * name. `withNin`: the national identity number is kept (students, guardians), not for staff, who log in
 * with Feide.
 */
export function personOf(ctx: Ctx, p: Person, extra: { withNin: boolean; feideId?: string | null; email?: string | null; phone?: string | null }): string | null {
  const sourceId = personSourceId(p.nin, p.keys[0] ?? `${p.at.file}:${p.at.line}`);
  // Feide ids are matched in lower case everywhere (the sync, the login), as the CSV set stores them
  const feideId = extra.feideId?.toLowerCase() ?? null;
  const known = ctx.people.get(sourceId);
  if (known) {
    fillIn(known, { feideId, email: extra.email ?? null, phone: extra.phone ?? null, nationalIdentityNumber: extra.withNin ? p.nin : null });
    return sourceId;
  }
  if (p.givenName === null || p.familyName === null) {
    report(ctx, p.at, p.givenName === null ? 'navn.fornavn' : 'navn.etternavn', 'rosterImport.fint.missingValue', { field: p.givenName === null ? 'navn.fornavn' : 'navn.etternavn' });
    return null;
  }
  if (p.birthDate === null) report(ctx, p.at, 'fodselsdato', 'rosterImport.fint.badDate');
  const protection = addressProtectionFrom(p.protection);
  if (!protection.ok) report(ctx, p.at, 'adressebeskyttelse', 'rosterImport.fint.unknownAddressProtection');
  const person: RosterPerson = {
    sourceId, at: p.at, givenName: p.givenName, familyName: p.familyName,
    birthDate: p.birthDate ?? birthDateOfNationalIdentityNumber(p.nin),
    nationalIdentityNumber: extra.withNin ? p.nin : null,
    email: extra.email ?? p.email, phone: extra.phone ?? p.phone,
    streetAddress: p.address.street, postalCode: p.address.postalCode, city: p.address.city,
    addressProtection: protection.value,
    feideId,
  };
  ctx.people.set(sourceId, person);
  ctx.roster.people.push(person);
  return sourceId;
}

/** A guardian FINT knows only as a kontaktperson (no person of their own): name and contact details. */
export function contactPersonOf(ctx: Ctx, k: Kontaktperson & { id: string }): string | null {
  const sourceId = `kontaktperson:${k.id}`;
  if (ctx.people.has(sourceId)) return sourceId;
  if (k.givenName === null || k.familyName === null) {
    report(ctx, k.at, k.givenName === null ? 'navn.fornavn' : 'navn.etternavn', 'rosterImport.fint.missingValue', { field: k.givenName === null ? 'navn.fornavn' : 'navn.etternavn' });
    return null;
  }
  const protection = addressProtectionFrom(k.protection);
  if (!protection.ok) report(ctx, k.at, 'adressebeskyttelse', 'rosterImport.fint.unknownAddressProtection');
  const person: RosterPerson = {
    sourceId, at: k.at, givenName: k.givenName, familyName: k.familyName, birthDate: null, nationalIdentityNumber: null,
    email: k.email, phone: k.phone, streetAddress: null, postalCode: null, city: null, addressProtection: protection.value, feideId: null,
  };
  ctx.people.set(sourceId, person);
  ctx.roster.people.push(person);
  return sourceId;
}

/** Adds what a kontaktperson knows (e-mail, phone) to a guardian's person where FINT's person lacks it. */
export function addContactDetails(ctx: Ctx, personId: string, k: Kontaktperson): void {
  const person = ctx.people.get(personId);
  if (person) fillIn(person, { email: k.email, phone: k.phone });
}
