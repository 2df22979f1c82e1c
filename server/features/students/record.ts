/** Builds the student page's record, narrowed field by field by the policy. */
import type { Database } from '../../core/db/client.js';
import { can } from '../../core/policy/can.js';
import { guardianInsight } from '../../core/policy/guardianInsight.js';
import { describeReason } from '../../core/policy/reasons.js';
import type { Actor, StudentFacts } from '../../core/policy/types.js';
import type { Locale } from '../../core/i18n/locale.js';
import { ageOn, isAdult } from '../../core/time.js';
import { accommodationNeedsOf, currentGroups, guardiansOf, studentProfile, type PersonRow } from './queries.js';
import type { StudentRecord } from './schemas.js';

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

  const q = database.query;
  const [profile, groupRows, needRows, guardianRows] = await Promise.all([
    studentProfile(q, s.ownerId, s.studentId),
    currentGroups(q, s.ownerId, s.studentId, today),
    sensitive ? accommodationNeedsOf(q, s.ownerId, s.studentId) : Promise.resolve([]),
    guardiansOf(q, s.ownerId, s.studentId),
  ]);
  const st = profile!;
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
