/**
 * Reading FINT's HAL JSON: the `_links` of a resource, its identifiers (`Identifikator`), its periods
 * (`Periode`) and dates, and the key an href is matched on. FINT builds every href from an identifier
 * field and its value (`…/elev/elevforhold/systemid/123`), so a relation is followed by looking its href
 * up among the self links of what was read; the key ignores the host, the query and the case of the
 * field name, since FINT writes self links in lower case (`systemid`) and some providers do not.
 */

/** A HAL resource as FINT sends it: attributes plus `_links`, each relation a list of `{ href }`. */
export interface HalResource {
  _links?: Record<string, { href?: unknown }[] | undefined>;
  [attribute: string]: unknown;
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const ABSOLUTE = /^https?:\/\/[^/?#]+/i;

/** The hrefs of one relation, resolved against the API's base URL (a provider may send relative ones). */
export function linksOf(resource: HalResource, relation: string, base: string): string[] {
  const list = resource._links?.[relation];
  if (!Array.isArray(list)) return [];
  const hrefs: string[] = [];
  for (const link of list) {
    if (!isRecord(link) || typeof link.href !== 'string') continue;
    const href = link.href.trim();
    if (href === '') continue;
    // a county's collections hold millions of links, nearly all absolute: parse only the others
    if (ABSOLUTE.test(href)) {
      hrefs.push(href);
      continue;
    }
    try {
      hrefs.push(new URL(href, base).href);
    } catch {
      // an href that is no URL cannot be followed; it is reported where the relation is required
    }
  }
  return hrefs;
}

/** The first href of a relation, or null. */
export const linkOf = (resource: HalResource, relation: string, base: string): string | null => linksOf(resource, relation, base)[0] ?? null;

/**
 * The key an href is matched on: the path without host or query, with the identifier field (the segment
 * before the value) in lower case and the value decoded.
 */
export function hrefKey(href: string): string {
  const host = ABSOLUTE.exec(href);
  let path = host ? href.slice(host[0].length) : href;
  const end = path.search(/[?#]/);
  if (end >= 0) path = path.slice(0, end);
  while (path.endsWith('/')) path = path.slice(0, -1);
  const cut = path.lastIndexOf('/');
  const value = path.slice(cut + 1);
  let decoded = value;
  if (value.includes('%')) {
    try {
      decoded = decodeURIComponent(value);
    } catch {
      // keep the raw value
    }
  }
  return `${path.slice(0, cut).toLowerCase()}/${decoded}`;
}

/** The last path segment of an href (the identifier value), decoded. */
export function hrefValue(href: string): string {
  const key = hrefKey(href);
  return key.slice(key.lastIndexOf('/') + 1);
}

/** The identifier field an href names (`systemid`, `fodselsnummer`, …), lower case. */
export function hrefField(href: string): string {
  const parts = hrefKey(href).split('/');
  return parts[parts.length - 2] ?? '';
}

/**
 * An href as it may be shown to an admin: a national identity number in it (FINT addresses a person by
 * `fodselsnummer`) is masked, since an error list is no place for one.
 */
export function shownHref(href: string): string {
  return href.replace(/(\/fodselsnummer\/)([^/?#]+)/i, (_, field: string, value: string) => `${field}${'•'.repeat(Math.min(value.length, 11))}`);
}

/** `{ identifikatorverdi }` → its value, trimmed; anything else → null. */
export function identifier(v: unknown): string | null {
  if (!isRecord(v)) return null;
  const value = v.identifikatorverdi;
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

export function text(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

export const record = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});

const OSLO_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });
const OSLO_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * A FINT date as the Norwegian calendar day it means. FINT sends instants (`2026-08-17T00:00:00Z`, or
 * `2026-08-16T22:00:00Z` from providers that mean midnight in Oslo, or epoch milliseconds); both
 * mean the same day in Oslo, so the instant is read in Oslo's time zone. A plain day is taken as it is.
 * `undefined`: no value; `null`: a value that is no date.
 */
export function osloDay(v: unknown): string | null | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.trim())) {
    const d = new Date(`${v.trim()}T12:00:00Z`);
    return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v.trim() ? null : v.trim();
  }
  const d = typeof v === 'number' ? new Date(v) : typeof v === 'string' ? new Date(v.trim()) : null;
  if (!d || Number.isNaN(d.getTime())) return null;
  return OSLO_DAY.format(d);
}

/** An instant's wall-clock time and ISO weekday in Oslo (a lesson's start). */
export function osloClock(v: unknown): { day: string; time: string; weekday: number } | null {
  const d = typeof v === 'number' ? new Date(v) : typeof v === 'string' ? new Date(v.trim()) : null;
  if (!d || Number.isNaN(d.getTime())) return null;
  const day = OSLO_DAY.format(d);
  const weekday = ((new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
  return { day, time: OSLO_TIME.format(d), weekday };
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** A `Periode` read into days; `slutt` is FINT's last day (inclusive), and 9999-12-31 means "open". */
export interface Period {
  start: string | null;
  /** the last day, inclusive; null while open */
  end: string | null;
  /** which of start/slutt was given but is no date */
  bad: ('start' | 'slutt')[];
}

export function period(v: unknown): Period {
  const p = record(v);
  const start = osloDay(p.start);
  const end = osloDay(p.slutt);
  const bad: Period['bad'] = [];
  if (start === null) bad.push('start');
  if (end === null) bad.push('slutt');
  const open = typeof end === 'string' && Number(end.slice(0, 4)) >= 9000;
  return { start: start ?? null, end: open ? null : (end ?? null), bad };
}

/** Whether a day lies in a period (both ends inclusive; a missing start is open too). */
export function within(p: { start: string | null; end: string | null }, day: string): boolean {
  return (p.start === null || p.start <= day) && (p.end === null || day <= p.end);
}
