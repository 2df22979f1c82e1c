/**
 * Which FINT collections a reading takes, and reading them all (a few at a time) into indexes. A
 * collection the school owner's FINT does not offer (404) is left out where the roster can do without
 * it; the ones it cannot — schools, school years, students, their elevforhold and persons — stop the
 * reading. FINT 4 renamed `basisgruppe` to `klasse`: the newer name is asked first, then the older.
 */
import { FintError } from './errors.js';
import { limiter, type FintClient } from './client.js';
import {
  Indexed, keepBegrep, keepElev, keepElevforhold, keepGruppe, keepKontaktperson, keepMedlemskap, keepPerson, keepSkole,
  keepSkoleressurs, keepTime, keepUndervisningsforhold,
  type Begrep, type Elev, type Elevforhold, type Gruppe, type Keeper, type Kept, type Kontaktperson, type Medlemskap, type Person,
  type Skole, type Skoleressurs, type Time, type Undervisningsforhold,
} from './resources.js';

export interface Source {
  skole: Indexed<Skole>;
  skolear: Indexed<Begrep>;
  termin: Indexed<Begrep>;
  arstrinn: Indexed<Gruppe>;
  utdanningsprogram: Indexed<Gruppe>;
  programomrade: Indexed<Gruppe>;
  programomrademedlemskap: Indexed<Medlemskap>;
  fag: Indexed<Gruppe>;
  elev: Indexed<Elev>;
  elevforhold: Indexed<Elevforhold>;
  person: Indexed<Person>;
  kontaktperson: Indexed<Kontaktperson>;
  klasse: Indexed<Gruppe>;
  klassemedlemskap: Indexed<Medlemskap>;
  undervisningsgruppe: Indexed<Gruppe>;
  undervisningsgruppemedlemskap: Indexed<Medlemskap>;
  kontaktlarergruppe: Indexed<Gruppe>;
  kontaktlarergruppemedlemskap: Indexed<Medlemskap>;
  skoleressurs: Indexed<Skoleressurs>;
  undervisningsforhold: Indexed<Undervisningsforhold>;
  time: Indexed<Time>;
  /** the URL each group kind's memberships were read from, for errors */
  collectionUrls: Partial<Record<keyof Omit<Source, 'collectionUrls'>, string>>;
}

type Name = keyof Omit<Source, 'collectionUrls'>;

interface Collection<T extends Kept> {
  name: Name;
  /** paths to try in order; the first FINT has is read */
  paths: string[];
  keep: Keeper<T>;
  required: boolean;
}

const c = <T extends Kept>(name: Name, paths: string[], keep: Keeper<T>, required = false): Collection<T> => ({ name, paths, keep, required });

function collections(timetable: boolean): Collection<Kept>[] {
  const list: Collection<Kept>[] = [
    c('skole', ['utdanning/utdanningsprogram/skole'], keepSkole, true),
    c('skolear', ['utdanning/kodeverk/skolear'], keepBegrep, true),
    c('termin', ['utdanning/kodeverk/termin'], keepBegrep),
    c('arstrinn', ['utdanning/utdanningsprogram/arstrinn'], keepGruppe),
    c('utdanningsprogram', ['utdanning/utdanningsprogram/utdanningsprogram'], keepGruppe),
    c('programomrade', ['utdanning/utdanningsprogram/programomrade'], keepGruppe),
    c('programomrademedlemskap', ['utdanning/utdanningsprogram/programomrademedlemskap'], keepMedlemskap(['programomrade'])),
    c('fag', ['utdanning/timeplan/fag'], keepGruppe),
    c('elev', ['utdanning/elev/elev'], keepElev, true),
    c('elevforhold', ['utdanning/elev/elevforhold'], keepElevforhold, true),
    c('person', ['utdanning/elev/person'], keepPerson, true),
    c('kontaktperson', ['utdanning/elev/kontaktperson'], keepKontaktperson),
    c('klasse', ['utdanning/elev/klasse', 'utdanning/elev/basisgruppe'], keepGruppe),
    c('klassemedlemskap', ['utdanning/elev/klassemedlemskap', 'utdanning/elev/basisgruppemedlemskap'], keepMedlemskap(['klasse', 'basisgruppe'])),
    c('undervisningsgruppe', ['utdanning/timeplan/undervisningsgruppe'], keepGruppe),
    c('undervisningsgruppemedlemskap', ['utdanning/timeplan/undervisningsgruppemedlemskap'], keepMedlemskap(['undervisningsgruppe'])),
    c('kontaktlarergruppe', ['utdanning/elev/kontaktlarergruppe'], keepGruppe),
    c('kontaktlarergruppemedlemskap', ['utdanning/elev/kontaktlarergruppemedlemskap'], keepMedlemskap(['kontaktlarergruppe'])),
    c('skoleressurs', ['utdanning/elev/skoleressurs'], keepSkoleressurs),
    c('undervisningsforhold', ['utdanning/elev/undervisningsforhold'], keepUndervisningsforhold),
  ];
  if (timetable) list.push(c('time', ['utdanning/timeplan/time'], keepTime));
  return list;
}

/** A group kind's memberships, and whether its groups can stand in for them (FINT 3's direct `elevforhold` links). */
const MEMBERSHIPS: [group: Name, memberships: Name][] = [
  ['klasse', 'klassemedlemskap'],
  ['undervisningsgruppe', 'undervisningsgruppemedlemskap'],
];

/** Reads every collection into its index. */
export async function readSource(client: FintClient, opts: { timetable: boolean; concurrency: number }): Promise<Source> {
  const source = Object.fromEntries(collections(true).map((col) => [col.name, new Indexed()])) as unknown as Source;
  source.collectionUrls = {};
  const found = new Set<Name>();
  const run = limiter(opts.concurrency);
  await Promise.all(collections(opts.timetable).map((col) => run(async () => {
    for (const path of col.paths) {
      const url = client.collectionUrl(path);
      const index = source[col.name] as Indexed<Kept>;
      const had = await client.readCollection(path, !col.required, (entry, line) => index.add(col.keep(entry, { file: url, line }, client.base, url)));
      if (had) {
        found.add(col.name);
        source.collectionUrls[col.name] = url;
        return;
      }
    }
    if (col.required) {
      throw new FintError('rosterImport.fint.httpError', { status: 404, url: client.collectionUrl(col.paths[0]!) }, `FINT has no ${col.paths[0]}`);
    }
  })));
  for (const [group, memberships] of MEMBERSHIPS) {
    const groups = source[group] as Indexed<Gruppe>;
    // groups without their memberships would read as every student having left them
    if (found.has(group) && !found.has(memberships) && groups.list.length > 0 && !groups.list.some((g) => g.elevforhold.length > 0)) {
      const path = collections(false).find((col) => col.name === memberships)!.paths[0]!;
      throw new FintError('rosterImport.fint.httpError', { status: 404, url: client.collectionUrl(path) }, `FINT has ${group} but no ${path}`);
    }
  }
  return source;
}
