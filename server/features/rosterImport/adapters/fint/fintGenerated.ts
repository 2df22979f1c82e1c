/**
 * A generated FINT school of any size, for the paging test and for measuring a county-sized reading:
 * classes of 25 on Vg1–Vg3 with a contact teacher each, one teaching group per class, every student with
 * two parents with parental responsibility (one of them also a kontaktperson). Everyone is made up; the
 * national identity numbers are synthetic (birth month + 80) and not checked for control digits.
 */
import type { Fixtures } from './fintTestServer.js';
import type { HalResource } from './hal.js';

const B = '{base}';
const link = (...hrefs: string[]) => hrefs.map((href) => ({ href }));
const id = (v: string) => ({ identifikatorverdi: v });
const at = (day: string) => `${day}T00:00:00Z`;

const GIVEN = ['Ada', 'Bo', 'Cato', 'Dina', 'Eli', 'Frode', 'Gry', 'Hans', 'Ida', 'Jonas', 'Kaja', 'Leo', 'Mia', 'Nils', 'Oda', 'Pål'];
const FAMILY = ['Testesen', 'Fjell', 'Strand', 'Berg', 'Vik', 'Lie', 'Nes', 'Dal', 'Haug', 'Moe'];

const pad = (n: number) => String(n).padStart(2, '0');

/** Person `n`'s birth date in a year and month: the day spreads the numbers so each of a county's people gets their own. */
const bornIn = (n: number, year: number, month: number) => `${year}-${pad(month)}-${pad(1 + (Math.floor(n / 50_000) % 28))}`;

/** An 11-digit synthetic number for person `n` born on `day`: day, month + 80, year, then `n` in the last five digits. */
function nin(n: number, day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}${Number(m) + 80}${y!.slice(2)}${500 + (n % 500)}${pad(Math.floor(n / 500) % 100)}`;
}

export function generatedSchool(students: number): Fixtures {
  const school = `${B}/utdanning/utdanningsprogram/skole/systemid/GEN`;
  const year = `${B}/utdanning/kodeverk/skolear/systemid/20262027`;
  const person = (n: string) => `${B}/utdanning/elev/person/fodselsnummer/${n}`;
  const fx: Record<string, HalResource[]> = {
    'utdanning/utdanningsprogram/skole': [{ systemId: id('GEN'), skolenummer: id('79999'), navn: 'Generert videregående skole', _links: { self: link(school) } }],
    'utdanning/kodeverk/skolear': [{ systemId: id('20262027'), kode: '20262027', navn: '2026/2027', gyldighetsperiode: { start: at('2026-08-01'), slutt: at('2027-07-31') }, _links: { self: link(year) } }],
    'utdanning/utdanningsprogram/arstrinn': [1, 2, 3].map((l) => ({ systemId: id(`VG${l}`), navn: `VG${l}`, _links: { self: link(`${B}/utdanning/utdanningsprogram/arstrinn/systemid/VG${l}`) } })),
    'utdanning/timeplan/fag': [{ systemId: id('F-MAT'), navn: 'Matematikk', _links: { self: link(`${B}/utdanning/timeplan/fag/systemid/F-MAT`), grepreferanse: link('https://psi.udir.no/kl06/MAT1021') } }],
    'utdanning/elev/elev': [], 'utdanning/elev/elevforhold': [], 'utdanning/elev/person': [], 'utdanning/elev/kontaktperson': [],
    'utdanning/elev/klasse': [], 'utdanning/elev/klassemedlemskap': [], 'utdanning/timeplan/undervisningsgruppe': [],
    'utdanning/timeplan/undervisningsgruppemedlemskap': [], 'utdanning/elev/kontaktlarergruppe': [], 'utdanning/elev/skoleressurs': [],
    'utdanning/elev/undervisningsforhold': [],
  };
  const push = (path: string, r: HalResource) => fx[path]!.push(r);
  const classes = Math.ceil(students / 25);
  for (let c = 0; c < classes; c++) {
    const level = (c % 3) + 1;
    const name = `${level}G${String(Math.floor(c / 3)).padStart(3, '0')}`;
    const klasse = `${B}/utdanning/elev/klasse/systemid/K${c}`;
    const gruppe = `${B}/utdanning/timeplan/undervisningsgruppe/systemid/U${c}`;
    const kontakt = `${B}/utdanning/elev/kontaktlarergruppe/systemid/KG${c}`;
    const forhold = `${B}/utdanning/elev/undervisningsforhold/systemid/UF${c}`;
    const ressurs = `${B}/utdanning/elev/skoleressurs/systemid/SR${c}`;
    const teacherNin = nin(c, bornIn(c, 1975, 5));
    push('utdanning/elev/klasse', { systemId: id(`K${c}`), navn: name, _links: { self: link(klasse), skole: link(school), skolear: link(year), trinn: link(`${B}/utdanning/utdanningsprogram/arstrinn/systemid/VG${level}`) } });
    push('utdanning/timeplan/undervisningsgruppe', { systemId: id(`U${c}`), navn: `${name}/MAT`, _links: { self: link(gruppe), skole: link(school), skolear: link(year), fag: link(`${B}/utdanning/timeplan/fag/systemid/F-MAT`) } });
    push('utdanning/elev/kontaktlarergruppe', { systemId: id(`KG${c}`), navn: `${name} kontaktlærer`, _links: { self: link(kontakt), skole: link(school), klasse: link(klasse) } });
    push('utdanning/elev/skoleressurs', { systemId: id(`SR${c}`), feidenavn: id(`laerer${c}@generert.example`), _links: { self: link(ressurs), person: link(person(teacherNin)), skole: link(school) } });
    push('utdanning/elev/undervisningsforhold', { systemId: id(`UF${c}`), _links: { self: link(forhold), skole: link(school), skoleressurs: link(ressurs), kontaktlarergruppe: link(kontakt), undervisningsgruppe: link(gruppe) } });
    push('utdanning/elev/person', { fodselsnummer: id(teacherNin), navn: { fornavn: GIVEN[c % GIVEN.length]!, etternavn: `Lærer${c}` }, _links: { self: link(person(teacherNin)) } });
  }
  for (let s = 0; s < students; s++) {
    const c = Math.floor(s / 25);
    const born = bornIn(s, 2010 - (c % 3), (s % 9) + 1);
    const child = nin(s, born);
    const mother = nin(s, bornIn(s, 1980, 3));
    const father = nin(s, bornIn(s, 1978, 4));
    const family = `${FAMILY[s % FAMILY.length]}${s}`;
    const home = { adresselinje: [`Gate ${s}`], postnummer: '9990', poststed: 'Generert' };
    const elev = `${B}/utdanning/elev/elev/systemid/E${s}`;
    const ef = `${B}/utdanning/elev/elevforhold/systemid/EF${s}`;
    const kontakt = `${B}/utdanning/elev/kontaktperson/systemid/KP${s}`;
    push('utdanning/elev/elev', { systemId: id(`E${s}`), elevnummer: id(String(100_000 + s)), feidenavn: id(`elev${s}@generert.example`), _links: { self: link(elev), person: link(person(child)) } });
    push('utdanning/elev/elevforhold', { systemId: id(`EF${s}`), gyldighetsperiode: { start: at('2026-08-17'), slutt: at('2027-06-20') }, _links: { self: link(ef), elev: link(elev), skole: link(school) } });
    push('utdanning/elev/person', { fodselsnummer: id(child), navn: { fornavn: GIVEN[s % GIVEN.length]!, etternavn: family }, fodselsdato: at(born), bostedsadresse: home, _links: { self: link(person(child)), foreldre: link(person(mother), person(father)), parorende: link(kontakt) } });
    push('utdanning/elev/person', { fodselsnummer: id(mother), navn: { fornavn: 'Mor', etternavn: family }, bostedsadresse: home, _links: { self: link(person(mother)), kjonn: link(`${B}/felles/kodeverk/iso/kjonn/systemid/2`) } });
    push('utdanning/elev/person', { fodselsnummer: id(father), navn: { fornavn: 'Far', etternavn: family }, _links: { self: link(person(father)), kjonn: link(`${B}/felles/kodeverk/iso/kjonn/systemid/1`) } });
    push('utdanning/elev/kontaktperson', { systemId: id(`KP${s}`), type: 'forelder', navn: { fornavn: 'Mor', etternavn: family }, kontaktinformasjon: { mobiltelefonnummer: String(40_000_000 + s) }, _links: { self: link(kontakt), kontaktperson: link(person(child)) } });
    push('utdanning/elev/klassemedlemskap', { systemId: id(`KM${s}`), gyldighetsperiode: { start: at('2026-08-17') }, _links: { elevforhold: link(ef), klasse: link(`${B}/utdanning/elev/klasse/systemid/K${c}`) } });
    push('utdanning/timeplan/undervisningsgruppemedlemskap', { systemId: id(`UM${s}`), gyldighetsperiode: { start: at('2026-08-17') }, _links: { elevforhold: link(ef), undervisningsgruppe: link(`${B}/utdanning/timeplan/undervisningsgruppe/systemid/U${c}`) } });
  }
  return fx;
}
