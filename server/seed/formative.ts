/**
 * Demo formative assessments and one conflict across classes, added after the demo school
 * is in place. Generated people only; the texts are ordinary subject feedback to the student. `elev`
 * gets a few assessments so the student's own page has something to show; the conflict is between two
 * other students (2STA and 2STB), so the hard cases the tests lean on stay as they were.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../core/db/client.js';
import type { FormativeAssessmentKind } from '../features/formativeAssessment/tables.js';
import type { DemoInfo } from './demo.js';

const MATH_TEST = ['Sikker på derivasjon. Øv mer på tekstoppgaver.', 'God forståelse av funksjoner; vis utregningen tydeligere.', 'Godt arbeid. Se igjen på grenseverdier.', 'Du løste de fleste oppgavene; sjekk fortegnene.'];
const NOR_TALK = ['Du argumenterer godt muntlig. Prøv å bruke flere kilder.', 'Tydelig framføring. Jobb med å knytte teksten til tiden den ble skrevet i.', 'Godt engasjement i samtalen. Les mer sakprosa før neste tekst.'];

export async function seedFormative(database: Database, info: DemoInfo): Promise<void> {
  const h = info.hardCases;
  const ownerId = info.ownerId;
  const q = database.query;
  const personOf = async (staffMemberId: string) =>
    (await q<{ person_id: string }>('select person_id from staff_member where owner_id = $1 and id = $2', [ownerId, staffMemberId]))[0]!.person_id;
  const members = async (groupId: string) => (await q<{ student_id: string }>(
    `select e.student_id from enrolment e join student s on s.owner_id = e.owner_id and s.id = e.student_id
     where e.owner_id = $1 and (e.teaching_group_id = $2 or e.basis_group_id = $2) and e.ends_on is null and s.status = 'active' order by e.student_id`,
    [ownerId, groupId])).map((r) => r.student_id);
  const [fag, kt] = await Promise.all([personOf(h.subjectTeacherStaffMemberId), personOf(h.contactTeacherStaffMemberId)]);

  const rows: { studentId: string; groupId: string; on: string; kind: FormativeAssessmentKind; feedback: string; by: string }[] = [];
  const math = await members(h.teachingGroup2STAMATId);
  const nor = await members(h.teachingGroup2STANORId);
  // the maths test in September for two thirds of the group (the rest were away or take it later)
  math.filter((_, i) => i % 3 !== 2).forEach((id, i) => rows.push({ studentId: id, groupId: h.teachingGroup2STAMATId, on: '2026-09-17', kind: 'test', feedback: MATH_TEST[i % MATH_TEST.length]!, by: fag }));
  // the subject conversation in Norwegian for half the class so far
  nor.filter((_, i) => i % 2 === 0).forEach((id, i) => rows.push({ studentId: id, groupId: h.teachingGroup2STANORId, on: '2026-11-05', kind: 'conversation', feedback: NOR_TALK[i % NOR_TALK.length]!, by: kt }));
  rows.push(
    { studentId: h.elevStudentId, groupId: h.teachingGroup2STAMATId, on: '2026-10-22', kind: 'writtenFeedback', feedback: 'Innleveringen om vekstfart var ryddig. Forklar i ord hva svaret betyr.', by: fag },
    { studentId: h.elevStudentId, groupId: h.teachingGroup2STANORId, on: '2026-11-19', kind: 'presentation', feedback: 'Engasjerende framføring om Ibsen. Hold tiden bedre neste gang.', by: kt },
  );
  const subjectOf = new Map((await q<{ id: string; subject_id: string }>('select id, subject_id from teaching_group where owner_id = $1 and id = any($2::uuid[])',
    [ownerId, [h.teachingGroup2STAMATId, h.teachingGroup2STANORId]])).map((r) => [r.id, r.subject_id]));
  await q(
    `insert into formative_assessment (owner_id, id, student_id, teaching_group_id, subject_id, assessed_on, kind, feedback, recorded_by_person_id, recorded_at)
     select $1, * from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::date[], $7::text[], $8::text[], $9::uuid[], $10::timestamptz[])`,
    [ownerId, rows.map(() => randomUUID()), rows.map((r) => r.studentId), rows.map((r) => r.groupId), rows.map((r) => subjectOf.get(r.groupId)!),
      rows.map((r) => r.on), rows.map((r) => r.kind), rows.map((r) => r.feedback), rows.map((r) => r.by), rows.map((r) => `${r.on}T14:00:00+01:00`)],
  );

  // one open conflict across 2STA and 2STB, recorded by 2STA's contact teacher
  const hard = new Set(Object.values(h).flat());
  const a = (await members(h.basisGroup2STAId)).find((id) => !hard.has(id));
  const b = (await members(h.basisGroup2STBId)).find((id) => !hard.has(id));
  if (!a || !b) return;
  const conflictId = randomUUID();
  await q(`insert into conflict (owner_id, id, school_id, occurred_on, description, recorded_by_person_id, recorded_at)
    values ($1, $2, $3, '2026-11-12', $4, $5, '2026-11-12T15:00:00+01:00')`,
  [ownerId, conflictId, info.schoolId, 'Uenighet i et felles prosjekt i naturfag ble til en krangel i friminuttet og kommentarer i en klassechat.', kt]);
  await q(`insert into conflict_student (owner_id, conflict_id, student_id, note) values ($1, $2, $3, $4), ($1, $2, $5, $6)`,
    [ownerId, conflictId, a, 'Eleven opplever å ha blitt hengt ut i chatten og vil ikke jobbe i samme gruppe nå.', b, 'Eleven sier det startet som tull og har slettet meldingene.']);
  await q(`insert into conflict_step (owner_id, id, conflict_id, student_id, taken_on, description, recorded_by_person_id, recorded_at)
    values ($1, $2, $3, $4, '2026-11-13', 'Samtale med eleven. Avtalt ny gruppe ut prosjektet.', $5, '2026-11-13T12:00:00+01:00'),
           ($1, $6, $3, null, '2026-11-18', 'Felles samtale med begge elevene og begge kontaktlærerne. Enige om hvordan de skal oppføre seg i chatten.', $5, '2026-11-18T12:00:00+01:00')`,
  [ownerId, randomUUID(), conflictId, a, kt, randomUUID()]);
}
