/**
 * The FINT utdanning adapter: reads a school owner's FINT into the roster every source yields. Whole
 * collections are read page by page and relations are followed by href among them; what a collection
 * lacks is asked for on its own. Records that cannot be mapped are reported with their place (the FINT
 * collection or resource URL, the entry's 1-based position) and field; anything that would leave the
 * picture incomplete — a refused login, a collection that cannot be read — throws a FintError instead.
 * The mapping is documented in docs/import.md ("FINT").
 */
import { today as todayInOslo } from '../../../../core/time.js';
import type { RosterReading } from '../../roster.js';
import { FintClient } from './client.js';
import { readSource, type Source } from './collections.js';
import { emitYearsAndTerms, newCtx, prepareYears, selectSchools, type Ctx } from './mapContext.js';
import { mapBasisGroups, mapEnrolments, mapSchools, mapTeachingGroups } from './mapGroups.js';
import { mapContactTeachers, mapLessons, mapStaff, mapSubjectTeachers } from './mapStaff.js';
import { draftStudents, mapGuardians, mapStudents } from './mapStudents.js';
import type { FintOptions } from './options.js';
import { Resolver } from './resolve.js';
import {
  Indexed, keepElev, keepElevforhold, keepKontaktperson, keepPerson, keepPersonalressurs, keepSkoleressurs,
  type Person, type Personalressurs, type Skoleressurs,
} from './resources.js';

/** Whether a record's school is one being read (without reporting: the mapping step reports). */
const readsSchool = (ctx: Ctx, href: string | null) => {
  const skole = ctx.src.skole.get(href);
  return skole !== undefined && skole.id !== null && ctx.schools.has(skole.id);
};

/** The elevforhold, elev, persons and kontaktpersoner the students need, fetched where the collections lack them. */
async function followStudents(ctx: Ctx, resolver: Resolver): Promise<void> {
  const src: Source = ctx.src;
  const groups = new Set([...src.klasse.list, ...src.undervisningsgruppe.list].filter((g) => readsSchool(ctx, g.skole)));
  const inGroups = [...src.klassemedlemskap.list, ...src.undervisningsgruppemedlemskap.list]
    .filter((m) => { const g = src.klasse.get(m.group) ?? src.undervisningsgruppe.get(m.group); return g !== undefined && groups.has(g); });
  await resolver.prefetch(src.elevforhold, inGroups.map((m) => m.elevforhold), keepElevforhold);
  const forhold = src.elevforhold.list.filter((ef) => readsSchool(ctx, ef.skole));
  await resolver.prefetch(src.elev, forhold.map((ef) => ef.elev), keepElev);
  const children = forhold.map((ef) => src.elev.get(ef.elev)?.person);
  await resolver.prefetch(src.person, children, keepPerson);
  const childPersons = children.map((h) => src.person.get(h ?? null)).filter((p): p is Person => p !== undefined);
  await resolver.prefetch(src.person, childPersons.flatMap((p) => p.foreldre), keepPerson);
  await resolver.prefetch(src.kontaktperson, childPersons.flatMap((p) => p.parorende), keepKontaktperson);
  await resolver.prefetch(src.person, src.kontaktperson.list.map((k) => k.person), keepPerson);
}

/** The skoleressurser the teaching relationships name and their persons, directly or through their personalressurs. */
async function followStaff(ctx: Ctx, resolver: Resolver): Promise<(sr: Skoleressurs) => Person | undefined> {
  const src = ctx.src;
  await resolver.prefetch(src.skoleressurs, src.undervisningsforhold.list.filter((u) => readsSchool(ctx, u.skole)).map((u) => u.skoleressurs), keepSkoleressurs);
  await resolver.prefetch(src.person, src.skoleressurs.list.map((sr) => sr.person), keepPerson);
  const personalressurs = new Indexed<Personalressurs>();
  const viaPersonal = src.skoleressurs.list.filter((sr) => sr.person === null);
  await resolver.prefetch(personalressurs, viaPersonal.map((sr) => sr.personalressurs), keepPersonalressurs);
  await resolver.prefetch(src.person, viaPersonal.map((sr) => personalressurs.get(sr.personalressurs)?.person), keepPerson);
  return (sr) => src.person.get(sr.person ?? personalressurs.get(sr.personalressurs)?.person ?? null);
}

export async function readFint(options: FintOptions): Promise<RosterReading> {
  const client = new FintClient(options);
  try {
    return await read(client, options);
  } catch (e) {
    client.abort();
    throw e;
  }
}

async function read(client: FintClient, options: FintOptions): Promise<RosterReading> {
  const concurrency = options.concurrency ?? 4;
  const src = await readSource(client, { timetable: options.timetable ?? true, concurrency });
  const resolver = new Resolver(client, concurrency, (done) => options.onProgress?.({ phase: 'links', done, total: null }));
  const ctx = newCtx(src, resolver, options.today ?? todayInOslo(), options.subjectHours ?? {});
  selectSchools(ctx, options.schools, src.collectionUrls.skole ?? client.collectionUrl('utdanning/utdanningsprogram/skole'));
  prepareYears(ctx);
  const groups = { basis: mapBasisGroups(ctx), teaching: mapTeachingGroups(ctx) };
  mapSchools(ctx, groups.basis);
  await followStudents(ctx, resolver);
  const drafts = draftStudents(ctx);
  mapEnrolments(ctx, groups, (ef) => drafts.get(ef)?.key ?? null);
  const students = mapStudents(ctx, drafts.values());
  // a student who could not be mapped is reported once, not again through each of their enrolments
  const mapped = new Set(ctx.roster.students.map((s) => s.sourceId));
  ctx.roster.enrolments = ctx.roster.enrolments.filter((e) => mapped.has(e.studentId));
  mapGuardians(ctx, students);
  const personOfStaff = await followStaff(ctx, resolver);
  const staff = mapStaff(ctx, personOfStaff);
  mapSubjectTeachers(ctx, groups, staff);
  mapContactTeachers(ctx, groups, staff, drafts);
  mapLessons(ctx, groups.teaching);
  emitYearsAndTerms(ctx);
  const errors = [...ctx.errors].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  // without the timetable the reading has no lessons: none has left FINT, so none may end
  return { roster: ctx.roster, errors, ...(options.timetable === false ? { partialKinds: ['lessons'] } : {}) };
}
