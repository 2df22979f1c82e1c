/**
 * Demo data for conduct grades and discipline: the maths teacher's and the contact
 * teacher's conduct input for 2STA this autumn (Ng in order for a student who was warned, Ng in
 * behaviour for one whose warning was withdrawn, so the § 9-17 block shows), and one disciplinary case with an incident, the student's hearing, a
 * written reprimand for the single incident, and a physical intervention the parents were told of.
 * Everyone is generated; inserted after the demo data set, in one transaction.
 */
import type { Database } from '../core/db/client.js';
import type { DemoInfo } from './demo.js';

export async function seedConductDemo(database: Database, info: DemoInfo): Promise<void> {
  const h = info.hardCases;
  const o = info.ownerId;
  const person = (username: string) => info.logins.find((l) => l.username === username)!.personId;
  const [faglarer, kontaktlarer, rektor] = [person('faglarer'), person('kontaktlarer'), person('rektor')];
  await database.transaction(async (q) => {
    const [term] = await q<{ id: string }>(`select id from term where owner_id = $1 and kind = 'autumn'`, [o]);
    const inGroup = async (groupId: string) => (await q<{ student_id: string }>(
      `select e.student_id from enrolment e join student s on s.owner_id = e.owner_id and s.id = e.student_id
       where e.owner_id = $1 and e.teaching_group_id = $2 and e.ends_on is null and s.status = 'active' order by e.student_id`, [o, groupId])).map((r) => r.student_id);
    const [math, norwegian] = [await inGroup(h.teachingGroup2STAMATId), await inGroup(h.teachingGroup2STANORId)];
    // the late student was warned about order (warnings seed): Ng in order can be set; the Monday student's
    // behaviour warning was withdrawn, so an Ng in behaviour is blocked until a new one is sent (L-22 § 9-17)
    const special = new Map<string, [string, string, string]>([
      [h.lateArrivalsStudentId, ['Ng', 'G', 'Kommer for sent til timene nesten hver uke siden oktober.']],
      [h.sameWeekdayStudentId, ['G', 'Ng', 'Forstyrrer undervisningen og følger ikke beskjeder.']],
    ]);
    const input = (studentId: string, teacher: string, groupId: string) => {
      const [order, behaviour, reasons] = special.get(studentId) ?? ['G', 'G', null];
      return q(`insert into conduct_input (owner_id, id, student_id, term_id, teacher_person_id, teaching_group_id, "order", behaviour, reasons, updated_at)
         values ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7, $8, '2026-11-20T12:00:00Z')`, [o, studentId, term!.id, teacher, groupId, order, behaviour, reasons]);
    };
    for (const id of math) await input(id, faglarer, h.teachingGroup2STAMATId);
    for (const id of norwegian) await input(id, kontaktlarer, h.teachingGroup2STANORId);

    // one case: a student in 2STA other than the hard cases the tests lean on
    const [st] = await q<{ student_id: string }>(
      `select e.student_id from enrolment e where e.owner_id = $1 and e.basis_group_id = $2 and e.ends_on is null and e.student_id <> all($3::uuid[])
       order by e.student_id desc limit 1`,
      [o, h.basisGroup2STAId, Object.values(h).filter((v): v is string => typeof v === 'string')]);
    const studentId = st!.student_id;
    const [c] = await q<{ id: string }>(
      `insert into disciplinary_case (owner_id, id, student_id, school_id, reported_by_person_id, opened_at)
       values ($1, gen_random_uuid(), $2, $3, $4, '2026-11-05T13:00:00Z') returning id`, [o, studentId, info.schoolId, faglarer]);
    const caseId = c!.id;
    await q(`insert into disciplinary_incident (owner_id, id, case_id, occurred_on, place, description, rule, reported_by_person_id)
      values ($1, gen_random_uuid(), $2, '2026-11-05', 'Klasserom 204, matematikktime', 'Kastet en kalkulator mot tavla etter beskjed om å legge bort mobilen. Ingen ble skadet.', 'Ordensreglementet § 3: oppføre seg trygt og respektfullt', $3)`,
      [o, caseId, faglarer]);
    await q(`insert into disciplinary_hearing (owner_id, id, case_id, heard_on, student_view, heard_by_person_id)
      values ($1, gen_random_uuid(), $2, '2026-11-06', 'Eleven sier han ble sint og angrer. Han mener beskjeden kom foran hele klassen.', $3)`, [o, caseId, kontaktlarer]);
    await q(`insert into disciplinary_measure (owner_id, id, case_id, kind, description, decided_on, decided_by_person_id, single_incident, addressed_to_family)
      values ($1, gen_random_uuid(), $2, 'writtenReprimand', 'Skriftlig refs for hendelsen 5. november. Neste brudd kan gi bortvisning.', '2026-11-09', $3, true, true)`, [o, caseId, kontaktlarer]);
    await q(`insert into physical_intervention (owner_id, id, case_id, occurred_on, incident_account, intervention_account, student_view, performed_by_person_id, reported_to_principal_on, parents_informed_on, parents_informed_by_person_id)
      values ($1, gen_random_uuid(), $2, '2026-11-05', 'Eleven gikk mot en medelev med hevet hånd etter episoden.', 'Læreren stilte seg imellom og holdt eleven i armen noen sekunder til han roet seg.', 'Eleven sier han ikke hadde tenkt å slå.', $3, '2026-11-05', '2026-11-06', $4)`,
      [o, caseId, faglarer, rektor]);
  });
}
