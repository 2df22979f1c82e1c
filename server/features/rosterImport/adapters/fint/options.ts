/**
 * How Elevlos reaches a school owner's FINT: where the API and its token endpoint are, the client's
 * credentials from FINT's customer portal (kunde.felleskomponent.no), the organisation and, when a
 * connection serves more schools than this one, which schools to read. Secrets come from the
 * environment only (`fintOptionsFromEnv`), never from the database.
 */
import { FintError } from './errors.js';

export interface FintProgress {
  /** the FINT collection being read, e.g. `utdanning/elev/elevforhold`, or `links` while single links are followed */
  phase: string;
  done: number;
  /** FINT's `total_items`; null until known */
  total: number | null;
}

export interface FintOptions {
  /** the FINT API: https://api.felleskomponent.no (production), https://beta.felleskomponent.no, or a test server */
  baseUrl: string;
  /** the OAuth 2.0 token endpoint, e.g. https://idp.felleskomponent.no/nidp/oauth/nam/token */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /**
   * FINT documents the resource owner password grant: the client's username and password from the
   * customer portal, besides its id and secret. Without them the client credentials grant is used.
   */
  username?: string;
  password?: string;
  /** default `fint-client`, FINT's scope */
  scope?: string;
  /** the organisation (FINT asset id, e.g. `fjordvik.no`); sent as the `x-org-id` header */
  orgId: string;
  /** read only these schools: each a skolenummer, the school's systemId or its organisasjonsnummer; all when absent */
  schools?: readonly string[];
  /** entries per page (`size`); default 5000 */
  pageSize?: number;
  /** read the timetable (`utdanning/timeplan/time`) into weekly lessons; default true */
  timetable?: boolean;
  /** årstimer per subject code: FINT has no annual hours, so a subject gets 0 (unknown) unless named here */
  subjectHours?: Readonly<Record<string, number>>;
  /** the day "current" and "left" are judged on (ISO); default today in Oslo */
  today?: string;
  /** per request; default 60 s */
  timeoutMs?: number;
  /** requests in flight at once; default 4 */
  concurrency?: number;
  onProgress?: (progress: FintProgress) => void;
  signal?: AbortSignal;
}

const PRODUCTION_API = 'https://api.felleskomponent.no';
const PRODUCTION_IDP = 'https://idp.felleskomponent.no/nidp/oauth/nam/token';

const bad = (variable: string) => new FintError('rosterImport.fint.badConfig', { variable }, `FINT configuration: ${variable} is missing or not valid`);

function url(env: NodeJS.ProcessEnv, variable: string, fallback: string): string {
  const value = env[variable]?.trim() || fallback;
  try {
    const u = new URL(value);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw bad(variable);
    return value.replace(/\/+$/, '');
  } catch {
    throw bad(variable);
  }
}

function required(env: NodeJS.ProcessEnv, variable: string): string {
  const value = env[variable]?.trim();
  if (!value) throw bad(variable);
  return value;
}

/**
 * A connection's options from the environment. `prefix` names one connection when a server syncs
 * several school owners (`FINT_` by default; e.g. `FINT_FJORDVIK_` reads FINT_FJORDVIK_CLIENT_ID …).
 * A missing or malformed variable throws a FintError naming it.
 */
export function fintOptionsFromEnv(env: NodeJS.ProcessEnv = process.env, prefix = 'FINT_'): FintOptions {
  const v = (name: string) => `${prefix}${name}`;
  const username = env[v('USERNAME')]?.trim() || undefined;
  const password = env[v('PASSWORD')] || undefined;
  if ((username === undefined) !== (password === undefined)) throw bad(username === undefined ? v('USERNAME') : v('PASSWORD'));
  const pageSize = env[v('PAGE_SIZE')]?.trim();
  if (pageSize && !(/^\d+$/.test(pageSize) && Number(pageSize) >= 1 && Number(pageSize) <= 100_000)) throw bad(v('PAGE_SIZE'));
  const timetable = env[v('TIMETABLE')]?.trim().toLowerCase();
  if (timetable && timetable !== 'true' && timetable !== 'false') throw bad(v('TIMETABLE'));
  const schools = (env[v('SCHOOLS')] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  return {
    baseUrl: url(env, v('BASE_URL'), PRODUCTION_API),
    tokenUrl: url(env, v('TOKEN_URL'), PRODUCTION_IDP),
    clientId: required(env, v('CLIENT_ID')),
    clientSecret: required(env, v('CLIENT_SECRET')),
    username,
    password,
    scope: env[v('SCOPE')]?.trim() || 'fint-client',
    orgId: required(env, v('ORG_ID')),
    schools: schools.length > 0 ? schools : undefined,
    pageSize: pageSize ? Number(pageSize) : undefined,
    timetable: timetable ? timetable === 'true' : undefined,
  };
}
