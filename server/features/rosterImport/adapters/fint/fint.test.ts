import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { checkReferences } from '../../references.js';
import type { Roster, RosterPerson, RowError } from '../../roster.js';
import { asFint3, startFintTestServer, type FintTestServer, type FintTestServerOptions, type Fixtures } from './fintTestServer.js';
import { generatedSchool } from './fintGenerated.js';
import { FintError, fintMessages, fintOptionsFromEnv, readFint, type FintOptions } from './index.js';

const fjordvik = JSON.parse(readFileSync(new URL('./fixtures/fjordvik.json', import.meta.url), 'utf8')) as { collections: Fixtures; unlisted: Fixtures };

const CLIENT = { clientId: 'elevlos-test', clientSecret: 'not-the-real-secret-7f3a' };
const servers: FintTestServer[] = [];

async function serve(o: Partial<FintTestServerOptions> = {}): Promise<FintTestServer> {
  const server = await startFintTestServer({ fixtures: fjordvik.collections, unlisted: fjordvik.unlisted, ...CLIENT, ...o });
  servers.push(server);
  return server;
}

const optionsFor = (server: FintTestServer, extra: Partial<FintOptions> = {}): FintOptions => ({
  baseUrl: server.base, tokenUrl: server.tokenUrl, ...CLIENT, orgId: 'fjordvik.example', today: '2026-11-25', ...extra,
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const personOf = (roster: Roster, id: string): RosterPerson => roster.people.find((p) => p.sourceId === id)!;
const studentPerson = (roster: Roster, studentId: string) => personOf(roster, roster.students.find((s) => s.sourceId === studentId)!.personId);
const guardiansOf = (roster: Roster, studentId: string) => roster.guardianships
  .filter((g) => g.studentId === studentId)
  .map((g) => ({ ...g, person: personOf(roster, g.guardianPersonId) }))
  .sort((a, b) => a.person.givenName.localeCompare(b.person.givenName));

/** A reading without where each record came from: two readings of the same data compare equal. */
const withoutPlaces = (roster: Roster) => JSON.parse(JSON.stringify(roster, (k, v: unknown) => (k === 'at' ? undefined : v))) as unknown;

describe('the FINT utdanning adapter', () => {
  it("reads a school's students with their guardians: parental responsibility, who lives with them and protected addresses", async () => {
    const server = await serve();
    const { roster } = await readFint(optionsFor(server));

    const ada = roster.students.find((s) => s.sourceId === 'EL-1@SK-1')!;
    expect(ada).toMatchObject({ schoolId: 'SK-1', level: 'vg1', programme: 'general', status: 'active' });
    expect(studentPerson(roster, 'EL-1@SK-1')).toMatchObject({
      givenName: 'Ada Lind', familyName: 'Testesen', birthDate: '2010-03-14', nationalIdentityNumber: '14831052873',
      feideId: 'ada.testesen@fjordvik.example', email: 'ada.testesen@skole.fjordvik.example', streetAddress: 'Fjordveien 1', addressProtection: 'none',
    });
    expect(guardiansOf(roster, 'EL-1@SK-1').map((g) => [g.person.givenName, g.relation, g.parentalResponsibility, g.livesWith, g.person.phone])).toEqual([
      // the kontaktperson of type forelder is Mona herself: her phone joins her, she is not a guardian twice
      ['Mona', 'mother', true, true, '40000001'],
      ['Per', 'father', true, false, null],
    ]);

    // Bo's father is a kontaktperson of type far but not among his foreldre: a parent without parental responsibility (L-06);
    // his grandmother is a pårørende, not a guardian
    expect(guardiansOf(roster, 'EL-2@SK-1').map((g) => [g.person.givenName, g.relation, g.parentalResponsibility, g.livesWith])).toEqual([
      ['Siri', 'mother', true, true],
      ['Tor', 'father', false, false],
    ]);
    expect(roster.people.some((p) => p.givenName === 'Randi')).toBe(false);

    // Cato lives at a strictly confidential address; his mother, whom FINT has only by href, at a confidential one (L-07)
    expect(studentPerson(roster, 'EL-3@SK-1')).toMatchObject({ addressProtection: 'strictlyConfidential', streetAddress: null });
    expect(guardiansOf(roster, 'EL-3@SK-1').map((g) => [g.person.givenName, g.person.addressProtection, g.parentalResponsibility])).toEqual([
      ['Lise', 'confidential', true],
    ]);

    expect(guardiansOf(roster, 'EL-4@SK-1')).toEqual([]);
    expect(studentPerson(roster, 'EL-4@SK-1').birthDate).toBe('2007-05-05');
    expect(roster.students.find((s) => s.sourceId === 'EL-6@SK-1')!.status).toBe('left');
    expect(roster.students.find((s) => s.sourceId === 'EL-8@SK-1')!.programme).toBe('vocational');
  });

  it('never makes a national identity number an id, nor puts one in an error', async () => {
    const server = await serve();
    const { roster, errors } = await readFint(optionsFor(server));
    const numbers = JSON.stringify(fjordvik).match(/(?<="fodselsnummer":\{"identifikatorverdi":")\d{11}/g)!;
    expect(numbers.length).toBeGreaterThan(10);
    const ids = JSON.stringify([roster.people.map((p) => p.sourceId), roster.students, roster.guardianships, roster.staff]);
    expect(numbers.filter((n) => ids.includes(n))).toEqual([]);
    expect(numbers.filter((n) => JSON.stringify(errors).includes(n))).toEqual([]);
    // the missing person's number is in the href FINT gave, and masked in the error
    expect(JSON.stringify(errors)).not.toMatch(/\d{11}/);
    // staff log in with Feide: no national identity number is kept for them
    const kari = roster.people.find((p) => p.givenName === 'Kari')!;
    expect(kari).toMatchObject({ nationalIdentityNumber: null, feideId: 'kari.laerer@fjordvik.example' });
  });

  it('reads classes, teaching groups, memberships, contact and subject teachers and the weekly timetable', async () => {
    const server = await serve();
    const { roster } = await readFint(optionsFor(server, { subjectHours: { MAT1021: 140 } }));

    expect(roster.schools.map((s) => [s.sourceId, s.name, s.stage, s.organisationNumber])).toEqual([
      ['SK-1', 'Fjordvik videregående skole', 'upperSecondary', '999999999'],
      ['SK-2', 'Nordvik vidaregåande skule', 'upperSecondary', null],
    ]);
    expect(roster.schoolYears.map((y) => [y.sourceId, y.name, y.startsOn, y.endsOn])).toEqual([['20262027', '2026/27', '2026-08-01', '2027-07-31']]);
    expect(roster.terms.map((t) => [t.sourceId, t.kind, t.startsOn, t.endsOn])).toEqual([
      ['T-2026-H1', 'autumn', '2026-08-01', '2027-01-14'],
      ['T-2026-H2', 'spring', '2027-01-15', '2027-07-31'],
    ]);
    expect(roster.basisGroups.map((g) => [g.sourceId, g.name, g.level, g.schoolYearId])).toEqual([
      ['KL-1STA', '1STA', 'vg1', '20262027'], ['KL-1ELA', '1ELA', 'vg1', '20262027'], ['KL-1STB', '1STB', 'vg1', '20262027'],
    ]);
    expect(roster.subjects.map((s) => [s.code, s.name, s.annualHours])).toEqual([['MAT1021', 'Matematikk 1T', 140], ['NOR1260', 'Norsk', 0]]);
    expect(roster.teachingGroups.map((g) => [g.name, g.subjectId])).toEqual([['1STA/MAT1021', 'F-MAT1021'], ['1STA/NOR1260', 'F-NOR1260']]);

    const enrolment = (id: string) => roster.enrolments.find((e) => e.sourceId === id);
    // an open membership ends with the elevforhold (the school year's last day, 20 June, is included)
    expect(enrolment('basis:KM-1')).toMatchObject({ studentId: 'EL-1@SK-1', group: { kind: 'basis', id: 'KL-1STA' }, startsOn: '2026-08-17', endsOn: '2027-06-21' });
    // FINT's slutt is the last day; the roster's endsOn the day after
    expect(enrolment('teaching:UM-3')).toMatchObject({ group: { kind: 'teaching', id: 'UG-1STA-NOR' }, endsOn: '2026-12-21' });
    // Emil left on 1 October (avbruddsdato): his class membership ends with him
    expect(enrolment('basis:KM-5')).toMatchObject({ studentId: 'EL-6@SK-1', endsOn: '2026-10-01' });

    expect(roster.staff.map((s) => [s.sourceId, personOf(roster, s.personId).givenName, s.roles])).toEqual([
      ['SR-1@SK-1', 'Kari', [{ role: 'teacher', departmentId: null }]],
      // Jon's skoleressurs links no person: he is found through his personalressurs
      ['SR-2@SK-1', 'Jon', [{ role: 'teacher', departmentId: null }]],
    ]);
    expect(roster.contactTeachers.map((a) => [a.groupId, a.staffMemberId])).toEqual([
      ['KL-1STA', 'SR-1@SK-1'],
      // kontaktlærergruppe KG-2 names no class: its member Hedda is in 1ELA
      ['KL-1ELA', 'SR-2@SK-1'],
    ]);
    expect(roster.subjectTeachers.map((a) => [a.groupId, a.staffMemberId])).toEqual([['UG-1STA-MAT', 'SR-1@SK-1'], ['UG-1STA-NOR', 'SR-2@SK-1']]);
    expect(roster.lessons.map((l) => [l.teachingGroupId, l.weekday, l.startsAt, l.minutes, l.startsOn, l.endsOn])).toEqual([
      ['UG-1STA-MAT', 1, '08:15', 90, '2026-11-02', '2026-11-17'],
      ['UG-1STA-MAT', 3, '10:00', 45, '2026-11-04', '2026-11-05'],
    ]);
    expect(checkReferences(roster)).toEqual([]);
  });

  it('reports a link that leads nowhere with the collection, the entry and the relation, and maps the rest', async () => {
    const server = await serve();
    const { roster, errors } = await readFint(optionsFor(server));
    const place = (e: RowError) => [e.file.replace(server.base, ''), e.line, e.field, e.key];
    expect(errors.map(place)).toEqual([
      ['/utdanning/elev/elev', 7, '_links.person', 'rosterImport.fint.missingLink'],
      ['/utdanning/elev/klassemedlemskap', 8, '_links.elevforhold', 'rosterImport.fint.missingLink'],
    ]);
    expect(errors[0]!.params).toEqual({ relation: 'person', href: `${server.base}/utdanning/elev/person/fodselsnummer/•••••••••••` });
    expect(errors[1]!.params).toEqual({ relation: 'elevforhold', href: `${server.base}/utdanning/elev/elevforhold/systemid/EF-404` });
    expect(roster.students.map((s) => s.sourceId)).not.toContain('EL-7@SK-1');
    expect(roster.students).toHaveLength(7);
  });

  it('reads only the schools it is asked for, and names a school FINT does not have', async () => {
    const server = await serve();
    const { roster } = await readFint(optionsFor(server, { schools: ['70001'] }));
    expect(roster.schools.map((s) => s.sourceId)).toEqual(['SK-1']);
    expect(roster.basisGroups.map((g) => g.sourceId)).not.toContain('KL-1STB');
    expect(roster.students.map((s) => s.sourceId)).not.toContain('EL-5@SK-2');
    expect(checkReferences(roster)).toEqual([]);

    const none = await readFint(optionsFor(server, { schools: ['70404'] }));
    expect(none.roster.students).toEqual([]);
    expect(none.errors.map((e) => [e.field, e.key, e.params])).toContainEqual(['skole', 'rosterImport.fint.unknownSchool', { school: '70404' }]);
  });

  it('pages through every collection, following next links until the last page', async () => {
    const server = await startFintTestServer({ fixtures: generatedSchool(60), ...CLIENT, maxPageSize: 25 });
    servers.push(server);
    const progress: string[] = [];
    const { roster, errors } = await readFint(optionsFor(server, { pageSize: 25, onProgress: (p) => progress.push(`${p.phase}:${p.done}/${p.total}`) }));
    expect(errors).toEqual([]);
    expect(server.requests.filter((r) => r.path === '/utdanning/elev/elev').map((r) => r.query)).toEqual([
      '?size=25&offset=0', '?offset=25&size=25', '?offset=50&size=25',
    ]);
    expect(progress).toContain('utdanning/elev/elev:60/60');
    expect(roster.students).toHaveLength(60);
    expect(roster.guardianships).toHaveLength(120);
    expect(roster.guardianships.every((g) => g.parentalResponsibility)).toBe(true);
    expect(roster.enrolments).toHaveLength(120);
    expect(roster.basisGroups.map((g) => g.level)).toEqual(['vg1', 'vg2', 'vg3']);
    expect(roster.contactTeachers).toHaveLength(3);
    expect(checkReferences(roster)).toEqual([]);
  });

  it("reads FINT 3's basisgruppe and basisgruppemedlemskap as it reads FINT 4's klasse", async () => {
    const four = await serve();
    const three = await serve({ fixtures: asFint3(fjordvik.collections) });
    const a = await readFint(optionsFor(four));
    const b = await readFint(optionsFor(three));
    expect(three.requests.some((r) => r.path === '/utdanning/elev/basisgruppemedlemskap')).toBe(true);
    expect(withoutPlaces(b.roster)).toEqual(withoutPlaces(a.roster));
  });

  it('renews a token FINT stops accepting, once, and reads on', async () => {
    const steady = await serve();
    const expected = await readFint(optionsFor(steady));
    const server = await serve({ requestsPerToken: 8 });
    const { roster } = await readFint(optionsFor(server, { concurrency: 1 }));
    expect(withoutPlaces(roster)).toEqual(withoutPlaces(expected.roster));
    const refused = server.requests.filter((r) => r.status === 401).length;
    expect(refused).toBeGreaterThan(0);
    // every refusal was answered by one new token, and nothing was given up
    expect(server.tokensIssued()).toBe(refused + 1);
  });

  it('stops with a clear error when FINT refuses the renewed token too, instead of asking again and again', async () => {
    const server = await serve({ refuseAllTokens: true });
    const reading = readFint(optionsFor(server));
    await expect(reading).rejects.toBeInstanceOf(FintError);
    await expect(reading).rejects.toMatchObject({ key: 'rosterImport.fint.unauthorized' });
    expect(server.tokensIssued()).toBe(2);
  });

  it('reports a wrong client secret as FINT refusing the login, without the secret and before asking for any data', async () => {
    const server = await serve();
    const reading = readFint({ ...optionsFor(server), clientSecret: 'wrong-secret-1234' });
    const error = await reading.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FintError);
    expect(error).toMatchObject({ key: 'rosterImport.fint.tokenRejected', params: { status: 401 } });
    expect(JSON.stringify({ ...(error as FintError), message: (error as FintError).message })).not.toMatch(/wrong-secret|not-the-real-secret/);
    expect(server.requests).toEqual([]);
    expect(fintMessages.nb['rosterImport.fint.tokenRejected']).toMatch(/avviste innloggingen/);
  });

  it("uses FINT's documented password grant when the client has a username and password", async () => {
    const server = await serve({ username: 'elevlos@client.fjordvik.example', password: 'portal-password' });
    const ok = await readFint(optionsFor(server, { username: 'elevlos@client.fjordvik.example', password: 'portal-password' }));
    expect(ok.roster.students.length).toBeGreaterThan(0);
    await expect(readFint(optionsFor(server, { username: 'elevlos@client.fjordvik.example', password: 'guess' }))).rejects.toMatchObject({ key: 'rosterImport.fint.tokenRejected' });
    await expect(readFint(optionsFor(server))).rejects.toMatchObject({ key: 'rosterImport.fint.tokenRejected' });
  });

  it("stops rather than reading classes without their memberships, which would end every student's enrolment", async () => {
    const { 'utdanning/elev/klassemedlemskap': _left, ...rest } = fjordvik.collections;
    const server = await serve({ fixtures: rest });
    await expect(readFint(optionsFor(server))).rejects.toMatchObject({ key: 'rosterImport.fint.httpError', params: { status: 404 } });

    const { 'utdanning/elev/elev': _students, ...noStudents } = fjordvik.collections;
    const empty = await serve({ fixtures: noStudents });
    await expect(readFint(optionsFor(empty))).rejects.toMatchObject({ key: 'rosterImport.fint.httpError', params: { url: `${empty.base}/utdanning/elev/elev` } });
  });

  it('reads an address protection it does not recognise as strictly confidential and reports it', async () => {
    const people = fjordvik.collections['utdanning/elev/person']!.map((p) => (p.navn as { fornavn: string }).fornavn === 'Bo' ? { ...p, adressebeskyttelse: 'HEMMELIG?' } : p);
    const server = await serve({ fixtures: { ...fjordvik.collections, 'utdanning/elev/person': people } });
    const { roster, errors } = await readFint(optionsFor(server));
    expect(studentPerson(roster, 'EL-2@SK-1').addressProtection).toBe('strictlyConfidential');
    expect(errors.map((e) => [e.file.replace(server.base, ''), e.line, e.field, e.key])).toContainEqual(['/utdanning/elev/person', 2, 'adressebeskyttelse', 'rosterImport.fint.unknownAddressProtection']);
  });

  it('takes its connection from the environment and names a variable that is missing', () => {
    const env = { FINT_CLIENT_ID: 'id', FINT_CLIENT_SECRET: 'secret', FINT_ORG_ID: 'fjordvik.example', FINT_SCHOOLS: '70001, 70002', FINT_USERNAME: 'u', FINT_PASSWORD: 'p' };
    expect(fintOptionsFromEnv(env)).toMatchObject({
      baseUrl: 'https://api.felleskomponent.no', tokenUrl: 'https://idp.felleskomponent.no/nidp/oauth/nam/token', scope: 'fint-client',
      schools: ['70001', '70002'], username: 'u', password: 'p',
    });
    expect(fintOptionsFromEnv({ FINT_NORD_CLIENT_ID: 'a', FINT_NORD_CLIENT_SECRET: 'b', FINT_NORD_ORG_ID: 'nord.example' }, 'FINT_NORD_').orgId).toBe('nord.example');
    expect(() => fintOptionsFromEnv({ ...env, FINT_CLIENT_SECRET: '' })).toThrow(expect.objectContaining({ key: 'rosterImport.fint.badConfig', params: { variable: 'FINT_CLIENT_SECRET' } }));
    expect(() => fintOptionsFromEnv({ ...env, FINT_PASSWORD: undefined })).toThrow(expect.objectContaining({ params: { variable: 'FINT_PASSWORD' } }));
    expect(() => fintOptionsFromEnv({ ...env, FINT_BASE_URL: 'not a url' })).toThrow(expect.objectContaining({ params: { variable: 'FINT_BASE_URL' } }));
  });

  it('has every text in bokmål, nynorsk and English', () => {
    const keys = (l: 'nb' | 'nn' | 'en') => Object.keys(fintMessages[l]).sort();
    expect(keys('nn')).toEqual(keys('nb'));
    expect(keys('en')).toEqual(keys('nb'));
  });
});
