/**
 * The demo school's annual cycle (R-30…R-33): the default cycle Elevlos ships (seeds 000/001/003), and
 * the class-team meetings held in week 40 — every Vg2/Vg3 class of Studiespesialisering but 2STB (the Vg1 classes
 * hold theirs after the screening) — so the compliance view has something to show.
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
  // the class-team meetings held in week 40 (features/screening), which the routine counts as done
  await database.query(
    `insert into class_team_meeting (owner_id, id, basis_group_id, week, held_on, learning_environment, updated_by_person_id)
     select $1, gen_random_uuid(), bg.id, 40, date '2026-09-30', 'Godt læringsmiljø; klassen samarbeider godt.', $3
     from basis_group bg where bg.owner_id = $1 and bg.school_id = $2 and bg.school_year_id = $6 and bg.id <> $4 and bg.department_id = $5 and bg.level <> 'vg1'`,
    [info.ownerId, info.schoolId, head.personId, info.hardCases.basisGroup2STBId, info.hardCases.studiespesialiseringDepartmentId, year.id]);
}
