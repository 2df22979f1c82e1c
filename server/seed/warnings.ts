/**
 * Demo warnings (R-22, L-20): a few in each state for the demo school, made through the feature's own
 * service so the letters are real documents — a proposed IV warning in maths, a letter approved and not
 * yet sent, a sent letter the student has read, and a sent warning later withdrawn. Generated people only;
 * the hard cases the tests lean on (elev, the adults, protected addresses) are left without warnings.
 */
import type { Database } from '../core/db/client.js';
import { loadActor, loadStudentFacts } from '../core/policy/facts.js';
import { markRead } from '../features/warnings/queries/letters.js';
import { approveLetter, raiseWarning, sendLetter, withdrawWarning } from '../features/warnings/service.js';
import type { DemoInfo } from './demo.js';

export async function seedWarnings(database: Database, info: DemoInfo): Promise<void> {
  const h = info.hardCases;
  const ownerId = info.ownerId;
  const personOfStaff = async (staffMemberId: string) =>
    (await database.query<{ person_id: string }>('select person_id from staff_member where owner_id = $1 and id = $2', [ownerId, staffMemberId]))[0]!.person_id;
  const kt = await loadActor(database, ownerId, await personOfStaff(h.contactTeacherStaffMemberId));
  const fag = await loadActor(database, ownerId, await personOfStaff(h.subjectTeacherStaffMemberId));
  if (!kt || !fag) return;
  const [math] = await database.query<{ subject_id: string }>('select subject_id from teaching_group where owner_id = $1 and id = $2', [ownerId, h.teachingGroup2STAMATId]);

  const facts = async (id: string, day: string) => (await loadStudentFacts(database, ownerId, id, day))!;
  const [nearLimit, fullDays, lates, mondays] = await Promise.all([
    facts(h.absenceNearLimitStudentId, '2026-11-23'), facts(h.fullDaysStudentId, '2026-11-24'),
    facts(h.lateArrivalsStudentId, '2026-11-10'), facts(h.sameWeekdayStudentId, '2026-11-02'),
  ]);
  await database.transaction(async (q) => {

    // proposed by the maths teacher, waiting in the contact teacher's queue
    await raiseWarning(q, fag, nearLimit, '2026-11-23', {
      kind: 'notAssessed', subjectId: math!.subject_id, dueOn: '2026-12-07',
      grounds: 'Eleven har 7,3 timer fravær som teller mot grensen i matematikk, 9 % av timene i faget. Eleven har ikke levert de to siste innleveringene.',
      requirement: 'Eleven må møte i alle timene i faget og levere innleveringene om funksjoner og derivasjon innen fristen.',
    });

    // approved as one letter, not yet sent
    const order = await raiseWarning(q, kt, fullDays, '2026-11-24', {
      kind: 'conduct', conductAspect: 'order', dueOn: '2026-12-08',
      grounds: 'Eleven har vært borte tre hele dager de siste to ukene uten å gi beskjed, og har kommet for sent flere ganger.',
      requirement: 'Eleven må gi beskjed til kontaktlæreren samme dag ved fravær og møte presis.',
    });
    await approveLetter(q, kt, fullDays, [order], 'digital', undefined);

    // sent on 10 November and read by the student
    const late = await raiseWarning(q, kt, lates, '2026-11-09', {
      kind: 'conduct', conductAspect: 'order', dueOn: '2026-12-01',
      grounds: 'Eleven har kommet for sent til første time seks ganger siden høstferien.',
      requirement: 'Eleven må møte presis til første time fram til fristen.',
    });
    const sentLetter = await approveLetter(q, kt, lates, [late], 'digital', undefined);
    const sent = await sendLetter(q, kt, lates, sentLetter, '2026-11-10');
    const studentCopy = sent.copies.find((c) => c.role === 'student');
    if (studentCopy) await markRead(q, ownerId, studentCopy.copyId, studentCopy.personId);

    // sent, then withdrawn when the behaviour had improved
    const behaviour = await raiseWarning(q, kt, mondays, '2026-11-02', {
      kind: 'conduct', conductAspect: 'behaviour', dueOn: '2026-11-20',
      grounds: 'Eleven har forstyrret undervisningen i flere fag de siste ukene.',
      requirement: 'Eleven må følge ordensreglementet og beskjeder fra lærerne.',
    });
    const withdrawnLetter = await approveLetter(q, kt, mondays, [behaviour], 'paper', undefined);
    await sendLetter(q, kt, mondays, withdrawnLetter, '2026-11-02');
    await withdrawWarning(q, kt, h.sameWeekdayStudentId, behaviour, 'Eleven har fulgt opp, og forholdet er rettet opp før fristen.');

    // the demo's history is dated before "today" (the service stamps the real clock)
    await q(`update warning_letter set sent_at = $3::date + time '10:00', approved_at = $3::date + time '09:00' where owner_id = $1 and id = $2`, [ownerId, sentLetter, '2026-11-10']);
    await q(`update warning_letter set sent_at = $3::date + time '10:00', approved_at = $3::date + time '09:00' where owner_id = $1 and id = $2`, [ownerId, withdrawnLetter, '2026-11-02']);
    await q(`update warning_letter set approved_at = '2026-11-24 14:00' where owner_id = $1 and id = (select letter_id from warning_notice where owner_id = $1 and id = $2)`, [ownerId, order]);
    await q(
      `update warning_notice w set sent_at = l.sent_at, raised_at = coalesce(l.approved_at, w.raised_at) - interval '1 day',
         withdrawn_at = case when w.withdrawn_at is not null then timestamptz '2026-11-19 12:00' end
       from warning_letter l where w.owner_id = $1 and l.owner_id = w.owner_id and l.id = w.letter_id`, [ownerId]);
    await q(`update warning_notice set raised_at = '2026-11-23 13:00' where owner_id = $1 and letter_id is null`, [ownerId]);
    await q(
      `update warning_delivery_event e set at = l.sent_at + case when e.kind = 'read' then interval '1 day' else interval '0' end
       from warning_letter_copy c join warning_letter l on l.owner_id = c.owner_id and l.id = c.letter_id
       where e.owner_id = $1 and c.owner_id = e.owner_id and c.id = e.copy_id and l.sent_at is not null`, [ownerId]);
    await q(`update warning_letter_copy c set created_at = l.sent_at from warning_letter l where c.owner_id = $1 and l.owner_id = c.owner_id and l.id = c.letter_id`, [ownerId]);
  });
}
