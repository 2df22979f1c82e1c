/**
 * Demo data for cases (sak, R-53, R-54): two cases about 2STA students who are none of the hard cases
 * the tests lean on — one raised by the maths teacher and registered for the resource team, with a
 * chronology, the counsellor and an external PPT advisor (a name, not an account) taking part and an
 * outcome; one raised by the contact teacher for its participants only. Everyone is generated.
 */
import type { Database } from '../core/db/client.js';
import type { DemoInfo } from './demo.js';

export async function seedCasesDemo(database: Database, info: DemoInfo): Promise<void> {
  const h = info.hardCases;
  const o = info.ownerId;
  const person = (username: string) => info.logins.find((l) => l.username === username)!.personId;
  const [faglarer, kontaktlarer, radgiver] = [person('faglarer'), person('kontaktlarer'), person('radgiver')];
  await database.transaction(async (q) => {
    const students = (await q<{ student_id: string }>(
      `select e.student_id from enrolment e join enrolment b on b.owner_id = e.owner_id and b.student_id = e.student_id and b.basis_group_id = $3 and b.ends_on is null
       where e.owner_id = $1 and e.teaching_group_id = $2 and e.ends_on is null and e.student_id <> all($4::uuid[])
       order by e.student_id limit 2`,
      [o, h.teachingGroup2STAMATId, h.basisGroup2STAId, Object.values(h).filter((v): v is string => typeof v === 'string')])).map((r) => r.student_id);
    const [first, second] = students;
    if (!first || !second) return;

    const insertCase = async (c: { studentId: string; title: string; background: string; by: string; byPerson: string; on: string; visibility: string; registered: boolean }) => {
      const [row] = await q<{ id: string }>(`insert into cases (owner_id, id, student_id, title, background, raised_by_staff_member_id, raised_on, visibility,
          resource_team_registered_at, resource_team_registered_by_person_id, created_by_person_id, created_at)
        values ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7, case when $8::boolean then ($6::date + time '14:00') at time zone 'Europe/Oslo' end,
          case when $8::boolean then $9::uuid end, $9, ($6::date + time '13:00') at time zone 'Europe/Oslo') returning id`,
      [o, c.studentId, c.title, c.background, c.by, c.on, c.visibility, c.registered, c.byPerson]);
      return row!.id;
    };
    const event = (caseId: string, kind: string, on: string, description: string, doneBy: string, byPerson: string) =>
      q(`insert into case_event (owner_id, id, case_id, kind, occurred_on, description, done_by, entered_by_person_id, entered_at)
        values ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7, ($4::date + time '15:00') at time zone 'Europe/Oslo')`, [o, caseId, kind, on, description, doneBy, byPerson]);
    const participant = (caseId: string, staffMemberId: string | null, externalName: string | null, role: string, byPerson: string) =>
      q(`insert into case_participant (owner_id, id, case_id, staff_member_id, external_name, role, added_by_person_id)
        values ($1, gen_random_uuid(), $2, $3, $4, $5, $6)`, [o, caseId, staffMemberId, externalName, role, byPerson]);

    const maths = await insertCase({
      studentId: first, title: 'Faller av faglig i matematikk', by: h.subjectTeacherStaffMemberId, byPerson: faglarer, on: '2026-10-12',
      background: 'Har levert tre tomme prøver siden september og sier selv at hun ikke henger med. Virker lei seg i timene.',
      visibility: 'counsellorAndLeaders', registered: true,
    });
    await event(maths, 'raised', '2026-10-12', 'Faller av faglig i matematikk', '', faglarer);
    await event(maths, 'registeredForResourceTeam', '2026-10-12', '', '', faglarer);
    await event(maths, 'entry', '2026-10-15', 'Samtale med eleven om matematikk. Hun ønsker hjelp, men vil ikke ha det i klasserommet.', 'Sosiallærer', radgiver);
    await participant(maths, null, 'Siri Nordby', 'PP-rådgiver', radgiver);
    await event(maths, 'participantAdded', '2026-10-15', 'Siri Nordby (PP-rådgiver)', '', radgiver);
    await q(`update cases set outcome = 'furtherMapping', outcome_reason = 'Ressursteamet ønsker en kartlegging av regneferdigheter før tiltak velges.',
        outcome_on = '2026-10-27', outcome_by_person_id = $3 where owner_id = $1 and id = $2`, [o, maths, radgiver]);
    await event(maths, 'outcome', '2026-10-27', 'Ressursteamet ønsker en kartlegging av regneferdigheter før tiltak velges.', 'furtherMapping', radgiver);

    const tired = await insertCase({
      studentId: second, title: 'Sliten og mye borte på mandager', by: h.contactTeacherStaffMemberId, byPerson: kontaktlarer, on: '2026-11-02',
      background: 'Har vært borte fire mandager siden høstferien og sovner ofte i første time.',
      visibility: 'participants', registered: false,
    });
    await event(tired, 'raised', '2026-11-02', 'Sliten og mye borte på mandager', '', kontaktlarer);
    await participant(tired, h.counsellorStaffMemberId, null, 'sosiallærer', kontaktlarer);
    const [counsellor] = await q<{ name: string }>(`select p.given_name || ' ' || p.family_name as name from staff_member sm
      join person p on p.owner_id = sm.owner_id and p.id = sm.person_id where sm.owner_id = $1 and sm.id = $2`, [o, h.counsellorStaffMemberId]);
    await event(tired, 'participantAdded', '2026-11-02', `${counsellor!.name} (sosiallærer)`, '', kontaktlarer);
  });
}
