/**
 * Students and their guardians. A roster student is one `elev` at one school (a student keeps their
 * history in Elevlos from one school year to the next, while FINT may give them a new elevforhold each
 * year); they are active while an elevforhold there is current or ahead, and have left when every one
 * has ended or was broken off (`avbruddsdato`). Level: the class they are in, else their programområde.
 *
 * Guardians (L-06): the student's `foreldre` — FINT's (and the Folkeregister's) persons with parental
 * responsibility — and the student's `parorende` (kontaktperson) of a parent's or guardian's type. A
 * kontaktperson who is none of the `foreldre` is a guardian without parental responsibility, unless
 * FINT 3's `foreldreansvar` flag says otherwise. Lives with: the same home address.
 */
import type { RosterBasisGroup, RosterEnrolment, RosterStudent } from '../../roster.js';
import { guardianTypeFrom, levelFrom, levelFromProgrammeAreaCode, programmeFrom, relationFromSex } from './codes.js';
import { hrefValue, within } from './hal.js';
import { addContactDetails, brokenLink, contactPersonOf, hasId, personOf, report, schoolOf, type Ctx } from './mapContext.js';
import type { Elev, Elevforhold, Gruppe, Kontaktperson, Medlemskap, Person } from './resources.js';

export interface StudentDraft {
  key: string;
  elev: Elev & { id: string };
  schoolId: string;
  forhold: Elevforhold[];
}

/** Groups the elevforhold of the schools read by elev and school. */
export function draftStudents(ctx: Ctx): Map<Elevforhold, StudentDraft> {
  const byKey = new Map<string, StudentDraft>();
  const byForhold = new Map<Elevforhold, StudentDraft>();
  for (const ef of ctx.src.elevforhold.list) {
    const schoolId = schoolOf(ctx, ef.skole, ef.at);
    if (schoolId === null || !hasId(ctx, ef)) continue;
    if (ef.period.bad.length > 0 || ef.badInterrupted) {
      report(ctx, ef.at, ef.badInterrupted ? 'avbruddsdato' : `gyldighetsperiode.${ef.period.bad[0]}`, 'rosterImport.fint.badDate');
      continue;
    }
    const elev = ctx.src.elev.get(ef.elev);
    if (!elev) {
      brokenLink(ctx, ef.at, 'elev', ef.elev);
      continue;
    }
    if (!hasId(ctx, elev)) continue;
    const key = `${elev.id}@${schoolId}`;
    const draft = byKey.get(key) ?? { key, elev, schoolId, forhold: [] };
    draft.forhold.push(ef);
    byKey.set(key, draft);
    byForhold.set(ef, draft);
  }
  return byForhold;
}

const stillOn = (ctx: Ctx, ef: Elevforhold) => (ef.interrupted === null || ef.interrupted > ctx.today) && (ef.period.end === null || ef.period.end >= ctx.today);

/** The elevforhold that speaks for the student now: the current one, else the one that began last. */
function currentForhold(ctx: Ctx, d: StudentDraft): Elevforhold {
  const current = d.forhold.find((ef) => within(ef.period, ctx.today) && stillOn(ctx, ef));
  return current ?? [...d.forhold].sort((a, b) => (b.period.start ?? '').localeCompare(a.period.start ?? ''))[0]!;
}

/** What a student's level and programme are read from: their basis-group enrolments and their programområde memberships. */
interface Lookups {
  basisEnrolments: Map<string, RosterEnrolment[]>;
  basisGroups: Map<string, RosterBasisGroup>;
  areaMemberships: Map<Elevforhold, Medlemskap[]>;
}

function lookups(ctx: Ctx): Lookups {
  const basisEnrolments = new Map<string, RosterEnrolment[]>();
  for (const e of ctx.roster.enrolments) {
    if (e.group.kind !== 'basis') continue;
    const list = basisEnrolments.get(e.studentId);
    if (list) list.push(e);
    else basisEnrolments.set(e.studentId, [e]);
  }
  const areaMemberships = new Map<Elevforhold, Medlemskap[]>();
  for (const m of ctx.src.programomrademedlemskap.list) {
    const ef = ctx.src.elevforhold.get(m.elevforhold);
    if (ef) areaMemberships.set(ef, [...(areaMemberships.get(ef) ?? []), m]);
  }
  return { basisEnrolments, basisGroups: new Map(ctx.roster.basisGroups.map((g) => [g.sourceId, g])), areaMemberships };
}

/** The programområder of a student's elevforhold: through programområdemedlemskap, or FINT 3's direct link. */
function programmeAreas(ctx: Ctx, d: StudentDraft, l: Lookups): Gruppe[] {
  const viaMembership = d.forhold.flatMap((ef) => l.areaMemberships.get(ef) ?? [])
    .filter((m) => m.period.end === null || m.period.end >= ctx.today)
    .map((m) => ctx.src.programomrade.get(m.group));
  const direct = d.forhold.flatMap((ef) => ef.programomrade.map((h) => ctx.src.programomrade.get(h)));
  return [...viaMembership, ...direct].filter((g): g is Gruppe => g !== undefined);
}

function levelOfStudent(ctx: Ctx, d: StudentDraft, areas: Gruppe[], l: Lookups): RosterStudent['level'] | null {
  const mine = l.basisEnrolments.get(d.key) ?? [];
  const now = mine.find((e) => e.startsOn <= ctx.today && (e.endsOn === null || ctx.today < e.endsOn));
  const latest = now ?? [...mine].sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0];
  const group = latest ? l.basisGroups.get(latest.group.id) : undefined;
  if (group) return group.level;
  for (const area of areas) {
    const trinn = area.trinn.map((h) => ctx.src.arstrinn.get(h));
    const level = levelFrom(...trinn.flatMap((t) => [t?.navn, t?.beskrivelse, ...(t?.grep ?? [])]), ...area.trinn.map(hrefValue))
      ?? levelFromProgrammeAreaCode(area.id) ?? area.grep.map((h) => levelFromProgrammeAreaCode(hrefValue(h))).find((x) => x !== null) ?? null;
    if (level) return level;
  }
  return null;
}

function programmeOf(ctx: Ctx, areas: Gruppe[]): RosterStudent['programme'] {
  for (const area of areas) {
    const programmes = area.utdanningsprogram.map((h) => ctx.src.utdanningsprogram.get(h));
    const programme = programmeFrom(...programmes.flatMap((p) => [p?.id, p?.navn, ...(p?.grep ?? [])]), ...area.utdanningsprogram.map(hrefValue), area.id, area.navn, ...area.grep);
    if (programme) return programme;
  }
  return null;
}

/** The roster's students and their people; returns each student's FINT person for the guardians. */
export function mapStudents(ctx: Ctx, drafts: Iterable<StudentDraft>): Map<RosterStudent, Person> {
  const students = new Map<RosterStudent, Person>();
  const seen = new Set<string>();
  const l = lookups(ctx);
  for (const d of drafts) {
    if (seen.has(d.key)) continue;
    seen.add(d.key);
    const person = ctx.src.person.get(d.elev.person);
    if (!person) {
      brokenLink(ctx, d.elev.at, 'person', d.elev.person);
      continue;
    }
    const personId = personOf(ctx, person, { withNin: true, feideId: d.elev.feide, email: d.elev.email, phone: person.phone ?? d.elev.phone });
    if (personId === null) continue;
    const ef = currentForhold(ctx, d);
    const areas = programmeAreas(ctx, d, l);
    const level = levelOfStudent(ctx, d, areas, l);
    if (level === null) {
      report(ctx, ef.at, '_links.klassemedlemskap', 'rosterImport.fint.noLevel');
      continue;
    }
    const stage = ctx.roster.schools.find((s) => s.sourceId === d.schoolId)?.stage;
    const student: RosterStudent = {
      sourceId: d.key, at: ef.at, personId, schoolId: d.schoolId, departmentId: null, level,
      programme: stage === 'compulsory' ? null : programmeOf(ctx, areas),
      status: d.forhold.some((f) => stillOn(ctx, f)) ? 'active' : 'left',
    };
    students.set(student, person);
    ctx.roster.students.push(student);
  }
  return students;
}

const sameHome = (a: Person, b: Person): boolean => {
  const norm = (s: string | null) => (s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
  return norm(a.address.street) !== '' && norm(a.address.street) === norm(b.address.street) && norm(a.address.postalCode) === norm(b.address.postalCode);
};

const sameName = (k: Kontaktperson, p: Person) =>
  (k.givenName ?? '').toLowerCase() === (p.givenName ?? '').toLowerCase() && (k.familyName ?? '').toLowerCase() === (p.familyName ?? '').toLowerCase();

/** Persons with parental responsibility for a child, and kontaktpersoner of a child, from the links that point the other way. */
export function inverseRelations(ctx: Ctx): { parentsOf: Map<Person, Person[]>; contactsOf: Map<Person, Kontaktperson[]> } {
  const parentsOf = new Map<Person, Person[]>();
  const contactsOf = new Map<Person, Kontaktperson[]>();
  for (const parent of ctx.src.person.list) {
    for (const href of parent.foreldreansvar) {
      const child = ctx.src.person.get(href);
      if (child) parentsOf.set(child, [...(parentsOf.get(child) ?? []), parent]);
    }
  }
  for (const k of ctx.src.kontaktperson.list) {
    for (const href of k.kontaktperson) {
      const child = ctx.src.person.get(href);
      if (child) contactsOf.set(child, [...(contactsOf.get(child) ?? []), k]);
    }
  }
  return { parentsOf, contactsOf };
}

export function mapGuardians(ctx: Ctx, students: Map<RosterStudent, Person>): void {
  const { parentsOf, contactsOf } = inverseRelations(ctx);
  const made = new Set<string>();
  for (const [student, child] of students) {
    const responsible = new Map<Person, string>();
    const add = (guardianPersonId: string, relation: 'mother' | 'father' | 'other', parentalResponsibility: boolean, livesWith: boolean, at: typeof child.at) => {
      const sourceId = `${student.sourceId}:${guardianPersonId}`;
      if (made.has(sourceId)) return;
      made.add(sourceId);
      ctx.roster.guardianships.push({ sourceId, at, studentId: student.sourceId, guardianPersonId, relation, parentalResponsibility, livesWith });
    };
    const parents = new Set<Person>(parentsOf.get(child) ?? []);
    for (const href of child.foreldre) {
      const parent = ctx.src.person.get(href);
      if (parent) parents.add(parent);
      else brokenLink(ctx, child.at, 'foreldre', href);
    }
    for (const parent of parents) {
      const id = personOf(ctx, parent, { withNin: true });
      if (id === null) continue;
      responsible.set(parent, id);
      add(id, relationFromSex(parent.sex), true, sameHome(child, parent), child.at);
    }
    const contacts = new Set<Kontaktperson>(contactsOf.get(child) ?? []);
    for (const href of child.parorende) {
      const k = ctx.src.kontaktperson.get(href);
      if (k) contacts.add(k);
      else brokenLink(ctx, child.at, 'parorende', href);
    }
    for (const k of contacts) {
      const type = guardianTypeFrom(k.type);
      if (!type || !hasId(ctx, k)) continue;
      const own = k.person !== null ? ctx.src.person.get(k.person) : undefined;
      if (k.person !== null && !own) {
        brokenLink(ctx, k.at, 'person', k.person);
        continue;
      }
      const match = own ?? [...responsible.keys()].find((p) => sameName(k, p));
      const known = match ? responsible.get(match) : undefined;
      if (known) {
        addContactDetails(ctx, known, k);
        continue;
      }
      const id = match ? personOf(ctx, match, { withNin: true, email: k.email, phone: k.phone }) : contactPersonOf(ctx, k);
      if (id === null) continue;
      const relation = type.relation !== 'other' ? type.relation : relationFromSex(match?.sex ?? null);
      add(id, relation, k.parentalResponsibility === true, match ? sameHome(child, match) : false, k.at);
    }
  }
}
