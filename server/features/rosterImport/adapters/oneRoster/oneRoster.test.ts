import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkReferences } from '../../references.js';
import type { Roster, RowError } from '../../roster.js';
import { COLUMNS, type RosterFile } from './columns.js';
import { comparable, countyRoster, oneRosterMessages, readOneRosterZip, smallSchoolRoster, writeOneRosterZip } from './index.js';
import { K } from './messages.js';

/** The zip's files as text, to change a row or add one the writer would never write. */
const filesOf = (zip: Buffer): Record<string, string> => Object.fromEntries(Object.entries(unzipSync(zip)).map(([name, data]) => [name, strFromU8(data)]));
const zipOf = (files: Record<string, string>): Buffer => Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)]))));

/** One CSV row of a OneRoster file from its values by column name; the columns left out are blank. */
function row(file: RosterFile, values: Record<string, string>): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return COLUMNS[file].map((c) => quote(values[c] ?? '')).join(',');
}

/** Appends rows to a file of the zip; returns the line each landed on (the header is line 1). */
function append(files: Record<string, string>, file: RosterFile, rows: Record<string, string>[]): number[] {
  const name = `${file}.csv`;
  const text = files[name]!.endsWith('\n') ? files[name]! : `${files[name]!}\n`;
  const first = text.split('\n').length;
  files[name] = text + rows.map((r) => `${row(file, r)}\n`).join('');
  return rows.map((_, i) => first + i);
}

const read = (zip: Buffer) => readOneRosterZip([{ name: 'eksport.zip', content: zip }]);
const placeOf = (e: RowError) => ({ file: e.file, line: e.line, field: e.field, key: e.key });
const person = (roster: Roster, id: string) => roster.people.find((p) => p.sourceId === id);
const guardianship = (roster: Roster, studentId: string, guardianId: string) => roster.guardianships.find((g) => g.studentId === studentId && g.guardianPersonId === guardianId);

describe('the OneRoster 1.2 CSV adapter', () => {
  it('reads back the very roster a generated small school was written as', async () => {
    const roster = smallSchoolRoster();
    const reading = await read(writeOneRosterZip(roster));
    expect(reading.errors).toEqual([]);
    expect(comparable(reading.roster)).toEqual(comparable(roster));
    expect(reading.partialKinds).toEqual(['lessons']);
    expect(checkReferences(reading.roster)).toEqual([]);
  });

  it('makes guardians of users with the role guardian or parent that agentSourcedIds links to a student, from either side', async () => {
    const files = filesOf(writeOneRosterZip(smallSchoolRoster()));
    // the writer lists guardians on the student's row; FINT's provider lists the children on the guardian's row instead
    expect(files['users.csv']).toMatch(/^p-s1,.*,"p-g1,p-g2",/m);
    expect(files['roles.csv']).toMatch(/^p-g1:role1,,,p-g1,primary,parent,,,sch-elv,/m);
    expect(files['roles.csv']).toMatch(/^p-g3:role1,,,p-g3,primary,guardian,,,sch-elv,/m);
    append(files, 'users', [
      { sourcedId: 'p-g9', givenName: 'Even', familyName: 'Lie', agentSourcedIds: 'p-s4', phone: '+4790000009' },
      { sourcedId: 'p-g10', givenName: 'Astrid', familyName: 'Lie', agentSourcedIds: 'p-s4' },
    ]);
    append(files, 'roles', [
      { sourcedId: 'p-g9:role1', userSourcedId: 'p-g9', roleType: 'primary', role: 'parent', orgSourcedId: 'sch-elv' },
      { sourcedId: 'p-g10:role1', userSourcedId: 'p-g10', roleType: 'primary', role: 'relative', orgSourcedId: 'sch-elv' },
    ]);
    append(files, 'demographics', [{ sourcedId: 'p-g9', birthDate: '1975-02-03', sex: 'male' }]);
    const { roster, errors } = await read(zipOf(files));
    expect(errors).toEqual([]);

    // a parent who is female is the mother; a guardian (role guardian) is "other"; the student's exceptions hold (L-06)
    expect(guardianship(roster, 'p-s1', 'p-g1')).toMatchObject({ relation: 'mother', parentalResponsibility: true, livesWith: true });
    expect(guardianship(roster, 'p-s1', 'p-g2')).toMatchObject({ relation: 'father', parentalResponsibility: false, livesWith: false });
    expect(guardianship(roster, 'p-s2', 'p-g3')).toMatchObject({ relation: 'other', parentalResponsibility: true });
    expect(guardianship(roster, 'p-s3', 'p-g3')).toMatchObject({ relation: 'other', parentalResponsibility: true });
    // linked from the guardian's own row: a male parent is the father; a relative has no parental responsibility
    expect(guardianship(roster, 'p-s4', 'p-g9')).toMatchObject({ relation: 'father', parentalResponsibility: true, livesWith: true });
    expect(guardianship(roster, 'p-s4', 'p-g10')).toMatchObject({ relation: 'other', parentalResponsibility: false, livesWith: false });
    expect(person(roster, 'p-g9')).toMatchObject({ givenName: 'Even', phone: '+4790000009' });
    // a guardian is a person, never a student or a staff member
    expect(roster.students.map((s) => s.sourceId)).not.toContain('p-g9');
    expect(roster.staff.map((s) => s.personId)).not.toContain('p-g9');
    // the protected address travels with the guardian (L-07)
    expect(person(roster, 'p-g1')!.addressProtection).toBe('strictlyConfidential');
  });

  it("takes a person's birth date from demographics.csv, and from the national identity number when demographics has none", async () => {
    const files = filesOf(writeOneRosterZip(smallSchoolRoster()));
    expect(files['demographics.csv']).toMatch(/^p-s4,,,2010-01-09,/m);
    files['demographics.csv'] = files['demographics.csv']!.replace(/^p-s2,.*\n/m, '');
    append(files, 'demographics', [{ sourcedId: 'p-g9', birthDate: '1975-02-03' }]);
    append(files, 'users', [{ sourcedId: 'p-g9', givenName: 'Even', familyName: 'Lie', agentSourcedIds: 'p-s4' }]);
    append(files, 'roles', [{ sourcedId: 'p-g9:role1', userSourcedId: 'p-g9', role: 'guardian', orgSourcedId: 'sch-elv' }]);
    const { roster, errors } = await read(zipOf(files));
    expect(errors).toEqual([]);
    expect(person(roster, 'p-s4')!.birthDate).toBe('2010-01-09');
    expect(person(roster, 'p-g9')!.birthDate).toBe('1975-02-03');
    // Isak has no demographics row now: his birth date is read from his synthetic fødselsnummer
    expect(person(roster, 'p-s2')!.birthDate).toBe('2008-05-02');
  });

  it('reports each wrong row with its file, line and field, in bokmål, nynorsk and English, and reads the rest', async () => {
    const files = filesOf(writeOneRosterZip(smallSchoolRoster()));
    const [noId, guardianOfNobody] = append(files, 'users', [
      { sourcedId: '', givenName: 'Uten', familyName: 'Id' },
      { sourcedId: 'p-g8', givenName: 'Tor', familyName: 'Vik', agentSourcedIds: 'p-s404' },
    ]);
    append(files, 'roles', [{ sourcedId: 'p-g8:role1', userSourcedId: 'p-g8', role: 'parent', orgSourcedId: 'sch-elv' }]);
    const [badBirth] = append(files, 'demographics', [{ sourcedId: 'p-s5', birthDate: '2011-02-30' }]);
    const [noClass, badBegin] = append(files, 'enrollments', [
      { sourcedId: 'e-404', classSourcedId: 'bg-404', schoolSourcedId: 'sch-elv', userSourcedId: 'p-s1', role: 'student', beginDate: '2026-08-19' },
      { sourcedId: 'e-late', classSourcedId: 'bg-1stb', schoolSourcedId: 'sch-elv', userSourcedId: 'p-s2', role: 'student', beginDate: '19.08.2026' },
    ]);
    // p-s5's own row goes, so the appended one (a line up now) is p-s5's only row, with a day February does not have
    files['demographics.csv'] = files['demographics.csv']!.replace(/^p-s5,.*\n/m, '');
    const birthLine = badBirth! - 1;
    const { roster, errors } = await read(zipOf(files));

    expect(errors.map(placeOf)).toEqual(expect.arrayContaining([
      { file: 'users.csv', line: noId, field: 'sourcedId', key: K.required },
      { file: 'users.csv', line: guardianOfNobody, field: 'agentSourcedIds', key: K.unknownReference },
      { file: 'demographics.csv', line: birthLine, field: 'birthDate', key: K.invalidDate },
      { file: 'enrollments.csv', line: noClass, field: 'classSourcedId', key: K.unknownReference },
      { file: 'enrollments.csv', line: badBegin, field: 'beginDate', key: K.invalidDate },
    ]));
    expect(errors).toHaveLength(5);
    const begin = errors.find((e) => e.field === 'beginDate')!;
    expect(begin.params).toEqual({ value: '19.08.2026' });
    expect(oneRosterMessages.nb[begin.key]).toContain('er ikke en dato');
    expect(oneRosterMessages.nn[begin.key]).toContain('er ikkje ein dato');
    expect(oneRosterMessages.en[begin.key]).toMatch(/not a date/i);
    expect(errors.find((e) => e.field === 'agentSourcedIds')!.params).toEqual({ id: 'p-s404', file: 'users.csv' });

    // the rows around them are read as ever
    expect(roster.students).toHaveLength(5);
    expect(roster.enrolments).toHaveLength(smallSchoolRoster().enrolments.length);
    expect(person(roster, 'p-s5')!.birthDate).toBeNull();
    expect(roster.guardianships.some((g) => g.guardianPersonId === 'p-g8')).toBe(false);
  });

  it('reads quoted fields with commas, quotes and line breaks, CRLF lines, and stops a file at a stray quote, naming its line', async () => {
    const files = filesOf(writeOneRosterZip(smallSchoolRoster()));
    const [quoted, after] = append(files, 'users', [
      { sourcedId: 'p-g9', givenName: 'Anne "Annie"', familyName: 'Lie, jr.', agentSourcedIds: 'p-s4', 'metadata.no.streetAddress': 'c/o Lie\nStorgata 2' },
      { sourcedId: 'p-g10', givenName: 'Per', familyName: 'Lie', agentSourcedIds: 'p-s4' },
    ]);
    append(files, 'roles', [
      { sourcedId: 'p-g9:role1', userSourcedId: 'p-g9', role: 'parent', orgSourcedId: 'sch-elv' },
      { sourcedId: 'p-g10:role1', userSourcedId: 'p-g10', role: 'parent', orgSourcedId: 'sch-elv' },
    ]);
    files['users.csv'] = files['users.csv']!.replaceAll('\n', '\r\n');
    const { roster, errors } = await read(zipOf(files));
    expect(errors).toEqual([]);
    expect(person(roster, 'p-g9')).toMatchObject({ givenName: 'Anne "Annie"', familyName: 'Lie, jr.', streetAddress: 'c/o Lie\r\nStorgata 2' });
    // the quoted line break is inside line `quoted`: the next row is one line further down
    expect(person(roster, 'p-g10')!.at).toEqual({ file: 'users.csv', line: after! + 1 });
    expect(quoted).toBe(after! - 1);

    const broken = filesOf(writeOneRosterZip(smallSchoolRoster()));
    const [stray] = append(broken, 'enrollments', [{ sourcedId: 'e-stray', classSourcedId: 'bg-1sta', userSourcedId: 'p-s4', role: 'student' }]);
    broken['enrollments.csv'] = broken['enrollments.csv']!.replace('e-stray,', 'e-st"ray,');
    const reading = await read(zipOf(broken));
    expect(reading.errors.map(placeOf)).toEqual([{ file: 'enrollments.csv', line: stray, field: '', key: K.csvSyntax }]);
  });

  it('keeps a Feide id sent in capitals in lower case, as the sync and the Feide login match it', async () => {
    const roster = smallSchoolRoster();
    const teacher = roster.people.find((p) => p.feideId !== null)!;
    const written = { ...roster, people: roster.people.map((p) => (p === teacher ? { ...p, feideId: p.feideId!.toUpperCase() } : p)) };
    const reading = await read(writeOneRosterZip(written));
    expect(reading.errors).toEqual([]);
    expect(person(reading.roster, teacher.sourceId)?.feideId).toBe(teacher.feideId!.toLowerCase());
  });

  it('has every text in bokmål, nynorsk and English', () => {
    const keys = (l: 'nb' | 'nn' | 'en') => Object.keys(oneRosterMessages[l]).sort();
    expect(keys('nn')).toEqual(keys('nb'));
    expect(keys('en')).toEqual(keys('nb'));
    expect(keys('nb')).toEqual(Object.values(K).sort());
  });

  it("reads a county's zip without errors: every student, guardian, group and enrolment", { timeout: 180_000 }, async () => {
    // a correctness test, no timing: the bench times the same county through the whole import (bench/rosterImport.ts)
    const roster = countyRoster({ students: 100_000 });
    const { roster: read_, errors } = await read(writeOneRosterZip(roster));
    expect(errors).toEqual([]);
    const counts = (r: Roster) => Object.fromEntries(Object.entries(r).map(([kind, records]) => [kind, (records as unknown[]).length]));
    expect(counts(read_)).toEqual(counts(roster));
    expect(read_.students).toHaveLength(100_000);
    expect(read_.enrolments).toHaveLength(100_000 * 9);
    expect(read_.guardianships.filter((g) => !g.parentalResponsibility).length).toBe(roster.guardianships.filter((g) => !g.parentalResponsibility).length);
    // one class in full, as a contact teacher would see it
    const sample = (r: Roster) => comparable({
      ...r,
      people: r.people.filter((p) => p.sourceId.startsWith('st-12') && p.sourceId.length <= 8),
      students: r.students.filter((s) => s.sourceId.startsWith('st-12') && s.sourceId.length <= 8),
      enrolments: r.enrolments.filter((e) => e.group.id === 'sch-4-bg0' || e.group.id.startsWith('sch-4-bg0-')),
      guardianships: r.guardianships.filter((g) => g.studentId.startsWith('st-12') && g.studentId.length <= 8),
    });
    expect(sample(read_)).toEqual(sample(roster));
  });
});
