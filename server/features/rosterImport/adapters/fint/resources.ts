/**
 * The FINT utdanning resources the roster is made of, each kept as the few attributes and links the
 * mapping needs (a county's collections run to a million entries; the raw HAL of each is dropped as soon
 * as it is read). Names follow FINT's information model (informasjonsmodell.felleskomponent.no):
 * `skole`, `skolear`, `termin`, `arstrinn`, `utdanningsprogram`, `programomrade`, `fag`, `elev`,
 * `elevforhold`, `person`, `kontaktperson`, `klasse` (FINT 4; `basisgruppe` in FINT 3),
 * `undervisningsgruppe`, `kontaktlarergruppe`, the `…medlemskap` of each group, `skoleressurs`,
 * `undervisningsforhold` and `time`.
 */
import type { SourcePlace } from '../../roster.js';
import { hrefField, hrefKey, hrefValue, identifier, linkOf, linksOf, osloClock, osloDay, period, record, text, type HalResource, type Period } from './hal.js';

/** Every kept resource: its systemId, the keys of its self links, and where it stands (collection URL, entry). */
export interface Kept {
  id: string | null;
  keys: string[];
  at: SourcePlace;
}

export interface Skole extends Kept { name: string | null; schoolNumber: string | null; organisationNumber: string | null }
export interface Begrep extends Kept { kode: string | null; navn: string | null; period: Period }
export interface Gruppe extends Kept {
  navn: string | null;
  beskrivelse: string | null;
  skole: string | null;
  skolear: string | null;
  termin: string[];
  trinn: string[];
  fag: string[];
  klasse: string[];
  undervisningsforhold: string[];
  elevforhold: string[];
  grep: string[];
  utdanningsprogram: string[];
}
export interface Elev extends Kept { person: string | null; feide: string | null; email: string | null; phone: string | null }
export interface Elevforhold extends Kept {
  elev: string | null;
  skole: string | null;
  period: Period;
  /** avbruddsdato: the day the student stopped */
  interrupted: string | null;
  badInterrupted: boolean;
  programomrade: string[];
}
export interface Address { street: string | null; postalCode: string | null; city: string | null }
export interface Person extends Kept {
  nin: string | null;
  givenName: string | null;
  familyName: string | null;
  birthDate: string | null | undefined;
  email: string | null;
  phone: string | null;
  address: Address;
  /** `adressebeskyttelse` where a provider sends it; FINT's model has no such attribute */
  protection: unknown;
  /** the code of the `kjonn` link (ISO 5218: 1 male, 2 female) */
  sex: string | null;
  foreldre: string[];
  foreldreansvar: string[];
  parorende: string[];
}
export interface Kontaktperson extends Kept {
  type: string | null;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  phone: string | null;
  /** FINT 3's `foreldreansvar` (removed in FINT 4) */
  parentalResponsibility: boolean | null;
  person: string | null;
  kontaktperson: string[];
  protection: unknown;
}
export interface Medlemskap extends Kept { elevforhold: string | null; group: string | null; period: Period }
export interface Skoleressurs extends Kept { feide: string | null; person: string | null; personalressurs: string | null; skole: string[] }
/** administrasjon's personalressurs, read only for the person of a skoleressurs that links no person itself */
export interface Personalressurs extends Kept { person: string | null }
export interface Undervisningsforhold extends Kept {
  skoleressurs: string | null;
  skole: string | null;
  klasse: string[];
  kontaktlarergruppe: string[];
  undervisningsgruppe: string[];
}
export interface Time extends Kept {
  start: { day: string; time: string; weekday: number } | null;
  minutes: number | null;
  undervisningsgruppe: string[];
}

/** The keys a resource is found by: its self links, and the hrefs its identifiers make in its own collection. */
function keysOf(entry: HalResource, collectionUrl: string, identifiers: Record<string, unknown>): string[] {
  const keys = new Set(linksOf(entry, 'self', collectionUrl).map(hrefKey));
  for (const [field, value] of Object.entries(identifiers)) {
    const v = identifier(value);
    if (v !== null) keys.add(hrefKey(`${collectionUrl}/${field}/${encodeURIComponent(v)}`));
  }
  return [...keys];
}

const kept = (entry: HalResource, at: SourcePlace, collection: string, identifiers: Record<string, unknown> = {}): Kept => ({
  id: identifier(entry.systemId),
  keys: keysOf(entry, collection, { systemid: entry.systemId, ...identifiers }),
  at,
});

function contact(v: unknown): { email: string | null; phone: string | null } {
  const k = record(v);
  return { email: text(k.epostadresse), phone: text(k.mobiltelefonnummer) ?? text(k.telefonnummer) };
}

function address(v: unknown): Address {
  const a = record(v);
  const lines = Array.isArray(a.adresselinje) ? a.adresselinje.map(text).filter((l): l is string => l !== null) : [];
  return { street: lines.length > 0 ? lines.join(', ') : null, postalCode: text(a.postnummer), city: text(a.poststed) };
}

const codeOf = (href: string | null): string | null => (href === null ? null : hrefKey(href).split('/').pop() ?? null);

/** Keeps one entry; `collection` is the URL of the collection it belongs to (its identifiers' hrefs start there). */
export type Keeper<T> = (entry: HalResource, at: SourcePlace, base: string, collection: string) => T;

export const keepSkole: Keeper<Skole> = (e, at, _base, col) => ({
  ...kept(e, at, col, { skolenummer: e.skolenummer }),
  name: text(e.navn) ?? text(e.juridiskNavn),
  schoolNumber: identifier(e.skolenummer),
  organisationNumber: identifier(e.organisasjonsnummer),
});

export const keepBegrep: Keeper<Begrep> = (e, at, _base, col) => ({ ...kept(e, at, col), kode: text(e.kode), navn: text(e.navn), period: period(e.gyldighetsperiode) });

export const keepGruppe: Keeper<Gruppe> = (e, at, base, col) => ({
  ...kept(e, at, col),
  navn: text(e.navn),
  beskrivelse: text(e.beskrivelse),
  skole: linkOf(e, 'skole', base),
  skolear: linkOf(e, 'skolear', base),
  termin: linksOf(e, 'termin', base),
  trinn: linksOf(e, 'trinn', base),
  fag: linksOf(e, 'fag', base),
  // FINT 4 calls the class `klasse`, FINT 3 `basisgruppe`
  klasse: [...linksOf(e, 'klasse', base), ...linksOf(e, 'basisgruppe', base)],
  undervisningsforhold: linksOf(e, 'undervisningsforhold', base),
  elevforhold: linksOf(e, 'elevforhold', base),
  grep: linksOf(e, 'grepreferanse', base),
  utdanningsprogram: linksOf(e, 'utdanningsprogram', base),
});

export const keepElev: Keeper<Elev> = (e, at, base, col) => ({
  ...kept(e, at, col, { elevnummer: e.elevnummer, feidenavn: e.feidenavn, brukernavn: e.brukernavn }),
  person: linkOf(e, 'person', base),
  feide: identifier(e.feidenavn),
  ...contact(e.kontaktinformasjon),
});

export const keepElevforhold: Keeper<Elevforhold> = (e, at, base, col) => {
  const interrupted = osloDay(e.avbruddsdato);
  return {
    ...kept(e, at, col),
    elev: linkOf(e, 'elev', base),
    skole: linkOf(e, 'skole', base),
    period: period(e.gyldighetsperiode),
    interrupted: interrupted ?? null,
    badInterrupted: interrupted === null,
    programomrade: linksOf(e, 'programomrade', base),
  };
};

/** A person is also found by fødselsnummer alone: FINT links one from `utdanning/elev/person` and from `administrasjon/personal/person`. */
const withNinKey = (k: Kept, nin: string | null): Kept => (nin === null ? k : { ...k, keys: [...k.keys, `nin:${nin}`] });

const nameOf = (v: unknown) => {
  const n = record(v);
  const given = [text(n.fornavn), text(n.mellomnavn)].filter((s): s is string => s !== null).join(' ');
  return { givenName: given === '' ? null : given, familyName: text(n.etternavn) };
};

export const keepPerson: Keeper<Person> = (e, at, base, col) => ({
  ...withNinKey(kept(e, at, col, { fodselsnummer: e.fodselsnummer }), identifier(e.fodselsnummer)),
  nin: identifier(e.fodselsnummer),
  ...nameOf(e.navn),
  birthDate: osloDay(e.fodselsdato),
  ...contact(e.kontaktinformasjon),
  address: address(e.bostedsadresse),
  protection: e.adressebeskyttelse,
  sex: codeOf(linkOf(e, 'kjonn', base)),
  foreldre: linksOf(e, 'foreldre', base),
  foreldreansvar: linksOf(e, 'foreldreansvar', base),
  parorende: linksOf(e, 'parorende', base),
});

export const keepKontaktperson: Keeper<Kontaktperson> = (e, at, base, col) => ({
  ...kept(e, at, col),
  type: text(e.type),
  ...nameOf(e.navn),
  ...contact(e.kontaktinformasjon),
  parentalResponsibility: typeof e.foreldreansvar === 'boolean' ? e.foreldreansvar : null,
  person: linkOf(e, 'person', base),
  kontaktperson: linksOf(e, 'kontaktperson', base),
  protection: e.adressebeskyttelse,
});

/** A membership of one kind of group: the relation that names the group differs per kind. */
export function keepMedlemskap(groupRelations: readonly string[]): Keeper<Medlemskap> {
  return (e, at, base, col) => ({
    ...kept(e, at, col),
    elevforhold: linkOf(e, 'elevforhold', base),
    group: groupRelations.map((r) => linkOf(e, r, base)).find((h) => h !== null) ?? null,
    period: period(e.gyldighetsperiode),
  });
}

export const keepSkoleressurs: Keeper<Skoleressurs> = (e, at, base, col) => ({
  ...kept(e, at, col, { feidenavn: e.feidenavn }),
  feide: identifier(e.feidenavn),
  person: linkOf(e, 'person', base),
  personalressurs: linkOf(e, 'personalressurs', base),
  skole: linksOf(e, 'skole', base),
});

export const keepPersonalressurs: Keeper<Personalressurs> = (e, at, base, col) => ({
  ...kept(e, at, col, { ansattnummer: e.ansattnummer }),
  person: linkOf(e, 'person', base),
});

export const keepUndervisningsforhold: Keeper<Undervisningsforhold> = (e, at, base, col) => ({
  ...kept(e, at, col),
  skoleressurs: linkOf(e, 'skoleressurs', base),
  skole: linkOf(e, 'skole', base),
  klasse: [...linksOf(e, 'klasse', base), ...linksOf(e, 'basisgruppe', base)],
  kontaktlarergruppe: linksOf(e, 'kontaktlarergruppe', base),
  undervisningsgruppe: linksOf(e, 'undervisningsgruppe', base),
});

export const keepTime: Keeper<Time> = (e, at, base, col) => {
  const p = record(e.tidsrom);
  const start = osloClock(p.start);
  const end = osloClock(p.slutt);
  const minutes = start && end && start.day === end.day
    ? (Number(end.time.slice(0, 2)) * 60 + Number(end.time.slice(3))) - (Number(start.time.slice(0, 2)) * 60 + Number(start.time.slice(3)))
    : null;
  return { ...kept(e, at, col), start, minutes, undervisningsgruppe: linksOf(e, 'undervisningsgruppe', base) };
};

/** Resources of one class, found by any of their keys. */
export class Indexed<T extends Kept> {
  readonly list: T[] = [];
  private readonly byKey = new Map<string, T>();

  add(item: T): void {
    this.list.push(item);
    for (const k of item.keys) if (!this.byKey.has(k)) this.byKey.set(k, item);
  }

  get(href: string | null): T | undefined {
    if (href === null) return undefined;
    return this.byKey.get(hrefKey(href)) ?? (hrefField(href) === 'fodselsnummer' ? this.byKey.get(`nin:${hrefValue(href)}`) : undefined);
  }
}
