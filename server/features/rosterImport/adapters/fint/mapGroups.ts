/**
 * Classes (`klasse`, FINT 3's `basisgruppe`) → basis groups, `undervisningsgruppe` → teaching groups
 * with their `fag` as the subject, and each membership (`…medlemskap`) → an enrolment. A membership's
 * `gyldighetsperiode.slutt` is FINT's last day; the roster's `endsOn` is the day after. A membership
 * also ends when the student's elevforhold does (they left the school), whatever the membership says.
 */
import type { Level } from '../../../../core/db/tables.js';
import type { RosterBasisGroup, RosterEnrolment, RosterSubject, RosterTeachingGroup } from '../../roster.js';
import { levelFrom, subjectCodeFrom } from './codes.js';
import { addDays, hrefValue } from './hal.js';
import { brokenLink, hasId, report, schoolOf, yearOf, type Ctx } from './mapContext.js';
import type { Elevforhold, Gruppe, Medlemskap } from './resources.js';

export interface Groups {
  basis: Map<Gruppe, RosterBasisGroup>;
  teaching: Map<Gruppe, RosterTeachingGroup>;
}

function levelOfGroup(ctx: Ctx, g: Gruppe): Level | null {
  for (const href of g.trinn) {
    const trinn = ctx.src.arstrinn.get(href);
    const level = levelFrom(trinn?.navn, trinn?.beskrivelse, ...(trinn?.grep ?? []), trinn?.id, hrefValue(href));
    if (level) return level;
  }
  return levelFrom(g.beskrivelse);
}

export function mapBasisGroups(ctx: Ctx): Map<Gruppe, RosterBasisGroup> {
  const basis = new Map<Gruppe, RosterBasisGroup>();
  for (const g of ctx.src.klasse.list) {
    const schoolId = schoolOf(ctx, g.skole, g.at);
    if (schoolId === null || !hasId(ctx, g)) continue;
    if (g.navn === null) {
      report(ctx, g.at, 'navn', 'rosterImport.fint.missingValue', { field: 'navn' });
      continue;
    }
    const level = levelOfGroup(ctx, g);
    if (level === null) {
      report(ctx, g.at, '_links.trinn', 'rosterImport.fint.noLevel');
      continue;
    }
    const schoolYearId = yearOf(ctx, g);
    if (schoolYearId === null) continue;
    const group: RosterBasisGroup = { sourceId: g.id, at: g.at, schoolId, schoolYearId, departmentId: null, name: g.navn, level };
    basis.set(g, group);
    ctx.roster.basisGroups.push(group);
  }
  return basis;
}

function subjectOf(ctx: Ctx, fag: Gruppe & { id: string }, made: Map<string, RosterSubject>): RosterSubject {
  const existing = made.get(fag.id);
  if (existing) return existing;
  const code = subjectCodeFrom(...fag.grep, fag.navn, fag.id) ?? fag.navn ?? fag.id;
  // some providers put the code in navn and the name in beskrivelse, others the other way round
  const name = fag.navn !== null && fag.navn.toUpperCase() !== code ? fag.navn : (fag.beskrivelse ?? fag.navn ?? code);
  const subject: RosterSubject = { sourceId: fag.id, at: fag.at, code, name, annualHours: ctx.subjectHours[code] ?? 0 };
  ctx.roster.subjects.push(subject);
  made.set(fag.id, subject);
  return subject;
}

export function mapTeachingGroups(ctx: Ctx): Map<Gruppe, RosterTeachingGroup> {
  const teaching = new Map<Gruppe, RosterTeachingGroup>();
  const subjects = new Map<string, RosterSubject>();
  for (const g of ctx.src.undervisningsgruppe.list) {
    const schoolId = schoolOf(ctx, g.skole, g.at);
    if (schoolId === null || !hasId(ctx, g)) continue;
    if (g.navn === null) {
      report(ctx, g.at, 'navn', 'rosterImport.fint.missingValue', { field: 'navn' });
      continue;
    }
    const fag = ctx.src.fag.get(g.fag[0] ?? null);
    if (!fag) {
      brokenLink(ctx, g.at, 'fag', g.fag[0] ?? null);
      continue;
    }
    if (!hasId(ctx, fag)) continue;
    const schoolYearId = yearOf(ctx, g);
    if (schoolYearId === null) continue;
    const group: RosterTeachingGroup = { sourceId: g.id, at: g.at, schoolId, schoolYearId, subjectId: subjectOf(ctx, fag, subjects).sourceId, name: g.navn };
    teaching.set(g, group);
    ctx.roster.teachingGroups.push(group);
  }
  return teaching;
}

/** videregående when any class is on a Vg level, grunnskole when all are on grades, videregående when FINT does not say. */
export function mapSchools(ctx: Ctx, basis: Map<Gruppe, RosterBasisGroup>): void {
  const levels = new Map<string, Set<Level>>();
  for (const g of basis.values()) {
    const set = levels.get(g.schoolId) ?? new Set<Level>();
    set.add(g.level);
    levels.set(g.schoolId, set);
  }
  for (const skole of ctx.schools.values()) {
    if (skole.id === null || skole.name === null) continue;
    const used = [...(levels.get(skole.id) ?? [])];
    const stage = used.length > 0 && used.every((l) => l.startsWith('grade')) ? 'compulsory' : 'upperSecondary';
    ctx.roster.schools.push({ sourceId: skole.id, at: skole.at, name: skole.name, stage, organisationNumber: skole.organisationNumber });
  }
}

/** The student an elevforhold belongs to (one per elev and school); null when that student is not mapped. */
export type StudentKeyOf = (ef: Elevforhold) => string | null;

function enrolmentOf(
  ctx: Ctx, m: Medlemskap, kind: 'basis' | 'teaching', group: { sourceId: string; schoolYearId: string }, studentKeyOf: StudentKeyOf,
): RosterEnrolment | null {
  const ef = ctx.src.elevforhold.get(m.elevforhold);
  if (!ef) {
    brokenLink(ctx, m.at, 'elevforhold', m.elevforhold);
    return null;
  }
  const studentId = studentKeyOf(ef);
  if (studentId === null || !hasId(ctx, m)) return null;
  if (m.period.bad.length > 0) {
    report(ctx, m.at, `gyldighetsperiode.${m.period.bad[0]}`, 'rosterImport.fint.badDate');
    return null;
  }
  const startsOn = m.period.start ?? ef.period.start ?? ctx.years.get(group.schoolYearId)?.startsOn ?? null;
  if (startsOn === null) {
    report(ctx, m.at, 'gyldighetsperiode.start', 'rosterImport.fint.missingValue', { field: 'gyldighetsperiode.start' });
    return null;
  }
  const ends = [m.period.end, ef.period.end].filter((d): d is string => d !== null).map((d) => addDays(d, 1));
  if (ef.interrupted !== null) ends.push(ef.interrupted);
  const endsOn = ends.length > 0 ? ends.sort()[0]! : null;
  if (endsOn !== null && endsOn <= startsOn) {
    // the student left before this membership began: nothing to enrol
    if (m.period.end !== null && addDays(m.period.end, 1) <= startsOn) report(ctx, m.at, 'gyldighetsperiode.slutt', 'rosterImport.fint.badPeriod');
    return null;
  }
  // basis and teaching memberships are numbered apart in FINT; the kind keeps their ids apart here
  return { sourceId: `${kind}:${m.id}`, at: m.at, studentId, group: { kind, id: group.sourceId }, startsOn, endsOn };
}

/**
 * The enrolments of both kinds of group. FINT 3 providers without membership collections link a
 * group's students directly (`elevforhold`): those become enrolments for the elevforhold's period.
 */
export function mapEnrolments(ctx: Ctx, groups: Groups, studentKeyOf: StudentKeyOf): void {
  const sets: [Medlemskap[], 'basis' | 'teaching', Map<Gruppe, { sourceId: string; schoolYearId: string }>, Gruppe[]][] = [
    [ctx.src.klassemedlemskap.list, 'basis', groups.basis, ctx.src.klasse.list],
    [ctx.src.undervisningsgruppemedlemskap.list, 'teaching', groups.teaching, ctx.src.undervisningsgruppe.list],
  ];
  for (const [memberships, kind, mapped, all] of sets) {
    const index = kind === 'basis' ? ctx.src.klasse : ctx.src.undervisningsgruppe;
    for (const m of memberships) {
      const g = index.get(m.group);
      if (!g) {
        brokenLink(ctx, m.at, kind === 'basis' ? 'klasse' : 'undervisningsgruppe', m.group);
        continue;
      }
      const group = mapped.get(g);
      if (!group) continue;
      const enrolment = enrolmentOf(ctx, m, kind, group, studentKeyOf);
      if (enrolment) ctx.roster.enrolments.push(enrolment);
    }
    if (memberships.length > 0) continue;
    for (const g of all) {
      const group = mapped.get(g);
      if (!group) continue;
      for (const href of g.elevforhold) {
        const ef = ctx.src.elevforhold.get(href);
        const studentId = ef ? studentKeyOf(ef) : null;
        if (!ef || ef.id === null || studentId === null) continue;
        const direct: Medlemskap = { id: `${group.sourceId}:${ef.id}`, keys: [], at: g.at, elevforhold: href, group: null, period: { start: null, end: null, bad: [] } };
        const enrolment = enrolmentOf(ctx, direct, kind, group, studentKeyOf);
        if (enrolment) ctx.roster.enrolments.push(enrolment);
      }
    }
  }
}
