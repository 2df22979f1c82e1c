/**
 * The demo school's annual cycle (R-30…R-33): the default cycle Elevlos ships (seeds 000/001/003), and
 * the department head's hand ticks for the class-team meetings held in October — every class of Studiespesialisering but 2STB,
 * so the compliance view has something to show.
 */
import type { Database } from '../core/db/client.js';
import { createDefaultCycle } from '../features/annualCycle/service.js';
import type { DemoInfo } from './demo.js';

export async function seedAnnualCycle(database: Database, info: DemoInfo): Promise<void> {
  const [year] = await database.query<{ id: string }>(`select id from school_year where owner_id = $1 and name = '2026/27'`, [info.ownerId]);
  if (!year) return;
  await createDefaultCycle(database, info.ownerId, info.schoolId, year.id, null);
  const head = info.logins.find((l) => l.username === 'avdelingsleder');
  if (!head) return;
  await database.query(
    `insert into routine_hand_tick (owner_id, routine_id, subject_id, teacher_id, ticked_on, ticked_by_person_id)
     select $1, r.id, bg.id, '00000000-0000-0000-0000-000000000000', date '2026-10-07', $3
     from routine r join annual_cycle c on c.owner_id = r.owner_id and c.id = r.cycle_id
     join basis_group bg on bg.owner_id = c.owner_id and bg.school_id = c.school_id and bg.school_year_id = c.school_year_id
     where r.owner_id = $1 and c.school_id = $2 and r.builtin_key = 'classTeamMeetings' and bg.id <> $4 and bg.department_id = $5`,
    [info.ownerId, info.schoolId, head.personId, info.hardCases.basisGroup2STBId, info.hardCases.studiespesialiseringDepartmentId]);
}
