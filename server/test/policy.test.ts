/** The policy decides on relationships and says which one; these cases need no database. */
import { describe, expect, it } from 'vitest';
import { can } from '../core/policy/can.js';
import '../features/index.js';
import { describeReason } from '../core/policy/reasons.js';
import type { Actor, StudentFacts } from '../core/policy/types.js';

const TODAY = '2026-11-25';
const OWNER = '00000000-0000-4000-8000-000000000001';
const SCHOOL = 'school-1';

function actor(p: Partial<Actor>): Actor {
  return { personId: 'p-actor', ownerId: OWNER, givenName: 'A', familyName: 'B', locale: 'nb', staff: [], contactTeacherOf: [], subjectTeacherOf: [], studentIds: [], guardianOf: [], ...p };
}

function student(p: Partial<StudentFacts> = {}): StudentFacts {
  return {
    ownerId: OWNER, studentId: 's-1', personId: 'p-student', schoolId: SCHOOL, schoolName: 'Fjellvik vgs',
    departmentId: 'dep-sf', departmentName: 'Studiespesialisering', birthDate: '2009-05-01', addressProtection: 'none',
    basisGroups: [{ id: 'bg-2sta', name: '2STA' }], teachingGroups: [{ id: 'tg-mat', name: '2STA-MAT', subjectCode: 'MAT1021' }],
    guardianships: [
      { guardianshipId: 'g1', guardianPersonId: 'p-mother', parentalResponsibility: true, informationGranted: false },
      { guardianshipId: 'g2', guardianPersonId: 'p-father', parentalResponsibility: false, informationGranted: false },
    ],
    consentedGuardianIds: [], ...p,
  };
}

const staff = (role: 'principal' | 'counsellor' | 'departmentHead', departmentId: string | null = null, departmentName: string | null = null) =>
  [{ staffMemberId: 'sm', schoolId: SCHOOL, schoolName: 'Fjellvik vgs', roles: [{ role, departmentId, departmentName }] }];

const res = (s: StudentFacts) => ({ type: 'student' as const, student: s });

describe('policy: who may read a student, and why', () => {
  it('allows the contact teacher of 2STA and names that relationship as the reason', () => {
    const d = can(actor({ contactTeacherOf: [{ id: 'bg-2sta', name: '2STA', schoolId: SCHOOL, schoolName: 'x', departmentId: null }] }), 'student.read', res(student()), TODAY);
    expect(d.allow).toBe(true);
    expect(describeReason(d.reason, 'en')).toBe('contact teacher of 2STA');
    expect(describeReason(d.reason, 'nb')).toBe('kontaktlærer for 2STA');
  });

  it('denies and hides the student from a contact teacher of another class', () => {
    const d = can(actor({ contactTeacherOf: [{ id: 'bg-2stb', name: '2STB', schoolId: SCHOOL, schoolName: 'x', departmentId: null }] }), 'student.read', res(student()), TODAY);
    expect(d).toMatchObject({ allow: false, hide: true, reason: { code: 'noRelationship' } });
  });

  it('allows a subject teacher of the student\'s group to read but not the contact log (403, not hidden)', () => {
    const a = actor({ subjectTeacherOf: [{ id: 'tg-mat', name: '2STA-MAT', schoolId: SCHOOL, subjectCode: 'MAT1021', subjectName: 'Matematikk' }] });
    const read = can(a, 'student.read', res(student()), TODAY);
    expect(describeReason(read.reason)).toBe('subject teacher in MAT1021 group 2STA-MAT');
    expect(can(a, 'contactLog.read', res(student()), TODAY)).toMatchObject({ allow: false, hide: false });
  });

  it('allows the department head of the student\'s department only', () => {
    const own = can(actor({ staff: staff('departmentHead', 'dep-sf', 'Studiespesialisering') }), 'student.read', res(student()), TODAY);
    expect(describeReason(own.reason)).toBe('department head of Studiespesialisering');
    const other = can(actor({ staff: staff('departmentHead', 'dep-yf', 'Yrkesfag') }), 'student.read', res(student()), TODAY);
    expect(other.allow).toBe(false);
  });

  it('allows a guardian with parental responsibility of a student under 18', () => {
    const d = can(actor({ personId: 'p-mother', guardianOf: ['s-1'] }), 'student.read', res(student()), TODAY);
    expect(d).toMatchObject({ allow: true, reason: { code: 'guardianWithParentalResponsibility' } });
  });

  it('denies a parent without parental responsibility (L-06) unless a decision grants information', () => {
    const father = actor({ personId: 'p-father', guardianOf: ['s-1'] });
    expect(can(father, 'student.read', res(student()), TODAY)).toMatchObject({ allow: false, hide: true, reason: { code: 'guardianWithoutParentalResponsibility' } });
    const granted = student({ guardianships: [{ guardianshipId: 'g2', guardianPersonId: 'p-father', parentalResponsibility: false, informationGranted: true }] });
    expect(can(father, 'student.read', res(granted), TODAY)).toMatchObject({ allow: true, reason: { code: 'guardianByInformationDecision' } });
    expect(can(father, 'accessLog.read', res(granted), TODAY).allow).toBe(false);
  });

  it('denies a guardian of an adult student without consent, and allows with consent (R-16, L-05)', () => {
    const adult = student({ birthDate: '2008-01-10' });
    const mother = actor({ personId: 'p-mother', guardianOf: ['s-1'] });
    expect(can(mother, 'student.read', res(adult), TODAY)).toMatchObject({ allow: false, reason: { code: 'adultWithoutConsent' } });
    const consented = { ...adult, consentedGuardianIds: ['p-mother'] };
    expect(describeReason(can(mother, 'student.read', res(consented), TODAY).reason)).toBe('guardian by consent of an adult student');
  });

  it('turns a guardian\'s insight off on the student\'s 18th birthday', () => {
    const s = student({ birthDate: '2008-11-26' });
    const mother = actor({ personId: 'p-mother', guardianOf: ['s-1'] });
    expect(can(mother, 'student.read', res(s), '2026-11-25').allow).toBe(true);
    expect(can(mother, 'student.read', res(s), '2026-11-26').allow).toBe(false);
  });

  it('lets only the student themself manage consent', () => {
    expect(can(actor({ personId: 'p-student', studentIds: ['s-1'] }), 'consent.manage', res(student()), TODAY)).toMatchObject({ allow: true, reason: { code: 'self' } });
    expect(can(actor({ staff: staff('principal') }), 'consent.manage', res(student()), TODAY).allow).toBe(false);
  });

  it('never allows anyone from another school owner', () => {
    const d = can(actor({ ownerId: '00000000-0000-4000-8000-000000000002', staff: staff('principal') }), 'student.read', res(student()), TODAY);
    expect(d).toMatchObject({ allow: false, hide: true, reason: { code: 'otherOwner' } });
  });
});

describe('policy: visibility tiers narrow who reads a record (R-60)', () => {
  const rec = (visibility: 'staff' | 'contactTeacherAndLeaders' | 'counsellorOnly' | 'authorOnly') =>
    ({ type: 'record' as const, student: student(), visibility, authorPersonId: 'p-author' });
  const ct = actor({ contactTeacherOf: [{ id: 'bg-2sta', name: '2STA', schoolId: SCHOOL, schoolName: 'x', departmentId: null }] });
  const counsellor = actor({ staff: staff('counsellor') });

  it('a counsellor-only record is hidden from the contact teacher but read by the counsellor', () => {
    expect(can(ct, 'record.read', rec('counsellorOnly'), TODAY)).toMatchObject({ allow: false, reason: { code: 'visibilityTier' } });
    expect(can(counsellor, 'record.read', rec('counsellorOnly'), TODAY).allow).toBe(true);
  });

  it('an author-only record is read by its author alone, who may also edit it', () => {
    expect(can(ct, 'record.read', rec('authorOnly'), TODAY).allow).toBe(false);
    const author = { ...ct, personId: 'p-author' };
    expect(can(author, 'record.read', rec('authorOnly'), TODAY)).toMatchObject({ allow: true, reason: { code: 'author' } });
    expect(can(author, 'record.edit', rec('authorOnly'), TODAY).allow).toBe(true);
    expect(can(ct, 'record.edit', rec('staff'), TODAY).allow).toBe(false);
  });

  it('a guardian never reads a staff record, whatever its tier', () => {
    const mother = actor({ personId: 'p-mother', guardianOf: ['s-1'] });
    for (const v of ['staff', 'contactTeacherAndLeaders', 'counsellorOnly', 'authorOnly'] as const) {
      expect(can(mother, 'record.read', rec(v), TODAY).allow).toBe(false);
    }
  });
});

describe('policy: warnings (R-22, L-20, L-21)', () => {
  const ct = actor({ contactTeacherOf: [{ id: 'bg-2sta', name: '2STA', schoolId: SCHOOL, schoolName: 'x', departmentId: null }] });
  const principal = actor({ staff: staff('principal') });

  it('lets the principal alone decide that no grade is given, naming the principal as the reason (L-21)', () => {
    const d = can(principal, 'warning.decide', res(student()), TODAY);
    expect(d.allow && describeReason(d.reason, 'en')).toBe('principal of Fjellvik vgs');
    expect(can(ct, 'warning.decide', res(student()), TODAY).allow).toBe(false);
    expect(can(actor({ staff: staff('departmentHead', 'dep-sf', 'Studiespesialisering') }), 'warning.decide', res(student()), TODAY).allow).toBe(false);
  });

  it('lets the contact teacher coordinate, but not the counsellor or a parent', () => {
    expect(can(ct, 'warning.coordinate', res(student()), TODAY).allow).toBe(true);
    expect(can(actor({ staff: staff('counsellor') }), 'warning.coordinate', res(student()), TODAY).allow).toBe(false);
    expect(can(actor({ personId: 'p-mother' }), 'warning.coordinate', res(student()), TODAY).allow).toBe(false);
  });
});

describe('policy: conduct grades and disciplinary cases (R-23, R-25; L-22, L-31)', () => {
  const ct = actor({ contactTeacherOf: [{ id: 'bg-2sta', name: '2STA', schoolId: SCHOOL, schoolName: 'x', departmentId: null }] });
  const principal = actor({ staff: staff('principal') });
  const group = { type: 'basisGroup' as const, group: { ownerId: OWNER, basisGroupId: 'bg-2sta', name: '2STA', level: 'vg2', schoolId: SCHOOL, schoolName: 'Fjellvik vgs', departmentId: 'dep-sf', departmentName: 'Studiespesialisering' } };
  const theCase = (reportedByPersonId: string) => ({ type: 'disciplinaryCase' as const, disciplinaryCase: { caseId: 'c-1', reportedByPersonId, student: student() } });

  it('lets only the class\'s contact teacher set the half-year conduct grade, and only the principal record the review (L-22)', () => {
    expect(describeReason(can(ct, 'basisGroup.setConduct', group, TODAY).reason, 'en')).toBe('contact teacher of 2STA');
    expect(can(principal, 'basisGroup.setConduct', group, TODAY).allow).toBe(false);
    expect(can(principal, 'basisGroup.reviewConduct', group, TODAY).allow).toBe(true);
    expect(can(ct, 'basisGroup.reviewConduct', group, TODAY).allow).toBe(false);
    expect(can(actor({ staff: staff('counsellor') }), 'basisGroup.readConduct', group, TODAY).allow).toBe(false);
  });

  it('lets a teacher read the case they reported but not one another teacher reported; only the principal suspends (L-31)', () => {
    const teacher = actor({ personId: 'p-teacher', subjectTeacherOf: [{ id: 'tg-mat', name: '2STA-MAT', schoolId: SCHOOL, subjectCode: 'MAT1021', subjectName: 'Matematikk' }] });
    expect(can(teacher, 'disciplinaryCase.read', theCase('p-teacher'), TODAY)).toMatchObject({ allow: true, reason: { code: 'author' } });
    expect(can(teacher, 'disciplinaryCase.read', theCase('p-other'), TODAY)).toMatchObject({ allow: false, hide: false });
    expect(can(principal, 'disciplinaryCase.suspend', theCase('p-other'), TODAY).allow).toBe(true);
    expect(can(ct, 'disciplinaryCase.suspend', theCase('p-other'), TODAY).allow).toBe(false);
    expect(can(actor({ personId: 'p-father' }), 'disciplinaryCase.read', theCase('p-other'), TODAY)).toMatchObject({ allow: false, hide: true });
  });
});

describe('policy: class life — class hour, class rules, elections, duty rota (R-35, R-40, R-41)', () => {
  const group = { type: 'basisGroup' as const, group: {
    ownerId: OWNER, basisGroupId: 'bg-2sta', name: '2STA', level: 'vg2', schoolId: SCHOOL, schoolName: 'Fjellvik vgs',
    departmentId: 'dep-sf', departmentName: 'Studiespesialisering', memberStudentIds: ['s-1', 's-2'] } };
  const ct = actor({ contactTeacherOf: [{ id: 'bg-2sta', name: '2STA', schoolId: SCHOOL, schoolName: 'x', departmentId: null }] });
  const classmate = actor({ studentIds: ['s-2'] });
  const otherClass = actor({ studentIds: ['s-9'] });

  it('lets a student of the class read and take part as "student in 2STA", but not run it', () => {
    expect(describeReason(can(classmate, 'basisGroup.takePartInClassLife', group, TODAY).reason, 'en')).toBe('student in 2STA');
    expect(can(classmate, 'basisGroup.readClassLife', group, TODAY)).toMatchObject({ allow: true, reason: { code: 'classMember' } });
    expect(can(classmate, 'basisGroup.manageClassLife', group, TODAY)).toMatchObject({ allow: false, hide: false });
  });

  it('hides the class from a student of another class, and only the class\'s own contact teacher manages it', () => {
    expect(can(otherClass, 'basisGroup.readClassLife', group, TODAY)).toMatchObject({ allow: false, hide: true });
    expect(can(otherClass, 'basisGroup.takePartInClassLife', group, TODAY)).toMatchObject({ allow: false, hide: true });
    expect(describeReason(can(ct, 'basisGroup.manageClassLife', group, TODAY).reason, 'nb')).toBe('kontaktlærer for 2STA');
    expect(can(ct, 'basisGroup.takePartInClassLife', group, TODAY)).toMatchObject({ allow: false, hide: false });
    expect(can(actor({ staff: staff('principal') }), 'basisGroup.readClassLife', group, TODAY).allow).toBe(true);
    expect(can(actor({ staff: staff('principal') }), 'basisGroup.manageClassLife', group, TODAY).allow).toBe(false);
    expect(can(actor({ staff: staff('counsellor') }), 'basisGroup.readClassLife', group, TODAY).allow).toBe(false);
  });
});

describe('policy: accommodation needs are for the student\'s teachers and leaders only (R-04)', () => {
  const mat = [{ id: 'tg-mat', name: '2STA-MAT', schoolId: SCHOOL, subjectCode: 'MAT1021', subjectName: 'Matematikk' }];
  it('lets the subject teacher of the student read and confirm, with the group as the reason', () => {
    const a = actor({ subjectTeacherOf: mat });
    const read = can(a, 'accommodationNeed.read', res(student()), TODAY);
    expect(describeReason(read.reason)).toBe('subject teacher in MAT1021 group 2STA-MAT');
    expect(can(a, 'accommodationNeed.confirm', res(student()), TODAY).allow).toBe(true);
    expect(can(a, 'accommodationNeed.manage', res(student()), TODAY)).toMatchObject({ allow: false, reason: { code: 'roleNotAllowed' } });
  });
  it('denies the student, guardians with parental responsibility and a teacher of another group', () => {
    expect(can(actor({ personId: 'p-student', studentIds: ['s-1'] }), 'accommodationNeed.read', res(student()), TODAY).allow).toBe(false);
    expect(can(actor({ personId: 'p-mother', guardianOf: ['s-1'] }), 'accommodationNeed.read', res(student()), TODAY)).toMatchObject({ allow: false, reason: { code: 'roleNotAllowed' } });
    const other = actor({ subjectTeacherOf: [{ ...mat[0]!, id: 'tg-other', name: '2STB-MAT' }] });
    expect(can(other, 'accommodationNeed.read', res(student()), TODAY)).toMatchObject({ allow: false, hide: true });
  });
  it('lets the department head of the student\'s department register a need, not the principal', () => {
    expect(describeReason(can(actor({ staff: staff('departmentHead', 'dep-sf', 'Studiespesialisering') }), 'accommodationNeed.manage', res(student()), TODAY).reason))
      .toBe('department head of Studiespesialisering');
    expect(can(actor({ staff: staff('principal') }), 'accommodationNeed.manage', res(student()), TODAY).allow).toBe(false);
  });
});

describe('policy: the assessment plan (R-42)', () => {
  const group = { type: 'teachingGroup' as const, group: { ownerId: OWNER, teachingGroupId: 'tg-mat', name: '2STA-MAT', schoolId: SCHOOL, schoolName: 'Fjellvik vgs', subjectCode: 'MAT1021', subjectName: 'Matematikk 2P' } };
  const teacher = actor({ subjectTeacherOf: [{ id: 'tg-mat', name: '2STA-MAT', schoolId: SCHOOL, subjectCode: 'MAT1021', subjectName: 'Matematikk 2P' }] });

  it('lets the group\'s own subject teacher plan its tests, and the principal read but not plan them', () => {
    const d = can(teacher, 'teachingGroup.planAssessment', group, TODAY);
    expect(d.allow).toBe(true);
    expect(d.reason).toEqual({ code: 'subjectTeacher', params: { subject: 'MAT1021', group: '2STA-MAT' } });
    const principal = actor({ staff: staff('principal') });
    expect(can(principal, 'teachingGroup.readAssessmentPlan', group, TODAY).allow).toBe(true);
    expect(can(principal, 'teachingGroup.planAssessment', group, TODAY)).toMatchObject({ allow: false, hide: false });
    expect(can(actor({}), 'teachingGroup.planAssessment', group, TODAY)).toMatchObject({ allow: false, hide: true });
  });

  it('shows a student\'s plan to the student and a guardian with insight, not to a parent without parental responsibility', () => {
    expect(can(actor({ personId: 'p-student', studentIds: ['s-1'] }), 'assessmentPlan.read', res(student()), TODAY).reason.code).toBe('self');
    expect(can(actor({ personId: 'p-mother', guardianOf: ['s-1'] }), 'assessmentPlan.read', res(student()), TODAY).allow).toBe(true);
    expect(can(actor({ personId: 'p-father', guardianOf: ['s-1'] }), 'assessmentPlan.read', res(student()), TODAY).allow).toBe(false);
  });
});

describe('policy: the annual cycle (R-30…R-33)', () => {
  const school = { type: 'school' as const, ownerId: OWNER, schoolId: SCHOOL, schoolName: 'Fjellvik vgs' };
  const group = { type: 'basisGroup' as const, group: { ownerId: OWNER, basisGroupId: 'bg-2sta', name: '2STA', level: 'vg2', schoolId: SCHOOL, schoolName: 'Fjellvik vgs', departmentId: 'dep-sf', departmentName: 'Studiespesialisering' } };

  it('lets the principal edit the cycle and read compliance, naming the role; a counsellor reads the cycle but not compliance', () => {
    const principal = actor({ staff: staff('principal') });
    expect(can(principal, 'annualCycle.manage', school, TODAY)).toMatchObject({ allow: true, reason: { code: 'principal' } });
    expect(can(principal, 'annualCycle.readCompliance', school, TODAY).allow).toBe(true);
    const counsellor = actor({ staff: staff('counsellor') });
    expect(can(counsellor, 'annualCycle.read', school, TODAY).allow).toBe(true);
    expect(can(counsellor, 'annualCycle.readCompliance', school, TODAY)).toMatchObject({ allow: false, reason: { code: 'roleNotAllowed' } });
    expect(can(counsellor, 'annualCycle.manage', school, TODAY).allow).toBe(false);
  });

  it('lets the class\'s contact teacher and its department head drill down to the class, not the counsellor or another department\'s head', () => {
    const ct = actor({ contactTeacherOf: [{ id: 'bg-2sta', name: '2STA', schoolId: SCHOOL, schoolName: 'x', departmentId: null }] });
    expect(describeReason(can(ct, 'basisGroup.readRoutineCompliance', group, TODAY).reason)).toBe('contact teacher of 2STA');
    expect(can(actor({ staff: staff('departmentHead', 'dep-sf', 'Studiespesialisering') }), 'basisGroup.readRoutineCompliance', group, TODAY).allow).toBe(true);
    expect(can(actor({ staff: staff('departmentHead', 'dep-yf', 'Yrkesfag') }), 'basisGroup.readRoutineCompliance', group, TODAY)).toMatchObject({ allow: false, hide: true });
    expect(can(actor({ staff: staff('counsellor') }), 'basisGroup.readRoutineCompliance', group, TODAY)).toMatchObject({ allow: false, hide: false });
    expect(can(actor({ staff: staff('counsellor') }), 'student.readRoutineTasks', res(student()), TODAY).allow).toBe(false);
  });
});
