/**
 * Demo data for school-environment cases (R-70, L-33): one case about a generated 2STA student whom the
 * contact teacher saw left out — the counsellor assigned, the investigation documented, an activity plan
 * with two measures (one carried out and evaluated). Everyone is generated. No notices are made, so the
 * principal's notices in the demo stay the other features'.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../core/db/client.js';
import type { DemoInfo } from './demo.js';

export async function seedSchoolEnvironment(database: Database, info: DemoInfo): Promise<void> {
  const h = info.hardCases;
  const o = info.ownerId;
  const person = (username: string) => info.logins.find((l) => l.username === username)!.personId;
  const [kontaktlarer, radgiver, rektor] = [person('kontaktlarer'), person('radgiver'), person('rektor')];
  await database.transaction(async (q) => {
    // a student of 2STA other than the hard cases the tests lean on (and other than discipline's demo case)
    const [st] = await q<{ student_id: string }>(
      `select e.student_id from enrolment e where e.owner_id = $1 and e.basis_group_id = $2 and e.ends_on is null and e.student_id <> all($3::uuid[])
       order by e.student_id limit 1`,
      [o, h.basisGroup2STAId, Object.values(h).filter((v): v is string => typeof v === 'string')]);
    if (!st) return;
    const caseId = randomUUID();
    const [m1, m2] = [randomUUID(), randomUUID()];
    await q(`insert into school_environment_case (owner_id, id, student_id, school_id, reported_by_person_id, reported_on, concern, created_at)
      values ($1, $2, $3, $4, $5, '2026-10-12', $6, '2026-10-12T10:00:00Z')`,
    [o, caseId, st.student_id, info.schoolId, kontaktlarer, 'Eleven sitter alene i friminuttene og sier at noen i klassen ler av henne i gruppechatten.']);
    await q(`insert into school_environment_participant (owner_id, case_id, person_id, added_by_person_id, added_at) values ($1, $2, $3, $4, '2026-10-12T12:00:00Z')`,
      [o, caseId, radgiver, rektor]);
    const measures = [
      { id: m1, description: 'En voksen er ute i storefri og følger med på eleven og klassen.', startsOn: '2026-10-19', endsOn: '2026-12-18', responsible: 'Kontaktlærer', evaluateOn: '2026-11-16' },
      { id: m2, description: 'Samtale med eleven hver uke om hvordan hun har det.', startsOn: '2026-10-19', endsOn: null, responsible: 'Rådgiver', evaluateOn: '2026-12-07' },
    ];
    await q(`insert into activity_plan_version (owner_id, case_id, version, problem, measures, saved_by_person_id, saved_at)
      values ($1, $2, 1, $3, $4::jsonb, $5, '2026-10-16T14:00:00Z')`,
    [o, caseId, 'Eleven blir holdt utenfor i friminuttene og i klassens gruppechat, og føler seg ikke trygg på skolen.', JSON.stringify(measures), rektor]);
    const log: [string, string, string, string, string | null, number | null, string][] = [
      ['reported', '2026-10-12', '', kontaktlarer, null, null, '2026-10-12T10:00:00Z'],
      ['participantAdded', '2026-10-12', '', rektor, null, null, '2026-10-12T12:00:00Z'],
      ['investigation', '2026-10-14', 'Samtale med eleven og med to medelever. Eleven bekrefter at hun blir holdt utenfor.', radgiver, null, null, '2026-10-14T13:00:00Z'],
      ['planSaved', '2026-10-16', '', rektor, null, 1, '2026-10-16T14:00:00Z'],
      ['measureCarriedOut', '2026-10-19', 'Vakt i storefri fra i dag.', kontaktlarer, m1, null, '2026-10-19T11:00:00Z'],
      ['measureEvaluated', '2026-11-16', 'Eleven er med i leken oftere. Fortsetter ut semesteret.', radgiver, m1, null, '2026-11-16T15:00:00Z'],
    ];
    for (const [kind, on, text, by, measureId, version, at] of log) {
      await q(`insert into school_environment_log_entry (owner_id, id, case_id, kind, occurred_on, text, measure_id, plan_version, by_person_id, recorded_at)
        values ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7, $8, $9)`, [o, caseId, kind, on, text, measureId, version, by, at]);
    }
  });
}
