/**
 * The conversation history of a generated owner up to "today" (R-10…R-18): each school gets the
 * built-in templates and the default plan; students get start-of-year, guardian and subject
 * conversations held, planned or still missing in realistic shares, so the plan shows due and overdue.
 * Runs after the people and groups are final (the demo edits them first).
 */
import type * as s from '../features/conversations/tables.js';
import { builtinTemplates } from '../features/conversations/builtinTemplates.js';
import { templateContentSchema } from '../features/conversations/schemas.js';
import { defaultWindows } from '../features/conversations/planStatus.js';
import { dayNumber, isAdultOn, SCHOOL_YEAR, type ConversationRow, type Dataset } from './generate.js';
import type { Random } from './random.js';


const DAY_MS = 86_400_000;

export interface ConversationOptions {
  ownerId: string;
  schoolYearId: string;
  today: string;
  /** students whose conversations the caller sets up by hand (the demo's hard cases) */
  skipStudentIds?: ReadonlySet<string>;
}

/** A school day's meeting time (08:00–15:00 Oslo, as UTC) between two days, never after `today`. */
function meetingAt(r: Random, from: string, to: string): Date {
  const a = dayNumber(from);
  const b = Math.max(a, dayNumber(to));
  let day = r.int(a, b);
  const weekday = new Date(day * DAY_MS).getUTCDay();
  if (weekday === 0) day += 1;
  if (weekday === 6) day -= 1;
  return new Date(day * DAY_MS + r.int(7 * 4, 14 * 4) * 15 * 60_000);
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

export function addConversations(ds: Dataset, r: Random, opts: ConversationOptions): void {
  const { ownerId, schoolYearId, today } = opts;
  const templateOf = new Map<string, string>(); // `${schoolId}:${kind}` → version id
  for (const school of ds.school) {
    for (const b of builtinTemplates) {
      const templateId = r.uuid();
      const versionId = r.uuid();
      const content = templateContentSchema.parse(b.content);
      ds.conversationTemplate.push({ ownerId, id: templateId, schoolId: school.id, kind: b.kind, builtinKey: b.key });
      ds.conversationTemplateVersion.push({ ownerId, id: versionId, templateId, version: 1, title: content.title, sections: content.sections });
      templateOf.set(`${school.id}:${b.kind}`, versionId);
    }
    const planId = r.uuid();
    ds.conversationPlan.push({ ownerId, id: planId, schoolId: school.id, schoolYearId, conversationsPerYear: 3 });
    defaultWindows(SCHOOL_YEAR.startsOn).forEach((w, position) =>
      ds.conversationWindow.push({ ownerId, id: r.uuid(), planId, ...w, position }));
  }

  const staffPerson = new Map(ds.staffMember.map((m) => [m.id, m.personId]));
  const contactTeacherOf = new Map<string, string>();
  for (const a of ds.contactTeacherAssignment) if (!contactTeacherOf.has(a.basisGroupId)) contactTeacherOf.set(a.basisGroupId, staffPerson.get(a.staffMemberId)!);
  const subjectTeacherOf = new Map<string, string>();
  for (const a of ds.subjectTeacherAssignment) if (!subjectTeacherOf.has(a.teachingGroupId)) subjectTeacherOf.set(a.teachingGroupId, staffPerson.get(a.staffMemberId)!);
  const personById = new Map(ds.person.map((p) => [p.id, p]));
  const current = (e: { endsOn?: string | null; startsOn: string }) => e.startsOn <= today && (!e.endsOn || e.endsOn > today);
  const enrolments = new Map<string, typeof ds.enrolment>();
  for (const e of ds.enrolment) if (current(e)) enrolments.set(e.studentId, [...(enrolments.get(e.studentId) ?? []), e]);
  const guardiansOf = new Map<string, typeof ds.guardianship>();
  for (const g of ds.guardianship) guardiansOf.set(g.studentId, [...(guardiansOf.get(g.studentId) ?? []), g]);
  const consented = new Set(ds.consent.filter((c) => !c.withdrawnAt).map((c) => `${c.studentId}:${c.guardianPersonId}`));

  // only what lies before today has been held
  const held = (at: Date, by: string) => (dayOf(at) <= today ? { heldAt: at, heldByPersonId: by } : {});
  const add = (c: Omit<ConversationRow, 'ownerId' | 'id' | 'schoolYearId'>) => {
    ds.conversation.push({ ownerId, id: r.uuid(), schoolYearId, ...c });
  };

  for (const st of ds.student) {
    if (st.status === 'left' || opts.skipStudentIds?.has(st.id)) continue;
    const mine = enrolments.get(st.id) ?? [];
    const basis = mine.find((e) => e.basisGroupId)?.basisGroupId;
    const contactTeacher = basis ? contactTeacherOf.get(basis) : undefined;
    if (!contactTeacher) continue;
    const version = (kind: s.ConversationKind) => templateOf.get(`${st.schoolId}:${kind}`) ?? null;
    const birthDate = personById.get(st.personId)?.birthDate ?? null;
    const adult = birthDate ? isAdultOn(birthDate, today) : false;

    // start-of-year: most held in the window, a few planned late, some still missing (overdue)
    const roll = r.float();
    if (roll < 0.9) {
      const at = meetingAt(r, '2026-08-24', '2026-09-30');
      add({ studentId: st.id, kind: 'startOfYear', templateVersionId: version('startOfYear'), holderPersonId: contactTeacher, plannedAt: at, ...held(at, contactTeacher), createdByPersonId: contactTeacher, place: 'Grupperom 2' });
      if (dayOf(at) <= today) addNotes(ds, r, ownerId, ds.conversation[ds.conversation.length - 1]!.id, contactTeacher, at);
    } else if (roll < 0.94) {
      add({ studentId: st.id, kind: 'startOfYear', templateVersionId: version('startOfYear'), holderPersonId: contactTeacher, plannedAt: meetingAt(r, '2026-12-01', '2026-12-11'), createdByPersonId: contactTeacher, place: 'Grupperom 2' });
    }

    // guardian conference: offered to guardians with insight; held, planned or declined
    const withInsight = (guardiansOf.get(st.id) ?? []).filter((g) => (adult ? consented.has(`${st.id}:${g.guardianPersonId}`) : g.parentalResponsibility));
    if (withInsight.length > 0 && r.chance(0.88)) {
      const offeredAt = meetingAt(r, '2026-09-01', '2026-09-20');
      const declined = r.chance(0.05);
      for (const g of withInsight) {
        ds.guardianConferenceOffer.push({ ownerId, id: r.uuid(), studentId: st.id, schoolYearId, guardianPersonId: g.guardianPersonId, offeredAt, offeredByPersonId: contactTeacher, toldOfRight: true, declinedAt: declined ? new Date(offeredAt.getTime() + 3 * DAY_MS) : null });
      }
      const next = r.float();
      if (!declined && next < 0.7) {
        const at = meetingAt(r, '2026-10-05', '2026-11-20');
        add({ studentId: st.id, kind: 'guardian', templateVersionId: version('guardian'), holderPersonId: contactTeacher, plannedAt: at, ...held(at, contactTeacher), createdByPersonId: contactTeacher, place: 'Møterom 1' });
      } else if (!declined && next < 0.85) {
        add({ studentId: st.id, kind: 'guardian', templateVersionId: version('guardian'), holderPersonId: contactTeacher, plannedAt: meetingAt(r, '2026-11-30', '2026-12-10'), createdByPersonId: contactTeacher, place: 'Møterom 1' });
      }
    }

    // subject conversations by mid-November: about half of the groups so far
    for (const e of mine) {
      if (!e.teachingGroupId || !r.chance(0.5)) continue;
      const teacher = subjectTeacherOf.get(e.teachingGroupId);
      if (!teacher) continue;
      const at = meetingAt(r, '2026-10-01', '2026-11-20');
      add({ studentId: st.id, kind: 'subject', teachingGroupId: e.teachingGroupId, templateVersionId: version('subject'), holderPersonId: teacher, plannedAt: at, ...held(at, teacher), createdByPersonId: teacher });
    }
  }
}

const generatedNotes = [
  { sectionKey: 'start', text: 'Trives i klassen og har funnet seg til rette.' },
  { sectionKey: 'learning', text: 'Lærer best med korte arbeidsøkter og tydelige frister.' },
  { sectionKey: 'goals', text: 'Vil jobbe jevnere med leksene og spørre tidligere om hjelp.' },
] as const;

/** What a contact teacher typically writes in a held start-of-year conversation, and one agreed follow-up. */
function addNotes(ds: Dataset, r: Random, ownerId: string, conversationId: string, author: string, at: Date): void {
  for (const n of generatedNotes) {
    if (!r.chance(0.6)) continue;
    ds.conversationNote.push({ ownerId, id: r.uuid(), conversationId, sectionKey: n.sectionKey, text: n.text, authorPersonId: author, createdAt: at, updatedAt: at });
  }
  if (r.chance(0.4)) {
    ds.conversationFollowUp.push({ ownerId, id: r.uuid(), conversationId, description: 'Lage en ukeplan for lekser og prøver', responsible: 'student', dueOn: dayOf(new Date(at.getTime() + 14 * DAY_MS)), createdByPersonId: author, createdAt: at });
  }
}
