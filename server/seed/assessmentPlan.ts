/**
 * Demo assessment plans for 2STA's groups across November–December 2026, added after the demo
 * school is in place. One conflict is planted on purpose: 2SOS-A's test on the Friday after 2STA's
 * trip day (the rule "no test the day after a trip day"), which the class page and the students in
 * 2SOS-A see. Seeded rows bypass the save check, as entries imported from another system would.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../core/db/client.js';
import type { AssessmentPlanEntryKind } from '../features/assessmentPlan/tables.js';
import type { DemoInfo } from './demo.js';

interface SeedEntry {
  group: string | null;
  basis?: boolean;
  kind: AssessmentPlanEntryKind;
  title: string;
  description?: string;
  startsOn: string;
  endsOn?: string;
}

export const DEMO_ASSESSMENT_PLAN: readonly SeedEntry[] = [
  { group: '2STA', basis: true, kind: 'culturalEvent', title: 'Teaterforestilling: Et dukkehjem', description: 'Vi går samlet til kulturhuset etter lunsj.', startsOn: '2026-11-26' },
  { group: '2STA-NOR', kind: 'test', title: 'Prøve i novelleanalyse', startsOn: '2026-11-12' },
  { group: '2STA-NOR', kind: 'project', title: 'Fordypningsoppgave om Ibsen', description: 'Skriftlig oppgave med muntlig presentasjon.', startsOn: '2026-11-16', endsOn: '2026-12-04' },
  { group: '2STA-MAT', kind: 'test', title: 'Prøve i derivasjon', startsOn: '2026-12-01' },
  { group: '2STA-NOR', kind: 'test', title: 'Prøve i sidemål', startsOn: '2026-12-03' },
  { group: '2STA-HIS', kind: 'fullDayTest', title: 'Heldagsprøve i historie', description: 'Kilder og kildekritikk, 1800-tallet.', startsOn: '2026-12-08' },
  { group: '2STA', basis: true, kind: 'excursion', title: 'Ekskursjon til Nordfjell museum', description: 'Oppmøte ved skolen kl. 08.15, tilbake ca. 15.00.', startsOn: '2026-12-10' },
  // the planted conflict: a test on the first school day after the trip day
  { group: '2SOS-A', kind: 'test', title: 'Prøve i sosiologi', startsOn: '2026-12-11' },
  { group: null, kind: 'culturalEvent', title: 'Juleavslutning i aulaen', startsOn: '2026-12-18' },
];

export async function seedAssessmentPlan(database: Database, info: DemoInfo): Promise<void> {
  const q = database.query;
  const ownerId = info.ownerId;
  const [year] = await q<{ school_year_id: string; school_id: string }>('select school_year_id, school_id from basis_group where owner_id = $1 and id = $2', [ownerId, info.hardCases.basisGroup2STAId]);
  if (!year) return;
  const groups = new Map((await q<{ id: string; name: string; subject_id: string; teacher: string | null }>(
    `select tg.id, tg.name, tg.subject_id,
       (select sm.person_id from subject_teacher_assignment a join staff_member sm on sm.owner_id = a.owner_id and sm.id = a.staff_member_id
        where a.owner_id = tg.owner_id and a.teaching_group_id = tg.id order by sm.person_id limit 1) as teacher
     from teaching_group tg where tg.owner_id = $1 and tg.school_year_id = $2`, [ownerId, year.school_year_id])).map((g) => [g.name, g]));
  const [kt] = await q<{ person_id: string }>('select person_id from staff_member where owner_id = $1 and id = $2', [ownerId, info.hardCases.contactTeacherStaffMemberId]);
  const [principal] = await q<{ person_id: string }>('select person_id from staff_member where owner_id = $1 and id = $2', [ownerId, info.hardCases.principalStaffMemberId]);
  for (const e of DEMO_ASSESSMENT_PLAN) {
    const tg = e.group && !e.basis ? groups.get(e.group) : undefined;
    if (e.group && !e.basis && !tg) continue;
    await q(
      `insert into assessment_plan_entry (owner_id, id, school_id, school_year_id, teaching_group_id, basis_group_id, subject_id, kind, title, description, starts_on, ends_on, created_by_person_id, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, '2026-11-02T10:00:00+01:00', '2026-11-02T10:00:00+01:00')`,
      [ownerId, randomUUID(), year.school_id, year.school_year_id, tg?.id ?? null, e.basis ? info.hardCases.basisGroup2STAId : null, tg?.subject_id ?? null,
        e.kind, e.title, e.description ?? '', e.startsOn, e.endsOn ?? null, tg?.teacher ?? (e.group ? kt!.person_id : principal!.person_id)],
    );
  }
}
