/**
 * Demo class life (R-35, R-36, R-40, R-41) for 2STA and 2STB: a history of class hours with notes
 * (some shared with the class) and cases, three of four start-of-year items checked off, class rules
 * being drafted from the students' proposals, a closed election in 2STA (September) and an open one
 * in 2STB, and 2STA's duty rota for the autumn. Generated people only; the e2e opens its own election.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../core/db/client.js';
import { generateRota } from '../features/classLife/rota.js';
import { defaultRoutines, rotaWeeks } from '../features/classLife/service.js';
import type { DemoInfo } from './demo.js';

const HOURS: [day: string, topic: string, notes: string, shared: boolean][] = [
  ['2026-10-27', 'studyTechnique', 'Gikk gjennom notatteknikk med tankekart. Elevene ønsker flere gruppeoppgaver i naturfag; tas opp med faglærer. Frist for norskinnlevering flyttet til 6. november etter ønske fra klassen.', true],
  ['2026-11-03', 'timeManagement', 'Laget ukeplan for de neste to ukene. Mange opplever høy arbeidsmengde i uke 46 (tre innleveringer). Tillitselevene tar det med til elevrådet.', true],
  ['2026-11-10', 'timeManagement', 'Nytt fra elevrådet: juleball 11. desember. Tre elever ba om individuell samtale; avtalt tid neste uke.', false],
  ['2026-11-17', 'classEnvironment', 'Samarbeidsøvelse i grupper på tvers av vennegjengene. God stemning. Drøftet klassetur i vår; saken forberedes til neste gang.', true],
];

export async function seedClassLife(database: Database, info: DemoInfo): Promise<void> {
  const h = info.hardCases;
  const ownerId = info.ownerId;
  const q = database.query;
  const [kt] = await q<{ person_id: string }>('select person_id from staff_member where owner_id = $1 and id = $2', [ownerId, h.contactTeacherStaffMemberId]);
  const ktPerson = kt!.person_id;
  const members = async (groupId: string) => (await q<{ student_id: string; person_id: string }>(
    `select e.student_id, s.person_id from enrolment e join student s on s.owner_id = e.owner_id and s.id = e.student_id
     where e.owner_id = $1 and e.basis_group_id = $2 and e.ends_on is null and s.status = 'active' order by e.student_id`, [ownerId, groupId]));
  const sta = await members(h.basisGroup2STAId);
  const stb = await members(h.basisGroup2STBId);
  const hard = new Set(Object.values(h).flat());
  const plain = sta.filter((m) => !hard.has(m.student_id));

  // class hours with notes, the year plan's topic chosen for one week, and two cases
  for (const [day, topic, notes, shared] of HOURS) {
    await q(`insert into class_hour (owner_id, id, basis_group_id, held_on, topic, notes, notes_shared, updated_by_person_id, updated_at)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [ownerId, randomUUID(), h.basisGroup2STAId, day, topic, notes, shared, ktPerson, `${day}T15:00:00+01:00`]);
  }
  await q('insert into class_hour_topic (owner_id, basis_group_id, week_start, topic) values ($1, $2, $3, $4)', [ownerId, h.basisGroup2STAId, '2026-12-14', 'Juleavslutning og evaluering av høsten']);
  await q(`insert into class_hour_case (owner_id, id, basis_group_id, title, background, decision, decided_on, prepared_by_person_id, created_at) values
    ($1, $2, $3, 'Fast plass i klasserommet', 'Noen ønsker å bytte plass hver måned, andre vil sitte fast. Elevene diskuterte fordeler og ulemper.', 'Vi bytter plass første mandag hver måned etter trekning.', '2026-10-27', $4, '2026-10-20T12:00:00+01:00'),
    ($1, $5, $3, 'Klassetur i vår', 'Forslag: Lofoten, Trondheim eller hytte i nærheten. Kostnad og dato må avklares med avdelingsleder før klassen bestemmer.', null, null, $4, '2026-11-17T15:00:00+01:00')`,
  [ownerId, randomUUID(), h.basisGroup2STAId, ktPerson, randomUUID()]);

  // three of four items covered; how to complain about teaching is still to do
  await q(`insert into start_of_year_check (owner_id, basis_group_id, item, checked_on, checked_by_person_id) values
    ($1, $2, 'schoolOrganisation', '2026-08-20', $3), ($1, $2, 'schoolRules', '2026-08-20', $3), ($1, $2, 'absenceRules', '2026-08-27', $3)`,
  [ownerId, h.basisGroup2STAId, ktPerson]);

  // proposals and comments from the students, and the teacher's draft (not published yet)
  const proposals: [string, string[]][] = [
    ['Mobilen ligger i sekken i timene, med mindre læreren sier noe annet.', ['Enig, men lov å bruke den i friminuttene.', 'Hva med når vi bruker den til å ta bilde av tavla?']],
    ['Vi møter presis, og sier fra til kontaktlæreren hvis vi blir borte.', []],
    ['Alle rydder sin egen pult før vi går.', ['Og ordenselevene tar tavla.']],
  ];
  for (const [i, [text, comments]] of proposals.entries()) {
    const author = plain[i % plain.length]!;
    const id = randomUUID();
    await q('insert into class_rule_proposal (owner_id, id, basis_group_id, student_id, text, created_at) values ($1, $2, $3, $4, $5, $6)',
      [ownerId, id, h.basisGroup2STAId, author.student_id, text, `2026-11-1${i}T10:00:00+01:00`]);
    for (const [j, c] of comments.entries()) {
      await q('insert into class_rule_comment (owner_id, id, proposal_id, author_person_id, text, created_at) values ($1, $2, $3, $4, $5, $6)',
        [ownerId, randomUUID(), id, plain[(i + j + 3) % plain.length]!.person_id, c, `2026-11-1${i}T12:0${j}:00+01:00`]);
    }
  }
  await q('insert into class_rules_draft (owner_id, basis_group_id, text, updated_by_person_id, updated_at) values ($1, $2, $3, $4, $5)',
    [ownerId, h.basisGroup2STAId, '1. Mobilen ligger i sekken i timene, med mindre læreren sier noe annet.\n2. Vi møter presis.\n3. Alle rydder sin egen pult før vi går.', ktPerson, '2026-11-20T14:00:00+01:00']);

  // a closed election in 2STA in September, and an open one in 2STB
  const closedId = randomUUID();
  await q(`insert into student_representative_election (owner_id, id, basis_group_id, seats, term_starts_on, term_ends_on, status, closed_on, created_by_person_id, created_at)
    values ($1, $2, $3, 2, '2026-09-07', '2027-06-18', 'closed', '2026-09-04', $4, '2026-08-31T10:00:00+01:00')`, [ownerId, closedId, h.basisGroup2STAId, ktPerson]);
  const [a, b, c] = [plain[3]!, plain[4]!, plain[5]!];
  const results: [string, number, number | null][] = [[a.student_id, 12, 1], [b.student_id, 9, 2], [c.student_id, 5, null]];
  for (const [studentId, votes, elected] of results) {
    await q(`insert into student_representative_candidate (owner_id, election_id, student_id, accepted_at, votes, elected) values ($1, $2, $3, '2026-09-01T10:00:00+01:00', $4, $5)`,
      [ownerId, closedId, studentId, votes, elected]);
    for (let i = 0; i < votes; i++) {
      await q('insert into student_representative_ballot (owner_id, id, election_id, candidate_student_id) values ($1, $2, $3, $4)', [ownerId, randomUUID(), closedId, studentId]);
    }
  }
  const voters = sta.slice(0, 26);
  await q('insert into student_representative_voter (owner_id, election_id, student_id) select $1, $2, unnest($3::uuid[])', [ownerId, closedId, voters.map((v) => v.student_id)]);
  const stbPlain = stb.filter((m) => !hard.has(m.student_id));
  if (stbPlain.length >= 2) {
    const [stbKt] = await q<{ person_id: string }>(`select sm.person_id from contact_teacher_assignment c join staff_member sm on sm.owner_id = c.owner_id and sm.id = c.staff_member_id
      where c.owner_id = $1 and c.basis_group_id = $2 limit 1`, [ownerId, h.basisGroup2STBId]);
    const openId = randomUUID();
    await q(`insert into student_representative_election (owner_id, id, basis_group_id, seats, term_starts_on, term_ends_on, status, created_by_person_id, created_at)
      values ($1, $2, $3, 2, '2026-12-01', '2027-06-18', 'open', $4, '2026-11-20T10:00:00+01:00')`, [ownerId, openId, h.basisGroup2STBId, stbKt?.person_id ?? ktPerson]);
    for (const m of stbPlain.slice(0, 3)) {
      await q(`insert into student_representative_candidate (owner_id, election_id, student_id, accepted_at) values ($1, $2, $3, '2026-11-21T10:00:00+01:00')`, [ownerId, openId, m.student_id]);
    }
  }

  // 2STA's duty rota for the autumn term, two a week, with the default tidying routines
  const rotaId = randomUUID();
  const weeks = await rotaWeeks(q, ownerId, '2026-08-19', '2026-12-18');
  const plan = generateRota({ studentIds: sta.map((m) => m.student_id), weeks, perWeek: 2, away: new Map(), seed: rotaId });
  await q(`insert into duty_rota (owner_id, id, basis_group_id, starts_on, ends_on, per_week, routines, created_by_person_id, created_at)
    values ($1, $2, $3, '2026-08-19', '2026-12-18', 2, $4::jsonb, $5, '2026-08-24T12:00:00+01:00')`, [ownerId, rotaId, h.basisGroup2STAId, JSON.stringify(defaultRoutines('nb')), ktPerson]);
  const rows = plan.flatMap((w) => w.studentIds.map((s) => [w.weekStart, s] as const));
  await q('insert into duty_rota_assignment (owner_id, rota_id, week_start, student_id) select $1, $2, x.w, x.s from unnest($3::date[], $4::uuid[]) as x(w, s)',
    [ownerId, rotaId, rows.map((r) => r[0]), rows.map((r) => r[1])]);
}
