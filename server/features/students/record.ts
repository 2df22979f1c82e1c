/** Builds the student page's record, narrowed field by field by the policy. */
import type { Database } from '../../core/db/client.js';
import type { AddressProtection } from '../../core/db/tables.js';
import { can } from '../../core/policy/can.js';
import { guardianInsight } from '../../core/policy/guardianInsight.js';
import { describeReason } from '../../core/policy/reasons.js';
import type { Actor, StudentFacts } from '../../core/policy/types.js';
import type { Locale } from '../../core/i18n/locale.js';
import { ageOn, isAdult } from '../../core/time.js';
import type { StudentRecord } from './schemas.js';

interface PersonRow {
  given_name: string; family_name: string; birth_date: string | null; email: string | null; phone: string | null;
  street_address: string | null; postal_code: string | null; city: string | null; address_protection: AddressProtection;
}

const address = (p: PersonRow) => (p.street_address ? `${p.street_address}, ${p.postal_code ?? ''} ${p.city ?? ''}`.trim() : null);

/**
 * L-07: a protected address never leaves; for "confidential" the school may still reach the person by
 * phone and e-mail, for "strictly confidential" nothing is shown at all.
 */
export function contactFor(p: PersonRow, visible: boolean): StudentRecord['student']['contact'] {
  if (!visible || p.address_protection === 'strictlyConfidential') return null;
  return { email: p.email, phone: p.phone, address: p.address_protection === 'none' ? address(p) : null };
}

export async function buildStudentRecord(
  database: Database, actor: Actor, s: StudentFacts, today: string, locale: Locale,
): Promise<Omit<StudentRecord, 'access'>> {
  const allowed = (action: Parameters<typeof can>[1]) => can(actor, action, { type: 'student', student: s }, today).allow;
  const sensitive = allowed('student.readSensitive');
  const readsContacts = allowed('guardian.readContact');
  const isSelf = actor.studentIds.includes(s.studentId);

  const [studentRows, groupRows, needRows, guardianRows] = await Promise.all([
    database.query<PersonRow & { level: string; programme: 'general' | 'vocational' | null; status: string; minority_language: boolean; years_of_residence: number | null; special_education_right: boolean }>(
      `select p.given_name, p.family_name, p.birth_date::text as birth_date, p.email, p.phone, p.street_address, p.postal_code, p.city, p.address_protection,
              s.level, s.programme, s.status, s.minority_language, s.years_of_residence, s.special_education_right
       from student s join person p on p.owner_id = s.owner_id and p.id = s.person_id where s.owner_id = $1 and s.id = $2`,
      [s.ownerId, s.studentId]),
    database.query<{ id: string; name: string; since: string; kind: string; subject_code: string | null; subject_name: string | null }>(
      `select coalesce(bg.id, tg.id) as id, coalesce(bg.name, tg.name) as name, e.starts_on::text as since,
              case when bg.id is null then 'teaching' else 'basis' end as kind, su.code as subject_code, su.name as subject_name
       from enrolment e
       left join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
       left join teaching_group tg on tg.owner_id = e.owner_id and tg.id = e.teaching_group_id
       left join subject su on su.owner_id = tg.owner_id and su.id = tg.subject_id
       where e.owner_id = $1 and e.student_id = $2 and e.starts_on <= $3::date and (e.ends_on is null or e.ends_on > $3::date)
       order by 2`,
      [s.ownerId, s.studentId, today]),
    sensitive
      ? database.query<{ id: string; description: string; registered_at: Date }>(
        'select id, description, registered_at from accommodation_need where owner_id = $1 and student_id = $2 order by registered_at',
        [s.ownerId, s.studentId])
      : Promise.resolve([]),
    database.query<PersonRow & { guardianship_id: string; person_id: string; relation: 'mother' | 'father' | 'other'; parental_responsibility: boolean; lives_with: boolean }>(
      `select g.id as guardianship_id, g.guardian_person_id as person_id, g.relation, g.parental_responsibility, g.lives_with,
              p.given_name, p.family_name, p.birth_date::text as birth_date, p.email, p.phone, p.street_address, p.postal_code, p.city, p.address_protection
       from guardianship g join person p on p.owner_id = g.owner_id and p.id = g.guardian_person_id
       where g.owner_id = $1 and g.student_id = $2 order by g.relation, p.family_name`,
      [s.ownerId, s.studentId]),
  ]);
  const st = studentRows[0]!;
  const isGuardianCaller = actor.guardianOf.includes(s.studentId) && !isSelf && !actor.staff.some((m) => m.schoolId === s.schoolId);

  // a guardian sees only themself: nothing about the other guardian (L-07)
  const guardians = guardianRows
    .filter((g) => !isGuardianCaller || g.person_id === actor.personId)
    .map((g) => {
      const insight = guardianInsight(s, g.person_id, today);
      const own = g.person_id === actor.personId;
      return {
        guardianshipId: g.guardianship_id,
        personId: g.person_id,
        name: `${g.given_name} ${g.family_name}`,
        relation: g.relation,
        parentalResponsibility: g.parental_responsibility,
        livesWith: g.lives_with,
        insight: insight.insight,
        insightReason: describeReason(insight.reason, locale),
        insightReasonCode: insight.reason.code,
        addressProtection: g.address_protection === 'none' ? ('none' as const) : ('protected' as const),
        contact: own ? { email: g.email, phone: g.phone, address: address(g) } : contactFor(g, readsContacts),
      };
    });

  return {
    student: {
      id: s.studentId,
      givenName: st.given_name,
      familyName: st.family_name,
      birthDate: st.birth_date,
      age: st.birth_date ? ageOn(st.birth_date, today) : null,
      isAdult: isAdult(st.birth_date, today),
      level: st.level,
      programme: st.programme,
      status: st.status,
      schoolName: s.schoolName,
      departmentName: s.departmentName,
      basisGroups: groupRows.filter((g) => g.kind === 'basis').map((g) => ({ id: g.id, name: g.name, since: g.since })),
      teachingGroups: groupRows.filter((g) => g.kind === 'teaching')
        .map((g) => ({ id: g.id, name: g.name, subjectCode: g.subject_code ?? '', subjectName: g.subject_name ?? '' })),
      minorityLanguage: sensitive ? st.minority_language : null,
      yearsOfResidence: sensitive ? st.years_of_residence : null,
      specialEducationRight: sensitive ? st.special_education_right : null,
      accommodationNeeds: sensitive
        ? needRows.map((n) => ({ id: n.id, description: n.description, registeredAt: new Date(n.registered_at).toISOString() }))
        : null,
      addressProtected: st.address_protection !== 'none',
      contact: isSelf ? { email: st.email, phone: st.phone, address: address(st) } : contactFor(st, readsContacts),
    },
    guardians,
    permissions: {
      readContactLog: allowed('contactLog.read'),
      editContactLog: allowed('contactLog.write'),
      manageConsent: allowed('consent.manage') && isAdult(st.birth_date, today),
      readWarnings: allowed('warning.read'),
      readConduct: allowed('conduct.read'),
      listDisciplinaryCases: allowed('disciplinaryCase.list'),
    },
  };
}
