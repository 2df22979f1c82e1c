/**
 * Demo data for meetings: the resource team's fixed members and an October meeting with a case on
 * its agenda; for a 2STA student who is none of the hard cases the tests lean on, a collaboration meeting
 * with minutes shared with the guardians and an open action, an interdisciplinary meeting with BUP (a
 * name, not an account) under a consent that covers the guardians only, and the next collaboration
 * meeting, where the open action is waiting. Everyone is generated.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../core/db/client.js';
import type { DemoInfo } from './demo.js';

export async function seedMeetingsDemo(database: Database, info: DemoInfo): Promise<void> {
  const h = info.hardCases;
  const o = info.ownerId;
  const person = (username: string) => info.logins.find((l) => l.username === username)!.personId;
  const [kontaktlarer, radgiver, rektor] = [person('kontaktlarer'), person('radgiver'), person('rektor')];
  await database.transaction(async (q) => {
    const [school] = await q<{ school_id: string }>('select school_id from staff_member where owner_id = $1 and id = $2', [o, h.counsellorStaffMemberId]);
    const students = (await q<{ student_id: string }>(
      `select e.student_id from enrolment e where e.owner_id = $1 and e.basis_group_id = $2 and e.ends_on is null and e.student_id <> all($3::uuid[])
       order by e.student_id desc limit 1`,
      [o, h.basisGroup2STAId, Object.values(h).filter((v): v is string => typeof v === 'string')])).map((r) => r.student_id);
    const studentId = students[0];
    if (!school || !studentId) return;
    const [guardian] = await q<{ guardian_person_id: string }>(
      'select guardian_person_id from guardianship where owner_id = $1 and student_id = $2 and parental_responsibility order by guardian_person_id limit 1', [o, studentId]);

    for (const staffMemberId of [h.counsellorStaffMemberId, h.principalStaffMemberId]) {
      await q('insert into resource_team_member (owner_id, school_id, staff_member_id, added_by_person_id) values ($1, $2, $3, $4)', [o, school.school_id, staffMemberId, rektor]);
    }
    const meeting = async (kind: string, at: string, place: string, minutes: string, by: string) => {
      const id = randomUUID();
      await q(`insert into meeting (owner_id, id, school_id, kind, starts_at, place, minutes, minutes_updated_at, minutes_updated_by_person_id, created_by_person_id)
        values ($1, $2, $3, $4, $5, $6, $7, case when $7 <> '' then $5::timestamptz + interval '2 hours' end, case when $7 <> '' then $8::uuid end, $8)`,
      [o, id, school.school_id, kind, at, place, minutes, by]);
      return id;
    };
    const participant = async (meetingId: string, kind: string, personId: string | null, name = '', organisation = '', role = '') => {
      const id = randomUUID();
      await q(`insert into meeting_participant (owner_id, id, meeting_id, kind, person_id, name, organisation, role) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [o, id, meetingId, kind, personId, name, organisation, role]);
      return id;
    };
    const about = (meetingId: string) => q('insert into meeting_student (owner_id, meeting_id, student_id) values ($1, $2, $3)', [o, meetingId, studentId]);

    // the resource team in October, with the case registered for it
    const team = await meeting('resourceTeam', '2026-10-27T14:00:00+01:00', 'Rektors kontor', 'Teamet drøftet saken og ønsker en kartlegging av regneferdigheter.', radgiver);
    for (const p of [radgiver, rektor]) await participant(team, 'staff', p);
    const [registered] = await q<{ id: string; student_id: string; title: string }>(
      'select id, student_id, title from cases where owner_id = $1 and resource_team_registered_at is not null order by raised_on limit 1', [o]);
    if (registered) {
      await q(`insert into meeting_agenda_item (owner_id, id, meeting_id, position, title, student_id, case_id) values ($1, $2, $3, 1, $4, $5, $6)`,
        [o, randomUUID(), team, registered.title, registered.student_id, registered.id]);
      await q('insert into meeting_student (owner_id, meeting_id, student_id) values ($1, $2, $3)', [o, team, registered.student_id]);
    }

    // a collaboration meeting with the family, its minutes shared on purpose and an action still open
    const minutes = 'Eleven trives i klassen, men synes matematikk er tungt. Vi avtalte leksehjelp på tirsdager og en ny prat før jul.';
    const first = await meeting('collaboration', '2026-11-05T15:00:00+01:00', 'Møterom 2', minutes, kontaktlarer);
    await about(first);
    const kt = await participant(first, 'staff', kontaktlarer);
    await participant(first, 'staff', radgiver);
    if (guardian) await participant(first, 'guardian', guardian.guardian_person_id);
    await q(`insert into meeting_decision (owner_id, id, meeting_id, student_id, text, created_by_person_id) values ($1, $2, $3, $4, $5, $6)`,
      [o, randomUUID(), first, studentId, 'Eleven får tilbud om leksehjelp på tirsdager.', kontaktlarer]);
    const [ktName] = await q<{ name: string }>(`select given_name || ' ' || family_name as name from person where owner_id = $1 and id = $2`, [o, kontaktlarer]);
    await q(`insert into meeting_action (owner_id, id, meeting_id, student_id, description, responsible_participant_id, responsible_name, due_on, created_by_person_id)
      values ($1, $2, $3, $4, $5, $6, $7, '2026-11-19', $8)`, [o, randomUUID(), first, studentId, 'Melde eleven på leksehjelpen.', kt, ktName!.name, kontaktlarer]);
    await q(`insert into meeting_minutes_share (owner_id, id, meeting_id, recipient, text, shared_by_person_id, shared_at)
      values ($1, $2, $3, 'guardians', $4, $5, '2026-11-06T08:30:00+01:00')`, [o, randomUUID(), first, minutes, kontaktlarer]);

    // an interdisciplinary meeting with BUP under a consent that covers the guardians only
    const inter = await meeting('interdisciplinary', '2026-11-18T12:00:00+01:00', 'Møterom 1', 'BUP orienterte om oppfølgingen. Skolen legger til rette i matematikk.', radgiver);
    await about(inter);
    await participant(inter, 'staff', radgiver);
    await participant(inter, 'external', null, 'Jonas Berg', 'BUP', 'psykolog');
    if (guardian) {
      await q(`update meeting set consent_given_by_person_id = $3, consent_given_on = '2026-11-18', consent_covers_guardians = true,
          consent_note = 'Samtykke til at referatet deles med foresatte, ikke med BUP.' where owner_id = $1 and id = $2`, [o, inter, guardian.guardian_person_id]);
    }

    // the next collaboration meeting: the open action from November is waiting there
    const next = await meeting('collaboration', '2026-12-10T15:00:00+01:00', 'Møterom 2', '', kontaktlarer);
    await about(next);
    await participant(next, 'staff', kontaktlarer);
  });
}
